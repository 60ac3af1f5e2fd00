package report

import "unicode"

// Arabic shaping for fpdf, which draws one glyph per character: each
// Arabic letter is replaced by its presentation form (isolated, final,
// initial or medial) from how it joins its neighbours, and lam followed by
// alef by their ligature. The faces' presentation-form glyphs are then
// drawn as they are. Harakat and other marks are transparent to joining.

// ligated marks the place of the alef a lam-alef ligature took: it keeps
// shaped text as long as the original, rune for rune, and draws nothing.
const ligated rune = -1

// arabicForms holds, for each letter, its isolated, final, initial and
// medial forms; a right-joining letter (alef, dal, ra, waw …) has no
// initial or medial form (0).
var arabicForms = map[rune][4]rune{
	0x0621: {0xFE80, 0, 0, 0},
	0x0622: {0xFE81, 0xFE82, 0, 0},
	0x0623: {0xFE83, 0xFE84, 0, 0},
	0x0624: {0xFE85, 0xFE86, 0, 0},
	0x0625: {0xFE87, 0xFE88, 0, 0},
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
	0x0627: {0xFE8D, 0xFE8E, 0, 0},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92},
	0x0629: {0xFE93, 0xFE94, 0, 0},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
	0x062F: {0xFEA9, 0xFEAA, 0, 0},
	0x0630: {0xFEAB, 0xFEAC, 0, 0},
	0x0631: {0xFEAD, 0xFEAE, 0, 0},
	0x0632: {0xFEAF, 0xFEB0, 0, 0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4},
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
	0x0648: {0xFEED, 0xFEEE, 0, 0},
	0x0649: {0xFEEF, 0xFEF0, 0, 0},
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
	// Persian and Urdu letters (Arabic Presentation Forms-A).
	0x0671: {0xFB50, 0xFB51, 0, 0},
	0x0679: {0xFB66, 0xFB67, 0xFB68, 0xFB69},
	0x067E: {0xFB56, 0xFB57, 0xFB58, 0xFB59},
	0x0686: {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D},
	0x0688: {0xFB88, 0xFB89, 0, 0},
	0x0691: {0xFB8C, 0xFB8D, 0, 0},
	0x0698: {0xFB8A, 0xFB8B, 0, 0},
	0x06A9: {0xFB8E, 0xFB8F, 0xFB90, 0xFB91},
	0x06AF: {0xFB92, 0xFB93, 0xFB94, 0xFB95},
	0x06BA: {0xFB9E, 0xFB9F, 0, 0},
	0x06BE: {0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD},
	0x06C1: {0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9},
	0x06CC: {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF},
	0x06D2: {0xFBAE, 0xFBAF, 0, 0},
}

// lamAlef maps the alef after a lam to the ligature's isolated form; its
// final form is the next code point.
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

const (
	tatweel = 0x0640
	zwj     = 0x200D
)

// joinsLeft reports whether r connects to the letter after it.
func joinsLeft(r rune) bool {
	if r == tatweel || r == zwj {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[2] != 0
}

// joinsRight reports whether r connects to the letter before it.
func joinsRight(r rune) bool {
	if r == tatweel || r == zwj {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[1] != 0
}

// transparent reports the marks joining looks through (harakat, shadda …).
func transparent(r rune) bool {
	return r != zwj && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r))
}

// shapeArabic returns rs with its Arabic letters in their contextual forms,
// as long as rs: a lam-alef ligature takes the lam's place and leaves
// ligated in the alef's. Text without Arabic letters comes back as it is.
func shapeArabic(rs []rune) []rune {
	has := false
	for _, r := range rs {
		if r >= 0x0600 && r <= 0x06FF {
			has = true
			break
		}
	}
	if !has {
		return rs
	}
	out := make([]rune, len(rs))
	copy(out, rs)
	// neighbour returns the index of the letter before (step -1) or after
	// (step 1) i, marks skipped, or -1.
	neighbour := func(i, step int) int {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if rs[j] == ligated || !transparent(rs[j]) {
				return j
			}
		}
		return -1
	}
	for i, r := range rs {
		forms, ok := arabicForms[r]
		if !ok {
			continue
		}
		p, n := neighbour(i, -1), neighbour(i, 1)
		prev := p >= 0 && rs[p] != ligated && joinsLeft(rs[p]) && joinsRight(r)
		if r == 0x0644 && n >= 0 {
			if lig, ok := lamAlef[rs[n]]; ok {
				if prev {
					lig++
				}
				out[i], out[n] = lig, ligated
				continue
			}
		}
		if out[i] == ligated {
			continue
		}
		next := n >= 0 && joinsLeft(r) && joinsRight(rs[n])
		switch {
		case prev && next && forms[3] != 0:
			out[i] = forms[3]
		case prev && forms[1] != 0:
			out[i] = forms[1]
		case next && forms[2] != 0:
			out[i] = forms[2]
		default:
			out[i] = forms[0]
		}
	}
	return out
}
