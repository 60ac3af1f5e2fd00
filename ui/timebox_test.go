package ui

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"boussole/workshop"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// drivenTimebox gives the editor's timebox a fake clock and a ticker the
// test drives; tick sends one tick and waits until the widget drew it.
func drivenTimebox(t *testing.T, ed *editor) (tb *timebox, clock *fakeClock, tick func()) {
	t.Helper()
	tb = ed.timebox
	if tb == nil {
		t.Fatal("the editor shows no timebox")
	}
	clock = &fakeClock{t: time.Date(2027, 1, 12, 10, 0, 0, 0, time.UTC)}
	ticks := make(chan time.Time)
	tb.now = clock.now
	tb.ticks = func() (<-chan time.Time, func()) { return ticks, func() {} }
	tick = func() {
		t.Helper()
		select {
		case ticks <- clock.now():
		case <-time.After(2 * time.Second):
			t.Fatal("the timebox is not ticking")
		}
		// The tick is handled on the ticker goroutine (fyne.Do runs it
		// there in tests); wait until it is drawn.
		want := clock.now()
		waitFor(t, "the tick to be drawn", func() bool {
			tb.mu.Lock()
			defer tb.mu.Unlock()
			return !tb.drawnAt.Before(want)
		})
	}
	return tb, clock, tick
}

func TestTimeboxCountsDownAndShowsTimeUp(t *testing.T) {
	s := blankSessionA(t)
	ed, env := newTestEditor(t, s)
	stepA[*ideasStep](t, ed, workshop.StepIdeas)
	tb, clock, tick := drivenTimebox(t, ed)

	if tb.Step() != workshop.StepIdeas || tb.Digits.Text != "10:00" {
		t.Fatalf("ideas timebox shows %q for %s, want 10:00", tb.Digits.Text, tb.Step())
	}
	test.Tap(tb.StartPause)
	if !tb.Running() || tb.StartPause.Text != "Pause" {
		t.Fatalf("after Start: running %v, button %q", tb.Running(), tb.StartPause.Text)
	}
	clock.add(9*time.Minute + 30*time.Second)
	tick()
	if tb.Digits.Text != "00:30" {
		t.Errorf("after 9:30 the timebox shows %q, want 00:30", tb.Digits.Text)
	}
	if tb.Digits.Color != theme.Color(theme.ColorNameWarning) {
		t.Error("the last minute is not in the warning colour")
	}
	if tb.Cue.Visible() {
		t.Error("time-up cue before the end")
	}

	clock.add(31 * time.Second)
	tick()
	if tb.Digits.Text != "00:00" || !tb.TimeUp() || tb.Running() {
		t.Errorf("at the end: %q, up %v, running %v", tb.Digits.Text, tb.TimeUp(), tb.Running())
	}
	if !tb.Cue.Visible() || tb.Cue.Text != "Time is up" {
		t.Errorf("time-up cue %q visible %v", tb.Cue.Text, tb.Cue.Visible())
	}
	if tb.Digits.Color != theme.Color(theme.ColorNameError) {
		t.Error("the digits did not turn to the error colour at zero")
	}

	test.Tap(tb.Reset)
	if tb.Digits.Text != "10:00" || tb.Cue.Visible() || tb.TimeUp() {
		t.Errorf("after reset: %q, cue %v", tb.Digits.Text, tb.Cue.Visible())
	}

	// The length is per step and stored on the board.
	tb.Length.SetSelected("5")
	if tb.Digits.Text != "05:00" {
		t.Errorf("after choosing 5 minutes: %q", tb.Digits.Text)
	}
	if got := env.stored(t, s.ID).Board.Timebox[workshop.StepIdeas]; got != 5 {
		t.Errorf("stored ideas timebox = %d, want 5", got)
	}
	stepA[*objectivesStep](t, ed, workshop.StepObjectives)
	if tb.Step() != workshop.StepObjectives || tb.Digits.Text != "15:00" {
		t.Errorf("objectives timebox shows %q for %s, want 15:00", tb.Digits.Text, tb.Step())
	}
}

func TestTimeboxPauseKeepsTheTimeLeft(t *testing.T) {
	s := blankSessionA(t)
	ed, _ := newTestEditor(t, s)
	stepA[*ideasStep](t, ed, workshop.StepIdeas)
	tb, clock, tick := drivenTimebox(t, ed)

	test.Tap(tb.StartPause)
	clock.add(2 * time.Minute)
	tick()
	test.Tap(tb.StartPause) // pause
	clock.add(5 * time.Minute)
	if tb.Digits.Text != "08:00" || tb.StartPause.Text != "Resume" {
		t.Errorf("paused: %q, button %q", tb.Digits.Text, tb.StartPause.Text)
	}
	test.Tap(tb.StartPause) // resume
	clock.add(time.Minute)
	tick()
	if tb.Digits.Text != "07:00" {
		t.Errorf("resumed one minute later: %q, want 07:00", tb.Digits.Text)
	}
}

// TestTimeUpDoesNotMoveTheHeader_Issue9_4: "Time is up" takes the digits'
// place; the header's buttons stay where the pointer expects them.
func TestTimeUpDoesNotMoveTheHeader_Issue9_4(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	ed, env := newTestEditor(t, s)
	tb, clock, tick := drivenTimebox(t, ed)
	d := fyne.CurrentApp().Driver()
	where := func() []fyne.Position {
		layoutTree(env.Win.Content())
		var ps []fyne.Position
		for _, o := range []fyne.CanvasObject{tb.StartPause, tb.Reset, tb.Length, ed.toggle, ed.present, ed.home} {
			ps = append(ps, d.AbsolutePositionForObject(o))
		}
		return ps
	}
	before := where()
	test.Tap(tb.StartPause)
	clock.add(time.Hour)
	tick()
	if !tb.Cue.Visible() {
		t.Fatal("time is not up")
	}
	after := where()
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("header object %d moved from %v to %v when time ran out", i, before[i], after[i])
		}
	}
}
