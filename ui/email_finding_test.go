package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// TestSetupBadEmailIsAFindingWhenTyped_Issue7_10: an e-mail that is not an
// address, typed in the setup step, shows the R-PEO-1 warning under the
// participant's row, in the window's language; nothing crashes, what was
// typed is kept, and correcting it clears the warning.
func TestSetupBadEmailIsAFindingWhenTyped_Issue7_10(t *testing.T) {
	s := blankSessionA(t, "Ana")
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)

	test.Type(st.rows[0].email.Entry, "ana@example.com;ROLE=CHAIR")
	if got := env.stored(t, s.ID).Current().Charter.Participants[0].Email; got != "ana@example.com;ROLE=CHAIR" {
		t.Errorf("stored e-mail %q: what was typed must be kept", got)
	}
	text := renderedText(env.Win)
	if !strings.Contains(text, "the e-mail address") || !strings.Contains(text, "is not valid") {
		t.Fatalf("no R-PEO-1 warning in the window:\n%s", text)
	}
	retype(st.rows[0].email.Entry, "ana@example.com")
	if text := renderedText(env.Win); strings.Contains(text, "is not valid") {
		t.Errorf("the warning stays after the e-mail was corrected:\n%s", text)
	}
}
