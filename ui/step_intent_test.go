package ui

import (
	"testing"

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
