package workshop_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

func day(s string) time.Time {
	t, err := time.Parse(workshop.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t.Add(15 * time.Hour) // the time of day never matters
}

// seriesCharter is a charter of period 2027-Q1 (90 days) with one KPI.
func seriesCharter(l workshop.Lang, k workshop.KPI) *workshop.Charter {
	k.ID, k.Name = "k", "KPI"
	return &workshop.Charter{Lang: l, Period: workshop.Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"}, KPIs: []workshop.KPI{k}}
}

func checkins(pairs ...string) []workshop.CheckIn {
	var out []workshop.CheckIn
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, workshop.CheckIn{ID: "ci-" + pairs[i], KPIID: "k", Date: workshop.Date(pairs[i]), Value: pairs[i+1]})
	}
	return out
}

// TestR_KPI_StatusOverSeries_Issue13_1 runs one series of check-ins per
// target type and reads the §2 status at chosen dates. Every expected value
// is worked out by hand in the comments: the period has 90 days, so on day
// d of the period the expected progress is (d − 1) / 90.
func TestR_KPI_StatusOverSeries_Issue13_1(t *testing.T) {
	type at struct {
		asOf     string
		want     workshop.KPIStatus
		progress float64 // when the KPI has progress
		nextDue  string
		overdue  bool
	}
	cases := []struct {
		name string
		l    workshop.Lang
		k    workshop.KPI
		cis  []workshop.CheckIn
		at   []at
	}{
		{
			name: "IncreaseTo", l: workshop.EN,
			k:   workshop.KPI{TargetType: workshop.IncreaseTo, Baseline: "100", Target: "200", Alert: "110", Frequency: workshop.Weekly},
			cis: checkins("2027-01-08", "120", "2027-01-15", "118", "2027-01-22", "122", "2027-01-29", "125", "2027-02-05", "105", "2027-02-12", "205"),
			at: []at{
				{"2027-01-05", workshop.StatusNoData, 0, "2027-01-08", false},      // before the first check-in, due a week after the start
				{"2027-01-10", workshop.StatusOnTrack, 0.2, "2027-01-15", false},   // (120−100)/100 = 0.2 ≥ 0.75 × 9/90 = 0.075
				{"2027-01-29", workshop.StatusOnTrack, 0.25, "2027-02-05", false},  // 0.25 ≥ 0.75 × 28/90 = 0.2333
				{"2027-02-03", workshop.StatusAtRisk, 0.25, "2027-02-05", false},   // 0.25 < 0.75 × 33/90 = 0.275
				{"2027-02-05", workshop.StatusAlert, 0.05, "2027-02-12", false},    // 105 < alert 110
				{"2027-02-12", workshop.StatusAchieved, 1.05, "2027-02-19", false}, // 205 ≥ 200
				{"2027-02-22", workshop.StatusAchieved, 1.05, "2027-02-19", true},  // 10 days old ≤ 10.5: still achieved, but a check-in is late
				{"2027-02-24", workshop.StatusOutdated, 1.05, "2027-02-19", true},  // 12 days > 1.5 × 7
			},
		},
		{
			name: "DecreaseTo", l: workshop.FR,
			k:   workshop.KPI{TargetType: workshop.DecreaseTo, Baseline: "60", Target: "50", Alert: "62", Frequency: workshop.Monthly},
			cis: checkins("2027-01-20", "58", "2027-02-20", "58,5", "2027-03-01", "62,5", "2027-03-10", "49,5"),
			at: []at{
				{"2027-01-10", workshop.StatusNoData, 0, "2027-01-31", false},
				{"2027-01-22", workshop.StatusOnTrack, 0.2, "2027-02-19", false}, // (58−60)/(50−60) = 0.2 ≥ 0.75 × 21/90 = 0.175
				{"2027-02-20", workshop.StatusAtRisk, 0.15, "2027-03-22", false}, // 0.15 < 0.75 × 50/90 = 0.4167
				{"2027-03-01", workshop.StatusAlert, -0.25, "2027-03-31", false}, // 62.5 > alert 62
				{"2027-03-10", workshop.StatusAchieved, 1.05, "", false},         // 49.5 ≤ 50; the next one would fall after the period
				{"2027-04-30", workshop.StatusOutdated, 1.05, "", false},         // 51 days > 1.5 × 30
			},
		},
		{
			name: "StayAtOrAbove", l: workshop.EN,
			k:   workshop.KPI{TargetType: workshop.StayAtOrAbove, Baseline: "91", Target: "90", Alert: "92", Frequency: workshop.Weekly},
			cis: checkins("2027-01-08", "95", "2027-01-15", "91", "2027-01-22", "89", "2027-01-29", "93", "2027-03-31", "94"),
			at: []at{
				{"2027-01-07", workshop.StatusNoData, 0, "2027-01-08", false},
				{"2027-01-08", workshop.StatusOnTrack, 1, "2027-01-15", false}, // 95 beyond the alert threshold 92
				{"2027-01-15", workshop.StatusAtRisk, 1, "2027-01-22", false},  // 90 ≤ 91 < 92: between target and alert
				{"2027-01-22", workshop.StatusAlert, 0, "2027-01-29", false},   // 89 < target 90
				{"2027-01-29", workshop.StatusOnTrack, 1, "2027-02-05", false}, // 93
				{"2027-02-12", workshop.StatusOutdated, 1, "2027-02-05", true}, // 14 days > 10.5
				{"2027-04-02", workshop.StatusAchieved, 1, "", false},          // period over, 94 ≥ 90
			},
		},
		{
			name: "StayAtOrBelow", l: workshop.EN,
			k:   workshop.KPI{TargetType: workshop.StayAtOrBelow, Baseline: "13", Target: "15", Alert: "14", Frequency: workshop.Weekly},
			cis: checkins("2027-01-08", "12", "2027-01-15", "14.5", "2027-01-22", "16", "2027-03-30", "13"),
			at: []at{
				{"2027-01-01", workshop.StatusNoData, 0, "2027-01-08", false},
				{"2027-01-09", workshop.StatusOnTrack, 1, "2027-01-15", false}, // 12 ≤ 14
				{"2027-01-15", workshop.StatusAtRisk, 1, "2027-01-22", false},  // 14 < 14.5 ≤ 15
				{"2027-01-22", workshop.StatusAlert, 0, "2027-01-29", false},   // 16 > 15
				{"2027-02-05", workshop.StatusOutdated, 0, "2027-01-29", true}, // 14 days > 10.5
				{"2027-04-01", workshop.StatusAchieved, 1, "", false},          // period over, 13 ≤ 15
			},
		},
	}
	for _, tc := range cases {
		c := seriesCharter(tc.l, tc.k)
		for _, a := range tc.at {
			t.Run(tc.name+"_"+a.asOf, func(t *testing.T) {
				tr := workshop.TrackKPI(c, c.KPIs[0], tc.cis, day(a.asOf))
				if tr.Report.Status != a.want {
					t.Errorf("status %s, want %s (progress %v, expected %v)", tr.Report.Status, a.want, tr.Report.Progress, tr.Report.Expected)
				}
				if math.Abs(tr.Report.Progress-a.progress) > 1e-9 {
					t.Errorf("progress %v, want %v", tr.Report.Progress, a.progress)
				}
				if string(tr.NextDue) != a.nextDue || tr.Overdue != a.overdue {
					t.Errorf("next due %q overdue %v, want %q %v", tr.NextDue, tr.Overdue, a.nextDue, a.overdue)
				}
			})
		}
	}
}

func TestCheckIns_AppendOnlySealUnchanged_Issue13_1(t *testing.T) {
	s := lcFrozen()
	r := s.Current()
	sealBefore, charterBefore := r.Seal, lcJSON(t, r.Charter)
	now := time.Date(2027, 2, 1, 10, 0, 0, 0, time.UTC)
	first, err := s.NewCheckIn(workshop.CheckInInput{KPI: "Win rate", Value: "21 %", Date: "2027-01-31", Confidence: "6", Author: "bob leroy"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if first.Author != "Bob Leroy" || first.Confidence != 6 || first.NoConfidence || first.Supersedes != "" || !first.RecordedAt.Equal(now) {
		t.Fatalf("first check-in %+v", first)
	}
	if err := s.AddCheckIns(first); err != nil {
		t.Fatal(err)
	}
	// A second check-in on the same KPI and day is a correction.
	fix, err := s.NewCheckIn(workshop.CheckInInput{KPI: "k-win", Value: "22 %", Date: "January 31, 2027"}, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if fix.Supersedes != first.ID || !fix.NoConfidence {
		t.Fatalf("the correction %+v should supersede %s without confidence", fix, first.ID)
	}
	for i := range 50 {
		if err := s.AddCheckIns(fix); i == 0 && err != nil {
			t.Fatal(err)
		} else if i > 0 && workshop.KindOf(err) != workshop.KindConflict {
			t.Fatalf("adding the same check-in again: %v", err)
		}
		more, _ := s.NewCheckIn(workshop.CheckInInput{KPI: "Meeting rate", Value: "11", Date: "2027-01-" + string(rune('1'+i%3)) + "0"}, now)
		if err := s.AddCheckIns(more); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.CheckIns) != 52 || s.CheckIns[0].Value != "21 %" {
		t.Fatalf("history has %d check-ins, first %+v: the superseded one must stay", len(s.CheckIns), s.CheckIns[0])
	}
	if r.Seal != sealBefore || workshop.Seal(&r.Charter) != sealBefore || lcJSON(t, r.Charter) != charterBefore {
		t.Fatal("check-ins changed the signed charter or its seal")
	}
	tr := workshop.TrackKPI(&r.Charter, *workshop.ByID(r.Charter.KPIs, "k-win"), s.CheckIns, now)
	if len(tr.Series) != 1 || tr.Series[0].Value != 22 || tr.Report.Current != 22 {
		t.Fatalf("the series should hold the correction only: %+v", tr.Series)
	}
	// A correction must name a check-in of the same KPI.
	bad := fix
	bad.ID, bad.Supersedes, bad.KPIID = "other", first.ID, "k-cycle"
	if err := s.AddCheckIns(bad); workshop.KindOf(err) != workshop.KindInvalid {
		t.Fatalf("a correction of another KPI's check-in: %v", err)
	}

	// Amending keeps them: revision 2 tracks the same KPIs by id, and
	// until it is signed, revision 1 stays the tracked one.
	if err := s.Amend("Raise the win-rate target", now); err != nil {
		t.Fatal(err)
	}
	if got := s.TrackedRevision().Number; got != 1 {
		t.Fatalf("tracked revision %d while 2 is a draft, want 1", got)
	}
	if len(s.CheckIns) != 52 {
		t.Fatal("amending dropped check-ins")
	}
	tr2 := workshop.TrackKPI(&s.Current().Charter, *workshop.ByID(s.Current().Charter.KPIs, "k-win"), s.CheckIns, now)
	if tr2.Report.Current != 22 {
		t.Fatalf("revision 2 lost the series: %+v", tr2.Report)
	}
}

func TestCheckIns_NextPeriodBaselineIsLastEffective_Issue13_1(t *testing.T) {
	s := lcFrozen()
	now := time.Date(2027, 4, 2, 9, 0, 0, 0, time.UTC)
	for _, in := range []workshop.CheckInInput{
		{KPI: "Win rate", Value: "23 %", Date: "2027-02-28"},
		{KPI: "Win rate", Value: "26 %", Date: "2027-03-31"},
		{KPI: "Win rate", Value: "25,5 %", Date: "2027-03-31"}, // unreadable in English: refused
	} {
		ci, err := s.NewCheckIn(in, now)
		if in.Value == "25,5 %" {
			if err == nil || !strings.Contains(err.Error(), `"25,5 %"`) {
				t.Fatalf("a French number in an English charter: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddCheckIns(ci); err != nil {
			t.Fatal(err)
		}
	}
	fix, err := s.NewCheckIn(workshop.CheckInInput{KPI: "Win rate", Value: "25.5 %", Date: "2027-03-31"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddCheckIns(fix); err != nil {
		t.Fatal(err)
	}
	next, err := s.NextPeriod(now)
	if err != nil {
		t.Fatal(err)
	}
	if got := workshop.ByID(next.Current().Charter.KPIs, "k-win").Baseline; got != "25.5 %" {
		t.Fatalf("next period's baseline %q, want the correction 25.5 %%", got)
	}
	if len(next.CheckIns) != 0 {
		t.Fatal("the next period starts without check-ins")
	}
}

func TestNewCheckIn_BadInputNamesField_Issue13_1(t *testing.T) {
	s := lcFrozen()
	s.Current().Charter.Lang = workshop.FR
	now := time.Date(2027, 2, 1, 10, 0, 0, 0, time.UTC)
	good, err := s.NewCheckIn(workshop.CheckInInput{KPI: "win RATE", Value: "1 200,5", Date: "31/03/2027", Confidence: "0"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if good.Date != "2027-03-31" || good.Confidence != 0 || good.NoConfidence || good.Value != "1 200,5" {
		t.Fatalf("%+v", good)
	}
	if today, _ := s.NewCheckIn(workshop.CheckInInput{KPI: "k-win", Value: "3"}, now); today.Date != "2027-02-01" {
		t.Fatalf("no date means today: %+v", today)
	}
	for _, tc := range []struct {
		in   workshop.CheckInInput
		want string
	}{
		{workshop.CheckInInput{KPI: "Churn", Value: "1"}, `KPI "Churn" is not in this charter`},
		{workshop.CheckInInput{KPI: "", Value: "1"}, "no KPI given"},
		{workshop.CheckInInput{KPI: "Win rate", Value: ""}, "the value is required"},
		{workshop.CheckInInput{KPI: "Win rate", Value: "beaucoup"}, `value "beaucoup"`},
		{workshop.CheckInInput{KPI: "Win rate", Value: "1,200.5"}, `value "1,200.5"`},
		{workshop.CheckInInput{KPI: "Win rate", Value: "3", Date: "31/02/2027"}, `date "31/02/2027" is not a date`},
		{workshop.CheckInInput{KPI: "Win rate", Value: "3", Confidence: "11"}, `confidence "11"`},
		{workshop.CheckInInput{KPI: "Win rate", Value: "3", Confidence: "7.5"}, `confidence "7.5"`},
		{workshop.CheckInInput{KPI: "Win rate", Value: "3", Author: "Mallory"}, `"Mallory" is not a participant`},
		{workshop.CheckInInput{KPI: "Win rate", Value: "3", Supersedes: "nope"}, `check-in "nope" does not exist`},
		{workshop.CheckInInput{KPI: "Win rate", Value: "3", Note: strings.Repeat("é", workshop.MaxCheckInNote+1)}, "the note is 2001 characters long"},
	} {
		if _, err := s.NewCheckIn(tc.in, now); err == nil || !strings.Contains(err.Error(), tc.want) || workshop.KindOf(err) != workshop.KindInvalid {
			t.Errorf("%+v: %v, want %q", tc.in, err, tc.want)
		}
	}
	if len(s.CheckIns) != 0 {
		t.Fatal("NewCheckIn stored something")
	}
}

func TestDashboard_ObjectiveWorstPilotContributors_Issue13_3(t *testing.T) {
	s := lcFrozen()
	c := &s.Current().Charter
	s.CheckIns = []workshop.CheckIn{
		{ID: "1", KPIID: "k-cycle", Date: "2027-02-10", Value: "49"}, // achieved (≤ 50)
		{ID: "2", KPIID: "k-slip", Date: "2027-02-10", Value: "26"},  // alert (> 25)
		{ID: "3", KPIID: "k-win", Date: "2027-02-10", Value: "24"},   // on track: 0.8 ≥ 0.75 × 40/90
		{ID: "4", KPIID: "k-meet", Date: "2027-01-20", Value: "14"},  // weekly, 25 days old: outdated and overdue
	}
	asOf := day("2027-02-14")
	d := workshop.Dashboard(c, s.CheckIns, asOf)
	if len(d) != 2 {
		t.Fatalf("%d objectives", len(d))
	}
	cycle, win := d[0], d[1]
	if cycle.Status != workshop.StatusAlert || cycle.Pilot == nil || cycle.Pilot.Name != "Alice Martin" || len(cycle.Contributors) != 1 || cycle.Contributors[0].Name != "Bob Leroy" {
		t.Fatalf("cycle objective: %+v", cycle)
	}
	if win.Status != workshop.StatusOutdated || win.Overdue != 1 || len(win.KPIs) != 2 {
		t.Fatalf("win objective: status %s overdue %d", win.Status, win.Overdue)
	}
	a := workshop.AttentionOf(s, asOf)
	if !a.Tracked || a.Status != workshop.StatusAlert || a.Overdue != 1 {
		t.Fatalf("attention %+v", a)
	}
	draft := lcSession()
	if workshop.AttentionOf(draft, asOf).Tracked {
		t.Fatal("a charter never signed is not tracked")
	}
	list := []workshop.Attention{{}, {Tracked: true, Status: workshop.StatusOnTrack}, a, {Tracked: true, Status: workshop.StatusAlert, Overdue: 3}}
	want := []workshop.Attention{list[3], a, list[1], {}}
	slicesSort(list)
	for i := range want {
		if list[i] != want[i] {
			t.Fatalf("needs-attention order %+v, want %+v", list, want)
		}
	}
}

func slicesSort(list []workshop.Attention) {
	for i := range list {
		for j := i + 1; j < len(list); j++ {
			if workshop.NeedsAttention(list[j], list[i]) < 0 {
				list[i], list[j] = list[j], list[i]
			}
		}
	}
}
