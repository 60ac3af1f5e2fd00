package ui

import (
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// cascadeStep is step 7: a KPI's collective target declined per team or
// value of a dimension, with the live sum R-CAS-1 checks for additive
// units. A charter may hold several cascades.
type cascadeStep struct {
	ed     Editor
	places *fieldPlaces

	list  *fyne.Container
	cards []*cascadeCard
	Add   *widget.Button
	empty *widget.Label
}

// cascadeCard holds the widgets of one cascade.
type cascadeCard struct {
	s  *cascadeStep
	id string

	Heading   *widget.Label
	KPI       *choiceSelect
	Dimension *choiceSelect
	Collect   *widget.Label
	rows      *fyne.Container
	Lines     []*cascadeLineRow
	AddLine   *widget.Button
	Sum       *widget.Label
	Remove    *widget.Button
	obj       fyne.CanvasObject
}

func (r *cascadeCard) rowID() string { return r.id }

// cascadeLineRow is one team's target.
type cascadeLineRow struct {
	Team   *boundEntry
	Target *numberField
	Remove *rowDeleteButton
}

func newCascadeStep() Step { return &cascadeStep{} }

func (s *cascadeStep) ID() string    { return workshop.StepCascade }
func (s *cascadeStep) Title() string { return tr("cascade.title") }

func (s *cascadeStep) Build(ed Editor) fyne.CanvasObject {
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepCascade)
	s.list = container.NewVBox()
	s.empty = helpLabel(tr("cascade.none"))
	s.Add = widget.NewButtonWithIcon(tr("cascade.add"), theme.ContentAddIcon(), s.onAdd)
	s.Add.Importance = widget.HighImportance
	content := container.NewVBox(
		sectionHeading(tr("cascade.section")),
		helpLabel(tr("cascade.help")),
		s.places.note("", ""),
		s.empty,
		s.list,
		container.NewHBox(s.Add),
	)
	s.Refresh()
	return content
}

func (s *cascadeStep) onAdd() {
	id := workshop.NewID()
	c := s.ed.Charter()
	cs := workshop.Cascade{ID: id, Dimension: workshop.DimSegment, Lines: []workshop.CascadeLine{{}, {}}}
	// Start with the first additive KPI not cascaded yet, the usual case.
	for _, k := range c.KPIs {
		used := false
		for _, x := range c.Cascades {
			used = used || x.KPIID == k.ID
		}
		if !used && k.Unit.Additive() {
			cs.KPIID = k.ID
			break
		}
	}
	if !s.ed.Edit(func(c *workshop.Charter) { c.Cascades = append(c.Cascades, cs) }) {
		return
	}
	for _, cc := range s.cards {
		if cc.id == id && s.ed.Window() != nil {
			scrollTo(s.ed.Window().Canvas().Content(), cc.KPI.Select)
		}
	}
}

func (s *cascadeStep) onRemove(id string) {
	confirmThen(s.ed, tr("cascade.remove.title"), tr("cascade.remove.body"), func() {
		s.ed.Edit(func(c *workshop.Charter) {
			c.Cascades = slices.DeleteFunc(c.Cascades, func(x workshop.Cascade) bool { return x.ID == id })
		})
	})
}

func (s *cascadeStep) newCard(id string) *cascadeCard {
	cc := &cascadeCard{s: s, id: id}
	ed, p := s.ed, s.places
	cc.Heading = widget.NewLabel("")
	cc.Heading.TextStyle = fyne.TextStyle{Bold: true}
	cc.Heading.SizeName = theme.SizeNameSubHeadingText
	ids, names := kpiNames(ed.Charter())
	b := bind(ed, cascadeItems, id)
	cc.KPI = choice(b, ids, names, func(x *workshop.Cascade) *string { return &x.KPIID })
	cc.Dimension = enum(b, workshop.Dimensions, func(x *workshop.Cascade) *workshop.Dimension { return &x.Dimension })
	cc.Collect = widget.NewLabel("")
	cc.Collect.Wrapping = fyne.TextWrapWord
	cc.rows = container.NewVBox()
	cc.AddLine = widget.NewButtonWithIcon(tr("cascade.line.add"), theme.ContentAddIcon(), cc.onAddLine)
	cc.Sum = widget.NewLabel("")
	cc.Sum.Wrapping = fyne.TextWrapWord
	cc.Sum.TextStyle = fyne.TextStyle{Bold: true}
	cc.Remove = widget.NewButtonWithIcon(tr("cascade.remove"), theme.DeleteIcon(), func() { s.onRemove(id) })
	p.place(id, "", cc.KPI.Select)
	p.place(id, "kpi", cc.KPI.Select)
	p.place(id, "dimension", cc.Dimension.Select)
	p.place(id, "lines", cc.AddLine)

	head := container.NewGridWithColumns(2, boldText(tr("cascade.team")), boldText(tr("cascade.target")))
	cc.obj = container.NewVBox(
		widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, cc.Remove, cc.Heading),
		p.note(id, ""),
		twoColumns(
			fieldBlock(tr("cascade.kpi"), cc.KPI.Select, "", p.note(id, "kpi")),
			fieldBlock(tr("cascade.dimension"), cc.Dimension.Select, "", p.note(id, "dimension"))),
		cc.Collect,
		container.NewBorder(nil, nil, nil, buttonSpacer(), head),
		cc.rows,
		container.NewHBox(cc.AddLine),
		cc.Sum,
		p.note(id, "lines"),
		widget.NewLabel(""),
	)
	return cc
}

// buttonSpacer is an empty box as wide as an icon button: it keeps a
// header's columns aligned with rows that end with a remove button.
func buttonSpacer() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(widget.NewButtonWithIcon("", theme.DeleteIcon(), nil).MinSize())
	return r
}

// boldText is a bold label.
func boldText(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// lineBinder binds line n of cascade id.
func lineBinder(ed Editor, id string, n int) binder[workshop.CascadeLine] {
	return binder[workshop.CascadeLine]{ed: ed, at: func(c *workshop.Charter) *workshop.CascadeLine {
		if x := cascadeItems.at(c, id); x != nil && n < len(x.Lines) {
			return &x.Lines[n]
		}
		return nil
	}}
}

func (cc *cascadeCard) onAddLine() {
	if !cc.s.ed.Edit(func(c *workshop.Charter) {
		if x := cascadeItems.at(c, cc.id); x != nil {
			x.Lines = append(x.Lines, workshop.CascadeLine{})
		}
	}) {
		return
	}
	if n := len(cc.Lines); n > 0 && cc.s.ed.Window() != nil {
		cc.s.ed.Window().Canvas().Focus(cc.Lines[n-1].Team.Entry)
	}
}

func (cc *cascadeCard) onRemoveLine(n int) {
	x := cascadeItems.at(cc.s.ed.Charter(), cc.id)
	if x == nil || n >= len(x.Lines) {
		return
	}
	remove := func() {
		cc.s.ed.Edit(func(c *workshop.Charter) {
			if x := cascadeItems.at(c, cc.id); x != nil && n < len(x.Lines) {
				x.Lines = append(x.Lines[:n:n], x.Lines[n+1:]...)
			}
		})
	}
	l := x.Lines[n]
	if strings.TrimSpace(l.Team) == "" && strings.TrimSpace(l.Target) == "" {
		remove()
		return
	}
	text := strings.TrimSpace(l.Team + " " + l.Target)
	confirmThen(cc.s.ed, tr("field.remove.title"), tr("field.remove.line", "Text", text), remove)
}

// sync refreshes the card from the charter.
func (cc *cascadeCard) sync(n int) {
	ed := cc.s.ed
	c := ed.Charter()
	x := cascadeItems.at(c, cc.id)
	if x == nil {
		return
	}
	ro := ed.ReadOnly()
	cc.Heading.SetText(tr("cascade.number", "N", n))
	ids, names := kpiNames(c)
	cc.KPI.setChoices(ids, names)
	cc.KPI.sync()
	cc.Dimension.sync()
	setEnabled(cc.AddLine, !ro)
	setEnabled(cc.Remove, !ro)
	if len(x.Lines) != len(cc.Lines) {
		cc.Lines = nil
		objs := make([]fyne.CanvasObject, 0, len(x.Lines))
		for i := range x.Lines {
			b := lineBinder(ed, cc.id, i)
			team := b.entry(func(l *workshop.CascadeLine) *string { return &l.Team })
			target := b.number(func(l *workshop.CascadeLine) *string { return &l.Target })
			r := &cascadeLineRow{Team: team, Target: target}
			r.Remove = newRowDelete(func() { cc.onRemoveLine(i) })
			cc.s.places.place(cc.id, "lines."+strconv.Itoa(i)+".target", target.Entry)
			cc.Lines = append(cc.Lines, r)
			objs = append(objs, r.Remove.rowOf(container.NewBorder(nil, nil, nil, r.Remove,
				container.NewGridWithColumns(2, container.NewVBox(team.Entry), target.Object()))))
		}
		cc.rows.Objects = objs
		cc.rows.Refresh()
	}
	dim := workshop.Label(CurrentLang(), string(x.Dimension))
	for _, r := range cc.Lines {
		r.Team.Entry.SetPlaceHolder(tr("cascade.team.placeholder", "Dimension", strings.ToLower(dim)))
		r.Team.sync()
		r.Target.sync()
		setEnabled(r.Remove, !ro)
	}
	cc.syncSum(c, x)
}

// syncSum shows the collective target and, for additive units, the live
// sum of the team targets against it: what R-CAS-1 (workshop.CheckCascade)
// says of the cascade.
func (cc *cascadeCard) syncSum(c *workshop.Charter, x *workshop.Cascade) {
	sum := workshop.CheckCascade(c, x)
	k := sum.KPI
	if k == nil {
		cc.Collect.SetText(tr("cascade.kpi.choose"))
		cc.Sum.Hide()
		return
	}
	l := cc.s.ed.Lang()
	ul := CurrentLang()
	target := strings.TrimSpace(k.Target)
	if target == "" {
		target = "—"
	}
	cc.Collect.SetText(tr("cascade.collective", "Type", workshop.Label(ul, string(k.TargetType)),
		"Target", valueUnit(target, k.Unit), "Unit", unitLabel(k.Unit)))
	if sum.Verdict == workshop.CascadeNotAdditive {
		cc.Sum.Importance = widget.LowImportance
		cc.Sum.TextStyle = fyne.TextStyle{Italic: true}
		cc.Sum.SetText(tr("cascade.nosum", "Unit", unitLabel(k.Unit)))
		cc.Sum.Show()
		return
	}
	cc.Sum.TextStyle = fyne.TextStyle{Bold: true}
	text := tr("cascade.sum", "Sum", valueUnit(workshop.FormatNumber(sum.Sum, l), k.Unit),
		"Target", valueUnit(target, k.Unit))
	imp := widget.SuccessImportance
	if unread := len(sum.Unread); unread > 0 {
		text += " " + tr("cascade.sum.unread", "N", unread)
		imp = widget.WarningImportance
	}
	if sum.Inconsistent() {
		imp = widget.WarningImportance
	}
	if sum.Verdict == workshop.CascadeEmpty {
		imp = widget.MediumImportance
	}
	cc.Sum.Importance = imp
	cc.Sum.SetText(text)
	cc.Sum.Show()
}

// valueUnit is workshop.WithUnit in the window's language, a blank value
// or a dash left as it is (the callers show their own dash).
func valueUnit(v string, u workshop.Unit) string {
	if v = strings.TrimSpace(v); v == "" || v == "—" {
		return v
	}
	return workshop.WithUnit(CurrentLang(), v, u)
}

func (s *cascadeStep) Refresh() {
	if s.ed == nil {
		return
	}
	c := s.ed.Charter()
	if !rowsMatch(s.cards, c.Cascades, func(x workshop.Cascade) string { return x.ID }) {
		keep := map[string]*cascadeCard{}
		for _, cc := range s.cards {
			keep[cc.id] = cc
		}
		s.cards = s.cards[:0]
		objs := make([]fyne.CanvasObject, 0, len(c.Cascades))
		for _, x := range c.Cascades {
			cc, ok := keep[x.ID]
			if !ok {
				cc = s.newCard(x.ID)
			}
			delete(keep, x.ID)
			s.cards = append(s.cards, cc)
			objs = append(objs, cc.obj)
		}
		for id := range keep {
			s.places.forget(id)
		}
		s.list.Objects = objs
		s.list.Refresh()
	}
	if len(c.Cascades) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
	for i, cc := range s.cards {
		cc.sync(i + 1)
	}
	setEnabled(s.Add, !s.ed.ReadOnly())
	s.places.refreshExcept("R-NUM-1")
}

func (s *cascadeStep) Focus(where workshop.Where) {
	if s.places != nil {
		s.places.focus(where)
	}
}
