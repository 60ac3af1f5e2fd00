package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// textPDF is fpdf with text drawn in runs of mixed faces: fpdf draws a
// string in one font, left to right, unshaped. textPDF keeps fpdf's API for
// the calls the charter makes with text — SetFont, GetStringWidth,
// SplitText, CellFormat, Text — so that the layout code is unchanged, and
// for a text the main face draws whole (every Latin charter) it calls fpdf
// directly. Any other text is
//   - shaped: Arabic letters become their contextual presentation forms,
//     lam-alef a ligature (arabic.go);
//   - measured and wrapped rune by rune with the widths of the face each
//     rune is drawn in, breaking at spaces and between CJK ideographs;
//   - reordered line by line with the Unicode bidirectional algorithm
//     (bidi.go), so that "Name (Sales) محمد" reads right;
//   - cut into runs by face (faceFor), each drawn with its face, the fallback
//     face added to the PDF the first time a run needs it.
type textPDF struct {
	*fpdf.Fpdf
	// family, style and size of the font the layout asked for.
	family, style string
	size          float64
	// added holds the fallback faces already added to this PDF; failed
	// those fpdf could not read (their runs are drawn in the main face).
	added map[*face]bool
	// mainW caches the main face's rune widths for the current style and
	// size (SetFont empties it): a long text measures each rune once.
	mainW map[rune]float64
	// french: the document is in French, whose typography glues some
	// spaces people type (glueFrench).
	french bool
}

func newTextPDF(pdf *fpdf.Fpdf) *textPDF {
	return &textPDF{Fpdf: pdf, added: map[*face]bool{}}
}

// mainWidth is the width of r in the main face, as the layout set it.
func (t *textPDF) mainWidth(r rune) float64 {
	if t.mainW == nil {
		t.mainW = map[rune]float64{}
	}
	w, ok := t.mainW[r]
	if !ok {
		w = t.Fpdf.GetStringWidth(string(r))
		t.mainW[r] = w
	}
	return w
}

// SetFont selects the font as fpdf does and remembers it for the runs.
func (t *textPDF) SetFont(family, style string, size float64) {
	if size == 0 {
		size = t.size
	}
	if family != t.family || style != t.style || size != t.size {
		t.mainW = nil
	}
	t.family, t.style, t.size = family, style, size
	t.Fpdf.SetFont(family, style, size)
}

// mainOnly reports whether the main face draws s whole, left to right: then
// fpdf measures and draws it as it is.
func mainOnly(s string) bool {
	fs := loadFonts()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r >= 0x590 && r <= 0x8FF || r >= 0xFB1D && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF || r >= 0x10000 ||
			!fs.has(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// GetStringWidth is the width of s as it is drawn: shaped, in its faces.
func (t *textPDF) GetStringWidth(s string) float64 {
	if mainOnly(s) {
		return t.Fpdf.GetStringWidth(s)
	}
	rs := shapeArabic([]rune(s))
	total := 0.0
	for _, w := range t.widths(rs) {
		total += w
	}
	return total
}

// widths returns the width of each rune of shaped text (0 for the runes a
// ligature or a format character takes away).
func (t *textPDF) widths(rs []rune) []float64 {
	out := make([]float64, len(rs))
	var prev *face
	for i, r := range rs {
		if r == ligated || unicode.Is(unicode.Cf, r) {
			continue
		}
		f := faceFor(r, prev)
		prev = f
		f = f.styled(t.style, r)
		if f == nil || f == mainFace || !t.usable(f) {
			out[i] = t.mainWidth(r)
			continue
		}
		out[i] = float64(f.advance(r)) * t.size / t.GetConversionRatio() / 1000
	}
	return out
}

// usable reports whether fallback face f can be drawn in this PDF, adding
// it to the PDF the first time.
func (t *textPDF) usable(f *face) bool {
	if ok, seen := t.added[f]; seen {
		return ok
	}
	f.load()
	ok := f.err == nil
	if ok {
		t.Fpdf.AddUTF8FontFromBytes(f.family, "", f.data)
		ok = t.Fpdf.Error() == nil
	}
	t.added[f] = ok
	return ok
}

// SplitText wraps txt to width w as fpdf does for a plain text; otherwise
// it breaks at spaces and between CJK characters, measured in the faces
// the text is drawn in, and cuts a word wider than w between its letters.
func (t *textPDF) SplitText(txt string, w float64) []string {
	if t.french {
		txt = glueFrench(txt)
	}
	// fpdf breaks at every Unicode space, the no-break ones of French
	// typography too ("26" / "%" on two lines): those texts are wrapped here.
	if mainOnly(txt) && !strings.ContainsFunc(txt, noBreakSpace) {
		return t.Fpdf.SplitText(txt, w)
	}
	txt = strings.TrimRight(txt, "\n")
	rs := []rune(txt)
	ws := t.widths(shapeArabic(append([]rune(nil), rs...)))
	limit := w - 2*t.GetCellMargin() + 1e-9
	var lines []string
	start := 0
	for start < len(rs) {
		used, brk, i := 0.0, -1, start
		for ; i < len(rs); i++ {
			r := rs[i]
			if r == '\n' {
				break
			}
			if i > start && !isClosing(r) && (breakableSpace(r) || breaksAround(r) || breaksAround(rs[i-1])) {
				brk = i
			}
			used += ws[i]
			if used > limit && i > start && !isMark(r) { // a mark stays with its letter
				break
			}
		}
		end, next := i, i
		switch {
		case i >= len(rs) || rs[i] == '\n':
			if i < len(rs) {
				next = i + 1
			}
		case brk > start:
			end, next = brk, brk
		}
		lines = append(lines, strings.TrimRightFunc(string(rs[start:end]), unicode.IsSpace))
		for next < len(rs) && rs[next] == ' ' {
			next++
		}
		if next <= start { // never loop on a rune wider than the line
			next = start + 1
		}
		start = next
	}
	return lines
}

// breaksAround reports the runes a line may break before or after: CJK
// ideographs and kana, written without spaces.
func breaksAround(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF && !isHangul(r) || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFFEF
}

// isClosing reports punctuation that never starts a line ("。", "、", ")").
func isClosing(r rune) bool {
	return strings.ContainsRune("。、，．：；！？）」』】〕〉》”’・ー)]}!?,.:;", r)
}

// run is a piece of a line in one face, in visual order.
type run struct {
	f    *face
	text string
	w    float64
}

// runs shapes and reorders one line and cuts it into runs by face.
func (t *textPDF) runs(line string) []run {
	rs := shapeArabic([]rune(line))
	ws := t.widths(rs)
	order, levels := visualOrder(rs)
	var out []run
	var b strings.Builder
	var cur *face
	width := 0.0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, run{f: cur, text: b.String(), w: width})
		}
		b.Reset()
		width = 0
	}
	var prev *face
	for _, i := range order {
		r := rs[i]
		if r == ligated || unicode.Is(unicode.Cf, r) {
			continue
		}
		if levels[i]%2 == 1 {
			r = mirror(r)
		}
		f := faceFor(r, prev)
		prev = f
		f = f.styled(t.style, r)
		if f == nil || f != mainFace && !t.usable(f) {
			f = mainFace
		}
		if f != cur {
			flush()
			cur = f
		}
		b.WriteRune(r)
		width += ws[i]
	}
	flush()
	return out
}

// CellFormat draws a cell as fpdf does; a text that is not plain is drawn
// run by run inside the cell fpdf draws empty (borders, fill, page break,
// cursor move).
func (t *textPDF) CellFormat(w, h float64, txt, border string, ln int, align string, fill bool, link int, linkStr string) {
	if mainOnly(txt) {
		t.Fpdf.CellFormat(w, h, txt, border, ln, align, fill, link, linkStr)
		return
	}
	x0 := t.GetX()
	if w == 0 {
		pw, _ := t.GetPageSize()
		_, _, right, _ := t.GetMargins()
		w = pw - right - x0
	}
	t.Fpdf.CellFormat(w, h, "", border, ln, align, fill, link, linkStr)
	xEnd, yEnd := t.GetXY()
	y := yEnd
	if ln != 0 {
		y -= h
	}
	runs := t.runs(txt)
	total := 0.0
	for _, r := range runs {
		total += r.w
	}
	x := x0 + t.GetCellMargin()
	switch {
	case strings.Contains(align, "R"):
		x = x0 + w - t.GetCellMargin() - total
	case strings.Contains(align, "C"):
		x = x0 + (w-total)/2
	}
	auto, margin := t.GetAutoPageBreak()
	t.SetAutoPageBreak(false, margin)
	for _, r := range runs {
		t.use(r.f)
		t.SetXY(x, y)
		t.Fpdf.CellFormat(r.w, h, r.text, "", 0, "L", false, 0, "")
		x += r.w
	}
	t.use(mainFace)
	t.SetAutoPageBreak(auto, margin)
	t.SetXY(xEnd, yEnd)
}

// Text draws txt with its baseline at (x, y), run by run when not plain.
func (t *textPDF) Text(x, y float64, txt string) {
	if mainOnly(txt) {
		t.Fpdf.Text(x, y, txt)
		return
	}
	for _, r := range t.runs(txt) {
		t.use(r.f)
		t.Fpdf.Text(x, y, r.text)
		x += r.w
	}
	t.use(mainFace)
}

// use selects face f at the current size: the main face in the style the
// layout asked for, a fallback face (its weight chosen by styled) as it is.
func (t *textPDF) use(f *face) {
	if f == mainFace {
		t.Fpdf.SetFont(t.family, t.style, t.size)
		return
	}
	t.Fpdf.SetFont(f.family, "", t.size)
}

// noBreakSpace reports the spaces a line never breaks at: the no-break
// space (French before « : ; ! ? % € and inside quotes), the narrow one
// (French thousands, "12 000"), the figure space and the word joiner.
func noBreakSpace(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2007' || r == '\u2060'
}

// breakableSpace reports the spaces a line may break at.
func breakableSpace(r rune) bool { return unicode.IsSpace(r) && !noBreakSpace(r) }

// glueFrench makes the spaces French typography never breaks at no-break
// spaces, in a text as people type it: before % € $ : ; ! ? and », after «,
// and between digits ("1 250 000"). Only the layout sees the change (a
// no-break space is as wide as a space); what is stored is as typed.
func glueFrench(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	changed := false
	for i, r := range rs {
		if r != ' ' || i == 0 || i == len(rs)-1 {
			continue
		}
		prev, next := rs[i-1], rs[i+1]
		switch {
		case isDigit(prev) && isDigit(next):
			rs[i] = '\u202f'
		case strings.ContainsRune("%€$:;!?»", next) || prev == '«':
			rs[i] = '\u00a0'
		default:
			continue
		}
		changed = true
	}
	if !changed {
		return s
	}
	return string(rs)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
