package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// sessionRow is one row of the home list. A tap selects the session, a
// double tap (double click) opens it, as in a file manager: a facilitator
// who has never seen Boussole double-clicks the session, not the Open button.
type sessionRow struct {
	widget.BaseWidget
	content *fyne.Container
	id      widget.ListItemID
	onTap   func(widget.ListItemID)
	onOpen  func(widget.ListItemID)
}

func newSessionRowWidget(content *fyne.Container, onTap, onOpen func(widget.ListItemID)) *sessionRow {
	r := &sessionRow{content: content, onTap: onTap, onOpen: onOpen}
	r.ExtendBaseWidget(r)
	return r
}

func (r *sessionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

// Tapped selects the row.
func (r *sessionRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.id)
	}
}

// DoubleTapped selects the row and opens its session.
func (r *sessionRow) DoubleTapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.id)
	}
	if r.onOpen != nil {
		r.onOpen(r.id)
	}
}

// sessionList is the home list; Enter or Return opens the session under
// the keyboard focus (after Tab, arrows), like a double click.
type sessionList struct {
	widget.List
	onEnter func()
}

func newSessionList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), onEnter func()) *sessionList {
	l := &sessionList{onEnter: onEnter}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens on Enter; every other key moves or selects as in a list.
func (l *sessionList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // select the focused row
		if l.onEnter != nil {
			l.onEnter()
		}
		return
	}
	l.List.TypedKey(ev)
}
