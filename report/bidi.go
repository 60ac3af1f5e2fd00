package report

import (
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// The Unicode bidirectional algorithm (UAX #9) for one line of a charter,
// with the classes of golang.org/x/text/unicode/bidi. That package's
// Paragraph API gives runs in logical order with their direction only, not
// the embedding levels a line is reordered by (an LTR run between two RTL
// runs is a number inside Arabic, drawn in the RTL run's place, or Latin
// text between two RTL phrases, drawn in its own): the rules are applied
// here. What a charter needs is implemented: the paragraph direction (a
// line is left to right, as the charter, unless it has no left-to-right
// letter at all: a name or a sentence wholly in Arabic or Hebrew is right to
// left; "Arabic title — 2 priority KPIs" or "2.1  Arabic title", lines the
// charter writes around what was typed, stay left to right, where P2 and
// P3's first strong letter would turn the first around), the weak types (W1–W7), the neutrals
// (N1, N2), the implicit levels (I1, I2), trailing whitespace (L1), the
// reordering (L2) with combining marks kept after their letter (L3) and
// mirrored brackets (L4). Explicit embeddings and overrides (U+202A–202E,
// U+2066–2069) are removed by sanitize before layout, so a line is one
// isolating run sequence; bracket pairs (N0) resolve by N1 and N2.

// bidiClass is the class of r, BN for the runes the algorithm ignores.
func bidiClass(r rune) bidi.Class {
	if r == ligated {
		return bidi.BN
	}
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	if c >= bidi.Control {
		return bidi.BN
	}
	return c
}

// paragraphLevel is 1 when rs has no left-to-right letter and starts (its
// first letter or digit) with a right-to-left letter: "2.1  زيادة" (a
// numbered heading) stays left to right.
func paragraphLevel(rs []rune) uint8 {
	first := bidi.ON
	for _, r := range rs {
		switch c := bidiClass(r); c {
		case bidi.L:
			return 0
		case bidi.R, bidi.AL, bidi.EN, bidi.AN:
			if first == bidi.ON {
				first = c
			}
		}
	}
	if first == bidi.R || first == bidi.AL {
		return 1
	}
	return 0
}

// bidiLevels returns the embedding level of each rune of a line.
func bidiLevels(rs []rune) []uint8 {
	n := len(rs)
	levels := make([]uint8, n)
	para := paragraphLevel(rs)
	sos := bidi.L
	if para == 1 {
		sos = bidi.R
	}
	// The runes the rules look at (X9 removes BN).
	idx := make([]int, 0, n)
	orig := make([]bidi.Class, 0, n)
	for i, r := range rs {
		if c := bidiClass(r); c != bidi.BN {
			idx = append(idx, i)
			orig = append(orig, c)
		}
	}
	m := len(idx)
	t := append([]bidi.Class(nil), orig...)
	// W1: a mark takes the type of what it follows.
	for k := range m {
		if t[k] == bidi.NSM {
			if k == 0 {
				t[k] = sos
			} else {
				t[k] = t[k-1]
			}
		}
	}
	// W2, W3: European digits after Arabic letters are Arabic numbers;
	// Arabic letters are right to left.
	last := sos
	for k := range m {
		switch t[k] {
		case bidi.L, bidi.R, bidi.AL:
			last = t[k]
		case bidi.EN:
			if last == bidi.AL {
				t[k] = bidi.AN
			}
		}
	}
	for k := range m {
		if t[k] == bidi.AL {
			t[k] = bidi.R
		}
	}
	// W4: a single separator between two numbers of the same type.
	for k := 1; k+1 < m; k++ {
		switch {
		case t[k] == bidi.ES && t[k-1] == bidi.EN && t[k+1] == bidi.EN:
			t[k] = bidi.EN
		case t[k] == bidi.CS && t[k-1] == bidi.EN && t[k+1] == bidi.EN:
			t[k] = bidi.EN
		case t[k] == bidi.CS && t[k-1] == bidi.AN && t[k+1] == bidi.AN:
			t[k] = bidi.AN
		}
	}
	// W5: terminators next to European digits ("12 %", "$5").
	for k := 0; k < m; k++ {
		if t[k] != bidi.ET {
			continue
		}
		e := k
		for e < m && t[e] == bidi.ET {
			e++
		}
		if (k > 0 && t[k-1] == bidi.EN) || (e < m && t[e] == bidi.EN) {
			for j := k; j < e; j++ {
				t[j] = bidi.EN
			}
		}
		k = e - 1
	}
	// W6: other separators and terminators are neutral.
	for k := range m {
		switch t[k] {
		case bidi.ES, bidi.ET, bidi.CS:
			t[k] = bidi.ON
		}
	}
	// W7: European digits after a left-to-right letter are left to right.
	last = sos
	for k := range m {
		switch t[k] {
		case bidi.L, bidi.R:
			last = t[k]
		case bidi.EN:
			if last == bidi.L {
				t[k] = bidi.L
			}
		}
	}
	// N1, N2: neutrals between two strong types of one direction take it,
	// the others the paragraph's.
	strong := func(c bidi.Class) bidi.Class {
		switch c {
		case bidi.L:
			return bidi.L
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R
		}
		return bidi.ON
	}
	for k := 0; k < m; k++ {
		if strong(t[k]) != bidi.ON {
			continue
		}
		e := k
		for e < m && strong(t[e]) == bidi.ON {
			e++
		}
		before, after := sos, sos
		if k > 0 {
			before = strong(t[k-1])
		}
		if e < m {
			after = strong(t[e])
		}
		dir := sos
		if before == after {
			dir = before
		}
		for j := k; j < e; j++ {
			t[j] = dir
		}
		k = e - 1
	}
	// I1, I2: implicit levels.
	lv := make([]uint8, m)
	for k := range m {
		switch {
		case para == 0 && t[k] == bidi.R:
			lv[k] = 1
		case para == 0 && (t[k] == bidi.AN || t[k] == bidi.EN):
			lv[k] = 2
		case para == 1 && (t[k] == bidi.L || t[k] == bidi.EN || t[k] == bidi.AN):
			lv[k] = 2
		default:
			lv[k] = para
		}
	}
	// L1: whitespace at the end of the line, and before a tab, is at the
	// paragraph level.
	trailing := true
	for k := m - 1; k >= 0; k-- {
		switch orig[k] {
		case bidi.S, bidi.B:
			lv[k] = para
			trailing = true
			continue
		case bidi.WS:
			if trailing {
				lv[k] = para
			}
			continue
		}
		trailing = false
	}
	// Back to every rune: an ignored rune takes the level before it.
	cur := para
	k := 0
	for i := range n {
		if k < m && idx[k] == i {
			cur = lv[k]
			k++
		}
		levels[i] = cur
	}
	return levels
}

// dashSep is how the charter joins what was typed to what it adds ("title —
// 2 priority KPIs", "KPI — by region").
var dashSep = []rune(" — ")

// visualOrder returns the logical indices of rs in the order they are
// drawn, left to right, and the level of each rune. A combining mark stays
// right after its letter whatever the direction (L3), as the fonts place
// marks over the glyph drawn before them.
//
// In a left-to-right line the pieces between " — " are ordered each on its
// own, as if the charter had isolated what was typed (FSI … PDI): a
// number after the dash belongs to the charter's words, not to the Arabic
// or Hebrew title before it ("زيادة — 2 priority KPIs" is not drawn
// "2 — زيادة priority KPIs").
func visualOrder(rs []rune) ([]int, []uint8) {
	if paragraphLevel(rs) == 1 {
		return visualOrderIsolated(rs)
	}
	var order []int
	levels := make([]uint8, 0, len(rs))
	start := 0
	piece := func(end int) {
		o, lv := visualOrderIsolated(rs[start:end])
		for _, i := range o {
			order = append(order, start+i)
		}
		levels = append(levels, lv...)
		start = end
	}
	for i := 0; i+len(dashSep) <= len(rs); i++ {
		if rs[i] == dashSep[0] && rs[i+1] == dashSep[1] && rs[i+2] == dashSep[2] {
			piece(i)
			piece(i + len(dashSep))
			i += len(dashSep) - 1
		}
	}
	piece(len(rs))
	return order, levels
}

// visualOrderIsolated orders rs as one isolated run.
func visualOrderIsolated(rs []rune) ([]int, []uint8) {
	levels := bidiLevels(rs)
	// Clusters: a letter and the marks after it.
	var starts []int
	for i, r := range rs {
		if i == 0 || !unicode.Is(unicode.Mn, r) {
			starts = append(starts, i)
		}
	}
	cl := make([]int, len(starts)) // cluster order, reordered below
	var high, lowOdd uint8 = 0, 255
	for c, s := range starts {
		cl[c] = c
		high = max(high, levels[s])
		if levels[s]%2 == 1 {
			lowOdd = min(lowOdd, levels[s])
		}
	}
	// L2: from the highest level down to the lowest odd one, reverse every
	// sequence at that level or higher.
	for lvl := high; lvl >= lowOdd && lvl > 0; lvl-- {
		for a := 0; a < len(cl); {
			if levels[starts[cl[a]]] < lvl {
				a++
				continue
			}
			b := a
			for b < len(cl) && levels[starts[cl[b]]] >= lvl {
				b++
			}
			for x, y := a, b-1; x < y; x, y = x+1, y-1 {
				cl[x], cl[y] = cl[y], cl[x]
			}
			a = b
		}
	}
	order := make([]int, 0, len(rs))
	for _, c := range cl {
		end := len(rs)
		if c+1 < len(starts) {
			end = starts[c+1]
		}
		for i := starts[c]; i < end; i++ {
			order = append(order, i)
		}
	}
	return order, levels
}

// mirrored pairs the brackets drawn mirrored in right-to-left text (L4).
var mirrored = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹', '≤': '≥', '≥': '≤',
}

// mirror returns the mirrored glyph of r, or r.
func mirror(r rune) rune {
	if m, ok := mirrored[r]; ok {
		return m
	}
	return r
}
