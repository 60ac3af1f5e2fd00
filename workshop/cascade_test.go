package workshop

import "testing"

type casCase struct {
	name    string
	lang    Lang
	kpi     *KPI
	lines   []CascadeLine
	verdict CascadeVerdict
	sum     float64
	counted int
}

// TestR_CAS_1_CheckCascade is the table of the one R-CAS-1 implementation:
// each target type in both directions, and every reason not to judge.
func TestR_CAS_1_CheckCascade(t *testing.T) {
	tenth, fifth := 0.1, 0.2
	kpi := func(u Unit, tt TargetType, target string) KPI {
		return KPI{ID: "k", Name: "Pipeline", Unit: u, TargetType: tt, Target: target}
	}
	var cases []casCase
	for _, tc := range []struct {
		tt           TargetType
		under, above CascadeVerdict
	}{
		{IncreaseTo, CascadeBelow, CascadeConsistent},
		{StayAtOrAbove, CascadeBelow, CascadeConsistent},
		{DecreaseTo, CascadeConsistent, CascadeAbove},
		{StayAtOrBelow, CascadeConsistent, CascadeAbove},
	} {
		k := kpi(UnitCount, tc.tt, "10")
		cases = append(cases,
			casCase{string(tc.tt) + " sum below", EN, &k, []CascadeLine{{"A", "4"}, {"B", "4"}}, tc.under, 8, 2},
			casCase{string(tc.tt) + " sum above", EN, &k, []CascadeLine{{"A", "20"}, {"B", "20"}}, tc.above, 40, 2},
			casCase{string(tc.tt) + " sum equal", EN, &k, []CascadeLine{{"A", "4"}, {"B", "6"}}, CascadeConsistent, 10, 2},
		)
	}
	eur := kpi(UnitEUR, IncreaseTo, "12 000 €")
	pct := kpi(UnitPercent, IncreaseTo, "10 %")
	noTarget := kpi(UnitCount, IncreaseTo, "")
	badTarget := kpi(UnitCount, IncreaseTo, "ten")
	float := kpi(UnitEUR, DecreaseTo, "0,3")
	more := []casCase{
		{"French numbers with spaces and unit", FR, &eur, []CascadeLine{{"Nord", "6 000 €"}, {"Sud", "6 000,5 €"}}, CascadeConsistent, 12000.5, 2},
		{"float rounding is no inconsistency", FR, &float, []CascadeLine{{"A", "0,1"}, {"B", "0,2"}}, CascadeConsistent, tenth + fifth, 2},
		{"not additive", EN, &pct, []CascadeLine{{"A", "4"}}, CascadeNotAdditive, 4, 1},
		{"blank lines are skipped", EN, &eur, []CascadeLine{{"A", " "}, {"B", ""}}, CascadeEmpty, 0, 0},
		{"an unreadable team target stops the judgement", EN, &eur, []CascadeLine{{"A", "lots"}, {"B", "99999"}}, CascadeUnreadable, 99999, 1},
		{"no collective target", EN, &noTarget, []CascadeLine{{"A", "4"}}, CascadeNoTarget, 4, 1},
		{"unreadable collective target", EN, &badTarget, []CascadeLine{{"A", "4"}}, CascadeNoTarget, 4, 1},
		{"KPI not in the charter", EN, nil, []CascadeLine{{"A", "4"}}, CascadeNoKPI, 4, 1},
	}
	cases = append(cases, more...)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &Charter{Lang: tc.lang, Cascades: []Cascade{{ID: "c", KPIID: "k", Lines: tc.lines}}}
			cs := &c.Cascades[0]
			if tc.kpi != nil {
				c.KPIs = []KPI{*tc.kpi}
			}
			got := CheckCascade(c, cs)
			if got.Verdict != tc.verdict || got.Sum != tc.sum || got.Lines != tc.counted {
				t.Fatalf("CheckCascade = %s sum %v over %d lines, want %s sum %v over %d", got.Verdict, got.Sum, got.Lines, tc.verdict, tc.sum, tc.counted)
			}
			// The findings say the same thing.
			fs := withCode(Validate(c), "R-CAS-1")
			if got.Inconsistent() != (len(fs) == 1) {
				t.Fatalf("Inconsistent() = %v but Validate gave %d R-CAS-1", got.Inconsistent(), len(fs))
			}
			if len(fs) == 1 && fs[0].Args[4] != string(got.Verdict) {
				t.Errorf("finding direction %q, verdict %q", fs[0].Args[4], got.Verdict)
			}
		})
	}
}

func TestR_CAS_1_CheckCascadeNamesUnreadableLines(t *testing.T) {
	c := &Charter{Lang: EN, KPIs: []KPI{{ID: "k", Unit: UnitCount, TargetType: IncreaseTo, Target: "10"}}}
	cs := &Cascade{KPIID: "k", Lines: []CascadeLine{{"North", "3"}, {" South ", " 4x4 "}}}
	got := CheckCascade(c, cs)
	if len(got.Unread) != 1 || got.Unread[0].Line != 1 || got.Unread[0].Team != "South" || got.Unread[0].Text != "4x4" || got.Unread[0].Err == nil {
		t.Fatalf("Unread = %+v", got.Unread)
	}
}

// TestR_CAS_1_CustomCurrencyUnitIsAdditive: a KPI whose unit was typed as
// "€", "k€" or "dollars" adds its teams' targets up as the built-in EUR
// does; a custom unit that is no amount ("NPS", "%pts") is not summed.
func TestR_CAS_1_CustomCurrencyUnitIsAdditive(t *testing.T) {
	for _, u := range []Unit{"€", " K€ ", "dollars", "EUR", "£"} {
		k := KPI{ID: "k", Name: "MRR", Unit: u, TargetType: IncreaseTo, Target: "100"}
		c := &Charter{Lang: EN, KPIs: []KPI{k}, Cascades: []Cascade{{ID: "c", KPIID: "k", Lines: []CascadeLine{{"A", "40"}, {"B", "30"}}}}}
		if got := CheckCascade(c, &c.Cascades[0]); got.Verdict != CascadeBelow || got.Sum != 70 {
			t.Errorf("unit %q: verdict %v, sum %v; want below, 70", u, got.Verdict, got.Sum)
		}
	}
	for _, u := range []Unit{"NPS", "%pts", "jours"} {
		if u.Additive() {
			t.Errorf("unit %q counted as additive", u)
		}
	}
}
