package report

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The draft watermark is drawn as the outlines of its letters, filled, not
// as text: text extraction (pdftotext, a screen reader, copy and paste)
// never sees it, so it cannot interleave "DR" and "AFT" with the body's
// sentences. The badge at the top of each page says DRAFT as text, once.

// outline is a glyph run as path segments in font units, y upwards from
// the baseline, x from the start of the run.
type outline struct {
	segs    []sfnt.Segment
	advance float64 // width of the run, in font units
	upem    float64
}

var (
	outlinesMu sync.Mutex
	outlines   = map[string]*outline{}
)

// markOutline returns the outline of s in the bold face, computed once per
// process for each text (the two watermarks, in practice). Runes the face
// lacks are skipped.
func markOutline(face []byte, s string) (*outline, error) {
	outlinesMu.Lock()
	defer outlinesMu.Unlock()
	if o, ok := outlines[s]; ok {
		return o, nil
	}
	f, err := sfnt.Parse(face)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	upem := f.UnitsPerEm()
	// At ppem = units per em, LoadGlyph's 26.6 coordinates are font units.
	ppem := fixed.Int26_6(upem) << 6
	o := &outline{upem: float64(upem)}
	var x fixed.Int26_6
	for _, r := range s {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		segs, err := f.LoadGlyph(&buf, gi, ppem, nil)
		if err != nil {
			return nil, err
		}
		for _, sg := range segs {
			for i := range sg.Args {
				sg.Args[i].X += x
			}
			o.segs = append(o.segs, sg)
		}
		adv, err := f.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		if err != nil {
			return nil, err
		}
		x += adv
	}
	o.advance = float64(x) / 64
	outlines[s] = o
	return o, nil
}

// watermark fills the outline of mark, size points high, centred on the
// page and turned by angle degrees, in the current fill colour and alpha.
func (w *writer) watermark(o *outline, size, angle float64) {
	pdf := w.pdf
	scale := size * 25.4 / 72 / o.upem // millimetres per font unit
	cx, cy := w.pg.w/2, w.pg.h/2
	// The run's centre: half its advance, a third of an em above the baseline.
	x0 := cx - o.advance*scale/2
	y0 := cy + o.upem*scale/3
	pt := func(p fixed.Point26_6) (float64, float64) {
		// LoadGlyph's y grows downwards, as the page's does.
		return x0 + float64(p.X)/64*scale, y0 + float64(p.Y)/64*scale
	}
	pdf.TransformBegin()
	pdf.TransformRotate(angle, cx, cy)
	var curX, curY float64
	open := false
	for _, sg := range o.segs {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			if open {
				pdf.ClosePath()
			}
			curX, curY = pt(sg.Args[0])
			pdf.MoveTo(curX, curY)
			open = true
		case sfnt.SegmentOpLineTo:
			curX, curY = pt(sg.Args[0])
			pdf.LineTo(curX, curY)
		case sfnt.SegmentOpQuadTo:
			// fpdf has no quadratic curve: the same curve as a cubic.
			qx, qy := pt(sg.Args[0])
			x, y := pt(sg.Args[1])
			pdf.CurveBezierCubicTo(curX+2*(qx-curX)/3, curY+2*(qy-curY)/3, x+2*(qx-x)/3, y+2*(qy-y)/3, x, y)
			curX, curY = x, y
		case sfnt.SegmentOpCubeTo:
			ax, ay := pt(sg.Args[0])
			bx, by := pt(sg.Args[1])
			curX, curY = pt(sg.Args[2])
			pdf.CurveBezierCubicTo(ax, ay, bx, by, curX, curY)
		}
	}
	if open {
		pdf.ClosePath()
		pdf.DrawPath("f")
	}
	pdf.TransformEnd()
}
