package workshop

import (
	"errors"
	"strings"
	"testing"
)

func TestParseNumber_Readable(t *testing.T) {
	cases := []struct {
		text string
		l    Lang
		want float64
	}{
		{"1 200,5", FR, 1200.5},
		{"1\u00a0200,5", FR, 1200.5},
		{"1\u202f200,5", FR, 1200.5},
		{"1\u202f234\u202f567,25", FR, 1234567.25},
		{"1,200.5", EN, 1200.5},
		{"1,234,567.25", EN, 1234567.25},
		{"1 200.5", EN, 1200.5},
		{"15 %", FR, 15},
		{"15\u00a0%", FR, 15},
		{"15%", EN, 15},
		{"12 000 €", FR, 12000},
		{"12\u202f000\u00a0€", FR, 12000},
		{"€12,000", EN, 12000},
		{"$1,200", EN, 1200},
		{"-$1,200", EN, -1200},
		{"$-3", EN, -3},
		{"-3", FR, -3},
		{"−3", FR, -3},
		{"− 3,5", FR, -3.5},
		{"+4", EN, 4},
		{"0,5", FR, 0.5},
		{"0.5", EN, 0.5},
		{"0.5", FR, 0.5},   // numeric keypad on a French keyboard
		{"1.200", FR, 1.2}, // a lone dot is a decimal point in French
		{"1.200,5", FR, 1200.5},
		{"1.200.000", FR, 1200000},
		{",5", FR, 0.5},
		{".5", EN, 0.5},
		{"45 days", EN, 45},
		{"45 jours", FR, 45},
		{"45j", FR, 45},
		{"12 pts", FR, 12},
		{"110 points", EN, 110},
		{"1,5x", FR, 1.5},
		{"  42  ", EN, 42},
		{"1 000 EUR", FR, 1000},
		{"USD 2,500", EN, 2500},
		{"0", FR, 0},
	}
	for _, c := range cases {
		got, err := ParseNumber(c.text, c.l)
		if err != nil {
			t.Errorf("ParseNumber(%q, %s): unexpected error %v", c.text, c.l, err)
			continue
		}
		if got != c.want {
			t.Errorf("ParseNumber(%q, %s) = %v, want %v", c.text, c.l, got, c.want)
		}
	}
}

func TestParseNumber_Garbage(t *testing.T) {
	cases := []struct {
		text   string
		l      Lang
		reason string
		en, fr string // substrings of the messages in each language
	}{
		{"12abc", EN, NumReasonChar, "unexpected character “a”", "caractère inattendu «\u00a0a\u00a0»"},
		{"", FR, NumReasonEmpty, "No number was typed.", "Aucun nombre n’a été saisi."},
		{"   ", EN, NumReasonEmpty, "No number was typed.", "Aucun nombre n’a été saisi."},
		{"%", EN, NumReasonEmpty, "No number was typed.", "Aucun nombre n’a été saisi."},
		{"1.2.3", EN, NumReasonDecimals, "more than one decimal point", "plusieurs séparateurs décimaux"},
		{"1.2.3", FR, NumReasonGroups, "badly formed thousands group “2”", "groupe de milliers mal formé «\u00a02\u00a0»"},
		{"--1", EN, NumReasonSign, "one sign only", "un seul signe"},
		{"3-", EN, NumReasonSign, "one sign only", "un seul signe"},
		{"1 2 3,4,5", FR, NumReasonDecimals, "more than one decimal point", "plusieurs séparateurs décimaux"},
		{"1 2 3,4,5", EN, NumReasonGroups, "badly formed thousands group", "groupe de milliers mal formé"},
		{"0,5", EN, NumReasonGroups, "write for example 1,200.5", "écrivez par exemple 1\u202f200,5"},
		{"1,200.5", FR, NumReasonFraction, "decimals after the decimal point", "décimales après la virgule"},
		{"12 00", FR, NumReasonGroups, "“00”", "«\u00a000\u00a0»"},
		{"5.", EN, NumReasonFraction, "decimals", "décimales"},
		{"1e5", EN, NumReasonChar, "“e”", "«\u00a0e\u00a0»"},
		{"12 abc days", EN, NumReasonChar, "“a”", "«\u00a0a\u00a0»"},
		{"1 000.000,5", FR, NumReasonGroups, "thousands group", "milliers"},
		{strings.Repeat("9", 400), EN, NumReasonRange, "too large", "trop grand"},
	}
	for _, c := range cases {
		v, err := ParseNumber(c.text, c.l)
		if err == nil {
			t.Errorf("ParseNumber(%q, %s) = %v, want an error", c.text, c.l, v)
			continue
		}
		if KindOf(err) != KindInvalid {
			t.Errorf("ParseNumber(%q): kind %q, want invalid", c.text, KindOf(err))
		}
		var ne *NumberError
		if !errors.As(err, &ne) {
			t.Fatalf("ParseNumber(%q): cause %T is not a *NumberError", c.text, err)
		}
		if ne.Reason != c.reason {
			t.Errorf("ParseNumber(%q, %s): reason %q, want %q", c.text, c.l, ne.Reason, c.reason)
		}
		if en := ne.Message(EN); !strings.Contains(en, c.en) {
			t.Errorf("ParseNumber(%q): EN message %q lacks %q", c.text, en, c.en)
		}
		if fr := ne.Message(FR); !strings.Contains(fr, c.fr) {
			t.Errorf("ParseNumber(%q): FR message %q lacks %q", c.text, fr, c.fr)
		}
		if Message(err) != ne.Message(c.l) {
			t.Errorf("ParseNumber(%q): person's message %q is not in the reading language", c.text, Message(err))
		}
		if NumberReadable(c.text, c.l) {
			t.Errorf("NumberReadable(%q) = true", c.text)
		}
	}
}

func TestParseNumber_FullMessage(t *testing.T) {
	_, err := ParseNumber("12abc", FR)
	want := "«\u00a012abc\u00a0» n’est pas un nombre (caractère inattendu «\u00a0a\u00a0»)."
	if Message(err) != want {
		t.Errorf("FR message\n got %q\nwant %q", Message(err), want)
	}
	_, err = ParseNumber("12abc", EN)
	want = "“12abc” is not a number (unexpected character “a”)."
	if Message(err) != want {
		t.Errorf("EN message\n got %q\nwant %q", Message(err), want)
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v      float64
		fr, en string
	}{
		{1200.5, "1\u202f200,5", "1,200.5"},
		{0, "0", "0"},
		{-3, "-3", "-3"},
		{15, "15", "15"},
		{0.25, "0,25", "0.25"},
		{999, "999", "999"},
		{1000, "1\u202f000", "1,000"},
		{1234567.125, "1\u202f234\u202f567,125", "1,234,567.125"},
		{-1234.5, "-1\u202f234,5", "-1,234.5"},
		{0.1 + 0.2, "0,3", "0.3"},
		{-0.0000001, "0", "0"},
		{110, "110", "110"},
	}
	for _, c := range cases {
		if got := FormatNumber(c.v, FR); got != c.fr {
			t.Errorf("FormatNumber(%v, fr) = %q, want %q", c.v, got, c.fr)
		}
		if got := FormatNumber(c.v, EN); got != c.en {
			t.Errorf("FormatNumber(%v, en) = %q, want %q", c.v, got, c.en)
		}
	}
}

func TestFormatNumber_RoundTrip(t *testing.T) {
	for _, v := range []float64{0, 1, -1, 0.5, 12.75, 1200.5, 1e6, -987654.321, 110, 3.141593} {
		for _, l := range []Lang{FR, EN} {
			s := FormatNumber(v, l)
			got, err := ParseNumber(s, l)
			if err != nil {
				t.Errorf("round trip %v (%s): %q unreadable: %v", v, l, s, err)
				continue
			}
			if got != v {
				t.Errorf("round trip %v (%s): %q read as %v", v, l, s, got)
			}
		}
	}
}
