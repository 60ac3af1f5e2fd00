package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// findingsPanelWidth keeps the panel readable next to the step content.
const findingsPanelWidth = 250

// findingsPanel lists the charter's findings: counts per severity, then
// each finding with its icon and message in the interface language; its
// "go" button shows the place concerned.
type findingsPanel struct {
	ed     *editor
	counts *widget.Label
	list   *fyne.Container
	rows   []*widget.Button // the go buttons, in findings order (tests tap them)
	msgs   []*widget.Label  // the messages, in findings order
	icons  []*widget.Icon   // the severity icons, in findings order
	sevs   []workshop.Severity
	fs     []workshop.Finding // what the rows show (the go buttons read it)

	// Filter shows the findings of the step shown only, or all of them
	// (remembered in the app's preferences).
	Filter *widget.RadioGroup
	step   string // the step whose findings are listed, "" for all
}

// prefFindingsStepOnly remembers the panel's filter.
const prefFindingsStepOnly = "findings.steponly"

func newFindingsPanel(ed *editor) *findingsPanel {
	return &findingsPanel{ed: ed}
}

func (p *findingsPanel) build() fyne.CanvasObject {
	p.counts = widget.NewLabel("")
	p.counts.Wrapping = fyne.TextWrapWord
	p.list = container.NewVBox()
	opts := []string{tr("findings.filter.step"), tr("findings.filter.all")}
	p.Filter = widget.NewRadioGroup(opts, nil)
	p.Filter.Horizontal = true
	p.Filter.Required = true
	prefs := p.prefs()
	if prefs != nil && prefs.Bool(prefFindingsStepOnly) {
		p.Filter.SetSelected(opts[0])
	} else {
		p.Filter.SetSelected(opts[1])
	}
	p.Filter.OnChanged = func(string) {
		if prefs != nil {
			prefs.SetBool(prefFindingsStepOnly, p.stepOnly())
		}
		p.refresh()
	}
	head := container.NewVBox(widget.NewLabelWithStyle(tr("findings.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.Filter, p.counts, widget.NewSeparator())
	return container.New(fixedWidth(findingsPanelWidth), container.NewBorder(head, nil, nil, nil, container.NewVScroll(p.list)))
}

func (p *findingsPanel) prefs() fyne.Preferences {
	if p.ed.app == nil || p.ed.app.app == nil {
		return nil
	}
	return p.ed.app.app.Preferences()
}

// stepOnly reports whether the panel lists the shown step's findings only.
func (p *findingsPanel) stepOnly() bool {
	return p.Filter != nil && p.Filter.Selected == tr("findings.filter.step")
}

// shows reports whether the panel lists what it would list now for the
// step shown (the editor refreshes it otherwise).
func (p *findingsPanel) shows(step string) bool {
	if p.stepOnly() {
		return p.step == step
	}
	return p.step == ""
}

// refresh re-reads the editor's findings.
func (p *findingsPanel) refresh() {
	if p.list == nil {
		return
	}
	fs := p.ed.findings
	p.step = ""
	if p.stepOnly() && p.ed.current < len(p.ed.steps) {
		p.step = p.ed.currentStep()
		fs = p.ed.FindingsFor(p.step, "")
	}
	setLabel(p.counts, countsText(fs))
	l := CurrentLang() // findings speak the interface's language; the charter's governs the PDF
	p.fs = append(p.fs[:0], fs...)
	if len(fs) > 0 && len(fs) == len(p.rows) {
		// As many findings as rows (typing usually changes a message, not
		// the list): update the rows in place instead of rebuilding them.
		before := p.list.MinSize()
		for i, f := range fs {
			setLabel(p.msgs[i], f.Message(l))
			if p.sevs[i] != f.Severity {
				p.sevs[i] = f.Severity
				p.icons[i].SetResource(severityIcon(f.Severity))
			}
		}
		// A message may now wrap on more or fewer lines: lay the rows out
		// again (containers do not follow their children's sizes).
		if after := p.list.MinSize(); after != before {
			p.list.Resize(after.Max(fyne.NewSize(p.list.Size().Width, 0)))
		}
		layoutTree(p.list)
		return
	}
	p.list.Objects = nil
	p.rows, p.msgs, p.icons, p.sevs = nil, nil, nil, nil
	for i, f := range fs {
		msg := widget.NewLabel(f.Message(l))
		msg.Wrapping = fyne.TextWrapWord
		goBtn := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.ed.Goto(p.fs[i].Where) })
		icon := widget.NewIcon(severityIcon(f.Severity))
		p.rows = append(p.rows, goBtn)
		p.msgs = append(p.msgs, msg)
		p.icons = append(p.icons, icon)
		p.sevs = append(p.sevs, f.Severity)
		p.list.Add(container.NewBorder(nil, nil, icon, goBtn, msg))
	}
	if len(fs) == 0 {
		key := "findings.none"
		if p.step != "" {
			key = "findings.none.step"
		}
		none := widget.NewLabel(tr(key))
		none.Wrapping = fyne.TextWrapWord
		p.list.Add(none)
	}
	p.list.Refresh()
}

// countsText is "2 errors · 1 warning · 0 infos" in the interface language.
func countsText(fs []workshop.Finding) string {
	e, w, i := severityCounts(fs)
	return tr("findings.counts", "Errors", e, "Warnings", w, "Infos", i)
}

func severityCounts(fs []workshop.Finding) (errs, warns, infos int) {
	for _, f := range fs {
		switch f.Severity {
		case workshop.SevError:
			errs++
		case workshop.SevWarning:
			warns++
		default:
			infos++
		}
	}
	return
}

// severityIcon is the coloured icon of a severity.
func severityIcon(s workshop.Severity) fyne.Resource {
	switch s {
	case workshop.SevError:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case workshop.SevWarning:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.NewPrimaryThemedResource(theme.InfoIcon())
}

// fixedWidth lays its objects out on top of each other with a fixed
// minimum width, so that wrapping labels inside have room.
type fixedWidth float32

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(float32(w), h)
}

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
