package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// setupStep is step 1: title, scope, period, charter language,
// facilitator, participants and the readiness checklist.
type setupStep struct {
	ed      Editor
	places  *fieldPlaces
	content fyne.CanvasObject

	title, scope, facilitator *boundEntry
	period                    *boundEntry
	// periodBase is the period as it was before the person began typing
	// the label: an unreadable label leaves these dates, not those of a
	// readable prefix typed on the way ("2027" on the way to "2027-Q5").
	periodBase    workshop.Period
	periodInvalid *widget.Label
	start, end    *dateField
	charterLang   *choiceSelect
	timeZone      *timeZoneField

	participants   *fyne.Container
	rows           []*participantRow
	AddParticipant *widget.Button

	readiness []*widget.Check
}

// participantRow is one line of the participants table.
type participantRow struct {
	id       string
	name     *boundEntry
	function *choiceSelect
	email    *boundEntry
	remove   *rowDeleteButton
}

func (r *participantRow) rowID() string { return r.id }

func newSetupStep() Step { return &setupStep{} }

func (s *setupStep) ID() string    { return workshop.StepSetup }
func (s *setupStep) Title() string { return tr("setup.title") }

func (s *setupStep) Build(ed Editor) fyne.CanvasObject {
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepSetup)
	p := s.places

	s.title = newBoundEntry(ed, func(c *workshop.Charter) string { return c.Title },
		func(c *workshop.Charter, v string) { c.Title = v })
	s.title.Entry.SetPlaceHolder(tr("setup.title.placeholder"))
	s.scope = newBoundMultiLine(ed, func(c *workshop.Charter) string { return c.Scope },
		func(c *workshop.Charter, v string) { c.Scope = v })
	s.scope.Entry.SetMinRowsVisible(2)
	s.scope.Entry.SetPlaceHolder(tr("setup.scope.placeholder"))
	s.facilitator = newBoundEntry(ed, func(c *workshop.Charter) string { return c.Facilitator },
		func(c *workshop.Charter, v string) { c.Facilitator = v })

	s.periodInvalid = newNoteLabel()
	s.periodBase = ed.Charter().Period
	s.period = newBoundEntry(ed, func(c *workshop.Charter) string { return c.Period.Label },
		func(c *workshop.Charter, v string) { setPeriodLabel(c, v, s.periodBase) })
	s.period.Entry.SetPlaceHolder("2027-Q1")
	s.period.OnEdited = func(string) {
		s.start.sync()
		s.end.sync()
	}
	inner := s.period.Entry.OnChanged
	s.period.Entry.OnChanged = func(v string) {
		inner(v)
		s.validatePeriod()
	}
	s.start = newDateField(ed, func(c *workshop.Charter) workshop.Date { return c.Period.Start },
		func(c *workshop.Charter, d workshop.Date) { c.Period.Start = d })
	s.end = newDateField(ed, func(c *workshop.Charter) workshop.Date { return c.Period.End },
		func(c *workshop.Charter, d workshop.Date) { c.Period.End = d })
	s.charterLang = newEnumSelect(ed, []string{string(workshop.FR), string(workshop.EN)},
		func(c *workshop.Charter) string { return string(c.Lang) },
		func(c *workshop.Charter, v string) { c.Lang = workshop.Lang(v) })

	p.place("", "title", s.title.Entry)
	p.place("", "scope", s.scope.Entry)
	p.place("", "period", s.period.Entry)
	p.place("", "start", s.start.Entry)
	p.place("", "end", s.end.Entry)
	s.timeZone = newTimeZoneField(ed)
	p.place("", "lang", s.charterLang.Select)
	p.place("", "timeZone", s.timeZone.entry.Entry)
	p.place("", "facilitator", s.facilitator.Entry)

	periodRow := container.NewGridWithColumns(3,
		fieldBlock(tr("setup.period"), s.period.Entry, "", nil),
		fieldBlock(tr("setup.start"), s.start.Object(), "", nil),
		fieldBlock(tr("setup.end"), s.end.Object(), "", nil))

	s.participants = container.NewVBox()
	s.AddParticipant = widget.NewButtonWithIcon(tr("setup.participants.add"), theme.ContentAddIcon(), s.onAddParticipant)
	// An empty box as wide as a remove button keeps the columns aligned with the rows.
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(widget.NewButtonWithIcon("", theme.DeleteIcon(), nil).MinSize())
	header := container.NewBorder(nil, nil, nil, spacer,
		container.NewGridWithColumns(3, boldLabel(tr("setup.participant.name")),
			boldLabel(tr("setup.participant.function")), boldLabel(tr("setup.participant.email"))))

	s.readiness = []*widget.Check{
		s.readinessCheck("setup.ready.baselines", func(r *workshop.Readiness) *bool { return &r.BaselinesKnown }),
		s.readinessCheck("setup.ready.results", func(r *workshop.Readiness) *bool { return &r.LastResultsAtHand }),
		s.readinessCheck("setup.ready.constraints", func(r *workshop.Readiness) *bool { return &r.ConstraintsListed }),
		s.readinessCheck("setup.ready.confirmed", func(r *workshop.Readiness) *bool { return &r.ParticipantsConfirmed }),
	}
	checks := make([]fyne.CanvasObject, len(s.readiness))
	for i, c := range s.readiness {
		checks[i] = c
	}

	content := container.NewVBox(
		p.note("", ""),
		sectionHeading(tr("setup.section.workshop")),
		twoColumns(
			fieldBlock(tr("setup.title.label"), s.title.Entry, "", p.note("", "title")),
			fieldBlock(tr("setup.scope"), s.scope.Entry, tr("setup.scope.help"), p.note("", "scope"))),
		periodRow,
		s.periodInvalid,
		helpLabel(tr("setup.period.help")),
		p.note("", "period"), p.note("", "start"), p.note("", "end"),
		container.NewGridWithColumns(3,
			fieldBlock(tr("setup.lang"), s.charterLang.Select, tr("setup.lang.help"), p.note("", "lang")),
			fieldBlock(tr("setup.timezone"), s.timeZone.object, tr("setup.timezone.help"), p.note("", "timeZone")),
			fieldBlock(tr("setup.facilitator"), s.facilitator.Entry, "", p.note("", "facilitator"))),
		widget.NewLabel(""),
		sectionHeading(tr("setup.section.participants")),
		helpLabel(tr("setup.participants.help")),
		header,
		s.participants,
		p.note("", "participants"),
		container.NewHBox(s.AddParticipant),
		widget.NewLabel(""),
		sectionHeading(tr("setup.section.readiness")),
		helpLabel(tr("setup.ready.help")),
		container.NewGridWithColumns(2, checks...),
	)
	s.content = content
	s.Refresh()
	return content
}

// setPeriodLabel stores the label as typed; when it reads as a period the
// dates follow, else the dates of base stay and the step shows why.
func setPeriodLabel(c *workshop.Charter, v string, base workshop.Period) {
	if p, err := workshop.PeriodFromLabel(v); err == nil {
		c.Period = p
		return
	}
	c.Period = workshop.Period{Label: v, Start: base.Start, End: base.End}
}

// validatePeriod shows the inline message of an unreadable period label.
func (s *setupStep) validatePeriod() {
	t := strings.TrimSpace(s.period.Entry.Text)
	if _, err := workshop.PeriodFromLabel(t); t == "" || err == nil {
		showNote(s.periodInvalid, "", widget.MediumImportance)
		return
	}
	showNote(s.periodInvalid, tr("setup.period.invalid", "Text", t), widget.DangerImportance)
}

func (s *setupStep) readinessCheck(key string, field func(r *workshop.Readiness) *bool) *widget.Check {
	c := widget.NewCheck(tr(key), nil)
	c.Checked = *field(&s.ed.Charter().Readiness)
	c.OnChanged = func(on bool) {
		if *field(&s.ed.Charter().Readiness) == on {
			return
		}
		s.ed.Edit(func(ch *workshop.Charter) { *field(&ch.Readiness) = on })
	}
	return c
}

func (s *setupStep) readinessSync() {
	r := s.ed.Charter().Readiness
	vals := []bool{r.BaselinesKnown, r.LastResultsAtHand, r.ConstraintsListed, r.ParticipantsConfirmed}
	for i, c := range s.readiness {
		setEnabled(c, !s.ed.ReadOnly())
		if c.Checked != vals[i] {
			c.SetChecked(vals[i])
		}
	}
}

func (s *setupStep) newParticipantRow(id string) *participantRow {
	r := &participantRow{id: id}
	b := bind(s.ed, participantItems, id)
	r.name = b.entry(func(p *workshop.Participant) *string { return &p.Name })
	r.name.Entry.SetPlaceHolder(tr("setup.participant.name.placeholder"))
	r.name.Entry.OnSubmitted = func(string) { s.onNameSubmitted(id) }
	r.function = enum(b, workshop.Functions, func(p *workshop.Participant) *workshop.Function { return &p.Function })
	get, set := b.text(func(p *workshop.Participant) *string { return &p.Email })
	r.email = newBoundEntry(s.ed, get, trimmed(set))
	r.email.Entry.SetPlaceHolder(tr("setup.participant.email.placeholder"))
	r.remove = newRowDelete(func() { s.onRemoveParticipant(id) })
	s.places.place(id, "", r.name.Entry)
	s.places.place(id, "name", r.name.Entry)
	s.places.place(id, "function", r.function.Select)
	s.places.place(id, "email", r.email.Entry)
	return r
}

func (r *participantRow) object(note *widget.Label) fyne.CanvasObject {
	line := r.remove.rowOf(container.NewBorder(nil, nil, nil, r.remove,
		container.NewGridWithColumns(3, r.name.Entry, r.function.Select, r.email.Entry)))
	return container.NewVBox(line, note)
}

func (s *setupStep) onAddParticipant() {
	id := workshop.NewID()
	if !s.ed.Edit(func(c *workshop.Charter) {
		c.Participants = append(c.Participants, workshop.Participant{ID: id, Function: workshop.FuncSales})
	}) {
		return
	}
	s.Refresh()
	for _, r := range s.rows {
		if r.id == id && s.ed.Window() != nil {
			s.ed.Window().Canvas().Focus(r.name.Entry)
		}
	}
}

// onNameSubmitted moves Enter in a name to the next participant's name,
// adding a participant after the last named one: the facilitator types the
// room's names one after the other without reaching for the mouse.
func (s *setupStep) onNameSubmitted(id string) {
	for i, r := range s.rows {
		if r.id != id {
			continue
		}
		if i+1 < len(s.rows) {
			if s.ed.Window() != nil {
				s.ed.Window().Canvas().Focus(s.rows[i+1].name.Entry)
			}
		} else if strings.TrimSpace(r.name.Entry.Text) != "" && !s.ed.ReadOnly() {
			s.onAddParticipant()
		}
		return
	}
}

// onRemoveParticipant removes a participant, after a confirmation when
// they hold roles: their roles and ritual attendance go with them.
func (s *setupStep) onRemoveParticipant(id string) {
	c := s.ed.Charter()
	p := participantItems.at(c, id)
	if p == nil {
		return
	}
	roles := len(c.RolesHeld(id))
	remove := func() {
		s.ed.Edit(func(c *workshop.Charter) { c.RemoveParticipant(id) })
		s.Refresh()
	}
	if roles == 0 {
		remove()
		return
	}
	name := p.Name
	if strings.TrimSpace(name) == "" {
		name = tr("setup.participant.unnamed")
	}
	confirmThen(s.ed, tr("setup.participant.remove.title"),
		tr("setup.participant.remove.roles", "Name", name, "N", roles), remove)
}

// syncParticipants rebuilds the table when participants were added or
// removed, else refreshes the rows in place.
func (s *setupStep) syncParticipants() {
	c := s.ed.Charter()
	if !rowsMatch(s.rows, c.Participants, func(x workshop.Participant) string { return x.ID }) {
		for _, r := range s.rows {
			s.places.forget(r.id)
		}
		s.rows = s.rows[:0]
		objs := make([]fyne.CanvasObject, 0, len(c.Participants))
		for _, p := range c.Participants {
			r := s.newParticipantRow(p.ID)
			s.rows = append(s.rows, r)
			objs = append(objs, r.object(s.places.note(p.ID, "")))
		}
		s.participants.Objects = objs
		s.participants.Refresh()
	}
	ro := s.ed.ReadOnly()
	for _, r := range s.rows {
		r.name.sync()
		r.function.sync()
		r.email.sync()
		setEnabled(r.remove, !ro)
	}
	setEnabled(s.AddParticipant, !ro)
}

func (s *setupStep) Refresh() {
	if s.ed == nil {
		return
	}
	s.refresh()
	if s.content != nil {
		relayout(s.ed, s.content)
	}
}

// refresh re-reads the charter and the board into the widgets.
func (s *setupStep) refresh() {
	s.title.sync()
	s.scope.sync()
	s.period.sync()
	if !hasFocus(s.ed, s.period.Entry) {
		s.periodBase = s.ed.Charter().Period
	}
	s.validatePeriod()
	s.start.sync()
	s.end.sync()
	s.charterLang.sync()
	s.timeZone.sync()
	s.facilitator.sync()
	s.syncParticipants()
	s.readinessSync()
	s.places.refresh()
}

func (s *setupStep) Focus(where workshop.Where) {
	if s.places != nil {
		s.places.focus(where)
	}
}

// boldLabel is a column header or a field label.
func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
