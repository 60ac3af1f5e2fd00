package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// BenchmarkTypingInObjectiveTitle measures one keystroke in an objective's
// title on the objectives step of a template charter with about a dozen
// findings on screen: the edit, the validation and the widget updates the
// editor does for it, on the UI goroutine as the real window would.
// "each-key" refreshes the widgets after every key (as the editor did
// before the coalescing); "coalesced" refreshes them every third key, which
// is what a 150 ms refresh delay gives at 50 ms per key.
func BenchmarkTypingInObjectiveTitle(b *testing.B) {
	for _, bc := range []struct {
		name  string
		every int
	}{{"each-key", 1}, {"coalesced", 3}} {
		b.Run(bc.name, func(b *testing.B) {
			s := newTemplateSession(b, "sales-cycle", workshop.FR)
			for i := range s.Current().Charter.Objectives {
				o := &s.Current().Charter.Objectives[i]
				o.Specific, o.Achievable, o.Relevant = "", "", ""
			}
			ed, env := newTestEditor(b, s)
			ed.refreshDelay = 24 * 3600e9 // flushed by hand below
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
				if (i+1)%bc.every == 0 {
					ed.flushRefresh()
				}
			}
			b.StopTimer()
			ed.flushRefresh()
		})
	}
}

// BenchmarkTypingInMultiLineField measures one key typed in a word-wrapped
// multi-line field (an objective's "specific" statement, a textEntry) with
// the full sales-cycle charter open, the refresh coalesced as in the real
// window, words and spaces alternating so that the undo history opens a
// step per word: PRODUCT.md §7 and issue 9 hold it under 8 ms.
func BenchmarkTypingInMultiLineField(b *testing.B) {
	s := newTemplateSession(b, "sales-cycle", workshop.FR)
	ed, env := newTestEditor(b, s)
	ed.refreshDelay = 24 * 3600e9 // flushed by hand below
	ed.Goto(workshop.Where{Step: workshop.StepObjectives})
	st := ed.steps[ed.current].(*objectivesStep)
	entry := st.cards[0].specific.Entry
	env.Win.Canvas().Focus(entry)
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	text := []rune("nous visons la région Ouest et le marketing produit ")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		entry.TypedRune(text[i%len(text)])
		if (i+1)%3 == 0 {
			ed.flushRefresh()
		}
	}
	b.StopTimer()
	ed.flushRefresh()
}
