package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// findingsPanelWidth keeps the panel readable next to the step content.
const findingsPanelWidth = 300

// findingsPanel lists the charter's findings: counts per severity, then
// each finding with its icon and message in the charter's language; its
// "go" button shows the place concerned.
type findingsPanel struct {
	ed     *editor
	counts *widget.Label
	list   *fyne.Container
	rows   []*widget.Button // the go buttons, in findings order (tests tap them)
}

func newFindingsPanel(ed *editor) *findingsPanel {
	return &findingsPanel{ed: ed}
}

func (p *findingsPanel) build() fyne.CanvasObject {
	p.counts = widget.NewLabel("")
	p.counts.Wrapping = fyne.TextWrapWord
	p.list = container.NewVBox()
	head := container.NewVBox(widget.NewLabelWithStyle(tr("findings.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.counts, widget.NewSeparator())
	return container.New(fixedWidth(findingsPanelWidth), container.NewBorder(head, nil, nil, nil, container.NewVScroll(p.list)))
}

// refresh re-reads the editor's findings.
func (p *findingsPanel) refresh() {
	if p.list == nil {
		return
	}
	fs := p.ed.findings
	p.counts.SetText(countsText(fs))
	p.list.Objects = nil
	p.rows = nil
	l := p.ed.Lang()
	for _, f := range fs {
		f := f
		msg := widget.NewLabel(f.Message(l))
		msg.Wrapping = fyne.TextWrapWord
		goBtn := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.ed.Goto(f.Where) })
		p.rows = append(p.rows, goBtn)
		p.list.Add(container.NewBorder(nil, nil, widget.NewIcon(severityIcon(f.Severity)), goBtn, msg))
	}
	if len(fs) == 0 {
		none := widget.NewLabel(tr("findings.none"))
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
