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
//
//lint:ignore U1000 never called: their point is to make the button's own ones ambiguous
type noTabStop struct{}

//lint:ignore U1000 never called: their point is to make the button's own ones ambiguous
func (noTabStop) FocusGained() {}

//lint:ignore U1000 never called: their point is to make the button's own ones ambiguous
func (noTabStop) FocusLost() {}

//lint:ignore U1000 never called: their point is to make the button's own ones ambiguous
func (noTabStop) TypedRune(rune) {}

//lint:ignore U1000 never called: their point is to make the button's own ones ambiguous
func (noTabStop) TypedKey(*fyne.KeyEvent) {}

// rowDeleteButton is a row's bin: a button the mouse presses and Tab
// skips.
type rowDeleteButton struct {
	widget.Button
	//lint:ignore U1000 embedded for its methods' names only (noTabStop)
	noTabStop
	row *fyne.Container // the row it deletes (rowOf)
}

// newRowDelete makes a row's delete button running onTap.
func newRowDelete(onTap func()) *rowDeleteButton {
	b := &rowDeleteButton{}
	b.Icon = theme.DeleteIcon()
	b.OnTapped = onTap
	b.ExtendBaseWidget(b)
	return b
}

// rowOf records row as the row b deletes (the container holding the
// row's fields and b) and returns it. b may be nil (a row that cannot be
// deleted, e.g. signed).
func (b *rowDeleteButton) rowOf(row *fyne.Container) *fyne.Container {
	if b != nil {
		b.row = row
	}
	return row
}

// removeFocusedRow presses the delete button of the innermost row of root
// that holds focused. False when focused is in no row that can be
// deleted.
func removeFocusedRow(root fyne.CanvasObject, focused fyne.Focusable) bool {
	obj, ok := focused.(fyne.CanvasObject)
	if root == nil || !ok {
		return false
	}
	var path []fyne.CanvasObject
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		path = append(path, o)
		if o == obj {
			found = true
			return
		}
		for _, child := range childrenOf(o) {
			walk(child)
			if found {
				break
			}
		}
		if !found {
			path = path[:len(path)-1]
		}
	}
	walk(root)
	if !found {
		return false
	}
	bins := map[fyne.CanvasObject]*rowDeleteButton{}
	walkBins(root, bins)
	for i := len(path) - 1; i >= 0; i-- {
		if b, ok := bins[path[i]]; ok {
			b.Tapped(&fyne.PointEvent{})
			return true
		}
	}
	return false
}

// walkBins records the enabled, visible bins under o by their row.
func walkBins(o fyne.CanvasObject, bins map[fyne.CanvasObject]*rowDeleteButton) {
	if o == nil || !o.Visible() {
		return
	}
	if b, ok := o.(*rowDeleteButton); ok && b.row != nil && !b.Disabled() {
		bins[b.row] = b
	}
	for _, child := range childrenOf(o) {
		walkBins(child, bins)
	}
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
