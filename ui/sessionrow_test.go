package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A double click on a row of the home list opens that session; a single
// tap only selects it.
func TestHomeDoubleTapOpensSession(t *testing.T) {
	env := newTestEnv(t)
	ids := seed(t, env, "First", "Second")
	h := env.UI.home
	row := h.list.CreateItem()
	h.list.UpdateItem(1, row)
	want := h.shown[1].ID
	test.Tap(row.(fyne.Tappable))
	if h.selected != want || env.UI.editor != nil {
		t.Fatalf("tap: selected %q (want %q), editor open %v", h.selected, want, env.UI.editor != nil)
	}
	test.DoubleTap(row.(fyne.DoubleTappable))
	env.UI.Wait()
	if env.UI.editor == nil || env.UI.editor.sess.ID != want {
		t.Fatalf("double tap did not open session %q (seeded %v)", want, ids)
	}
}

// Enter on the focused list opens the focused session.
func TestHomeEnterOpensSession(t *testing.T) {
	env := newTestEnv(t)
	seed(t, env, "First", "Second")
	h := env.UI.home
	h.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	env.UI.Wait()
	if env.UI.editor == nil || env.UI.editor.sess.ID != h.shown[1].ID {
		t.Fatalf("Enter did not open the focused session %q", h.shown[1].Title)
	}
}
