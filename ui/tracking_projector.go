package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// dashboardProjector shows one objective's dashboard on the projector, in
// the presentation's large sizes: Page Down / Page Up (a clicker) or the
// arrows move to the next or previous objective, F11 toggles full screen,
// Escape closes it (issue 13 item 3).
type dashboardProjector struct {
	v     *trackingView
	win   fyne.Window
	index int
	head  *widget.Label
	body  *fyne.Container
}

// project opens the projector window on the first objective.
func (v *trackingView) project() *dashboardProjector {
	p := &dashboardProjector{v: v, win: v.a.app.NewWindow(tr("track.project.window"))}
	p.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.body = container.NewStack()
	full := widget.NewButtonWithIcon(tr("present.fullscreen"), theme.ViewFullScreenIcon(), func() { p.win.SetFullScreen(!p.win.FullScreen()) })
	full.Importance = widget.LowImportance
	top := container.NewBorder(nil, nil, nil, full, container.NewThemeOverride(p.head, bigTheme))
	p.win.SetContent(container.NewPadded(container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(container.NewThemeOverride(p.body, projectorTheme)))))
	p.win.Canvas().SetOnTypedKey(p.onKey)
	p.win.Resize(fyne.NewSize(1280, 720))
	p.show(0)
	p.win.Show()
	return p
}

// projectorTheme enlarges the dashboard less than the presentation's text:
// a chart and its labels must still fit a 1024-pixel projector.
var projectorTheme = sizedTheme{func(n fyne.ThemeSizeName, s float32) float32 {
	switch n {
	case theme.SizeNameText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText:
		return s * 1.5
	}
	return s
}}

// show projects objective i (wrapping around).
func (p *dashboardProjector) show(i int) {
	c := p.v.charter()
	now := p.v.a.d.Now()
	dash := workshop.Dashboard(c, p.v.sess.CheckIns, now)
	if len(dash) == 0 {
		p.head.SetText(c.Title)
		p.body.Objects = []fyne.CanvasObject{widget.NewLabel(tr("present.empty"))}
		p.body.Refresh()
		return
	}
	p.index = (i%len(dash) + len(dash)) % len(dash)
	p.head.SetText(fmt.Sprintf("%s  ·  %d/%d", c.Title, p.index+1, len(dash)))
	p.body.Objects = []fyne.CanvasObject{dashboardCard(c, dash[p.index], now)}
	p.body.Refresh()
}

func (p *dashboardProjector) onKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyF11:
		p.win.SetFullScreen(!p.win.FullScreen())
	case fyne.KeyEscape:
		p.win.Close()
	case fyne.KeyPageDown, fyne.KeyRight, fyne.KeyDown, fyne.KeySpace:
		p.show(p.index + 1)
	case fyne.KeyPageUp, fyne.KeyLeft, fyne.KeyUp:
		p.show(p.index - 1)
	}
}
