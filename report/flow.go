package report

import "strings"

// Page-break decisions: the height a block will take is measured before it
// is drawn, so that an objective's block is kept on one page when it fits,
// a heading never ends a page alone, and a section starts on the current
// page whenever its first block fits there.

// keep starts a new page unless h millimetres fit on this one; a block
// taller than a page starts on this page unless it is nearly full, and a
// fresh page never gets another one.
func (w *writer) keep(h float64) {
	if w.pdf.GetY() <= w.pg.top+0.01 {
		return
	}
	w.room(min(h, w.pg.capacity()))
}

// sectionH is the height of a section's heading, with the space above it.
const sectionH = 4 + 8 + 0.8 + 4

// labelH is the height of a caption (label).
func labelH() float64 { return lineH(8) + 0.5 }

// subsectionH is the height of a second-level heading.
func (w *writer) subsectionH(title string) float64 {
	w.font("B", 11.5)
	return 2 + float64(len(w.split(sanitize(title), w.pg.contentW())))*lineH(11.5) + 1.5
}

// paragraphH is the height paragraph takes for s.
func (w *writer) paragraphH(s, style string, pt, indent float64) float64 {
	w.font(style, pt)
	return float64(len(w.split(sanitize(s), w.pg.contentW()-indent))) * lineH(pt)
}

// listH is the height bullets or numbered take for items (indent is the
// list marker's: 6 for bullets, 7 for numbers).
func (w *writer) listH(items []string, pt, indent float64) float64 {
	w.font("", pt)
	h := 0.0
	for _, it := range items {
		h += float64(len(w.split(sanitize(it), w.pg.contentW()-indent)))*lineH(pt) + 0.8
	}
	return h
}

// fieldsLayout is the two-column label/value table of fields, measured.
func (w *writer) fieldsLayout(pairs [][2]string) *tableLayout {
	rows := make([][]string, len(pairs))
	for i, p := range pairs {
		rows[i] = []string{p[0], orDash(p[1])}
	}
	return w.layoutTable([]column{{w: 30, align: "L"}, {w: 100, align: "L"}}, rows, tableStyle{pt: 9, labels: true})
}

// ellipsis shortens one line at a word boundary so that it and "…" fit
// width with the current font; a first word too long for the line is cut
// where the line ends.
func (w *writer) ellipsis(s string, width float64) string {
	s = strings.TrimSpace(s)
	room := width - w.measure("…")
	for w.measure(s) > room {
		i := strings.LastIndexAny(s, " \u00a0")
		if i <= 0 {
			head, _ := w.head(s, room)
			return head + "…"
		}
		s = strings.TrimRight(s[:i], " \u00a0,;:—–-")
	}
	return s + "…"
}
