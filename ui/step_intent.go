package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// intentStep is step 2 (cadrer l'intention): purpose category, intent
// statement, the company objectives it serves and the hypotheses.
type intentStep struct {
	ed      Editor
	places  *fieldPlaces
	content fyne.CanvasObject

	purpose    *choiceSelect
	statement  *boundEntry
	company    *listEditor
	hypotheses *listEditor
}

func newIntentStep() Step { return &intentStep{} }

func (s *intentStep) ID() string    { return workshop.StepIntent }
func (s *intentStep) Title() string { return tr("intent.title") }

func (s *intentStep) Build(ed Editor) fyne.CanvasObject {
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepIntent)
	p := s.places

	s.purpose = newEnumSelect(ed, enumStrings(workshop.Purposes),
		func(c *workshop.Charter) string { return string(c.Intent.Purpose) },
		func(c *workshop.Charter, v string) { c.Intent.Purpose = workshop.Purpose(v) })
	s.statement = newBoundMultiLine(ed,
		func(c *workshop.Charter) string { return c.Intent.Statement },
		func(c *workshop.Charter, v string) { c.Intent.Statement = v })
	s.statement.Entry.SetPlaceHolder(tr("intent.statement.placeholder"))
	s.statement.Entry.SetMinRowsVisible(4)
	s.company = newListEditor(ed, tr("intent.company.add"), tr("intent.company.placeholder"),
		func(c *workshop.Charter) []string { return c.Intent.CompanyObjectives },
		func(c *workshop.Charter, v []string) { c.Intent.CompanyObjectives = v })
	s.hypotheses = newListEditor(ed, tr("intent.hypotheses.add"), tr("intent.hypotheses.placeholder"),
		func(c *workshop.Charter) []string { return c.Intent.Hypotheses },
		func(c *workshop.Charter, v []string) { c.Intent.Hypotheses = v })

	p.place("", "purpose", s.purpose.Select)
	p.place("", "statement", s.statement.Entry)
	p.place("", "companyObjectives", s.company.Add)
	p.place("", "hypotheses", s.hypotheses.Add)

	purposeRow := container.NewGridWithColumns(2,
		fieldBlock(tr("intent.purpose"), s.purpose.Select, "", p.note("", "purpose")),
		container.NewVBox(widget.NewLabel(""), helpLabel(tr("intent.purpose.help"))))

	content := container.NewVBox(
		p.note("", ""),
		sectionHeading(tr("intent.section.intent")),
		purposeRow,
		fieldBlock(tr("intent.statement"), s.statement.Entry, tr("intent.statement.help"), p.note("", "statement")),
		widget.NewLabel(""),
		sectionHeading(tr("intent.section.company")),
		helpLabel(tr("intent.company.help")),
		s.company.Object(),
		p.note("", "companyObjectives"),
		widget.NewLabel(""),
		sectionHeading(tr("intent.section.hypotheses")),
		helpLabel(tr("intent.hypotheses.help")),
		s.hypotheses.Object(),
		p.note("", "hypotheses"),
	)
	s.content = content
	s.Refresh()
	return content
}

func (s *intentStep) Refresh() {
	if s.ed == nil {
		return
	}
	s.refresh()
	if s.content != nil {
		relayout(s.ed, s.content)
	}
}

// refresh re-reads the charter and the board into the widgets.
func (s *intentStep) refresh() {
	s.purpose.sync()
	s.statement.sync()
	s.company.sync()
	s.hypotheses.sync()
	s.places.refresh()
}

func (s *intentStep) Focus(where workshop.Where) {
	if s.places != nil {
		s.places.focus(where)
	}
}
