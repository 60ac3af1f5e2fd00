package workshop_test

import (
	"testing"
	"time"

	"boussole/workshop"
)

func TestEdit_RefusedOnSignedRevision(t *testing.T) {
	s := lcFrozen()
	before := lcJSON(t, s)
	called := false
	err := s.Edit(lcNow.Add(time.Hour), func(c *workshop.Charter) {
		called = true
		c.Title = "Changed after signature"
	})
	lcKind(t, err, workshop.KindForbidden)
	if msg := workshop.Message(err); msg != "revision 1 is signed and can no longer be edited; amend it to open revision 2" {
		t.Errorf("message = %q", msg)
	}
	if called {
		t.Error("the edit function ran on a frozen revision")
	}
	if after := lcJSON(t, s); after != before {
		t.Errorf("session changed by a refused edit:\nbefore %s\nafter  %s", before, after)
	}
}

func TestEdit_DraftAppliesAndSetsUpdated(t *testing.T) {
	s := lcSession()
	later := lcNow.Add(2 * time.Hour)
	if err := s.Edit(later, func(c *workshop.Charter) { c.Scope = "EMEA mid-market" }); err != nil {
		t.Fatal(err)
	}
	if got := s.Current().Charter.Scope; got != "EMEA mid-market" {
		t.Errorf("scope = %q", got)
	}
	if !s.Updated.Equal(later) {
		t.Errorf("Updated = %v, want %v", s.Updated, later)
	}
}

func TestEdit_SignatureDroppedAfterContentChange(t *testing.T) {
	s := lcSession()
	r := s.Current()
	seal := workshop.Seal(&r.Charter)
	r.Signatures = []workshop.Signature{{ParticipantID: "p-chloe", Name: "Chloé Durand", At: lcNow, Seal: seal}}
	if got := s.Summary().Status; got != "signing" {
		t.Fatalf("summary status = %q, want signing", got)
	}

	// Setting a field to the value it has is no content change: the
	// signature stands.
	if err := s.Edit(lcNow, func(c *workshop.Charter) { c.KPIs[1].Target = "25" }); err != nil {
		t.Fatal(err)
	}
	if len(r.Signatures) != 1 {
		t.Fatalf("signature dropped by an edit that changed nothing: %+v", r.Signatures)
	}

	if err := s.Edit(lcNow, func(c *workshop.Charter) { c.KPIs[1].Target = "28" }); err != nil {
		t.Fatal(err)
	}
	if len(r.Signatures) != 0 {
		t.Fatalf("signature of the former content kept: %+v", r.Signatures)
	}
	if got := s.Summary().Status; got != "draft" {
		t.Errorf("summary status = %q, want draft", got)
	}
}

func TestEditBoard_AllowedOnSignedRevision(t *testing.T) {
	s := lcFrozen()
	seal := s.Current().Seal
	err := s.EditBoard(lcNow, func(b *workshop.Board) {
		b.Cards = append(b.Cards, workshop.Card{ID: "card-1", Kind: workshop.CardKPI, Text: "Track NPS", Votes: map[string]int{"p-bob": 2}})
		b.VotesPerParticipant = 5
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Board.Cards) != 1 || s.Board.Cards[0].Votes["p-bob"] != 2 || s.Board.VotesPerParticipant != 5 {
		t.Errorf("board = %+v", s.Board)
	}
	if got := workshop.Seal(&s.Current().Charter); got != seal {
		t.Error("a board edit changed the seal")
	}
}

func TestEditBoard_InvalidVotesChangeNothing(t *testing.T) {
	s := lcSession()
	s.Board.Cards = []workshop.Card{{ID: "card-1", Text: "Faster contracts", Votes: map[string]int{"p-bob": 1}}}
	before := lcJSON(t, s)
	cases := map[string]func(b *workshop.Board){
		"13 votes":      func(b *workshop.Board) { b.VotesPerParticipant = 13 },
		"0 votes":       func(b *workshop.Board) { b.VotesPerParticipant = 0 },
		"negative cap":  func(b *workshop.Board) { b.CapPerCard = -1 },
		"negative vote": func(b *workshop.Board) { b.Cards[0].Votes["p-bob"] = -2 },
	}
	for name, fn := range cases {
		t.Run(name, func(t *testing.T) {
			lcKind(t, s.EditBoard(lcNow.Add(time.Hour), fn), workshop.KindInvalid)
			if after := lcJSON(t, s); after != before {
				t.Errorf("refused board edit changed the session:\n%s\n%s", before, after)
			}
		})
	}
}

func TestAppendDecision_DraftGoesToCharterLog(t *testing.T) {
	s := lcSession()
	err := s.AppendDecision(workshop.Decision{Type: workshop.DecisionHypothesis, Text: "  Shorter legal review saves a week  ", LinkID: "k-cycle"}, lcNow)
	if err != nil {
		t.Fatal(err)
	}
	log := s.Current().Charter.Decisions
	if len(log) != 2 {
		t.Fatalf("log = %+v", log)
	}
	d := log[1]
	if d.ID == "" || d.Date != "2027-01-10" || d.Text != "Shorter legal review saves a week" || d.Type != workshop.DecisionHypothesis {
		t.Errorf("entry = %+v", d)
	}
}

func TestAppendDecision_SignedGoesToLateDecisionsSealUnchanged(t *testing.T) {
	s := lcFrozen()
	r := s.Current()
	seal := r.Seal
	decisions := lcJSON(t, r.Charter.Decisions)
	err := s.AppendDecision(workshop.Decision{ID: "d-late", Date: "2027-02-01", Type: workshop.DecisionResult, Text: "Cycle down to 54 days", Author: "Alice Martin"}, lcNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.LateDecisions) != 1 || r.LateDecisions[0].ID != "d-late" || r.LateDecisions[0].Text != "Cycle down to 54 days" {
		t.Errorf("late decisions = %+v", r.LateDecisions)
	}
	if got := lcJSON(t, r.Charter.Decisions); got != decisions {
		t.Errorf("signed charter's log changed: %s", got)
	}
	if got := workshop.Seal(&r.Charter); got != seal {
		t.Errorf("seal changed: %s → %s", seal, got)
	}
	if r.Status != workshop.StatusSigned {
		t.Errorf("status = %q", r.Status)
	}
	// The same id twice is a conflict.
	lcKind(t, s.AppendDecision(workshop.Decision{ID: "d-late", Type: workshop.DecisionTest, Text: "again"}, lcNow), workshop.KindConflict)
}

func TestAppendDecision_InvalidChangesNothing(t *testing.T) {
	s := lcSession()
	before := lcJSON(t, s)
	cases := map[string]workshop.Decision{
		"unknown type": {Type: "wish", Text: "More leads"},
		"no type":      {Text: "More leads"},
		"blank text":   {Type: workshop.DecisionDecision, Text: "   "},
		"bad date":     {Type: workshop.DecisionDecision, Text: "More leads", Date: "10/01/2027"},
		"bad link":     {Type: workshop.DecisionDecision, Text: "More leads", LinkID: "k-nope"},
	}
	for name, d := range cases {
		t.Run(name, func(t *testing.T) {
			lcKind(t, s.AppendDecision(d, lcNow), workshop.KindInvalid)
			if after := lcJSON(t, s); after != before {
				t.Error("refused entry changed the session")
			}
		})
	}
}
