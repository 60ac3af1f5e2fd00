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
	if err := s.Sign("  chloé   DURAND ", "Go for it", t1); err != nil {
		t.Fatal(err)
	}
	if r.Status != workshop.StatusDraft || r.Seal != "" {
		t.Fatalf("signed after one of two approvers: %q %q", r.Status, r.Seal)
	}
	if got := s.Summary().Status; got != "signing" {
		t.Errorf("summary status = %q, want signing", got)
	}
	if err := s.Sign("David Petit", "", t2); err != nil {
		t.Fatal(err)
	}
	if r.Status != workshop.StatusSigned || r.Seal != seal || !r.SignedAt.Equal(t2) || !r.Frozen() {
		t.Fatalf("status %q seal %q signedAt %v", r.Status, r.Seal, r.SignedAt)
	}
	want := []workshop.Signature{
		{ParticipantID: "p-chloe", Name: "Chloé Durand", At: t1, Comment: "Go for it", Seal: seal},
		{ParticipantID: "p-david", Name: "David Petit", At: t2, Seal: seal},
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
	if err := s.Sign("Chloé Durand", "ok", lcNow); err != nil {
		t.Fatal(err)
	}
	if after := workshop.Seal(&s.Current().Charter); after != before {
		t.Errorf("seal changed by a signature: %s → %s", before, after)
	}
	if err := s.Sign("David Petit", "ok", lcNow); err != nil {
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
		err := s.Sign("Alice Martin", "", lcNow)
		lcKind(t, err, workshop.KindInvalid)
		if msg := workshop.Message(err); msg != "Alice Martin is not an approver of this charter; approvers: Chloé Durand, David Petit" {
			t.Errorf("message = %q", msg)
		}
		lcKind(t, s.Sign("Zoé Inconnue", "", lcNow), workshop.KindInvalid)
		if lcJSON(t, s) != before {
			t.Error("refused signature changed the session")
		}
	})
	t.Run("already signed", func(t *testing.T) {
		s := lcSession()
		if err := s.Sign("Chloé Durand", "", lcNow); err != nil {
			t.Fatal(err)
		}
		err := s.Sign("CHLOÉ DURAND", "", lcNow.Add(time.Minute))
		lcKind(t, err, workshop.KindConflict)
		if n := len(s.Current().Signatures); n != 1 {
			t.Errorf("%d signatures", n)
		}
	})
	t.Run("signed again after a change", func(t *testing.T) {
		s := lcSession()
		_ = s.Sign("Chloé Durand", "", lcNow)
		_ = s.Edit(lcNow, func(c *workshop.Charter) { c.KPIs[1].Target = "28" })
		if err := s.Sign("Chloé Durand", "new target is fine", lcNow); err != nil {
			t.Fatalf("re-signing the new content: %v", err)
		}
		if sigs := s.Current().Signatures; len(sigs) != 1 || sigs[0].Seal != workshop.Seal(&s.Current().Charter) {
			t.Errorf("signatures = %+v", sigs)
		}
	})
	t.Run("frozen", func(t *testing.T) {
		s := lcFrozen()
		before := lcJSON(t, s)
		lcKind(t, s.Sign("David Petit", "", lcNow), workshop.KindForbidden)
		lcKind(t, s.Decline("David Petit", "too late", lcNow), workshop.KindForbidden)
		if lcJSON(t, s) != before {
			t.Error("refused signature changed a signed revision")
		}
	})
	t.Run("blocking errors", func(t *testing.T) {
		s := lcSession()
		s.Current().Charter.KPIs[1].Alert = "30" // R-KPI-3: alert above an "increase to" target
		before := lcJSON(t, s)
		err := s.Sign("David Petit", "", lcNow)
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
	if err := s.Sign("Chloé Durand", "", lcNow); err != nil {
		t.Fatal(err)
	}
	before := lcJSON(t, s)
	lcKind(t, s.Decline("David Petit", "  ", lcNow), workshop.KindInvalid)
	lcKind(t, s.Decline("Bob Leroy", "no", lcNow), workshop.KindInvalid)
	if lcJSON(t, s) != before {
		t.Fatal("refused decline changed the session")
	}
	at := lcNow.Add(time.Hour)
	if err := s.Decline("david petit", "The win-rate target ignores the new pricing", at); err != nil {
		t.Fatal(err)
	}
	r := s.Current()
	if len(r.Signatures) != 0 || r.Status != workshop.StatusDraft {
		t.Errorf("after decline: %d signatures, status %q", len(r.Signatures), r.Status)
	}
	want := []workshop.Decline{{ParticipantID: "p-david", Name: "David Petit", At: at, Reason: "The win-rate target ignores the new pricing"}}
	if lcJSON(t, r.Declines) != lcJSON(t, want) {
		t.Errorf("declines = %+v", r.Declines)
	}
	if got := s.Summary().Status; got != "draft" {
		t.Errorf("summary status = %q", got)
	}
}
