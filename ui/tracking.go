package ui

import (
	"fmt"
	"image/color"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/chart"
	"boussole/workshop"
)

// The Tracking view of a charter (PRODUCT.md §5, issue 13): one row per
// KPI with its last value and a quick check-in (Enter saves and moves to
// the next KPI), then one dashboard per objective: pilot, contributors,
// status in words, colour and icon, each KPI's value against its
// baseline, alert threshold and target, a progress bar, its trend chart
// and when the next check-in is due.

// TrackingStore is what the Tracking view needs beyond SessionStore
// (storage.Store has it): check-ins are appended without rewriting the
// session, and the home list reads every charter's status in one go.
type TrackingStore interface {
	AddCheckIns(id string, cis []workshop.CheckIn) error
	Attention(asOf time.Time) (map[string]workshop.Attention, error)
}

// trackingView is the Tracking screen of one session.
type trackingView struct {
	a    *App
	sess *workshop.Session

	date    *widget.Entry // the day measured, typed the charter's way
	rows    []*checkinRow
	message *widget.Label
	dash    *fyne.Container
	content fyne.CanvasObject
}

// checkinRow is one KPI's quick check-in.
type checkinRow struct {
	kpi    workshop.KPI
	status *fyne.Container
	last   *widget.Label
	value  *widget.Entry
	err    *widget.Label
}

// showTracking opens the Tracking view of session id (closing the editor,
// saved, if one is open).
func (a *App) showTracking(id string) {
	if a.editor != nil {
		if !a.closeEditor() {
			return
		}
	}
	a.withSession(id, func(s *workshop.Session) {
		a.tracking = newTrackingView(a, s)
		a.win.SetTitle(s.TrackedRevision().Charter.Title + " — " + tr("track.title"))
		a.win.SetContent(a.tracking.build())
		if len(a.tracking.rows) > 0 {
			a.win.Canvas().Focus(a.tracking.rows[0].value)
		}
		a.settle()
	})
}

func newTrackingView(a *App, s *workshop.Session) *trackingView {
	return &trackingView{a: a, sess: s}
}

func (v *trackingView) charter() *workshop.Charter { return &v.sess.TrackedRevision().Charter }

func (v *trackingView) build() fyne.CanvasObject {
	c := v.charter()
	back := widget.NewButtonWithIcon(tr("editor.home"), theme.NavigateBackIcon(), func() { v.a.tracking = nil; v.a.ShowHome() })
	open := widget.NewButtonWithIcon(tr("track.openCharter"), theme.DocumentIcon(), func() { v.a.tracking = nil; v.a.openSession(v.sess.ID) })
	imp := widget.NewButtonWithIcon(tr("track.import"), theme.DownloadIcon(), v.onImport)
	review := widget.NewButtonWithIcon(tr("track.review"), theme.DocumentSaveIcon(), v.onReviewPack)
	project := widget.NewButtonWithIcon(tr("track.project"), theme.ComputerIcon(), func() { v.project() })
	title := widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, back, container.NewHBox(imp, review, project, open), title)

	v.date = widget.NewEntry()
	v.date.SetText(formatDay(v.a.d.Now()))
	v.date.SetPlaceHolder(tr("track.date.hint"))
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord

	var notice fyne.CanvasObject = layout.NewSpacer()
	if !v.sess.TrackedRevision().Frozen() {
		n := widget.NewLabel(tr("track.rehearsal"))
		n.Importance = widget.WarningImportance
		n.Wrapping = fyne.TextWrapWord
		notice = n
	}

	grid := container.New(layout.NewFormLayout())
	quick := container.NewVBox()
	for i, k := range c.KPIs {
		row := &checkinRow{kpi: k, status: container.NewHBox(), last: widget.NewLabel(""), value: widget.NewEntry(), err: widget.NewLabel("")}
		row.value.SetPlaceHolder(tr("track.value.hint"))
		row.err.Importance = widget.DangerImportance
		row.err.Wrapping = fyne.TextWrapWord
		row.err.Hide()
		idx := i
		row.value.OnSubmitted = func(string) { v.add(idx) }
		add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { v.add(idx) })
		name := widget.NewLabelWithStyle(k.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		// The field keeps a width that holds "1 200,5 €" whatever the
		// status and last value beside it say; the last value gives way.
		row.last.Truncation = fyne.TextTruncateEllipsis
		field := container.NewGridWrap(fyne.NewSize(190, row.value.MinSize().Height), row.value)
		line := container.NewBorder(nil, nil, row.status, container.NewHBox(field, add), row.last)
		quick.Add(container.NewBorder(nil, row.err, nil, nil, container.New(layout.NewGridLayoutWithColumns(2), name, line)))
		v.rows = append(v.rows, row)
	}
	grid.Add(widget.NewLabel(tr("track.date")))
	grid.Add(v.date)
	entry := container.NewVBox(
		widget.NewLabelWithStyle(tr("track.quick"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		notice, grid, quick, v.message)

	v.dash = container.NewVBox()
	v.refresh()
	body := container.NewVScroll(container.NewPadded(container.NewVBox(entry, widget.NewSeparator(),
		widget.NewLabelWithStyle(tr("track.dashboards"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.dash)))
	v.content = container.NewBorder(container.NewVBox(container.NewPadded(top), widget.NewSeparator()), nil, nil, nil, body)
	return v.content
}

// refresh redraws the rows' last values and statuses and the dashboards.
func (v *trackingView) refresh() {
	c := v.charter()
	now := v.a.d.Now()
	dash := workshop.Dashboard(c, v.sess.CheckIns, now)
	tracks := map[string]workshop.KPITrack{}
	for _, o := range dash {
		for _, t := range o.KPIs {
			tracks[t.KPI.ID] = t
		}
	}
	for _, r := range v.rows {
		t, ok := tracks[r.kpi.ID]
		if !ok { // a KPI measuring no objective
			t = workshop.TrackKPI(c, r.kpi, v.sess.CheckIns, now)
		}
		r.status.Objects = []fyne.CanvasObject{statusBadge(t.Report.Status)}
		r.status.Refresh()
		if t.Report.Last != nil {
			r.last.SetText(tr("track.last", "Value", t.Report.Last.Value, "Date", formatDate(t.Report.Last.Date)))
		} else {
			r.last.SetText(tr("track.nolast"))
		}
	}
	v.dash.Objects = nil
	for _, o := range dash {
		v.dash.Add(dashboardCard(c, o, now))
	}
	v.dash.Refresh()
}

// formatDate shows a stored date the interface's way, or as stored.
func formatDate(d workshop.Date) string {
	if t, ok := d.Time(); ok {
		return formatDay(t)
	}
	return string(d)
}

// add records the check-in typed in row i, then moves to the next row.
func (v *trackingView) add(i int) {
	r := v.rows[i]
	if strings.TrimSpace(r.value.Text) == "" {
		v.focus(i + 1)
		return
	}
	ts, ok := v.a.d.Store.(TrackingStore)
	if !ok {
		v.fail(r, fmt.Errorf("%s", tr("track.unsupported")))
		return
	}
	date := strings.TrimSpace(v.date.Text)
	if d, ok := parseDay(date); ok {
		date = string(workshop.DateOf(d)) // the interface's date form, read as the interface reads it
	}
	ci, err := v.sess.NewCheckIn(workshop.CheckInInput{KPI: r.kpi.ID, Value: r.value.Text, Date: date}, v.a.d.Now())
	if err != nil {
		v.fail(r, err)
		return
	}
	r.value.Disable()
	var serr error
	v.a.background(func() { serr = ts.AddCheckIns(v.sess.ID, []workshop.CheckIn{ci}) }, func() {
		r.value.Enable()
		if serr != nil {
			v.fail(r, serr) // the typed value stays in the field
			return
		}
		_ = v.sess.AddCheckIns(ci)
		r.err.Hide()
		r.value.SetText("")
		v.message.SetText(tr("track.saved", "KPI", r.kpi.Name, "Value", ci.Value, "Date", formatDate(ci.Date)))
		v.refresh()
		v.focus(i + 1)
	})
}

func (v *trackingView) fail(r *checkinRow, err error) {
	r.err.SetText(workshop.Message(err))
	r.err.Show()
	v.a.win.Canvas().Focus(r.value)
}

func (v *trackingView) focus(i int) {
	if i < len(v.rows) {
		v.a.win.Canvas().Focus(v.rows[i].value)
	} else {
		v.a.win.Canvas().Focus(nil)
	}
}

// statusColour is a status's colour; statusBadge always puts its word and
// icon beside it.
func statusColour(s workshop.KPIStatus) color.Color {
	switch s {
	case workshop.StatusAlert:
		return chartAlertColour
	case workshop.StatusAtRisk:
		return color.NRGBA{0x9A, 0x5B, 0x00, 0xFF}
	case workshop.StatusAchieved, workshop.StatusOnTrack:
		return chartTargetColour
	}
	return theme.Color(theme.ColorNamePlaceHolder)
}

func statusIcon(s workshop.KPIStatus) fyne.Resource {
	switch s {
	case workshop.StatusAchieved:
		return theme.ConfirmIcon()
	case workshop.StatusOnTrack:
		return theme.MoveUpIcon()
	case workshop.StatusAtRisk:
		return theme.WarningIcon()
	case workshop.StatusAlert:
		return theme.ErrorIcon()
	case workshop.StatusOutdated:
		return theme.HistoryIcon()
	}
	return theme.QuestionIcon()
}

// statusBadge is a status as an icon, its word and its colour.
func statusBadge(s workshop.KPIStatus) fyne.CanvasObject {
	word := canvas.NewText(workshop.Label(CurrentLang(), string(s)), statusColour(s))
	word.TextStyle.Bold = true
	return container.NewHBox(widget.NewIcon(statusIcon(s)), container.NewCenter(word))
}

// dashboardCard is the dashboard of one objective.
func dashboardCard(c *workshop.Charter, o workshop.ObjectiveTrack, now time.Time) fyne.CanvasObject {
	l := c.Lang
	pilot := "—"
	if o.Pilot != nil {
		pilot = o.Pilot.Name
	}
	var contrib []string
	for _, p := range o.Contributors {
		contrib = append(contrib, p.Name)
	}
	head := container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle(o.Objective.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), statusBadge(o.Status)),
		widget.NewLabel(tr("track.people", "Pilot", pilot, "Contributors", orNone(strings.Join(contrib, ", ")))),
	)
	box := container.NewVBox(head)
	if o.Overdue > 0 {
		od := widget.NewLabel(tr("track.overdueCount", "N", o.Overdue))
		od.Importance = widget.DangerImportance
		box.Add(od)
	}
	for _, t := range o.KPIs {
		box.Add(widget.NewSeparator())
		name := widget.NewLabelWithStyle(t.KPI.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		cur := "" // WithUnit writes a dash, not "—%"
		if t.Report.Last != nil {
			cur = t.Report.Last.Value
		}
		vals := widget.NewLabel(tr("track.values", "Current", workshop.WithUnit(l, cur, t.KPI.Unit),
			"Baseline", workshop.WithUnit(l, t.KPI.Baseline, t.KPI.Unit), "Alert", workshop.WithUnit(l, t.KPI.Alert, t.KPI.Unit),
			"Target", workshop.WithUnit(l, t.KPI.Target, t.KPI.Unit)))
		vals.Wrapping = fyne.TextWrapWord
		bar := widget.NewProgressBar()
		bar.TextFormatter = func() string { return "" }
		if t.Report.HasProgress {
			bar.SetValue(max(0, min(1, t.Report.Progress)))
			p := int(t.Report.Progress*100 + 0.5)
			bar.TextFormatter = func() string { return tr("track.progress", "P", p) }
		}
		due := widget.NewLabel("")
		switch {
		case t.NextDue == "":
			due.SetText(tr("track.nodue"))
		case t.Overdue:
			due.SetText(tr("track.overdue", "Date", formatDate(t.NextDue)))
			due.Importance = widget.DangerImportance
			due.TextStyle.Bold = true
		default:
			due.SetText(tr("track.due", "Date", formatDate(t.NextDue)))
		}
		var dueIcon fyne.CanvasObject = widget.NewIcon(theme.HistoryIcon())
		if t.Overdue {
			dueIcon = widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon()))
		}
		tc := newTrendChart(chart.Of(c, t, now), fyne.NewSize(380, 170))
		info := container.NewVBox(container.NewHBox(name, statusBadge(t.Report.Status)), vals, bar, container.NewHBox(dueIcon, due))
		box.Add(container.NewGridWithColumns(2, info, tc))
	}
	return widget.NewCard("", "", box)
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// onImport is File ▸ Import check-ins: a CSV file, previewed with each bad
// line named, stored whole or not at all.
func (v *trackingView) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(v.a.win, "error.import", err)
			return
		}
		if r == nil {
			return
		}
		data, err := io.ReadAll(io.LimitReader(r, workshop.MaxCheckInsCSVSize+1))
		r.Close()
		if err != nil {
			showError(v.a.win, "error.import", err)
			return
		}
		v.previewImport(r.URI().Name(), data)
	}, v.a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt"}))
	d.SetConfirmText(tr("track.import"))
	d.SetDismissText(tr("dialog.cancel"))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// importPreview is the preview dialog's content (tests read it).
type importPreview struct {
	summary *widget.Label
	lines   *widget.Label
	read    *workshop.CSVCheckIns
	dialog  *dialog.ConfirmDialog
	err     error
}

// previewImport reads a check-ins file and shows what it holds: the
// check-ins to add, and every bad line with its reason (then nothing can
// be stored).
func (v *trackingView) previewImport(name string, data []byte) *importPreview {
	p := &importPreview{summary: widget.NewLabel(""), lines: widget.NewLabel("")}
	p.summary.Wrapping = fyne.TextWrapWord
	p.lines.Wrapping = fyne.TextWrapWord
	r, err := workshop.ReadCheckInsCSV(v.sess, data, v.a.d.Now())
	p.read, p.err = r, err
	if err == nil {
		err = r.Err()
	}
	var b strings.Builder
	switch {
	case r == nil:
		p.summary.SetText(tr("track.import.unreadable", "File", name))
		b.WriteString(workshop.Message(err))
	case len(r.Problems) > 0:
		p.summary.SetText(tr("track.import.bad", "File", name, "N", len(r.Problems)))
		for _, pr := range r.Problems {
			b.WriteString(tr("track.import.line", "Line", pr.Line, "Reason", pr.Reason) + "\n")
		}
	default:
		p.summary.SetText(tr("track.import.good", "File", name, "N", len(r.CheckIns), "Known", r.Known))
		c := v.charter()
		for i, ci := range r.CheckIns {
			if i == 50 {
				b.WriteString(tr("track.import.more", "N", len(r.CheckIns)-50))
				break
			}
			k := workshop.ByID(c.KPIs, ci.KPIID)
			fmt.Fprintf(&b, "%s · %s · %s\n", formatDate(ci.Date), k.Name, ci.Value)
		}
	}
	p.lines.SetText(strings.TrimSpace(b.String()))
	scroll := container.NewVScroll(p.lines)
	scroll.SetMinSize(fyne.NewSize(560, 260))
	content := container.NewBorder(p.summary, nil, nil, nil, scroll)
	ok := err == nil && len(r.CheckIns) > 0
	p.dialog = dialog.NewCustomConfirm(tr("track.import.title"), tr("track.import.store"), tr("dialog.cancel"), content, func(yes bool) {
		if yes && ok {
			v.store(r.CheckIns)
		}
	}, v.a.win)
	p.dialog.Show()
	if !ok {
		p.dialog.SetConfirmText(tr("track.import.nothing"))
	}
	return p
}

// store appends the imported check-ins, all or none.
func (v *trackingView) store(cis []workshop.CheckIn) {
	ts, ok := v.a.d.Store.(TrackingStore)
	if !ok {
		return
	}
	var err error
	v.a.background(func() { err = ts.AddCheckIns(v.sess.ID, cis) }, func() {
		if err != nil {
			showError(v.a.win, "error.import", err)
			return
		}
		_ = v.sess.AddCheckIns(cis...)
		v.message.SetText(tr("track.import.done", "N", len(cis)))
		v.refresh()
	})
}

// onReviewPack exports the review pack of a ritual as of the day typed.
func (v *trackingView) onReviewPack() {
	c := v.charter()
	if v.a.d.ReviewPDF == nil {
		return
	}
	var names []string
	for _, r := range c.Rituals {
		names = append(names, r.Name)
	}
	ritual := widget.NewSelect(names, nil)
	if len(names) > 0 {
		ritual.SetSelectedIndex(0)
	}
	asOf := widget.NewEntry()
	asOf.SetText(formatDay(v.a.d.Now()))
	items := []*widget.FormItem{widget.NewFormItem(tr("track.review.ritual"), ritual), widget.NewFormItem(tr("track.review.asof"), asOf)}
	dialog.ShowForm(tr("track.review"), tr("dialog.save"), tr("dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		day, okDay := parseDay(asOf.Text)
		if !okDay {
			showInfo(v.a.win, "track.review", tr("track.review.baddate", "Date", asOf.Text))
			return
		}
		snap := cloneSession(v.sess)
		name := ""
		if i := ritual.SelectedIndex(); i >= 0 {
			name = c.Rituals[i].ID
		}
		paper := v.a.settings.Paper()
		saveAs(v.a, fileName(c.Title, string(workshop.DateOf(day)), 0, ".pdf"), []string{".pdf"}, func(path string) {
			v.a.exportTo(path, func() ([]byte, error) { return v.a.d.ReviewPDF(snap, name, day, paper) })
		})
	}, v.a.win)
}

// parseDay reads a day typed the interface's way (as the date fields of
// the editor do) or ISO.
func parseDay(s string) (time.Time, bool) {
	d, ok := workshop.ParseDateInput(CurrentLang(), s)
	if !ok {
		return time.Time{}, false
	}
	t, ok := d.Time()
	return t.Add(12 * time.Hour), ok
}

// menuImportCheckIns is File ▸ Import check-ins: in the Tracking view of
// the open charter.
func (a *App) menuImportCheckIns() {
	switch {
	case a.tracking != nil:
		a.tracking.onImport()
	case a.editor != nil:
		showInfo(a.win, "track.menu.import", tr("track.import.needview"))
	default:
		showInfo(a.win, "track.menu.import", tr("export.needsession"))
	}
}

// menuTracking is View ▸ Tracking: the open charter's, or the one selected
// in the home list.
func (a *App) menuTracking() {
	switch {
	case a.editor != nil:
		a.showTracking(a.editor.sess.ID)
	case a.tracking == nil && a.home.selected != "":
		a.showTracking(a.home.selected)
	case a.tracking == nil:
		showInfo(a.win, "track.menu.view", tr("export.needsession"))
	}
}
