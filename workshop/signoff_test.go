package workshop_test

import (
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

func TestLifecycleCharter_HasNoErrorFinding(t *testing.T) {
	c := lcCharter()
	for _, f := range workshop.Validate(&c) {
		if f.Severity == workshop.SevError {
			t.Errorf("test charter has error %s at %+v %v", f.Code, f.Where, f.Args)
		}
	}
}

func TestApprovers_ParticipantOrderNoDuplicates(t *testing.T) {
	c := lcCharter()
	// Chloé approves both objectives; an assignment to a removed objective
	// makes nobody an approver.
	c.Roles = append(c.Roles, workshop.Assignment{ParticipantID: "p-bob", ObjectiveID: "o-gone", Role: workshop.RoleApprover})
	var names []string
	for _, p := range workshop.Approvers(&c) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ", "); got != "Chloé Durand, David Petit" {
		t.Errorf("approvers = %q", got)
	}
}

func TestRROLE3_CanSignBlockedByErrors(t *testing.T) {
	c := lcCharter()
	if err := workshop.CanSign(&c); err != nil {
		t.Fatalf("valid charter: %v", err)
	}
	// Without approvers R-ROLE-3 fires on both objectives.
	var roles []workshop.Assignment
	for _, a := range c.Roles {
		if a.Role != workshop.RoleApprover {
			roles = append(roles, a)
		}
	}
	c.Roles = roles
	err := workshop.CanSign(&c)
	lcKind(t, err, workshop.KindForbidden)
	if msg := workshop.Message(err); msg != "the charter cannot be signed: 2 blocking errors remain; see the review step" {
		t.Errorf("message = %q", msg)
	}
}

func TestSign_EachApproverSignsThenSigned(t *testing.T) {
	s := lcSession()
	r := s.Current()
	seal := workshop.Seal(&r.Charter)
	t1, t2 := lcNow.Add(time.Hour), lcNow.Add(2*time.Hour)

	// Case and spacing do not matter.
	if err := s.Sign("  chloé   DURAND ", "Go for it", t1, testSigner); err != nil {
		t.Fatal(err)
	}
	if r.Status != workshop.StatusDraft || r.Seal != "" {
		t.Fatalf("signed after one of two approvers: %q %q", r.Status, r.Seal)
	}
	if got := s.Summary().Status; got != "signing" {
		t.Errorf("summary status = %q, want signing", got)
	}
	if err := s.Sign("David Petit", "", t2, testSigner); err != nil {
		t.Fatal(err)
	}
	if r.Status != workshop.StatusSigned || r.Seal != seal || !r.SignedAt.Equal(t2) || !r.Frozen() {
		t.Fatalf("status %q seal %q signedAt %v", r.Status, r.Seal, r.SignedAt)
	}
	want := []workshop.Signature{
		{ParticipantID: "p-chloe", Name: "Chloé Durand", At: t1, Comment: "Go for it", Seal: seal},
		{ParticipantID: "p-david", Name: "David Petit", At: t2, Seal: seal},
	}
	for i := range want {
		// Each record is signed with the installation key and carries it.
		if i < len(r.Signatures) {
			if err := r.Signatures[i].Verify(r.Number); err != nil {
				t.Errorf("signature %d does not verify: %v", i, err)
			}
			want[i].PublicKey, want[i].KeySig = testSigner.PublicKeyDER(), r.Signatures[i].KeySig
		}
	}
	if lcJSON(t, r.Signatures) != lcJSON(t, want) {
		t.Errorf("signatures = %+v", r.Signatures)
	}
	if got := s.Summary().Status; got != "signed" {
		t.Errorf("summary status = %q", got)
	}
}

func TestSeal_UnchangedBySignature(t *testing.T) {
	s := lcSession()
	before := workshop.Seal(&s.Current().Charter)
	if err := s.Sign("Chloé Durand", "ok", lcNow, testSigner); err != nil {
		t.Fatal(err)
	}
	if after := workshop.Seal(&s.Current().Charter); after != before {
		t.Errorf("seal changed by a signature: %s → %s", before, after)
	}
	if err := s.Sign("David Petit", "ok", lcNow, testSigner); err != nil {
		t.Fatal(err)
	}
	if after := workshop.Seal(&s.Current().Charter); after != before || s.Current().Seal != before {
		t.Errorf("seal changed by the last signature: %s → %s (revision seal %s)", before, after, s.Current().Seal)
	}
}

func TestSeal_AnyContentChangeChangesSeal(t *testing.T) {
	base := lcCharter()
	seal := workshop.Seal(&base)
	changes := map[string]func(c *workshop.Charter){
		"title":             func(c *workshop.Charter) { c.Title += "!" },
		"scope":             func(c *workshop.Charter) { c.Scope = "EMEA" },
		"period end":        func(c *workshop.Charter) { c.Period.End = "2027-03-30" },
		"lang":              func(c *workshop.Charter) { c.Lang = workshop.FR },
		"facilitator":       func(c *workshop.Charter) { c.Facilitator = "Bob Leroy" },
		"participant name":  func(c *workshop.Charter) { c.Participants[0].Name = "Alice Martín" },
		"readiness":         func(c *workshop.Charter) { c.Readiness.BaselinesKnown = true },
		"intent purpose":    func(c *workshop.Charter) { c.Intent.Purpose = workshop.PurposeProfitability },
		"hypothesis":        func(c *workshop.Charter) { c.Intent.Hypotheses = append(c.Intent.Hypotheses, "More") },
		"objective title":   func(c *workshop.Charter) { c.Objectives[1].Title = "Win more" },
		"deadline":          func(c *workshop.Charter) { c.Objectives[0].Deadline = "2027-03-15" },
		"side effect":       func(c *workshop.Charter) { c.Objectives[1].SideEffects[0].GuardrailID = "k-slip" },
		"KPI target":        func(c *workshop.Charter) { c.KPIs[1].Target = "28" },
		"KPI target spaces": func(c *workshop.Charter) { c.KPIs[1].Target = "25 " },
		"KPI objectives":    func(c *workshop.Charter) { c.KPIs[2].Objectives = c.KPIs[2].Objectives[:1] },
		"role":              func(c *workshop.Charter) { c.Roles[1].Role = workshop.RoleInformed },
		"cascade line":      func(c *workshop.Charter) { c.Cascades[0].Lines[1].Target = "25" },
		"ritual time":       func(c *workshop.Charter) { c.Rituals[0].Time = "09:15" },
		"ritual agenda":     func(c *workshop.Charter) { c.Rituals[2].Agenda = []string{"Results"} },
		"incentive":         func(c *workshop.Charter) { c.Incentive.Share = "15" },
		"decision":          func(c *workshop.Charter) { c.Decisions[0].Author = "Bob Leroy" },
	}
	for name, fn := range changes {
		c := *base.Clone()
		fn(&c)
		if workshop.Seal(&c) == seal {
			t.Errorf("%s: seal unchanged", name)
		}
		if workshop.Seal(&base) != seal {
			t.Fatalf("%s: changing a clone changed the original", name)
		}
	}
}

func TestSign_Refusals(t *testing.T) {
	t.Run("not an approver", func(t *testing.T) {
		s := lcSession()
		before := lcJSON(t, s)
		err := s.Sign("Alice Martin", "", lcNow, testSigner)
		lcKind(t, err, workshop.KindInvalid)
		if msg := workshop.Message(err); msg != "Alice Martin is not an approver of this charter; approvers: Chloé Durand, David Petit" {
			t.Errorf("message = %q", msg)
		}
		lcKind(t, s.Sign("Zoé Inconnue", "", lcNow, testSigner), workshop.KindInvalid)
		if lcJSON(t, s) != before {
			t.Error("refused signature changed the session")
		}
	})
	t.Run("already signed", func(t *testing.T) {
		s := lcSession()
		if err := s.Sign("Chloé Durand", "", lcNow, testSigner); err != nil {
			t.Fatal(err)
		}
		err := s.Sign("CHLOÉ DURAND", "", lcNow.Add(time.Minute), testSigner)
		lcKind(t, err, workshop.KindConflict)
		if n := len(s.Current().Signatures); n != 1 {
			t.Errorf("%d signatures", n)
		}
	})
	t.Run("signed again after a change", func(t *testing.T) {
		s := lcSession()
		_ = s.Sign("Chloé Durand", "", lcNow, testSigner)
		_ = s.Edit(lcNow, func(c *workshop.Charter) { c.KPIs[1].Target = "28" })
		if err := s.Sign("Chloé Durand", "new target is fine", lcNow, testSigner); err != nil {
			t.Fatalf("re-signing the new content: %v", err)
		}
		if sigs := s.Current().Signatures; len(sigs) != 1 || sigs[0].Seal != workshop.Seal(&s.Current().Charter) {
			t.Errorf("signatures = %+v", sigs)
		}
	})
	t.Run("frozen", func(t *testing.T) {
		s := lcFrozen()
		before := lcJSON(t, s)
		lcKind(t, s.Sign("David Petit", "", lcNow, testSigner), workshop.KindForbidden)
		lcKind(t, s.Decline("David Petit", "too late", lcNow, testSigner), workshop.KindForbidden)
		if lcJSON(t, s) != before {
			t.Error("refused signature changed a signed revision")
		}
	})
	t.Run("blocking errors", func(t *testing.T) {
		s := lcSession()
		s.Current().Charter.KPIs[1].Alert = "30" // R-KPI-3: alert above an "increase to" target
		before := lcJSON(t, s)
		err := s.Sign("David Petit", "", lcNow, testSigner)
		lcKind(t, err, workshop.KindForbidden)
		if msg := workshop.Message(err); msg != "the charter cannot be signed: 1 blocking error remains; see the review step" {
			t.Errorf("message = %q", msg)
		}
		if lcJSON(t, s) != before {
			t.Error("refused signature changed the session")
		}
	})
}

func TestDecline_ClearsSignatures(t *testing.T) {
	s := lcSession()
	if err := s.Sign("Chloé Durand", "", lcNow, testSigner); err != nil {
		t.Fatal(err)
	}
	before := lcJSON(t, s)
	lcKind(t, s.Decline("David Petit", "  ", lcNow, testSigner), workshop.KindInvalid)
	lcKind(t, s.Decline("Bob Leroy", "no", lcNow, testSigner), workshop.KindInvalid)
	if lcJSON(t, s) != before {
		t.Fatal("refused decline changed the session")
	}
	at := lcNow.Add(time.Hour)
	if err := s.Decline("david petit", "The win-rate target ignores the new pricing", at, testSigner); err != nil {
		t.Fatal(err)
	}
	r := s.Current()
	if len(r.Signatures) != 0 || r.Status != workshop.StatusDraft {
		t.Errorf("after decline: %d signatures, status %q", len(r.Signatures), r.Status)
	}
	want := []workshop.Decline{{ParticipantID: "p-david", Name: "David Petit", At: at, Reason: "The win-rate target ignores the new pricing",
		Seal: workshop.Seal(&r.Charter), PublicKey: testSigner.PublicKeyDER()}}
	if len(r.Declines) == 1 {
		if err := r.Declines[0].Verify(r.Number); err != nil {
			t.Errorf("the decline does not verify: %v", err)
		}
		want[0].KeySig = r.Declines[0].KeySig
	}
	if lcJSON(t, r.Declines) != lcJSON(t, want) {
		t.Errorf("declines = %+v", r.Declines)
	}
	if got := s.Summary().Status; got != "draft" {
		t.Errorf("summary status = %q", got)
	}
}

// TestCheckSignedRevision_Issue7_9: a sign-off that Sign and Edit could not
// have produced is refused (KindInvalid) with a message naming the revision
// and the signature; the ones they produce pass.
func TestCheckSignedRevision_Issue7_9(t *testing.T) {
	signedBoth := func() *workshop.Session {
		s := lcSession()
		for _, who := range []string{"Chloé Durand", "David Petit"} {
			if err := s.Sign(who, "", lcNow, testSigner); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	zeros := strings.Repeat("0", 64)
	cases := []struct {
		name string
		rev  func() *workshop.Revision
		want string // "" for accepted
	}{
		{"signed by every approver", func() *workshop.Revision { return signedBoth().Current() }, ""},
		{"set by hand like Sign", func() *workshop.Revision { return lcFrozen().Current() }, ""},
		{"draft with one signature", func() *workshop.Revision {
			s := lcSession()
			if err := s.Sign("David Petit", "", lcNow, testSigner); err != nil {
				t.Fatal(err)
			}
			return s.Current()
		}, ""},
		{"draft without signature", func() *workshop.Revision { return lcSession().Current() }, ""},
		{"Mallory added", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Signatures = append(r.Signatures, workshop.Signature{ParticipantID: "p-mallory", Name: "Mallory", Seal: r.Seal})
			return r
		}, `revision 1: signatures[2] is by "Mallory" (participant "p-mallory"), who is not an approver of this revision`},
		{"Mallory with a zeroed seal instead of David", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Signatures[1] = workshop.Signature{ParticipantID: "p-mallory", Name: "Mallory", Seal: zeros}
			return r
		}, `signatures[1] is by "Mallory"`},
		{"a participant who is not an approver", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Signatures[1] = workshop.Signature{ParticipantID: "p-alice", Name: "Alice Martin", Seal: r.Seal}
			return r
		}, `signatures[1] is by "Alice Martin" (participant "p-alice"), who is not an approver`},
		{"an approver's id under another name", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Signatures[1].Name = "Mallory"
			return r
		}, `signatures[1] is signed as "Mallory" but participant "p-david" is called "David Petit"`},
		{"zeroed seal", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Signatures[1].Seal = zeros
			return r
		}, `signatures[1] by "David Petit" does not seal this revision`},
		{"no signature", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Signatures = nil
			return r
		}, "revision 1 is signed but holds no signature"},
		{"an approver missing", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Signatures = r.Signatures[:1]
			return r
		}, `revision 1 is signed but "David Petit", an approver, did not sign it`},
		{"an approver twice", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Signatures = append(r.Signatures, r.Signatures[0])
			return r
		}, `revision 1: "Chloé Durand" signed twice (signatures[0] and signatures[2])`},
		{"content altered", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Charter.Title = "another title"
			return r
		}, "revision 1 was altered after signing"},
		{"error finding, resealed", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Charter.KPIs = r.Charter.KPIs[:1] // R-KPI-1
			r.Seal = workshop.Seal(&r.Charter)
			for i := range r.Signatures {
				r.Signatures[i].Seal = r.Seal
			}
			return r
		}, "revision 1 is signed but has a blocking error (R-KPI-1: "},
		{"nobody approves, resealed", func() *workshop.Revision {
			r := lcFrozen().Current()
			r.Charter.Roles = nil
			r.Seal = workshop.Seal(&r.Charter)
			r.Signatures = nil
			return r
		}, "revision 1 is signed but has a blocking error"},
		{"draft signed by Mallory", func() *workshop.Revision {
			r := lcSession().Current()
			r.Signatures = []workshop.Signature{{ParticipantID: "p-mallory", Name: "Mallory", Seal: workshop.Seal(&r.Charter)}}
			return r
		}, `signatures[0] is by "Mallory"`},
		{"draft signature of other content", func() *workshop.Revision {
			r := lcSession().Current()
			r.Signatures = []workshop.Signature{{ParticipantID: "p-david", Name: "David Petit", Seal: zeros}}
			return r
		}, `signatures[0] by "David Petit" does not seal this revision`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := workshop.CheckSignedRevision(c.rev())
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			lcKind(t, err, workshop.KindInvalid)
			if !strings.Contains(workshop.Message(err), c.want) {
				t.Errorf("message %q lacks %q", workshop.Message(err), c.want)
			}
		})
	}
}
