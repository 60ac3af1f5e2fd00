package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// minStepWidth is the width below which the step would scroll sideways
// beside the whole findings panel: the panel then folds to its icon bar
// (issue 9, item 5: a 1024×700 projector with the findings open).
const minStepWidth = 660

// editorSplit lays out the navigator, the step and the findings: the panel
// in full when the step keeps minStepWidth beside it (or the person asked
// for it), else folded to a bar with the counts, whose button unfolds it.
type editorSplit struct {
	nav, body, side, bar fyne.CanvasObject
	pinned               bool // the person unfolded the panel on a narrow window
	folded               bool // the bar shows instead of the panel
}

func (s *editorSplit) MinSize([]fyne.CanvasObject) fyne.Size {
	n, b, bar := s.nav.MinSize(), s.body.MinSize(), s.bar.MinSize()
	w := n.Width + b.Width + bar.Width
	if s.pinned && s.side.Visible() {
		w = n.Width + b.Width + s.side.MinSize().Width
	}
	return fyne.NewSize(w, max(n.Height, b.Height, s.side.MinSize().Height, bar.Height))
}

func (s *editorSplit) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	navW := s.nav.MinSize().Width
	s.nav.Move(fyne.NewPos(0, 0))
	s.nav.Resize(fyne.NewSize(navW, size.Height))
	right := float32(0)
	open := s.side.Visible() || s.bar.Visible()
	fold := open && !s.pinned && size.Width-navW-s.side.MinSize().Width < minStepWidth
	if open {
		s.folded = fold
		show := s.side
		hide := s.bar
		if fold {
			show, hide = s.bar, s.side
		}
		if !show.Visible() {
			show.Show()
		}
		if hide.Visible() {
			hide.Hide()
		}
		right = show.MinSize().Width
		show.Move(fyne.NewPos(size.Width-right, 0))
		show.Resize(fyne.NewSize(right, size.Height))
	}
	s.body.Move(fyne.NewPos(navW, 0))
	s.body.Resize(fyne.NewSize(size.Width-navW-right, size.Height))
}

// findingsBar is the folded findings panel: the counts of errors and
// warnings, one above the other, and a button that unfolds the panel.
type findingsBar struct {
	errs, warns *widget.Label
	unfold      *widget.Button
	box         *fyne.Container
}

func newFindingsBar(unfold func()) *findingsBar {
	b := &findingsBar{errs: widget.NewLabel(""), warns: widget.NewLabel("")}
	b.unfold = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), unfold)
	b.box = container.NewBorder(nil, nil, widget.NewSeparator(), nil,
		container.NewVBox(b.unfold,
			container.NewHBox(widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())), b.errs),
			container.NewHBox(widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), b.warns)))
	return b
}

func (b *findingsBar) refresh(fs []workshop.Finding) {
	errs, warns := 0, 0
	for _, f := range fs {
		switch f.Severity {
		case workshop.SevError:
			errs++
		case workshop.SevWarning:
			warns++
		}
	}
	setLabel(b.errs, fmt.Sprint(errs))
	setLabel(b.warns, fmt.Sprint(warns))
}

// fixedSlot is a layout of one fixed size whose objects, on top of each
// other, are centred at their own minimum size: what shows in turn in it
// never moves its neighbours.
type fixedSlot fyne.Size

func (s fixedSlot) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size(s) }

func (s fixedSlot) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos((size.Width-m.Width)/2, (size.Height-m.Height)/2))
	}
}
