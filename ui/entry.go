package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textEntry is Boussole's text entry: a widget.Entry that keeps the
// cursor's offset in the text itself, so that what is typed is what is
// stored whatever the width of the field.
//
// Fyne 2.7.1 (and 2.8.1) loses the cursor in a word-wrapped entry: the
// word-wrapper drops the space at a wrap point, no row and column exist for
// the offset just after it, the entry clamps its cursor before the space,
// and the next key inserts there ("larégion", "customersuccess"). Our
// offset is the truth: before each key that changes the text, the entry's
// row and column are set so that Fyne's CursorTextOffset gives it (a column
// past the end of its row is allowed there), then Fyne does the edit with
// its own undo history and refresh; our offset then moves by what the key
// did. Keys and clicks that only move the cursor are Fyne's, and the offset
// is read back from it.
//
// Every multi-line field and every entry bound to the charter is one
// (TestArchNoPlainMultiLineEntry).
type textEntry struct {
	widget.Entry

	off   int    // the cursor, in runes into Text
	seen  string // Text when off was last set: another text means someone else changed it
	shift bool   // a Shift key is down: the keys select, Fyne's business

	// editing is set while Fyne handles a key or a shortcut (OnChanged
	// runs inside), and typed is the rune typed then (0 for other keys):
	// the undo history makes one step of a word typed in one field.
	editing bool
	typed   rune
	// bound says the text is the charter's (bindEntry): Ctrl+Z undoes it
	// through the session's history, not the entry's own.
	bound bool
}

// newTextEntry makes a single-line entry.
func newTextEntry() *textEntry {
	e := &textEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// newMultiLineEntry makes a multi-line entry wrapping words.
func newMultiLineEntry() *textEntry {
	e := &textEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false: Tab moves to the next field, even from a multi-line
// one (a tab character in a charter is never what a facilitator meant).
func (e *textEntry) AcceptsTab() bool { return false }

// CursorTextOffset is the cursor's offset in runes: ours, which stays
// right where Fyne's row and column cannot say it.
func (e *textEntry) CursorTextOffset() int {
	e.resync()
	return e.off
}

// SetText replaces the text (clearing the entry's own undo history, as
// Fyne does).
func (e *textEntry) SetText(text string) {
	e.Entry.SetText(text)
	e.adopt()
}

// resync takes Fyne's cursor when the text was changed by something that
// did not go through our methods (its context menu, a SetText on the
// embedded entry, a binding).
func (e *textEntry) resync() {
	if e.Text != e.seen {
		e.adopt()
	}
	if n := utf8.RuneCountInString(e.Text); e.off > n {
		e.off = n
	}
}

// adopt reads the offset back from Fyne's row and column.
func (e *textEntry) adopt() {
	e.off = e.Entry.CursorTextOffset()
	e.seen = e.Text
}

// settle records the offset computed for a key.
func (e *textEntry) settle(off int) {
	e.off = off
	e.seen = e.Text
}

// place sets Fyne's row and column so that its CursorTextOffset is e.off:
// the last row starting at or before the offset, and the column from
// there, past the row's end where the wrapper dropped a space. Fyne tells
// a row's start through CursorTextOffset at column 0; a row after the last
// one starts at 0.
func (e *textEntry) place() {
	row := 0
	for r := 1; ; r++ {
		e.CursorRow, e.CursorColumn = r, 0
		begin := e.Entry.CursorTextOffset()
		if begin == 0 || begin > e.off {
			break
		}
		row = r
	}
	e.CursorRow, e.CursorColumn = row, 0
	e.CursorColumn = e.off - e.Entry.CursorTextOffset()
}

// selecting reports whether text is selected: Fyne replaces it, from the
// selection's edge.
func (e *textEntry) selecting() bool { return e.SelectedText() != "" }

// isMoveKey reports whether k moves the cursor (and selects with Shift).
func isMoveKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
		return true
	}
	return false
}

// TypedRune inserts r at our offset.
func (e *textEntry) TypedRune(r rune) {
	if e.Disabled() {
		return
	}
	e.resync()
	e.editing, e.typed = true, r
	defer func() { e.editing, e.typed = false, 0 }()
	if e.selecting() {
		e.Entry.TypedRune(r)
		e.adopt()
		return
	}
	e.place()
	before := e.Text
	e.Entry.TypedRune(r)
	if e.Text != before {
		e.settle(e.off + 1)
	}
}

// TypedKey edits or moves at our offset.
func (e *textEntry) TypedKey(k *fyne.KeyEvent) {
	if e.Disabled() {
		return
	}
	e.resync()
	e.editing = true
	defer func() { e.editing = false }()
	if e.selecting() || e.shift && isMoveKey(k.Name) {
		e.Entry.TypedKey(k)
		e.adopt()
		return
	}
	before, off := e.Text, e.off
	n := utf8.RuneCountInString(before)
	e.place()
	e.Entry.TypedKey(k)
	changed := e.Text != before
	switch k.Name {
	case fyne.KeyBackspace:
		if changed {
			e.settle(off - 1)
		}
	case fyne.KeyDelete:
		e.settle(off)
	case fyne.KeyReturn, fyne.KeyEnter:
		if changed {
			e.settle(off + 1)
		} else {
			e.settle(off)
		}
	case fyne.KeyLeft:
		e.settle(max(off-1, 0))
	case fyne.KeyRight:
		e.settle(min(off+1, n))
	default: // up, down, home, end, page up/down: Fyne's rows
		e.adopt()
	}
}

// KeyDown notes Shift, which makes the arrow keys select.
func (e *textEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp notes Shift's release.
func (e *textEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// FocusLost forgets Shift (its release may go to another widget).
func (e *textEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}

// TypedShortcut pastes at our offset; the other shortcuts are Fyne's and
// the offset is read back. Ctrl+Shift+Z (redo, which a menu item cannot
// carry besides Ctrl+Y) goes to the window.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if isRedoAlt(s) {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			if sc, ok := c.(fyne.Shortcutable); ok {
				sc.TypedShortcut(s)
			}
		}
		return
	}
	e.resync()
	e.editing = true
	defer func() { e.editing = false }()
	switch s.(type) {
	case *fyne.ShortcutCopy:
		e.Entry.TypedShortcut(s)
		return
	case *fyne.ShortcutPaste:
		if !e.selecting() && !e.Disabled() {
			before, off := e.Text, e.off
			e.place()
			e.Entry.TypedShortcut(s)
			e.settle(off + utf8.RuneCountInString(e.Text) - utf8.RuneCountInString(before))
			return
		}
	}
	if !e.selecting() {
		e.place()
	}
	e.Entry.TypedShortcut(s)
	e.adopt()
}

// Undo undoes the entry's own last change (its history since the text was
// last set), keeping our offset in step.
func (e *textEntry) Undo() {
	e.Entry.Undo()
	e.adopt()
}

// Redo redoes what Undo undid.
func (e *textEntry) Redo() {
	e.Entry.Redo()
	e.adopt()
}

// The pointer places the cursor through Fyne's rows: read it back after.

func (e *textEntry) MouseDown(m *desktop.MouseEvent) { e.Entry.MouseDown(m); e.adopt() }
func (e *textEntry) MouseUp(m *desktop.MouseEvent)   { e.Entry.MouseUp(m); e.adopt() }
func (e *textEntry) Tapped(p *fyne.PointEvent)       { e.Entry.Tapped(p); e.adopt() }
func (e *textEntry) DoubleTapped(p *fyne.PointEvent) { e.Entry.DoubleTapped(p); e.adopt() }
func (e *textEntry) Dragged(d *fyne.DragEvent)       { e.Entry.Dragged(d); e.adopt() }
func (e *textEntry) DragEnd()                        { e.Entry.DragEnd(); e.adopt() }

// isRedoAlt reports whether s is Ctrl+Shift+Z (Cmd+Shift+Z on macOS).
func isRedoAlt(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	return ok && cs.KeyName == fyne.KeyZ && cs.Modifier == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift
}
