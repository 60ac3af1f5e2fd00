package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// Issue 9 (minor): Enter confirms the KPI library dialog, and several KPIs
// are ticked and added in one go.
func TestKPIPickerEnterAndSeveralAtOnce_Issue9(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.FR)
	step, ed, env := openStep[*kpisStep](t, s, workshop.StepKPIs)
	before := len(s.Current().Charter.KPIs)

	// Enter in the search adds its only result.
	test.Tap(step.AddLibrary)
	test.Type(step.picker.Search, "win rate")
	step.picker.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	kpis := env.stored(t, s.ID).Current().Charter.KPIs
	if len(kpis) != before+1 || kpis[before].LibraryID != "win-rate" {
		t.Fatalf("Enter in the search: %d KPIs, want %d with win-rate last", len(kpis), before+1)
	}
	if ed.Window().Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after Enter added")
	}

	// Three ticked across two searches, Enter on the list adds them all.
	test.Tap(step.AddLibrary)
	p := step.picker
	checks := func() []*widget.Check {
		var out []*widget.Check
		for _, o := range test.LaidOutObjects(ed.Window().Canvas().Overlays().Top()) {
			if c, ok := o.(*widget.Check); ok && c.Visible() {
				out = append(out, c)
			}
		}
		return out
	}
	cs := checks()
	if len(cs) < 2 {
		t.Fatalf("%d ticks shown in the list", len(cs))
	}
	test.Tap(cs[0])
	test.Tap(cs[1])
	first, second := p.Results[0].ID, p.Results[1].ID
	test.Type(p.Search, "churn")
	cs = checks()
	if len(cs) == 0 || cs[0].Checked {
		t.Fatalf("after a search: %d ticks, first ticked %v", len(cs), len(cs) > 0 && cs[0].Checked)
	}
	test.Tap(cs[0])
	third := p.Results[0].ID
	if p.Add.Text != tr("picker.add.n", "N", 3) || p.Add.Disabled() {
		t.Errorf("add button = %q, disabled %v", p.Add.Text, p.Add.Disabled())
	}
	p.Search.SetText("")
	if !checks()[0].Checked {
		t.Error("a ticked KPI loses its tick when the search changes")
	}
	p.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	kpis = env.stored(t, s.ID).Current().Charter.KPIs
	if len(kpis) != before+4 {
		t.Fatalf("stored %d KPIs, want %d", len(kpis), before+4)
	}
	got := map[string]bool{}
	for _, k := range kpis[before+1:] {
		got[k.LibraryID] = true
		if lib, _ := workshop.LibraryKPIByID(k.LibraryID); k.Name != lib.Name[workshop.FR] {
			t.Errorf("added %q, want the French name %q", k.Name, lib.Name[workshop.FR])
		}
	}
	if !got[first] || !got[second] || !got[third] {
		t.Errorf("added %v, want %s, %s, %s", got, first, second, third)
	}
	if ed.Window().Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after adding")
	}
	// One change: one undo takes the three back.
	env.UI.menuUndo()
	if n := len(env.stored(t, s.ID).Current().Charter.KPIs); n != before+1 {
		t.Errorf("after one undo: %d KPIs, want %d", n, before+1)
	}
}
