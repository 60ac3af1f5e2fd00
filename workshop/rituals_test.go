package workshop_test

import (
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

func TestRRIT1_DefaultRitualsCoverEachCadence(t *testing.T) {
	want := []struct {
		id, nameFR, nameEN string
		cadence            workshop.Cadence
		day                time.Weekday
		at                 string
		minutes            int
	}{
		{"weekly-sync", "Synchronisation hebdomadaire", "Weekly sync", workshop.CadenceWeekly, time.Monday, "09:00", 30},
		{"monthly-review", "Revue mensuelle", "Monthly review", workshop.CadenceMonthly, time.Tuesday, "14:00", 60},
		{"qbr", "QBR (revue trimestrielle)", "QBR (quarterly business review)", workshop.CadenceQuarterly, time.Thursday, "10:00", 120},
	}
	fr, en := workshop.DefaultRituals(workshop.FR), workshop.DefaultRituals(workshop.EN)
	if len(fr) != 3 || len(en) != 3 {
		t.Fatalf("%d FR and %d EN rituals", len(fr), len(en))
	}
	for i, w := range want {
		for _, r := range []workshop.Ritual{fr[i], en[i]} {
			if r.ID != w.id || string(r.Kind) != w.id || r.Cadence != w.cadence || r.Weekday != w.day || r.Time != w.at || r.Minutes != w.minutes {
				t.Errorf("ritual %d = %+v", i, r)
			}
		}
		if fr[i].Name != w.nameFR || en[i].Name != w.nameEN {
			t.Errorf("names %q / %q", fr[i].Name, en[i].Name)
		}
	}
	// So a blank charter raises no R-RIT-1.
	s, err := workshop.NewSession("Blank", workshop.FR, "", lcNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range workshop.Validate(&s.Current().Charter) {
		if f.Code == workshop.RRIT1 {
			t.Errorf("blank charter: %+v", f)
		}
	}
	// Fresh slices each call: editing one charter's rituals never touches another's.
	fr[0].Attendees = append(fr[0].Attendees, "p-x")
	if again := workshop.DefaultRituals(workshop.FR); len(again[0].Attendees) != 0 {
		t.Error("default rituals share their slices")
	}
}

func TestGenerateAgenda_Weekly(t *testing.T) {
	c := lcCharter()
	got := workshop.GenerateAgenda(&c, c.Rituals[0], workshop.EN)
	want := []string{
		"Meeting rate: this week’s value against the target 15% (alert below 8%)",
		"Blockers and help needed",
		"Decisions to take and record in the decision log",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("weekly agenda:\n%s", strings.Join(got, "\n"))
	}
}

func TestGenerateAgenda_Monthly(t *testing.T) {
	c := lcCharter()
	got := workshop.GenerateAgenda(&c, c.Rituals[1], workshop.EN)
	want := []string{
		"Sales cycle length: this month’s value against the target 50 days (alert above 65 days)",
		"Win rate: this month’s value against the target 25% (alert below 18%)",
		"Side effect “Deals pushed to close before they are ready” (“Shorten the sales cycle”): guardrail Slip rate (alert above 25%)",
		"Side effect “Heavier discounts to close” (“Win more qualified deals”): watch it, no guardrail KPI",
		"Decision log: review hypotheses and tests, record the decisions taken",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("monthly agenda:\n%s", strings.Join(got, "\n"))
	}
}

func TestGenerateAgenda_QBRInFrench(t *testing.T) {
	c := lcCharter()
	c.Lang = workshop.FR
	got := workshop.GenerateAgenda(&c, c.Rituals[2], workshop.FR)
	want := []string{
		"Objectif «\u00a0Shorten the sales cycle\u00a0» (pilote Alice Martin)\u00a0: statut de Sales cycle length, Meeting rate — échéance 31 mars 2027",
		"Objectif «\u00a0Win more qualified deals\u00a0» (pilote Bob Leroy)\u00a0: statut de Win rate, Meeting rate — échéance 31 mars 2027",
		"Déclinaison de Win rate par région\u00a0: chaque équipe face à sa cible",
		"Rémunération variable\u00a0: part indexée sur les KPI collectifs (10\u00a0%)",
		"Trimestre suivant\u00a0: ajuster objectifs, KPI, cibles et seuils",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("QBR agenda:\n%q", got)
	}
}

func TestGenerateAgenda_EmptyCharterAndCustomRitual(t *testing.T) {
	s, err := workshop.NewSession("Blank", workshop.EN, "2027-Q1", lcNow)
	if err != nil {
		t.Fatal(err)
	}
	c := &s.Current().Charter
	custom := workshop.Ritual{ID: "pipe", Kind: workshop.RitualCustom, Name: "Pipeline review", Cadence: workshop.CadenceBiweekly}
	got := workshop.GenerateAgenda(c, custom, workshop.EN)
	if len(got) != 3 || got[0] != "Effort indicators: none in the charter — review the week’s actions per objective" {
		t.Errorf("custom biweekly agenda = %q", got)
	}
	for _, r := range c.Rituals {
		if lines := workshop.GenerateAgenda(c, r, workshop.EN); len(lines) < 2 {
			t.Errorf("%s: agenda %q", r.ID, lines)
		}
	}
}

func TestAgendaOrDefault(t *testing.T) {
	c := lcCharter()
	r := c.Rituals[0]
	if got, want := r.AgendaOrDefault(&c, workshop.EN), workshop.GenerateAgenda(&c, r, workshop.EN); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("no agenda written: %q", got)
	}
	r.Agenda = []string{" ", ""}
	if got := r.AgendaOrDefault(&c, workshop.EN); len(got) != 3 {
		t.Errorf("blank agenda should fall back to the generated one: %q", got)
	}
	r.Agenda = []string{"Pipeline walk-through", "Wins of the week"}
	got := r.AgendaOrDefault(&c, workshop.EN)
	if strings.Join(got, "|") != "Pipeline walk-through|Wins of the week" {
		t.Errorf("edited agenda = %q", got)
	}
	got[0] = "changed"
	if r.Agenda[0] != "Pipeline walk-through" {
		t.Error("AgendaOrDefault returned the ritual's own slice")
	}
}
