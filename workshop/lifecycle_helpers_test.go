package workshop_test

import (
	"encoding/json"
	"testing"
	"time"

	"boussole/workshop"
)

// lcNow is the fixed "now" of the lifecycle tests.
var lcNow = time.Date(2027, 1, 10, 9, 30, 0, 0, time.UTC)

// lcCharter builds by hand a complete charter with no error finding: two
// objectives, three priority KPIs and a guardrail, four participants, of
// whom Chloé Durand and David Petit are the approvers.
func lcCharter() workshop.Charter {
	return workshop.Charter{
		Title:       "Go-to-market Q1",
		Scope:       "Mid-market sales and marketing",
		Period:      workshop.Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"},
		Lang:        workshop.EN,
		Facilitator: "Alice Martin",
		Participants: []workshop.Participant{
			{ID: "p-alice", Name: "Alice Martin", Function: workshop.FuncSales},
			{ID: "p-bob", Name: "Bob Leroy", Function: workshop.FuncMarketing},
			{ID: "p-chloe", Name: "Chloé Durand", Function: workshop.FuncLeadership},
			{ID: "p-david", Name: "David Petit", Function: workshop.FuncCS},
		},
		Intent: workshop.Intent{
			Purpose:           workshop.PurposeGrowth,
			Statement:         "Grow new business in the mid-market without eroding margins",
			CompanyObjectives: []string{"Grow ARR by 30 % this year"},
			Hypotheses:        []string{"Faster cycles free capacity for more deals"},
		},
		Objectives: []workshop.Objective{
			{
				ID: "o-cycle", Title: "Shorten the sales cycle",
				Specific:   "Cut the median sales cycle of ICP deals for the mid-market sales team",
				Achievable: "The enterprise team did it last year with the same playbook",
				Relevant:   "Serves the company objective of growing ARR by 30 %",
				Deadline:   "2027-03-31",
				SideEffects: []workshop.SideEffect{
					{ID: "se-push", Description: "Deals pushed to close before they are ready", GuardrailID: "k-slip"},
				},
			},
			{
				ID: "o-win", Title: "Win more qualified deals",
				Specific:   "Raise the win rate on qualified mid-market opportunities for sales and marketing",
				Achievable: "Better qualification and enablement on the ICP",
				Relevant:   "Serves the intent: grow new business",
				Deadline:   "2027-03-31",
				SideEffects: []workshop.SideEffect{
					{ID: "se-discount", Description: "Heavier discounts to close"},
				},
			},
		},
		KPIs: []workshop.KPI{
			{ID: "k-cycle", Name: "Sales cycle length", Definition: "Median days from opportunity to signature",
				Kind: workshop.KindResult, Unit: workshop.UnitDays, TargetType: workshop.DecreaseTo,
				Baseline: "60", Target: "50", Alert: "65", Frequency: workshop.Monthly,
				Source: "CRM", Owner: "Alice Martin", Objectives: []string{"o-cycle"}},
			{ID: "k-win", Name: "Win rate", Definition: "Won opportunities over closed opportunities",
				Kind: workshop.KindResult, Unit: workshop.UnitPercent, TargetType: workshop.IncreaseTo,
				Baseline: "20", Target: "25", Alert: "18", Frequency: workshop.Monthly,
				Source: "CRM", Owner: "Bob Leroy", Objectives: []string{"o-win"}},
			{ID: "k-meet", Name: "Meeting rate", Definition: "Meetings booked over accounts contacted",
				Kind: workshop.KindEffort, Unit: workshop.UnitPercent, TargetType: workshop.IncreaseTo,
				Baseline: "10", Target: "15", Alert: "8", Frequency: workshop.Weekly,
				Source: "Sales engagement tool", Owner: "Bob Leroy", Objectives: []string{"o-cycle", "o-win"}},
			{ID: "k-slip", Name: "Slip rate", Definition: "Deals whose close date moved out of the quarter",
				Kind: workshop.KindResult, Unit: workshop.UnitPercent, TargetType: workshop.DecreaseTo,
				Baseline: "20", Target: "10", Alert: "25", Frequency: workshop.Monthly,
				Source: "CRM", Owner: "Alice Martin", Objectives: []string{"o-cycle"}, Guardrail: true},
		},
		Roles: []workshop.Assignment{
			{ParticipantID: "p-alice", ObjectiveID: "o-cycle", Role: workshop.RolePilot},
			{ParticipantID: "p-bob", ObjectiveID: "o-cycle", Role: workshop.RoleContributor},
			{ParticipantID: "p-chloe", ObjectiveID: "o-cycle", Role: workshop.RoleApprover},
			{ParticipantID: "p-bob", ObjectiveID: "o-win", Role: workshop.RolePilot},
			{ParticipantID: "p-alice", ObjectiveID: "o-win", Role: workshop.RoleContributor},
			{ParticipantID: "p-david", ObjectiveID: "o-win", Role: workshop.RoleApprover},
			{ParticipantID: "p-chloe", ObjectiveID: "o-win", Role: workshop.RoleApprover},
		},
		Cascades: []workshop.Cascade{
			{ID: "c-win", KPIID: "k-win", Dimension: workshop.DimRegion, Lines: []workshop.CascadeLine{
				{Team: "North", Target: "26"}, {Team: "South", Target: "24"},
			}},
		},
		Rituals:   workshop.DefaultRituals(workshop.EN),
		Incentive: workshop.Incentive{Enabled: true, Share: "10", Note: "Paid on the two result KPIs"},
		Decisions: []workshop.Decision{
			{ID: "d-1", Date: "2027-01-05", Type: workshop.DecisionDecision, Text: "Use MEDDICC on every ICP deal", Author: "Alice Martin", LinkID: "o-cycle"},
		},
	}
}

// lcSession wraps lcCharter in a session with one draft revision.
func lcSession() *workshop.Session {
	return &workshop.Session{
		ID:        "s-lifecycle",
		Created:   lcNow,
		Updated:   lcNow,
		Revisions: []workshop.Revision{{Number: 1, Status: workshop.StatusDraft, Charter: lcCharter()}},
		Board:     workshop.Board{Anonymous: true, VotesPerParticipant: 3},
	}
}

// lcFrozen returns a session whose revision 1 is signed, set by hand (so
// that tests of frozen revisions do not depend on the sign-off path).
func lcFrozen() *workshop.Session {
	s := lcSession()
	r := s.Current()
	seal := workshop.Seal(&r.Charter)
	for _, p := range []workshop.Participant{r.Charter.Participants[2], r.Charter.Participants[3]} {
		r.Signatures = append(r.Signatures, workshop.Signature{ParticipantID: p.ID, Name: p.Name, At: lcNow, Seal: seal})
	}
	r.Status = workshop.StatusSigned
	r.Seal = seal
	r.SignedAt = lcNow
	return s
}

// lcJSON is the session as bytes, to prove that nothing changed.
func lcJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lcKind fails unless err is a workshop error of kind want.
func lcKind(t *testing.T, err error, want workshop.ErrorKind) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want kind %q", want)
	}
	if got := workshop.KindOf(err); got != want {
		t.Fatalf("error %q: kind %q, want %q", err, got, want)
	}
}
