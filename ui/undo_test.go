package ui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"boussole/workshop"
)

func charterJSON(t *testing.T, c *workshop.Charter) string {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestUndoBringsBackADeletedParticipant_Issue9_2: a participant deleted
// with their roles and ritual attendance comes back in place with all of
// them; redo deletes again; the store follows.
func TestUndoBringsBackADeletedParticipant_Issue9_2(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	ed, env := newTestEditor(t, s)
	c := ed.Charter()
	var victim workshop.Participant
	for _, p := range c.Participants {
		roles := 0
		for _, a := range c.Roles {
			if a.ParticipantID == p.ID {
				roles++
			}
		}
		attends := false
		for _, r := range c.Rituals {
			for _, a := range r.Attendees {
				attends = attends || a == p.ID
			}
		}
		if roles > 0 && attends && p.Name != "" {
			victim = p
			break
		}
	}
	if victim.ID == "" {
		t.Fatal("the template has no participant with roles and rituals")
	}
	before := charterJSON(t, c)
	c0 := c.Clone()
	ed.Goto(workshop.Where{Step: workshop.StepSetup})
	st := ed.steps[ed.current].(*setupStep)
	st.onRemoveParticipant(victim.ID)
	tapButton(t, env.Win, tr("field.remove"))
	if participantItems.at(ed.Charter(), victim.ID) != nil {
		t.Fatal("the participant was not removed")
	}
	removed := charterJSON(t, ed.Charter())

	env.UI.menuUndo()
	if got := charterJSON(t, ed.Charter()); got != before {
		t.Fatalf("undo did not bring the charter back:\n got %s\nwant %s", got, before)
	}
	if len(st.rows) != len(ed.Charter().Participants) {
		t.Errorf("the setup step shows %d rows for %d participants", len(st.rows), len(ed.Charter().Participants))
	}
	if got := env.stored(t, s.ID); workshop.Seal(&got.Current().Charter) != workshop.Seal(c0) {
		t.Error("the store does not hold the charter brought back")
	}
	env.UI.menuRedo()
	if got := charterJSON(t, ed.Charter()); got != removed {
		t.Fatal("redo did not remove the participant again")
	}
	env.UI.menuUndo()
	if got := charterJSON(t, ed.Charter()); got != before {
		t.Fatal("a second undo did not bring the participant back")
	}
}

// TestUndoStepsAreTypedWords_Issue9_2: typing in a field bound to the
// charter is undone a word at a time (a word and its space), the focused
// field showing each state; redo brings the words back.
func TestUndoStepsAreTypedWords_Issue9_2(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.FR)
	ed, env := newTestEditor(t, s)
	ed.Goto(workshop.Where{Step: workshop.StepSetup})
	st := ed.steps[ed.current].(*setupStep)
	scope := st.scope.Entry
	original := ed.Charter().Scope
	env.Win.Canvas().Focus(scope)
	scope.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) // to the end
	typeRunes(scope, " équipe élargie ici")
	want := []string{original + " équipe élargie ", original + " équipe ", original + " ", original}
	for _, w := range want {
		env.UI.menuUndo()
		if ed.Charter().Scope != w {
			t.Fatalf("after undo scope = %q, want %q", ed.Charter().Scope, w)
		}
		if scope.Text != w {
			t.Fatalf("after undo the field shows %q, want %q", scope.Text, w)
		}
		if env.Win.Canvas().Focused() != scope {
			t.Fatal("undo took the focus away from the field")
		}
	}
	for i := len(want) - 2; i >= 0; i-- {
		env.UI.menuRedo()
		if ed.Charter().Scope != want[i] {
			t.Fatalf("after redo scope = %q, want %q", ed.Charter().Scope, want[i])
		}
	}
	env.UI.menuRedo()
	if got := ed.Charter().Scope; got != original+" équipe élargie ici" {
		t.Fatalf("after the last redo scope = %q", got)
	}
	// Typing after an undo forgets what could be redone.
	env.UI.menuUndo()
	typeRunes(scope, "X")
	if ed.history.CanRedo() {
		t.Error("redo still possible after a new change")
	}
}

// TestUndoBoardChange_Issue9_2: a card added to the board is undone and
// redone.
func TestUndoBoardChange_Issue9_2(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	ed, env := newTestEditor(t, s)
	n := len(ed.Session().Board.Cards)
	ed.EditBoard(func(b *workshop.Board) {
		b.Cards = append(b.Cards, workshop.Card{ID: "c-new", Kind: workshop.CardKPI, Text: "Nouvelle idée"})
	})
	env.UI.menuUndo()
	if got := len(ed.Session().Board.Cards); got != n {
		t.Fatalf("cards after undo = %d, want %d", got, n)
	}
	env.UI.menuRedo()
	if got := len(ed.Session().Board.Cards); got != n+1 {
		t.Fatalf("cards after redo = %d, want %d", got, n+1)
	}
}

// TestUndoInAFieldWithItsOwnHistory_Issue9_2: in a field whose text is not
// yet the charter's (the decision log's new entry), Ctrl+Z undoes the
// typing there and leaves the charter's history alone.
func TestUndoInAFieldWithItsOwnHistory_Issue9_2(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	ed, env := newTestEditor(t, s)
	ed.Edit(func(c *workshop.Charter) { c.Scope = "changed" })
	ed.Goto(workshop.Where{Step: workshop.StepLog})
	st := ed.steps[ed.current].(*logStep)
	env.Win.Canvas().Focus(st.Text)
	typeRunes(st.Text, "hello")
	env.UI.menuUndo()
	if st.Text.Text == "hello" {
		t.Fatal("Ctrl+Z did not undo the typing in the focused field")
	}
	if ed.Charter().Scope != "changed" {
		t.Fatal("Ctrl+Z in a field with its own history undid the charter")
	}
	env.Win.Canvas().Unfocus()
	env.UI.menuUndo()
	if ed.Charter().Scope == "changed" {
		t.Fatal("without a focused field Ctrl+Z did not undo the charter")
	}
}

// TestUndoInSignatureAsks_Issue9_2: an undo that would change a charter
// that approvers began to sign asks first, naming them; declining changes
// nothing; a full sign-off clears the history.
func TestUndoInSignatureAsks_Issue9_2(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	ed, env := newTestEditor(t, s)
	ed.Edit(func(c *workshop.Charter) { c.Scope += " (revised)" })
	approvers := workshop.Approvers(ed.Charter())
	if len(approvers) < 2 {
		t.Fatal("the template needs two approvers")
	}
	now := env.Now
	ed.Act(func(s *workshop.Session, _ time.Time) error { return s.Sign(approvers[0].Name, "", now, testSigner) })
	signed := charterJSON(t, ed.Charter())
	env.UI.menuUndo()
	if !strings.Contains(renderedText(env.Win), approvers[0].Name) {
		t.Fatalf("the confirmation does not name %s:\n%s", approvers[0].Name, renderedText(env.Win))
	}
	tapButton(t, env.Win, tr("field.cancel"))
	if charterJSON(t, ed.Charter()) != signed || len(ed.Session().Current().Signatures) != 1 {
		t.Fatal("declining the undo changed the charter or the signatures")
	}
	env.UI.menuUndo()
	tapButton(t, env.Win, tr("undo.signatures.confirm"))
	if strings.HasSuffix(ed.Charter().Scope, "(revised)") {
		t.Fatal("confirming did not undo")
	}
	if n := len(ed.Session().Current().Signatures); n != 0 {
		t.Fatalf("signatures after undoing a signed change = %d", n)
	}
	env.UI.menuRedo() // no signature left: no question
	if !strings.HasSuffix(ed.Charter().Scope, "(revised)") {
		t.Fatal("redo did not bring the change back")
	}
}

// TestUndoClearedAtSignOff_Issue9_2: once every approver signed, nothing
// is left to undo (the content is sealed).
func TestUndoClearedAtSignOff_Issue9_2(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	ed, env := newTestEditor(t, s)
	ed.Edit(func(c *workshop.Charter) { c.Scope += "." })
	if !ed.history.CanUndo() {
		t.Fatal("nothing to undo after an edit")
	}
	for _, p := range workshop.Approvers(ed.Charter()) {
		ed.Act(func(s *workshop.Session, _ time.Time) error { return s.Sign(p.Name, "", env.Now, testSigner) })
	}
	if !ed.ReadOnly() {
		t.Fatal("not signed")
	}
	if ed.history.CanUndo() || !env.UI.undoItem.Disabled {
		t.Fatal("the history was not cleared at sign-off")
	}
}
