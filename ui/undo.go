package ui

import (
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"boussole/session"
	"boussole/workshop"
)

// Undo and redo (Edit menu, Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z).
//
// Every change the facilitator makes to the charter or the board goes
// through the editor (Edit, EditBoard, AppendDecision, typed changes), which
// records the state before it in the session's history (session.History):
// a deletion comes back whole, with the roles, KPI ownership and attendance
// that pointed at it. A word typed in one field is one step. Sign-off and a
// new revision clear the history.
//
// Fyne tries the main menu's shortcuts before the focused widget, so Ctrl+Z
// reaches the menu even from an entry. It goes to the focused field's own
// history first when that field keeps one (a dialog's field, the new-entry
// form of the decision log: text not yet in the charter); a field bound to
// the charter has its typing in the session's history, where its last
// word is the last step.

// scRedoAlt is Ctrl+Shift+Z, the other redo: a menu item carries one
// shortcut, so this one is the canvas's (and textEntry forwards it).
var scRedoAlt = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// editMenu is the Edit menu; its items are kept to enable them.
func (a *App) editMenu() *fyne.Menu {
	a.undoItem = fyne.NewMenuItem(tr("menu.undo"), a.menuUndo)
	a.undoItem.Shortcut = &fyne.ShortcutUndo{}
	a.redoItem = fyne.NewMenuItem(tr("menu.redo"), a.menuRedo)
	a.redoItem.Shortcut = &fyne.ShortcutRedo{}
	a.win.Canvas().AddShortcut(scRedoAlt, func(fyne.Shortcut) { a.menuRedo() })
	removeRow := fyne.NewMenuItem(tr("menu.removerow"), a.menuRemoveRow)
	removeRow.Shortcut = scRemoveRow
	return fyne.NewMenu(tr("menu.edit"), a.undoItem, a.redoItem, fyne.NewMenuItemSeparator(), removeRow)
}

// menuUndo undoes in the focused field when it keeps its own history and
// has something to undo, else the session's last step.
func (a *App) menuUndo() {
	if fieldHistory(a.win.Canvas().Focused(), true) {
		return
	}
	if a.editor != nil {
		a.editor.stepHistory(true)
	}
}

// menuRedo is menuUndo's reverse.
func (a *App) menuRedo() {
	if fieldHistory(a.win.Canvas().Focused(), false) {
		return
	}
	if a.editor != nil {
		a.editor.stepHistory(false)
	}
}

// fieldHistory undoes (or redoes) in f when f is an entry that keeps its
// own history (its text is not the charter's); true when its text changed.
func fieldHistory(f fyne.Focusable, undo bool) bool {
	var text func() string
	var do func()
	switch x := f.(type) {
	case *textEntry:
		if x.bound {
			return false
		}
		text, do = func() string { return x.Text }, x.Redo
		if undo {
			do = x.Undo
		}
	case *widget.Entry:
		if x.OnChanged != nil { // may be bound to the charter: the session's history
			return false
		}
		text, do = func() string { return x.Text }, x.Redo
		if undo {
			do = x.Undo
		}
	default:
		return false
	}
	before := text()
	do()
	return text() != before
}

// updateUndoMenu enables the Edit menu's items by what can be done.
func (a *App) updateUndoMenu() {
	if a.undoItem == nil {
		return
	}
	canUndo, canRedo := false, false
	if a.editor != nil {
		canUndo, canRedo = a.editor.history.CanUndo(), a.editor.history.CanRedo()
	}
	if a.undoItem.Disabled == !canUndo && a.redoItem.Disabled == !canRedo {
		return
	}
	a.undoItem.Disabled, a.redoItem.Disabled = !canUndo, !canRedo
	if m := a.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// capture is the state the history keeps.
func (e *editor) capture() session.State { return e.svc.Capture() }

// recorded runs a change of the charter or the board, recording the state
// before it in the history.
func (e *editor) recorded(change func() bool) bool {
	if e.restoring {
		return change()
	}
	field, wordEnd := e.typingField()
	e.history.Before(e.capture, field, wordEnd, e.now())
	ok := change()
	e.history.After(ok, e.capture)
	e.app.updateUndoMenu()
	return ok
}

// typingField is the field being typed in when the change comes from a
// key (nil otherwise, e.g. a button clicked while an entry has the focus),
// and whether the key ends a word.
func (e *editor) typingField() (any, bool) {
	if e.win == nil {
		return nil, false
	}
	switch x := e.win.Canvas().Focused().(type) {
	case *textEntry:
		if !x.editing {
			return nil, false
		}
		return x, x.typed != 0 && unicode.IsSpace(x.typed)
	case *widget.Entry:
		// Fyne's entry does not say when it is typed in: a change that
		// came with a change of its text is taken as typed.
		if x == e.typingObj && x.Text == e.typingText {
			return nil, false
		}
		e.typingObj, e.typingText = x, x.Text
		r, i := []rune(x.Text), x.CursorTextOffset()
		return x, i > 0 && i <= len(r) && unicode.IsSpace(r[i-1])
	}
	return nil, false
}

// afterAct clears the history when an act signed the revision or opened
// another one: what was undoable belongs to content now sealed.
func (e *editor) afterAct(rev int) {
	if cur := e.sess.Current(); cur.Frozen() || cur.Number != rev {
		e.history.Clear()
		e.app.updateUndoMenu()
	}
}

// stepHistory undoes (or redoes) the session's last step. When the step
// would change a charter in signature, it asks first, naming the
// signatures it would withdraw.
func (e *editor) stepHistory(undo bool) {
	next, ok := e.history.NextRedo()
	if undo {
		next, ok = e.history.NextUndo()
	}
	if !ok {
		return
	}
	if e.ReadOnly() {
		showInfo(e.win, "editor.frozen.title", tr("editor.frozen.body"))
		return
	}
	charter, _ := e.svc.Rebase(next)
	cur := e.sess.Current()
	if len(cur.Signatures) == 0 || workshop.Seal(&charter) == workshop.Seal(&cur.Charter) {
		e.restore(next, undo)
		return
	}
	names := make([]string, len(cur.Signatures))
	for i, s := range cur.Signatures {
		names[i] = s.Name
	}
	key := "undo.signatures.body"
	if !undo {
		key = "redo.signatures.body"
	}
	d := dialog.NewConfirm(tr("undo.signatures.title"), tr(key, "Names", strings.Join(names, ", "), "N", len(names)),
		func(yes bool) {
			if !yes {
				return
			}
			// The history may have moved while the dialog was open.
			again, ok := e.history.NextRedo()
			if undo {
				again, ok = e.history.NextUndo()
			}
			if ok && string(again) == string(next) {
				e.restore(next, undo)
			}
		}, e.win)
	d.SetConfirmText(tr("undo.signatures.confirm"))
	d.SetDismissText(tr("field.cancel"))
	d.Show()
}

// restore puts st back into the session, as one change (saved, validated,
// shown), and moves the step to the other stack.
func (e *editor) restore(st session.State, undo bool) {
	// What the room sent since st was captured is replayed onto it: the
	// facilitator's undo never takes back a phone's card or vote.
	charter, board := e.svc.Rebase(st)
	prev := e.capture()
	c := e.win.Canvas()
	focused := c.Focused()
	// A focused field is never overwritten by a refresh (the person is
	// typing): let go of it while the steps re-read the session.
	c.Unfocus()
	e.restoring = true
	ok := e.apply(func(s *workshop.Session, now time.Time) error {
		if workshop.Seal(&charter) != workshop.Seal(&s.Current().Charter) {
			if err := s.Edit(now, func(c *workshop.Charter) { *c = charter }); err != nil {
				return err
			}
		}
		return s.EditBoard(now, func(b *workshop.Board) { *b = board })
	})
	e.restoring = false
	if ok {
		if undo {
			e.history.Undone(prev)
		} else {
			e.history.Redone(prev)
		}
	}
	e.refreshAll()
	if focused != nil && e.current < len(e.built) && holds(e.built[e.current], focused) {
		c.Focus(focused)
	}
	e.app.updateUndoMenu()
}

// holds reports whether obj is in the tree under root.
func holds(root fyne.CanvasObject, obj any) bool {
	found := false
	walkTree(root, func(o fyne.CanvasObject) {
		if any(o) == obj {
			found = true
		}
	})
	return found
}

// walkTree calls fn on root and every object under it (containers and
// scrolls, which is how steps nest).
func walkTree(root fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if root == nil {
		return
	}
	fn(root)
	switch x := root.(type) {
	case *fyne.Container:
		for _, o := range x.Objects {
			walkTree(o, fn)
		}
	case *container.Scroll:
		walkTree(x.Content, fn)
	}
}
