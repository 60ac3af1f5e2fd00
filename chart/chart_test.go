package chart

import (
	"math"
	"reflect"
	"testing"
	"time"

	"boussole/workshop"
)

func q1Charter(l workshop.Lang) *workshop.Charter {
	return &workshop.Charter{Lang: l, Period: workshop.Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"},
		KPIs: []workshop.KPI{{ID: "k", Name: "NRR", TargetType: workshop.IncreaseTo, Baseline: "100", Target: "110", Alert: "104", Frequency: workshop.Monthly}}}
}

func at(s string) time.Time {
	t, _ := time.Parse(workshop.DateLayout, s)
	return t
}

// TestTrend_NumbersAndShapes_Issue13_6 lays out a chart whose every
// coordinate is worked out by hand.
func TestTrend_NumbersAndShapes_Issue13_6(t *testing.T) {
	c := q1Charter(workshop.EN)
	cis := []workshop.CheckIn{
		{ID: "1", KPIID: "k", Date: "2027-01-01", Value: "100"},
		{ID: "2", KPIID: "k", Date: "2027-02-15", Value: "103"},
		{ID: "3", KPIID: "k", Date: "2027-02-15", Value: "105", Supersedes: "2"},
	}
	tr := Of(c, workshop.TrackKPI(c, c.KPIs[0], cis, at("2027-02-20")), at("2027-02-20"))
	// 100 … 110: a step of 5 (raw 2.5 → 5), widened by half a step where
	// a value sits on the edge: 97.5 … 112.5, ticks 100, 105, 110.
	if tr.YMin != 97.5 || tr.YMax != 112.5 || !reflect.DeepEqual(tr.YTicks, []float64{100, 105, 110}) {
		t.Fatalf("y range %v … %v ticks %v", tr.YMin, tr.YMax, tr.YTicks)
	}
	if len(tr.Samples) != 2 || tr.Samples[1].Value != 105 {
		t.Fatalf("samples %+v: the corrected value is plotted, not the superseded one", tr.Samples)
	}
	if !tr.From.Equal(at("2027-01-01")) || !tr.To.Equal(at("2027-03-31")) || len(tr.XTicks) != 3 {
		t.Fatalf("x range %v … %v ticks %v", tr.From, tr.To, tr.XTicks)
	}
	want := []Line{{RoleBaseline, 100, "Baseline 100"}, {RoleAlert, 104, "Alert 104"}, {RoleTarget, 110, "Target 110"}}
	if !reflect.DeepEqual(tr.Lines, want) {
		t.Fatalf("lines %+v", tr.Lines)
	}

	// 200 × 100 with text 5: the widest y label "100" has 3 characters, so
	// the plot runs from x = 5 × (0.6 × 3 + 0.8) = 13 to 197.5 and from
	// y = 3 to 90.5.
	lt := tr.Place(200, 100, 5)
	if math.Abs(lt.PlotLeft-13) > 1e-9 || lt.PlotRight != 197.5 || lt.PlotTop != 3 || lt.PlotBottom != 90.5 {
		t.Fatalf("plot area %v %v %v %v", lt.PlotLeft, lt.PlotTop, lt.PlotRight, lt.PlotBottom)
	}
	x := func(days float64) float64 { return 13 + days/89*184.5 } // 89 days from 1 Jan to 31 Mar
	y := func(v float64) float64 { return 3 + (112.5-v)/15*87.5 } // 15 units over 87.5
	var series, target *Shape
	var dots []Shape
	alertDashes, endDashes := 0, 0
	for i := range lt.Shapes {
		s := &lt.Shapes[i]
		switch {
		case s.Kind == Polyline && s.Role == RoleSeries:
			series = s
		case s.Kind == Segment && s.Role == RoleTarget:
			target = s
		case s.Kind == Dot:
			dots = append(dots, *s)
		case s.Kind == Segment && s.Role == RoleAlert:
			alertDashes++
		case s.Kind == Segment && s.Role == RolePeriodEnd:
			endDashes++
		}
	}
	near := func(a, b Pt) bool { return math.Abs(a.X-b.X) < 1e-6 && math.Abs(a.Y-b.Y) < 1e-6 }
	if series == nil || len(series.P) != 2 || !near(series.P[0], Pt{x(0), y(100)}) || !near(series.P[1], Pt{x(45), y(105)}) {
		t.Fatalf("series %+v, want (%v,%v) → (%v,%v)", series, x(0), y(100), x(45), y(105))
	}
	if target == nil || !near(target.P[0], Pt{13, y(110)}) || !near(target.P[1], Pt{197.5, y(110)}) {
		t.Fatalf("target line %+v at y %v", target, y(110))
	}
	if len(dots) != 2 || dots[1].R <= dots[0].R {
		t.Fatalf("dots %+v: one per check-in, the last larger", dots)
	}
	// The alert line is dashed: 184.5 long, dashes of 4 every 6.25: 30.
	if alertDashes != 30 || endDashes == 0 {
		t.Fatalf("%d alert dashes, %d period-end dashes", alertDashes, endDashes)
	}
}

func TestTrend_EmptyFrenchLongSeries_Issue13_6(t *testing.T) {
	c := q1Charter(workshop.FR)
	empty := Of(c, workshop.TrackKPI(c, c.KPIs[0], nil, at("2027-01-10")), at("2027-01-10"))
	lt := empty.Place(300, 150, 8)
	found := false
	for _, s := range lt.Shapes {
		if s.Kind == Text && s.Role == RoleEmpty && s.Text == "Aucun point d’avancement" {
			found = true
		}
		if s.Kind == Text && s.Role == RoleTarget && s.Text != "Cible 110" {
			t.Errorf("target label %q", s.Text)
		}
	}
	if !found {
		t.Fatal("an empty chart says so")
	}
	if got := MonthLabel(workshop.FR, at("2027-02-01"), true); got != "févr. 2027" {
		t.Fatalf("month label %q", got)
	}

	// Three years of check-ins (800): thinned to the plot's width, the
	// highest and lowest kept.
	var cis []workshop.CheckIn
	start := at("2024-03-25")
	for i := range 800 {
		v := 100 + 5*math.Sin(float64(i)/9)
		if i == 400 {
			v = 150
		}
		cis = append(cis, workshop.CheckIn{ID: workshop.NewID(), KPIID: "k", Date: workshop.DateOf(start.AddDate(0, 0, i*11/8)), Value: workshop.FormatNumber(v, workshop.FR)})
	}
	long := Of(c, workshop.TrackKPI(c, c.KPIs[0], cis, at("2027-03-31")), at("2027-03-31"))
	if len(long.Samples) != 800 || long.YMax < 150 || len(long.XTicks) > 7 {
		t.Fatalf("%d samples, y max %v, %d x ticks", len(long.Samples), long.YMax, len(long.XTicks))
	}
	lt = long.Place(100, 60, 4)
	for _, s := range lt.Shapes {
		if s.Kind != Polyline {
			continue
		}
		if len(s.P) >= 800 || len(s.P) < 100 {
			t.Fatalf("%d points drawn for 800", len(s.P))
		}
		top := math.Inf(1)
		for _, p := range s.P {
			top = math.Min(top, p.Y)
		}
		if math.Abs(top-lt.y(&long, 150)) > 1e-9 {
			t.Fatal("thinning lost the peak")
		}
	}
}
