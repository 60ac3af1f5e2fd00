package ui

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boussole/storage"
	"boussole/workshop"
)

// Test helpers shared by every screen's tests (ui-shell, ui-steps-a,
// ui-steps-b). They run the real shell against a real bbolt store in
// t.TempDir():
//
//	env := newTestEnv(t)                       // app + window + store, home shown, English
//	ed := env.openEditor(t, session)           // stores s, opens it in the editor
//	ed.Goto(workshop.Where{Step: workshop.StepKPIs})
//	... test.Type / test.Tap on the step's widgets ...
//	got := env.stored(t, s.ID)                 // waits for the autosave, reads the store
//
// newTemplateSession(t, "sales-cycle", workshop.FR) makes a complete
// template session to start from.

var langOnce sync.Once

// testEnv is a running shell over a real store.
type testEnv struct {
	Store *storage.Store
	App   fyne.App
	Win   fyne.Window
	UI    *App
	Now   time.Time // the clock of Deps.Now
	Dir   string
}

// newTestEnv opens a real store in a temporary directory and builds the
// window with the home screen, in English.
func newTestEnv(t testing.TB) *testEnv {
	t.Helper()
	langOnce.Do(func() { SetupLanguage(LangEN) })
	a := test.NewTempApp(t)
	dir := t.TempDir()
	writeTestKey(t, dir) // the installation key, made once for the package
	st, err := storage.Open(dir, storage.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	env := &testEnv{Store: st, App: a, Dir: dir, Now: time.Date(2027, 1, 12, 10, 0, 0, 0, time.UTC)}
	env.Win = test.NewTempWindow(t, nil)
	env.Win.Resize(fyne.NewSize(1400, 900))
	env.UI = New(a, env.Win, Deps{
		Store:          st,
		Now:            func() time.Time { return env.Now },
		Version:        "test",
		ExportBoussole: storage.Export,
		CharterPDF: func(s *workshop.Session, rev int, paper string) ([]byte, error) {
			return []byte("%PDF-test " + s.ID + " " + paper), nil
		},
		KPICSV:          func(s *workshop.Session, rev int) ([]byte, error) { return []byte("kpi,csv\n"), nil },
		RitualsICS:      func(s *workshop.Session, rev int) ([]byte, error) { return []byte("BEGIN:VCALENDAR\r\n"), nil },
		WriteFileAtomic: func(path string, data []byte) error { return os.WriteFile(path, data, 0o600) },
		OpenFile:        func(string) error { return nil },
		SigningKey: func() (workshop.RecordSigner, string, error) {
			k, notice, err := st.SigningKeyNotice()
			switch {
			case err != nil:
				return nil, "", err
			case notice != nil:
				return k, notice.Fingerprint, nil
			}
			return k, "", nil
		},
		InstallationKey: st.InstallationPublicKey,
	})
	env.UI.Wait()
	t.Cleanup(func() {
		env.UI.Wait()
		if env.UI.editor != nil {
			_ = env.UI.editor.close()
		}
		if err := st.Check(); err != nil {
			t.Errorf("store check: %v", err)
		}
		st.Close()
	})
	return env
}

// openEditor stores s and opens it in the editor; it returns the editor.
func (env *testEnv) openEditor(t testing.TB, s *workshop.Session) *editor {
	t.Helper()
	if err := env.Store.Put(s); err != nil {
		t.Fatalf("put: %v", err)
	}
	env.UI.showEditor(s)
	if env.UI.editor == nil {
		t.Fatal("the editor did not open")
	}
	return env.UI.editor
}

// newTestEditor is newTestEnv + openEditor in one call.
func newTestEditor(t testing.TB, s *workshop.Session) (*editor, *testEnv) {
	env := newTestEnv(t)
	return env.openEditor(t, s), env
}

// stored waits until the autosave has written everything, then reads the
// session back from the store.
func (env *testEnv) stored(t testing.TB, id string) *workshop.Session {
	t.Helper()
	env.UI.Wait()
	s, err := env.Store.Get(id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	return s
}

// newTemplateSession makes a session from a built-in template.
func newTemplateSession(t testing.TB, id string, l workshop.Lang) *workshop.Session {
	t.Helper()
	s, err := workshop.FromTemplate(id, l, "2027-Q1", time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatalf("template %s: %v", id, err)
	}
	return s
}

// waitFor polls cond (which must be safe to call from the test goroutine)
// until it holds or two seconds pass.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// tempFile is a path in a fresh temporary directory.
func tempFile(t testing.TB, name string) string {
	return filepath.Join(t.TempDir(), name)
}

// renderedText is all the text of the window's canvas, overlays (dialogs)
// included.
func renderedText(w fyne.Window) string {
	var b strings.Builder
	walk := func(root fyne.CanvasObject) {
		for _, o := range test.LaidOutObjects(root) {
			if !o.Visible() {
				continue
			}
			switch x := o.(type) {
			case *widget.Label:
				b.WriteString(x.Text + "\n")
			case *widget.Button:
				b.WriteString(x.Text + "\n")
			case *canvas.Text:
				b.WriteString(x.Text + "\n")
			case *widget.RichText:
				b.WriteString(x.String() + "\n")
			}
		}
	}
	walk(w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		walk(o)
	}
	return b.String()
}

// tapButton taps the visible button with that text in the window's top
// overlay (a dialog) or, without overlay, in its content.
func tapButton(t testing.TB, w fyne.Window, text string) {
	t.Helper()
	root := w.Content()
	if top := w.Canvas().Overlays().Top(); top != nil {
		root = top
	}
	var found *widget.Button
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() && found == nil {
			found = b
		}
	}
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(found)
}

// textSetter is an entry the tests retype: Fyne's or ours.
type textSetter interface {
	fyne.Focusable
	SetText(string)
}

// noteShown reports whether a note (newNoteLabel) shows a message: notes
// keep their line when empty, so visibility alone says nothing.
func noteShown(l *widget.Label) bool { return l.Visible() && l.Text != "" }
