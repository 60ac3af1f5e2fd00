package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"boussole/workshop"
)

// Issue 9 (timebox): two minutes before a step ends the countdown warns
// silently (orange digits, one flash), once; at zero "Time is up" shows
// large over the window, closed by Reset or a new start.
func TestTimeboxTwoMinuteCueAndLargeTimeUp_Issue9(t *testing.T) {
	s := blankSessionA(t)
	ed, env := newTestEditor(t, s)
	stepA[*ideasStep](t, ed, workshop.StepIdeas) // 10 minutes
	tb, clock, tick := drivenTimebox(t, ed)

	test.Tap(tb.StartPause)
	clock.add(7*time.Minute + 59*time.Second)
	tick()
	if tb.state().warned || tb.Digits.Color != theme.Color(theme.ColorNameSuccess) || tb.flashAnim != nil {
		t.Errorf("at 2:01 left: warned %v, colour %v", tb.state().warned, tb.Digits.Color)
	}
	clock.add(time.Second)
	tick()
	if !tb.state().warned || tb.Digits.Color != theme.Color(theme.ColorNameWarning) || tb.flashAnim == nil {
		t.Fatalf("at 2:00 left: warned %v, colour %v, flash %v", tb.state().warned, tb.Digits.Color, tb.flashAnim != nil)
	}
	first := tb.flashAnim
	clock.add(30 * time.Second)
	tick()
	if tb.flashAnim != first {
		t.Error("the two-minute cue was given twice")
	}
	if tb.Banner != nil && tb.Banner.Visible() {
		t.Error("time-up banner before the end")
	}

	clock.add(2 * time.Minute)
	tick()
	if !tb.TimeUp() || tb.Banner == nil || !tb.Banner.Visible() {
		t.Fatal("no time-up banner at zero")
	}
	var big *canvas.Text
	for _, o := range test.LaidOutObjects(tb.Banner.Content) {
		if x, ok := o.(*canvas.Text); ok && x.Text == tr("timebox.up") {
			big = x
		}
	}
	if big == nil || big.TextSize < 5*theme.TextSize() {
		t.Fatalf("the banner's words are not large: %+v", big)
	}
	// Over the window's middle, inside it.
	size, win := tb.Banner.Content.MinSize(), env.Win.Canvas().Size()
	if size.Width > win.Width {
		t.Errorf("banner %v wider than the window %v", size, win)
	}
	test.Tap(tb.Reset)
	if tb.Banner.Visible() {
		t.Error("Reset left the banner")
	}

	// Started with two minutes or less: no cue later.
	tb.Length.SetSelected("2")
	test.Tap(tb.StartPause)
	before := tb.flashAnim
	clock.add(time.Minute)
	tick()
	if tb.flashAnim != before {
		t.Error("a two-minute step flashed its two-minute cue")
	}
	tb.Stop()
}
