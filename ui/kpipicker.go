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
// creates the KPI in the charter's language (LibraryKPI.NewKPI).
type kpiPicker struct {
	ed      Editor
	all     []workshop.LibraryKPI
	Results []workshop.LibraryKPI // the entries the list shows, filtered
	chosen  int                   // index in Results, -1 for none

	Search  *widget.Entry
	List    *widget.List
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
	p := &kpiPicker{ed: ed, all: workshop.Library(), chosen: -1, onAdded: onAdded}
	p.Search = widget.NewEntry()
	p.Search.SetPlaceHolder(tr("picker.search"))
	p.Search.OnChanged = func(string) { p.filter() }
	p.List = widget.NewList(
		func() int { return len(p.Results) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.TextStyle = fyne.TextStyle{Bold: true}
			name.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("")
			meta.SizeName = theme.SizeNameCaptionText
			return container.NewBorder(nil, nil, nil, meta, name)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(p.Results) {
				return
			}
			k := p.Results[id]
			row := o.(*fyne.Container)
			name := row.Objects[0].(*widget.Label)
			meta := row.Objects[1].(*widget.Label)
			name.SetText(libraryText(k.Name))
			meta.SetText(kpiMeta(k.Kind, k.Unit))
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
	p.Add = widget.NewButtonWithIcon(tr("picker.add"), theme.ConfirmIcon(), func() {
		if p.add() && p.dialog != nil {
			p.dialog.Hide()
		}
	})
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
	left := container.NewBorder(container.NewVBox(p.Search, p.Empty), nil, nil, nil, p.List)
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

// choose selects entry i of the results and shows its definition.
func (p *kpiPicker) choose(i int) {
	if i < 0 || i >= len(p.Results) {
		return
	}
	p.chosen = i
	p.showChosen()
}

func (p *kpiPicker) showChosen() {
	if p.chosen < 0 {
		p.Name.SetText("")
		p.Meta.SetText("")
		p.Def.SetText(tr("picker.choose"))
		showNote(p.Already, "", widget.MediumImportance)
		p.Add.Disable()
		return
	}
	p.Add.Enable()
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

// add creates the chosen KPI in the charter's language; false when none
// is chosen or the charter cannot change.
func (p *kpiPicker) add() bool {
	if p.chosen < 0 || p.chosen >= len(p.Results) {
		return false
	}
	k := p.Results[p.chosen].NewKPI(p.ed.Lang())
	k.Objectives = []string{}
	if !p.ed.Edit(func(c *workshop.Charter) { c.KPIs = append(c.KPIs, k) }) {
		return false
	}
	if p.onAdded != nil {
		p.onAdded(k.ID)
	}
	return true
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
