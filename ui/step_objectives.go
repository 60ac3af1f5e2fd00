package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// objectivesStep is step 4: the collective objectives, each with its title,
// SMART fields, live SMART check and anticipated side effects.
type objectivesStep struct {
	ed      Editor
	places  *fieldPlaces
	content fyne.CanvasObject

	count *widget.Label
	list  *fyne.Container
	cards []*objectiveCard
	Add   *widget.Button
}

// objectiveCard holds the widgets of one objective.
type objectiveCard struct {
	s  *objectivesStep
	id string

	heading    *widget.Label
	title      *boundEntry
	specific   *boundEntry
	achievable *boundEntry
	relevant   *boundEntry
	deadline   *dateField
	QuickPick  *widget.Select
	picks      []string
	Measurable *widget.Label
	GotoKPIs   *widget.Button
	Smart      []*smartBadge
	SmartWhy   *widget.Label
	Remove     *widget.Button

	sideList *fyne.Container
	sides    []*sideEffectRow
	AddSide  *widget.Button

	// UseEnd fills the deadline with the period's end, which the help
	// line under the field names: never a grey hint that looks like a
	// value typed (issue 9 minor).
	UseEnd       *widget.Button
	deadlineHelp *widget.Label
}

func (r *objectiveCard) rowID() string { return r.id }

// sideEffectRow is one anticipated side effect.
type sideEffectRow struct {
	id          string
	description *boundEntry
	guardrail   *choiceSelect
	remove      *rowDeleteButton
}

func (r *sideEffectRow) rowID() string { return r.id }

func newObjectivesStep() Step { return &objectivesStep{} }

func (s *objectivesStep) ID() string    { return workshop.StepObjectives }
func (s *objectivesStep) Title() string { return tr("objectives.title") }

func (s *objectivesStep) Build(ed Editor) fyne.CanvasObject {
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepObjectives)
	s.count = widget.NewLabel("")
	s.count.TextStyle = fyne.TextStyle{Bold: true}
	s.list = container.NewVBox()
	s.Add = widget.NewButtonWithIcon(tr("objectives.add"), theme.ContentAddIcon(), s.onAdd)
	s.Add.Importance = widget.HighImportance
	content := container.NewVBox(
		sectionHeading(tr("objectives.section")),
		helpLabel(tr("objectives.help")),
		s.count,
		s.places.note("", ""),
		s.list,
		container.NewHBox(s.Add),
	)
	s.content = content
	s.Refresh()
	return content
}

func (s *objectivesStep) onAdd() {
	id := workshop.NewID()
	if !s.ed.Edit(func(c *workshop.Charter) {
		c.Objectives = append(c.Objectives, workshop.Objective{ID: id})
	}) {
		return
	}
	for _, oc := range s.cards {
		if oc.id == id && s.ed.Window() != nil {
			scrollTo(s.ed.Window().Canvas().Content(), oc.title.Entry)
			s.ed.Window().Canvas().Focus(oc.title.Entry)
		}
	}
}

// onRemove removes an objective after confirmation, with its roles and its
// links from KPIs.
func (s *objectivesStep) onRemove(id string) {
	o := objectiveItems.at(s.ed.Charter(), id)
	if o == nil {
		return
	}
	name := strings.TrimSpace(o.Title)
	if name == "" {
		name = tr("objectives.untitled")
	}
	confirmThen(s.ed, tr("objectives.remove.title"), tr("objectives.remove.body", "Title", name), func() {
		s.ed.Edit(func(c *workshop.Charter) { c.RemoveObjective(id) })
	})
}

func (s *objectivesStep) newCard(id string) *objectiveCard {
	oc := &objectiveCard{s: s, id: id}
	ed, p := s.ed, s.places
	oc.heading = widget.NewLabel("")
	oc.heading.TextStyle = fyne.TextStyle{Bold: true}
	oc.heading.SizeName = theme.SizeNameSubHeadingText

	b := bind(ed, objectiveItems, id)
	oc.title = b.entry(func(o *workshop.Objective) *string { return &o.Title })
	oc.title.Entry.SetPlaceHolder(tr("objectives.title.placeholder"))
	oc.specific = b.multiLine(func(o *workshop.Objective) *string { return &o.Specific })
	oc.specific.Entry.SetPlaceHolder(tr("objectives.specific.placeholder"))
	oc.achievable = b.multiLine(func(o *workshop.Objective) *string { return &o.Achievable })
	oc.achievable.Entry.SetPlaceHolder(tr("objectives.achievable.placeholder"))
	oc.relevant = b.multiLine(func(o *workshop.Objective) *string { return &o.Relevant })
	oc.relevant.Entry.SetMinRowsVisible(2)
	oc.relevant.Entry.SetPlaceHolder(tr("objectives.relevant.placeholder"))
	oc.deadline = b.date(func(o *workshop.Objective) *workshop.Date { return &o.Deadline })
	oc.UseEnd = widget.NewButtonWithIcon(tr("input.deadline.useend"), theme.ContentPasteIcon(), oc.onUseEnd)
	oc.deadlineHelp = helpLabel("")
	oc.QuickPick = widget.NewSelect(nil, oc.onPick)
	oc.QuickPick.PlaceHolder = tr("objectives.relevant.pick")
	oc.Measurable = widget.NewLabel("")
	oc.Measurable.Wrapping = fyne.TextWrapWord
	oc.GotoKPIs = widget.NewButtonWithIcon(tr("objectives.measurable.goto"), theme.NavigateNextIcon(),
		func() { s.ed.Goto(workshop.Where{Step: workshop.StepKPIs}) })
	oc.Remove = widget.NewButtonWithIcon(tr("objectives.remove"), theme.DeleteIcon(), func() { s.onRemove(id) })
	oc.Smart = make([]*smartBadge, 5)
	badges := make([]fyne.CanvasObject, 5)
	for i, l := range []string{"S", "M", "A", "R", "T"} {
		oc.Smart[i] = newSmartBadge(l)
		badges[i] = oc.Smart[i]
	}
	oc.SmartWhy = widget.NewLabel("")
	oc.SmartWhy.Wrapping = fyne.TextWrapWord
	oc.SmartWhy.SizeName = theme.SizeNameCaptionText
	oc.sideList = container.NewVBox()
	oc.AddSide = widget.NewButtonWithIcon(tr("objectives.side.add"), theme.ContentAddIcon(), oc.onAddSide)

	p.place(id, "", oc.title.Entry)
	p.place(id, "title", oc.title.Entry)
	p.place(id, "specific", oc.specific.Entry)
	p.place(id, "achievable", oc.achievable.Entry)
	p.place(id, "relevant", oc.relevant.Entry)
	p.place(id, "deadline", oc.deadline.Entry)
	p.place(id, "kpis", oc.GotoKPIs)
	p.place(id, "sideEffects", oc.AddSide)
	return oc
}

func (oc *objectiveCard) object() fyne.CanvasObject {
	p, id := oc.s.places, oc.id
	smartRow := container.NewBorder(nil, nil,
		container.NewHBox(append([]fyne.CanvasObject{boldLabel(tr("objectives.smart"))}, badgeObjects(oc.Smart)...)...),
		nil, oc.SmartWhy)
	measurable := container.NewVBox(
		boldLabel(tr("objectives.measurable")),
		oc.Measurable,
		container.NewBorder(nil, nil, nil, oc.GotoKPIs, helpLabel(tr("objectives.measurable.help"))),
		p.note(id, "kpis"))
	// The long heading wraps and the picker may shrink (its text ends in an
	// ellipsis): at their natural width the two columns stretched the window
	// past a 1280-pixel screen.
	relevantHeading := boldLabel(tr("objectives.relevant"))
	relevantHeading.Wrapping = fyne.TextWrapWord
	relevant := container.NewVBox(
		relevantHeading,
		oc.relevant.Entry,
		container.New(fixedWidth(200), oc.QuickPick),
		p.note(id, "relevant"))
	return container.NewVBox(
		widget.NewSeparator(),
		container.NewBorder(nil, nil, oc.heading, oc.Remove, oc.title.Entry),
		p.note(id, ""),
		p.note(id, "title"),
		smartRow,
		twoColumns(
			fieldBlock(tr("objectives.specific"), oc.specific.Entry, tr("objectives.specific.help"), p.note(id, "specific")),
			fieldBlock(tr("objectives.achievable"), oc.achievable.Entry, tr("objectives.achievable.help"), p.note(id, "achievable"))),
		twoColumns(measurable, relevant),
		twoColumns(
			fieldBlock(tr("objectives.deadline"), container.NewVBox(
				container.NewBorder(nil, nil, nil, oc.UseEnd, oc.deadline.Object()), oc.deadlineHelp), "", p.note(id, "deadline")),
			widget.NewLabel("")),
		boldLabel(tr("objectives.side")),
		helpLabel(tr("objectives.side.help")),
		oc.sideList,
		p.note(id, "sideEffects"),
		container.NewHBox(oc.AddSide),
		widget.NewLabel(""),
	)
}

func badgeObjects(bs []*smartBadge) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(bs))
	for i, b := range bs {
		out[i] = b
	}
	return out
}

// validDate reports whether d is a readable stored date.
func validDate(d workshop.Date) bool { _, ok := d.Time(); return ok }

// onUseEnd sets the deadline to the period's end.
func (oc *objectiveCard) onUseEnd() {
	oc.s.ed.Edit(func(c *workshop.Charter) {
		if o := objectiveItems.at(c, oc.id); o != nil && c.Period.End != "" {
			o.Deadline = c.Period.End
		}
	})
}

// onPick links the objective to the intent or a company objective picked
// in the quick list: the text is added to the relevance, once.
func (oc *objectiveCard) onPick(string) {
	i := oc.QuickPick.SelectedIndex()
	if i < 0 || i >= len(oc.picks) {
		return
	}
	text := oc.picks[i]
	oc.QuickPick.ClearSelected()
	o := objectiveItems.at(oc.s.ed.Charter(), oc.id)
	if o == nil || strings.Contains(o.Relevant, text) {
		return
	}
	oc.s.ed.Edit(func(c *workshop.Charter) {
		if o := objectiveItems.at(c, oc.id); o != nil {
			if strings.TrimSpace(o.Relevant) == "" {
				o.Relevant = text
			} else {
				o.Relevant = strings.TrimRight(o.Relevant, " \n") + "\n" + text
			}
		}
	})
}

func (oc *objectiveCard) onAddSide() {
	id := workshop.NewID()
	if !oc.s.ed.Edit(func(c *workshop.Charter) {
		if o := objectiveItems.at(c, oc.id); o != nil {
			o.SideEffects = append(o.SideEffects, workshop.SideEffect{ID: id})
		}
	}) {
		return
	}
	for _, r := range oc.sides {
		if r.id == id && oc.s.ed.Window() != nil {
			oc.s.ed.Window().Canvas().Focus(r.description.Entry)
		}
	}
}

func (oc *objectiveCard) onRemoveSide(id string) {
	remove := func() {
		oc.s.ed.Edit(func(c *workshop.Charter) {
			if o := objectiveItems.at(c, oc.id); o != nil {
				out := o.SideEffects[:0]
				for _, se := range o.SideEffects {
					if se.ID != id {
						out = append(out, se)
					}
				}
				o.SideEffects = out
			}
		})
	}
	se := sideEffect(oc.s.ed.Charter(), oc.id, id)
	if se == nil || strings.TrimSpace(se.Description) == "" {
		remove()
		return
	}
	confirmThen(oc.s.ed, tr("objectives.side.remove.title"), tr("field.remove.line", "Text", se.Description), remove)
}

func (oc *objectiveCard) newSideRow(sid string) *sideEffectRow {
	r := &sideEffectRow{id: sid}
	b := sideBinder(oc.s.ed, oc.id, sid)
	r.description = b.entry(func(se *workshop.SideEffect) *string { return &se.Description })
	r.description.Entry.SetPlaceHolder(tr("objectives.side.placeholder"))
	values, labels := guardrailChoices(oc.s.ed.Charter())
	r.guardrail = choice(b, values, labels, func(se *workshop.SideEffect) *string { return &se.GuardrailID })
	r.guardrail.Select.PlaceHolder = tr("objectives.guardrail.none")
	r.remove = newRowDelete(func() { oc.onRemoveSide(sid) })
	return r
}

// guardrailChoices lists "no guardrail" then the charter's KPIs by name
// (made unique so that two KPIs of the same name stay apart).
func guardrailChoices(c *workshop.Charter) (values, labels []string) {
	values = []string{""}
	labels = []string{tr("objectives.guardrail.none")}
	seen := map[string]int{}
	for i, k := range c.KPIs {
		name := strings.TrimSpace(k.Name)
		if name == "" {
			name = tr("objectives.kpi.unnamed", "N", i+1)
		}
		seen[name]++
		if seen[name] > 1 {
			name = fmt.Sprintf("%s (%d)", name, seen[name])
		}
		values = append(values, k.ID)
		labels = append(labels, name)
	}
	return values, labels
}

// kpiLine is how a KPI measuring an objective is shown: name, target type,
// target and unit.
func kpiLine(k workshop.KPI) string {
	ul := CurrentLang()
	name := strings.TrimSpace(k.Name)
	if name == "" {
		name = tr("objectives.kpi.noname")
	}
	target := strings.TrimSpace(k.Target)
	if target == "" {
		return tr("objectives.kpi.notarget", "Name", name)
	}
	unit := ""
	if k.Unit != "" && k.Unit != workshop.UnitCount && k.Unit != workshop.UnitRatio {
		unit = workshop.Label(ul, string(k.Unit))
		if strings.HasSuffix(strings.ToLower(target), strings.ToLower(unit)) {
			unit = ""
		}
	}
	how := ""
	if k.TargetType != "" {
		how = workshop.Label(ul, string(k.TargetType)) + " "
	}
	return strings.TrimSpace(fmt.Sprintf("• %s — %s%s %s", name, how, target, unit))
}

// sync refreshes the card in place (rows rebuilt when their number changed).
func (oc *objectiveCard) sync(n int) {
	ed := oc.s.ed
	c := ed.Charter()
	o := objectiveItems.at(c, oc.id)
	if o == nil {
		return
	}
	ro := ed.ReadOnly()
	oc.heading.SetText(tr("objectives.number", "N", n))
	oc.title.sync()
	oc.specific.sync()
	oc.achievable.sync()
	oc.relevant.sync()
	oc.deadline.sync()
	if end := c.Period.End; end != "" && validDate(end) {
		oc.deadlineHelp.SetText(tr("input.deadline.help.end", "End", string(end)))
		setEnabled(oc.UseEnd, !ro && o.Deadline != end)
	} else {
		oc.deadlineHelp.SetText(tr("input.deadline.help"))
		setEnabled(oc.UseEnd, false)
	}
	setEnabled(oc.Remove, !ro)
	setEnabled(oc.AddSide, !ro)
	setEnabled(oc.QuickPick, !ro)

	oc.syncPicks(c)
	oc.syncMeasurable(c)
	oc.syncSmart(c)
	oc.syncSides(c, o, ro)
}

// syncPicks offers the intent, then the company objectives, as quick
// picks for the relevance.
func (oc *objectiveCard) syncPicks(c *workshop.Charter) {
	var picks, labels []string
	if st := strings.TrimSpace(c.Intent.Statement); st != "" {
		picks = append(picks, st)
		labels = append(labels, tr("objectives.relevant.intent", "Text", ellipsis(st, 70)))
	}
	for _, co := range c.Intent.CompanyObjectives {
		if co = strings.TrimSpace(co); co != "" {
			picks = append(picks, co)
			labels = append(labels, ellipsis(co, 80))
		}
	}
	oc.picks = picks
	if !equalStrings(labels, oc.QuickPick.Options) {
		oc.QuickPick.Options = labels
		oc.QuickPick.Refresh()
	}
	if len(picks) == 0 {
		oc.QuickPick.PlaceHolder = tr("objectives.relevant.nopick")
		oc.QuickPick.Disable()
	} else {
		oc.QuickPick.PlaceHolder = tr("objectives.relevant.pick")
	}
}

// syncMeasurable lists the KPIs that measure the objective.
func (oc *objectiveCard) syncMeasurable(c *workshop.Charter) {
	var lines []string
	for _, k := range c.KPIs {
		if slices.Contains(k.Objectives, oc.id) {
			lines = append(lines, kpiLine(k))
		}
	}
	if len(lines) == 0 {
		lines = []string{tr("objectives.measurable.none")}
	}
	if text := strings.Join(lines, "\n"); oc.Measurable.Text != text {
		oc.Measurable.SetText(text)
	}
}

// syncSmart shows the SMART check of the objective.
func (oc *objectiveCard) syncSmart(c *workshop.Charter) {
	check := workshop.SMART(c, oc.id)
	why := check.Why(CurrentLang())
	var whys []string
	for i, lt := range check.Letters {
		if i < len(oc.Smart) {
			oc.Smart[i].SetOK(lt.OK, why[lt.Letter])
		}
		if !lt.OK {
			whys = append(whys, lt.Letter+" — "+why[lt.Letter])
		}
	}
	if len(whys) == 0 {
		oc.SmartWhy.Importance = widget.SuccessImportance
		oc.SmartWhy.SetText(tr("objectives.smart.ok"))
	} else {
		oc.SmartWhy.Importance = widget.WarningImportance
		oc.SmartWhy.SetText(strings.Join(whys, "\n"))
	}
}

// syncSides rebuilds the side-effect rows when they were added or removed,
// else refreshes them in place.
func (oc *objectiveCard) syncSides(c *workshop.Charter, o *workshop.Objective, ro bool) {
	if !rowsMatch(oc.sides, o.SideEffects, func(x workshop.SideEffect) string { return x.ID }) {
		oc.sides = oc.sides[:0]
		objs := make([]fyne.CanvasObject, 0, len(o.SideEffects))
		for _, se := range o.SideEffects {
			r := oc.newSideRow(se.ID)
			oc.sides = append(oc.sides, r)
			objs = append(objs, r.remove.rowOf(container.NewBorder(nil, nil, nil, r.remove,
				container.NewGridWithColumns(2, r.description.Entry, r.guardrail.Select))))
		}
		oc.sideList.Objects = objs
		oc.sideList.Refresh()
	}
	values, glabels := guardrailChoices(c)
	for _, r := range oc.sides {
		r.description.sync()
		r.guardrail.setChoices(values, glabels)
		r.guardrail.sync()
		setEnabled(r.remove, !ro)
	}
}

// ellipsis shortens s to at most n runes.
func ellipsis(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (s *objectivesStep) Refresh() {
	if s.ed == nil {
		return
	}
	s.refresh()
	if s.content != nil {
		relayout(s.ed, s.content)
	}
}

// refresh re-reads the charter and the board into the widgets.
func (s *objectivesStep) refresh() {
	c := s.ed.Charter()
	if !rowsMatch(s.cards, c.Objectives, func(x workshop.Objective) string { return x.ID }) {
		for _, oc := range s.cards {
			s.places.forget(oc.id)
		}
		s.cards = s.cards[:0]
		objs := make([]fyne.CanvasObject, 0, len(c.Objectives))
		for _, o := range c.Objectives {
			oc := s.newCard(o.ID)
			s.cards = append(s.cards, oc)
			objs = append(objs, oc.object())
		}
		s.list.Objects = objs
		s.list.Refresh()
	}
	for i, oc := range s.cards {
		oc.sync(i + 1)
	}
	s.count.SetText(tr("objectives.count", "N", len(c.Objectives)))
	setEnabled(s.Add, !s.ed.ReadOnly())
	s.places.refreshExcept("R-SMART-")
	// R-SIDE-1 is located in the KPIs step (PRODUCT.md §1 step 5) but the
	// side effects are written here: show it under them too.
	for _, oc := range s.cards {
		var lines []string
		for _, f := range s.ed.FindingsFor(workshop.StepKPIs, oc.id) {
			if f.Where.Field == "sideEffects" {
				lines = append(lines, "• "+f.Message(CurrentLang()))
			}
		}
		if len(lines) > 0 {
			showNote(s.places.note(oc.id, "sideEffects"), strings.Join(lines, "\n"), widget.WarningImportance)
		}
	}
}

func (s *objectivesStep) Focus(where workshop.Where) {
	if s.places != nil {
		s.places.focus(where)
	}
}

// smartBadge is one letter of the SMART check: green when satisfied, grey
// when not (its reason is the tooltip-like text of the row).
type smartBadge struct {
	widget.BaseWidget
	Letter string
	OK     bool
	Why    string
	bg     *canvas.Rectangle
	text   *canvas.Text
}

func newSmartBadge(letter string) *smartBadge {
	b := &smartBadge{Letter: letter}
	b.bg = canvas.NewRectangle(color.Transparent)
	b.bg.CornerRadius = theme.InputRadiusSize()
	b.bg.SetMinSize(fyne.NewSquareSize(theme.TextSize() * 2.2))
	b.text = canvas.NewText(letter, color.White)
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.text.TextSize = theme.TextSize() * 1.2
	b.text.Alignment = fyne.TextAlignCenter
	b.ExtendBaseWidget(b)
	b.paint()
	return b
}

func (b *smartBadge) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(b.bg, container.NewCenter(b.text)))
}

// SetOK shows the letter as satisfied (green) or not (grey).
func (b *smartBadge) SetOK(ok bool, why string) {
	if b.OK == ok && b.Why == why {
		return
	}
	b.OK, b.Why = ok, why
	b.paint()
}

func (b *smartBadge) paint() {
	if b.OK {
		b.bg.FillColor = theme.Color(theme.ColorNameSuccess)
		b.text.Color = color.White
	} else {
		// A plain grey that reads in light and dark themes alike.
		b.bg.FillColor = theme.Color(theme.ColorNamePlaceHolder)
		b.text.Color = theme.Color(theme.ColorNameBackground)
	}
	b.bg.Refresh()
	b.text.Refresh()
}

func (b *smartBadge) Refresh() {
	b.paint()
	b.BaseWidget.Refresh()
}
