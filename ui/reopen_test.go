package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// restart builds a second window over the same app (so the same
// preferences) and store, as the next start of Boussole does.
func restart(t *testing.T, env *testEnv) *App {
	t.Helper()
	env.UI.Wait()
	if env.UI.editor != nil {
		if err := env.UI.editor.close(); err != nil {
			t.Fatal(err)
		}
		env.UI.editor = nil
	}
	w := test.NewTempWindow(t, nil)
	a := New(env.App, w, env.UI.d)
	a.Wait()
	t.Cleanup(func() {
		a.Wait()
		if a.editor != nil {
			_ = a.editor.close()
		}
	})
	return a
}

// Issue 9 (reopening): the next start opens the session that was open, at
// the step it showed; after going back home it opens home; a session
// deleted since leaves home shown, with no error.
func TestReopensLastSessionAtItsStep_Issue9(t *testing.T) {
	s := blankSessionA(t, "Ana")
	ed, env := newTestEditor(t, s)
	ed.Goto(workshop.Where{Step: workshop.StepRoles})

	a := restart(t, env)
	if a.editor == nil {
		t.Fatal("the last session was not reopened")
	}
	if a.editor.sess.ID != s.ID || a.editor.currentStep() != workshop.StepRoles {
		t.Errorf("reopened %s at %s, want %s at %s", a.editor.sess.ID, a.editor.currentStep(), s.ID, workshop.StepRoles)
	}
	if id, _ := NewSettings(env.App.Preferences()).LastSession(env.Store.Dir()); id != s.ID {
		t.Errorf("last session %q", id)
	}

	// Another data directory has its own.
	if id, _ := NewSettings(env.App.Preferences()).LastSession(env.Store.Dir() + "-other"); id != "" {
		t.Errorf("another data directory would reopen %q", id)
	}

	// Home shown last: home again.
	a.ShowHome()
	env.UI = a
	b := restart(t, env)
	if b.editor != nil {
		t.Errorf("after going home, the next start opened %s", b.editor.sess.ID)
	}

	// Deleted since: home, quietly, and forgotten.
	env.UI = b
	b.openSession(s.ID)
	b.Wait()
	if b.editor == nil {
		t.Fatal("the session did not open")
	}
	_ = b.editor.close()
	b.editor = nil
	if err := env.Store.Delete(s.ID); err != nil {
		t.Fatal(err)
	}
	c := restart(t, env)
	if c.editor != nil {
		t.Error("a deleted session was reopened")
	}
	if c.win.Canvas().Overlays().Top() != nil {
		t.Error("a deleted session gave an error at start")
	}
	if id, _ := NewSettings(env.App.Preferences()).LastSession(env.Store.Dir()); id != "" {
		t.Errorf("the deleted session is still remembered: %q", id)
	}
}
