package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/chart"
)

// The window's renderer of the chart model (package chart): the same
// shapes the review pack draws as PDF vectors, drawn as canvas lines,
// rectangles, circles and texts. Line labels say what each line is, so
// colour is never the only signal.

// Chart hues, the same as the PDF's.
var (
	chartTargetColour = color.NRGBA{0x2E, 0x7D, 0x32, 0xFF}
	chartAlertColour  = color.NRGBA{0xB2, 0x3A, 0x48, 0xFF}
	chartSeriesColour = color.NRGBA{0x1F, 0x5F, 0xA8, 0xFF}
)

func chartRoleColour(r chart.Role) color.Color {
	switch r {
	case chart.RoleGrid, chart.RoleFrame:
		return theme.Color(theme.ColorNameSeparator)
	case chart.RoleAxisText, chart.RoleBaseline, chart.RoleToday, chart.RoleEmpty:
		return theme.Color(theme.ColorNamePlaceHolder)
	case chart.RoleTarget:
		return chartTargetColour
	case chart.RoleAlert:
		return chartAlertColour
	case chart.RolePeriodEnd:
		return theme.Color(theme.ColorNamePrimary) // readable on light and dark themes
	}
	return chartSeriesColour
}

func chartRoleWidth(r chart.Role) float32 {
	switch r {
	case chart.RoleSeries:
		return 2
	case chart.RoleTarget, chart.RoleAlert:
		return 1.5
	}
	return 1
}

// chartObjects turns a laid-out trend (in pixels) into canvas objects.
func chartObjects(lt chart.Layout) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	line := func(role chart.Role, a, b chart.Pt) {
		l := canvas.NewLine(chartRoleColour(role))
		l.StrokeWidth = chartRoleWidth(role)
		l.Position1 = fyne.NewPos(float32(a.X), float32(a.Y))
		l.Position2 = fyne.NewPos(float32(b.X), float32(b.Y))
		out = append(out, l)
	}
	for _, s := range lt.Shapes {
		switch s.Kind {
		case chart.Segment:
			line(s.Role, s.P[0], s.P[1])
		case chart.Polyline:
			for i := 1; i < len(s.P); i++ {
				line(s.Role, s.P[i-1], s.P[i])
			}
		case chart.Rect:
			r := canvas.NewRectangle(color.Transparent)
			r.StrokeColor = chartRoleColour(s.Role)
			r.StrokeWidth = 1
			r.Move(fyne.NewPos(float32(s.P[0].X), float32(s.P[0].Y)))
			r.Resize(fyne.NewSize(float32(s.P[1].X-s.P[0].X), float32(s.P[1].Y-s.P[0].Y)))
			out = append(out, r)
		case chart.Dot:
			c := canvas.NewCircle(chartRoleColour(s.Role))
			c.Move(fyne.NewPos(float32(s.P[0].X-s.R), float32(s.P[0].Y-s.R)))
			c.Resize(fyne.NewSize(float32(2*s.R), float32(2*s.R)))
			out = append(out, c)
		case chart.Text:
			t := canvas.NewText(s.Text, chartRoleColour(s.Role))
			t.TextSize = float32(s.Size)
			t.TextStyle.Bold = s.Role == chart.RoleTarget || s.Role == chart.RoleAlert
			size := fyne.MeasureText(s.Text, t.TextSize, t.TextStyle)
			x := float32(s.P[0].X)
			switch s.Align {
			case chart.Center:
				x -= size.Width / 2
			case chart.Right:
				x -= size.Width
			}
			t.Move(fyne.NewPos(x, float32(s.P[0].Y)-size.Height/2))
			t.Resize(size)
			out = append(out, t)
		}
	}
	return out
}

// trendChart is a KPI's trend chart in the window.
type trendChart struct {
	widget.BaseWidget
	tr  chart.Trend
	min fyne.Size
}

func newTrendChart(tr chart.Trend, min fyne.Size) *trendChart {
	c := &trendChart{tr: tr, min: min}
	c.ExtendBaseWidget(c)
	return c
}

func (c *trendChart) CreateRenderer() fyne.WidgetRenderer { return &trendRenderer{c: c} }

type trendRenderer struct {
	c    *trendChart
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *trendRenderer) Layout(s fyne.Size) {
	if s == r.size && r.objs != nil {
		return
	}
	r.size = s
	ts := float64(theme.TextSize()) * 0.8
	r.objs = chartObjects(r.c.tr.Place(float64(s.Width), float64(s.Height), ts))
}
func (r *trendRenderer) MinSize() fyne.Size { return r.c.min }
func (r *trendRenderer) Refresh() {
	r.objs = nil
	r.Layout(r.size)
	canvas.Refresh(r.c)
}
func (r *trendRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *trendRenderer) Destroy()                     {}
