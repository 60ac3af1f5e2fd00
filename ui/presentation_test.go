package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"boussole/workshop"
)

// The projector view follows the editor's step, shows the ranking of the
// ideas and the step's live countdown, and its keys move the editor.
func TestPresentationFollowsStepRankingAndTimebox(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	s.Board.Cards = []workshop.Card{
		{ID: "c1", Kind: workshop.CardObjective, Text: "Legal fast lane", Votes: map[string]int{"": 1}},
		{ID: "c2", Kind: workshop.CardObjective, Text: "MEDDICC everywhere", Votes: map[string]int{"": 4}},
	}
	ed, env := newTestEditor(t, s)
	env.UI.showPresentation()
	p := env.UI.pres
	t.Cleanup(func() { p.win.Close() })
	if p.step.Text != "1. "+ed.steps[0].Title() {
		t.Errorf("step shown %q, want the editor's first step", p.step.Text)
	}
	ideas := -1
	for i, st := range ed.steps {
		if st.ID() == workshop.StepIdeas {
			ideas = i
		}
	}
	ed.show(ideas)
	body := presText(essentials(ed.sess, ed.currentStep(), ed.Lang()))
	if !strings.Contains(p.step.Text, ed.steps[ideas].Title()) {
		t.Errorf("presentation did not follow to the ideas step: %q", p.step.Text)
	}
	want := "1. MEDDICC everywhere — 4 votes\n2. Legal fast lane — 1 vote"
	if body != want {
		t.Errorf("ranking = %q, want %q", body, want)
	}

	tb, clock, _ := drivenTimebox(t, ed)
	p.updateClock()
	if p.clock.Text != "10:00" || !p.clock.Visible() {
		t.Errorf("clock before start = %q visible %v, want 10:00", p.clock.Text, p.clock.Visible())
	}
	tb.onStartPause()
	clock.add(3*time.Minute + 20*time.Second)
	p.updateClock()
	if p.clock.Text != "06:40" || p.clock.Color != theme.Color(theme.ColorNameSuccess) {
		t.Errorf("running clock = %q %v, want 06:40 in the running colour", p.clock.Text, p.clock.Color)
	}
	clock.add(7 * time.Minute)
	tb.tick()
	p.updateClock()
	if p.clock.Text != "00:00" || !p.cue.Visible() {
		t.Errorf("time up: clock %q, cue visible %v", p.clock.Text, p.cue.Visible())
	}

	p.onKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if ed.current != ideas+1 || !strings.HasPrefix(p.step.Text, "4. ") {
		t.Errorf("Page Down: editor at %d, projected %q", ed.current, p.step.Text)
	}
	p.onKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	if ed.current != ideas {
		t.Errorf("Page Up: editor at %d, want %d", ed.current, ideas)
	}
}

// Values are projected with their unit once, in the charter's typography
// ("85 %" typed in an English charter shows "85%", never "85 % %"), and
// the roles as who pilots, contributes and approves each objective.
func TestPresentationKPIsAndRoles(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	c := &s.Current().Charter
	c.KPIs[0].Unit, c.KPIs[0].Target, c.KPIs[0].Baseline, c.KPIs[0].Alert = workshop.UnitPercent, "85 %", "45", ""
	newTestEnv(t) // the catalogs, in English
	kpis := presText(essentials(s, workshop.StepKPIs, workshop.EN))
	if !strings.Contains(kpis, c.KPIs[0].Name+": 45% → 85%  (alert —)") || strings.Contains(kpis, "% %") {
		t.Errorf("KPI lines:\n%s", kpis)
	}
	roles := presText(essentials(s, workshop.StepRoles, workshop.EN))
	if !strings.Contains(roles, "1. "+c.Objectives[0].Title+"\nPilot: ") || !strings.Contains(roles, "Approvers: ") {
		t.Errorf("roles lines:\n%s", roles)
	}
	review := presText(essentials(s, workshop.StepReview, workshop.EN))
	if !strings.Contains(review, "Sign-off: 0 of ") || !strings.Contains(review, "— awaited") {
		t.Errorf("review lines:\n%s", review)
	}
}

// The review's KPI table shows a value typed with its unit once.
func TestReviewKPIUnitOnce(t *testing.T) {
	s := newTemplateSession(t, "net-retention", workshop.EN)
	c := &s.Current().Charter
	c.KPIs[0].Unit, c.KPIs[0].Baseline, c.KPIs[0].Target = workshop.UnitPercent, "102%", "110"
	ed, env := newTestEditor(t, s)
	ed.show(len(ed.steps) - 1)
	text := renderedText(env.Win)
	if strings.Contains(text, "% %") || !strings.Contains(text, "102%") || !strings.Contains(text, "110%") {
		t.Errorf("review KPI cells:\n%s", text)
	}
}

// TestPresentationEscapeCloses_Issue9: Escape ends the presentation (out
// of full screen first), as in slide software; F5 opens it again.
func TestPresentationEscapeCloses_Issue9(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	_, env := newTestEditor(t, s)
	env.UI.showPresentation()
	p := env.UI.pres
	p.onKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !p.closed {
		t.Fatal("Escape did not close the presentation")
	}
	env.UI.showPresentation()
	if env.UI.pres == p || env.UI.pres.closed {
		t.Fatal("the presentation did not open again")
	}
	env.UI.pres.win.Close()
}
