package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

func TestIntentFieldsAndListsEditTheCharter(t *testing.T) {
	s := blankSessionA(t)
	ed, env := newTestEditor(t, s)
	st := stepA[*intentStep](t, ed, workshop.StepIntent)

	st.purpose.Select.SetSelectedIndex(4) // customer experience
	test.Type(st.statement.Entry, "Shorten the cycle\nwithout discounting")
	test.Tap(st.company.Add)
	test.Tap(st.company.Add)
	test.Type(st.company.Entries[0], "Reach 12 M€ ARR")
	test.Type(st.company.Entries[1], "Enter the DACH market")
	test.Tap(st.hypotheses.Add)
	test.Type(st.hypotheses.Entries[0], "MEDDICC shortens the cycle")

	c := env.stored(t, s.ID).Current().Charter
	if c.Intent.Purpose != workshop.PurposeExperience {
		t.Errorf("purpose = %q", c.Intent.Purpose)
	}
	if c.Intent.Statement != "Shorten the cycle\nwithout discounting" {
		t.Errorf("statement = %q", c.Intent.Statement)
	}
	if !equalStrings(c.Intent.CompanyObjectives, []string{"Reach 12 M€ ARR", "Enter the DACH market"}) {
		t.Errorf("company objectives = %q", c.Intent.CompanyObjectives)
	}
	if !equalStrings(c.Intent.Hypotheses, []string{"MEDDICC shortens the cycle"}) {
		t.Errorf("hypotheses = %q", c.Intent.Hypotheses)
	}

	// Removing a line with text asks first; the other lines stay.
	test.Tap(st.company.Removes[0])
	tapButton(t, env.Win, "Remove")
	if got := env.stored(t, s.ID).Current().Charter.Intent.CompanyObjectives; !equalStrings(got, []string{"Enter the DACH market"}) {
		t.Errorf("company objectives after removal = %q", got)
	}
	if len(st.company.Entries) != 1 || st.company.Entries[0].Text != "Enter the DACH market" {
		t.Errorf("list editor shows %d lines", len(st.company.Entries))
	}
	// An empty line goes without asking.
	test.Tap(st.hypotheses.Add)
	test.Tap(st.hypotheses.Removes[1])
	if got := env.stored(t, s.ID).Current().Charter.Intent.Hypotheses; len(got) != 1 {
		t.Errorf("hypotheses = %q, want one line", got)
	}
}

// Refresh after an edit made elsewhere shows it, without touching the
// line being typed.
func TestIntentRefreshKeepsTheFocusedLine(t *testing.T) {
	s := blankSessionA(t)
	s.Current().Charter.Intent.CompanyObjectives = []string{"one", "two"}
	ed, env := newTestEditor(t, s)
	st := stepA[*intentStep](t, ed, workshop.StepIntent)
	env.Win.Canvas().Focus(st.company.Entries[0])
	st.company.Entries[0].SetText("one, being typed")
	ed.Edit(func(c *workshop.Charter) {
		c.Intent.CompanyObjectives[0] = "changed elsewhere"
		c.Intent.CompanyObjectives[1] = "two, changed elsewhere"
	})
	st.Refresh()
	if got := st.company.Entries[0].Text; got != "one, being typed" {
		t.Errorf("focused line = %q, was overwritten", got)
	}
	if got := st.company.Entries[1].Text; got != "two, changed elsewhere" {
		t.Errorf("other line = %q", got)
	}
}

// TestListEnterAddsOrMovesOn_Issue9: Enter in a list line moves to the
// next line; on the last line it adds a line and moves there; an empty
// last line stays.
func TestListEnterAddsOrMovesOn_Issue9(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	ed, env := newTestEditor(t, s)
	ed.Goto(workshop.Where{Step: workshop.StepIntent})
	l := ed.steps[ed.current].(*intentStep).company
	n := len(l.Entries)
	if n < 2 {
		t.Fatal("the template has fewer than two company objectives")
	}
	env.Win.Canvas().Focus(l.Entries[0])
	l.Entries[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if env.Win.Canvas().Focused() != l.Entries[1] {
		t.Fatal("Enter did not move to the next line")
	}
	env.Win.Canvas().Focus(l.Entries[n-1])
	l.Entries[n-1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(l.Entries) != n+1 || env.Win.Canvas().Focused() != l.Entries[n] {
		t.Fatalf("Enter on the last line: %d lines (want %d), focus on the new one %v", len(l.Entries), n+1, env.Win.Canvas().Focused() == l.Entries[n])
	}
	l.Entries[n].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(l.Entries) != n+1 || len(ed.Charter().Intent.CompanyObjectives) != n+1 {
		t.Fatal("Enter on an empty last line added another")
	}
}
