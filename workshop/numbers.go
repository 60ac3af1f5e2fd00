package workshop

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Numbers are kept as the person typed them and read with ParseNumber in the
// charter's language. The reading rules:
//
//   - Spaces of any kind (space, no-break space U+00A0, narrow no-break space
//     U+202F, thin space U+2009) separate thousands, in both languages.
//   - English: "." is the decimal point and "," separates thousands
//     ("1,200.5").
//   - French: "," is the decimal comma ("1 200,5"). "." separates thousands
//     when a comma is also present ("1.200,5") or when there are several dots
//     forming groups of three ("1.200.000"). A single "." without a comma is
//     read as a decimal point ("0.5", "1.200" → 1.2): that is what the numeric
//     keypad types on French keyboards, and a French reader who meant twelve
//     hundred would have written "1 200".
//   - Thousands groups must be well formed: 1 to 3 digits, then groups of
//     exactly 3 digits, one kind of separator; no separator in the decimals.
//   - One leading sign: "-", the Unicode minus "−" or "+".
//   - Units around the number are accepted and ignored: %, ‰, €, $, £, EUR,
//     USD, GBP, days/day/jours/jour/j/d, points/pts/pt, pp, x.
//
// Anything else is an *Error of kind KindInvalid whose message, in the
// language given, says what is wrong; the cause is a *NumberError.

// NumberError tells why a text is not a number.
type NumberError struct {
	Text   string // the text as typed
	Reason string // one of the NumReason… constants
	Detail string // the offending character or group, when there is one
}

// Reasons a text is not a number.
const (
	NumReasonEmpty    = "empty"    // nothing but spaces or a unit
	NumReasonChar     = "char"     // a character that has no place in a number
	NumReasonSign     = "sign"     // a sign misplaced or repeated
	NumReasonDecimals = "decimals" // more than one decimal separator
	NumReasonGroups   = "groups"   // badly formed thousands groups
	NumReasonFraction = "fraction" // nothing or a separator after the decimal separator
	NumReasonRange    = "range"    // too large to be a number
)

func (e *NumberError) Error() string { return e.Message(EN) }

// Message explains the problem in a sentence, in French or English.
func (e *NumberError) Message(l Lang) string {
	return capitalize(numReason(l, e.Text, e.Reason, e.Detail)) + "."
}

// numReason is the clause explaining a reading failure, without a capital or
// a final period, so that findings can embed it.
func numReason(l Lang, text, reason, detail string) string {
	fr := l == FR
	q := Quote(l, text)
	switch reason {
	case NumReasonEmpty:
		if fr {
			return "aucun nombre n’a été saisi"
		}
		return "no number was typed"
	case NumReasonChar:
		if fr {
			return q + " n’est pas un nombre (caractère inattendu " + Quote(l, detail) + ")"
		}
		return q + " is not a number (unexpected character " + Quote(l, detail) + ")"
	case NumReasonSign:
		if fr {
			return q + " n’est pas un nombre (un seul signe, placé devant les chiffres)"
		}
		return q + " is not a number (one sign only, before the digits)"
	case NumReasonDecimals:
		if fr {
			return q + " n’est pas un nombre (plusieurs séparateurs décimaux\u00a0; en français, la virgule sépare les décimales)"
		}
		return q + " is not a number (more than one decimal point; in English, the dot separates decimals)"
	case NumReasonGroups:
		if fr {
			return q + " n’est pas un nombre (groupe de milliers mal formé " + Quote(l, detail) + "\u00a0; écrivez par exemple 1\u202f200,5)"
		}
		return q + " is not a number (badly formed thousands group " + Quote(l, detail) + "; write for example 1,200.5)"
	case NumReasonFraction:
		if fr {
			return q + " n’est pas un nombre (les décimales après la virgule sont incorrectes)"
		}
		return q + " is not a number (the decimals after the decimal point are incorrect)"
	case NumReasonRange:
		if fr {
			return q + " est un nombre trop grand"
		}
		return q + " is too large a number"
	}
	if fr {
		return q + " n’est pas un nombre"
	}
	return q + " is not a number"
}

// numberUnits are the unit symbols accepted around a number, longest first
// so that "days" is tried before "d". Letters are compared case-insensitively.
var numberUnits = []string{
	"jours", "jour", "days", "day", "points", "pts", "pt", "pp",
	"eur", "usd", "gbp", "%", "‰", "€", "$", "£", "j", "d", "x",
}

// isNumSpace reports whether r separates thousands as a space does.
func isNumSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\t'
}

func trimNumSpace(s string) string { return strings.TrimFunc(s, isNumSpace) }

// ParseNumber reads a number as a person typed it, in language l (see the
// reading rules above). It never returns a silent zero: unreadable text is
// an *Error of kind KindInvalid.
func ParseNumber(text string, l Lang) (float64, error) {
	v, ne := parseNumber(text, l)
	if ne != nil {
		return 0, &Error{Kind: KindInvalid, Msg: ne.Message(l), Err: ne}
	}
	return v, nil
}

// NumberReadable reports whether text is a readable number in language l.
func NumberReadable(text string, l Lang) bool {
	_, ne := parseNumber(text, l)
	return ne == nil
}

func parseNumber(text string, l Lang) (float64, *NumberError) {
	fail := func(reason, detail string) (float64, *NumberError) {
		return 0, &NumberError{Text: text, Reason: reason, Detail: detail}
	}
	s := trimNumSpace(text)
	neg, signed := false, false
	takeSign := func() {
		if signed {
			return
		}
		r, n := utf8.DecodeRuneInString(s)
		switch r {
		case '-', '−':
			neg, signed = true, true
		case '+':
			signed = true
		default:
			return
		}
		s = trimNumSpace(s[n:])
	}
	takeSign()
	s = stripPrefixUnit(s)
	takeSign() // "$-3", "€ −3"
	s = stripSuffixUnit(s)
	if s == "" {
		return fail(NumReasonEmpty, "")
	}
	// Classify the remaining characters.
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',', isNumSpace(r):
		case r == '-', r == '−', r == '+':
			return fail(NumReasonSign, string(r))
		default:
			return fail(NumReasonChar, string(r))
		}
	}
	// Choose the decimal separator and the thousands separators.
	dec, groups := '.', ", "
	if l == FR {
		switch {
		case strings.ContainsRune(s, ','):
			dec, groups = ',', ". "
		case strings.Count(s, ".") == 1:
			dec, groups = '.', " "
		default:
			dec, groups = ',', ". "
		}
	}
	if strings.Count(s, string(dec)) > 1 {
		return fail(NumReasonDecimals, string(dec))
	}
	intPart, frac, hasDec := strings.Cut(s, string(dec))
	if hasDec {
		if frac == "" || strings.IndexFunc(frac, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return fail(NumReasonFraction, frac)
		}
	}
	digits, bad, ok := ungroup(intPart, groups)
	if !ok {
		return fail(NumReasonGroups, bad)
	}
	if digits == "" && !hasDec {
		return fail(NumReasonEmpty, "")
	}
	if digits == "" {
		digits = "0"
	}
	norm := digits
	if hasDec {
		norm += "." + frac
	}
	v, err := strconv.ParseFloat(norm, 64)
	if err != nil || math.IsInf(v, 0) {
		return fail(NumReasonRange, "")
	}
	if neg {
		v = -v
	}
	return v, nil
}

// ungroup removes thousands separators from the integer part s, checking
// the groups: one kind of separator (any space counts as one kind), a first
// group of 1–3 digits and then groups of exactly 3. It returns the digits,
// or the first bad group.
func ungroup(s, seps string) (digits, bad string, ok bool) {
	kind := rune(0)
	var parts []string
	start := 0
	for i, r := range s {
		var k rune
		switch {
		case r >= '0' && r <= '9':
			continue
		case isNumSpace(r) && strings.ContainsRune(seps, ' '):
			k = ' '
		case r != ' ' && strings.ContainsRune(seps, r):
			k = r
		default:
			return "", string(r), false
		}
		if kind != 0 && k != kind {
			return "", string(r), false
		}
		kind = k
		parts = append(parts, s[start:i])
		start = i + utf8.RuneLen(r)
	}
	parts = append(parts, s[start:])
	if len(parts) == 1 {
		return s, "", true
	}
	for i, p := range parts {
		if p == "" || (i == 0 && len(p) > 3) || (i > 0 && len(p) != 3) {
			return "", p, false
		}
	}
	return strings.Join(parts, ""), "", true
}

func stripPrefixUnit(s string) string {
	for _, u := range []string{"€", "$", "£", "eur", "usd", "gbp"} {
		if len(s) > len(u) && strings.EqualFold(s[:len(u)], u) {
			rest := trimNumSpace(s[len(u):])
			if rest == "" {
				return s
			}
			r, _ := utf8.DecodeRuneInString(rest)
			// "eur" only before a digit, sign or separator: never eat letters.
			if unicode.IsLetter(r) {
				continue
			}
			return rest
		}
	}
	return s
}

func stripSuffixUnit(s string) string {
	for _, u := range numberUnits {
		if len(s) < len(u) || !strings.EqualFold(s[len(s)-len(u):], u) {
			continue
		}
		rest := trimNumSpace(s[:len(s)-len(u)])
		if rest == "" {
			return ""
		}
		// A letter unit must follow a digit or a space, never other letters
		// ("12abc" keeps its garbage, "12 days" loses its unit).
		r, _ := utf8.DecodeLastRuneInString(rest)
		if r >= '0' && r <= '9' {
			return rest
		}
		if unicode.IsLetter(r) {
			continue
		}
		return rest
	}
	return s
}

// FormatNumber writes v the way a reader of language l expects: French
// "1 200,5" (narrow no-break space U+202F between thousands, decimal
// comma), English "1,200.5". At most 6 decimals, no trailing zeros, never
// "-0". ParseNumber reads the result back to the same value.
func FormatNumber(v float64, l Lang) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	}
	s := strconv.FormatFloat(v, 'f', 6, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "0" && frac == "" {
		neg = false
	}
	sep, dec := ",", "."
	if l == FR {
		sep, dec = "\u202f", ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
