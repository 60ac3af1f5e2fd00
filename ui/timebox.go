package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/session"
	"boussole/workshop"
)

// timeboxTick is how often a running countdown redraws.
const timeboxTick = 250 * time.Millisecond

// timeboxWarnBefore is how long before a step ends the countdown warns
// the room, silently: the digits turn orange and the header flashes once.
const timeboxWarnBefore = 2 * time.Minute

// timeboxChoices are the lengths offered, in minutes.
var timeboxChoices = []int{1, 2, 3, 5, 10, 15, 20, 25, 30, 45, 60, 90}

// timeboxMinutes is the countdown length of step on board b.
func timeboxMinutes(b *workshop.Board, step string) int { return b.TimeboxMinutes(step) }

// timebox is the visible countdown that keeps the room on time: mm:ss in
// large digits for the current step, start/pause and reset, the length per
// step (stored in Board.Timebox), two minutes before the end a silent cue
// (orange digits, one flash), and at zero a colour change, a flash, a
// "Time is up" cue and the same words large over the window. Each step
// keeps its own countdown; switching steps does not stop the room's clock.
type timebox struct {
	widget.BaseWidget

	ed Editor
	// now is the clock; ticks starts a periodic tick and returns its
	// channel and a stop function. Tests replace both to drive time.
	now   func() time.Time
	ticks func() (<-chan time.Time, func())

	step     string
	states   map[string]*countdown
	stopTick func()

	Digits     *canvas.Text
	Cue        *widget.Label
	StartPause *widget.Button
	Reset      *widget.Button
	Length     *widget.Select
	// AgendaButton opens the session's agenda (agenda.go).
	AgendaButton *widget.Button
	agenda       *agendaView
	flash        *canvas.Rectangle
	published    session.Timer // what the room's phones were last told (room_timer.go)
	flashAnim    *fyne.Animation
	content      fyne.CanvasObject

	// Banner is "Time is up" in letters the back of the room reads, over
	// the window (so nothing under it moves); a click anywhere closes it.
	Banner *widget.PopUp

	// drawnAt is the clock's time of the last redraw, under mu, so that a
	// test driving the ticker knows when a tick was drawn.
	mu      sync.Mutex
	drawnAt time.Time
}

// countdown is the state of one step's countdown.
type countdown struct {
	running bool
	since   time.Time     // start of the current running span
	spent   time.Duration // time spent before since
	up      bool          // the time-up cue was given
	warned  bool          // the two-minute cue was given (or not due)
}

// newTimebox makes the countdown widget for the editor's session; call
// SetStep to show a step's countdown and Stop when the editor closes.
func newTimebox(ed Editor) *timebox {
	t := &timebox{
		ed:     ed,
		now:    time.Now,
		states: map[string]*countdown{},
		step:   workshop.StepIdeas,
	}
	t.ticks = func() (<-chan time.Time, func()) {
		tk := time.NewTicker(timeboxTick)
		return tk.C, tk.Stop
	}
	t.Digits = canvas.NewText("00:00", theme.Color(theme.ColorNameForeground))
	t.Digits.TextSize = theme.TextSize() * 2.6
	t.Digits.TextStyle = fyne.TextStyle{Bold: true, Monospace: true}
	// The monospace face itself, as drawn until now: a text style of its
	// own would make Fyne parse a whole face set for five characters (the
	// emoji font and a system fallback with it, about 7 MB resident).
	t.Digits.FontSource = theme.TextMonospaceFont()
	t.Cue = widget.NewLabelWithStyle(tr("timebox.up"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Cue.Importance = widget.DangerImportance
	t.Cue.Hide()
	t.StartPause = widget.NewButtonWithIcon(tr("timebox.start"), theme.MediaPlayIcon(), t.onStartPause)
	t.StartPause.Importance = widget.HighImportance
	// The icon alone: with its word the header no longer fitted a
	// 1024-pixel projector (issue 9, item 5).
	t.Reset = widget.NewButtonWithIcon("", theme.MediaReplayIcon(), t.onReset)
	opts := make([]string, len(timeboxChoices))
	for i, m := range timeboxChoices {
		opts[i] = strconv.Itoa(m)
	}
	t.Length = widget.NewSelect(opts, t.onLength)
	// The agenda opens from under the step list (editor.go): in the header
	// its button made the French header wider than a 1024-pixel projector.
	t.AgendaButton = widget.NewButtonWithIcon(tr("agenda.title")+"…", theme.ListIcon(), t.showAgenda)
	t.AgendaButton.Alignment = widget.ButtonAlignLeading
	t.flash = canvas.NewRectangle(color.Transparent)
	t.flash.CornerRadius = theme.InputRadiusSize()
	// "Time is up" takes the digits' place, in a slot as large as the
	// larger of the two: the header does not move when it shows (issue 9,
	// item 4).
	digits := container.New(fixedSlot(t.Digits.MinSize().Max(t.Cue.MinSize())), t.Digits, t.Cue)
	t.content = container.NewStack(t.flash, container.NewHBox(
		container.NewCenter(digits), container.NewCenter(t.StartPause), container.NewCenter(t.Reset),
		container.NewCenter(container.NewGridWrap(fyne.NewSize(84, t.Length.MinSize().Height), t.Length)),
		container.NewCenter(widget.NewLabel(tr("timebox.minutes")))))
	t.ExtendBaseWidget(t)
	t.show()
	return t
}

func (t *timebox) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.content)
}

// SetStep shows the countdown of step.
func (t *timebox) SetStep(step string) {
	if step == t.step {
		t.show()
		return
	}
	t.step = step
	t.syncTicking()
	t.show()
}

// Step is the step whose countdown is shown.
func (t *timebox) Step() string { return t.step }

func (t *timebox) state() *countdown {
	st, ok := t.states[t.step]
	if !ok {
		st = &countdown{}
		t.states[t.step] = st
	}
	return st
}

// length is the countdown length of the current step.
func (t *timebox) length() time.Duration {
	return time.Duration(timeboxMinutes(&t.ed.Session().Board, t.step)) * time.Minute
}

// Remaining is what is left of the current step's countdown (never
// negative).
func (t *timebox) Remaining() time.Duration {
	st := t.state()
	used := st.spent
	if st.running {
		used += t.now().Sub(st.since)
	}
	left := t.length() - used
	if left < 0 {
		return 0
	}
	return left
}

// Running reports whether the current step's countdown runs.
func (t *timebox) Running() bool { return t.state().running }

// TimeUp reports whether the current step's countdown reached zero.
func (t *timebox) TimeUp() bool { return t.state().up }

func (t *timebox) onStartPause() {
	st := t.state()
	now := t.now()
	switch {
	case st.running:
		st.spent += now.Sub(st.since)
		st.running = false
	case st.up || t.Remaining() == 0:
		// Start again after the time was up.
		*st = countdown{running: true, since: now}
		t.hideBanner()
	default:
		st.running = true
		st.since = now
	}
	if st.running {
		// Started with two minutes or less left: no cue to give later.
		st.warned = st.warned || t.Remaining() <= timeboxWarnBefore
	}
	t.syncTicking()
	t.show()
}

func (t *timebox) onReset() {
	*t.state() = countdown{}
	t.hideBanner()
	t.syncTicking()
	t.show()
}

func (t *timebox) onLength(v string) {
	m, err := strconv.Atoi(v)
	if err != nil || m <= 0 || m == timeboxMinutes(&t.ed.Session().Board, t.step) {
		return
	}
	step := t.step
	t.ed.EditBoard(func(b *workshop.Board) {
		if b.Timebox == nil {
			b.Timebox = map[string]int{}
		}
		b.Timebox[step] = m
	})
	t.show()
}

// tick is called on every tick of a running countdown, on the UI
// goroutine: it redraws and gives the cue when the time is up.
func (t *timebox) tick() {
	if fyne.CurrentApp().Driver().CanvasForObject(t) == nil {
		// The editor was closed: nobody sees this countdown any more.
		// Its state stays (the room's time keeps running); the ticks stop.
		t.Stop()
		return
	}
	st := t.state()
	left := t.Remaining()
	if st.running && left == 0 {
		st.spent = t.length()
		st.running = false
		st.up = true
		t.syncTicking()
		t.startFlash(theme.ColorNameError, 3)
		t.showBanner()
	} else if st.running && !st.warned && left <= timeboxWarnBefore {
		st.warned = true
		t.startFlash(theme.ColorNameWarning, 1)
	}
	t.show()
}

// showBanner shows "Time is up" large over the window's centre.
func (t *timebox) showBanner() {
	c := fyne.CurrentApp().Driver().CanvasForObject(t)
	if c == nil {
		return
	}
	if t.Banner == nil {
		text := canvas.NewText(tr("timebox.up"), theme.Color(theme.ColorNameError))
		text.TextSize = theme.TextSize() * 6
		text.TextStyle = fyne.TextStyle{Bold: true}
		text.Alignment = fyne.TextAlignCenter
		hint := widget.NewLabelWithStyle(tr("timebox.up.close"), fyne.TextAlignCenter, fyne.TextStyle{})
		t.Banner = widget.NewPopUp(container.NewPadded(container.NewVBox(text, hint)), c)
	}
	size := t.Banner.Content.MinSize()
	cs := c.Size()
	t.Banner.ShowAtPosition(fyne.NewPos(max((cs.Width-size.Width)/2, 0), max((cs.Height-size.Height)/3, 0)))
}

func (t *timebox) hideBanner() {
	if t.Banner != nil {
		t.Banner.Hide()
	}
}

// syncTicking runs the ticker while the shown countdown runs.
func (t *timebox) syncTicking() {
	run := t.state().running
	if run && t.stopTick == nil {
		ch, stop := t.ticks()
		done := make(chan struct{})
		t.stopTick = func() { close(done); stop() }
		go func() {
			for {
				select {
				case <-done:
					return
				case <-ch:
					fyne.Do(func() {
						select {
						case <-done: // stopped while this tick waited
						default:
							t.tick()
						}
					})
				}
			}
		}()
	} else if !run && t.stopTick != nil {
		t.stopTick()
		t.stopTick = nil
	}
}

// Stop stops the ticker and closes the time-up banner (when the editor
// closes).
func (t *timebox) Stop() {
	t.hideBanner()
	if t.stopTick != nil {
		t.stopTick()
		t.stopTick = nil
	}
}

// startFlash flashes the header in the theme colour n, times times.
func (t *timebox) startFlash(n fyne.ThemeColorName, times int) {
	if t.flashAnim != nil {
		t.flashAnim.Stop()
	}
	red := theme.Color(n)
	r, g, b, _ := red.RGBA()
	on := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x99}
	// From clear to the colour and back: it ends clear, leaving the
	// digits and the cue readable.
	t.flashAnim = canvas.NewColorRGBAAnimation(color.NRGBA{R: on.R, G: on.G, B: on.B, A: 0}, on, 600*time.Millisecond,
		func(c color.Color) {
			t.flash.FillColor = c
			t.flash.Refresh()
		})
	t.flashAnim.AutoReverse = true
	t.flashAnim.RepeatCount = times
	t.flashAnim.Start()
}

// show redraws the digits, the buttons, the length and the cue.
func (t *timebox) show() {
	st := t.state()
	left := t.Remaining()
	secs := int((left + time.Second - 1) / time.Second) // 0:00.4 shows 00:01
	t.Digits.Text = fmt.Sprintf("%02d:%02d", secs/60, secs%60)
	switch {
	case st.up || left == 0 && st.spent > 0:
		t.Digits.Color = theme.Color(theme.ColorNameError)
	case st.running && left <= timeboxWarnBefore:
		t.Digits.Color = theme.Color(theme.ColorNameWarning)
	case st.running:
		t.Digits.Color = theme.Color(theme.ColorNameSuccess)
	default:
		t.Digits.Color = theme.Color(theme.ColorNameForeground)
	}
	t.Digits.Refresh()
	t.publishRoom(st.running, left)
	if st.up {
		t.Cue.Show()
		t.Digits.Hide()
	} else {
		t.Cue.Hide()
		t.Digits.Show()
		t.flash.FillColor = color.Transparent
		t.flash.Refresh()
	}
	switch {
	case st.running:
		t.StartPause.SetText(tr("timebox.pause"))
		t.StartPause.SetIcon(theme.MediaPauseIcon())
	case st.spent > 0 && !st.up:
		t.StartPause.SetText(tr("timebox.resume"))
		t.StartPause.SetIcon(theme.MediaPlayIcon())
	default:
		t.StartPause.SetText(tr("timebox.start"))
		t.StartPause.SetIcon(theme.MediaPlayIcon())
	}
	m := strconv.Itoa(timeboxMinutes(&t.ed.Session().Board, t.step))
	showOption(t.Length, m)
	t.mu.Lock()
	t.drawnAt = t.now()
	t.mu.Unlock()
}

// Refresh redraws with the theme's colours.
func (t *timebox) Refresh() {
	t.show()
	t.BaseWidget.Refresh()
}
