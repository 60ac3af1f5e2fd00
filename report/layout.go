package report

import (
	"fmt"
	"math"
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

// column of a table.
type column struct {
	title string
	w     float64 // share of the content width; normalised by table
	align string
	keep  bool // never wrap inside a value (numbers such as "60 000")
}

// tableStyle tunes a table.
type tableStyle struct {
	pt        float64
	header    bool // print the header row (repeated on each page)
	firstBold bool // first column in bold
	zebra     bool
	labels    bool // first column is a label column (muted, no header)
}

// table draws rows in columns. Cells wrap; a row that does not fit the
// rest of the page moves to the next one, with the header row repeated; a
// row taller than a whole page is split across pages line by line, so that
// no text is ever lost or drawn outside the page.
func (w *writer) table(cols []column, rows [][]string, st tableStyle) {
	if st.pt == 0 {
		st.pt = 8
	}
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.w / total * w.pg.contentW()
	}
	const padX, padY = 1.6, 1.3
	// Every cell is sanitized once, before it is measured and wrapped.
	clean := make([][]string, len(rows))
	for r, row := range rows {
		clean[r] = make([]string, len(row))
		for i, v := range row {
			clean[r][i] = sanitize(v)
		}
	}
	rows = clean
	w.fitWidths(cols, rows, st, widths, padX)
	lh := lineH(st.pt)

	headerLines := make([][]string, len(cols))
	headerH := 0.0
	if st.header {
		w.font("B", st.pt)
		n := 1
		for i, c := range cols {
			headerLines[i] = w.capLines(w.split(sanitize(c.title), widths[i]-2*padX), maxHeaderLines, widths[i]-2*padX)
			n = max(n, len(headerLines[i]))
		}
		headerH = float64(n)*lh + 2*padY
	}
	drawHeader := func() {
		if !st.header {
			return
		}
		y := w.pdf.GetY()
		w.fill(navy)
		w.pdf.Rect(w.pg.left, y, w.pg.contentW(), headerH, "F")
		w.font("B", st.pt)
		w.text(white)
		x := w.pg.left
		for i := range cols {
			for j, line := range headerLines[i] {
				w.pdf.SetXY(x+padX, y+padY+float64(j)*lh)
				w.pdf.CellFormat(widths[i]-2*padX, lh, line, "", 0, cols[i].align, false, 0, "")
			}
			x += widths[i]
		}
		w.pdf.SetY(y + headerH)
	}
	// Start the table on a new page when not even the header and one line fit.
	w.room(headerH + lh + 2*padY)
	drawHeader()

	for r, row := range rows {
		cells := make([][]string, len(cols))
		n := 1
		for i := range cols {
			txt := ""
			if i < len(row) {
				txt = row[i]
			}
			w.font(cellStyle(st, i), st.pt)
			cells[i] = w.split(txt, widths[i]-2*padX)
			n = max(n, len(cells[i]))
		}
		for start := 0; start < n; {
			avail := w.pg.limit() - w.pdf.GetY() - 2*padY
			fit := int(math.Floor(avail/lh + 1e-6))
			// A page holding nothing but the header takes at least a line,
			// so that no row can send the table from page to page forever.
			fresh := w.pdf.GetY() <= w.pg.top+headerH+0.01
			if fresh {
				fit = max(fit, 1)
			}
			if !fresh && (fit < min(n-start, 2) || (start == 0 && fit < n && float64(n)*lh+2*padY <= w.pg.limit()-w.pg.top-headerH)) {
				// Move the row to a fresh page: it fits whole there, or too
				// little of it fits here.
				w.pdf.AddPage()
				w.pdf.SetY(w.pg.top)
				drawHeader()
				continue
			}
			end := min(n, start+fit)
			y := w.pdf.GetY()
			h := float64(end-start)*lh + 2*padY
			if st.zebra && r%2 == 1 {
				w.fill(zebra)
				w.pdf.Rect(w.pg.left, y, w.pg.contentW(), h, "F")
			}
			x := w.pg.left
			for i := range cols {
				w.font(cellStyle(st, i), st.pt)
				if st.labels && i == 0 {
					w.text(muted)
				} else {
					w.text(ink)
				}
				for j := start; j < end && j < len(cells[i]); j++ {
					w.pdf.SetXY(x+padX, y+padY+float64(j-start)*lh)
					w.pdf.CellFormat(widths[i]-2*padX, lh, cells[i][j], "", 0, cols[i].align, false, 0, "")
				}
				x += widths[i]
			}
			w.draw(rule)
			w.pdf.SetLineWidth(0.2)
			w.pdf.Line(w.pg.left, y+h, w.pg.left+w.pg.contentW(), y+h)
			w.pdf.SetY(y + h)
			start = end
			if start < n {
				w.pdf.AddPage()
				w.pdf.SetY(w.pg.top)
				drawHeader()
			}
		}
	}
	w.pdf.SetY(w.pdf.GetY() + 3)
}

// maxHeaderLines is the most lines a column title takes in a table's header
// row, which repeats on every page; a longer title (an objective's, as the
// head of a roles column) is cut with "…" there and printed whole in its
// own section.
const maxHeaderLines = 4

// capLines keeps the first n lines, the last one ending with "…" when
// lines were dropped.
func (w *writer) capLines(lines []string, n int, width float64) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	head, _ := w.head(lines[n-1], width-w.pdf.GetStringWidth("…"))
	lines[n-1] = head + "…"
	return lines
}

func cellStyle(st tableStyle, i int) string {
	if i == 0 && st.firstBold {
		return "B"
	}
	return ""
}

// fitWidths widens the columns too narrow for their longest word (so that
// "Responsable" is never cut into "Responsabl-e") at the expense of the
// columns with room to spare.
func (w *writer) fitWidths(cols []column, rows [][]string, st tableStyle, widths []float64, padX float64) {
	need := make([]float64, len(cols))
	longest := func(i int, s, style string) {
		w.font(style, st.pt)
		for word := range strings.FieldsSeq(s) {
			need[i] = max(need[i], w.pdf.GetStringWidth(word)+2*padX+0.3)
		}
	}
	for i, c := range cols {
		if st.header {
			longest(i, sanitize(c.title), "B")
		}
		for _, row := range rows {
			if i >= len(row) {
				continue
			}
			if c.keep {
				w.font(cellStyle(st, i), st.pt)
				need[i] = max(need[i], w.pdf.GetStringWidth(row[i])+2*padX+0.3)
			} else {
				longest(i, row[i], cellStyle(st, i))
			}
		}
		need[i] = min(need[i], w.pg.contentW()*0.45)
	}
	for range cols {
		deficit, spare := 0.0, 0.0
		for i := range cols {
			if widths[i] < need[i] {
				deficit += need[i] - widths[i]
			} else {
				spare += widths[i] - need[i]
			}
		}
		if deficit < 0.01 || spare < 0.01 {
			return
		}
		take := min(1, deficit/spare)
		for i := range cols {
			if widths[i] < need[i] {
				widths[i] += (need[i] - widths[i]) * min(1, spare/deficit)
			} else {
				widths[i] -= (widths[i] - need[i]) * take
			}
		}
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
