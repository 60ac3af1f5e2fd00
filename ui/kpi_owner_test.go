package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// Issue 9 (minor): the measurement owner picker shows the person chosen in
// the picker itself; a name that is not a participant's goes in an entry
// that shows only for "someone else".
func TestKPIOwnerPickerShowsThePersonChosen_Issue9(t *testing.T) {
	s := blankSessionA(t, "Ana Lefèvre-Dubois de la Roche", "Ben")
	c := &s.Current().Charter
	c.KPIs = []workshop.KPI{{ID: "k1", Name: "Win rate"}}
	ed, env := newTestEditor(t, s)
	kc := stepA[*kpisStep](t, ed, workshop.StepKPIs).cards[0]

	if kc.OwnerPick.SelectedIndex() >= 0 || kc.Owner.Entry.Visible() {
		t.Errorf("no owner: picker %q, entry shown %v", kc.OwnerPick.Selected, kc.Owner.Entry.Visible())
	}
	kc.OwnerPick.SetSelected("Ana Lefèvre-Dubois de la Roche")
	if got := env.stored(t, s.ID).Current().Charter.KPIs[0].Owner; got != "Ana Lefèvre-Dubois de la Roche" {
		t.Errorf("stored owner = %q", got)
	}
	if kc.OwnerPick.Selected != "Ana Lefèvre-Dubois de la Roche" || kc.Owner.Entry.Visible() {
		t.Errorf("picker shows %q, entry shown %v", kc.OwnerPick.Selected, kc.Owner.Entry.Visible())
	}

	kc.OwnerPick.SetSelected(tr("kpis.owner.other"))
	if !kc.Owner.Entry.Visible() || env.Win.Canvas().Focused() != kc.Owner.Entry || kc.Owner.Entry.Text != "" {
		t.Fatalf("someone else: entry shown %v, focused %v, text %q", kc.Owner.Entry.Visible(),
			env.Win.Canvas().Focused() == kc.Owner.Entry, kc.Owner.Entry.Text)
	}
	test.Type(kc.Owner.Entry, "Finance team")
	if got := env.stored(t, s.ID).Current().Charter.KPIs[0].Owner; got != "Finance team" {
		t.Errorf("stored owner = %q", got)
	}
	if kc.OwnerPick.Selected != tr("kpis.owner.other") {
		t.Errorf("picker shows %q for someone else", kc.OwnerPick.Selected)
	}
	kc.OwnerPick.SetSelected("Ben")
	if got := env.stored(t, s.ID).Current().Charter.KPIs[0].Owner; got != "Ben" || kc.Owner.Entry.Visible() {
		t.Errorf("stored owner = %q, entry shown %v", got, kc.Owner.Entry.Visible())
	}

	// Reopened: the picker shows who was stored, a participant or not.
	s2 := env.stored(t, s.ID)
	s2.Current().Charter.KPIs = append(s2.Current().Charter.KPIs, workshop.KPI{ID: "k2", Name: "Cycle", Owner: "RevOps"})
	ed2 := env.openEditor(t, s2)
	st := stepA[*kpisStep](t, ed2, workshop.StepKPIs)
	if st.cards[0].OwnerPick.Selected != "Ben" {
		t.Errorf("reopened: picker shows %q, want Ben", st.cards[0].OwnerPick.Selected)
	}
	if k2 := st.cards[1]; k2.OwnerPick.Selected != tr("kpis.owner.other") || !k2.Owner.Entry.Visible() || k2.Owner.Entry.Text != "RevOps" {
		t.Errorf("reopened: picker %q, entry %v %q", k2.OwnerPick.Selected, k2.Owner.Entry.Visible(), k2.Owner.Entry.Text)
	}
}
