package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// presentation is the projector view: a second window with large read-only
// text of the current step's essentials. It follows the editor's step.
type presentation struct {
	a      *App
	win    fyne.Window
	ed     *editor
	title  *widget.Label
	step   *widget.Label
	body   *widget.Label
	full   *widget.Button
	closed bool
}

// presentationScale enlarges every text size of the theme for the room.
const presentationScale = 2.0

// bigTheme scales the text sizes of its base theme.
type bigTheme struct{ fyne.Theme }

func (t bigTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon, theme.SizeNamePadding, theme.SizeNameLineSpacing:
		return s * presentationScale
	}
	return s
}

// showPresentation opens (or raises) the presentation window.
func (a *App) showPresentation() {
	if a.pres != nil && !a.pres.closed {
		a.pres.win.RequestFocus()
		return
	}
	p := &presentation{a: a, win: a.app.NewWindow(tr("present.window"))}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Wrapping = fyne.TextWrapWord
	p.step = widget.NewLabel("")
	p.step.Importance = widget.HighImportance
	p.body = widget.NewLabel("")
	p.body.Wrapping = fyne.TextWrapWord
	p.full = widget.NewButtonWithIcon(tr("present.fullscreen"), theme.ViewFullScreenIcon(), func() {
		p.win.SetFullScreen(!p.win.FullScreen())
	})
	top := container.NewBorder(nil, nil, nil, p.full, container.NewVBox(p.title, p.step))
	content := container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(p.body))
	p.win.SetContent(container.NewThemeOverride(container.NewPadded(content), bigTheme{a.app.Settings().Theme()}))
	p.win.SetOnClosed(func() { p.closed = true; p.follow(nil) })
	p.win.Resize(fyne.NewSize(1280, 720))
	a.pres = p
	p.follow(a.editor)
	p.win.Show()
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

// update re-reads the current step's essentials.
func (p *presentation) update() {
	if p.closed {
		return
	}
	if p.ed == nil {
		p.title.SetText(tr("app.title"))
		p.step.SetText("")
		p.body.SetText(tr("present.nosession"))
		return
	}
	ed := p.ed
	c := ed.Charter()
	p.title.SetText(strings.TrimSpace(c.Title + "  ·  " + c.Period.Label))
	p.step.SetText(fmt.Sprintf("%d. %s", ed.current+1, ed.steps[ed.current].Title()))
	p.body.SetText(essentials(ed.sess, ed.currentStep(), ed.Lang()))
}

// essentials is the read-only text the room sees for a step.
func essentials(s *workshop.Session, step string, l workshop.Lang) string {
	c := &s.Current().Charter
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	if m := s.Board.Timebox[step]; m > 0 {
		line("%s", tr("present.timebox", "N", m))
		line("")
	}
	switch step {
	case workshop.StepSetup:
		line("%s", c.Scope)
		line("%s: %s", tr("present.facilitator"), c.Facilitator)
		for _, pt := range c.Participants {
			line("• %s — %s", pt.Name, workshop.Label(l, string(pt.Function)))
		}
	case workshop.StepIntent:
		line("%s", c.Intent.Statement)
		for _, o := range c.Intent.CompanyObjectives {
			line("• %s", o)
		}
	case workshop.StepIdeas:
		for i, cd := range ranking(s.Board.Cards) {
			line("%d. %s — %s", i+1, cd.Text, tr("present.votes", "N", votesOf(cd)))
		}
	case workshop.StepKPIs, workshop.StepCascade:
		kpiLines(c, l, line)
	case workshop.StepRoles:
		objectiveLines(c, line)
		for _, o := range c.Objectives {
			for _, r := range c.Roles {
				if r.ObjectiveID == o.ID && r.Role == workshop.RolePilot {
					line("%s — %s: %s", o.Title, workshop.Label(l, string(workshop.RolePilot)), participantName(c, r.ParticipantID))
				}
			}
		}
	case workshop.StepRituals:
		for _, r := range c.Rituals {
			line("• %s — %s, %s %s", r.Name, workshop.Label(l, string(r.Cadence)), workshop.WeekdayLabel(l, r.Weekday), r.Time)
		}
	default:
		objectiveLines(c, line)
		line("")
		kpiLines(c, l, line)
	}
	return strings.TrimRight(b.String(), "\n")
}

func objectiveLines(c *workshop.Charter, line func(string, ...any)) {
	for i, o := range c.Objectives {
		line("%d. %s", i+1, o.Title)
		if o.Specific != "" {
			line("    %s", o.Specific)
		}
	}
}

func kpiLines(c *workshop.Charter, l workshop.Lang, line func(string, ...any)) {
	for _, k := range c.KPIs {
		if k.Guardrail {
			continue
		}
		line("• %s: %s → %s %s  (%s %s)", k.Name, k.Baseline, k.Target, workshop.Label(l, string(k.Unit)), tr("present.alert"), k.Alert)
	}
}

func participantName(c *workshop.Charter, id string) string {
	for _, p := range c.Participants {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

// votesOf is a card's total of dots.
func votesOf(c workshop.Card) int {
	n := 0
	for _, v := range c.Votes {
		n += v
	}
	return n
}

// ranking orders cards by votes, most first, keeping the board's order on ties.
func ranking(cards []workshop.Card) []workshop.Card {
	out := append([]workshop.Card(nil), cards...)
	sort.SliceStable(out, func(i, j int) bool { return votesOf(out[i]) > votesOf(out[j]) })
	return out
}
