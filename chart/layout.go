package chart

import (
	"math"
	"sort"
	"time"

	"boussole/workshop"
)

// Layout is a trend laid out in a w × h box (any unit, y downwards) with
// text of height ts: the plot area and the shapes to draw, in order.
type Layout struct {
	W, H       float64
	PlotLeft   float64
	PlotTop    float64
	PlotRight  float64
	PlotBottom float64
	Shapes     []Shape
}

// X is where day t falls; Y where value v falls.
func (lt *Layout) x(tr *Trend, days float64) float64 {
	span := tr.To.Sub(tr.From).Hours() / 24
	return lt.PlotLeft + days/span*(lt.PlotRight-lt.PlotLeft)
}

func (lt *Layout) y(tr *Trend, v float64) float64 {
	return lt.PlotTop + (tr.YMax-v)/(tr.YMax-tr.YMin)*(lt.PlotBottom-lt.PlotTop)
}

// Place lays tr out in a w × h box with text of height ts.
func (tr Trend) Place(w, h, ts float64) Layout {
	l := tr.Lang
	lt := Layout{W: w, H: h}
	// Room for the y labels (the widest one), the x labels and a margin.
	widest := 0
	for _, v := range tr.YTicks {
		widest = max(widest, len([]rune(workshop.FormatNumber(v, l))))
	}
	lt.PlotLeft = ts * (0.6*float64(widest) + 0.8)
	lt.PlotRight = w - ts*0.5
	lt.PlotTop = ts * 0.6
	lt.PlotBottom = h - ts*1.9
	if lt.PlotRight-lt.PlotLeft < ts*4 || lt.PlotBottom-lt.PlotTop < ts*3 {
		return lt // too small to draw anything readable
	}
	add := func(s Shape) { lt.Shapes = append(lt.Shapes, s) }
	xOf := func(t time.Time) float64 { return lt.x(&tr, t.Sub(tr.From).Hours()/24) }
	yOf := func(v float64) float64 { return lt.y(&tr, v) }
	left, right, top, bottom := lt.PlotLeft, lt.PlotRight, lt.PlotTop, lt.PlotBottom

	add(Shape{Kind: Rect, Role: RoleFrame, P: []Pt{{left, top}, {right, bottom}}})
	for _, v := range tr.YTicks {
		y := yOf(v)
		if y < top-1e-9 || y > bottom+1e-9 {
			continue
		}
		add(Shape{Kind: Segment, Role: RoleGrid, P: []Pt{{left, y}, {right, y}}})
		add(Shape{Kind: Text, Role: RoleAxisText, P: []Pt{{left - ts*0.4, y}}, Text: workshop.FormatNumber(v, l), Size: ts, Align: Right})
	}
	for i, t := range tr.XTicks {
		x := xOf(t)
		add(Shape{Kind: Segment, Role: RoleFrame, P: []Pt{{x, bottom}, {x, bottom + ts*0.3}}})
		add(Shape{Kind: Text, Role: RoleAxisText, P: []Pt{{x, bottom + ts*1.1}}, Text: MonthLabel(l, t, i == 0 || t.Month() == 1), Size: ts, Align: Center})
	}

	// Reference lines, labelled at the right end, labels kept apart.
	lines := append([]Line(nil), tr.Lines...)
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].Value > lines[j].Value })
	lastLabel := math.Inf(-1)
	for _, ln := range lines {
		y := yOf(ln.Value)
		a, b := Pt{left, y}, Pt{right, y}
		switch ln.Role {
		case RoleTarget:
			add(Shape{Kind: Segment, Role: ln.Role, P: []Pt{a, b}})
		case RoleAlert:
			lt.Shapes = append(lt.Shapes, dashed(ln.Role, a, b, ts*0.8, ts*0.45)...)
		default:
			lt.Shapes = append(lt.Shapes, dashed(ln.Role, a, b, ts*0.2, ts*0.35)...)
		}
		ly := y - ts*0.75
		if ly-lastLabel < ts*1.1 {
			ly = lastLabel + ts*1.1
		}
		lastLabel = ly
		add(Shape{Kind: Text, Role: ln.Role, P: []Pt{{right - ts*0.3, ly}}, Text: ln.Label, Size: ts, Align: Right})
	}

	if tr.HasEnd && !tr.End.Before(tr.From) && !tr.End.After(tr.To) {
		x := xOf(tr.End)
		lt.Shapes = append(lt.Shapes, dashed(RolePeriodEnd, Pt{x, top}, Pt{x, bottom}, ts*0.5, ts*0.35)...)
		add(Shape{Kind: Text, Role: RolePeriodEnd, P: []Pt{{x - ts*0.3, bottom - ts*0.7}}, Text: say(l, "end"), Size: ts * 0.85, Align: Right})
	}
	if !tr.AsOf.Before(tr.From) && !tr.AsOf.After(tr.To) {
		x := xOf(tr.AsOf)
		add(Shape{Kind: Segment, Role: RoleToday, P: []Pt{{x, top}, {x, bottom}}})
	}

	if len(tr.Samples) == 0 {
		add(Shape{Kind: Text, Role: RoleEmpty, P: []Pt{{(left + right) / 2, (top + bottom) / 2}}, Text: say(l, "empty"), Size: ts, Align: Center})
		return lt
	}
	pts := make([]Pt, len(tr.Samples))
	for i, s := range tr.Samples {
		pts[i] = Pt{xOf(s.Day), yOf(s.Value)}
	}
	pts = thin(pts, int(math.Max(50, 2*(right-left))))
	if len(pts) > 1 {
		add(Shape{Kind: Polyline, Role: RoleSeries, P: pts})
	}
	if len(tr.Samples) <= 60 {
		for _, p := range pts[:len(pts)-1] {
			add(Shape{Kind: Dot, Role: RoleDot, P: []Pt{p}, R: ts * 0.22})
		}
	}
	add(Shape{Kind: Dot, Role: RoleDot, P: []Pt{pts[len(pts)-1]}, R: ts * 0.38})
	return lt
}

// dashed cuts the segment a–b into dashes of length on, gaps off.
func dashed(role Role, a, b Pt, on, off float64) []Shape {
	dx, dy := b.X-a.X, b.Y-a.Y
	n := math.Hypot(dx, dy)
	if n == 0 || on <= 0 {
		return nil
	}
	ux, uy := dx/n, dy/n
	var out []Shape
	for s := 0.0; s < n; s += on + off {
		e := math.Min(s+on, n)
		out = append(out, Shape{Kind: Segment, Role: role, P: []Pt{{a.X + ux*s, a.Y + uy*s}, {a.X + ux*e, a.Y + uy*e}}})
	}
	return out
}

// thin keeps at most about 2 × buckets points: per bucket of x, the first,
// lowest, highest and last point, in order, so peaks and dips survive.
func thin(pts []Pt, buckets int) []Pt {
	if len(pts) <= 2*buckets {
		return pts
	}
	x0, x1 := pts[0].X, pts[len(pts)-1].X
	width := (x1 - x0) / float64(buckets)
	if width <= 0 {
		return pts
	}
	var out []Pt
	for i := 0; i < len(pts); {
		b := math.Floor((pts[i].X - x0) / width)
		j := i
		lo, hi := i, i
		for j < len(pts) && math.Floor((pts[j].X-x0)/width) == b {
			if pts[j].Y < pts[lo].Y {
				lo = j
			}
			if pts[j].Y > pts[hi].Y {
				hi = j
			}
			j++
		}
		keep := []int{i, lo, hi, j - 1}
		sort.Ints(keep)
		last := -1
		for _, k := range keep {
			if k != last {
				out = append(out, pts[k])
				last = k
			}
		}
		i = j
	}
	return out
}
