package ui

import (
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// logStep is step 10: the decision log (traçabilité), dated entries typed
// decision / hypothesis / test / result with author and an optional link to
// an objective or a KPI, newest first. Entries of a draft can be edited or
// removed; once the revision is signed the log is append-only: new entries
// still go in (Editor.AppendDecision), none changes.
type logStep struct {
	ed     Editor
	places *fieldPlaces

	// The entry form.
	Date        *widget.Entry
	Type        *widget.Select
	Text        *textEntry
	Author      *widget.Entry
	AuthorPick  *widget.Select
	Link        *widget.Select
	linkIDs     []string
	Submit      *widget.Button
	CancelEdit  *widget.Button
	FormProblem *widget.Label
	FormTitle   *widget.Label
	editing     string // id of the entry being edited, "" when adding

	Signed *widget.Label
	list   *fyne.Container
	Rows   []*logRow
}

// logRow is one entry of the log as shown.
type logRow struct {
	ID     string
	Late   bool
	Head   *widget.Label
	Body   *widget.Label
	Edit   *widget.Button
	Remove *rowDeleteButton
}

func newLogStep() Step { return &logStep{} }

func (s *logStep) ID() string    { return workshop.StepLog }
func (s *logStep) Title() string { return tr("log.title") }

func (s *logStep) Build(ed Editor) fyne.CanvasObject {
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepLog)
	s.FormTitle = boldText(tr("log.form.add"))
	s.Date = widget.NewEntry()
	s.Date.SetPlaceHolder(tr("input.log.date.placeholder", "Format", datePlaceholder(ed.Lang())))
	types := enumStrings(workshop.DecisionTypes)
	labels := make([]string, len(types))
	for i, t := range types {
		labels[i] = workshop.Label(CurrentLang(), t)
	}
	s.Type = widget.NewSelect(labels, nil)
	s.Type.SetSelectedIndex(0)
	s.Text = newMultiLineEntry()
	s.Text.SetMinRowsVisible(2)
	s.Text.SetPlaceHolder(tr("log.text.placeholder"))
	s.Author = widget.NewEntry()
	s.Author.SetPlaceHolder(tr("log.author.placeholder"))
	s.AuthorPick = widget.NewSelect(nil, func(name string) {
		if name != "" {
			s.Author.SetText(name)
			s.AuthorPick.ClearSelected()
		}
	})
	s.AuthorPick.PlaceHolder = tr("log.author.pick")
	s.Link = widget.NewSelect(nil, nil)
	s.Link.PlaceHolder = tr("log.link.none")
	s.Submit = widget.NewButtonWithIcon(tr("log.add"), theme.ContentAddIcon(), s.onSubmit)
	s.Submit.Importance = widget.HighImportance
	s.CancelEdit = widget.NewButton(tr("field.cancel"), s.resetForm)
	s.CancelEdit.Hide()
	s.FormProblem = newNoteLabel()
	s.Signed = newNoteLabel()
	s.list = container.NewVBox()
	s.places.place("", "", s.Text)

	form := container.NewVBox(
		s.FormTitle,
		container.NewGridWithColumns(3,
			fieldBlock(tr("log.date"), s.Date, "", nil),
			fieldBlock(tr("log.type"), s.Type, "", nil),
			fieldBlock(tr("log.author"), container.NewBorder(nil, nil, nil, s.AuthorPick, s.Author), "", nil)),
		fieldBlock(tr("log.text"), s.Text, "", nil),
		twoColumns(fieldBlock(tr("log.link"), s.Link, "", nil), widget.NewLabel("")),
		s.FormProblem,
		container.NewHBox(s.Submit, s.CancelEdit),
	)
	content := container.NewVBox(
		sectionHeading(tr("log.section")),
		helpLabel(tr("log.help")),
		s.places.note("", ""),
		s.Signed,
		form,
		widget.NewLabel(""),
		sectionHeading(tr("log.entries")),
		s.list,
	)
	s.Refresh()
	return content
}

// formDecision reads the form; ok is false (with the form's message shown)
// when it cannot be stored.
func (s *logStep) formDecision() (d workshop.Decision, ok bool) {
	d.Date = readDate(s.ed.Lang(), s.Date.Text)
	if i := s.Type.SelectedIndex(); i >= 0 && i < len(workshop.DecisionTypes) {
		d.Type = workshop.DecisionTypes[i]
	}
	d.Text = strings.TrimSpace(s.Text.Text)
	d.Author = strings.TrimSpace(s.Author.Text)
	if i := s.Link.SelectedIndex(); i >= 0 && i < len(s.linkIDs) {
		d.LinkID = s.linkIDs[i]
	}
	switch {
	case d.Text == "":
		showNote(s.FormProblem, tr("log.text.required"), widget.DangerImportance)
		return d, false
	case d.Type == "":
		showNote(s.FormProblem, tr("log.type.required"), widget.DangerImportance)
		return d, false
	}
	if d.Date != "" {
		if _, valid := d.Date.Time(); !valid {
			showNote(s.FormProblem, dateInvalid(s.ed.Lang(), string(d.Date)), widget.DangerImportance)
			return d, false
		}
	}
	showNote(s.FormProblem, "", widget.MediumImportance)
	return d, true
}

// onSubmit appends the entry (allowed on a signed revision too) or saves
// the draft entry being edited.
func (s *logStep) onSubmit() {
	d, ok := s.formDecision()
	if !ok {
		return
	}
	if s.editing == "" {
		if s.ed.AppendDecision(d) {
			s.resetForm()
			s.Refresh()
		}
		return
	}
	id := s.editing
	if d.Date == "" {
		if old := decisionItems.at(s.ed.Charter(), id); old != nil {
			d.Date = old.Date
		}
	}
	if s.ed.Edit(func(c *workshop.Charter) {
		if x := decisionItems.at(c, id); x != nil {
			d.ID = id
			*x = d
		}
	}) {
		s.resetForm()
	}
}

// resetForm empties the form and goes back to adding.
func (s *logStep) resetForm() {
	s.editing = ""
	s.Date.SetText("")
	s.Type.SetSelectedIndex(0)
	s.Text.SetText("")
	s.Author.SetText("")
	s.Link.ClearSelected()
	s.FormTitle.SetText(tr("log.form.add"))
	s.Submit.SetText(tr("log.add"))
	s.Submit.SetIcon(theme.ContentAddIcon())
	s.CancelEdit.Hide()
	showNote(s.FormProblem, "", widget.MediumImportance)
}

// onEdit loads a draft entry into the form.
func (s *logStep) onEdit(id string) {
	d := decisionItems.at(s.ed.Charter(), id)
	if d == nil || s.ed.ReadOnly() {
		return
	}
	s.editing = id
	s.Date.SetText(string(d.Date))
	for i, t := range workshop.DecisionTypes {
		if t == d.Type {
			s.Type.SetSelectedIndex(i)
		}
	}
	s.Text.SetText(d.Text)
	s.Author.SetText(d.Author)
	s.Link.ClearSelected()
	for i, lid := range s.linkIDs {
		if lid == d.LinkID && d.LinkID != "" {
			s.Link.SetSelectedIndex(i)
		}
	}
	s.FormTitle.SetText(tr("log.form.edit"))
	s.Submit.SetText(tr("log.save"))
	s.Submit.SetIcon(theme.DocumentSaveIcon())
	s.CancelEdit.Show()
	if w := s.ed.Window(); w != nil {
		scrollTo(w.Canvas().Content(), s.Text)
		w.Canvas().Focus(s.Text)
	}
}

// onRemove removes a draft entry after confirmation.
func (s *logStep) onRemove(id string) {
	d := decisionItems.at(s.ed.Charter(), id)
	if d == nil {
		return
	}
	confirmThen(s.ed, tr("log.remove.title"), tr("field.remove.line", "Text", ellipsize(d.Text, 80)), func() {
		s.ed.Edit(func(c *workshop.Charter) {
			c.Decisions = slices.DeleteFunc(c.Decisions, func(x workshop.Decision) bool { return x.ID == id })
		})
		if s.editing == id {
			s.resetForm()
		}
	})
}

// ellipsize shortens s to at most n runes.
func ellipsize(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// logEntry is an entry as listed, with whether it came after signature.
type logEntry struct {
	d     workshop.Decision
	late  bool
	order int
}

// entries lists the log newest first: by date, then the latest written
// first among entries of the same day.
func (s *logStep) entries() []logEntry {
	cur := s.ed.Session().Current()
	var out []logEntry
	for _, d := range cur.Charter.Decisions {
		out = append(out, logEntry{d: d, order: len(out)})
	}
	for _, d := range cur.LateDecisions {
		out = append(out, logEntry{d: d, late: true, order: len(out)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].d.Date != out[j].d.Date {
			return out[i].d.Date > out[j].d.Date
		}
		return out[i].order > out[j].order
	})
	return out
}

// linkName names the objective or KPI an entry links to.
func linkName(c *workshop.Charter, id string) string {
	for i, o := range c.Objectives {
		if o.ID == id {
			t := strings.TrimSpace(o.Title)
			if t == "" {
				t = tr("kpis.objective.untitled", "N", i+1)
			}
			return tr("log.link.objective", "Name", t)
		}
	}
	ids, names := kpiNames(c)
	for i, kid := range ids {
		if kid == id {
			return tr("log.link.kpi", "Name", names[i])
		}
	}
	return tr("log.link.gone")
}

func (s *logStep) Refresh() {
	if s.ed == nil {
		return
	}
	c := s.ed.Charter()
	ro := s.ed.ReadOnly()
	ul := CurrentLang()
	if ro {
		showNote(s.Signed, tr("log.signed"), widget.WarningImportance)
		if s.editing != "" {
			s.resetForm()
		}
	} else {
		showNote(s.Signed, "", widget.MediumImportance)
	}

	// Link choices: none, the objectives, then the KPIs.
	s.linkIDs = []string{""}
	links := []string{tr("log.link.none")}
	for i, o := range c.Objectives {
		t := strings.TrimSpace(o.Title)
		if t == "" {
			t = tr("kpis.objective.untitled", "N", i+1)
		}
		s.linkIDs = append(s.linkIDs, o.ID)
		links = append(links, tr("log.link.objective", "Name", t))
	}
	ids, names := kpiNames(c)
	for i := range ids {
		s.linkIDs = append(s.linkIDs, ids[i])
		links = append(links, tr("log.link.kpi", "Name", names[i]))
	}
	if !equalStrings(links, s.Link.Options) {
		sel := s.Link.SelectedIndex()
		s.Link.Options = links
		s.Link.Refresh()
		if sel >= len(links) {
			s.Link.ClearSelected()
		}
	}
	var people []string
	for _, p := range c.Participants {
		if n := strings.TrimSpace(p.Name); n != "" {
			people = append(people, n)
		}
	}
	if strings.TrimSpace(c.Facilitator) != "" && !hasString(people, strings.TrimSpace(c.Facilitator)) {
		people = append(people, strings.TrimSpace(c.Facilitator))
	}
	if !equalStrings(people, s.AuthorPick.Options) {
		s.AuthorPick.Options = people
		s.AuthorPick.Refresh()
	}

	// The entries, newest first.
	list := s.entries()
	s.Rows = s.Rows[:0]
	objs := make([]fyne.CanvasObject, 0, len(list)+1)
	for _, e := range list {
		d := e.d
		head := dateLabel(d.Date) + " · " + workshop.Label(ul, string(d.Type))
		if a := strings.TrimSpace(d.Author); a != "" {
			head += " · " + a
		}
		if d.LinkID != "" {
			head += " · " + linkName(c, d.LinkID)
		}
		if e.late {
			head += " · " + tr("log.late")
		}
		r := &logRow{ID: d.ID, Late: e.late, Head: boldText(head), Body: widget.NewLabel(d.Text)}
		r.Head.Truncation = fyne.TextTruncateEllipsis
		r.Body.Wrapping = fyne.TextWrapWord
		var actions fyne.CanvasObject
		if !e.late && !ro {
			id := d.ID
			r.Edit = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { s.onEdit(id) })
			r.Remove = newRowDelete(func() { s.onRemove(id) })
			actions = container.NewHBox(r.Edit, r.Remove)
		}
		s.Rows = append(s.Rows, r)
		objs = append(objs, r.Remove.rowOf(container.NewBorder(nil, nil, nil, actions, container.NewVBox(r.Head, r.Body))), widget.NewSeparator())
	}
	if len(list) == 0 {
		objs = append(objs, helpLabel(tr("log.none")))
	}
	s.list.Objects = objs
	s.list.Refresh()
	s.places.refresh()
}

func (s *logStep) Focus(where workshop.Where) {
	if s.places != nil {
		s.places.focus(where)
	}
}
