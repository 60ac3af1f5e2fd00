package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// home is the session list: search, create, open, duplicate, delete,
// import and export.
type home struct {
	a *App

	all      []workshop.Summary // as listed by the store, newest first
	shown    []workshop.Summary // after the search filter
	selected string             // id of the selected session

	search                            *widget.Entry
	list                              *sessionList
	empty                             *fyne.Container
	emptyText                         *widget.Label
	newBtn, importBtn                 *widget.Button
	openBtn, dupBtn, delBtn, exportBt *widget.Button
	content                           fyne.CanvasObject

	// Tracking (home_tracking.go): each signed charter's status and overdue
	// check-ins, the "needs attention" order, the Tracking view's button.
	attention   map[string]workshop.Attention
	byAttention *widget.Check
	trackBtn    *widget.Button
}

func newHome(a *App) *home { return &home{a: a} }

func (h *home) build() fyne.CanvasObject {
	if h.content != nil {
		return h.content
	}
	h.search = widget.NewEntry()
	h.search.SetPlaceHolder(tr("home.search"))
	h.search.OnChanged = func(string) { h.filter() }
	h.newBtn = widget.NewButtonWithIcon(tr("home.new"), theme.ContentAddIcon(), h.onNew)
	h.newBtn.Importance = widget.HighImportance
	h.importBtn = widget.NewButtonWithIcon(tr("home.import"), theme.DownloadIcon(), h.onImport)
	h.openBtn = widget.NewButtonWithIcon(tr("home.open"), theme.FolderOpenIcon(), h.onOpen)
	h.dupBtn = widget.NewButtonWithIcon(tr("home.duplicate"), theme.ContentCopyIcon(), h.onDuplicate)
	h.delBtn = widget.NewButtonWithIcon(tr("home.delete"), theme.DeleteIcon(), h.onDelete)
	h.exportBt = widget.NewButtonWithIcon(tr("home.export"), theme.UploadIcon(), h.onExport)

	h.list = newSessionList(func() int { return len(h.shown) }, func() fyne.CanvasObject {
		return newSessionRowWidget(newSessionRow(), h.list.Select, h.openRow)
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if r := o.(*sessionRow); i < len(h.shown) {
			r.id = i
			fillSessionRow(r.content, h.shown[i], h.a.d.Now())
			fillAttention(r.content, h.attention[h.shown[i].ID])
		}
	}, h.onOpen)
	h.list.OnSelected = func(i widget.ListItemID) {
		if i < len(h.shown) {
			h.selected = h.shown[i].ID
		}
		h.updateButtons()
	}
	h.list.OnUnselected = func(widget.ListItemID) { h.selected = ""; h.updateButtons() }

	h.emptyText = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	h.emptyText.Wrapping = fyne.TextWrapWord
	h.empty = container.NewVBox(layout.NewSpacer(), widget.NewIcon(theme.DocumentCreateIcon()), h.emptyText, layout.NewSpacer())

	heading := widget.NewLabelWithStyle(tr("home.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.buildTracking()
	top := container.NewBorder(nil, nil, heading, container.NewHBox(h.byAttention, h.importBtn, h.newBtn), h.search)
	actions := container.NewHBox(layout.NewSpacer(), h.exportBt, h.dupBtn, h.delBtn, h.trackBtn, h.openBtn)
	h.content = container.NewPadded(container.NewBorder(
		container.NewVBox(top, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), actions), nil, nil,
		container.NewStack(h.list, h.empty)))
	h.updateButtons()
	return h.content
}

// reload lists the sessions off the UI goroutine.
func (h *home) reload() {
	var sums []workshop.Summary
	var att map[string]workshop.Attention
	var err error
	now := h.a.d.Now()
	h.a.background(func() {
		if sums, err = h.a.d.Store.List(); err == nil {
			att = loadAttention(h.a.d.Store, now)
		}
	}, func() {
		if err != nil {
			showError(h.a.win, "error.list", err)
			return
		}
		h.all = sums
		h.attention = att
		h.filter()
	})
}

// filter applies the search text to the title and the period.
func (h *home) filter() {
	q := strings.ToLower(strings.TrimSpace(h.search.Text))
	h.shown = h.shown[:0]
	for _, s := range h.all {
		if q == "" || strings.Contains(strings.ToLower(s.Title), q) || strings.Contains(strings.ToLower(s.Period), q) {
			h.shown = append(h.shown, s)
		}
	}
	h.sortByAttention()
	found := false
	for i, s := range h.shown {
		if s.ID == h.selected {
			h.list.Select(i)
			found = true
		}
	}
	if !found {
		h.selected = ""
		h.list.UnselectAll()
	}
	switch {
	case len(h.all) == 0:
		h.emptyText.SetText(tr("home.empty"))
		h.empty.Show()
	case len(h.shown) == 0:
		h.emptyText.SetText(tr("home.nomatch"))
		h.empty.Show()
	default:
		h.empty.Hide()
	}
	h.list.Refresh()
	h.updateButtons()
}

func (h *home) updateButtons() {
	for _, b := range []*widget.Button{h.openBtn, h.dupBtn, h.delBtn, h.exportBt, h.trackBtn} {
		if h.selected == "" {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

func (h *home) summary(id string) workshop.Summary {
	for _, s := range h.all {
		if s.ID == id {
			return s
		}
	}
	return workshop.Summary{ID: id}
}

func newSessionRow() *fyne.Container {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	period := widget.NewLabel("")
	status := widget.NewLabel("")
	rev := widget.NewLabel("")
	when := widget.NewLabel("")
	right := container.NewHBox(period, status, rev, when, newAttentionSlot())
	return container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), right, title)
}

func fillSessionRow(o fyne.CanvasObject, s workshop.Summary, now time.Time) {
	c := o.(*fyne.Container)
	title := c.Objects[0].(*widget.Label)
	right := c.Objects[len(c.Objects)-1].(*fyne.Container)
	if s.Title == "" {
		title.SetText(tr("home.untitled"))
	} else {
		title.SetText(s.Title)
	}
	right.Objects[0].(*widget.Label).SetText(s.Period)
	st := right.Objects[1].(*widget.Label)
	st.SetText(statusLabel(s.Status))
	switch s.Status {
	case "signed":
		st.Importance = widget.SuccessImportance
	case "signing", workshop.StageUnverified:
		st.Importance = widget.WarningImportance
	default:
		st.Importance = widget.MediumImportance
	}
	st.Refresh()
	right.Objects[2].(*widget.Label).SetText(tr("home.revision", "N", s.Revision))
	right.Objects[3].(*widget.Label).SetText(relativeTime(s.Updated, now))
}

// relativeTime says when something changed: "just now", "12 min ago",
// "today 14:05", "yesterday 09:12", else the date.
func relativeTime(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	now = now.Local()
	d := now.Sub(t)
	switch {
	case d < time.Minute && d > -time.Minute:
		return tr("time.now")
	case d < time.Hour && d > 0:
		return tr("time.minutes", "N", int(d.Minutes()))
	}
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	if y1 == y2 && m1 == m2 && d1 == d2 {
		return tr("time.today", "T", t.Format("15:04"))
	}
	yy, ym, yd := now.AddDate(0, 0, -1).Date()
	if y1 == yy && m1 == ym && d1 == yd {
		return tr("time.yesterday", "T", t.Format("15:04"))
	}
	return formatDay(t)
}

func (h *home) onOpen() {
	if h.selected != "" {
		h.a.openSession(h.selected)
	}
}

// openRow opens the session shown in row i (double click on the list).
func (h *home) openRow(i widget.ListItemID) {
	if i >= 0 && i < len(h.shown) {
		h.a.openSession(h.shown[i].ID)
	}
}

// nextQuarter is the label of the quarter after the one containing t.
func nextQuarter(t time.Time) string {
	q := (int(t.Month())-1)/3 + 1
	y := t.Year()
	q++
	if q > 4 {
		q, y = 1, y+1
	}
	return fmt.Sprintf("%d-Q%d", y, q)
}

// newSessionForm is the "new session" dialog's fields; tests fill them.
type newSessionForm struct {
	title    *widget.Entry
	titleFld *titleField // the title entry and its validation
	template *widget.Select
	summary  *widget.Label
	lang     *widget.RadioGroup
	period   *widget.Entry
	ids      []string
	infos    []workshop.TemplateInfo
	auto     string // the title last filled from the template; anything else was typed
	dialog   *dialog.FormDialog
}

// onNew opens the new-session form with the title field focused: the
// facilitator types the title at once.
func (h *home) onNew() {
	f := h.newForm()
	f.dialog.Show()
	h.a.win.Canvas().Focus(f.title)
}

func (h *home) newForm() *newSessionForm {
	f := &newSessionForm{}
	ui := CurrentLang()
	infos := workshop.Templates()
	sort.SliceStable(infos, func(i, j int) bool { return infos[i].ID == "blank" && infos[j].ID != "blank" })
	f.infos = infos
	var titles []string
	for _, t := range infos {
		f.ids = append(f.ids, t.ID)
		titles = append(titles, templateTitle(t, ui))
	}
	f.title = widget.NewEntry()
	f.title.SetPlaceHolder(tr("new.title.placeholder"))
	// The title is required only for a blank charter: a template brings its
	// own. The form shows the error inline under the field and keeps Create
	// disabled until it is resolved.
	f.titleFld = newTitleField(f.title, func(s string) error {
		if strings.TrimSpace(s) == "" && f.templateID() == workshop.BlankTemplate {
			return fmt.Errorf("%s", tr("new.title.required"))
		}
		return nil
	})
	f.summary = widget.NewLabel("")
	f.summary.Wrapping = fyne.TextWrapWord
	f.template = widget.NewSelect(titles, func(string) {
		i := f.template.SelectedIndex()
		if i >= 0 {
			f.summary.SetText(templateSummary(infos[i], ui))
		}
		f.fillTitle()
	})
	f.lang = widget.NewRadioGroup([]string{tr("lang.fr"), tr("lang.en")}, func(string) { f.fillTitle() })
	f.lang.Horizontal = true
	f.lang.Required = true
	if ui == workshop.FR {
		f.lang.SetSelected(tr("lang.fr"))
	} else {
		f.lang.SetSelected(tr("lang.en"))
	}
	f.period = widget.NewEntry()
	f.period.SetText(nextQuarter(h.a.d.Now()))
	f.period.Validator = func(s string) error {
		if _, err := workshop.PeriodFromLabel(strings.TrimSpace(s)); err != nil {
			return fmt.Errorf("%s", tr("new.period.invalid"))
		}
		return nil
	}
	if len(titles) > 0 {
		f.template.SetSelectedIndex(0)
	}
	items := []*widget.FormItem{
		widget.NewFormItem(tr("new.title"), f.titleFld),
		widget.NewFormItem(tr("new.template"), f.template),
		widget.NewFormItem("", f.summary),
		widget.NewFormItem(tr("new.lang"), f.lang),
		{Text: tr("new.period"), Widget: f.period, HintText: tr("new.period.hint")},
	}
	f.dialog = dialog.NewForm(tr("new.dialog"), tr("new.create"), tr("dialog.cancel"), items, func(ok bool) {
		if ok {
			h.create(f)
		}
	}, h.a.win)
	f.title.OnSubmitted = func(string) {
		f.titleFld.typed = true
		f.titleFld.Validate()
		f.dialog.Submit()
	}
	f.dialog.Resize(fyne.NewSize(560, 420))
	return f
}

// templateID is the id of the chosen template ("blank" when none).
func (f *newSessionForm) templateID() string {
	if i := f.template.SelectedIndex(); i >= 0 && i < len(f.ids) {
		return f.ids[i]
	}
	return workshop.BlankTemplate
}

// charterLang is the charter language chosen in the form.
func (f *newSessionForm) charterLang() workshop.Lang {
	if f.lang.Selected == tr("lang.fr") {
		return workshop.FR
	}
	return workshop.EN
}

// fillTitle puts the chosen template's title, in the chosen charter
// language, into the title field, unless the person typed their own; the
// blank template empties a filled-in title. Then the field revalidates.
func (f *newSessionForm) fillTitle() {
	if f.title == nil || f.lang == nil || f.template == nil {
		return // still being built
	}
	if f.title.Text == f.auto || strings.TrimSpace(f.title.Text) == "" {
		want := ""
		if i := f.template.SelectedIndex(); i >= 0 && f.ids[i] != workshop.BlankTemplate {
			want = f.infos[i].Title[f.charterLang()]
			if want == "" {
				want = templateTitle(f.infos[i], f.charterLang())
			}
		}
		f.auto = want
		f.titleFld.filling = true
		f.title.SetText(want)
		f.titleFld.filling = false
	}
	f.titleFld.Validate()
}

// titleField is the title entry as a form item that validates against the
// chosen template: an Entry's own Validator shows its error only once the
// person has typed and left the field, and cannot be told that the template
// changed, so Create would stay disabled without a word.
type titleField struct {
	widget.BaseWidget
	entry *widget.Entry
	// Validator is read by widget.Form (by reflection) to give the item a
	// line for its message.
	Validator fyne.StringValidator
	err       error
	onChange  func(error)
	// typed: the person has typed in the title (or pressed Enter). Until
	// then a missing title keeps Create disabled without an error on the
	// screen: no error before anything is typed (issue 9 minor).
	typed   bool
	filling bool // the form is filling the title from the template
}

// errNotYet is the error a missing title reports before anything is
// typed: it disables Create and keeps the message's line, blank.
var errNotYet = errors.New("\u00a0")

// reported is the error the form shows for err.
func (f *titleField) reported(err error) error {
	if err != nil && !f.typed {
		return errNotYet
	}
	return err
}

func newTitleField(e *widget.Entry, check fyne.StringValidator) *titleField {
	f := &titleField{entry: e, Validator: check}
	f.ExtendBaseWidget(f)
	e.OnChanged = func(string) {
		if !f.filling {
			f.typed = true
		}
		f.Validate()
	}
	return f
}

// Validate checks the title and tells the form, which shows the message
// under the field and enables Create accordingly.
func (f *titleField) Validate() error {
	f.err = f.Validator(f.entry.Text)
	if f.onChange != nil {
		f.onChange(f.reported(f.err))
	}
	return f.err
}

// SetOnValidationChanged is called by the form when it builds the item; a
// title already missing is reported at once, so the message shows from the
// start.
func (f *titleField) SetOnValidationChanged(fn func(error)) {
	f.onChange = fn
	if fn != nil && f.err != nil {
		fn(f.reported(f.err))
	}
}

func (f *titleField) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(f.entry) }

// templateTitle is a template's title in l, else any.
func templateTitle(t workshop.TemplateInfo, l workshop.Lang) string {
	if s := t.Title[l]; s != "" {
		return s
	}
	for _, s := range t.Title {
		return s
	}
	return t.ID
}

// create makes the session from the form and opens it.
func (h *home) create(f *newSessionForm) {
	i := max(f.template.SelectedIndex(), 0)
	l := f.charterLang()
	title := strings.TrimSpace(f.title.Text)
	period := strings.TrimSpace(f.period.Text)
	now := h.a.d.Now()
	s, err := workshop.FromTemplate(f.ids[i], l, period, now)
	if err != nil {
		showError(h.a.win, "error.create", err)
		return
	}
	if title != "" {
		s.Current().Charter.Title = title
	}
	// A new charter is held in this computer's zone (the set-up step
	// changes it); charters made before keep none (never back-filled).
	s.Current().Charter.TimeZone = workshop.ComputerTimeZone()
	var perr error
	h.a.background(func() { perr = h.a.d.Store.Put(s) }, func() {
		if perr != nil {
			showError(h.a.win, "error.create", perr)
			return
		}
		h.a.showEditor(s)
	})
}

func (h *home) onDuplicate() {
	id := h.selected
	if id == "" {
		return
	}
	var dup *workshop.Session
	var err error
	now := h.a.d.Now()
	h.a.background(func() {
		var s *workshop.Session
		if s, err = h.a.d.Store.Get(id); err != nil {
			return
		}
		dup = duplicate(s, now)
		err = h.a.d.Store.Put(dup)
	}, func() {
		if err != nil {
			showError(h.a.win, "error.duplicate", err)
			return
		}
		h.selected = dup.ID
		h.reload()
	})
}

// duplicate copies the current content of s as a new draft session,
// revision 1, titled "… (copy)" in the charter's language.
func duplicate(s *workshop.Session, now time.Time) *workshop.Session {
	c := cloneSession(s)
	cur := *c.Current()
	ch := cur.Charter
	suffix := " (copy)"
	if ch.Lang == workshop.FR {
		suffix = " (copie)"
	}
	ch.Title += suffix
	return &workshop.Session{
		ID:        workshop.NewID(),
		Template:  c.Template,
		Created:   now,
		Updated:   now,
		Revisions: []workshop.Revision{{Number: 1, Status: workshop.StatusDraft, Charter: ch}},
		Board:     c.Board,
	}
}

func (h *home) onDelete() {
	id := h.selected
	if id == "" {
		return
	}
	s := h.summary(id)
	showConfirm(h.a.win, "home.delete.title", tr("home.delete.body", "Title", s.Title, "Period", s.Period),
		"home.delete.yes", "dialog.cancel", func(ok bool) {
			if !ok {
				return
			}
			var err error
			h.a.background(func() { err = h.a.d.Store.Delete(id) }, func() {
				if err != nil {
					showError(h.a.win, "error.delete", err)
					return
				}
				h.selected = ""
				h.reload()
			})
		})
}

// templateSummary is one sentence telling what a template holds.
func templateSummary(t workshop.TemplateInfo, l workshop.Lang) string {
	if s := t.Summary[l]; s != "" {
		return s
	}
	return templateTitle(t, l)
}
