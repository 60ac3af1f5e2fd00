package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

func openReview(t *testing.T, s *workshop.Session) (*editor, *testEnv, *reviewStep) {
	ed, env := newTestEditor(t, s)
	ed.Goto(workshop.Where{Step: workshop.StepReview})
	r, ok := ed.steps[ed.current].(*reviewStep)
	if !ok || ed.currentStep() != workshop.StepReview {
		t.Fatalf("the review step is not shown (current %q)", ed.currentStep())
	}
	return ed, env, r
}

// Sign as each approver through the dialog → the store says signed, the
// banner and seal show; an edit of the signed charter is refused and the
// store is unchanged; amend with a reason → revision 2 draft.
func TestRSIGN_SignFreezeAmend(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	if workshop.HasErrors(workshop.Validate(&s.Current().Charter)) {
		t.Fatalf("template has errors: %v", workshop.Validate(&s.Current().Charter))
	}
	ed, env, r := openReview(t, s)
	approvers := workshop.Approvers(ed.Charter())
	if len(approvers) == 0 {
		t.Fatal("template without approvers")
	}
	if r.signBtn.Disabled() {
		t.Fatal("Sign disabled on a charter without errors")
	}
	for i, p := range approvers {
		f := r.signForm()
		if f.approver.Selected != p.Name {
			t.Fatalf("sign dialog proposes %q, want the first pending %q", f.approver.Selected, p.Name)
		}
		test.Type(f.text, "ok "+p.Name)
		f.dialog.Submit()
		got := env.stored(t, s.ID).Current()
		if len(got.Signatures) != i+1 {
			t.Fatalf("after %s signed the store holds %d signatures", p.Name, len(got.Signatures))
		}
	}
	stored := env.stored(t, s.ID)
	cur := stored.Current()
	if cur.Status != workshop.StatusSigned || cur.Seal == "" || stored.Summary().Status != "signed" {
		t.Fatalf("after every approver: status %s seal %q", cur.Status, cur.Seal)
	}
	if r.banner.Hidden || !strings.Contains(r.seal.Text, cur.Seal) {
		t.Error("the signed banner with the seal is not shown")
	}
	if !ed.ReadOnly() {
		t.Error("editor not read-only after signature")
	}

	// Editing the signed charter is refused, the person is told, nothing stored changes.
	before := env.stored(t, s.ID).Updated
	if ed.Edit(func(c *workshop.Charter) { c.Title = "changed" }) {
		t.Fatal("edit of a signed charter accepted")
	}
	if !strings.Contains(renderedText(env.Win), "This revision is signed") {
		t.Error("no message telling the charter is signed")
	}
	after := env.stored(t, s.ID)
	if after.Current().Charter.Title == "changed" || !after.Updated.Equal(before) {
		t.Error("the store changed after a refused edit")
	}

	// Amend: reason required, then revision 2 as a draft.
	af := r.amendForm()
	if af.reason.Validate() == nil {
		t.Error("amend accepted without a reason")
	}
	test.Type(af.reason, "Win rate target raised")
	af.dialog.Submit()
	got := env.stored(t, s.ID)
	if len(got.Revisions) != 2 || got.Current().Number != 2 || got.Current().Status != workshop.StatusDraft || got.Current().AmendReason != "Win rate target raised" {
		t.Fatalf("after amend: %d revisions, current %+v", len(got.Revisions), got.Current().Status)
	}
	if ed.ReadOnly() {
		t.Error("revision 2 is read-only")
	}
	if !ed.Edit(func(c *workshop.Charter) { c.Scope = "amended" }) {
		t.Error("edit of revision 2 refused")
	}
	if rev1, _ := env.stored(t, s.ID).Revision(1); rev1.Charter.Scope == "amended" || !rev1.Frozen() {
		t.Error("revision 1 changed by an edit of revision 2")
	}
	// The revision picker shows revision 1, read-only, with its seal.
	r.revSelect.SetSelectedIndex(0)
	if r.rev().Number != 1 || r.banner.Hidden {
		t.Error("revision 1 not shown by the picker")
	}
}

// Errors block sign-off: the button is disabled with the reason.
func TestRSIGN_ErrorsBlockSignOff(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	s.Current().Charter.KPIs = s.Current().Charter.KPIs[:1] // R-KPI-1
	_, _, r := openReview(t, s)
	if !r.signBtn.Disabled() {
		t.Fatal("Sign enabled with errors")
	}
	if r.blocked.Hidden || !strings.Contains(r.blocked.Text, "sign-off: fix") {
		t.Errorf("no sentence saying errors block sign-off: %q", r.blocked.Text)
	}
}

// Declining needs a reason and is recorded.
func TestRSIGN_DeclineNeedsReason(t *testing.T) {
	s := newTemplateSession(t, "net-retention", workshop.FR)
	ed, env, r := openReview(t, s)
	f := r.declineForm()
	if f.text.Validate() == nil {
		t.Error("decline accepted without a reason")
	}
	test.Type(f.text, "Cible trop basse")
	f.dialog.Submit()
	got := env.stored(t, s.ID).Current()
	if len(got.Declines) != 1 || got.Declines[0].Reason != "Cible trop basse" || got.Status != workshop.StatusDraft {
		t.Fatalf("declines %+v status %s", got.Declines, got.Status)
	}
	_ = ed
}

// Next period from a signed charter creates and opens the next session.
func TestRSIGN_NextPeriodOpensNewSession(t *testing.T) {
	s := newTemplateSession(t, "abm-pipeline", workshop.EN)
	ed, env, r := openReview(t, s)
	for _, p := range workshop.Approvers(ed.Charter()) {
		if !r.sign(p.Name, "") {
			t.Fatalf("sign %s refused", p.Name)
		}
	}
	test.Tap(r.nextBtn)
	env.UI.Wait()
	next := env.UI.editor.sess
	if next.ID == s.ID || next.PreviousID != s.ID || next.Current().Charter.Period.Label != "2027-Q2" {
		t.Fatalf("next session %s previous %s period %s", next.ID, next.PreviousID, next.Current().Charter.Period.Label)
	}
	if _, err := env.Store.Get(next.ID); err != nil {
		t.Fatalf("next session not stored: %v", err)
	}
}
