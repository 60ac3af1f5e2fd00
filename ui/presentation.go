package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// presentation is the projector view: a second window with large read-only
// text of the current step's essentials and the step's countdown. It
// follows the editor's step; Page Down / Page Up (a presenter's clicker) or
// the arrow keys move the editor to the next or previous step, F11 toggles
// full screen and Escape leaves it.
type presentation struct {
	a     *App
	win   fyne.Window
	ed    *editor
	title *widget.Label
	step  *widget.Label
	body  *fyne.Container // one label per line (fresh labels wrap reliably)
	shown string          // the step shown, to scroll back to the top on a new step
	roll  *container.Scroll
	big   *container.ThemeOverride // around roll; refreshed so new lines take the large sizes
	clock *canvas.Text
	cue   *widget.Label
	full  *widget.Button

	stopTick func()
	closed   bool

	room presRoom // the room's QR code and address (room_present.go)
}

// presentationScale enlarges the text for the back of the room.
const presentationScale = 2.2

// presentationTick is how often the projected countdown redraws.
const presentationTick = 250 * time.Millisecond

// bigTheme scales the text sizes for the back of the room.
var bigTheme = sizedTheme{func(n fyne.ThemeSizeName, s float32) float32 {
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText, theme.SizeNameLineSpacing:
		return s * presentationScale
	}
	return s
}}

// showPresentation opens (or raises) the presentation window.
func (a *App) showPresentation() {
	if a.pres != nil && !a.pres.closed {
		a.pres.win.RequestFocus()
		return
	}
	p := &presentation{a: a, win: a.app.NewWindow(tr("present.window"))}
	p.build()
	p.win.SetOnClosed(p.onClosed)
	p.win.Resize(fyne.NewSize(1280, 720))
	a.pres = p
	p.follow(a.editor)
	p.startClock()
	p.win.Show()
}

func (p *presentation) build() {
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Wrapping = fyne.TextWrapWord
	p.step = widget.NewLabel("")
	p.step.Importance = widget.HighImportance
	p.step.SizeName = theme.SizeNameSubHeadingText
	p.body = container.NewVBox()
	p.clock = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	p.clock.TextSize = theme.TextSize() * presentationScale * 2
	p.clock.TextStyle = fyne.TextStyle{Bold: true, Monospace: true}
	p.clock.Alignment = fyne.TextAlignTrailing
	p.cue = widget.NewLabelWithStyle(tr("timebox.up"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	p.cue.Importance = widget.DangerImportance
	p.cue.Hide()
	p.full = widget.NewButtonWithIcon(tr("present.fullscreen"), theme.ViewFullScreenIcon(), p.toggleFullScreen)
	p.full.Importance = widget.LowImportance

	big := func(o fyne.CanvasObject) fyne.CanvasObject { return container.NewThemeOverride(o, bigTheme) }
	clockBox := container.NewVBox(container.NewHBox(layout.NewSpacer(), p.roomButton(), p.full), p.clock, big(p.cue))
	top := container.NewBorder(nil, nil, nil, clockBox, big(container.NewVBox(p.title, p.step)))
	p.roll = container.NewVScroll(p.body)
	p.big = container.NewThemeOverride(p.roll, bigTheme)
	content := container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, p.roomBox(), p.big)
	p.win.SetContent(container.NewPadded(content))
	p.win.Canvas().SetOnTypedKey(p.onKey)
}

func (p *presentation) toggleFullScreen() { p.win.SetFullScreen(!p.win.FullScreen()) }

// onKey moves the editor's step from the projector window (clickers send
// Page Down / Page Up) and handles full screen.
func (p *presentation) onKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyF11:
		p.toggleFullScreen()
	case fyne.KeyEscape: // ends the presentation, as in slide software
		if p.win.FullScreen() {
			p.win.SetFullScreen(false)
		}
		p.win.Close()
	case fyne.KeyPageDown, fyne.KeyRight, fyne.KeyDown, fyne.KeySpace:
		if p.ed != nil {
			p.ed.show(p.ed.current + 1)
		}
	case fyne.KeyPageUp, fyne.KeyLeft, fyne.KeyUp:
		if p.ed != nil {
			p.ed.show(p.ed.current - 1)
		}
	}
}

func (p *presentation) onClosed() {
	p.closed = true
	if p.stopTick != nil {
		p.stopTick()
		p.stopTick = nil
	}
	p.follow(nil)
}

// startClock redraws the projected countdown while the window is open.
func (p *presentation) startClock() {
	tk := time.NewTicker(presentationTick)
	done := make(chan struct{})
	p.stopTick = func() { close(done); tk.Stop() }
	go func() {
		for {
			select {
			case <-done:
				return
			case <-tk.C:
				fyne.Do(func() {
					select {
					case <-done:
					default:
						p.updateClock()
					}
				})
			}
		}
	}()
}

// follow attaches the view to an editor (nil: no session open).
func (p *presentation) follow(ed *editor) {
	if p.ed != nil {
		p.ed.onPresent = nil
	}
	p.ed = ed
	if ed != nil && !p.closed {
		ed.onPresent = p.update
	}
	p.update()
}

// update re-reads the current step's essentials and its countdown.
func (p *presentation) update() {
	if p.closed {
		return
	}
	if p.ed == nil {
		p.title.SetText(tr("app.title"))
		p.step.SetText("")
		p.setLines("", []presLine{{Text: tr("present.nosession")}})
		p.updateClock()
		return
	}
	ed := p.ed
	c := ed.Charter()
	p.title.SetText(strings.TrimSpace(c.Title + "  ·  " + c.Period.Label))
	p.step.SetText(fmt.Sprintf("%d. %s", ed.current+1, ed.steps[ed.current].Title()))
	lines := essentials(projected(ed), ed.currentStep(), ed.Lang())
	if len(lines) == 0 {
		lines = []presLine{{Text: tr("present.empty")}}
	}
	p.setLines(ed.currentStep(), lines)
	p.updateClock()
	p.syncRoom()
}

// updateClock shows the current step's countdown as the editor runs it:
// green while it runs, orange in the last two minutes, red when the time is up.
func (p *presentation) updateClock() {
	if p.closed {
		return
	}
	if p.ed == nil || p.ed.timebox == nil {
		p.clock.Hide()
		p.cue.Hide()
		return
	}
	tb := p.ed.timebox
	left := tb.Remaining()
	secs := int((left + time.Second - 1) / time.Second)
	text := fmt.Sprintf("%02d:%02d", secs/60, secs%60)
	col := theme.Color(theme.ColorNameForeground)
	switch {
	case tb.TimeUp() || left == 0:
		col = theme.Color(theme.ColorNameError)
	case tb.Running() && left <= timeboxWarnBefore:
		col = theme.Color(theme.ColorNameWarning)
	case tb.Running():
		col = theme.Color(theme.ColorNameSuccess)
	}
	if p.clock.Text != text || p.clock.Color != col || !p.clock.Visible() {
		p.clock.Text, p.clock.Color = text, col
		p.clock.Show()
		p.clock.Refresh()
	}
	if tb.TimeUp() {
		p.cue.Show()
	} else {
		p.cue.Hide()
	}
}

// presStyle is how a projected line looks.
type presStyle int

const (
	presPlain   presStyle = iota // a paragraph
	presHeading                  // bold, slightly larger: an objective, a group of lines
	presItem                     // a bulleted line
)

// presLine is one line of the projected text.
type presLine struct {
	Text  string
	Style presStyle
}

// presText is the projected text as plain lines (tests read it).
func presText(lines []presLine) string {
	var b strings.Builder
	for _, l := range lines {
		if l.Style == presItem {
			b.WriteString("• ")
		}
		b.WriteString(l.Text)
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// setLines shows lines, from the top when the step changed.
func (p *presentation) setLines(step string, lines []presLine) {
	objs := make([]fyne.CanvasObject, 0, len(lines))
	for _, l := range lines {
		text := l.Text
		lb := widget.NewLabel("")
		lb.Wrapping = fyne.TextWrapWord
		switch l.Style {
		case presHeading:
			lb.SizeName = theme.SizeNameSubHeadingText
			lb.TextStyle = fyne.TextStyle{Bold: true}
		case presItem:
			text = "• " + text
		}
		lb.SetText(text)
		objs = append(objs, lb)
	}
	p.body.Objects = objs
	p.big.Refresh()
	if step != p.shown {
		p.shown = step
		p.roll.ScrollToTop()
	}
}

// essentials is the read-only text the room sees for a step.
func essentials(s *workshop.Session, step string, l workshop.Lang) []presLine {
	rev := s.Current()
	c := &rev.Charter
	var out []presLine
	add := func(style presStyle, text string) {
		if strings.TrimSpace(text) != "" {
			out = append(out, presLine{Text: text, Style: style})
		}
	}
	switch step {
	case workshop.StepSetup:
		add(presPlain, c.Scope)
		if strings.TrimSpace(c.Facilitator) != "" {
			add(presPlain, tr("present.facilitator", "Name", c.Facilitator))
		}
		for _, pt := range c.Participants {
			add(presItem, pt.Name+" — "+workshop.Label(l, string(pt.Function)))
		}
	case workshop.StepIntent:
		if c.Intent.Purpose != "" {
			add(presHeading, workshop.Label(l, string(c.Intent.Purpose)))
		}
		add(presPlain, c.Intent.Statement)
		for _, o := range c.Intent.CompanyObjectives {
			add(presItem, o)
		}
	case workshop.StepIdeas:
		for i, cd := range s.Board.Ranking() {
			style := presPlain
			if n := cd.Count(); n > 0 && i < 3 {
				style = presHeading
			}
			add(style, fmt.Sprintf("%d. %s — %s", i+1, cd.Text, tr("present.votes", "N", cd.Count())))
		}
	case workshop.StepObjectives:
		objectiveLines(c, add, true)
	case workshop.StepKPIs:
		kpiLines(c, add)
	case workshop.StepRoles:
		objectiveLines(c, add, false)
	case workshop.StepCascade:
		cascadeLines(c, l, add)
	case workshop.StepRituals:
		for _, r := range c.Rituals {
			add(presItem, fmt.Sprintf("%s — %s, %s %s (%d min)", r.Name, workshop.Label(l, string(r.Cadence)),
				workshop.WeekdayLabel(l, r.Weekday), r.Time, r.Minutes))
		}
	case workshop.StepIncentives:
		if c.Incentive.Enabled {
			add(presHeading, tr("present.share", "Share", valueUnit(c.Incentive.Share, workshop.UnitPercent)))
			add(presPlain, c.Incentive.Note)
		} else {
			add(presPlain, tr("present.noincentive"))
		}
	case workshop.StepLog:
		ds := append([]workshop.Decision(nil), c.Decisions...)
		ds = append(ds, rev.LateDecisions...)
		sort.SliceStable(ds, func(i, j int) bool { return ds[i].Date > ds[j].Date })
		for i, d := range ds {
			if i == 8 {
				break
			}
			add(presItem, fmt.Sprintf("%s · %s — %s", d.Date, workshop.Label(l, string(d.Type)), d.Text))
		}
	default: // review and sign-off
		objectiveLines(c, add, false)
		kpiLines(c, add)
		signatureLines(rev, add)
	}
	return out
}

// objectiveLines lists the objectives; with detail their specific
// statement, else who pilots, contributes and approves.
func objectiveLines(c *workshop.Charter, add func(presStyle, string), detail bool) {
	for i, o := range c.Objectives {
		add(presHeading, fmt.Sprintf("%d. %s", i+1, o.Title))
		if detail {
			add(presPlain, o.Specific)
			continue
		}
		names := map[workshop.Role][]string{}
		for _, r := range c.Roles {
			if r.ObjectiveID == o.ID {
				names[r.Role] = append(names[r.Role], participantName(c, r.ParticipantID))
			}
		}
		var parts []string
		if len(names[workshop.RolePilot]) == 0 {
			parts = append(parts, tr("present.nopilot"))
		} else {
			parts = append(parts, tr("present.pilot", "Names", strings.Join(names[workshop.RolePilot], ", ")))
		}
		if n := names[workshop.RoleContributor]; len(n) > 0 {
			parts = append(parts, tr("present.contributors", "Names", strings.Join(n, ", ")))
		}
		if n := names[workshop.RoleApprover]; len(n) > 0 {
			parts = append(parts, tr("present.approvers", "Names", strings.Join(n, ", ")))
		}
		add(presPlain, strings.Join(parts, "  ·  "))
	}
}

// kpiLines lists the priority KPIs: baseline → target, alert threshold.
func kpiLines(c *workshop.Charter, add func(presStyle, string)) {
	for _, k := range c.KPIs {
		if k.Guardrail {
			continue
		}
		add(presItem, tr("present.kpi", "Name", k.Name, "Baseline", orDash(valueUnit(k.Baseline, k.Unit)),
			"Target", orDash(valueUnit(k.Target, k.Unit)), "Alert", orDash(valueUnit(k.Alert, k.Unit))))
	}
}

// cascadeLines shows each cascade: the KPI, the dimension, each team's target.
func cascadeLines(c *workshop.Charter, l workshop.Lang, add func(presStyle, string)) {
	for _, cs := range c.Cascades {
		k := workshop.ByID(c.KPIs, cs.KPIID)
		if k == nil {
			continue
		}
		add(presHeading, fmt.Sprintf("%s — %s (%s)", k.Name, workshop.Label(l, string(cs.Dimension)), orDash(valueUnit(k.Target, k.Unit))))
		for _, line := range cs.Lines {
			add(presItem, fmt.Sprintf("%s — %s", line.Team, orDash(valueUnit(line.Target, k.Unit))))
		}
	}
}

// signatureLines says who signed and who is awaited.
func signatureLines(rev *workshop.Revision, add func(presStyle, string)) {
	states := rev.ApproverStates()
	if len(states) == 0 {
		return
	}
	n := 0
	for _, st := range states {
		if st.Status == workshop.ApproverSigned {
			n++
		}
	}
	add(presHeading, tr("present.signatures", "N", n, "Of", len(states)))
	for _, st := range states {
		key := "present.waiting"
		if st.Status == workshop.ApproverSigned {
			key = "present.signed"
		}
		add(presItem, tr(key, "Name", st.Participant.Name))
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func participantName(c *workshop.Charter, id string) string {
	if p := workshop.ByID(c.Participants, id); p != nil {
		return p.Name
	}
	return id
}
