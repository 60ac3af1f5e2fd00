package workshop_test

import (
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

func TestPeriodFromLabel(t *testing.T) {
	cases := []struct {
		in                string
		label, start, end string
	}{
		{"2027-Q1", "2027-Q1", "2027-01-01", "2027-03-31"},
		{"2027-Q2", "2027-Q2", "2027-04-01", "2027-06-30"},
		{"2027-Q3", "2027-Q3", "2027-07-01", "2027-09-30"},
		{" 2027-q4 ", "2027-Q4", "2027-10-01", "2027-12-31"},
		{"2027-T3", "2027-Q3", "2027-07-01", "2027-09-30"},
		{"2027-H1", "2027-H1", "2027-01-01", "2027-06-30"},
		{"2027-S2", "2027-H2", "2027-07-01", "2027-12-31"},
		{"2027", "2027", "2027-01-01", "2027-12-31"},
		{"2027-03", "2027-03", "2027-03-01", "2027-03-31"},
		{"2028-02", "2028-02", "2028-02-01", "2028-02-29"},
		{"2027-02", "2027-02", "2027-02-01", "2027-02-28"},
	}
	for _, c := range cases {
		p, err := workshop.PeriodFromLabel(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		want := workshop.Period{Label: c.label, Start: workshop.Date(c.start), End: workshop.Date(c.end)}
		if p != want {
			t.Errorf("%q → %+v, want %+v", c.in, p, want)
		}
	}
}

func TestPeriodFromLabel_InvalidNamesTheForms(t *testing.T) {
	for _, in := range []string{"", "Q1", "2027-Q5", "2027-Q0", "2027-H3", "2027-13", "2027-00", "27-Q1", "2027-Q1x", "next quarter", "2027/03"} {
		_, err := workshop.PeriodFromLabel(in)
		lcKind(t, err, workshop.KindInvalid)
		msg := workshop.Message(err)
		for _, form := range []string{`"2027-Q1"`, `"2027-H1"`, `"2027-03"`, `"2027"`} {
			if !strings.Contains(msg, form) {
				t.Errorf("%q: message %q does not name the form %s", in, msg, form)
			}
		}
	}
}

func TestNextPeriodLabel(t *testing.T) {
	cases := []struct {
		p    workshop.Period
		want string
	}{
		{workshop.Period{Label: "2027-Q1"}, "2027-Q2"},
		{workshop.Period{Label: "2027-Q4"}, "2028-Q1"},
		{workshop.Period{Label: "2027-H1"}, "2027-H2"},
		{workshop.Period{Label: "2027-H2"}, "2028-H1"},
		{workshop.Period{Label: "2027"}, "2028"},
		{workshop.Period{Label: "2027-12"}, "2028-01"},
		{workshop.Period{Label: "2027-05"}, "2027-06"},
		{workshop.Period{Label: "FY27 spring", Start: "2027-02-01", End: "2027-04-30"}, "2027-Q2"},
		{workshop.Period{Label: "whenever"}, ""},
	}
	for _, c := range cases {
		if got := workshop.NextPeriodLabel(c.p); got != c.want {
			t.Errorf("after %+v: %q, want %q", c.p, got, c.want)
		}
	}
	if got := workshop.CurrentQuarterLabel(time.Date(2026, 11, 30, 23, 0, 0, 0, time.UTC)); got != "2026-Q4" {
		t.Errorf("CurrentQuarterLabel = %q", got)
	}
}

func TestNewSession_Blank(t *testing.T) {
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	s, err := workshop.NewSession("  Atelier GTM  ", workshop.FR, "", now)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.ID) != 16 || len(s.Revisions) != 1 || !s.Created.Equal(now) || !s.Updated.Equal(now) {
		t.Fatalf("session = %+v", s)
	}
	r := s.Current()
	if r.Number != 1 || r.Status != workshop.StatusDraft {
		t.Errorf("revision = %d %q", r.Number, r.Status)
	}
	c := r.Charter
	if c.Title != "Atelier GTM" || c.Lang != workshop.FR {
		t.Errorf("title %q lang %q", c.Title, c.Lang)
	}
	want := workshop.Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"}
	if c.Period != want {
		t.Errorf("default period = %+v, want the quarter after now's: %+v", c.Period, want)
	}
	if len(c.Rituals) != 3 || c.Rituals[0].Name != "Synchronisation hebdomadaire" {
		t.Errorf("rituals = %+v", c.Rituals)
	}
	if !s.Board.Anonymous || s.Board.VotesPerParticipant != 3 {
		t.Errorf("board = %+v", s.Board)
	}
	if s2, _ := workshop.NewSession("Other", workshop.EN, "2027-H2", now); s2.ID == s.ID || s2.Current().Charter.Period.End != "2027-12-31" {
		t.Errorf("second session: id %q period %+v", s2.ID, s2.Current().Charter.Period)
	}
}

func TestNewSession_Invalid(t *testing.T) {
	cases := []struct {
		title  string
		lang   workshop.Lang
		period string
	}{
		{"   ", workshop.EN, ""},
		{"GTM", "de", ""},
		{"GTM", "", ""},
		{"GTM", workshop.EN, "Q1 2027"},
	}
	for _, c := range cases {
		s, err := workshop.NewSession(c.title, c.lang, c.period, lcNow)
		lcKind(t, err, workshop.KindInvalid)
		if s != nil {
			t.Errorf("%+v: session returned with an error", c)
		}
	}
}

func TestNextPeriod_BaselinesFromLastCheckIn(t *testing.T) {
	s := lcFrozen()
	s.CheckIns = []workshop.CheckIn{
		{ID: "c1", KPIID: "k-win", Date: "2027-02-15", Value: "22"},
		{ID: "c2", KPIID: "k-win", Date: "2027-03-28", Value: "26,5"},
		{ID: "c3", KPIID: "k-win", Date: "2027-03-01", Value: "24"}, // entered late, older date
		{ID: "c4", KPIID: "k-cycle", Date: "2027-03-20", Value: "55"},
		{ID: "c5", KPIID: "k-cycle", Date: "2027-03-20", Value: "54"}, // same day, entered last
		{ID: "c6", KPIID: "k-meet", Date: "not a date", Value: "99"},
	}
	before := lcJSON(t, s)
	later := lcNow.AddDate(0, 3, 0)
	n, err := s.NextPeriod(later)
	if err != nil {
		t.Fatal(err)
	}
	if after := lcJSON(t, s); after != before {
		t.Error("NextPeriod changed the previous session")
	}
	if n.ID == s.ID || n.PreviousID != s.ID || !n.Created.Equal(later) {
		t.Errorf("id %q previous %q created %v", n.ID, n.PreviousID, n.Created)
	}
	if len(n.Revisions) != 1 || n.Current().Status != workshop.StatusDraft || len(n.Current().Signatures) != 0 {
		t.Fatalf("revisions = %+v", n.Revisions)
	}
	c := n.Current().Charter
	if c.Title != "Go-to-market Q1" {
		t.Errorf("title = %q", c.Title)
	}
	if want := (workshop.Period{Label: "2027-Q2", Start: "2027-04-01", End: "2027-06-30"}); c.Period != want {
		t.Errorf("period = %+v", c.Period)
	}
	baselines := map[string]string{}
	for _, k := range c.KPIs {
		baselines[k.ID] = k.Baseline
	}
	want := map[string]string{"k-win": "26,5", "k-cycle": "54", "k-meet": "10", "k-slip": "20"}
	for id, b := range want {
		if baselines[id] != b {
			t.Errorf("%s baseline = %q, want %q", id, baselines[id], b)
		}
	}
	for _, o := range c.Objectives {
		if o.Deadline != "2027-06-30" {
			t.Errorf("%s deadline = %q", o.ID, o.Deadline)
		}
	}
	if len(n.CheckIns) != 0 || len(c.Decisions) != 0 {
		t.Errorf("check-ins %d, decisions %d: want none", len(n.CheckIns), len(c.Decisions))
	}
	if len(c.Participants) != 4 || len(c.Roles) != 7 || len(c.Rituals) != 3 || len(c.Objectives) != 2 {
		t.Errorf("not copied: %d participants, %d roles, %d rituals, %d objectives", len(c.Participants), len(c.Roles), len(c.Rituals), len(c.Objectives))
	}
	// Deep copy: editing the new charter leaves the signed one alone.
	_ = n.Edit(later, func(c *workshop.Charter) {
		c.KPIs[0].Objectives[0] = "o-win"
		c.Objectives[0].SideEffects[0].Description = "changed"
		c.Rituals[0].Attendees = append(c.Rituals[0].Attendees, "p-bob")
	})
	if old := s.Current().Charter; old.KPIs[0].Objectives[0] != "o-cycle" || old.Objectives[0].SideEffects[0].Description != "Deals pushed to close before they are ready" {
		t.Error("the next period's charter shares slices with the signed one")
	}
	if got := workshop.Seal(&s.Current().Charter); got != s.Current().Seal {
		t.Error("the signed revision's seal no longer matches its content")
	}
}

func TestNextPeriod_OnlyFromSigned(t *testing.T) {
	n, err := lcSession().NextPeriod(lcNow)
	lcKind(t, err, workshop.KindForbidden)
	if n != nil {
		t.Error("session returned with an error")
	}
}
