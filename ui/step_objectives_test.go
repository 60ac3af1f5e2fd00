package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// smartCodesFor lists the R-SMART codes the editor finds on an objective.
func smartCodesFor(ed *editor, id string) []string {
	var out []string
	for _, f := range ed.Findings() {
		if f.Where.ID == id && strings.HasPrefix(string(f.Code), "R-SMART-") {
			out = append(out, string(f.Code))
		}
	}
	return out
}

// letters is the SMART badge row as text: upper case when satisfied.
func letters(oc *objectiveCard) string {
	var b strings.Builder
	for _, s := range oc.Smart {
		if s.OK {
			b.WriteString(s.Letter)
		} else {
			b.WriteString(strings.ToLower(s.Letter))
		}
	}
	return b.String()
}

func TestRSMART1to5_LettersFollowTheFields(t *testing.T) {
	s := blankSessionA(t)
	s.Current().Charter.Intent.Statement = "Grow with ideal customers"
	s.Current().Charter.Intent.CompanyObjectives = []string{"Reach 12 M€ ARR"}
	ed, env := newTestEditor(t, s)
	st := stepA[*objectivesStep](t, ed, workshop.StepObjectives)

	test.Tap(st.Add)
	if len(st.cards) != 1 {
		t.Fatalf("cards = %d after Add", len(st.cards))
	}
	oc := st.cards[0]
	id := oc.id
	if got := letters(oc); got != "smart" {
		t.Errorf("new objective letters = %s, want smart", got)
	}
	if got := smartCodesFor(ed, id); len(got) != 5 {
		t.Errorf("findings of a new objective = %v, want R-SMART-1..5", got)
	}
	if !strings.Contains(oc.SmartWhy.Text, "S — The specific statement is missing") {
		t.Errorf("why text = %q", oc.SmartWhy.Text)
	}

	test.Type(oc.title.Entry, "Faster mid-market deals")
	test.Type(oc.specific.Entry, "Mid-market deals close faster for ICP accounts")
	if got := letters(oc); got != "Smart" {
		t.Errorf("after specific: %s", got)
	}
	test.Type(oc.achievable.Entry, "Enablement budget secured")
	// Relevant through the quick pick: the company objective.
	if len(oc.QuickPick.Options) != 2 {
		t.Fatalf("quick picks = %q, want the intent and the company objective", oc.QuickPick.Options)
	}
	oc.QuickPick.SetSelectedIndex(1)
	test.Type(oc.deadline.Entry, "2027-03-31")
	if got := letters(oc); got != "SmART" {
		t.Errorf("after A, R, T: %s", got)
	}

	// M comes from a KPI with a target measuring it (the KPIs step's job).
	ed.Edit(func(c *workshop.Charter) {
		c.KPIs = append(c.KPIs, workshop.KPI{ID: "k1", Name: "Sales cycle", Unit: workshop.UnitDays,
			TargetType: workshop.DecreaseTo, Target: "45", Objectives: []string{id}})
	})
	st.Refresh()
	if got := letters(oc); got != "SMART" {
		t.Errorf("with a KPI: %s", got)
	}
	if got := smartCodesFor(ed, id); len(got) != 0 {
		t.Errorf("R-SMART findings left: %v", got)
	}
	if oc.SmartWhy.Text != "All five letters are satisfied." {
		t.Errorf("why text = %q", oc.SmartWhy.Text)
	}
	if got := oc.Measurable.Text; got != "• Sales cycle — decrease to 45 days" {
		t.Errorf("KPI line = %q", got)
	}

	o := env.stored(t, s.ID).Current().Charter.Objectives[0]
	if o.Title != "Faster mid-market deals" || o.Specific != "Mid-market deals close faster for ICP accounts" ||
		o.Achievable != "Enablement budget secured" || o.Relevant != "Reach 12 M€ ARR" || o.Deadline != "2027-03-31" {
		t.Errorf("stored objective = %+v", o)
	}
}

func TestRSMART5_DeadlineOutsideOrUnreadable(t *testing.T) {
	s := blankSessionA(t)
	s.Current().Charter.Objectives = []workshop.Objective{{ID: "o1", Title: "One"}}
	ed, env := newTestEditor(t, s)
	st := stepA[*objectivesStep](t, ed, workshop.StepObjectives)
	oc := st.cards[0]

	test.Type(oc.deadline.Entry, "31/03/2027")
	if !oc.deadline.Invalid.Visible() || !strings.Contains(oc.deadline.Invalid.Text, "31/03/2027") {
		t.Errorf("inline date message = %q", oc.deadline.Invalid.Text)
	}
	if oc.Smart[4].OK {
		t.Error("T satisfied by an unreadable date")
	}
	if got := env.stored(t, s.ID).Current().Charter.Objectives[0].Deadline; got != "31/03/2027" {
		t.Errorf("stored deadline = %q, want the text as typed", got)
	}
	retype(oc.deadline.Entry, "2027-06-30")
	if noteShown(oc.deadline.Invalid) {
		t.Error("a readable date keeps its message")
	}
	if !strings.Contains(oc.SmartWhy.Text, "after the period ends (2027-03-31)") {
		t.Errorf("why text = %q", oc.SmartWhy.Text)
	}
}

func TestObjectivesKPIsListedSideEffectsAndRemoval(t *testing.T) {
	s := blankSessionA(t)
	c := &s.Current().Charter
	c.Objectives = []workshop.Objective{{ID: "o1", Title: "One"}, {ID: "o2", Title: "Two"}}
	c.KPIs = []workshop.KPI{
		{ID: "k1", Name: "Win rate", Unit: workshop.UnitPercent, TargetType: workshop.IncreaseTo, Target: "28", Objectives: []string{"o1", "o2"}},
		{ID: "k2", Name: "Discount rate", Unit: workshop.UnitPercent, Target: "", Objectives: []string{"o1"}},
	}
	c.Roles = []workshop.Assignment{{ParticipantID: "p", ObjectiveID: "o1", Role: workshop.RolePilot}}
	ed, env := newTestEditor(t, s)
	st := stepA[*objectivesStep](t, ed, workshop.StepObjectives)
	oc := st.cards[0]
	if st.count.Text != "2 objectives — 3 to 4 expected" {
		t.Errorf("count = %q", st.count.Text)
	}
	text := renderedText(env.Win)
	for _, want := range []string{"• Win rate — increase to 28 %", "• Discount rate — no target yet", "Objective 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not shown", want)
		}
	}

	test.Tap(oc.AddSide)
	test.Type(oc.sides[0].description.Entry, "Discounts grow")
	oc.sides[0].guardrail.Select.SetSelected("Discount rate")
	se := env.stored(t, s.ID).Current().Charter.Objectives[0].SideEffects
	if len(se) != 1 || se[0].Description != "Discounts grow" || se[0].GuardrailID != "k2" {
		t.Fatalf("side effects = %+v", se)
	}

	test.Tap(oc.Remove)
	tapButton(t, env.Win, "Remove")
	got := env.stored(t, s.ID).Current().Charter
	if len(got.Objectives) != 1 || got.Objectives[0].ID != "o2" {
		t.Fatalf("objectives after removal = %+v", got.Objectives)
	}
	if len(got.Roles) != 0 || !equalStrings(got.KPIs[0].Objectives, []string{"o2"}) || len(got.KPIs[1].Objectives) != 0 {
		t.Errorf("roles %+v, KPI links %v / %v after removal", got.Roles, got.KPIs[0].Objectives, got.KPIs[1].Objectives)
	}
	if len(st.cards) != 1 || st.cards[0].heading.Text != "Objective 1" {
		t.Errorf("cards after removal: %d", len(st.cards))
	}
}

// Focus on a finding's place focuses the field of that objective.
func TestObjectivesFocusFinding(t *testing.T) {
	s := blankSessionA(t)
	s.Current().Charter.Objectives = []workshop.Objective{{ID: "o1", Title: "One"}, {ID: "o2", Title: "Two"}}
	ed, env := newTestEditor(t, s)
	st := stepA[*objectivesStep](t, ed, workshop.StepObjectives)
	ed.Goto(workshop.Where{Step: workshop.StepObjectives, ID: "o2", Field: "deadline"})
	if env.Win.Canvas().Focused() != st.cards[1].deadline.Entry {
		t.Errorf("focused = %T, want o2's deadline", env.Win.Canvas().Focused())
	}
}

func TestRSIDE1_ShownUnderTheSideEffects(t *testing.T) {
	s := blankSessionA(t)
	s.Current().Charter.Objectives = []workshop.Objective{{ID: "o1", Title: "One"}}
	ed, _ := newTestEditor(t, s)
	st := stepA[*objectivesStep](t, ed, workshop.StepObjectives)
	note := st.places.note("o1", "sideEffects")
	if !note.Visible() || note.Importance != widget.WarningImportance {
		t.Fatalf("R-SIDE-1 note = %q (visible %v)", note.Text, note.Visible())
	}
	test.Tap(st.cards[0].AddSide)
	test.Type(st.cards[0].sides[0].description.Entry, "Discounts grow")
	if noteShown(note) {
		t.Errorf("R-SIDE-1 note still shown: %q", note.Text)
	}
}

// A signed charter is read only: the objectives cannot be changed, but the
// board (ideas and votes) stays open and only promotion is off.
func TestObjectivesAndPromotionReadOnlyWhenSigned(t *testing.T) {
	s := blankSessionA(t)
	s.Current().Charter.Objectives = []workshop.Objective{{ID: "o1", Title: "One", SideEffects: []workshop.SideEffect{{ID: "s1", Description: "x"}}}}
	s.Board.Cards = []workshop.Card{{ID: "c1", Kind: workshop.CardObjective, Text: "idea"}}
	s.Current().Status = workshop.StatusSigned
	ed, _ := newTestEditor(t, s)
	st := stepA[*objectivesStep](t, ed, workshop.StepObjectives)
	oc := st.cards[0]
	for name, d := range map[string]interface{ Disabled() bool }{
		"add": st.Add, "remove": oc.Remove, "title": oc.title.Entry, "specific": oc.specific.Entry,
		"deadline": oc.deadline.Entry, "add side effect": oc.AddSide, "side effect": oc.sides[0].description.Entry,
		"guardrail": oc.sides[0].guardrail.Select, "quick pick": oc.QuickPick,
	} {
		if !d.Disabled() {
			t.Errorf("%s is editable on a signed charter", name)
		}
	}
	ideas := stepA[*ideasStep](t, ed, workshop.StepIdeas)
	if !ideas.Ranked[0].Promote.Disabled() {
		t.Error("promotion is possible into a signed charter")
	}
	if ideas.AddCard.Disabled() {
		t.Error("the board is closed on a signed charter")
	}
}
