// Package chart is the one model of a KPI's trend chart (PRODUCT.md §5):
// the check-ins against the baseline, the alert threshold and the target,
// over the period, with the period's end and the as-of day marked. It
// lays the chart out as plain shapes (segments, polylines, rectangles,
// dots and text, in abstract units with y downwards) that the window
// (ui, Fyne canvas) and the review pack (report, PDF vectors) both draw,
// so the numbers and the shapes agree. It depends on workshop only.
package chart

import (
	"math"
	"strconv"
	"time"

	"boussole/workshop"
)

// Role says what a shape shows; each renderer gives a role its colour and
// width, and colour is never the only signal (lines are labelled).
type Role int

// Roles.
const (
	RoleFrame     Role = iota // the plot area's border
	RoleGrid                  // horizontal grid lines
	RoleAxisText              // tick labels
	RoleBaseline              // the baseline (dotted)
	RoleTarget                // the target line
	RoleAlert                 // the alert threshold (dashed)
	RolePeriodEnd             // the period's end (dashed, vertical)
	RoleToday                 // the as-of day (vertical)
	RoleSeries                // the check-ins' line
	RoleDot                   // a check-in (the last one larger)
	RoleLabel                 // a line's label ("Target 110 %")
	RoleEmpty                 // the "no check-in yet" text
)

// Kind is a shape's kind.
type Kind int

// Kinds.
const (
	Segment  Kind = iota // P[0]–P[1]
	Polyline             // P[0]–P[1]–…
	Rect                 // outline: P[0] top-left, P[1] bottom-right
	Dot                  // P[0], radius R
	Text                 // at P[0], Align, Size
)

// Align is how a text sits on its point.
type Align int

// Alignments (horizontal; the point is the text's vertical middle).
const (
	Left Align = iota
	Center
	Right
)

// Pt is a point in drawing units, y downwards.
type Pt struct{ X, Y float64 }

// Shape is one thing to draw.
type Shape struct {
	Kind  Kind
	Role  Role
	P     []Pt
	R     float64 // Dot radius
	Text  string
	Size  float64 // Text height
	Align Align
}

// Line is a horizontal reference line of the chart.
type Line struct {
	Role  Role
	Value float64
	Label string
}

// Sample is one plotted check-in.
type Sample struct {
	Day   time.Time
	Value float64
}

// Trend is a KPI's chart, before layout: what both renderers show.
type Trend struct {
	Lang    workshop.Lang
	Samples []Sample
	Lines   []Line // baseline, alert, target (those that read)
	// From and To are the x range: the period (stretched to hold every
	// check-in); End is the period's last day, AsOf the day shown.
	From, To, End, AsOf time.Time
	HasEnd              bool
	// YMin and YMax are the y range, rounded to ticks; YTicks the grid.
	YMin, YMax float64
	YTicks     []float64
	XTicks     []time.Time // first days of months (or quarters, for long spans)
}

// Words a chart prints, French then English.
var words = map[string][2]string{
	"target":   {"Cible", "Target"},
	"alert":    {"Alerte", "Alert"},
	"baseline": {"Départ", "Baseline"},
	"end":      {"Fin de période", "Period end"},
	"empty":    {"Aucun point d’avancement", "No check-in yet"},
}

func say(l workshop.Lang, key string) string {
	if l == workshop.FR {
		return words[key][0]
	}
	return words[key][1]
}

var monthShort = [2][12]string{
	{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
	{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

// MonthLabel is the short name of t's month in l, with the year when the
// month is January or first on the axis.
func MonthLabel(l workshop.Lang, t time.Time, withYear bool) string {
	i := 1
	if l == workshop.FR {
		i = 0
	}
	s := monthShort[i][t.Month()-1]
	if withYear {
		s += " " + itoa(t.Year())
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

// Of builds the trend of one KPI track of charter c, as of asOf.
func Of(c *workshop.Charter, t workshop.KPITrack, asOf time.Time) Trend {
	l := c.Lang
	if !l.Valid() {
		l = workshop.FR
	}
	tr := Trend{Lang: l, AsOf: day(asOf)}
	for _, p := range t.Series {
		tr.Samples = append(tr.Samples, Sample{Day: p.Day, Value: p.Value})
	}
	num := func(v float64) string { return workshop.WithUnit(l, workshop.FormatNumber(v, l), t.KPI.Unit) }
	if t.HasBaseline {
		tr.Lines = append(tr.Lines, Line{RoleBaseline, t.Baseline, say(l, "baseline") + " " + num(t.Baseline)})
	}
	if t.HasAlert {
		tr.Lines = append(tr.Lines, Line{RoleAlert, t.Alert, say(l, "alert") + " " + num(t.Alert)})
	}
	if t.HasTarget {
		tr.Lines = append(tr.Lines, Line{RoleTarget, t.Target, say(l, "target") + " " + num(t.Target)})
	}

	from, okS := c.Period.Start.Time()
	end, okE := c.Period.End.Time()
	tr.HasEnd = okE
	tr.End = end
	switch {
	case okS && okE && end.After(from):
	case len(tr.Samples) > 0:
		from, end = tr.Samples[0].Day, tr.Samples[len(tr.Samples)-1].Day
	default:
		from, end = tr.AsOf.AddDate(0, -3, 0), tr.AsOf
	}
	to := end
	for _, s := range tr.Samples {
		if s.Day.Before(from) {
			from = s.Day
		}
		if s.Day.After(to) {
			to = s.Day
		}
	}
	if !to.After(from) {
		to = from.AddDate(0, 0, 1)
	}
	tr.From, tr.To = from, to

	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range tr.Samples {
		lo, hi = math.Min(lo, s.Value), math.Max(hi, s.Value)
	}
	for _, ln := range tr.Lines {
		lo, hi = math.Min(lo, ln.Value), math.Max(hi, ln.Value)
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	tr.YMin, tr.YMax, tr.YTicks = niceRange(lo, hi)
	tr.XTicks = monthTicks(from, to)
	return tr
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// niceRange widens [lo, hi] to round ticks (1, 2 or 5 × 10ⁿ), 3 to 6 of them.
func niceRange(lo, hi float64) (float64, float64, []float64) {
	if hi == lo {
		pad := math.Max(math.Abs(lo)*0.1, 1)
		lo, hi = lo-pad, hi+pad
	}
	span := hi - lo
	raw := span / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	min := math.Floor(lo/step) * step
	max := math.Ceil(hi/step) * step
	if min == lo && span > 0 {
		min -= step / 2
	}
	if max == hi && span > 0 {
		max += step / 2
	}
	var ticks []float64
	for v := math.Ceil(min/step) * step; v <= max+step*1e-9; v += step {
		ticks = append(ticks, math.Round(v/step)*step)
	}
	return min, max, ticks
}

// monthTicks gives the first days of the months in [from, to]; every
// third month when the span is long.
func monthTicks(from, to time.Time) []time.Time {
	var all []time.Time
	m := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if m.Before(from) {
		m = m.AddDate(0, 1, 0)
	}
	for ; !m.After(to); m = m.AddDate(0, 1, 0) {
		all = append(all, m)
	}
	if len(all) <= 7 {
		return all
	}
	every := (len(all) + 5) / 6
	var out []time.Time
	for i, t := range all {
		if (int(t.Month())-1)%every == 0 || i == 0 && every == 1 {
			out = append(out, t)
		}
	}
	return out
}
