package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// An edit is on disk after the debounced autosave, without any explicit
// save, and the indicator says so.
func TestEditorAutosaveCommitsEdit(t *testing.T) {
	ed, env := newTestEditor(t, newTemplateSession(t, "sales-cycle", workshop.EN))
	if !ed.Edit(func(c *workshop.Charter) { c.Scope = "EMEA mid-market" }) {
		t.Fatal("edit refused on a draft")
	}
	if got := ed.saved.Text; got != "Saving…" {
		t.Errorf("indicator right after the edit = %q, want Saving…", got)
	}
	// Without flushing: the writer commits within the debounce delay.
	deadline := time.Now().Add(time.Second)
	for {
		s, err := env.Store.Get(ed.sess.ID)
		if err == nil && s.Current().Charter.Scope == "EMEA mid-market" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the edit was not committed within a second")
		}
		time.Sleep(20 * time.Millisecond)
	}
	env.UI.Wait()
	if got := ed.saved.Text; got != "Saved" {
		t.Errorf("indicator after the save = %q, want Saved", got)
	}
}

// A burst of edits is written once, last state wins, and nothing is lost.
func TestEditorAutosaveKeepsLastOfBurst(t *testing.T) {
	ed, env := newTestEditor(t, newTemplateSession(t, "blank", workshop.FR))
	for _, v := range []string{"a", "ab", "abc", "abcd"} {
		ed.Edit(func(c *workshop.Charter) { c.Facilitator = v })
	}
	if got := env.stored(t, ed.sess.ID).Current().Charter.Facilitator; got != "abcd" {
		t.Fatalf("stored facilitator = %q, want abcd", got)
	}
}

// Closing the editor writes synchronously what the timer has not yet written.
func TestEditorCloseFlushes(t *testing.T) {
	ed, env := newTestEditor(t, newTemplateSession(t, "blank", workshop.EN))
	ed.Edit(func(c *workshop.Charter) { c.Scope = "flushed on close" })
	if err := ed.close(); err != nil {
		t.Fatal(err)
	}
	s, err := env.Store.Get(ed.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Current().Charter.Scope != "flushed on close" {
		t.Fatalf("scope after close = %q", s.Current().Charter.Scope)
	}
	env.UI.editor = nil
}

// Findings are recomputed on each edit and shown per step in the navigator
// and in the panel; tapping a finding goes to its step.
func TestEditorFindingsFollowEdits(t *testing.T) {
	ed, _ := newTestEditor(t, newTemplateSession(t, "sales-cycle", workshop.EN))
	before := len(ed.FindingsFor(workshop.StepObjectives, ""))
	ed.Edit(func(c *workshop.Charter) { c.Objectives = nil })
	fs := ed.FindingsFor(workshop.StepObjectives, "")
	found := false
	for _, f := range fs {
		if f.Code == workshop.ROBJ1 {
			found = true
		}
	}
	if !found {
		t.Fatalf("R-OBJ-1 missing after removing every objective (findings %v, before %d)", fs, before)
	}
	if len(ed.panel.rows) != len(ed.findings) {
		t.Errorf("panel rows = %d, findings = %d", len(ed.panel.rows), len(ed.findings))
	}
	i := stepIndex(ed, workshop.StepObjectives)
	if ed.navCounts[i].Text == "" {
		t.Error("navigator shows no count for the objectives step")
	}
	for k, f := range ed.findings {
		if f.Code == workshop.ROBJ1 {
			test.Tap(ed.panel.rows[k])
		}
	}
	if got := ed.currentStep(); got != workshop.StepObjectives {
		t.Errorf("after tapping R-OBJ-1 the step is %q", got)
	}
}

func stepIndex(ed *editor, id string) int {
	return slices.IndexFunc(ed.steps, func(s Step) bool { return s.ID() == id })
}

// Previous/Next walk the steps in order.
func TestEditorPrevNext(t *testing.T) {
	ed, _ := newTestEditor(t, newTemplateSession(t, "blank", workshop.EN))
	if !ed.prev.Disabled() {
		t.Error("Previous enabled on the first step")
	}
	test.Tap(ed.next)
	if ed.current != 1 {
		t.Fatalf("after Next current = %d", ed.current)
	}
	test.Tap(ed.prev)
	if ed.current != 0 {
		t.Fatalf("after Previous current = %d", ed.current)
	}
}

// The navigator lists the eleven steps of the journey in order.
func TestEditorStepsInJourneyOrder(t *testing.T) {
	steps := allSteps()
	if len(steps) != len(workshop.Steps) {
		t.Fatalf("%d steps, want %d", len(steps), len(workshop.Steps))
	}
	for i, s := range steps {
		if s.ID() != workshop.Steps[i] {
			t.Errorf("step %d is %q, want %q", i+1, s.ID(), workshop.Steps[i])
		}
	}
}
