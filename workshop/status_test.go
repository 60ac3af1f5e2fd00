package workshop

import (
	"math"
	"reflect"
	"testing"
	"time"
)

var statusPeriod = Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"}

// Mid-period (expected progress 0.5) and after the period.
var (
	midQ1   = time.Date(2027, 2, 15, 15, 0, 0, 0, time.UTC)
	afterQ1 = time.Date(2027, 4, 5, 9, 0, 0, 0, time.UTC)
)

func statusKPI(tt TargetType, baseline, target, alert string) KPI {
	return KPI{ID: "k", Name: "KPI", TargetType: tt, Baseline: baseline, Target: target, Alert: alert, Frequency: Weekly}
}

func ci(date, value string) CheckIn {
	return CheckIn{ID: date, KPIID: "k", Date: Date(date), Value: value}
}

func TestStatus_ByTargetType(t *testing.T) {
	inc := statusKPI(IncreaseTo, "20", "30", "22")
	dec := statusKPI(DecreaseTo, "60", "50", "58")
	above := statusKPI(StayAtOrAbove, "112", "110", "112")
	below := statusKPI(StayAtOrBelow, "13", "15", "14")
	cases := []struct {
		name     string
		k        KPI
		checkins []CheckIn
		now      time.Time
		want     KPIStatus
		progress float64
	}{
		{"NoData_IncreaseTo", inc, nil, midQ1, StatusNoData, 0},
		{"NoData_DecreaseTo", dec, []CheckIn{{KPIID: "other", Date: "2027-02-14", Value: "1"}}, midQ1, StatusNoData, 0},
		{"NoData_StayAtOrAbove_UnreadableOnly", above, []CheckIn{ci("2027-02-14", "lots"), ci("someday", "111")}, midQ1, StatusNoData, 0},
		{"NoData_StayAtOrBelow", below, nil, afterQ1, StatusNoData, 0},

		{"Outdated_IncreaseTo", inc, []CheckIn{ci("2027-02-04", "31")}, midQ1, StatusOutdated, 1.1},
		{"Outdated_DecreaseTo", dec, []CheckIn{ci("2027-02-01", "55")}, midQ1, StatusOutdated, 0.5},
		{"Outdated_StayAtOrAbove", above, []CheckIn{ci("2027-01-20", "115")}, midQ1, StatusOutdated, 1},
		{"Outdated_StayAtOrBelow", below, []CheckIn{ci("2027-01-20", "20")}, midQ1, StatusOutdated, 0},
		{"NotOutdated_TenDaysWeekly", inc, []CheckIn{ci("2027-02-05", "25")}, midQ1, StatusOnTrack, 0.5},

		{"Achieved_IncreaseTo", inc, []CheckIn{ci("2027-02-14", "31")}, midQ1, StatusAchieved, 1.1},
		{"Achieved_IncreaseTo_Exactly", inc, []CheckIn{ci("2027-02-14", "30")}, midQ1, StatusAchieved, 1},
		{"Achieved_DecreaseTo", dec, []CheckIn{ci("2027-02-14", "49")}, midQ1, StatusAchieved, 1.1},
		{"Achieved_StayAtOrAbove_PeriodOver", above, []CheckIn{ci("2027-04-01", "115")}, afterQ1, StatusAchieved, 1},
		{"Achieved_StayAtOrBelow_PeriodOver", below, []CheckIn{ci("2027-03-31", "12")}, afterQ1, StatusAchieved, 1},

		{"Alert_IncreaseTo", inc, []CheckIn{ci("2027-02-14", "21")}, midQ1, StatusAlert, 0.1},
		{"Alert_DecreaseTo", dec, []CheckIn{ci("2027-02-14", "59")}, midQ1, StatusAlert, 0.1},
		{"AtRisk_StayAtOrAbove_BetweenTargetAndAlert", above, []CheckIn{ci("2027-02-14", "111")}, midQ1, StatusAtRisk, 1},
		{"Alert_StayAtOrAbove_BelowTarget", above, []CheckIn{ci("2027-02-14", "100")}, midQ1, StatusAlert, 0},
		{"AtRisk_StayAtOrBelow_BetweenTargetAndAlert", below, []CheckIn{ci("2027-02-14", "14,5")}, midQ1, StatusAtRisk, 1},
		{"Alert_StayAtOrBelow", below, []CheckIn{ci("2027-02-14", "15,5")}, midQ1, StatusAlert, 0},
		{"Alert_StayAtOrBelow_PeriodOver", below, []CheckIn{ci("2027-04-01", "16")}, afterQ1, StatusAlert, 0},

		{"AtRisk_IncreaseTo", inc, []CheckIn{ci("2027-02-14", "23")}, midQ1, StatusAtRisk, 0.3},
		{"AtRisk_DecreaseTo", dec, []CheckIn{ci("2027-02-14", "57")}, midQ1, StatusAtRisk, 0.3},
		{"AtRisk_StayAtOrAbove_NoAlert", statusKPI(StayAtOrAbove, "", "110", ""), []CheckIn{ci("2027-02-14", "105")}, midQ1, StatusAtRisk, 0},
		{"AtRisk_StayAtOrBelow_NoAlert", statusKPI(StayAtOrBelow, "", "15", ""), []CheckIn{ci("2027-02-14", "16")}, midQ1, StatusAtRisk, 0},

		{"OnTrack_IncreaseTo", inc, []CheckIn{ci("2027-02-14", "25")}, midQ1, StatusOnTrack, 0.5},
		{"OnTrack_IncreaseTo_JustAboveRisk", inc, []CheckIn{ci("2027-02-14", "23,8")}, midQ1, StatusOnTrack, 0.38},
		{"OnTrack_DecreaseTo", dec, []CheckIn{ci("2027-02-14", "55")}, midQ1, StatusOnTrack, 0.5},
		{"OnTrack_StayAtOrAbove", above, []CheckIn{ci("2027-02-14", "115")}, midQ1, StatusOnTrack, 1},
		{"OnTrack_StayAtOrBelow", below, []CheckIn{ci("2027-02-14", "13")}, midQ1, StatusOnTrack, 1},
		{"OnTrack_NoBaseline", statusKPI(IncreaseTo, "", "30", "22"), []CheckIn{ci("2027-02-14", "23")}, midQ1, StatusOnTrack, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := StatusOf(tc.k, tc.checkins, statusPeriod, FR, tc.now)
			if r.Status != tc.want {
				t.Errorf("status %s, want %s (report %+v)", r.Status, tc.want, r)
			}
			if math.Abs(r.Progress-tc.progress) > 1e-9 {
				t.Errorf("progress %v, want %v", r.Progress, tc.progress)
			}
		})
	}
}

func TestStatus_ReportDetails(t *testing.T) {
	k := statusKPI(IncreaseTo, "1 000", "2 000", "1 100")
	checkins := []CheckIn{
		ci("2027-02-10", "1 500"),
		{ID: "x", KPIID: "other", Date: "2027-02-12", Value: "9"},
		ci("2027-01-10", "1 200,5"),
		ci("2027-02-01", "n/a"),
		ci("2027-01-25", "1\u202f300"),
	}
	r := StatusOf(k, checkins, statusPeriod, FR, midQ1)
	if want := []float64{1200.5, 1300, 1500}; !reflect.DeepEqual(r.Trend, want) {
		t.Errorf("trend %v, want %v", r.Trend, want)
	}
	if r.Last == nil || r.Last.Date != "2027-02-10" || r.Current != 1500 {
		t.Errorf("last %+v current %v, want the 2027-02-10 check-in, 1500", r.Last, r.Current)
	}
	if !r.HasProgress || r.Progress != 0.5 {
		t.Errorf("progress %v (%v), want 0.5", r.Progress, r.HasProgress)
	}
	if want := 45.0 / 90; math.Abs(r.Expected-want) > 1e-9 {
		t.Errorf("expected %v, want %v", r.Expected, want)
	}
	if r.Status != StatusOnTrack {
		t.Errorf("status %s, want on-track", r.Status)
	}
	// Changing the returned check-in does not change the input.
	r.Last.Value = "0"
	if checkins[0].Value != "1 500" {
		t.Errorf("StatusOf returned a pointer into the input")
	}
	// Expected is clamped to the period.
	if r := StatusOf(k, nil, statusPeriod, FR, afterQ1); r.Expected != 1 {
		t.Errorf("after the period expected = %v, want 1", r.Expected)
	}
	if r := StatusOf(k, nil, Period{}, FR, midQ1); r.Expected != 0 {
		t.Errorf("without dates expected = %v, want 0", r.Expected)
	}
}

func TestStatus_Outdated_ByFrequency(t *testing.T) {
	for _, tc := range []struct {
		f        Frequency
		lastDate string
		want     KPIStatus
	}{
		{Weekly, "2027-02-05", StatusOnTrack},  // 10 days ≤ 10.5
		{Weekly, "2027-02-04", StatusOutdated}, // 11 days
		{Monthly, "2027-01-01", StatusOnTrack}, // 45 days ≤ 45
		{Monthly, "2026-12-31", StatusOutdated},
		{Quarterly, "2026-11-01", StatusOnTrack},
	} {
		k := statusKPI(IncreaseTo, "20", "30", "22")
		k.Frequency = tc.f
		if got := StatusOf(k, []CheckIn{ci(tc.lastDate, "26")}, statusPeriod, EN, midQ1).Status; got != tc.want {
			t.Errorf("%s, last %s: %s, want %s", tc.f, tc.lastDate, got, tc.want)
		}
	}
}

func TestStatus_Worse(t *testing.T) {
	order := []KPIStatus{StatusAchieved, StatusOnTrack, StatusNoData, StatusOutdated, StatusAtRisk, StatusAlert}
	for i, a := range order {
		for j, b := range order {
			want := a
			if j > i {
				want = b
			}
			if got := Worse(a, b); got != want {
				t.Errorf("Worse(%s, %s) = %s, want %s", a, b, got, want)
			}
		}
	}
}

func TestStatus_ObjectiveTakesWorstKPI(t *testing.T) {
	c := rulesCharter(EN)
	c.Period = statusPeriod
	c.KPIs[1].Objectives = []string{"o1", "o2"} // win rate measures o1 too
	checkins := []CheckIn{
		{KPIID: "k1", Date: "2027-02-14", Value: "52"},   // cycle length: achieved (≤ 53)
		{KPIID: "k2", Date: "2027-02-14", Value: "23 %"}, // win rate: alert (< 24 %)
		{KPIID: "k3", Date: "2027-02-14", Value: "50"},   // meetings: on track
	}
	for _, tc := range []struct {
		obj  string
		want KPIStatus
	}{
		{"o1", StatusAlert},
		{"o3", StatusOnTrack},
		{"nope", StatusNoData},
	} {
		if got := ObjectiveStatus(c, tc.obj, checkins, midQ1); got != tc.want {
			t.Errorf("ObjectiveStatus(%s) = %s, want %s", tc.obj, got, tc.want)
		}
	}
	if got := ObjectiveStatus(c, "o1", checkins[:1], midQ1); got != StatusNoData {
		t.Errorf("o1 with one KPI unmeasured = %s, want no-data", got)
	}
	if got := ObjectiveStatus(nil, "o1", nil, midQ1); got != StatusNoData {
		t.Errorf("nil charter = %s", got)
	}
}

func BenchmarkValidate(b *testing.B) {
	c := rulesCharter(FR)
	for b.Loop() {
		Validate(c)
	}
}

func BenchmarkParseNumber(b *testing.B) {
	for b.Loop() {
		_, _ = ParseNumber("12\u202f345,67 €", FR)
	}
}
