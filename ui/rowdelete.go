package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A row's delete button (a list line, a participant, a side effect, a
// card…) is no tab stop: Tab goes from one field to the next without
// landing on a bin between them (issue 9 minor). It stays a button for the
// mouse, and Edit ▸ Delete the line (Ctrl+Shift+Delete) presses the one of
// the row holding the focus.

// scRemoveRow deletes the line holding the focus.
var scRemoveRow = &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// noTabStop declares the focus methods of a button a second time at the
// same depth: Go then promotes neither, so the button is not a
// fyne.Focusable and the focus manager passes it by.
type noTabStop struct{}

func (noTabStop) FocusGained()            {}
func (noTabStop) FocusLost()              {}
func (noTabStop) TypedRune(rune)          {}
func (noTabStop) TypedKey(*fyne.KeyEvent) {}

// rowDeleteButton is a row's bin: a button the mouse presses and Tab
// skips.
type rowDeleteButton struct {
	widget.Button
	noTabStop
}

// newRowDelete makes a row's delete button running onTap.
func newRowDelete(onTap func()) *rowDeleteButton {
	b := &rowDeleteButton{}
	b.Icon = theme.DeleteIcon()
	b.OnTapped = onTap
	b.ExtendBaseWidget(b)
	return b
}

// removeFocusedRow presses the delete button of the innermost row of root
// that holds focused: the nearest container, going out from focused, with
// a visible, enabled row delete button among its own objects. False when
// focused is in no such row.
func removeFocusedRow(root fyne.CanvasObject, focused fyne.Focusable) bool {
	obj, ok := focused.(fyne.CanvasObject)
	if root == nil || !ok {
		return false
	}
	var path []fyne.CanvasObject
	var find func(o fyne.CanvasObject) bool
	find = func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() {
			return false
		}
		path = append(path, o)
		if o == obj {
			return true
		}
		for _, child := range childrenOf(o) {
			if find(child) {
				return true
			}
		}
		path = path[:len(path)-1]
		return false
	}
	if !find(root) {
		return false
	}
	for i := len(path) - 1; i >= 0; i-- {
		c, ok := path[i].(*fyne.Container)
		if !ok {
			continue
		}
		for _, child := range c.Objects {
			if b, ok := child.(*rowDeleteButton); ok && b.Visible() && !b.Disabled() {
				b.Tapped(&fyne.PointEvent{})
				return true
			}
			// The bin may sit in a small box of the row's actions.
			if box, ok := child.(*fyne.Container); ok && box != path[min(i+1, len(path)-1)] {
				for _, x := range box.Objects {
					if b, ok := x.(*rowDeleteButton); ok && b.Visible() && !b.Disabled() {
						b.Tapped(&fyne.PointEvent{})
						return true
					}
				}
			}
		}
	}
	return false
}

// childrenOf lists what o shows, for the containers a step is laid out
// with: a box's objects, a scroll's content, a split's two sides.
func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case *container.Scroll:
		return []fyne.CanvasObject{x.Content}
	case *container.Split:
		return []fyne.CanvasObject{x.Leading, x.Trailing}
	}
	return nil
}

// menuRemoveRow is Edit ▸ Delete the line.
func (a *App) menuRemoveRow() {
	if a.editor == nil || a.editor.ReadOnly() {
		return
	}
	removeFocusedRow(a.win.Content(), a.win.Canvas().Focused())
}
