package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// Issue 9 (roles friction): "Suggest roles from functions" fills the empty
// cells (finance and leadership approve) and keeps what was chosen; "Same
// approvers for all" copies one objective's approvers to every objective
// in one action; each is one undo step, and the cells stay editable.
func TestRolesSuggestAndSameApprovers_Issue9(t *testing.T) {
	s := blankSessionA(t)
	c := &s.Current().Charter
	c.Participants = []workshop.Participant{
		{ID: workshop.NewID(), Name: "Ana", Function: workshop.FuncSales},
		{ID: workshop.NewID(), Name: "Fred", Function: workshop.FuncFinance},
		{ID: workshop.NewID(), Name: "Chloé", Function: workshop.FuncLeadership},
	}
	c.Objectives = []workshop.Objective{{ID: workshop.NewID(), Title: "Grow"}, {ID: workshop.NewID(), Title: "Keep"}}
	ana, fred, chloe := c.Participants[0].ID, c.Participants[1].ID, c.Participants[2].ID
	o1, o2 := c.Objectives[0].ID, c.Objectives[1].ID
	ed, env := newTestEditor(t, s)
	ed.Goto(workshop.Where{Step: workshop.StepRoles})
	step := ed.steps[ed.current].(*rolesStep)

	// Ana is chosen as pilot of O1 first: the suggestion keeps her there.
	step.Cells[0][0].SetSelectedIndex(0) // pilot
	test.Tap(step.Suggest)
	got := env.stored(t, s.ID).Current().Charter
	want := map[[2]string]workshop.Role{
		{ana, o1}: workshop.RolePilot, {ana, o2}: workshop.RoleContributor,
		{fred, o1}: workshop.RoleApprover, {fred, o2}: workshop.RoleApprover,
		{chloe, o1}: workshop.RoleApprover, {chloe, o2}: workshop.RoleApprover,
	}
	for k, r := range want {
		if roleOf(&got, k[0], k[1]) != r {
			t.Errorf("after suggesting, %s on %s = %q, want %q", k[0], k[1], roleOf(&got, k[0], k[1]), r)
		}
	}
	if step.Cells[1][1].Selected != workshop.Label(CurrentLang(), string(workshop.RoleApprover)) || step.Cells[1][1].Disabled() {
		t.Errorf("Fred's O2 cell shows %q (disabled %v)", step.Cells[1][1].Selected, step.Cells[1][1].Disabled())
	}

	// Chloé no longer approves O1: one tap makes O1's approvers O2's.
	step.Cells[2][0].SetSelectedIndex(3) // informed
	step.SameFrom.SetSelectedIndex(0)    // O1
	test.Tap(step.SameApply)
	got = env.stored(t, s.ID).Current().Charter
	if r := roleOf(&got, chloe, o2); r != workshop.RoleInformed {
		t.Errorf("Chloé on O2 = %q, want informed", r)
	}
	if r := roleOf(&got, fred, o2); r != workshop.RoleApprover {
		t.Errorf("Fred on O2 = %q, want approver", r)
	}
	ed.stepHistory(true) // Ctrl+Z takes the whole copy back
	if r := roleOf(ed.Charter(), chloe, o2); r != workshop.RoleApprover {
		t.Errorf("after undo Chloé on O2 = %q, want approver again", r)
	}
}
