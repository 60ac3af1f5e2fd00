package ui

import (
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// Issue 9: dates in the window follow the interface language, written as
// the PDF writes them ("30 novembre 2026"), whatever the charter's
// language; what is not a date shows as stored.
func TestWindowDatesFollowInterfaceLanguage_Issue9(t *testing.T) {
	t.Cleanup(func() { SetLanguage(LangEN) })
	now := time.Date(2027, 1, 12, 10, 0, 0, 0, time.Local)
	old := time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	cases := []struct {
		lang, home, date, stamp string
	}{
		{LangFR, "30 novembre 2026", "31 mars 2027", "30 novembre 2026 à 09:00"},
		{LangEN, "30 November 2026", "31 March 2027", "30 November 2026 at 09:00"},
	}
	for _, c := range cases {
		SetLanguage(c.lang)
		if got := relativeTime(old, now); got != c.home {
			t.Errorf("%s: home list date %q, want %q", c.lang, got, c.home)
		}
		if got := dateLabel("2027-03-31"); got != c.date {
			t.Errorf("%s: date %q, want %q", c.lang, got, c.date)
		}
		if got := formatStamp(old); got != c.stamp {
			t.Errorf("%s: stamp %q, want %q", c.lang, got, c.stamp)
		}
		if got := dateLabel("fin mars"); got != "fin mars" {
			t.Errorf("%s: a text that is no date became %q", c.lang, got)
		}
	}

	// The decision log of an English charter, in a French window.
	env := newTestEnv(t)
	SetLanguage(LangFR)
	s := blankSessionA(t, "Ana")
	c := &s.Current().Charter
	c.Decisions = append(c.Decisions, workshop.Decision{ID: workshop.NewID(), Date: "2027-03-31", Type: workshop.DecisionDecision, Text: "Garder le cap"})
	ed := env.openEditor(t, s)
	ed.Goto(workshop.Where{Step: workshop.StepLog})
	if txt := renderedText(env.Win); !strings.Contains(txt, "31 mars 2027") || strings.Contains(txt, "2027-03-31 ·") {
		t.Errorf("the decision log does not show the French date:\n%s", txt)
	}
}
