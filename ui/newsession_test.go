package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// selectTemplate picks a template by id in the new-session form.
func selectTemplate(t *testing.T, f *newSessionForm, id string) {
	t.Helper()
	for i, x := range f.ids {
		if x == id {
			f.template.SetSelectedIndex(i)
			return
		}
	}
	t.Fatalf("no template %q", id)
}

// templateTitleIn is a template's title in l, as workshop.Templates gives it.
func templateTitleIn(t *testing.T, id string, l workshop.Lang) string {
	t.Helper()
	for _, x := range workshop.Templates() {
		if x.ID == id {
			return x.Title[l]
		}
	}
	t.Fatalf("no template %q", id)
	return ""
}

// Choosing a template fills the title with the template's title in the
// chosen charter language (and follows a change of language); the blank
// template keeps Create disabled without a title, with a message under the
// field once the person has typed; a title the person typed is never
// replaced.
func TestNewSessionTitleFollowsTemplate(t *testing.T) {
	env := newTestEnv(t)
	f := env.UI.home.newForm()
	f.dialog.Show()
	defer f.dialog.Hide()

	// Blank first: no title yet, so Create is off, without an error before
	// anything is typed (issue 9 minor); typing then emptying the title
	// shows the message.
	if f.templateID() != workshop.BlankTemplate || f.title.Text != "" {
		t.Fatalf("start: template %q, title %q", f.templateID(), f.title.Text)
	}
	if txt := renderedText(env.Win); strings.Contains(txt, "A blank charter needs a title") {
		t.Errorf("an error shows before anything is typed:\n%s", txt)
	}
	if !createDisabled(env) {
		t.Error("Create is enabled for a blank charter without title")
	}
	test.Type(f.title, "x")
	f.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if txt := renderedText(env.Win); !strings.Contains(txt, "A blank charter needs a title") {
		t.Errorf("no inline message for a blank charter whose title was emptied:\n%s", txt)
	}

	selectTemplate(t, f, "net-retention")
	if want := templateTitleIn(t, "net-retention", workshop.EN); f.title.Text != want || want == "" {
		t.Errorf("title after choosing net-retention = %q, want %q", f.title.Text, want)
	}
	if createDisabled(env) {
		t.Error("Create stays disabled with a template chosen")
	}
	if txt := renderedText(env.Win); strings.Contains(txt, "A blank charter needs a title") {
		t.Errorf("the message stays with a template chosen:\n%s", txt)
	}
	f.lang.SetSelected("French")
	if want := templateTitleIn(t, "net-retention", workshop.FR); f.title.Text != want {
		t.Errorf("title after switching the charter to French = %q, want %q", f.title.Text, want)
	}

	// Back to blank: the template's title goes, the message comes back.
	selectTemplate(t, f, workshop.BlankTemplate)
	if f.title.Text != "" || !createDisabled(env) {
		t.Errorf("blank again: title %q, Create disabled %v", f.title.Text, createDisabled(env))
	}

	// Typed titles stay whatever the template.
	test.Type(f.title, "Sales & CS 2027")
	if createDisabled(env) {
		t.Error("Create disabled with a typed title")
	}
	selectTemplate(t, f, "abm-pipeline")
	if f.title.Text != "Sales & CS 2027" {
		t.Errorf("the typed title was replaced by %q", f.title.Text)
	}

	// Created with the template's title in the charter language.
	f.title.SetText("")
	selectTemplate(t, f, "sales-cycle")
	f.dialog.Submit()
	env.UI.Wait()
	list, err := env.Store.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("store list = %v, %v", list, err)
	}
	c := env.stored(t, list[0].ID).Current().Charter
	if want := templateTitleIn(t, "sales-cycle", workshop.FR); c.Title != want || c.Lang != workshop.FR {
		t.Errorf("created %q in %s, want %q in fr", c.Title, c.Lang, want)
	}
}

// createDisabled reports whether the dialog's Create button is disabled.
func createDisabled(env *testEnv) bool {
	for _, o := range test.LaidOutObjects(env.Win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Create" {
			return b.Disabled()
		}
	}
	panic("no Create button in the dialog")
}

// TestNewSessionTitleHasTheFocus_Issue9: the new-session form opens with
// the title field focused.
func TestNewSessionTitleHasTheFocus_Issue9(t *testing.T) {
	env := newTestEnv(t)
	env.UI.home.onNew()
	f, ok := env.Win.Canvas().Focused().(*widget.Entry)
	if !ok || f.PlaceHolder != tr("new.title.placeholder") {
		t.Fatalf("focused: %T, want the title field", env.Win.Canvas().Focused())
	}
}

// TestNewSessionNoErrorBeforeTyping_Issue9: the dialog opens without an
// error; Enter on an empty title of a blank charter says why nothing
// happens.
func TestNewSessionNoErrorBeforeTyping_Issue9(t *testing.T) {
	env := newTestEnv(t)
	env.UI.home.onNew()
	if txt := renderedText(env.Win); strings.Contains(txt, tr("new.title.required")) {
		t.Errorf("an error shows when the dialog opens:\n%s", txt)
	}
	if !createDisabled(env) {
		t.Error("Create is enabled without a title")
	}
	f, ok := env.Win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("focused: %T", env.Win.Canvas().Focused())
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if txt := renderedText(env.Win); !strings.Contains(txt, tr("new.title.required")) {
		t.Errorf("Enter on an empty title says nothing:\n%s", txt)
	}
	if list, _ := env.Store.List(); len(list) != 0 {
		t.Errorf("a session was created without a title: %v", list)
	}
}
