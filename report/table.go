package report

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Tables of the charter: measured first (column widths, a column's font
// size, each cell's lines), then drawn, so that a section can ask how much
// room a table needs before it starts one.

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

const (
	padX, padY = 1.6, 1.3
	// minSplit is the shortest word, in letters, that a cell may split
	// across lines; a shorter one makes its column's font smaller instead.
	minSplit = 12
	// ptStep is one step of a column's font size; minPt the smallest.
	ptStep, minPt = 0.5, 5.0
	// maxHeaderLines is the most lines a column title takes in a table's
	// header row, which repeats on every page; a longer title (an
	// objective's, as the head of a roles column) is cut with "…" there
	// and printed whole in its own section.
	maxHeaderLines = 4
	// keepRows is the fewest rows a table starts with at a page's foot.
	keepRows = 3
	// keepWhole: a table of at most this many rows that fits on a page is
	// never split; it starts on the next page when it does not fit here.
	keepWhole = 12
)

// tableLayout is a table measured: column widths and font sizes, the
// header's lines and every row's cell lines.
type tableLayout struct {
	cols    []column
	st      tableStyle
	widths  []float64
	pts     []float64 // each column's font size
	lh      float64   // the line height of the table's grid
	header  [][]string
	headerH float64
	cells   [][][]string // row, column, lines
	lines   []int        // lines of each row
}

// rowH is the height of row r drawn whole.
func (t *tableLayout) rowH(r int) float64 { return float64(t.lines[r])*t.lh + 2*padY }

// height is the height of the header and the first n rows (all when n is
// larger), with the space after the table when it is whole.
func (t *tableLayout) height(n int) float64 {
	h := t.headerH
	for r := 0; r < min(n, len(t.lines)); r++ {
		h += t.rowH(r)
	}
	if n >= len(t.lines) {
		h += 3
	}
	return h
}

// startNeed is the room a table needs on the current page to start there:
// a short table that fits on a page whole, else its header and first three
// rows; never more than a fresh page holds.
func (w *writer) startNeed(t *tableLayout) float64 {
	whole := t.height(len(t.lines))
	if len(t.lines) <= keepWhole && whole <= w.pg.capacity() {
		return whole
	}
	return min(t.height(keepRows), w.pg.capacity())
}

// capacity is the height a fresh page holds.
func (p page) capacity() float64 { return p.limit() - p.top }

func cellStyle(st tableStyle, i int) string {
	if i == 0 && st.firstBold {
		return "B"
	}
	return ""
}

// measure is the width of s in the current font: the one measurement the
// table's wrapping uses.
func (w *writer) measure(s string) float64 { return w.pdf.GetStringWidth(s) }

// layoutTable measures a table: every cell sanitized once, column widths
// fitted to the longest words, a column's font made smaller (a step at a
// time) while a word of fewer than minSplit letters does not fit its
// width, and a longer word a step smaller before it is split.
func (w *writer) layoutTable(cols []column, rows [][]string, st tableStyle) *tableLayout {
	if st.pt == 0 {
		st.pt = 8
	}
	t := &tableLayout{cols: cols, st: st, lh: lineH(st.pt)}
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	t.widths = make([]float64, len(cols))
	for i, c := range cols {
		t.widths[i] = c.w / total * w.pg.contentW()
	}
	clean := make([][]string, len(rows))
	for r, row := range rows {
		clean[r] = make([]string, len(cols))
		for i := range cols {
			if i < len(row) {
				clean[r][i] = sanitize(row[i])
			}
		}
	}
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = sanitize(c.title)
	}
	w.fitWidths(t, titles, clean)

	// A column's font size: the widest word that cannot be split (fewer
	// than minSplit letters) must fit; a longer word gets one step.
	t.pts = make([]float64, len(cols))
	for i := range cols {
		inner := t.widths[i] - 2*padX
		pt := st.pt
		fits := func(pt float64, short bool) bool {
			ok := true
			each := func(s, style string) {
				w.font(style, pt)
				for word := range strings.FieldsSeq(s) {
					for _, piece := range hyphenPieces(word) {
						if short && utf8.RuneCountInString(piece) >= minSplit {
							continue
						}
						if w.measure(piece) > inner {
							ok = false
							return
						}
					}
				}
			}
			if st.header {
				each(titles[i], "B")
			}
			for r := 0; r < len(clean) && ok; r++ {
				// A value kept on one line ("60 000 €") must fit whole;
				// one too long for any line wraps at its words.
				if cols[i].keep && !short {
					w.font(cellStyle(st, i), pt)
					ok = w.measure(clean[r][i]) <= inner
					continue
				}
				each(clean[r][i], cellStyle(st, i))
			}
			return ok
		}
		if !fits(pt, false) {
			pt -= ptStep
			for pt > minPt && !fits(pt, true) {
				pt -= ptStep
			}
		}
		t.pts[i] = pt
	}

	if st.header {
		n := 1
		t.header = make([][]string, len(cols))
		for i := range cols {
			w.font("B", t.pts[i])
			t.header[i] = w.capLines(w.wrap(titles[i], t.widths[i]-2*padX), maxHeaderLines, t.widths[i]-2*padX)
			n = max(n, len(t.header[i]))
		}
		t.headerH = float64(n)*t.lh + 2*padY
	}
	t.cells = make([][][]string, len(clean))
	t.lines = make([]int, len(clean))
	for r, row := range clean {
		t.cells[r] = make([][]string, len(cols))
		n := 1
		for i := range cols {
			w.font(cellStyle(st, i), t.pts[i])
			if cols[i].keep && w.measure(row[i]) <= t.widths[i]-2*padX {
				t.cells[r][i] = []string{row[i]}
			} else {
				t.cells[r][i] = w.wrap(row[i], t.widths[i]-2*padX)
			}
			n = max(n, len(t.cells[r][i]))
		}
		t.lines[r] = n
	}
	return t
}

// hyphenPieces cuts a word after each of its hyphens ("customer-", "led"),
// the places a line may break inside it.
func hyphenPieces(word string) []string {
	var out []string
	for {
		i := strings.IndexAny(word[min(1, len(word)):], "-‐–")
		if i < 0 {
			break
		}
		i++ // the index in word
		_, size := utf8.DecodeRuneInString(word[i:])
		if i+size >= len(word) {
			break
		}
		out = append(out, word[:i+size])
		word = word[i+size:]
	}
	return append(out, word)
}

// wrap breaks sanitized text into lines of width with the current font, at
// spaces and after hyphens. A word of minSplit letters or more that is
// wider than a line is split where the line ends; a shorter one is never
// split (layoutTable chose a font size it fits). Blank lines are kept; the
// result is never empty.
func (w *writer) wrap(s string, width float64) []string {
	var out []string
	// Widths add up (the faces have no kerning here): a line's width is
	// kept as it grows, so that a paragraph costs its length.
	space := w.measure(" ")
	if w.pdf.french {
		s = glueFrench(s)
	}
	for para := range strings.SplitSeq(s, "\n") {
		line, lineW := "", 0.0
		// Words are cut at breakable spaces only: "12 000 €" stays whole.
		for word := range strings.FieldsFuncSeq(para, breakableSpace) {
			sep, sepW := " ", space
			if line == "" {
				sep, sepW = "", 0
			}
			if wordW := w.measure(word); lineW+sepW+wordW <= width {
				line, lineW = line+sep+word, lineW+sepW+wordW
				continue
			}
			for _, piece := range hyphenPieces(word) {
				pieceW := w.measure(piece)
				if lineW+sepW+pieceW <= width {
					line, lineW = line+sep+piece, lineW+sepW+pieceW
					sep, sepW = "", 0
					continue
				}
				if line != "" {
					out = append(out, line)
				}
				sep, sepW = "", 0
				if pieceW > width && utf8.RuneCountInString(piece) >= minSplit {
					// Split where each line ends; head measures one line's
					// worth of runes, so a word of a megabyte costs its length.
					for {
						head, cut := w.head(piece, width)
						if !cut {
							break
						}
						if head == "" {
							_, size := utf8.DecodeRuneInString(piece)
							head = piece[:size]
						}
						out = append(out, head)
						piece = piece[len(head):]
					}
					pieceW = w.measure(piece)
				}
				line, lineW = piece, pieceW
			}
		}
		out = append(out, line)
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// drawTable draws a measured table. Cells wrap; a table starts on the next
// page when less than startNeed is left; a row that does not fit the rest
// of the page moves to the next one, with the header row repeated; a row
// taller than a whole page is split across pages line by line, so that no
// text is ever lost or drawn outside the page.
func (w *writer) drawTable(t *tableLayout) {
	cols, st, widths, lh := t.cols, t.st, t.widths, t.lh
	drawHeader := func() {
		if !st.header {
			return
		}
		y := w.pdf.GetY()
		w.fill(navy)
		w.pdf.Rect(w.pg.left, y, w.pg.contentW(), t.headerH, "F")
		w.text(white)
		x := w.pg.left
		for i := range cols {
			w.font("B", t.pts[i])
			for j, line := range t.header[i] {
				w.pdf.SetXY(x+padX, y+padY+float64(j)*lh)
				w.pdf.CellFormat(widths[i]-2*padX, lh, line, "", 0, cols[i].align, false, 0, "")
			}
			x += widths[i]
		}
		w.pdf.SetY(y + t.headerH)
	}
	w.room(w.startNeed(t))
	drawHeader()

	for r := range t.cells {
		cells, n := t.cells[r], t.lines[r]
		for start := 0; start < n; {
			avail := w.pg.limit() - w.pdf.GetY() - 2*padY
			fit := int(math.Floor(avail/lh + 1e-6))
			// A page holding nothing but the header takes at least a line,
			// so that no row can send the table from page to page forever.
			fresh := w.pdf.GetY() <= w.pg.top+t.headerH+0.01
			if fresh {
				fit = max(fit, 1)
			}
			if !fresh && (fit < min(n-start, 2) || (start == 0 && fit < n && float64(n)*lh+2*padY <= w.pg.capacity()-t.headerH)) {
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
				w.font(cellStyle(st, i), t.pts[i])
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

// capLines keeps the first n lines, the last one ending with "…" when
// lines were dropped.
func (w *writer) capLines(lines []string, n int, width float64) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	head, _ := w.head(lines[n-1], width-w.measure("…"))
	lines[n-1] = head + "…"
	return lines
}

// fitWidths widens the columns too narrow for their longest word (so that
// "Responsable" is never cut into "Responsabl-e") at the expense of the
// columns with room to spare. A word is measured up to its first hyphen,
// where a line may break.
func (w *writer) fitWidths(t *tableLayout, titles []string, rows [][]string) {
	cols, st, widths := t.cols, t.st, t.widths
	need := make([]float64, len(cols))
	longest := func(i int, s, style string) {
		w.font(style, st.pt)
		for word := range strings.FieldsSeq(s) {
			for _, piece := range hyphenPieces(word) {
				need[i] = max(need[i], w.measure(piece)+2*padX+0.3)
			}
		}
	}
	for i, c := range cols {
		if st.header {
			longest(i, titles[i], "B")
		}
		for _, row := range rows {
			if c.keep {
				w.font(cellStyle(st, i), st.pt)
				need[i] = max(need[i], w.measure(row[i])+2*padX+0.3)
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
