package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// Issue 9 (minor): Tab goes from a row's fields to the next row's without
// stopping on the row's delete button; the button still works with the
// mouse, and Edit ▸ Delete the line (Ctrl+Shift+Delete) presses the one of
// the row holding the focus.
func TestTabSkipsRowDeleteButtons_Issue9(t *testing.T) {
	s := blankSessionA(t, "Ana", "Ben", "Chloé")
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)
	if _, ok := any(st.rows[0].remove).(fyne.Focusable); ok {
		t.Fatal("a row's delete button is a tab stop")
	}
	c := env.Win.Canvas()
	// Name, function, e-mail, then the next row's name: three Tabs.
	c.Focus(st.rows[0].name.Entry)
	want := []fyne.Focusable{st.rows[0].function.Select, st.rows[0].email.Entry, st.rows[1].name.Entry}
	for i, w := range want {
		c.FocusNext()
		if c.Focused() != w {
			t.Fatalf("Tab %d from Ana's name focused %T, want %T", i+1, c.Focused(), w)
		}
	}

	// The shortcut deletes the row holding the focus (Ben has no role).
	c.Focus(st.rows[1].email.Entry)
	env.UI.menuRemoveRow()
	ps := env.stored(t, s.ID).Current().Charter.Participants
	if len(ps) != 2 || ps[0].Name != "Ana" || ps[1].Name != "Chloé" {
		t.Fatalf("after the shortcut in Ben's row: %+v", ps)
	}
	// The mouse still deletes.
	test.Tap(st.rows[1].remove)
	if ps := env.stored(t, s.ID).Current().Charter.Participants; len(ps) != 1 || ps[0].Name != "Ana" {
		t.Fatalf("after tapping Chloé's bin: %+v", ps)
	}
	// The Edit menu names the shortcut.
	found := false
	for _, m := range env.Win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == tr("menu.removerow") && it.Shortcut == scRemoveRow {
				found = true
			}
		}
	}
	if !found {
		t.Error("no Edit menu item carries the delete-the-line shortcut")
	}
}

// Issue 9 (minor): in a list of lines, the shortcut deletes the focused
// line, asking first when it holds text, like its bin.
func TestRemoveLineShortcutInALineList_Issue9(t *testing.T) {
	s := blankSessionA(t)
	s.Current().Charter.Intent.CompanyObjectives = []string{"Grow ARR", "", "Keep churn low"}
	ed, env := newTestEditor(t, s)
	st := stepA[*intentStep](t, ed, workshop.StepIntent)
	c := env.Win.Canvas()

	c.Focus(st.company.Entries[1])
	env.UI.menuRemoveRow()
	if got := env.stored(t, s.ID).Current().Charter.Intent.CompanyObjectives; len(got) != 2 {
		t.Fatalf("empty line not removed: %q", got)
	}
	c.Focus(st.company.Entries[1])
	env.UI.menuRemoveRow()
	if env.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("a line with text is removed without asking")
	}
	tapButton(t, env.Win, tr("field.remove"))
	if got := env.stored(t, s.ID).Current().Charter.Intent.CompanyObjectives; len(got) != 1 || got[0] != "Grow ARR" {
		t.Fatalf("after confirming: %q", got)
	}
	// Focus outside any row: nothing happens.
	c.Focus(st.company.Entries[0])
	c.Unfocus()
	env.UI.menuRemoveRow()
	if got := env.stored(t, s.ID).Current().Charter.Intent.CompanyObjectives; len(got) != 1 {
		t.Fatalf("the shortcut without focus removed something: %q", got)
	}
}

// Issue 9 (minor): in a group of idea cards, the shortcut deletes the card
// holding the focus, never its group nor a neighbour.
func TestRemoveRowShortcutDeletesTheFocusedCard_Issue9(t *testing.T) {
	s := blankSessionA(t, "Ana")
	s.Board.Groups = []workshop.Group{{ID: "g1", Name: "Pipeline"}}
	s.Board.Cards = []workshop.Card{
		{ID: "a", Kind: workshop.CardObjective, Text: "A", GroupID: "g1"},
		{ID: "b", Kind: workshop.CardObjective, Text: "B", GroupID: "g1"},
	}
	ed, env := newTestEditor(t, s)
	st := stepA[*ideasStep](t, ed, workshop.StepIdeas)
	env.Win.Canvas().Focus(st.Rows["b"].Group)
	env.UI.menuRemoveRow()
	b := env.stored(t, s.ID).Board
	if len(b.Cards) != 1 || b.Cards[0].ID != "a" || len(b.Groups) != 1 {
		t.Errorf("after the shortcut on card B: cards %+v, groups %+v", b.Cards, b.Groups)
	}
}
