package ui

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// TestEditDuringSignOffAsks_Issue11_6: on a real store, once an approver
// signed (through the review step, with the installation key), typing in a
// field asks first, naming the signature it would withdraw; cancel leaves
// the charter, the signature and the store as they were; confirm withdraws
// it and writes the withdrawal in the decision log.
func TestEditDuringSignOffAsks_Issue11_6(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	ed, env, r := openReview(t, s)
	approvers := workshop.Approvers(ed.Charter())
	f := r.signForm()
	test.Type(f.text, "fine")
	f.dialog.Submit()
	stored := env.stored(t, s.ID).Current()
	if len(stored.Signatures) != 1 {
		t.Fatalf("%d signatures stored", len(stored.Signatures))
	}
	sg := stored.Signatures[0]
	if err := sg.Verify(stored.Number); err != nil || !bytes.Equal(sg.PublicKey, testSigner.PublicDER) {
		t.Fatalf("the signature is not made with the installation key: %v", err)
	}
	text := renderedText(env.Win)
	if !strings.Contains(text, testSigner.Fingerprint) || !strings.Contains(text, "not each approver's identity") || strings.Contains(text, "another computer") {
		t.Errorf("the review step does not say what the key proves:\n%s", text)
	}

	ed.Goto(workshop.Where{Step: workshop.StepSetup})
	st := ed.steps[ed.current].(*setupStep)
	title := ed.Charter().Title
	before := env.stored(t, s.ID)
	test.Type(st.title.Entry, "X")
	if !strings.Contains(renderedText(env.Win), approvers[0].Name+" signed") {
		t.Fatalf("no question naming %s:\n%s", approvers[0].Name, renderedText(env.Win))
	}
	tapButton(t, env.Win, tr("field.cancel"))
	after := env.stored(t, s.ID)
	if ed.Charter().Title != title || len(ed.Session().Current().Signatures) != 1 ||
		after.Current().Charter.Title != title || len(after.Current().Signatures) != 1 || !after.Updated.Equal(before.Updated) {
		t.Fatal("cancelling changed the charter, the signature or the store")
	}
	if st.title.Entry.Text != title {
		t.Errorf("the field shows %q after cancel, want %q", st.title.Entry.Text, title)
	}

	test.Type(st.title.Entry, "X")
	tapButton(t, env.Win, tr("undo.signatures.confirm"))
	got := env.stored(t, s.ID).Current()
	if len(got.Signatures) != 0 || got.Charter.Title == title {
		t.Fatalf("after confirming: %d signatures, title %q", len(got.Signatures), got.Charter.Title)
	}
	log := got.Charter.Decisions[len(got.Charter.Decisions)-1]
	if want := "Signatures withdrawn: " + approvers[0].Name + ". Reason: charter changed."; log.Text != want || log.Type != workshop.DecisionDecision {
		t.Errorf("decision log entry %+v, want %q", log, want)
	}
	// No signature left: the next key goes through without a question.
	test.Type(st.title.Entry, "Y")
	if top := env.Win.Canvas().Overlays().Top(); top != nil {
		t.Error("a question with no signature to withdraw")
	}
	if c := env.stored(t, s.ID).Current().Charter.Title; !strings.Contains(c, "Y") {
		t.Errorf("title %q", c)
	}
}

// TestAboutShowsKeyFingerprint_Issue11_1: About names the installation key
// by its fingerprint, and says when none is made yet.
func TestAboutShowsKeyFingerprint_Issue11_1(t *testing.T) {
	env := newTestEnv(t)
	env.UI.showAbout()
	if got := env.UI.aboutKey.Text; got != "Installation key: "+testSigner.Fingerprint {
		t.Errorf("About says %q", got)
	}
}

// Signatures from another computer, from an earlier version and imported
// unverified are said so in the review step.
func TestReviewSaysWhereSignaturesWereMade_Issue11_2(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	approvers := workshop.Approvers(&s.Current().Charter)
	other := newTestKey()
	if err := s.Sign(approvers[0].Name, "", s.Created, other); err != nil {
		t.Fatal(err)
	}
	if err := s.Sign(approvers[1].Name, "", s.Created, testSigner); err != nil {
		t.Fatal(err)
	}
	cur := s.Current()
	cur.Signatures[1].KeySig, cur.Signatures[1].PublicKey = nil, nil // made before keys
	_, env, _ := openReview(t, s)
	text := renderedText(env.Win)
	for _, w := range []string{"signed on another computer — key " + workshop.ShortFingerprint(other.PublicDER), "unsigned (made with an earlier version)"} {
		if !strings.Contains(text, w) {
			t.Errorf("the review step lacks %q:\n%s", w, text)
		}
	}
}
