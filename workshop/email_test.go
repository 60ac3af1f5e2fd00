package workshop

import (
	"strings"
	"testing"
)

func TestValidEmail_Issue7_10(t *testing.T) {
	good := []string{"amelie@example.com", " bruno.oehler+crm@sub.example.fr ", "zoé@exemple.fr", "a@b.co", "x_y-z@ex-ample.org"}
	bad := []string{"", "amelie", "@example.com", "amelie@", "amelie@example", "a@@example.com", "a@b@example.com",
		"a@example.com\r\nATTENDEE;ROLE=CHAIR:mailto:evil@x.com", "a b@example.com", "a@exa\x00mple.com", "a\x1b[2J@example.com",
		"a@example.com;ROLE=CHAIR", "\"a\"@example.com", "a,b@example.com", "<a@example.com>", "a@example..com", ".a@example.com",
		"a@-example.com", "a\u202e@example.com", "a@example.com\u200b", strings.Repeat("a", 65) + "@example.com",
		"a@" + strings.Repeat("b", 250) + ".com", "a@ex\xffample.com", "mailto:a@example.com"}
	for _, e := range good {
		if !ValidEmail(e) {
			t.Errorf("ValidEmail(%q) = false, want true", e)
		}
	}
	for _, e := range bad {
		if ValidEmail(e) {
			t.Errorf("ValidEmail(%q) = true, want false", e)
		}
	}
}

// TestR_PEO_1_EmailFinding_Issue7_10: an e-mail that is not an address is a
// warning naming the participant and showing what was typed with its
// control characters made visible, in both languages; an empty e-mail is
// none; a megabyte of junk never crashes and is cut in the message.
func TestR_PEO_1_EmailFinding_Issue7_10(t *testing.T) {
	c := &Charter{Lang: EN, Participants: []Participant{
		{ID: "p1", Name: "Amélie", Email: "amelie@example.com"},
		{ID: "p2", Name: "Mallory", Email: "m@x.com\r\nATTENDEE;ROLE=CHAIR:mailto:evil@x.com"},
		{ID: "p3", Name: "Chloé"},
		{ID: "p4", Name: "", Email: strings.Repeat("\x00\x1b", 1<<19)},
	}}
	got := withCode(Validate(c), "R-PEO-1")
	if len(got) != 2 {
		t.Fatalf("want 2 R-PEO-1, got %v", got)
	}
	f := got[0]
	if f.Severity != SevWarning || f.Where != (Where{StepSetup, "p2", "email"}) {
		t.Errorf("finding %+v", f)
	}
	en, fr := f.Message(EN), f.Message(FR)
	for _, m := range []string{en, fr} {
		if strings.ContainsAny(m, "\r\n\x00\x1b") || !strings.Contains(m, "Mallory") || !strings.Contains(m, "m@x.com") {
			t.Errorf("message %q", m)
		}
	}
	if !strings.Contains(en, "is not valid") || !strings.Contains(fr, "n’est pas valide") {
		t.Errorf("messages %q / %q", en, fr)
	}
	if m := got[1].Message(EN); len(m) > 600 || !strings.Contains(m, "Participant 4 (unnamed)") || !strings.Contains(m, "…") {
		t.Errorf("message for a megabyte of junk: %.300q", m)
	}
	for _, f := range Validate(c) {
		if f.Code == "R-PEO-1" && f.Severity == SevError {
			t.Error("R-PEO-1 must not block sign-off")
		}
	}
}
