package workshop

import (
	"strings"
	"testing"
)

func TestFrenchSpaces_Issue8_6(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Taux : « cible » ; ok ? oui !", "Taux\u00a0: «\u00a0cible\u00a0»\u00a0; ok\u00a0? oui\u00a0!"},
		{"réduire de 15 % le cycle", "réduire de 15\u00a0% le cycle"},
		{"1 200 000 € : oui", "1\u202f200\u202f000\u00a0€\u00a0: oui"},
		{"de 84 à 71 jours, 1 jour, 3 k€, 2 M€", "de 84 à 71\u00a0jours, 1\u00a0jour, 3\u00a0k€, 2\u00a0M€"},
		{"en 2027 les 150 comptes", "en 2027 les 150 comptes"},
		{"le %s par %s", "le %s par %s"}, // format verbs are not units
		{"3 journées", "3 journées"},     // "jour" only as a word
		{"déjà\u202f; insécable", "déjà\u202f; insécable"},
		{"", ""},
		{"no digits : here", "no digits\u00a0: here"},
	} {
		if got := FrenchSpaces(c.in); got != c.want {
			t.Errorf("FrenchSpaces(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTr_Issue8_6(t *testing.T) {
	if got := tr(FR, "Taux : cible", "unused"); got != "Taux\u00a0: cible" {
		t.Errorf("FR = %q", got)
	}
	if got := tr(EN, "x", "Rate : target ?"); got != "Rate : target ?" {
		t.Errorf("EN must be left as written: %q", got)
	}
}

func TestQuoteAndColon_Issue8_6(t *testing.T) {
	for _, c := range []struct {
		l                Lang
		s, quote, joined string
	}{
		{FR, "Cible", "«\u00a0Cible\u00a0»", "Objectif\u00a0: x"},
		{EN, "Target", "“Target”", "Objectif: x"},
		{FR, "", "«\u00a0\u00a0»", "Objectif\u00a0: x"},
		{EN, "مرحبا", "“مرحبا”", "Objectif: x"},
	} {
		if got := Quote(c.l, c.s); got != c.quote {
			t.Errorf("Quote(%s, %q) = %q, want %q", c.l, c.s, got, c.quote)
		}
		if got := "Objectif" + Colon(c.l) + "x"; got != c.joined {
			t.Errorf("Colon(%s) gives %q, want %q", c.l, got, c.joined)
		}
	}
}

func TestWithUnit_Issue8_6(t *testing.T) {
	for _, c := range []struct {
		l     Lang
		value string
		u     Unit
		want  string
	}{
		{FR, "15 %", UnitPercent, "15\u00a0%"}, // respaced: a line never ends between 15 and %
		{EN, "15 %", UnitPercent, "15%"},
		{FR, "moins de 5 %", UnitPercent, "moins de 5 %"}, // not a number: as typed
		{FR, "12 000 €", UnitEUR, "12 000\u00a0€"},
		{EN, "12,000 €", UnitEUR, "€12,000"},
		{FR, "15", UnitPercent, "15\u00a0%"},
		{EN, "15", UnitPercent, "15%"},
		{EN, "15%", UnitPercent, "15%"},
		{EN, "-2.5", UnitPercent, "-2.5%"},
		{EN, "12,000", UnitUSD, "$12,000"},
		{EN, "-500", UnitEUR, "-€500"},
		{EN, "€12,000", UnitEUR, "€12,000"},
		{FR, "12 000", UnitUSD, "12 000\u00a0$"},
		{FR, "12 000", UnitEUR, "12 000\u00a0€"},
		{EN, "12,000", UnitEUR, "€12,000"},
		{EN, "12 EUR", UnitEUR, "12 EUR"},
		{FR, "45", UnitDays, "45\u00a0jours"},
		{EN, "45 Days", UnitDays, "45 Days"},
		{EN, " ", UnitDays, "—"},
		{FR, "7", UnitCount, "7"},
		{EN, "0.4", UnitRatio, "0.4"},
		{EN, "3", "", "3"},
		{FR, "3", "licences", "3\u00a0licences"},
		{FR, "3 licences", "licences", "3\u00a0licences"},
		{FR, "%", UnitPercent, "%"},
	} {
		if got := WithUnit(c.l, c.value, c.u); got != c.want {
			t.Errorf("WithUnit(%s, %q, %q) = %q, want %q", c.l, c.value, c.u, got, c.want)
		}
	}
}

// Huge text goes through in linear time (no regexp blow-up).
func TestFrenchSpaces_Huge(t *testing.T) {
	s := strings.Repeat("1 000 ; ", 20000)
	if got := FrenchSpaces(s); !strings.HasPrefix(got, "1\u202f000\u00a0;") {
		t.Errorf("huge: %q…", got[:20])
	}
}

// TestFrenchPunctuation_Issue8_6: only the punctuation gets its no-break
// space; numbers are left for the values filled in later.
func TestFrenchPunctuation_Issue8_6(t *testing.T) {
	got := FrenchPunctuation("Pilote : « {{.Name}} » ; 2 000 € ? oui !")
	want := "Pilote\u00a0: «\u00a0{{.Name}}\u00a0»\u00a0; 2 000 €\u00a0? oui\u00a0!"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
