package workshop_test

import (
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// Every signature and decline is signed with the installation key over its
// canonical record: it verifies as given, and changing any signed field,
// or reading it on another revision, breaks it. Its trust says whose key
// signed it.
func TestSignedRecords_Issue11_2(t *testing.T) {
	s := lcSession()
	if err := s.Decline("David Petit", "Too soft", lcNow, testSigner); err != nil {
		t.Fatal(err)
	}
	if err := s.Sign("Chloé Durand", "Fine", lcNow.Add(time.Hour), testSigner); err != nil {
		t.Fatal(err)
	}
	r := s.Current()
	sg, d := r.Signatures[0], r.Declines[0]
	if err := sg.Verify(1); err != nil {
		t.Fatalf("signature: %v", err)
	}
	if err := d.Verify(1); err != nil {
		t.Fatalf("decline: %v", err)
	}
	if d.Seal != workshop.Seal(&r.Charter) {
		t.Errorf("the decline names seal %q", d.Seal)
	}
	own := testSigner.PublicKeyDER()
	if got := r.SignatureTrust(&sg, own); got != workshop.TrustThisComputer {
		t.Errorf("own key: trust %q", got)
	}
	if got := r.SignatureTrust(&sg, workshop.OtherSigner.PublicKeyDER()); got != workshop.TrustOtherComputer {
		t.Errorf("another installation reading it: trust %q", got)
	}
	if got := r.DeclineTrust(&d, own); got != workshop.TrustThisComputer {
		t.Errorf("decline: trust %q", got)
	}
	alter := map[string]func(x *workshop.Signature){
		"name":        func(x *workshop.Signature) { x.Name = "Chloé Durant" },
		"participant": func(x *workshop.Signature) { x.ParticipantID = "p-david" },
		"time":        func(x *workshop.Signature) { x.At = x.At.Add(time.Nanosecond) },
		"comment":     func(x *workshop.Signature) { x.Comment += " " },
		"seal":        func(x *workshop.Signature) { x.Seal = strings.Repeat("0", 64) },
		"key":         func(x *workshop.Signature) { x.PublicKey = workshop.OtherSigner.PublicKeyDER() },
		"signature":   func(x *workshop.Signature) { x.KeySig = append([]byte{}, x.KeySig...); x.KeySig[10] ^= 1 },
	}
	for what, fn := range alter {
		x := sg
		fn(&x)
		if x.Verify(1) == nil {
			t.Errorf("altered %s: still verifies", what)
		}
		if got := r.SignatureTrust(&x, own); got != workshop.TrustInvalid {
			t.Errorf("altered %s: trust %q", what, got)
		}
	}
	if sg.Verify(2) == nil {
		t.Error("the record verifies as a record of revision 2")
	}
	// The time is signed as an instant: its zone does not matter.
	paris := sg
	paris.At = sg.At.In(time.FixedZone("CET", 3600))
	if err := paris.Verify(1); err != nil {
		t.Errorf("same instant in another zone: %v", err)
	}

	legacy := workshop.Signature{ParticipantID: "p-chloe", Name: "Chloé Durand", At: lcNow, Seal: sg.Seal}
	if got := r.SignatureTrust(&legacy, own); got != workshop.TrustEarlier {
		t.Errorf("record made before keys: trust %q", got)
	}
	legacy.Unverified = true
	if got := r.SignatureTrust(&legacy, own); got != workshop.TrustUnverified {
		t.Errorf("imported without signature: trust %q", got)
	}
}

// No key, no record: a signer that is missing or fails changes nothing.
func TestSignWithoutKeyRefused_Issue11_2(t *testing.T) {
	s := lcSession()
	before := lcJSON(t, s)
	lcKind(t, s.Sign("Chloé Durand", "", lcNow, nil), workshop.KindInternal)
	lcKind(t, s.Decline("Chloé Durand", "no", lcNow, nil), workshop.KindInternal)
	lcKind(t, s.Sign("Chloé Durand", "", lcNow, liar{}), workshop.KindInternal)
	if lcJSON(t, s) != before {
		t.Fatal("a refused sign-off changed the session")
	}
}

// liar gives one key and signs with another.
type liar struct{}

func (liar) PublicKeyDER() []byte { return workshop.OtherSigner.PublicKeyDER() }
func (liar) SignRecord(d []byte) ([]byte, error) {
	return testSigner.SignRecord(d)
}

// An imported session's records: those signed verify (from any key), those
// without a signature become unverified (and lose any key they claim), a
// forged one or one copied from another revision is refused naming the
// revision and the person.
func TestCheckImportedSignatures_Issue11_3(t *testing.T) {
	signedBoth := func() *workshop.Session {
		s := lcSession()
		must(t, s.Sign("Chloé Durand", "", lcNow, workshop.OtherSigner))
		must(t, s.Sign("David Petit", "", lcNow, workshop.OtherSigner))
		must(t, s.Amend("New hire", lcNow))
		return s
	}
	s := signedBoth()
	if err := workshop.CheckImportedSignatures(s); err != nil {
		t.Fatalf("another installation's signatures: %v", err)
	}

	stripped := signedBoth()
	r1 := &stripped.Revisions[0]
	r1.Signatures[0].KeySig = nil
	must(t, workshop.CheckImportedSignatures(stripped))
	if !r1.Signatures[0].Unverified || r1.Signatures[0].PublicKey != nil || r1.Signatures[1].Unverified {
		t.Fatalf("stripped record: %+v", r1.Signatures[0])
	}
	if got := r1.Stage(); got != workshop.StageUnverified {
		t.Errorf("signed revision with an unverified signature: stage %q", got)
	}
	if got := workshop.Label(workshop.EN, r1.Stage()); got != "Signed, unverified" {
		t.Errorf("label %q", got)
	}

	forged := signedBoth()
	forged.Revisions[0].Signatures[1].Comment = "I never agreed"
	err := workshop.CheckImportedSignatures(forged)
	lcKind(t, err, workshop.KindInvalid)
	if m := err.Error(); !strings.Contains(m, "revision 1") || !strings.Contains(m, `"David Petit"`) || !strings.Contains(m, "forged or altered") {
		t.Errorf("forged: %q", m)
	}

	// Revision 2 has revision 1's content: a signature copied over carries
	// the right seal and still names its revision.
	copied := signedBoth()
	r2 := copied.Current()
	r2.Signatures = append(r2.Signatures, copied.Revisions[0].Signatures[0])
	err = workshop.CheckImportedSignatures(copied)
	lcKind(t, err, workshop.KindInvalid)
	if m := err.Error(); !strings.Contains(m, "revision 2") || !strings.Contains(m, `"Chloé Durand"`) || !strings.Contains(m, "copied from revision 1") {
		t.Errorf("copied: %q", m)
	}
}

// An unverified signature is shown, never counted: on a draft the approver
// signs again, which replaces it, and only then is the revision signed.
func TestUnverifiedSignatureNotCounted_Issue11_3(t *testing.T) {
	s := lcSession()
	must(t, s.Sign("Chloé Durand", "", lcNow, testSigner))
	r := s.Current()
	r.Signatures[0].KeySig = nil
	must(t, workshop.CheckImportedSignatures(s))
	if got := r.Stage(); got != string(workshop.StatusDraft) {
		t.Errorf("draft with an unverified signature only: stage %q", got)
	}
	if st := r.ApproverStates(); st[0].Status != workshop.ApproverUnverified {
		t.Fatalf("states %+v", st)
	}
	must(t, s.Sign("David Petit", "", lcNow, testSigner))
	if r.Status == workshop.StatusSigned {
		t.Fatal("signed with one unverified signature")
	}
	must(t, s.Sign("Chloé Durand", "again", lcNow, testSigner))
	if r.Status != workshop.StatusSigned || len(r.Signatures) != 2 {
		t.Fatalf("status %s, %d signatures", r.Status, len(r.Signatures))
	}
	for _, sg := range r.Signatures {
		if err := sg.Verify(1); err != nil || sg.Unverified {
			t.Errorf("%s: %v unverified=%v", sg.Name, err, sg.Unverified)
		}
	}
	must(t, workshop.CheckSignedRevision(r))
}

// An edit while signatures are collected: Withdrawn names them without
// changing anything; Edit drops them and writes the withdrawal in the
// decision log, in the charter's language. An edit that changes nothing
// withdraws nothing.
func TestEditWithdrawsSignaturesLogged_Issue11_6(t *testing.T) {
	for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
		s := lcSession()
		s.Current().Charter.Lang = l
		must(t, s.Sign("Chloé Durand", "", lcNow, testSigner))
		r := s.Current()
		decisions := len(r.Charter.Decisions)
		same := func(c *workshop.Charter) { c.Title = c.Title + "" }
		if w := s.Withdrawn(same); w != nil {
			t.Fatalf("an edit that changes nothing withdraws %v", w)
		}
		change := func(c *workshop.Charter) { c.Title = "Another title" }
		before := lcJSON(t, s)
		w := s.Withdrawn(change)
		if len(w) != 1 || w[0].Name != "Chloé Durand" {
			t.Fatalf("withdrawn = %+v", w)
		}
		if lcJSON(t, s) != before {
			t.Fatal("Withdrawn changed the session")
		}
		must(t, s.Edit(lcNow.Add(time.Hour), same))
		if len(r.Signatures) != 1 || len(r.Charter.Decisions) != decisions {
			t.Fatal("an edit that changes nothing withdrew or logged")
		}
		must(t, s.Edit(lcNow.Add(time.Hour), change))
		if len(r.Signatures) != 0 || len(r.Charter.Decisions) != decisions+1 {
			t.Fatalf("%d signatures, %d decisions", len(r.Signatures), len(r.Charter.Decisions))
		}
		d := r.Charter.Decisions[decisions]
		want := map[workshop.Lang]string{
			workshop.FR: "Signatures retirées : Chloé Durand. Motif : charte modifiée.",
			workshop.EN: "Signatures withdrawn: Chloé Durand. Reason: charter changed.",
		}[l]
		if d.Text != want || d.Type != workshop.DecisionDecision || d.Date != workshop.DateOf(lcNow.Add(time.Hour)) || d.ID == "" {
			t.Errorf("log entry %+v, want text %q", d, want)
		}
		if r.Stage() != string(workshop.StatusDraft) {
			t.Errorf("stage %q", r.Stage())
		}
	}
}

// BenchmarkSignRevision: signing a template revision as each of its two
// approvers with an RSA 2048 installation key (checks, seal, canonical
// record, signature and its check), until the revision is signed.
func BenchmarkSignRevision(b *testing.B) {
	base, err := workshop.FromTemplate("sales-cycle", workshop.EN, "2027-Q1", lcNow)
	if err != nil {
		b.Fatal(err)
	}
	approvers := workshop.Approvers(&base.Current().Charter)
	for b.Loop() {
		s := *base
		s.Revisions = []workshop.Revision{base.Revisions[0]}
		for _, a := range approvers {
			if err := s.Sign(a.Name, "", lcNow, testSigner); err != nil {
				b.Fatal(err)
			}
		}
		if s.Current().Status != workshop.StatusSigned {
			b.Fatal("not signed")
		}
	}
}

// BenchmarkCheckImportedSignatures: what an import adds to check the
// signatures of a signed two-approver revision.
func BenchmarkCheckImportedSignatures(b *testing.B) {
	s, err := workshop.FromTemplate("sales-cycle", workshop.EN, "2027-Q1", lcNow)
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range workshop.Approvers(&s.Current().Charter) {
		if err := s.Sign(a.Name, "", lcNow, testSigner); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if err := workshop.CheckImportedSignatures(s); err != nil {
			b.Fatal(err)
		}
	}
}

// A record carrying a key Boussole does not make (not RSA, too small, too
// large, not a key at all) is refused, saying so.
func TestHostileRecordKeys_Issue11_3(t *testing.T) {
	s := lcSession()
	must(t, s.Sign("Chloé Durand", "", lcNow, testSigner))
	for name, key := range map[string][]byte{
		"garbage":   []byte("not a key"),
		"empty":     nil,
		"ecdsa":     ecdsaKeyDER(t),
		"rsa-1024":  rsaKeyDER(t, 1024),
		"rsa-8192":  rsaKeyDER(t, 8192),
		"truncated": testSigner.PublicKeyDER()[:100],
	} {
		c := lcSession()
		must(t, c.Sign("Chloé Durand", "", lcNow, testSigner))
		c.Current().Signatures[0].PublicKey = key
		err := workshop.CheckImportedSignatures(c)
		lcKind(t, err, workshop.KindInvalid)
		if !strings.Contains(err.Error(), "revision 1: the signature of \"Chloé Durand\"") {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%s: %v", name, err)
	}
}

// A sign-off refused for want of a key leaves even stale signatures in
// place: nothing changes.
func TestSignWithoutKeyChangesNothing_Issue11_2(t *testing.T) {
	s := lcSession()
	must(t, s.Sign("Chloé Durand", "", lcNow, testSigner))
	s.Current().Signatures[0].Seal = strings.Repeat("0", 64) // stale
	before := lcJSON(t, s)
	lcKind(t, s.Sign("David Petit", "", lcNow, nil), workshop.KindInternal)
	if lcJSON(t, s) != before {
		t.Fatal("a refused sign-off dropped the stale signature")
	}
}
