package report

import (
	"boussole/chart"
)

// Colours of the chart roles in the PDF; the window's renderer (ui) uses
// the same hues. A line's label says what it is: colour is never the only
// signal.
var (
	chartTarget = rgb{0x2E, 0x7D, 0x32}
	chartGrid   = rgb{0xE6, 0xE9, 0xEE}
	chartSeries = rgb{0x1F, 0x5F, 0xA8}
)

func chartColour(r chart.Role) rgb {
	switch r {
	case chart.RoleGrid:
		return chartGrid
	case chart.RoleFrame:
		return rule
	case chart.RoleAxisText, chart.RoleBaseline, chart.RoleToday, chart.RoleEmpty:
		return muted
	case chart.RoleTarget:
		return chartTarget
	case chart.RoleAlert:
		return alarm
	case chart.RolePeriodEnd:
		return navy
	}
	return chartSeries
}

func chartWidth(r chart.Role) float64 {
	switch r {
	case chart.RoleSeries:
		return 0.55
	case chart.RoleTarget, chart.RoleAlert:
		return 0.4
	case chart.RoleGrid, chart.RoleToday:
		return 0.15
	}
	return 0.25
}

// chart draws a laid-out trend (millimetres) with its top-left corner at
// (x0, y0), as vector paths and text: no image.
func (w *writer) chart(lt chart.Layout, x0, y0 float64) {
	pdf := w.pdf
	for _, s := range lt.Shapes {
		c := chartColour(s.Role)
		switch s.Kind {
		case chart.Segment:
			w.draw(c)
			pdf.SetLineWidth(chartWidth(s.Role))
			pdf.Line(x0+s.P[0].X, y0+s.P[0].Y, x0+s.P[1].X, y0+s.P[1].Y)
		case chart.Polyline:
			w.draw(c)
			pdf.SetLineWidth(chartWidth(s.Role))
			pdf.SetLineJoinStyle("round")
			pdf.MoveTo(x0+s.P[0].X, y0+s.P[0].Y)
			for _, p := range s.P[1:] {
				pdf.LineTo(x0+p.X, y0+p.Y)
			}
			pdf.DrawPath("D")
			pdf.SetLineJoinStyle("miter")
		case chart.Rect:
			w.draw(c)
			pdf.SetLineWidth(chartWidth(s.Role))
			pdf.Rect(x0+s.P[0].X, y0+s.P[0].Y, s.P[1].X-s.P[0].X, s.P[1].Y-s.P[0].Y, "D")
		case chart.Dot:
			w.fill(c)
			pdf.Circle(x0+s.P[0].X, y0+s.P[0].Y, s.R, "F")
		case chart.Text:
			pt := s.Size / 0.3528
			style := ""
			if s.Role == chart.RoleTarget || s.Role == chart.RoleAlert {
				style = "B"
			}
			w.font(style, pt)
			w.text(c)
			t := sanitize(s.Text)
			tw := pdf.GetStringWidth(t)
			x := x0 + s.P[0].X
			switch s.Align {
			case chart.Center:
				x -= tw / 2
			case chart.Right:
				x -= tw
			}
			pdf.Text(x, y0+s.P[0].Y+s.Size*0.36, t)
		}
	}
}
