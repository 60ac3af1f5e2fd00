package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// ritualsStep is step 8: the execution rituals (weekly sync, monthly
// review, QBR by default), each with its cadence, weekday, time, duration,
// attendees and an agenda generated from the objectives and KPIs that can
// be taken over and edited.
type ritualsStep struct {
	ed     Editor
	places *fieldPlaces

	list  *fyne.Container
	cards []*ritualCard
	Add   *widget.Button
}

// ritualCard holds the widgets of one ritual.
type ritualCard struct {
	s  *ritualsStep
	id string

	Heading     *widget.Label
	Name        *boundEntry
	Cadence     *choiceSelect
	Weekday     *choiceSelect
	Time        *boundEntry
	TimeInvalid *widget.Label
	Minutes     *widget.Entry
	MinInvalid  *widget.Label
	attendBox   *fyne.Container
	Attendees   []*widget.Check
	attendIDs   []string
	AllPeople   *widget.Button

	Generated  *fyne.Container // the generated agenda, read only
	genLines   []string
	Agenda     *listEditor
	EditAgenda *widget.Button
	Regenerate *widget.Button
	agendaHelp *widget.Label
	genBox     *fyne.Container
	editBox    *fyne.Container
	Remove     *widget.Button
	obj        fyne.CanvasObject
}

func (r *ritualCard) rowID() string { return r.id }

// weekdayOrder is the week as a workshop plans it: Monday first.
var weekdayOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

func newRitualsStep() Step { return &ritualsStep{} }

func (s *ritualsStep) ID() string    { return workshop.StepRituals }
func (s *ritualsStep) Title() string { return tr("rituals.title") }

func (s *ritualsStep) Build(ed Editor) fyne.CanvasObject {
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepRituals)
	s.list = container.NewVBox()
	s.Add = widget.NewButtonWithIcon(tr("rituals.add"), theme.ContentAddIcon(), s.onAdd)
	s.places.place("", "cadence", s.Add)
	content := container.NewVBox(
		sectionHeading(tr("rituals.section")),
		helpLabel(tr("rituals.help")),
		s.places.note("", ""),
		s.places.note("", "cadence"),
		s.list,
		container.NewHBox(s.Add),
	)
	s.Refresh()
	return content
}

func (s *ritualsStep) onAdd() {
	id := workshop.NewID()
	r := workshop.Ritual{ID: id, Kind: workshop.RitualCustom, Cadence: workshop.CadenceMonthly,
		Weekday: time.Monday, Time: "09:00", Minutes: 60, Attendees: []string{}, Agenda: []string{}}
	if !s.ed.Edit(func(c *workshop.Charter) { c.Rituals = append(c.Rituals, r) }) {
		return
	}
	for _, rc := range s.cards {
		if rc.id == id && s.ed.Window() != nil {
			scrollTo(s.ed.Window().Canvas().Content(), rc.Name.Entry)
			s.ed.Window().Canvas().Focus(rc.Name.Entry)
		}
	}
}

func (s *ritualsStep) onRemove(id string) {
	r := ritualItems.at(s.ed.Charter(), id)
	if r == nil {
		return
	}
	name := strings.TrimSpace(r.Name)
	if name == "" {
		name = workshop.Label(CurrentLang(), string(r.Kind))
	}
	confirmThen(s.ed, tr("rituals.remove.title"), tr("rituals.remove.body", "Name", name), func() {
		s.ed.Edit(func(c *workshop.Charter) {
			out := c.Rituals[:0]
			for _, x := range c.Rituals {
				if x.ID != id {
					out = append(out, x)
				}
			}
			c.Rituals = out
		})
	})
}

func (s *ritualsStep) newCard(id string) *ritualCard {
	rc := &ritualCard{s: s, id: id}
	ed, p := s.ed, s.places
	rc.Heading = widget.NewLabel("")
	rc.Heading.TextStyle = fyne.TextStyle{Bold: true}
	rc.Heading.SizeName = theme.SizeNameSubHeadingText
	b := bind(ed, ritualItems, id)
	rc.Name = b.entry(func(r *workshop.Ritual) *string { return &r.Name })
	rc.Name.Entry.SetPlaceHolder(tr("rituals.name.placeholder"))
	rc.Cadence = enum(b, workshop.Cadences, func(r *workshop.Ritual) *workshop.Cadence { return &r.Cadence })
	rc.Weekday = weekdaySelect(b)
	rc.TimeInvalid = newNoteLabel()
	get, set := b.text(func(r *workshop.Ritual) *string { return &r.Time })
	rc.Time = newBoundEntry(ed, get, func(c *workshop.Charter, v string) { set(c, readTime(langOf(c.Lang), v)) })
	rc.Time.same = func(text, stored string) bool { return readTime(ed.Lang(), text) == stored }
	rc.Time.Entry.SetPlaceHolder(timePlaceholder(ed.Lang()))
	inner := rc.Time.Entry.OnChanged
	rc.Time.Entry.OnChanged = func(v string) {
		inner(v)
		rc.validateTime()
	}
	rc.MinInvalid = newNoteLabel()
	rc.Minutes = widget.NewEntry()
	rc.Minutes.SetPlaceHolder("60")
	rc.Minutes.OnChanged = rc.onMinutes
	rc.attendBox = container.NewGridWithColumns(3)
	rc.AllPeople = widget.NewButtonWithIcon(tr("rituals.attendees.all"), theme.CheckButtonCheckedIcon(), rc.onAllPeople)

	rc.Generated = container.NewVBox()
	rc.EditAgenda = widget.NewButtonWithIcon(tr("rituals.agenda.edit"), theme.DocumentCreateIcon(), rc.onEditAgenda)
	rc.Regenerate = widget.NewButtonWithIcon(tr("rituals.agenda.regenerate"), theme.ViewRefreshIcon(), rc.onRegenerate)
	rc.Agenda = b.listEditor(tr("rituals.agenda.addline"), tr("rituals.agenda.placeholder"),
		func(r *workshop.Ritual) *[]string { return &r.Agenda })
	rc.agendaHelp = helpLabel("")
	rc.genBox = container.NewVBox(rc.Generated, container.NewHBox(rc.EditAgenda))
	rc.editBox = container.NewVBox(rc.Agenda.Object(), container.NewHBox(rc.Regenerate))
	rc.Remove = widget.NewButtonWithIcon(tr("rituals.remove"), theme.DeleteIcon(), func() { s.onRemove(id) })

	p.place(id, "", rc.Name.Entry)
	p.place(id, "name", rc.Name.Entry)
	p.place(id, "cadence", rc.Cadence.Select)
	p.place(id, "weekday", rc.Weekday.Select)
	p.place(id, "time", rc.Time.Entry)
	p.place(id, "minutes", rc.Minutes)
	p.place(id, "attendees", rc.AllPeople)
	p.place(id, "agenda", rc.EditAgenda)

	rc.obj = rc.layout()
	return rc
}

// weekdaySelect is a select of the days of the week, Monday first, bound
// to a ritual's weekday.
func weekdaySelect(b binder[workshop.Ritual]) *choiceSelect {
	days := make([]string, len(weekdayOrder))
	dayLabels := make([]string, len(weekdayOrder))
	for i, d := range weekdayOrder {
		days[i] = strconv.Itoa(int(d))
		name := workshop.WeekdayLabel(CurrentLang(), d)
		dayLabels[i] = strings.ToUpper(name[:1]) + name[1:]
	}
	return newChoiceSelect(b.ed, days, dayLabels, func(c *workshop.Charter) string {
		if r := b.at(c); r != nil {
			return strconv.Itoa(int(r.Weekday))
		}
		return ""
	}, func(c *workshop.Charter, v string) {
		if r := b.at(c); r != nil {
			if n, err := strconv.Atoi(v); err == nil {
				r.Weekday = time.Weekday(n)
			}
		}
	})
}

// layout lays the card out: the name line, the schedule in four columns,
// the attendees, then the agenda.
func (rc *ritualCard) layout() fyne.CanvasObject {
	p, id := rc.s.places, rc.id
	// The typed-value message and the finding of a field share its one
	// line: a time typed wrong is said once, not twice (issue 9 minor).
	timeBox := container.NewVBox(rc.Time.Entry, container.NewStack(rc.TimeInvalid, p.note(id, "time")))
	minBox := container.NewVBox(rc.Minutes, container.NewStack(rc.MinInvalid, p.note(id, "minutes")))
	block := func(key string, obj fyne.CanvasObject, field string) fyne.CanvasObject {
		return fieldBlock(tr(key), obj, "", p.note(id, field))
	}
	return container.NewVBox(
		widget.NewSeparator(),
		container.NewBorder(nil, nil, rc.Heading, rc.Remove, rc.Name.Entry),
		p.note(id, ""),
		container.NewGridWithColumns(4,
			block("rituals.cadence", rc.Cadence.Select, "cadence"),
			block("rituals.weekday", rc.Weekday.Select, "weekday"),
			fieldBlock(tr("rituals.time"), timeBox, "", nil),
			fieldBlock(tr("rituals.minutes"), minBox, "", nil)),
		container.NewBorder(nil, nil, boldText(tr("rituals.attendees")), rc.AllPeople),
		rc.attendBox,
		p.note(id, "attendees"),
		boldText(tr("rituals.agenda")),
		rc.agendaHelp,
		rc.genBox,
		rc.editBox,
		p.note(id, "agenda"),
		widget.NewLabel(""),
	)
}

// validateTime shows the inline message while the text is not a time in
// the charter's conventions; that message then stands alone on the line it
// shares with the field's finding (which says the same less precisely).
func (rc *ritualCard) validateTime() {
	t := strings.TrimSpace(rc.Time.Entry.Text)
	l := rc.s.ed.Lang()
	if _, ok := workshop.ParseTimeInput(l, t); t == "" || ok {
		showNote(rc.TimeInvalid, "", widget.MediumImportance)
	} else {
		showNote(rc.TimeInvalid, timeInvalid(l, t), widget.DangerImportance)
	}
	rc.quietFindings()
}

// quietFindings empties the finding line of the time and duration while
// their own message is shown on it.
func (rc *ritualCard) quietFindings() {
	if rc.TimeInvalid.Text != "" {
		showNote(rc.s.places.note(rc.id, "time"), "", widget.MediumImportance)
	}
	if rc.MinInvalid.Text != "" {
		showNote(rc.s.places.note(rc.id, "minutes"), "", widget.MediumImportance)
	}
}

// onMinutes stores a whole number of minutes (1–1440); anything else stays
// in the entry with a message, and the stored duration does not change.
func (rc *ritualCard) onMinutes(v string) {
	t := strings.TrimSpace(v)
	n, err := strconv.Atoi(t)
	if err != nil || n < 1 || n > 24*60 {
		showNote(rc.MinInvalid, tr("rituals.minutes.invalid", "Text", t), widget.DangerImportance)
		rc.quietFindings()
		return
	}
	showNote(rc.MinInvalid, "", widget.MediumImportance)
	if r := ritualItems.at(rc.s.ed.Charter(), rc.id); r != nil && r.Minutes != n {
		rc.s.ed.Edit(func(c *workshop.Charter) {
			if r := ritualItems.at(c, rc.id); r != nil {
				r.Minutes = n
			}
		})
	}
}

// onAttendee adds or removes a participant from the ritual's attendees.
func (rc *ritualCard) onAttendee(pid string, on bool) {
	r := ritualItems.at(rc.s.ed.Charter(), rc.id)
	if r == nil || hasString(r.Attendees, pid) == on {
		return
	}
	rc.s.ed.Edit(func(c *workshop.Charter) {
		r := ritualItems.at(c, rc.id)
		if r == nil {
			return
		}
		if on {
			r.Attendees = append(r.Attendees, pid)
			return
		}
		out := make([]string, 0, len(r.Attendees))
		for _, x := range r.Attendees {
			if x != pid {
				out = append(out, x)
			}
		}
		r.Attendees = out
	})
}

// onAllPeople invites every participant.
func (rc *ritualCard) onAllPeople() {
	rc.s.ed.Edit(func(c *workshop.Charter) {
		if r := ritualItems.at(c, rc.id); r != nil {
			r.Attendees = r.Attendees[:0:0]
			for _, p := range c.Participants {
				r.Attendees = append(r.Attendees, p.ID)
			}
		}
	})
}

// onEditAgenda takes the generated agenda over as an editable list.
func (rc *ritualCard) onEditAgenda() {
	ed := rc.s.ed
	r := ritualItems.at(ed.Charter(), rc.id)
	if r == nil {
		return
	}
	lines := workshop.GenerateAgenda(ed.Charter(), *r, ed.Lang())
	if len(lines) == 0 {
		lines = []string{""}
	}
	ed.Edit(func(c *workshop.Charter) {
		if r := ritualItems.at(c, rc.id); r != nil {
			r.Agenda = append([]string{}, lines...)
		}
	})
}

// onRegenerate drops the edited agenda, after confirmation, for the one
// generated from the objectives and KPIs.
func (rc *ritualCard) onRegenerate() {
	confirmThen(rc.s.ed, tr("rituals.agenda.regenerate.title"), tr("rituals.agenda.regenerate.body"), func() {
		rc.s.ed.Edit(func(c *workshop.Charter) {
			if r := ritualItems.at(c, rc.id); r != nil {
				r.Agenda = []string{}
			}
		})
	})
}

// sync refreshes the card from the charter.
func (rc *ritualCard) sync(n int) {
	ed := rc.s.ed
	c := ed.Charter()
	r := ritualItems.at(c, rc.id)
	if r == nil {
		return
	}
	ro := ed.ReadOnly()
	rc.Heading.SetText(tr("rituals.number", "N", n))
	if r.Kind != "" && r.Kind != workshop.RitualCustom {
		rc.Name.Entry.SetPlaceHolder(workshop.Label(CurrentLang(), string(r.Kind)))
	}
	rc.Name.sync()
	rc.Cadence.sync()
	rc.Weekday.sync()
	rc.Time.sync()
	if ph := timePlaceholder(ed.Lang()); rc.Time.Entry.PlaceHolder != ph {
		rc.Time.Entry.SetPlaceHolder(ph)
	}
	rc.validateTime()
	setEnabled(rc.Minutes, !ro)
	if m := strconv.Itoa(r.Minutes); rc.Minutes.Text != m && !hasFocus(ed, rc.Minutes) && rc.MinInvalid.Text == "" {
		rc.Minutes.SetText(m)
	}
	setEnabled(rc.AllPeople, !ro)
	setEnabled(rc.Remove, !ro)
	setEnabled(rc.EditAgenda, !ro)
	setEnabled(rc.Regenerate, !ro)

	rc.syncAttendees(c, r, ro)
	rc.syncAgenda(c, r)
}

// syncAttendees shows one check per participant.
func (rc *ritualCard) syncAttendees(c *workshop.Charter, r *workshop.Ritual, ro bool) {
	ids := make([]string, len(c.Participants))
	for i, p := range c.Participants {
		ids[i] = p.ID
	}
	if !equalStrings(ids, rc.attendIDs) {
		rc.attendIDs = ids
		rc.Attendees = nil
		objs := make([]fyne.CanvasObject, 0, len(ids))
		for _, pid := range ids {
			chk := widget.NewCheck("", func(on bool) { rc.onAttendee(pid, on) })
			rc.Attendees = append(rc.Attendees, chk)
			objs = append(objs, chk)
		}
		if len(ids) == 0 {
			objs = append(objs, helpLabel(tr("rituals.attendees.none")))
		}
		rc.attendBox.Objects = objs
		rc.attendBox.Refresh()
	}
	for i, chk := range rc.Attendees {
		name := strings.TrimSpace(c.Participants[i].Name)
		if name == "" {
			name = tr("roles.participant.unnamed", "N", i+1)
		}
		if chk.Text != name {
			chk.Text = name
			chk.Refresh()
		}
		on := hasString(r.Attendees, ids[i])
		if chk.Checked != on {
			chk.Checked = on
			chk.Refresh()
		}
		setEnabled(chk, !ro)
	}
	// "Invite everyone" is ticked only when everyone is (issue 9).
	all := theme.CheckButtonIcon()
	if len(ids) > 0 && len(r.Attendees) >= len(ids) {
		all = theme.CheckButtonCheckedIcon()
		for _, pid := range ids {
			if !hasString(r.Attendees, pid) {
				all = theme.CheckButtonIcon()
			}
		}
	}
	if rc.AllPeople.Icon != all {
		rc.AllPeople.SetIcon(all)
	}
}

// syncAgenda shows the generated agenda until it is taken over, then the
// agenda's own lines.
func (rc *ritualCard) syncAgenda(c *workshop.Charter, r *workshop.Ritual) {
	ed := rc.s.ed
	if len(r.Agenda) == 0 {
		lines := r.AgendaOrDefault(c, ed.Lang())
		if !equalStrings(lines, rc.genLines) {
			rc.genLines = lines
			objs := make([]fyne.CanvasObject, 0, len(lines))
			for _, line := range lines {
				l := widget.NewLabel("• " + line)
				l.Wrapping = fyne.TextWrapWord
				objs = append(objs, l)
			}
			if len(lines) == 0 {
				objs = append(objs, helpLabel(tr("rituals.agenda.empty")))
			}
			rc.Generated.Objects = objs
			rc.Generated.Refresh()
		}
		rc.agendaHelp.SetText(tr("rituals.agenda.generated"))
		rc.genBox.Show()
		rc.editBox.Hide()
	} else {
		rc.Agenda.sync()
		rc.agendaHelp.SetText(tr("rituals.agenda.edited"))
		rc.genBox.Hide()
		rc.editBox.Show()
	}
}

func (s *ritualsStep) Refresh() {
	if s.ed == nil {
		return
	}
	c := s.ed.Charter()
	if !rowsMatch(s.cards, c.Rituals, func(x workshop.Ritual) string { return x.ID }) {
		keep := map[string]*ritualCard{}
		for _, rc := range s.cards {
			keep[rc.id] = rc
		}
		s.cards = s.cards[:0]
		objs := make([]fyne.CanvasObject, 0, len(c.Rituals))
		for _, r := range c.Rituals {
			rc, ok := keep[r.ID]
			if !ok {
				rc = s.newCard(r.ID)
			}
			delete(keep, r.ID)
			s.cards = append(s.cards, rc)
			objs = append(objs, rc.obj)
		}
		for id := range keep {
			s.places.forget(id)
		}
		if len(objs) == 0 {
			objs = append(objs, helpLabel(tr("rituals.none")))
		}
		s.list.Objects = objs
		s.list.Refresh()
	}
	for i, rc := range s.cards {
		rc.sync(i + 1)
	}
	setEnabled(s.Add, !s.ed.ReadOnly())
	s.places.refresh()
	for _, rc := range s.cards {
		rc.quietFindings()
	}
}

func (s *ritualsStep) Focus(where workshop.Where) {
	if s.places != nil {
		s.places.focus(where)
	}
}
