package ui

import (
	"slices"
	"strings"
	"testing"

	"boussole/workshop"
)

// Issue 9 (findings panel): the filter lists the shown step's findings
// only, follows the step as the facilitator moves, says when the step has
// none, lists them all again on "All", and is remembered.
func TestFindingsFilterThisStepOrAll_Issue9(t *testing.T) {
	s := blankSessionA(t) // findings in several steps
	ed, env := newTestEditor(t, s)
	all := len(ed.findings)
	steps := map[string]bool{}
	for _, f := range ed.findings {
		steps[f.Where.Step] = true
	}
	if all < 2 || len(steps) < 2 {
		t.Fatalf("want findings in two steps at least, got %d in %v", all, steps)
	}
	if len(ed.panel.msgs) != all {
		t.Fatalf("the panel lists %d of %d findings by default", len(ed.panel.msgs), all)
	}
	first := ed.findings[0].Where.Step
	ed.Goto(workshop.Where{Step: first})
	ed.panel.Filter.SetSelected(tr("findings.filter.step"))
	want := ed.FindingsFor(first, "")
	if len(ed.panel.msgs) != len(want) || len(want) == 0 {
		t.Fatalf("this step: %d rows, want %d", len(ed.panel.msgs), len(want))
	}
	for i, f := range want {
		if ed.panel.msgs[i].Text != f.Message(CurrentLang()) {
			t.Errorf("row %d: %q", i, ed.panel.msgs[i].Text)
		}
	}
	// Another step: the list follows it.
	var other string
	for st := range steps {
		if st != first {
			other = st
		}
	}
	ed.Goto(workshop.Where{Step: other})
	if got, want := len(ed.panel.msgs), len(ed.FindingsFor(other, "")); got != want {
		t.Errorf("after moving to %s: %d rows, want %d", other, got, want)
	}
	// A step with nothing to say.
	ed.Goto(workshop.Where{Step: workshop.StepLog})
	if len(ed.FindingsFor(workshop.StepLog, "")) == 0 {
		if len(ed.panel.msgs) != 0 || len(ed.panel.list.Objects) != 1 {
			t.Errorf("the log step lists %d rows", len(ed.panel.msgs))
		}
		if txt := renderedText(env.Win); !containsLine(txt, tr("findings.none.step")) {
			t.Errorf("no %q shown", tr("findings.none.step"))
		}
	}
	// Remembered by the next editor.
	env.UI.ShowHome()
	ed = env.openEditor(t, s)
	if !ed.panel.stepOnly() || len(ed.panel.msgs) != len(ed.FindingsFor(ed.currentStep(), "")) {
		t.Errorf("the filter was not remembered: %d rows", len(ed.panel.msgs))
	}
	ed.panel.Filter.SetSelected(tr("findings.filter.all"))
	if len(ed.panel.msgs) != len(ed.findings) {
		t.Errorf("all: %d rows, want %d", len(ed.panel.msgs), len(ed.findings))
	}
}

func containsLine(text, line string) bool {
	return slices.Contains(strings.Split(text, "\n"), line)
}
