package workshop_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

func TestAmend_OpensDraftRevisionDeepCopy(t *testing.T) {
	s := lcFrozen()
	if err := s.AppendDecision(workshop.Decision{ID: "d-late", Date: "2027-02-01", Type: workshop.DecisionResult, Text: "Cycle at 55 days"}, lcNow); err != nil {
		t.Fatal(err)
	}
	rev1 := lcJSON(t, s.Revisions[0])
	seal1 := s.Revisions[0].Seal

	lcKind(t, s.Amend("  ", lcNow), workshop.KindInvalid)
	if len(s.Revisions) != 1 {
		t.Fatal("amend without reason opened a revision")
	}
	at := lcNow.Add(24 * time.Hour)
	if err := s.Amend("New pricing from March", at); err != nil {
		t.Fatal(err)
	}
	if len(s.Revisions) != 2 {
		t.Fatalf("%d revisions", len(s.Revisions))
	}
	r2 := s.Current()
	if r2.Number != 2 || r2.Status != workshop.StatusDraft || r2.AmendReason != "New pricing from March" || len(r2.Signatures) != 0 || r2.Seal != "" {
		t.Fatalf("revision 2 = %+v", r2)
	}
	if !s.Updated.Equal(at) {
		t.Errorf("Updated = %v", s.Updated)
	}
	// The late decision continues the log of revision 2.
	if log := r2.Charter.Decisions; len(log) != 2 || log[1].ID != "d-late" {
		t.Errorf("revision 2 log = %+v", log)
	}

	// Edit every nested slice of revision 2.
	err := s.Edit(at, func(c *workshop.Charter) {
		c.Title = "Go-to-market Q1 (amended)"
		c.Participants[0].Name = "Alice M."
		c.Intent.CompanyObjectives[0] = "Grow ARR by 35 %"
		c.Intent.Hypotheses = append(c.Intent.Hypotheses[:0], "Changed")
		c.Objectives[0].SideEffects[0].Description = "Changed"
		c.KPIs[1].Target = "28"
		c.KPIs[2].Objectives[0] = "o-win"
		c.Roles[0].Role = workshop.RoleInformed
		c.Cascades[0].Lines[0].Target = "30"
		c.Rituals[0].Attendees = append(c.Rituals[0].Attendees, "p-bob")
		c.Rituals[1].Agenda = append(c.Rituals[1].Agenda, "Pricing")
		c.Decisions[0].Text = "Changed"
	})
	if err != nil {
		t.Fatal(err)
	}
	r1, err := s.Revision(1)
	if err != nil {
		t.Fatal(err)
	}
	if got := lcJSON(t, *r1); got != rev1 {
		t.Errorf("revision 1 changed by editing revision 2:\nbefore %s\nafter  %s", rev1, got)
	}
	if !r1.Frozen() || workshop.Seal(&r1.Charter) != seal1 {
		t.Error("revision 1 no longer frozen or no longer matches its seal")
	}

	// Revision 2 is a draft: amending it is refused.
	lcKind(t, s.Amend("again", at), workshop.KindForbidden)
}

func TestChanges_TargetChangeEN(t *testing.T) {
	prev := lcCharter()
	cur := *prev.Clone()
	cur.KPIs[1].Target = "28"
	got := workshop.Changes(&prev, &cur, workshop.EN)
	if len(got) != 1 || got[0] != "Win rate: target 25% → 28%" {
		t.Errorf("changes = %q", got)
	}
}

func TestChanges_TargetChangeFR(t *testing.T) {
	prev := lcCharter()
	prev.Lang = workshop.FR
	prev.KPIs[1].Name = "Taux de conversion"
	cur := *prev.Clone()
	cur.KPIs[1].Target = "28"
	got := workshop.Changes(&prev, &cur, workshop.FR)
	want := "Taux de conversion\u00a0: cible 25\u00a0% → 28\u00a0%"
	if len(got) != 1 || got[0] != want {
		t.Errorf("changes = %q, want %q", got, want)
	}
	// Read with ordinary spaces, it is the sentence of the specification.
	if plain := strings.ReplaceAll(got[0], "\u00a0", " "); plain != "Taux de conversion : cible 25 % → 28 %" {
		t.Errorf("plain = %q", plain)
	}
}

func TestChanges_NoChangeNoLine(t *testing.T) {
	c := lcCharter()
	if got := workshop.Changes(&c, c.Clone(), workshop.EN); len(got) != 0 {
		t.Errorf("changes of identical charters = %q", got)
	}
	if got := workshop.Changes(nil, &c, workshop.EN); got != nil {
		t.Errorf("changes from nil = %q", got)
	}
}

func TestChanges_EverySectionStableOrder(t *testing.T) {
	prev := lcCharter()
	cur := *prev.Clone()
	cur.Title = "GTM Q1"
	cur.Period = workshop.Period{Label: "2027-H1", Start: "2027-01-01", End: "2027-06-30"}
	cur.Participants = append(cur.Participants, workshop.Participant{ID: "p-emma", Name: "Emma Roux", Function: workshop.FuncFinance})
	cur.Objectives[0].Title = "Close deals faster"
	cur.Objectives[1].Specific = "Raise the win rate on qualified mid-market and enterprise opportunities"
	cur.Objectives = append(cur.Objectives, workshop.Objective{ID: "o-nrr", Title: "Keep our customers"})
	cur.KPIs[0].Alert = "70"
	cur.KPIs[1].Unit = workshop.UnitRatio
	cur.KPIs[1].Target = "0.28"
	cur.KPIs = append(cur.KPIs[:2], cur.KPIs[3]) // Meeting rate removed
	cur.KPIs = append(cur.KPIs, workshop.KPI{ID: "k-nps", Name: "NPS", Unit: workshop.UnitPoints})
	cur.Roles[1].Role = workshop.RoleApprover // Bob on o-cycle: contributor → approver
	cur.Roles = append(cur.Roles, workshop.Assignment{ParticipantID: "p-emma", ObjectiveID: "o-nrr", Role: workshop.RolePilot})
	cur.Rituals[0].Time = "08:30"
	cur.Rituals[0].Minutes = 45
	cur.Rituals = cur.Rituals[:2] // QBR removed
	cur.Incentive.Share = "15"
	cur.Decisions = append(cur.Decisions, workshop.Decision{ID: "d-2", Type: workshop.DecisionTest, Text: "Pilot a shorter contract"})

	want := []string{
		`Title: “Go-to-market Q1” → “GTM Q1”`,
		`Period: 2027-Q1 (2027-01-01 – 2027-03-31) → 2027-H1 (2027-01-01 – 2027-06-30)`,
		`Participant added: Emma Roux (Finance)`,
		`Objective renamed: “Shorten the sales cycle” → “Close deals faster”`,
		`“Win more qualified deals”: statement “Raise the win rate on qualified mid-market opportunities fo…” → “Raise the win rate on qualified mid-market and enterprise o…”`,
		`Objective added: “Keep our customers”`,
		`Sales cycle length: alert threshold 65 days → 70 days`,
		`Win rate: unit % → ratio`,
		`Win rate: baseline 20% → 20`,
		`Win rate: target 25% → 0.28`,
		`Win rate: alert threshold 18% → 18`,
		`KPI added: NPS`,
		`KPI removed: Meeting rate`,
		`Roles: Bob Leroy on “Close deals faster”: Contributor → Approver`,
		`Roles: Emma Roux on “Keep our customers”: — → Pilot`,
		`Weekly sync: time 09:00 → 08:30`,
		`Weekly sync: duration 30 min → 45 min`,
		`Ritual removed: QBR (quarterly business review)`,
		`Incentives: share 10% → 15%`,
		`Decision log: entry added [Test] “Pilot a shorter contract”`,
	}
	got := workshop.Changes(&prev, &cur, workshop.EN)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	again := workshop.Changes(&prev, &cur, workshop.EN)
	if strings.Join(again, "\n") != strings.Join(got, "\n") {
		t.Error("order not stable between calls")
	}

	fr := workshop.Changes(&prev, &cur, workshop.FR)
	if len(fr) != len(want) {
		t.Fatalf("FR: %d lines, EN %d", len(fr), len(want))
	}
	for _, line := range []string{
		"Objectif renommé\u00a0: «\u00a0Shorten the sales cycle\u00a0» → «\u00a0Close deals faster\u00a0»",
		"Sales cycle length\u00a0: seuil d’alerte 65\u00a0jours → 70\u00a0jours",
		"Rôles\u00a0: Bob Leroy sur «\u00a0Close deals faster\u00a0»\u00a0: Contributeur → Approbateur",
		"Rituel retiré\u00a0: QBR (quarterly business review)",
		"Rémunération variable\u00a0: part 10\u00a0% → 15\u00a0%",
	} {
		if !containsLine(fr, line) {
			t.Errorf("FR changes lack %q:\n%s", line, strings.Join(fr, "\n"))
		}
	}
}

func containsLine(lines []string, line string) bool {
	return slices.Contains(lines, line)
}

// TestChangeItemsKeepTextsWhole_Issue10_7: the change list of the PDF gets
// an objective's old and new titles whole, where the one-line Changes cut
// them at 60 characters.
func TestChangeItemsKeepTextsWhole_Issue10_7(t *testing.T) {
	prev := lcCharter()
	cur := *prev.Clone()
	old := prev.Objectives[0].Title
	cur.Objectives[0].Title = "Generate qualified pipeline in the top 50 target accounts through ABM (revised after the January review)"
	items := workshop.ChangeItems(&prev, &cur, workshop.EN)
	if len(items) != 1 {
		t.Fatalf("items %+v", items)
	}
	it := items[0]
	if it.Old != "“"+old+"”" || it.New != "“"+cur.Objectives[0].Title+"”" {
		t.Errorf("old %q new %q, want both whole", it.Old, it.New)
	}
	line := workshop.Changes(&prev, &cur, workshop.EN)[0]
	if !strings.HasSuffix(line, "t…”") || !strings.HasPrefix(line, it.Subject+": "+it.Old+" → ") {
		t.Errorf("one-line change %q", line)
	}
	if it.String() == line {
		t.Errorf("the whole item prints as the shortened line %q", line)
	}
}
