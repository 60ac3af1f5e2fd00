package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// BenchmarkTypingInObjectiveTitle measures one keystroke in an objective's
// title on the objectives step of a template charter (about a dozen
// findings on screen): the edit, the validation and the widget updates the
// editor does for it, on the UI goroutine as the real window would.
func BenchmarkTypingInObjectiveTitle(b *testing.B) {
	s := newTemplateSession(b, "sales-cycle", workshop.FR)
	ed, env := newTestEditor(b, s)
	ed.Goto(workshop.Where{Step: workshop.StepObjectives})
	st := ed.steps[ed.current].(*objectivesStep)
	if len(st.cards) == 0 {
		b.Fatal("the template has no objective")
	}
	entry := st.cards[0].title.Entry
	env.Win.Canvas().Focus(entry)
	b.ReportMetric(float64(len(ed.Findings())), "findings")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		test.Type(entry, string(rune('a'+i%26)))
	}
	b.StopTimer()
}
