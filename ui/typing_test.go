package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// TestMain refreshes the widgets at once after a typed change in the
// package's tests: the test driver runs fyne.Do on the calling goroutine,
// so a refresh fired by the coalescing timer would race with the test.
// The coalescing itself is tested with a timer that never fires and an
// explicit flushRefresh (TestTypingRefreshIsCoalesced).
func TestMain(m *testing.M) {
	typingRefreshDelay = 0
	os.Exit(m.Run())
}

// TestTypingRefreshIsCoalesced: a typed change is in the charter and the
// findings at once; the findings panel and the step follow at the flush.
func TestTypingRefreshIsCoalesced(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	ed, _ := newTestEditor(t, s)
	ed.refreshDelay = time.Hour // flushed by hand below
	ed.Goto(workshop.Where{Step: workshop.StepObjectives})
	st := ed.steps[ed.current].(*objectivesStep)
	oc := st.cards[0]
	oc.specific.Entry.SetText("")
	if got := ed.Charter().Objectives[0].Specific; got != "" {
		t.Fatalf("specific = %q after clearing", got)
	}
	if codes := smartCodesFor(ed, oc.id); len(codes) == 0 {
		t.Fatalf("no R-SMART finding right after the edit: %v", ed.Findings())
	}
	if !ed.refreshDue {
		t.Fatal("no refresh pending after a typed change")
	}
	if strings.HasPrefix(letters(oc), "s") {
		t.Errorf("letters %s followed before the flush", letters(oc))
	}
	ed.flushRefresh()
	if got := letters(oc); !strings.HasPrefix(got, "s") {
		t.Errorf("letters after the flush = %s, want s…", got)
	}
	if n := len(ed.panel.rows); n != len(ed.Findings()) {
		t.Errorf("panel rows = %d, findings = %d", n, len(ed.Findings()))
	}
}
