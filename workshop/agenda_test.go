package workshop

import "testing"

// Issue 9 (timebox): the agenda lays the steps' timeboxes end to end and
// says how they compare with the session's length; fitting shares the
// session out in proportion, in whole minutes, adding up exactly.
func TestAgenda_Issue9(t *testing.T) {
	var b Board
	a := b.Agenda()
	if len(a.Items) != len(Steps) || a.Session != DefaultSessionMinutes || a.Total != 10+15*(len(Steps)-1) {
		t.Fatalf("default agenda: %d items, total %d, session %d", len(a.Items), a.Total, a.Session)
	}
	if a.Items[2].Step != StepIdeas || a.Items[2].Start != 30 || a.Items[3].Start != 40 {
		t.Errorf("starts: %+v", a.Items[:4])
	}
	if a.Over() != 40 {
		t.Errorf("over = %d, want 40", a.Over())
	}
	for _, n := range []int{-5, 0, MaxSessionMinutes + 1} {
		b := Board{SessionMinutes: n}
		if b.Session() != DefaultSessionMinutes {
			t.Errorf("session %d read as %d", n, b.Session())
		}
	}
}

func TestFitAgenda_Issue9(t *testing.T) {
	cases := []struct {
		name    string
		timebox map[string]int
		session int
		want    int // the session kept
	}{
		{"two hours from the defaults", nil, 120, 120},
		{"ninety minutes", nil, 90, 90},
		{"a working day", map[string]int{StepIdeas: 60, StepKPIs: 45}, 480, 480},
		{"shorter than one minute a step", nil, 3, len(Steps)},
		{"longer than a day", nil, 10000, MaxSessionMinutes},
		{"exactly the total already", nil, 160, 160},
		{"prime total", map[string]int{StepSetup: 7, StepReview: 13}, 127, 127},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := Board{Timebox: c.timebox}
			before := b.Agenda()
			b.FitAgenda(c.session)
			a := b.Agenda()
			if a.Session != c.want || a.Total != c.want {
				t.Errorf("session %d, total %d, want both %d", a.Session, a.Total, c.want)
			}
			for i, it := range a.Items {
				if it.Minutes < 1 {
					t.Errorf("%s gets %d minutes", it.Step, it.Minutes)
				}
				// In proportion: within a minute of the exact share.
				exact := float64(before.Items[i].Minutes) * float64(c.want) / float64(before.Total)
				if d := float64(it.Minutes) - exact; (d > 1 || d < -1) && exact >= 1 {
					t.Errorf("%s gets %d minutes, its share is %.1f", it.Step, it.Minutes, exact)
				}
			}
		})
	}
}
