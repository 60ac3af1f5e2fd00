package workshop

import (
	"strings"
	"testing"
	"time"
)

// TestLabel_EveryEnumValueHasFRAndEN walks every enum list of session.go
// (and the statuses, severities and steps) so that a value added later
// without a label fails here.
func TestLabel_EveryEnumValueHasFRAndEN(t *testing.T) {
	var values []string
	add := func(vs ...string) { values = append(values, vs...) }
	for _, v := range Functions {
		add(string(v))
	}
	for _, v := range Purposes {
		add(string(v))
	}
	add(string(KindResult), string(KindEffort))
	for _, v := range Units {
		add(string(v))
	}
	for _, v := range TargetTypes {
		add(string(v))
	}
	for _, v := range Frequencies {
		add(string(v))
	}
	for _, v := range Roles {
		add(string(v))
	}
	for _, v := range Dimensions {
		add(string(v))
	}
	for _, v := range Cadences {
		add(string(v))
	}
	add(string(RitualWeeklySync), string(RitualMonthlyReview), string(RitualQBR), string(RitualCustom))
	for _, v := range DecisionTypes {
		add(string(v))
	}
	add(string(CardObjective), string(CardKPI), string(CardSideEffect))
	add(string(StatusDraft), "signing", string(StatusSigned))
	add("achieved", "alert", "at-risk", "on-track", "outdated", "no-data")
	add(string(SevError), string(SevWarning), string(SevInfo))
	add(Steps...)
	add(string(FR), string(EN))

	for _, v := range values {
		p, ok := enumLabels[v]
		if !ok {
			t.Errorf("%q has no label", v)
			continue
		}
		for i, s := range p {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%q: empty label %d", v, i)
			}
			if strings.Contains(s, "'") {
				t.Errorf("%q: label %q uses a typewriter apostrophe", v, s)
			}
		}
	}
}

func TestLabel_Values(t *testing.T) {
	cases := []struct {
		value, fr, en string
	}{
		{"days", "jours", "days"},
		{"EUR", "€", "€"},
		{"USD", "$", "$"},
		{"increase-to", "augmenter jusqu’à", "increase to"},
		{"stay-at-or-below", "rester au plus à", "stay at or below"},
		{"pilot", "Pilote", "Pilot"},
		{"approver", "Approbateur", "Approver"},
		{"draft", "Brouillon", "Draft"},
		{"signing", "En signature", "Being signed"},
		{"signed", "Signée", "Signed"},
		{"at-risk", "À risque", "At risk"},
		{"no-data", "Aucune donnée", "No data"},
		{"weekly", "Chaque semaine", "Weekly"},
		{"customer-success", "Succès client", "Customer success"},
		{"side-effect", "Effet de bord", "Side effect"},
		{"weekly-sync", "Synchronisation hebdomadaire", "Weekly sync"},
		{"m²/seat", "m²/seat", "m²/seat"}, // a custom unit is itself
	}
	for _, c := range cases {
		if got := Label(FR, c.value); got != c.fr {
			t.Errorf("Label(fr, %q) = %q, want %q", c.value, got, c.fr)
		}
		if got := Label(EN, c.value); got != c.en {
			t.Errorf("Label(en, %q) = %q, want %q", c.value, got, c.en)
		}
	}
	if got := WeekdayLabel(FR, time.Tuesday) + "/" + WeekdayLabel(EN, time.Tuesday); got != "mardi/Tuesday" {
		t.Errorf("weekday = %q", got)
	}
}
