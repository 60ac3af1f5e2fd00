package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// incentivesStep is step 9: the optional share (0–100 %) of individual
// variable pay indexed on the collective KPIs.
type incentivesStep struct {
	ed     Editor
	places *fieldPlaces

	Enabled *widget.Check
	Share   *numberField
	Note    *boundEntry
	details *fyne.Container
}

func newIncentivesStep() Step { return &incentivesStep{} }

func (s *incentivesStep) ID() string    { return workshop.StepIncentives }
func (s *incentivesStep) Title() string { return tr("incentives.title") }

func (s *incentivesStep) Build(ed Editor) fyne.CanvasObject {
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepIncentives)
	s.Enabled = widget.NewCheck(tr("incentives.enabled"), func(on bool) {
		if s.ed.Charter().Incentive.Enabled != on {
			s.ed.Edit(func(c *workshop.Charter) { c.Incentive.Enabled = on })
		}
	})
	s.Share = newNumberField(ed, func(c *workshop.Charter) string { return c.Incentive.Share },
		func(c *workshop.Charter, v string) { c.Incentive.Share = v })
	s.Share.Entry.SetPlaceHolder("15")
	s.Note = newBoundMultiLine(ed, func(c *workshop.Charter) string { return c.Incentive.Note },
		func(c *workshop.Charter, v string) { c.Incentive.Note = v })
	s.Note.Entry.SetPlaceHolder(tr("incentives.note.placeholder"))
	s.places.place("", "", s.Enabled)
	s.places.place("", "enabled", s.Enabled)
	s.places.place("", "share", s.Share.Entry)
	s.places.place("", "note", s.Note.Entry)

	share := container.NewBorder(nil, nil, nil, widget.NewLabel("%"), s.Share.Object())
	s.details = container.NewVBox(
		twoColumns(
			fieldBlock(tr("incentives.share"), share, tr("incentives.share.help"), s.places.note("", "share")),
			widget.NewLabel("")),
		fieldBlock(tr("incentives.note"), s.Note.Entry, tr("incentives.note.help"), s.places.note("", "note")),
	)
	content := container.NewVBox(
		sectionHeading(tr("incentives.section")),
		helpLabel(tr("incentives.help")),
		s.places.note("", ""),
		s.Enabled,
		s.places.note("", "enabled"),
		s.details,
	)
	s.Refresh()
	return content
}

func (s *incentivesStep) Refresh() {
	if s.ed == nil {
		return
	}
	in := s.ed.Charter().Incentive
	ro := s.ed.ReadOnly()
	if s.Enabled.Checked != in.Enabled {
		s.Enabled.Checked = in.Enabled
		s.Enabled.Refresh()
	}
	setEnabled(s.Enabled, !ro)
	s.Share.sync()
	s.Note.sync()
	if !in.Enabled {
		s.Share.Entry.Disable()
		s.Note.Entry.Disable()
	}
	s.places.refreshExcept("R-NUM-1")
}

func (s *incentivesStep) Focus(where workshop.Where) {
	if s.places != nil {
		s.places.focus(where)
	}
}
