package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// kpisStep is step 5: the 3 to 5 priority KPIs with their thresholds, each
// picked from the library or written from scratch, and the side effects
// anticipated for each objective with their guardrail KPIs.
type kpisStep struct {
	ed     Editor
	places *fieldPlaces

	Count      *widget.Label
	list       *fyne.Container
	cards      []*kpiCard
	AddLibrary *widget.Button
	AddCustom  *widget.Button
	picker     *kpiPicker // the picker last opened (tests drive it)

	sides    *fyne.Container
	sideKey  string
	sideRows []*kpiSideRow
	sideAdds map[string]*widget.Button // objective id → add button
}

// kpiCard holds the widgets of one KPI: its fields, built from kpiFields,
// and handles on those that handlers and tests drive.
type kpiCard struct {
	s      *kpisStep
	id     string
	b      binder[workshop.KPI]
	fields []cardField // one per kpiFields entry

	Heading    *widget.Label
	Name       *boundEntry
	Unit       *widget.Select
	UnitCustom *widget.Entry
	custom     bool
	TargetType *choiceSelect
	Baseline   *numberField
	Target     *numberField
	Alert      *numberField
	Owner      *boundEntry
	OwnerPick  *widget.Select
	Objectives []*widget.Check
	objTitles  []*tapLabel // beside each check, wrapping (a long title must not widen the window)
	objIDs     []string
	objBox     *fyne.Container
	Remove     *widget.Button
	obj        fyne.CanvasObject

	// The owner picker lists the participants and "someone else…"; it
	// shows the person chosen itself. The entry under it, for a name that
	// is not a participant's, shows only for "someone else" (issue 9).
	ownerNames []string
	ownerOther bool
}

func (r *kpiCard) rowID() string { return r.id }

// kpiSideRow is one anticipated side effect in the side-effects section.
type kpiSideRow struct {
	oid, sid    string
	Description *boundEntry
	Guardrail   *choiceSelect
	Remove      *rowDeleteButton
}

func newKPIsStep() Step { return &kpisStep{} }

func (s *kpisStep) ID() string    { return workshop.StepKPIs }
func (s *kpisStep) Title() string { return tr("kpis.title") }

func (s *kpisStep) Build(ed Editor) fyne.CanvasObject {
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepKPIs)
	s.Count = widget.NewLabel("")
	s.Count.TextStyle = fyne.TextStyle{Bold: true}
	s.list = container.NewVBox()
	s.sides = container.NewVBox()
	s.AddLibrary = widget.NewButtonWithIcon(tr("kpis.add.library"), theme.SearchIcon(), s.onAddLibrary)
	s.AddLibrary.Importance = widget.HighImportance
	s.AddCustom = widget.NewButtonWithIcon(tr("kpis.add.custom"), theme.ContentAddIcon(), s.onAddCustom)
	s.places.place("", "", s.AddLibrary)
	content := container.NewVBox(
		sectionHeading(tr("kpis.section")),
		helpLabel(tr("kpis.help")),
		// The count, then the add buttons: on one line they were wider than
		// the step's column on a 1280-pixel screen and stretched the window.
		container.NewHBox(widget.NewLabel(tr("kpis.count.label")), s.Count),
		container.NewHBox(s.AddLibrary, s.AddCustom),
		s.places.note("", ""),
		s.list,
		widget.NewLabel(""),
		sectionHeading(tr("kpis.side.section")),
		helpLabel(tr("kpis.side.help")),
		s.sides,
	)
	s.Refresh()
	return content
}

func (s *kpisStep) onAddLibrary() {
	s.picker = newKPIPicker(s.ed, s.focusNew)
	s.picker.show()
}

func (s *kpisStep) onAddCustom() {
	id := workshop.NewID()
	if s.ed.Edit(func(c *workshop.Charter) {
		c.KPIs = append(c.KPIs, workshop.KPI{ID: id, Objectives: []string{}})
	}) {
		s.focusNew(id)
	}
}

// focusNew brings a KPI just added into view, its name focused.
func (s *kpisStep) focusNew(id string) {
	s.Refresh()
	for _, kc := range s.cards {
		if kc.id == id && s.ed.Window() != nil {
			scrollTo(s.ed.Window().Canvas().Content(), kc.Name.Entry)
			s.ed.Window().Canvas().Focus(kc.Name.Entry)
		}
	}
}

// onRemove removes a KPI after confirmation, with its cascades and the side
// effects' references to it as a guardrail.
func (s *kpisStep) onRemove(id string) {
	k := kpiItems.at(s.ed.Charter(), id)
	if k == nil {
		return
	}
	name := strings.TrimSpace(k.Name)
	if name == "" {
		name = tr("kpis.unnamed")
	}
	confirmThen(s.ed, tr("kpis.remove.title"), tr("kpis.remove.body", "Name", name), func() {
		s.ed.Edit(func(c *workshop.Charter) { c.RemoveKPI(id) })
	})
}

// kpiField is one field of a KPI card. The card builds, places, lays out
// and syncs its fields from kpiFields: a new KPI field is one line there
// (with its label in the catalogs).
type kpiField struct {
	row   int    // the card's line: 0 is the title line; the fields of a line share it in equal columns
	name  string // the field of workshop.Where, for its findings note and Focus
	label string // translation key of the label above the field
	help  string // translation key of the help under the field, or ""
	hint  string // translation key of an entry's placeholder, or ""
	build func(kc *kpiCard) cardField
}

// kpiFields are a KPI card's fields, in the order shown.
var kpiFields = []kpiField{
	{row: 0, name: "name", hint: "kpis.name.placeholder", build: kpiEntry(func(k *workshop.KPI) *string { return &k.Name })},
	{row: 1, name: "kind", label: "kpis.kind", build: (*kpiCard).kindField},
	{row: 1, name: "unit", label: "kpis.unit", build: (*kpiCard).unitField},
	{row: 1, name: "targetType", label: "kpis.targettype", build: kpiEnum(workshop.TargetTypes, func(k *workshop.KPI) *workshop.TargetType { return &k.TargetType })},
	{row: 2, name: "definition", label: "kpis.definition", hint: "kpis.definition.placeholder", build: (*kpiCard).definitionField},
	{row: 3, name: "baseline", label: "kpis.baseline", build: kpiNumber(func(k *workshop.KPI) *string { return &k.Baseline })},
	{row: 3, name: "target", label: "kpis.target", build: kpiNumber(func(k *workshop.KPI) *string { return &k.Target })},
	{row: 3, name: "alert", label: "kpis.alert", help: "kpis.alert.help", build: kpiNumber(func(k *workshop.KPI) *string { return &k.Alert })},
	{row: 4, name: "frequency", label: "kpis.frequency", build: kpiEnum(workshop.Frequencies, func(k *workshop.KPI) *workshop.Frequency { return &k.Frequency })},
	{row: 4, name: "source", label: "kpis.source", hint: "kpis.source.placeholder", build: kpiEntry(func(k *workshop.KPI) *string { return &k.Source })},
	{row: 4, name: "owner", label: "kpis.owner", build: (*kpiCard).ownerField},
	{row: 5, name: "objectives", label: "kpis.objectives", build: (*kpiCard).objectivesField},
	{row: 5, name: "guardrail", label: "kpis.guardrail.label", help: "kpis.guardrail.help", build: kpiCheck("kpis.guardrail", func(k *workshop.KPI) *bool { return &k.Guardrail })},
}

// The makers of the plain fields of kpiFields.
func kpiEntry(f func(k *workshop.KPI) *string) func(kc *kpiCard) cardField {
	return func(kc *kpiCard) cardField { return kc.b.entry(f) }
}

func kpiNumber(f func(k *workshop.KPI) *string) func(kc *kpiCard) cardField {
	return func(kc *kpiCard) cardField { return kc.b.number(f) }
}

func kpiEnum[S ~string](values []S, f func(k *workshop.KPI) *S) func(kc *kpiCard) cardField {
	return func(kc *kpiCard) cardField { return enum(kc.b, values, f) }
}

func kpiCheck(label string, f func(k *workshop.KPI) *bool) func(kc *kpiCard) cardField {
	return func(kc *kpiCard) cardField { return kc.b.check(tr(label), f) }
}

func (s *kpisStep) newCard(id string) *kpiCard {
	kc := &kpiCard{s: s, id: id, b: bind(s.ed, kpiItems, id)}
	kc.Heading = widget.NewLabel("")
	kc.Heading.TextStyle = fyne.TextStyle{Bold: true}
	kc.Heading.SizeName = theme.SizeNameSubHeadingText
	kc.Remove = widget.NewButtonWithIcon(tr("kpis.remove"), theme.DeleteIcon(), func() { s.onRemove(id) })
	for i, f := range kpiFields {
		w := f.build(kc)
		if e, ok := w.place().(*widget.Entry); ok && f.hint != "" {
			e.SetPlaceHolder(tr(f.hint))
		}
		if i == 0 {
			s.places.place(id, "", w.place())
		}
		s.places.place(id, f.name, w.place())
		kc.fields = append(kc.fields, w)
	}
	kc.Name = kc.field("name").(*boundEntry)
	kc.TargetType = kc.field("targetType").(*choiceSelect)
	kc.Baseline = kc.field("baseline").(*numberField)
	kc.Target = kc.field("target").(*numberField)
	kc.Alert = kc.field("alert").(*numberField)
	kc.obj = kc.layout()
	return kc
}

// field is the card's field named name in kpiFields.
func (kc *kpiCard) field(name string) cardField {
	for i, f := range kpiFields {
		if f.name == name {
			return kc.fields[i]
		}
	}
	return nil
}

// layout lays the fields out line by line: the title line with the
// heading and the remove button, then each line's fields in columns, each
// with its label, help and findings note.
func (kc *kpiCard) layout() fyne.CanvasObject {
	p, id := kc.s.places, kc.id
	objs := []fyne.CanvasObject{widget.NewSeparator()}
	var line []fyne.CanvasObject
	for i, f := range kpiFields {
		w := kc.fields[i]
		if f.row == 0 {
			objs = append(objs, container.NewBorder(nil, nil, kc.Heading, kc.Remove, w.object()), p.note(id, ""), p.note(id, f.name))
			continue
		}
		help := ""
		if f.help != "" {
			help = tr(f.help)
		}
		line = append(line, fieldBlock(tr(f.label), w.object(), help, p.note(id, f.name)))
		if i+1 < len(kpiFields) && kpiFields[i+1].row == f.row {
			continue
		}
		if len(line) == 1 {
			objs = append(objs, line[0])
		} else {
			objs = append(objs, container.NewGridWithColumns(len(line), line...))
		}
		line = nil
	}
	return container.NewVBox(append(objs, widget.NewLabel(""))...)
}

func (kc *kpiCard) kindField() cardField {
	kinds := []workshop.KPIKind{workshop.KindResult, workshop.KindEffort}
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = kindLabel(k)
	}
	return choice(kc.b, enumStrings(kinds), labels, func(k *workshop.KPI) *workshop.KPIKind { return &k.Kind })
}

func (kc *kpiCard) definitionField() cardField {
	e := kc.b.multiLine(func(k *workshop.KPI) *string { return &k.Definition })
	e.Entry.SetMinRowsVisible(2)
	return e
}

// unitField is a select of the built-in units and "other unit…", which
// shows an entry below it for a unit of the person's own.
func (kc *kpiCard) unitField() cardField {
	labels := make([]string, 0, len(workshop.Units)+1)
	for _, u := range workshop.Units {
		labels = append(labels, unitLabel(u))
	}
	labels = append(labels, tr("kpis.unit.custom"))
	kc.Unit = widget.NewSelect(labels, func(string) { kc.onUnit() })
	kc.Unit.PlaceHolder = tr("field.choose")
	kc.UnitCustom = widget.NewEntry()
	kc.UnitCustom.SetPlaceHolder(tr("kpis.unit.custom.placeholder"))
	kc.UnitCustom.OnChanged = func(v string) {
		if k := kc.b.item(); kc.custom && k != nil && string(k.Unit) != v {
			kc.b.edit(func(k *workshop.KPI) { k.Unit = workshop.Unit(v) })
		}
	}
	kc.UnitCustom.Hide()
	return cardPart{container.NewVBox(kc.Unit, kc.UnitCustom), kc.Unit, kc.syncUnit}
}

// ownerField is the owner picker: the participants and "someone else…",
// showing the person chosen itself; the entry under it, for a name that is
// not a participant's, shows only for "someone else" (issue 9).
func (kc *kpiCard) ownerField() cardField {
	kc.Owner = kc.b.entry(func(k *workshop.KPI) *string { return &k.Owner })
	kc.Owner.Entry.SetPlaceHolder(tr("kpis.owner.placeholder"))
	kc.OwnerPick = widget.NewSelect(nil, func(string) { kc.onOwnerPick() })
	kc.OwnerPick.PlaceHolder = tr("kpis.owner.pick")
	return cardPart{container.NewVBox(kc.OwnerPick, kc.Owner.Entry), kc.OwnerPick, kc.syncOwner}
}

// objectivesField is one check per objective the KPI may measure.
func (kc *kpiCard) objectivesField() cardField {
	kc.objBox = container.NewVBox()
	return cardPart{kc.objBox, kc.objBox, kc.syncObjectives}
}

// onOwnerPick stores the participant picked as the owner, or opens the
// entry for someone else (emptied when it held a participant's name).
func (kc *kpiCard) onOwnerPick() {
	i := kc.OwnerPick.SelectedIndex()
	ed := kc.s.ed
	k := kpiItems.at(ed.Charter(), kc.id)
	if i < 0 || k == nil || ed.ReadOnly() {
		return
	}
	if i < len(kc.ownerNames) {
		kc.ownerOther = false
		kc.Owner.Entry.Hide()
		if name := kc.ownerNames[i]; k.Owner != name {
			ed.Edit(func(c *workshop.Charter) {
				if k := kpiItems.at(c, kc.id); k != nil {
					k.Owner = name
				}
			})
		}
		return
	}
	was := kc.ownerOther
	kc.ownerOther = true
	kc.Owner.Entry.Show()
	if was {
		return
	}
	if slices.Contains(kc.ownerNames, k.Owner) {
		ed.Edit(func(c *workshop.Charter) {
			if k := kpiItems.at(c, kc.id); k != nil {
				k.Owner = ""
			}
		})
	}
	if ed.Window() != nil {
		ed.Window().Canvas().Focus(kc.Owner.Entry)
	}
}

// showOwner shows the stored owner in the picker: a participant's name,
// or "someone else" with the name in the entry under it.
func (kc *kpiCard) showOwner(c *workshop.Charter, k *workshop.KPI) {
	var names []string
	for _, pt := range c.Participants {
		if n := strings.TrimSpace(pt.Name); n != "" {
			names = append(names, n)
		}
	}
	opts := append(append([]string{}, names...), tr("kpis.owner.other"))
	if !equalStrings(opts, kc.OwnerPick.Options) {
		kc.ownerNames = names
		kc.OwnerPick.Options = opts
		kc.OwnerPick.Refresh()
	}
	sel := -1
	owner := strings.TrimSpace(k.Owner)
	if !kc.ownerOther {
		for i, n := range names {
			if n == owner {
				sel = i
				break
			}
		}
	}
	if sel < 0 && (kc.ownerOther || owner != "") {
		kc.ownerOther = true
		sel = len(names)
	}
	if kc.OwnerPick.SelectedIndex() != sel {
		if sel < 0 {
			kc.OwnerPick.ClearSelected()
		} else {
			kc.OwnerPick.SetSelectedIndex(sel)
		}
	}
	if kc.ownerOther {
		kc.Owner.Entry.Show()
	} else {
		kc.Owner.Entry.Hide()
	}
}

// onUnit stores the unit picked, or switches to a custom unit typed in the
// entry below the select.
func (kc *kpiCard) onUnit() {
	i := kc.Unit.SelectedIndex()
	ed := kc.s.ed
	k := kc.b.item()
	if i < 0 || k == nil {
		return
	}
	if i < len(workshop.Units) {
		kc.custom = false
		kc.UnitCustom.Hide()
		if u := workshop.Units[i]; k.Unit != u {
			kc.b.edit(func(k *workshop.KPI) { k.Unit = u })
		}
		return
	}
	kc.custom = true
	kc.UnitCustom.Show()
	if isBuiltinUnit(k.Unit) {
		kc.b.edit(func(k *workshop.KPI) { k.Unit = "" })
		if ed.Window() != nil && !ed.ReadOnly() {
			ed.Window().Canvas().Focus(kc.UnitCustom)
		}
	}
}

func isBuiltinUnit(u workshop.Unit) bool {
	return slices.Contains(workshop.Units, u)
}

// sync refreshes the card from the charter.
func (kc *kpiCard) sync(n int) {
	k := kc.b.item()
	if k == nil {
		return
	}
	if k.Guardrail {
		kc.Heading.SetText(tr("kpis.number.guardrail", "N", n))
	} else {
		kc.Heading.SetText(tr("kpis.number", "N", n))
	}
	for _, f := range kc.fields {
		f.sync()
	}
	setEnabled(kc.Remove, !kc.s.ed.ReadOnly())
}

// syncUnit shows a built-in unit in the select, anything else as a custom
// unit.
func (kc *kpiCard) syncUnit() {
	ed := kc.s.ed
	k := kc.b.item()
	setEnabled(kc.Unit, !ed.ReadOnly())
	setEnabled(kc.UnitCustom, !ed.ReadOnly())
	switch {
	case isBuiltinUnit(k.Unit):
		kc.custom = false
		for i, u := range workshop.Units {
			if u == k.Unit && kc.Unit.SelectedIndex() != i {
				kc.Unit.SetSelectedIndex(i)
			}
		}
		kc.UnitCustom.Hide()
	case k.Unit != "" || kc.custom:
		kc.custom = true
		if kc.Unit.SelectedIndex() != len(workshop.Units) {
			kc.Unit.SetSelectedIndex(len(workshop.Units))
		}
		if kc.UnitCustom.Text != string(k.Unit) && !hasFocus(ed, kc.UnitCustom) {
			kc.UnitCustom.SetText(string(k.Unit))
		}
		kc.UnitCustom.Show()
	default:
		if kc.Unit.SelectedIndex() >= 0 {
			kc.Unit.ClearSelected()
		}
		kc.UnitCustom.Hide()
	}
}

// syncOwner re-reads the owner and shows it in the picker.
func (kc *kpiCard) syncOwner() {
	kc.Owner.sync()
	setEnabled(kc.OwnerPick, !kc.s.ed.ReadOnly())
	c := kc.s.ed.Charter()
	if k := kpiItems.at(c, kc.id); k != nil {
		kc.showOwner(c, k)
	}
}

// syncObjectives rebuilds the checks when the objectives changed, else
// refreshes their titles and states in place.
func (kc *kpiCard) syncObjectives() {
	c := kc.s.ed.Charter()
	k := kc.b.item()
	ids := make([]string, len(c.Objectives))
	titles := make([]string, len(c.Objectives))
	for i, o := range c.Objectives {
		ids[i] = o.ID
		titles[i] = strings.TrimSpace(o.Title)
		if titles[i] == "" {
			titles[i] = tr("kpis.objective.untitled", "N", i+1)
		}
	}
	if !equalStrings(ids, kc.objIDs) {
		kc.objIDs = ids
		kc.Objectives = kc.Objectives[:0]
		kc.objTitles = kc.objTitles[:0]
		objs := make([]fyne.CanvasObject, 0, len(ids)+1)
		for _, oid := range ids {
			chk := widget.NewCheck("", func(on bool) { kc.onObjective(oid, on) })
			title := newTapLabel(func() {
				if !chk.Disabled() {
					chk.SetChecked(!chk.Checked)
				}
			})
			kc.Objectives = append(kc.Objectives, chk)
			kc.objTitles = append(kc.objTitles, title)
			objs = append(objs, container.NewBorder(nil, nil, chk, nil, title))
		}
		if len(ids) == 0 {
			objs = append(objs, helpLabel(tr("kpis.objectives.none")))
		}
		kc.objBox.Objects = objs
		kc.objBox.Refresh()
	}
	for i, chk := range kc.Objectives {
		if kc.objTitles[i].Text != titles[i] {
			kc.objTitles[i].SetText(titles[i])
		}
		if on := hasString(k.Objectives, ids[i]); chk.Checked != on {
			chk.Checked = on
			chk.Refresh()
		}
		setEnabled(chk, !kc.s.ed.ReadOnly())
	}
}

// onObjective links or unlinks the KPI and an objective.
func (kc *kpiCard) onObjective(oid string, on bool) {
	k := kc.b.item()
	if k == nil || hasString(k.Objectives, oid) == on {
		return
	}
	kc.b.edit(func(k *workshop.KPI) {
		if on {
			k.Objectives = append(k.Objectives, oid)
			return
		}
		out := make([]string, 0, len(k.Objectives))
		for _, x := range k.Objectives {
			if x != oid {
				out = append(out, x)
			}
		}
		k.Objectives = out
	})
}

// hasString reports whether list holds s.
func hasString(list []string, s string) bool {
	return slices.Contains(list, s)
}

func (s *kpisStep) Refresh() {
	if s.ed == nil {
		return
	}
	c := s.ed.Charter()
	ro := s.ed.ReadOnly()
	if !rowsMatch(s.cards, c.KPIs, func(x workshop.KPI) string { return x.ID }) {
		keep := map[string]*kpiCard{}
		for _, kc := range s.cards {
			keep[kc.id] = kc
		}
		s.cards = s.cards[:0]
		objs := make([]fyne.CanvasObject, 0, len(c.KPIs))
		for _, k := range c.KPIs {
			kc, ok := keep[k.ID]
			if !ok {
				kc = s.newCard(k.ID)
			}
			delete(keep, k.ID)
			s.cards = append(s.cards, kc)
			objs = append(objs, kc.obj)
		}
		for id := range keep {
			s.places.forget(id)
		}
		if len(objs) == 0 {
			objs = append(objs, helpLabel(tr("kpis.none")))
		}
		s.list.Objects = objs
		s.list.Refresh()
	}
	priority, guards := 0, 0
	for _, k := range c.KPIs {
		if k.Guardrail {
			guards++
		} else {
			priority++
		}
	}
	for i, kc := range s.cards {
		kc.sync(i + 1)
	}
	count := tr("kpis.count", "N", priority)
	if guards > 0 {
		count += " " + tr("kpis.count.guardrails", "N", guards)
	}
	s.Count.SetText(count)
	if priority >= 3 && priority <= 5 {
		s.Count.Importance = widget.SuccessImportance
	} else {
		s.Count.Importance = widget.DangerImportance
	}
	s.Count.Refresh()
	setEnabled(s.AddLibrary, !ro)
	setEnabled(s.AddCustom, !ro)
	s.syncSides(c, ro)
	s.places.refreshExcept("R-NUM-1")
}

// syncSides rebuilds the side-effects section when objectives or side
// effects were added or removed, else refreshes it in place.
func (s *kpisStep) syncSides(c *workshop.Charter, ro bool) {
	var key strings.Builder
	for _, o := range c.Objectives {
		key.WriteString(o.ID + "|" + o.Title + ":")
		for _, se := range o.SideEffects {
			key.WriteString(se.ID + ",")
		}
		key.WriteString(";")
	}
	if key.String() != s.sideKey {
		s.sideKey = key.String()
		for _, r := range s.sideRows {
			s.places.forget(r.sid)
		}
		s.sideRows = nil
		s.sideAdds = map[string]*widget.Button{}
		var objs []fyne.CanvasObject
		for i, o := range c.Objectives {
			title := strings.TrimSpace(o.Title)
			if title == "" {
				title = tr("kpis.objective.untitled", "N", i+1)
			}
			head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			head.Wrapping = fyne.TextWrapWord
			rows := container.NewVBox()
			for _, se := range o.SideEffects {
				r := s.newSideRow(o.ID, se.ID)
				s.sideRows = append(s.sideRows, r)
				// The description gets the room; the guardrail select is
				// wide enough for a KPI name.
				rows.Add(r.Remove.rowOf(container.NewBorder(nil, nil, nil,
					container.NewHBox(container.New(fixedWidth(300), r.Guardrail.Select), r.Remove),
					r.Description.Entry)))
			}
			oid := o.ID
			add := widget.NewButtonWithIcon(tr("kpis.side.add"), theme.ContentAddIcon(), func() { s.onAddSide(oid) })
			s.sideAdds[oid] = add
			s.places.place(oid, "sideEffects", add)
			objs = append(objs, head, rows, s.places.note(oid, "sideEffects"), container.NewHBox(add))
		}
		if len(objs) == 0 {
			objs = append(objs, helpLabel(tr("kpis.side.noobjective")))
		}
		s.sides.Objects = objs
		s.sides.Refresh()
	}
	values, labels := kpiChoices(c)
	for _, r := range s.sideRows {
		r.Description.sync()
		r.Guardrail.setChoices(values, labels)
		r.Guardrail.sync()
		setEnabled(r.Remove, !ro)
	}
	for _, b := range s.sideAdds {
		setEnabled(b, !ro)
	}
}

func (s *kpisStep) newSideRow(oid, sid string) *kpiSideRow {
	r := &kpiSideRow{oid: oid, sid: sid}
	b := sideBinder(s.ed, oid, sid)
	r.Description = b.entry(func(se *workshop.SideEffect) *string { return &se.Description })
	r.Description.Entry.SetPlaceHolder(tr("kpis.side.placeholder"))
	values, labels := kpiChoices(s.ed.Charter())
	r.Guardrail = choice(b, values, labels, func(se *workshop.SideEffect) *string { return &se.GuardrailID })
	r.Guardrail.Select.PlaceHolder = tr("kpis.side.noguardrail")
	r.Remove = newRowDelete(func() { s.onRemoveSide(oid, sid) })
	return r
}

func (s *kpisStep) onAddSide(oid string) {
	sid := workshop.NewID()
	if !s.ed.Edit(func(c *workshop.Charter) {
		for i := range c.Objectives {
			if c.Objectives[i].ID == oid {
				c.Objectives[i].SideEffects = append(c.Objectives[i].SideEffects, workshop.SideEffect{ID: sid})
			}
		}
	}) {
		return
	}
	for _, r := range s.sideRows {
		if r.sid == sid && s.ed.Window() != nil {
			s.ed.Window().Canvas().Focus(r.Description.Entry)
		}
	}
}

func (s *kpisStep) onRemoveSide(oid, sid string) {
	remove := func() {
		s.ed.Edit(func(c *workshop.Charter) {
			for i := range c.Objectives {
				if c.Objectives[i].ID != oid {
					continue
				}
				out := c.Objectives[i].SideEffects[:0]
				for _, se := range c.Objectives[i].SideEffects {
					if se.ID != sid {
						out = append(out, se)
					}
				}
				c.Objectives[i].SideEffects = out
			}
		})
	}
	se := sideEffect(s.ed.Charter(), oid, sid)
	if se == nil || strings.TrimSpace(se.Description) == "" {
		remove()
		return
	}
	confirmThen(s.ed, tr("kpis.side.remove"), tr("field.remove.line", "Text", se.Description), remove)
}

// kpiChoices lists "no guardrail" then the charter's KPIs by name, made
// unique so that two KPIs of the same name stay apart.
func kpiChoices(c *workshop.Charter) (values, labels []string) {
	values = []string{""}
	labels = []string{tr("kpis.side.noguardrail")}
	v, l := kpiNames(c)
	return append(values, v...), append(labels, l...)
}

// kpiNames lists the charter's KPI ids and unique display names.
func kpiNames(c *workshop.Charter) (ids, names []string) {
	seen := map[string]int{}
	for i, k := range c.KPIs {
		name := strings.TrimSpace(k.Name)
		if name == "" {
			name = tr("kpis.unnamed.n", "N", i+1)
		}
		seen[name]++
		if seen[name] > 1 {
			name = fmt.Sprintf("%s (%d)", name, seen[name])
		}
		ids = append(ids, k.ID)
		names = append(names, name)
	}
	return ids, names
}

func (s *kpisStep) Focus(where workshop.Where) {
	if s.places != nil {
		s.places.focus(where)
	}
}

// tapLabel is a wrapping label that toggles the check beside it when
// tapped, as a check's own text would.
type tapLabel struct {
	widget.Label
	onTap func()
}

func newTapLabel(onTap func()) *tapLabel {
	l := &tapLabel{onTap: onTap}
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tapped toggles the check.
func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}
