package workshop_test

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"boussole/workshop"
)

// sealNow and sealPeriod fix the template charters the golden seals pin.
var (
	sealNow    = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	sealPeriod = "2027-Q1"
)

// sealHostileCharter is a charter whose text holds everything an encoder
// may treat specially (HTML characters, control characters, line and
// paragraph separators, invalid UTF-8, emoji, right-to-left text), whose
// slices are nil, and whose optional fields are set in some places only.
func sealHostileCharter() workshop.Charter {
	return workshop.Charter{
		Title:       "<b>Q1</b> & \"co\" \\ 'x'",
		Scope:       "line\nbreak\ttab\rcr\x00nul\x1f\x7fdel\bbs\fff\x01\x0b\x1b",
		Period:      workshop.Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"},
		Lang:        workshop.FR,
		Facilitator: "sep\u2028line\u2029para",
		Participants: []workshop.Participant{
			{ID: "p-1", Name: "مرحبا بالعالم", Function: workshop.FuncSales, Email: "a@example.com"},
			{ID: "p-2", Name: "bad \xff\xfe utf8", Function: workshop.FuncOther},
		},
		Readiness: workshop.Readiness{BaselinesKnown: true, ParticipantsConfirmed: true},
		Intent:    workshop.Intent{Purpose: workshop.PurposeOther, Statement: "🚀 emoji 👩‍👩‍👧 and e\u0301"},
		Objectives: []workshop.Objective{
			{ID: "o-1", Title: "« guillemets » 15\u00a0% 60\u202f000", Deadline: "2027-03-31",
				SideEffects: []workshop.SideEffect{{ID: "se-1", Description: "d", GuardrailID: "k-1"}, {ID: "se-2"}}},
			{ID: "o-2"},
		},
		KPIs: []workshop.KPI{
			{ID: "k-1", LibraryID: "lib-x", Name: "n", Kind: workshop.KindResult, Unit: "custom µ", TargetType: workshop.StayAtOrBelow,
				Baseline: "1 200,5", Target: "1,200.5", Alert: "-3", Frequency: workshop.Quarterly, Guardrail: true},
			{ID: "k-2", Objectives: []string{"o-1", "o-2"}},
		},
		Roles:    []workshop.Assignment{{ParticipantID: "p-1", ObjectiveID: "o-1", Role: workshop.RoleApprover}},
		Cascades: []workshop.Cascade{{ID: "c-1", KPIID: "k-1", Dimension: workshop.DimChannel}, {ID: "c-2", Lines: []workshop.CascadeLine{{Team: "T", Target: "1"}}}},
		Rituals: []workshop.Ritual{
			{ID: "r-1", Kind: workshop.RitualCustom, Name: "R", Cadence: workshop.CadenceBiweekly, Weekday: time.Saturday, Time: "23:59", Minutes: -5,
				Attendees: []string{"p-1"}, Agenda: []string{"", "a"}},
		},
		Incentive: workshop.Incentive{Enabled: true, Share: "100", Note: "</script>"},
		Decisions: []workshop.Decision{{ID: "d-1", Date: "2027-01-01", Type: workshop.DecisionResult, Text: "t", Author: "a", LinkID: "k-1"}, {ID: "d-2"}},
	}
}

// goldenSeals are the seals of the template charters (period 2027-Q1) as
// computed by the code at commit d0ccab1, before the seal had its own
// canonical record. They must never change: a signed charter's seal is what
// its signatures and its PDF stamp name.
var goldenSeals = []struct {
	template  string
	lang      workshop.Lang
	seal      string
	approvers []string // the approvers, in the order they sign
}{
	{"blank", workshop.FR, "86a43fb542386b111871fe9e652e9cdde30fb7e7bf1986b9a18d038a40667768", nil},
	{"blank", workshop.EN, "abe52bc079cfcbb8d75734ca57d4e07b6e51eb1a3bde613730c920ce6d6d4346", nil},
	{"sales-cycle", workshop.FR, "bdcefc3880322c13e47090150f16f2715ad000907773168ee27c5d5d1b0a9641", []string{"Sophie Laurent", "Marc Delacroix"}},
	{"sales-cycle", workshop.EN, "d61ba5c319d7c50c1118c2229c4599ad7d3afb767fd3a23b960fe9a4a47ae686", []string{"Sophie Laurent", "Marc Delacroix"}},
	{"net-retention", workshop.FR, "f3674a5549903cbab2877019da15378673227cec26fce899b5a2c311996385ba", []string{"Isabelle Moreau", "Nathalie Petit"}},
	{"net-retention", workshop.EN, "df46f066917ffa4211e5378391ce46c3bcd839e995e8ec6401257f0e1ee3494e", []string{"Isabelle Moreau", "Nathalie Petit"}},
	{"abm-pipeline", workshop.FR, "3e2815bdf94d51f61cbee86b1ec2d44efffc5ca552abbb2b447304091ec3c5a5", []string{"Olivier Dupuis", "Catherine Vidal"}},
	{"abm-pipeline", workshop.EN, "be4e0823d1e5739f2cebcc1d8976728aa1f66a75d43a34c774b88e7702ba132b", []string{"Olivier Dupuis", "Catherine Vidal"}},
}

// Golden seals of the hand-built charters, also from commit d0ccab1.
const (
	goldenHostileSeal   = "b360773e6b505afce3a02a5202654ce69c2f66bd612b470003b85dbcc76fce51"
	goldenLifecycleSeal = "267ce89d1db2be6955203401f10629cedde78900657487563ed7585a3a1fd98f"
)

// Each template charter seals as it did at d0ccab1, and signing it as each
// of its approvers in turn records that same seal in every signature and,
// with the last one, on the signed revision.
func TestSeal_GoldenTemplateCharters_Issue8_10(t *testing.T) {
	for _, g := range goldenSeals {
		t.Run(g.template+"/"+string(g.lang), func(t *testing.T) {
			s, err := workshop.FromTemplate(g.template, g.lang, sealPeriod, sealNow)
			if err != nil {
				t.Fatal(err)
			}
			r := s.Current()
			if got := workshop.Seal(&r.Charter); got != g.seal {
				t.Fatalf("seal = %s, want %s (d0ccab1)", got, g.seal)
			}
			var names []string
			for _, a := range workshop.Approvers(&r.Charter) {
				names = append(names, a.Name)
			}
			if !slices.Equal(names, g.approvers) {
				t.Fatalf("approvers = %q, want %q", names, g.approvers)
			}
			for i, name := range g.approvers {
				at := sealNow.Add(time.Duration(i+1) * time.Hour)
				if err := s.Sign(name, "", at, testSigner); err != nil {
					t.Fatalf("sign as %s: %v", name, err)
				}
				if sig := r.Signatures[len(r.Signatures)-1]; sig.Name != name || sig.Seal != g.seal {
					t.Fatalf("signature of %s = %+v, want seal %s", name, sig, g.seal)
				}
			}
			if len(g.approvers) > 0 && (r.Status != workshop.StatusSigned || r.Seal != g.seal) {
				t.Fatalf("after every approver: status %s seal %s, want signed %s", r.Status, r.Seal, g.seal)
			}
		})
	}
}

func TestSeal_GoldenHandBuiltCharters_Issue8_10(t *testing.T) {
	hostile := sealHostileCharter()
	if got := workshop.Seal(&hostile); got != goldenHostileSeal {
		t.Errorf("hostile charter seal = %s, want %s (d0ccab1)", got, goldenHostileSeal)
	}
	lc := lcCharter()
	if got := workshop.Seal(&lc); got != goldenLifecycleSeal {
		t.Errorf("lifecycle charter seal = %s, want %s (d0ccab1)", got, goldenLifecycleSeal)
	}
}

// A session stored by the code at d0ccab1 (signed by both approvers) reads
// back with the same seal: nothing is back-filled into an old revision.
func TestSeal_StoredRevisionFromD0ccab1KeepsItsSeal_Issue8_10(t *testing.T) {
	b, err := os.ReadFile("testdata/seal-d0ccab1-sales-cycle-fr.json")
	if err != nil {
		t.Fatal(err)
	}
	var s workshop.Session
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		t.Fatal(err)
	}
	r := s.Current()
	want := goldenSeals[2].seal
	if r.Seal != want || len(r.Signatures) != 2 {
		t.Fatalf("stored revision: seal %s, %d signatures", r.Seal, len(r.Signatures))
	}
	if got := workshop.Seal(&r.Charter); got != want {
		t.Fatalf("seal of the stored charter = %s, want %s", got, want)
	}
	for _, sig := range r.Signatures {
		if sig.Seal != want {
			t.Errorf("signature of %s names seal %s", sig.Name, sig.Seal)
		}
	}
}
