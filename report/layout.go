package report

import (
	"fmt"
	"strings"
)

// Colours of the charter: a navy accent, near-black text, a muted grey for
// labels and light rules.
type rgb struct{ r, g, b int }

var (
	navy    = rgb{0x1F, 0x3A, 0x5F}
	ink     = rgb{0x1C, 0x22, 0x2B}
	muted   = rgb{0x5F, 0x6B, 0x7A}
	rule    = rgb{0xD5, 0xDB, 0xE3}
	zebra   = rgb{0xF3, 0xF5, 0xF8}
	paleNav = rgb{0xE6, 0xEC, 0xF4}
	white   = rgb{0xFF, 0xFF, 0xFF}
	alarm   = rgb{0xB2, 0x3A, 0x48}
)

// page is the geometry of a page, in millimetres.
type page struct {
	w, h                     float64
	left, right, top, bottom float64
}

func (p page) contentW() float64 { return p.w - p.left - p.right }
func (p page) limit() float64    { return p.h - p.bottom }

// writer wraps fpdf with the few drawing primitives the charter needs; its
// text is drawn in runs of mixed faces (textrun.go).
type writer struct {
	pdf *textPDF
	pg  page
}

func (w *writer) text(c rgb)                    { w.pdf.SetTextColor(c.r, c.g, c.b) }
func (w *writer) fill(c rgb)                    { w.pdf.SetFillColor(c.r, c.g, c.b) }
func (w *writer) draw(c rgb)                    { w.pdf.SetDrawColor(c.r, c.g, c.b) }
func (w *writer) font(style string, pt float64) { w.pdf.SetFont(fontFamily, style, pt) }

// lineH is the line height for a font size in points.
func lineH(pt float64) float64 { return pt * 0.3528 * 1.38 }

// room makes sure h millimetres are left on the page, else starts a new one.
func (w *writer) room(h float64) {
	if w.pdf.GetY()+h > w.pg.limit() {
		w.pdf.AddPage()
		w.pdf.SetY(w.pg.top)
	}
}

// split wraps sanitized text to a width with the current font, keeping
// blank lines; it never returns an empty slice.
func (w *writer) split(s string, width float64) []string {
	var out []string
	for para := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(para) == "" {
			out = append(out, "")
			continue
		}
		out = append(out, w.pdf.SplitText(para, width)...)
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// paragraph writes wrapped text at the left margin (plus indent), breaking
// pages as needed.
func (w *writer) paragraph(s string, style string, pt float64, c rgb, indent float64) {
	w.font(style, pt)
	w.text(c)
	lh := lineH(pt)
	width := w.pg.contentW() - indent
	for _, line := range w.split(sanitize(s), width) {
		w.room(lh)
		w.pdf.SetX(w.pg.left + indent)
		w.pdf.CellFormat(width, lh, line, "", 1, "L", false, 0, "")
	}
}

// bullets writes a bulleted list.
func (w *writer) bullets(items []string, pt float64) {
	w.list(items, pt, listMarker{x: 1.5, w: 4.5, indent: 6, text: func(int) string { return "•" }})
}

// numbered writes a numbered list, its numbers in bold.
func (w *writer) numbered(items []string, pt float64) {
	w.list(items, pt, listMarker{bold: true, x: 1, w: 6, indent: 7, text: func(n int) string { return fmt.Sprintf("%d.", n+1) }})
}

// listMarker is how a list marks its items: the marker's text for item n,
// its place and width from the left margin, and where the text starts.
type listMarker struct {
	bold   bool
	x, w   float64
	indent float64
	text   func(n int) string
}

// list writes items, each wrapped under its own indent, the marker in navy
// on the first line.
func (w *writer) list(items []string, pt float64, m listMarker) {
	w.font("", pt)
	lh := lineH(pt)
	width := w.pg.contentW() - m.indent
	for n, it := range items {
		lines := w.split(sanitize(it), width)
		for i, line := range lines {
			w.room(lh)
			if i == 0 {
				if m.bold {
					w.font("B", pt)
				}
				w.text(navy)
				w.pdf.SetX(w.pg.left + m.x)
				w.pdf.CellFormat(m.w, lh, m.text(n), "", 0, "L", false, 0, "")
				if m.bold {
					w.font("", pt)
				}
			}
			w.text(ink)
			w.pdf.SetX(w.pg.left + m.indent)
			w.pdf.CellFormat(width, lh, line, "", 1, "L", false, 0, "")
		}
		w.pdf.SetY(w.pdf.GetY() + 0.8)
	}
}

// truncate shortens one line of text to fit width with the current font,
// ending it with "…" when something was cut. It measures each rune once and
// stops at the width, so a title of a megabyte costs no more than a short
// one.
func (w *writer) truncate(s string, width float64) string {
	if len(s) < 4096 && w.pdf.GetStringWidth(s) <= width {
		return s
	}
	if head, cut := w.head(s, width-w.pdf.GetStringWidth("…")); cut {
		return head + "…"
	}
	return s
}

// head returns the longest start of s that fits width, and whether
// anything was left out.
func (w *writer) head(s string, width float64) (string, bool) {
	used := 0.0
	for i, r := range s {
		used += w.pdf.GetStringWidth(string(r))
		if used > width {
			return s[:i], true
		}
	}
	return s, false
}

// maxLabel is the longest, in runes, a navigation label gets (a bookmark,
// the title in the document's metadata): far more than any real title. A
// longer text is printed whole in the document and shortened there only.
const maxLabel = 500

// maxRef is the longest, in runes, a name gets where it points at
// something printed in full elsewhere (an objective's title in the decision
// log, a participant's name in the roles table), so that a name of a
// megabyte is laid out once, not once per mention; and where a person's
// name sits in a narrow column (a decision's author), where a megabyte
// would take a thousand pages.
const maxRef = 200

// ref is a name as a reference: shortened to maxRef runes.
func ref(s string) string {
	if len(s) <= maxRef {
		return s
	}
	return shorten(s, maxRef)
}

// shorten returns s on one line, cut to n runes with "…" when longer.
func shorten(s string, n int) string {
	i, count := 0, 0
	for i = range s {
		if count == n {
			return oneLine(s[:i]) + "…"
		}
		count++
	}
	return oneLine(s)
}

// oneLine turns the line breaks of s into spaces.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
