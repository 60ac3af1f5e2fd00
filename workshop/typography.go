package workshop

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// French and English typography of the texts Boussole writes: findings,
// labels, agendas, changes, template charters, the PDF and the window. This
// file is the one place that decides which space goes where.
//
// The choice: NBSP (U+00A0 NO-BREAK SPACE) is the space French puts before
// « : ; ? ! », inside « » and between a number and its unit ("15 %",
// "12 jours"); NarrowNBSP (U+202F) only separates the thousands of a
// number ("1 200,5"), where it is part of the number, not a word space.
//
// Texts are written in the source with ordinary spaces, which keeps them
// readable, and get their no-break spaces from FrenchSpaces. What a person
// typed never goes through it: it is printed as typed.
const (
	NBSP       = "\u00a0"
	NarrowNBSP = "\u202f"
)

var (
	frenchPunctuation = strings.NewReplacer(" :", NBSP+":", " ;", NBSP+";", " ?", NBSP+"?", " !", NBSP+"!", "« ", "«"+NBSP, " »", NBSP+"»")
	frenchThousands   = lazyRegexp(`(\d) (\d{3})\b`)
	frenchUnit        = lazyRegexp(`(\d) (%|€|M€|k€|jours?\b)`)
)

// FrenchPunctuation gives a French text written with ordinary spaces its
// no-break spaces before « : ; ? ! » and inside « », and nothing else (no
// change to numbers): for interface texts whose values are filled in later.
func FrenchPunctuation(s string) string { return frenchPunctuation.Replace(s) }

// FrenchSpaces gives a French text written with ordinary spaces its
// no-break spaces: before « : ; ? ! » and inside « », between a number and
// its unit (%, €, k€, M€, jour(s)) and between the thousands of a number.
func FrenchSpaces(s string) string {
	s = frenchPunctuation.Replace(s)
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	for {
		n := frenchThousands().ReplaceAllString(s, "$1"+NarrowNBSP+"$2")
		if n == s {
			break
		}
		s = n
	}
	return frenchUnit().ReplaceAllString(s, "$1"+NBSP+"$2")
}

// tr picks the French or English text, the French one getting its
// no-break spaces (FrenchSpaces). User data is never passed through it.
func tr(l Lang, fr, en string) string {
	if l == FR {
		return FrenchSpaces(fr)
	}
	return en
}

// Quote puts text between the quotation marks of the language: French
// « … » with no-break spaces inside, English “…”.
func Quote(l Lang, s string) string {
	if l == FR {
		return "«" + NBSP + s + NBSP + "»"
	}
	return "“" + s + "”"
}

// Colon returns the colon that joins a subject and what follows: French
// " : " with a no-break space before it, English ": ".
func Colon(l Lang) string {
	if l == FR {
		return NBSP + ": "
	}
	return ": "
}

// WithUnit shows a value as typed with its unit's symbol in the language
// ("25 %", "12 jours", "300 €" in French; "25%", "12 days", "€300" in
// English), unless the person already typed the unit. Counts and ratios show bare. A blank value shows as a dash.
// A value typed with the unit's symbol after it ("26 %") gets the
// language's spacing too: "26 %" with a no-break space in French (a line
// never ends between the number and its unit), "26%" in English.
func WithUnit(l Lang, value string, u Unit) string {
	v := strings.TrimSpace(value)
	if v == "" {
		return "—"
	}
	if u == "" || u == UnitCount || u == UnitRatio {
		return v
	}
	sym := Label(l, string(u))
	if num, ok := strings.CutSuffix(v, sym); ok && sym != "" {
		if num = strings.TrimRightFunc(num, unicode.IsSpace); num != "" && !strings.HasSuffix(num, sym) && startsWithDigitOrSign(num) {
			return WithUnit(l, num, u)
		}
	}
	lv := strings.ToLower(v)
	for _, suffix := range []string{strings.ToLower(sym), strings.ToLower(string(u))} {
		if suffix != "" && strings.HasSuffix(lv, suffix) {
			return v
		}
	}
	if l == FR {
		return v + NBSP + sym
	}
	// English writes "20%" without a space and a currency before the
	// amount, after its sign: "€12,000", "-$500".
	switch u {
	case UnitPercent:
		return v + sym
	case UnitEUR, UnitUSD:
		if strings.HasPrefix(lv, strings.ToLower(sym)) {
			return v
		}
		for _, sign := range []string{"-", "+", "−"} {
			if rest, ok := strings.CutPrefix(v, sign); ok {
				return sign + sym + strings.TrimSpace(rest)
			}
		}
		return sym + v
	}
	return v + " " + sym
}

// startsWithDigitOrSign reports whether s begins as a number does (a digit,
// or a sign before one), so that only "26 %" is respaced, not "moins de 5 %".
func startsWithDigitOrSign(s string) bool {
	s = strings.TrimLeft(s, "+-−±≈~<>≤≥ ")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// lazyRegexp compiles expr the first time it is used, not when the program
// starts: every command pays package initialisation, and these patterns
// (\p{L} above all) cost a millisecond to compile.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
