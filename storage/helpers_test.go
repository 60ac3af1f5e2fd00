package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"reflect"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// day is the fixed "now" of the tests.
var day = time.Date(2027, 1, 11, 9, 30, 0, 0, time.UTC)

func fixedNow() time.Time { return day }

// openTest opens a store in a fresh temp dir; the cleanup checks the whole
// file (tx.Check and records) before closing it.
func openTest(t testing.TB) *Store {
	t.Helper()
	return openAt(t, t.TempDir(), Options{Now: fixedNow})
}

func openAt(t testing.TB, dir string, opts Options) *Store {
	t.Helper()
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() {
		if _, done := closedStores.Load(s); done {
			return
		}
		if err := s.db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				return err
			}
			return nil
		}); err != nil {
			t.Errorf("tx.Check before close: %v", err)
		}
		if err := s.Check(); err != nil {
			t.Errorf("Check before close: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// closedStores holds the stores closeNow closed, which their cleanup skips.
var closedStores sync.Map

// closeNow checks and closes a store opened by openAt ahead of its cleanup.
func closeNow(t testing.TB, s *Store) {
	t.Helper()
	closedStores.Store(s, true)
	if err := s.Check(); err != nil {
		t.Errorf("Check before close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

func fileSum(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func wantKind(t testing.TB, err error, kind workshop.ErrorKind) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %s", kind)
	}
	if got := workshop.KindOf(err); got != kind {
		t.Fatalf("kind = %q, want %q (error: %v)", got, kind, err)
	}
}

// richCharter fills every field of a charter.
func richCharter(title string) workshop.Charter {
	return workshop.Charter{
		Title:       title,
		Scope:       "Ventes EMEA — équipe Mid-Market",
		Period:      workshop.Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"},
		Lang:        workshop.FR,
		Facilitator: "Chloé Dupré",
		Participants: []workshop.Participant{
			{ID: "p1", Name: "Łukasz Żółw", Function: workshop.FuncSales, Email: "lukasz@example.com"},
			{ID: "p2", Name: "Ωmega Жанна", Function: workshop.FuncLeadership},
			{ID: "p3", Name: "Zoë Œuvre", Function: workshop.FuncMarketing},
		},
		Readiness: workshop.Readiness{BaselinesKnown: true, LastResultsAtHand: true, ConstraintsListed: true, ParticipantsConfirmed: true},
		Intent: workshop.Intent{
			Purpose:           workshop.PurposeGrowth,
			Statement:         "Accélérer le cycle de vente — sans brader 💶",
			CompanyObjectives: []string{"ARR +30 %"},
			Hypotheses:        []string{"MEDDICC raccourcit le cycle", "les contrats simplifiés aident"},
		},
		Objectives: []workshop.Objective{{
			ID: "o1", Title: "Cycle de vente −15 %", Specific: "deals ICP mid-market",
			Achievable: "pilote Q4 : −9 %", Relevant: "ARR +30 %", Deadline: "2027-03-31",
			SideEffects: []workshop.SideEffect{{ID: "se1", Description: "remises excessives", GuardrailID: "k3"}},
		}},
		KPIs: []workshop.KPI{
			{ID: "k1", LibraryID: "sales-cycle", Name: "Durée du cycle", Definition: "médiane signature − création",
				Kind: workshop.KindResult, Unit: workshop.UnitDays, TargetType: workshop.DecreaseTo,
				Baseline: "62", Target: "53", Alert: "60", Frequency: workshop.Monthly, Source: "CRM", Owner: "Łukasz Żółw",
				Objectives: []string{"o1"}},
			{ID: "k2", Name: "Taux de qualification", Definition: "MEDDICC complet",
				Kind: workshop.KindEffort, Unit: workshop.UnitPercent, TargetType: workshop.IncreaseTo,
				Baseline: "40 %", Target: "80 %", Alert: "55 %", Frequency: workshop.Weekly, Source: "CRM", Owner: "Zoë",
				Objectives: []string{"o1"}},
			{ID: "k3", Name: "Remise moyenne", Definition: "remise / prix liste",
				Kind: workshop.KindResult, Unit: workshop.UnitPercent, TargetType: workshop.StayAtOrBelow,
				Baseline: "12 %", Target: "12 %", Alert: "12 %", Frequency: workshop.Quarterly, Source: "ERP", Owner: "Finance",
				Objectives: []string{"o1"}, Guardrail: true},
			// A third priority KPI (R-KPI-1): revision 1 is signed, and a
			// charter with errors cannot be.
			{ID: "k4", Name: "Deals signés", Definition: "contrats signés",
				Kind: workshop.KindResult, Unit: workshop.UnitCount, TargetType: workshop.IncreaseTo,
				Baseline: "20", Target: "26", Alert: "22", Frequency: workshop.Monthly, Source: "CRM", Owner: "Zoë",
				Objectives: []string{"o1"}},
		},
		Roles: []workshop.Assignment{
			{ParticipantID: "p1", ObjectiveID: "o1", Role: workshop.RolePilot},
			{ParticipantID: "p3", ObjectiveID: "o1", Role: workshop.RoleContributor},
			{ParticipantID: "p2", ObjectiveID: "o1", Role: workshop.RoleApprover},
		},
		Cascades: []workshop.Cascade{{ID: "c1", KPIID: "k1", Dimension: workshop.DimRegion,
			Lines: []workshop.CascadeLine{{Team: "France", Target: "50"}, {Team: "DACH", Target: "55"}}}},
		Rituals: []workshop.Ritual{{ID: "r1", Kind: workshop.RitualWeeklySync, Name: "Synchro hebdo",
			Cadence: workshop.CadenceWeekly, Weekday: time.Monday, Time: "09:30", Minutes: 30,
			Attendees: []string{"p1", "p3"}, Agenda: []string{"KPIs en alerte", "décisions"}}},
		Incentive: workshop.Incentive{Enabled: true, Share: "20 %", Note: "part variable collective"},
		Decisions: []workshop.Decision{{ID: "d1", Date: "2027-01-05", Type: workshop.DecisionHypothesis,
			Text: "MEDDICC obligatoire", Author: "Chloé", LinkID: "o1"}},
	}
}

// richSession builds by hand a session with every field set: two
// revisions (the first signed and sealed, the second a draft with one
// signature and a decline), a board with votes, check-ins.
func richSession(id string) *workshop.Session {
	c1 := richCharter("Charte cycle de vente")
	c2 := richCharter("Charte cycle de vente")
	c2.KPIs[1].Target = "85 %"
	c2.TimeZone = "Europe/Paris" // revision 1 is as a charter made before the zone was recorded
	seal1 := workshop.Seal(&c1)
	seal2 := workshop.Seal(&c2)
	at := func(h int) time.Time { return time.Date(2027, 1, 8, h, 0, 0, 0, time.UTC) }
	s := &workshop.Session{
		ID:         id,
		Template:   "sales-cycle",
		PreviousID: "fe0000000000000f",
		Created:    time.Date(2027, 1, 4, 8, 0, 0, 0, time.UTC),
		Updated:    time.Date(2027, 1, 20, 17, 45, 12, 500, time.UTC),
		Revisions: []workshop.Revision{
			{Number: 1, Status: workshop.StatusSigned, AmendReason: "—", Charter: c1,
				Signatures: []workshop.Signature{{ParticipantID: "p2", Name: "Ωmega Жанна", At: at(10), Comment: "ok", Seal: seal1}},
				Declines:   []workshop.Decline{{ParticipantID: "p2", Name: "Ωmega Жанна", At: at(9), Reason: "seuil flou", Unverified: true}},
				Seal:       seal1, SignedAt: at(10),
				LateDecisions: []workshop.Decision{{ID: "d9", Date: "2027-01-15", Type: workshop.DecisionResult,
					Text: "cycle −4 % après 2 semaines", Author: "Łukasz", LinkID: "k1"}}},
			{Number: 2, Status: workshop.StatusDraft, AmendReason: "cible de qualification relevée", Charter: c2,
				Signatures: []workshop.Signature{{ParticipantID: "p2", Name: "Ωmega Жанна", At: at(16), Seal: seal2, Unverified: true}},
				Declines:   []workshop.Decline{{ParticipantID: "p1", Name: "Łukasz Żółw", At: at(15), Reason: "trop ambitieux", Seal: seal2}}},
		},
		Board: workshop.Board{
			Anonymous: true, VotesPerParticipant: 3, CapPerCard: 2,
			Cards: []workshop.Card{
				{ID: "card1", Kind: workshop.CardObjective, Text: "raccourcir le cycle", Author: "Zoë", GroupID: "g1",
					Votes: map[string]int{"p1": 2, "p2": 1, "": 4}, PromotedTo: "o1"},
				{ID: "card2", Kind: workshop.CardSideEffect, Text: "remises", Hidden: true},
			},
			Groups:         []workshop.Group{{ID: "g1", Name: "Vitesse"}},
			Timebox:        map[string]int{workshop.StepIdeas: 20, workshop.StepKPIs: 25},
			SessionMinutes: 150,
		},
		CheckIns: []workshop.CheckIn{
			{ID: "ci1", KPIID: "k1", Date: "2027-01-31", Value: "58,5", Confidence: 7, Note: "bon début", Author: "Łukasz"},
			{ID: "ci2", KPIID: "k2", Date: "2027-01-31", Value: "52 %", Confidence: 5},
			{ID: "ci3", KPIID: "k1", Date: "2027-01-31", Value: "59", NoConfidence: true, Note: "corrigé",
				RecordedAt: time.Date(2027, 2, 1, 8, 15, 0, 0, time.UTC), Supersedes: "ci1"},
		},
	}
	// Records of every kind: signed with an installation key (revision 1's
	// signature, revision 2's decline) and imported unverified (the others).
	if err := workshop.SignSignature(1, &s.Revisions[0].Signatures[0], testKey); err != nil {
		panic(err)
	}
	if err := workshop.SignDecline(2, &s.Revisions[1].Declines[0], testKey); err != nil {
		panic(err)
	}
	return s
}

// testKey is an installation key for the tests that need records signed
// (made once: RSA key generation takes a while).
var testKey = func() *InstallationKey {
	k, err := NewInstallationKey()
	if err != nil {
		panic(err)
	}
	return k
}()

// unsetFields lists the struct fields (Type.Field) reachable from v's type
// that hold a zero value everywhere in v: a field the round-trip tests
// could not notice being dropped.
func unsetFields(v any) []string {
	set := map[string]bool{}
	all := map[string]bool{}
	var walkType func(t reflect.Type)
	seenTypes := map[reflect.Type]bool{}
	walkType = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			walkType(t.Elem())
		case reflect.Struct:
			if seenTypes[t] || t == reflect.TypeFor[time.Time]() {
				return
			}
			seenTypes[t] = true
			for field := range t.Fields() {
				all[t.Name()+"."+field.Name] = true
				walkType(field.Type)
			}
		}
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k))
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[time.Time]() {
				return
			}
			for i := range v.NumField() {
				if !v.Field(i).IsZero() {
					set[v.Type().Name()+"."+v.Type().Field(i).Name] = true
				}
				walk(v.Field(i))
			}
		}
	}
	rv := reflect.ValueOf(v)
	walkType(rv.Type())
	walk(rv)
	var out []string
	for f := range all {
		if !set[f] {
			out = append(out, f)
		}
	}
	return out
}
