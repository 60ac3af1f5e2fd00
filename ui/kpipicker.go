package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// kpiPicker is the dialog that adds a KPI from the built-in library: a
// search field, the list of library KPIs (name, kind and unit in the
// interface language) and the full definition of the one selected. Adding
// creates the KPI in the charter's language (LibraryKPI.NewKPI). Several
// KPIs can be ticked and added in one go; Enter adds, as the Add button
// does (issue 9).
type kpiPicker struct {
	ed      Editor
	all     []workshop.LibraryKPI
	Results []workshop.LibraryKPI // the entries the list shows, filtered
	chosen  int                   // index in Results, -1 for none
	ticked  map[string]bool       // library ids ticked, whatever the search

	Search  *widget.Entry
	List    *pickList
	Name    *widget.Label
	Meta    *widget.Label
	Def     *widget.Label
	Already *widget.Label
	Empty   *widget.Label
	Add     *widget.Button
	Cancel  *widget.Button
	dialog  *dialog.CustomDialog

	// onAdded runs with the new KPI's id after it was stored.
	onAdded func(id string)
}

func newKPIPicker(ed Editor, onAdded func(id string)) *kpiPicker {
	p := &kpiPicker{ed: ed, all: workshop.Library(), chosen: -1, ticked: map[string]bool{}, onAdded: onAdded}
	p.Search = widget.NewEntry()
	p.Search.SetPlaceHolder(tr("picker.search"))
	p.Search.OnChanged = func(string) { p.filter() }
	p.Search.OnSubmitted = func(string) { p.confirm() }
	p.List = newPickList(p.confirm,
		func() int { return len(p.Results) },
		func() fyne.CanvasObject {
			tick := widget.NewCheck("", nil)
			name := widget.NewLabel("")
			name.TextStyle = fyne.TextStyle{Bold: true}
			name.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("")
			meta.SizeName = theme.SizeNameCaptionText
			return container.NewBorder(nil, nil, tick, meta, name)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(p.Results) {
				return
			}
			k := p.Results[id]
			row := o.(*fyne.Container)
			name := row.Objects[0].(*widget.Label)
			tick := row.Objects[1].(*widget.Check)
			meta := row.Objects[2].(*widget.Label)
			name.SetText(libraryText(k.Name))
			meta.SetText(kpiMeta(k.Kind, k.Unit))
			tick.OnChanged = nil
			tick.SetChecked(p.ticked[k.ID])
			tick.OnChanged = func(on bool) { p.tick(k.ID, on) }
		})
	p.List.OnSelected = func(id widget.ListItemID) { p.choose(id) }
	p.Name = widget.NewLabel("")
	p.Name.TextStyle = fyne.TextStyle{Bold: true}
	p.Name.SizeName = theme.SizeNameSubHeadingText
	p.Name.Wrapping = fyne.TextWrapWord
	p.Meta = widget.NewLabel("")
	p.Meta.Wrapping = fyne.TextWrapWord
	p.Def = widget.NewLabel(tr("picker.choose"))
	p.Def.Wrapping = fyne.TextWrapWord
	p.Already = newNoteLabel()
	p.Empty = newNoteLabel()
	p.Add = widget.NewButtonWithIcon(tr("picker.add"), theme.ConfirmIcon(), p.confirm)
	p.Add.Importance = widget.HighImportance
	p.Cancel = widget.NewButtonWithIcon(tr("field.cancel"), theme.CancelIcon(), func() {
		if p.dialog != nil {
			p.dialog.Hide()
		}
	})
	p.filter()
	return p
}

// show opens the picker as a dialog over the editor's window.
func (p *kpiPicker) show() {
	w := p.ed.Window()
	if w == nil {
		return
	}
	detail := container.NewVBox(p.Name, p.Meta, widget.NewSeparator(), p.Def, p.Already)
	left := container.NewBorder(container.NewVBox(p.Search, helpLabel(tr("picker.help")), p.Empty), nil, nil, nil, p.List)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(detail)))
	split.Offset = 0.5
	p.dialog = dialog.NewCustomWithoutButtons(tr("picker.title"), split, w)
	p.dialog.SetButtons([]fyne.CanvasObject{p.Cancel, p.Add})
	size := w.Canvas().Size()
	p.dialog.Resize(fyne.NewSize(min32(900, size.Width*0.9), min32(620, size.Height*0.85)))
	p.dialog.Show()
	w.Canvas().Focus(p.Search)
}

func min32(a, b float32) float32 {
	if a < b {
		return a
	}
	return b
}

// filter keeps the entries whose name, definition or id contain every word
// of the search, accents and case aside, in either language.
func (p *kpiPicker) filter() {
	words := strings.Fields(foldText(p.Search.Text))
	p.Results = p.Results[:0]
	for _, k := range p.all {
		hay := foldText(strings.Join([]string{k.ID, k.Name[workshop.FR], k.Name[workshop.EN],
			k.Definition[workshop.FR], k.Definition[workshop.EN]}, " "))
		match := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				match = false
				break
			}
		}
		if match {
			p.Results = append(p.Results, k)
		}
	}
	p.chosen = -1
	p.List.UnselectAll()
	p.List.Refresh()
	if len(p.Results) == 0 {
		showNote(p.Empty, tr("picker.none"), widget.MediumImportance)
	} else {
		showNote(p.Empty, "", widget.MediumImportance)
	}
	p.showChosen()
}

// confirm adds what is ticked (else the KPI chosen, else the only result
// of the search) and closes the dialog: the Add button and Enter.
func (p *kpiPicker) confirm() {
	if p.chosen < 0 && len(p.ticked) == 0 && len(p.Results) == 1 {
		p.chosen = 0
	}
	if p.add() && p.dialog != nil {
		p.dialog.Hide()
	}
}

// tick adds library entry id to the KPIs to add, or takes it out.
func (p *kpiPicker) tick(id string, on bool) {
	if on {
		p.ticked[id] = true
	} else {
		delete(p.ticked, id)
	}
	p.showChosen()
}

// choose selects entry i of the results and shows its definition.
func (p *kpiPicker) choose(i int) {
	if i < 0 || i >= len(p.Results) {
		return
	}
	p.chosen = i
	p.showChosen()
}

func (p *kpiPicker) showChosen() {
	if n := len(p.ticked); n > 0 {
		p.Add.SetText(tr("picker.add.n", "N", n))
	} else {
		p.Add.SetText(tr("picker.add"))
	}
	setEnabled(p.Add, p.chosen >= 0 || len(p.ticked) > 0)
	if p.chosen < 0 {
		p.Name.SetText("")
		p.Meta.SetText("")
		p.Def.SetText(tr("picker.choose"))
		showNote(p.Already, "", widget.MediumImportance)
		return
	}
	k := p.Results[p.chosen]
	p.Name.SetText(libraryText(k.Name))
	p.Meta.SetText(tr("picker.meta", "Kind", kindLabel(k.Kind), "Unit", unitLabel(k.Unit),
		"Target", workshop.Label(CurrentLang(), string(k.TargetType))))
	p.Def.SetText(libraryText(k.Definition))
	if p.inCharter(k.ID) {
		showNote(p.Already, tr("picker.already"), widget.WarningImportance)
	} else {
		showNote(p.Already, "", widget.MediumImportance)
	}
}

// inCharter reports whether a KPI of the charter came from library entry id.
func (p *kpiPicker) inCharter(id string) bool {
	for _, k := range p.ed.Charter().KPIs {
		if k.LibraryID == id {
			return true
		}
	}
	return false
}

// add creates the ticked KPIs (in the library's order), else the chosen
// one, in the charter's language, in one change; false when none is
// chosen or the charter cannot change.
func (p *kpiPicker) add() bool {
	var kpis []workshop.KPI
	for _, lk := range p.all {
		if p.ticked[lk.ID] {
			kpis = append(kpis, lk.NewKPI(p.ed.Lang()))
		}
	}
	if len(kpis) == 0 {
		if p.chosen < 0 || p.chosen >= len(p.Results) {
			return false
		}
		kpis = append(kpis, p.Results[p.chosen].NewKPI(p.ed.Lang()))
	}
	for i := range kpis {
		kpis[i].Objectives = []string{}
	}
	if !p.ed.Edit(func(c *workshop.Charter) { c.KPIs = append(c.KPIs, kpis...) }) {
		return false
	}
	if p.onAdded != nil {
		p.onAdded(kpis[0].ID)
	}
	return true
}

// pickList is the library's list: Enter on it adds, as the Add button.
type pickList struct {
	widget.List
	onEnter func()
}

func newPickList(onEnter func(), length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *pickList {
	l := &pickList{onEnter: onEnter}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey adds on Enter and leaves every other key to the list.
func (l *pickList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		l.onEnter()
		return
	}
	l.List.TypedKey(ev)
}

// libraryText is a library text in the interface language.
func libraryText(m map[workshop.Lang]string) string {
	if s, ok := m[CurrentLang()]; ok && s != "" {
		return s
	}
	return m[workshop.EN]
}

// kindLabel names a KPI kind in the interface language.
func kindLabel(k workshop.KPIKind) string {
	switch k {
	case workshop.KindResult:
		return tr("kpis.kind.result")
	case workshop.KindEffort:
		return tr("kpis.kind.effort")
	}
	return tr("kpis.kind.none")
}

// unitLabel names a unit in the interface language (a custom unit as typed).
func unitLabel(u workshop.Unit) string {
	if strings.TrimSpace(string(u)) == "" {
		return tr("kpis.unit.none")
	}
	return workshop.Label(CurrentLang(), string(u))
}

// kpiMeta is the short "kind · unit" line of a KPI.
func kpiMeta(k workshop.KPIKind, u workshop.Unit) string {
	return kindLabel(k) + " · " + unitLabel(u)
}

// accentFolder strips the accents French and English KPI names carry, so
// that "duree" finds « Durée ».
var accentFolder = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "á", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "í", "i", "ô", "o", "ö", "o", "ó", "o", "ù", "u", "û", "u",
	"ü", "u", "ú", "u", "ç", "c", "ÿ", "y", "œ", "oe", "æ", "ae", "’", "'")

// foldText lower-cases s and strips its accents, for searching.
func foldText(s string) string { return accentFolder.Replace(strings.ToLower(s)) }
