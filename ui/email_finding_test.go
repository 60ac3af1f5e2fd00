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

// TestICSExportBlockedByABadEmailSaysWhy_Issue7_10: exporting the calendar
// of a charter whose participant e-mail is not an address is stopped
// before any file is asked for, with a sentence in the interface language
// naming the finding to correct (the calendar writer refuses it too, in
// English, for the command line).
func TestICSExportBlockedByABadEmailSaysWhy_Issue7_10(t *testing.T) {
	s := blankSessionA(t, "Ana")
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)
	test.Type(st.rows[0].email.Entry, "ana@example.com\r\nATTENDEE:mailto:eve@evil.example")
	ed.saver.flush()

	rv := stepA[*reviewStep](t, ed, workshop.StepReview)
	rv.onICS()
	text := renderedText(env.Win)
	if !strings.Contains(text, "keeps the calendar from being exported") || !strings.Contains(text, "the e-mail address") {
		t.Fatalf("no explanation of the refused calendar export:\n%s", text)
	}
	if strings.Contains(text, "Save") && strings.Contains(text, ".ics") {
		t.Errorf("a file was asked for although the export cannot succeed:\n%s", text)
	}
}
