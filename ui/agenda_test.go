package ui

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// Issue 9 (timebox): the agenda lays the steps' timeboxes end to end
// against the session's length (2 h by default), says by how much they
// overrun, shares the session out in one action, and what it changes is
// the countdowns' lengths, stored on the board.
func TestAgendaAddsUpToTheSession_Issue9(t *testing.T) {
	s := blankSessionA(t)
	ed, env := newTestEditor(t, s)
	stepA[*ideasStep](t, ed, workshop.StepIdeas)
	tb := ed.timebox
	test.Tap(tb.AgendaButton)
	v := tb.agenda
	if v == nil || len(v.Rows) != len(workshop.Steps) {
		t.Fatal("the agenda did not open with one row per step")
	}
	if v.Total.Text != "Steps: 2 h 40 of a 2 h session" || v.Over.Text != "40 min over the session: shorten some steps, or share the session out." {
		t.Errorf("default agenda: %q / %q", v.Total.Text, v.Over.Text)
	}
	if v.starts[3].Text != "0:40" {
		t.Errorf("the objectives start at %q, want 0:40", v.starts[3].Text)
	}

	test.Tap(v.Fit)
	b := env.stored(t, s.ID).Board
	if a := b.Agenda(); a.Total != 120 || a.Session != 120 {
		t.Errorf("after sharing out: total %d of %d", a.Total, a.Session)
	}
	if v.Over.Text != "The steps fill the session exactly." || !v.Fit.Disabled() {
		t.Errorf("after sharing out: %q, fit enabled %v", v.Over.Text, !v.Fit.Disabled())
	}
	if want := strconv.Itoa(b.TimeboxMinutes(workshop.StepIdeas)); tb.Length.Selected != want || want == "10" {
		t.Errorf("the header shows %s min for the ideas, the board %s", tb.Length.Selected, want)
	}

	// A 90-minute session, then one step longer.
	v.Session.SetSelectedIndex(1)
	if got := env.stored(t, s.ID).Board.SessionMinutes; got != 90 {
		t.Errorf("session stored %d, want 90", got)
	}
	if v.Total.Text != "Steps: 2 h of a 1 h 30 session" {
		t.Errorf("with 90 minutes: %q", v.Total.Text)
	}
	test.Tap(v.Fit)
	v.Rows[0].SetSelected("30")
	a := env.stored(t, s.ID).Board.Agenda()
	if a.Items[0].Minutes != 30 || v.Total.Text != "Steps: "+hoursText(a.Total)+" of a 1 h 30 session" || a.Over() <= 0 {
		t.Errorf("after a longer set-up: %+v, %q", a.Items[0], v.Total.Text)
	}
	ed.stepHistory(true) // one undo takes the step's change back
	if m := ed.Session().Board.TimeboxMinutes(workshop.StepSetup); m == 30 {
		t.Error("undo kept the set-up's 30 minutes")
	}
	v.dialog.Hide()

	// French durations.
	SetLanguage(LangFR)
	defer SetLanguage(LangEN)
	if got := hoursText(90) + " · " + hoursText(45) + " · " + hoursText(120); got != "1 h 30 · 45 min · 2 h" {
		t.Errorf("durations in French: %q", got)
	}
}
