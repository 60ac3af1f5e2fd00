package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// Enter in a participant's name goes to the next name, and after the last
// named participant adds one: names are typed in a row.
func TestSetupEnterInNameAddsTheNextParticipant(t *testing.T) {
	s := blankSessionA(t, "Ana", "Ben")
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)
	st.rows[0].name.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := env.Win.Canvas().Focused(); got != st.rows[1].name.Entry {
		t.Fatalf("Enter in the first name focused %v, want the second name", got)
	}
	st.rows[1].name.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(st.rows) != 3 || env.Win.Canvas().Focused() != st.rows[2].name.Entry {
		t.Fatalf("Enter in the last name: %d rows, focus on the new one %v", len(st.rows), env.Win.Canvas().Focused() == st.rows[2].name.Entry)
	}
	test.Type(st.rows[2].name.Entry, "Chloé")
	st.rows[2].name.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	st.rows[3].name.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // an empty last name adds nothing
	c := env.stored(t, s.ID).Current().Charter
	if len(c.Participants) != 4 || c.Participants[2].Name != "Chloé" || c.Participants[3].Name != "" {
		t.Errorf("participants = %+v", c.Participants)
	}
}
