package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// Tests of the steps 5–10 (ui-steps-b), driven in the real editor over a
// real store: what the person types is checked in the findings, on screen
// and in what the store holds after the autosave.

// openStep opens s in a fresh editor and shows the step id.
func openStep[T Step](t *testing.T, s *workshop.Session, id string) (T, *editor, *testEnv) {
	t.Helper()
	ed, env := newTestEditor(t, s)
	ed.Goto(workshop.Where{Step: id})
	for _, st := range ed.steps {
		if st.ID() == id {
			if x, ok := st.(T); ok {
				return x, ed, env
			}
		}
	}
	t.Fatalf("step %s is not in the journey", id)
	var zero T
	return zero, ed, env
}

// findingsOf keeps the findings with code, at item id when id is not "".
func findingsOf(fs []workshop.Finding, code workshop.RuleCode, id string) []workshop.Finding {
	var out []workshop.Finding
	for _, f := range fs {
		if f.Code == code && (id == "" || f.Where.ID == id) {
			out = append(out, f)
		}
	}
	return out
}

// retypeEntry empties an entry and types text into it, key by key.
func retypeEntry(e textSetter, text string) {
	e.SetText("")
	test.Type(e, text)
}

func noteText(p *fieldPlaces, id, field string) string {
	l, ok := p.notes[fieldPlace{id, field}]
	if !ok || !l.Visible() {
		return ""
	}
	return l.Text
}

func TestRNUM1_FrenchNumberStoredAsTyped(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.FR)
	step, ed, env := openStep[*kpisStep](t, s, workshop.StepKPIs)
	kc := step.cards[0]
	retypeEntry(kc.Target.Entry, "1 200,5")

	if noteShown(kc.Target.Invalid) {
		t.Errorf("a French number shows a reading message: %q", kc.Target.Invalid.Text)
	}
	if got := findingsOf(ed.Findings(), workshop.RNUM1, kc.id); len(got) != 0 {
		t.Errorf("R-NUM-1 on a readable French number: %+v", got)
	}
	got := env.stored(t, s.ID).Current().Charter.KPIs[0].Target
	if got != "1 200,5" {
		t.Errorf("stored target = %q, want it as typed %q", got, "1 200,5")
	}
	if v, err := workshop.ParseNumber(got, workshop.FR); err != nil || v != 1200.5 {
		t.Errorf("stored target reads %v, %v; want 1200.5", v, err)
	}
}

func TestRNUM1_GarbageKeptWithInlineMessage(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	step, ed, env := openStep[*kpisStep](t, s, workshop.StepKPIs)
	kc := step.cards[0]
	retypeEntry(kc.Baseline.Entry, "12abc")

	if kc.Baseline.Entry.Text != "12abc" {
		t.Errorf("entry text = %q, want the text kept", kc.Baseline.Entry.Text)
	}
	if !kc.Baseline.Invalid.Visible() || !strings.Contains(kc.Baseline.Invalid.Text, "12abc") {
		t.Errorf("inline message = %q (visible %v), want one naming the text", kc.Baseline.Invalid.Text, kc.Baseline.Invalid.Visible())
	}
	if !strings.Contains(kc.Baseline.Invalid.Text, "1,200.5") {
		t.Errorf("inline message %q does not show how to write numbers", kc.Baseline.Invalid.Text)
	}
	nums := findingsOf(ed.Findings(), workshop.RNUM1, kc.id)
	if len(nums) != 1 || nums[0].Where.Field != "baseline" || nums[0].Severity != workshop.SevError {
		t.Fatalf("R-NUM-1 findings = %+v, want one error on the baseline", nums)
	}
	if got := env.stored(t, s.ID).Current().Charter.KPIs[0].Baseline; got != "12abc" {
		t.Errorf("stored baseline = %q, want %q (never a zero)", got, "12abc")
	}

	retypeEntry(kc.Baseline.Entry, "90")
	if noteShown(kc.Baseline.Invalid) || len(findingsOf(ed.Findings(), workshop.RNUM1, kc.id)) != 0 {
		t.Errorf("the message stays after a correction: %q", kc.Baseline.Invalid.Text)
	}
}

func TestRKPI3_AlertWrongSideInlineThenCorrected(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	step, ed, env := openStep[*kpisStep](t, s, workshop.StepKPIs)
	kc := step.cards[0]
	kc.TargetType.Select.SetSelectedIndex(0) // increase to
	retypeEntry(kc.Target.Entry, "28")
	retypeEntry(kc.Alert.Entry, "30")

	got := findingsOf(ed.Findings(), workshop.RKPI3, kc.id)
	if len(got) != 1 || got[0].Where.Field != "alert" {
		t.Fatalf("R-KPI-3 = %+v, want one on the alert threshold", got)
	}
	inline := noteText(step.places, kc.id, "alert")
	if !strings.Contains(inline, got[0].Message(workshop.EN)) {
		t.Errorf("inline note under the alert = %q, want the R-KPI-3 message %q", inline, got[0].Message(workshop.EN))
	}
	k := env.stored(t, s.ID).Current().Charter.KPIs[0]
	if k.TargetType != workshop.IncreaseTo || k.Target != "28" || k.Alert != "30" {
		t.Errorf("stored %s/%s/%s, want increase-to/28/30", k.TargetType, k.Target, k.Alert)
	}

	retypeEntry(kc.Alert.Entry, "25")
	if got := findingsOf(ed.Findings(), workshop.RKPI3, kc.id); len(got) != 0 {
		t.Errorf("R-KPI-3 stays after the correction: %+v", got)
	}
	if inline := noteText(step.places, kc.id, "alert"); strings.Contains(inline, "alert threshold (") {
		t.Errorf("inline note still shows R-KPI-3: %q", inline)
	}
}

func TestRKPI1_AddFromLibraryInCharterLanguage(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.FR)
	step, ed, env := openStep[*kpisStep](t, s, workshop.StepKPIs)
	before := len(s.Current().Charter.KPIs)

	test.Tap(step.AddLibrary)
	p := step.picker
	if p == nil {
		t.Fatal("the library picker did not open")
	}
	test.Type(p.Search, "win rate")
	if len(p.Results) != 1 || p.Results[0].ID != "win-rate" {
		ids := []string{}
		for _, r := range p.Results {
			ids = append(ids, r.ID)
		}
		t.Fatalf("search results = %v, want [win-rate]", ids)
	}
	if !p.Add.Disabled() {
		t.Error("“Add” is enabled before a KPI is chosen")
	}
	p.List.Select(0)
	if !strings.Contains(p.Def.Text, "won") {
		t.Errorf("definition shown = %q, want the English definition (interface language)", p.Def.Text)
	}
	tapButton(t, ed.Window(), tr("picker.add"))

	kpis := env.stored(t, s.ID).Current().Charter.KPIs
	if len(kpis) != before+1 {
		t.Fatalf("stored %d KPIs, want %d", len(kpis), before+1)
	}
	k := kpis[len(kpis)-1]
	lib, _ := workshop.LibraryKPIByID("win-rate")
	if k.LibraryID != "win-rate" || k.Name != lib.Name[workshop.FR] || k.Unit != lib.Unit || k.Kind != lib.Kind {
		t.Errorf("added KPI = %+v, want the French win rate of the library", k)
	}
	if len(step.cards) != before+1 {
		t.Errorf("%d KPI cards shown, want %d", len(step.cards), before+1)
	}
	priority := 0
	for _, k := range kpis {
		if !k.Guardrail {
			priority++
		}
	}
	if want := tr("kpis.count", "N", priority); !strings.HasPrefix(step.Count.Text, want) {
		t.Errorf("count = %q, want %q", step.Count.Text, want)
	}
}

func TestRKPI1_PickerSearchIgnoresAccents(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.FR)
	step, _, _ := openStep[*kpisStep](t, s, workshop.StepKPIs)
	p := newKPIPicker(step.ed, nil)
	test.Type(p.Search, "duree cycle")
	found := false
	for _, r := range p.Results {
		found = found || r.ID == "sales-cycle-length"
	}
	if !found {
		t.Errorf("“duree cycle” does not find « Durée du cycle de vente»")
	}
	p.Search.SetText("zzzz")
	if len(p.Results) != 0 || !p.Empty.Visible() {
		t.Errorf("no result should show the empty message")
	}
}

func TestKPIsCustomUnitAndObjectiveLinks(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	step, ed, env := openStep[*kpisStep](t, s, workshop.StepKPIs)
	test.Tap(step.AddCustom)
	kc := step.cards[len(step.cards)-1]
	test.Type(kc.Name.Entry, "Demos booked")
	kc.Unit.SetSelectedIndex(len(workshop.Units)) // other unit…
	if !kc.UnitCustom.Visible() {
		t.Fatal("the custom unit entry is hidden")
	}
	test.Type(kc.UnitCustom, "demos")
	test.Tap(kc.Objectives[0])
	kc.OwnerPick.SetSelected(kc.OwnerPick.Options[0])

	c := env.stored(t, s.ID).Current().Charter
	k := c.KPIs[len(c.KPIs)-1]
	if k.Name != "Demos booked" || k.Unit != "demos" || len(k.Objectives) != 1 || k.Objectives[0] != c.Objectives[0].ID {
		t.Errorf("stored custom KPI = %+v", k)
	}
	if k.Owner != c.Participants[0].Name {
		t.Errorf("owner = %q, want the participant picked %q", k.Owner, c.Participants[0].Name)
	}
	if got := findingsOf(ed.Findings(), workshop.RKPI5, k.ID); len(got) != 0 {
		t.Errorf("R-KPI-5 on a KPI that measures an objective: %+v", got)
	}
}

func TestRROLE1_FillTheMatrixUntilRolesAreComplete(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	s.Current().Charter.Roles = nil
	step, ed, env := openStep[*rolesStep](t, s, workshop.StepRoles)
	c := ed.Charter()
	if len(c.Participants) < 3 {
		t.Fatalf("template has %d participants, want 3 or more", len(c.Participants))
	}
	for _, code := range []workshop.RuleCode{workshop.RROLE1, workshop.RROLE2, workshop.RROLE3} {
		if got := findingsOf(ed.Findings(), code, ""); len(got) != len(c.Objectives) {
			t.Fatalf("%s: %d findings for %d objectives without roles", code, len(got), len(c.Objectives))
		}
	}
	if step.footers[0][0].OK {
		t.Error("the footer shows R-ROLE-1 satisfied on an empty column")
	}
	// Participant 0 pilots, 1 contributes, 2 approves, on every objective.
	for j := range c.Objectives {
		step.Cells[0][j].SetSelectedIndex(0)
		step.Cells[1][j].SetSelectedIndex(1)
		step.Cells[2][j].SetSelectedIndex(2)
	}
	for _, code := range []workshop.RuleCode{workshop.RROLE1, workshop.RROLE2, workshop.RROLE3, workshop.RROLE4} {
		if got := findingsOf(ed.Findings(), code, ""); len(got) != 0 {
			t.Errorf("%s remains: %+v", code, got)
		}
	}
	for j := range c.Objectives {
		for k, line := range step.footers[j] {
			if !line.OK {
				t.Errorf("objective %d: footer line R-ROLE-%d not OK: %q", j+1, k+1, line.Text.Text)
			}
		}
	}
	got := env.stored(t, s.ID).Current().Charter
	if len(got.Roles) != 3*len(got.Objectives) {
		t.Errorf("stored %d assignments, want %d", len(got.Roles), 3*len(got.Objectives))
	}

	// One role per participant per objective: the pilot becomes an
	// approver, so the objective has no pilot any more.
	step.Cells[0][0].SetSelectedIndex(2)
	if got := findingsOf(ed.Findings(), workshop.RROLE1, got.Objectives[0].ID); len(got) != 1 {
		t.Errorf("R-ROLE-1 after the pilot changed role: %+v", got)
	}
	n := 0
	for _, a := range ed.Charter().Roles {
		if a.ParticipantID == got.Participants[0].ID && a.ObjectiveID == got.Objectives[0].ID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("participant 0 holds %d roles on objective 1, want 1", n)
	}
	// "—" removes the role.
	step.Cells[0][0].SetSelectedIndex(len(roleChoices) - 1)
	if r := roleOf(ed.Charter(), got.Participants[0].ID, got.Objectives[0].ID); r != "" {
		t.Errorf("role after “—” = %q, want none", r)
	}
}

func TestRROLE4_PilotAloneApprovingShowsInFooter(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	c := &s.Current().Charter
	// A second participant with the pilot's name approves: self-approval.
	c.Roles = nil
	twin := workshop.Participant{ID: "twin", Name: c.Participants[0].Name, Function: workshop.FuncSales}
	c.Participants = append(c.Participants, twin)
	step, ed, _ := openStep[*rolesStep](t, s, workshop.StepRoles)
	last := len(step.Cells) - 1
	step.Cells[0][0].SetSelectedIndex(0)    // pilot
	step.Cells[1][0].SetSelectedIndex(1)    // contributor
	step.Cells[last][0].SetSelectedIndex(2) // the twin approves
	if got := findingsOf(ed.Findings(), workshop.RROLE4, ed.Charter().Objectives[0].ID); len(got) != 1 {
		t.Fatalf("R-ROLE-4 = %+v, want one", got)
	}
	if l := step.footers[0][3]; l.OK || l.Text.Text != tr("roles.rule4.bad") {
		t.Errorf("footer R-ROLE-4 = %q ok=%v", l.Text.Text, l.OK)
	}
}

func TestRCAS1_CascadeSumWarningFollowsTheLines(t *testing.T) {
	s := newTemplateSession(t, "abm-pipeline", workshop.EN)
	step, ed, env := openStep[*cascadeStep](t, s, workshop.StepCascade)
	c := ed.Charter()
	var cc *cascadeCard
	for _, x := range step.cards {
		cs := cascadeItems.at(c, x.id)
		if k := kpiItems.at(c, cs.KPIID); k != nil && k.Unit.Additive() {
			cc = x
			break
		}
	}
	if cc == nil {
		t.Fatal("no cascade of an additive KPI in the template")
	}
	if got := findingsOf(ed.Findings(), workshop.RCAS1, cc.id); len(got) != 0 {
		t.Fatalf("R-CAS-1 on the template: %+v", got)
	}
	retypeEntry(cc.Lines[0].Target.Entry, "5")
	got := findingsOf(ed.Findings(), workshop.RCAS1, cc.id)
	if len(got) != 1 {
		t.Fatalf("R-CAS-1 = %+v, want one once the teams add up to less", got)
	}
	if inline := noteText(step.places, cc.id, "lines"); !strings.Contains(inline, got[0].Message(workshop.EN)) {
		t.Errorf("inline note = %q, want the R-CAS-1 message", inline)
	}
	if cc.Sum.Importance != widget.WarningImportance || !strings.Contains(cc.Sum.Text, "24") {
		t.Errorf("sum line = %q (importance %v), want a warning with the sum 24", cc.Sum.Text, cc.Sum.Importance)
	}

	// A line added and filled brings the sum back.
	test.Tap(cc.AddLine)
	n := len(cc.Lines)
	test.Type(cc.Lines[n-1].Team.Entry, "Partners")
	test.Type(cc.Lines[n-1].Target.Entry, "7")
	if got := findingsOf(ed.Findings(), workshop.RCAS1, cc.id); len(got) != 0 {
		t.Errorf("R-CAS-1 stays with teams adding up to 31: %+v", got)
	}
	stored := cascadeItems.at(&env.stored(t, s.ID).Current().Charter, cc.id)
	if len(stored.Lines) != n || stored.Lines[0].Target != "5" || stored.Lines[n-1].Team != "Partners" || stored.Lines[n-1].Target != "7" {
		t.Errorf("stored lines = %+v", stored.Lines)
	}
}

func TestRCAS1_NoSumForNonAdditiveUnits(t *testing.T) {
	s := newTemplateSession(t, "abm-pipeline", workshop.EN)
	step, ed, _ := openStep[*cascadeStep](t, s, workshop.StepCascade)
	c := ed.Charter()
	for _, cc := range step.cards {
		cs := cascadeItems.at(c, cc.id)
		k := kpiItems.at(c, cs.KPIID)
		if k == nil || k.Unit.Additive() {
			continue
		}
		retypeEntry(cc.Lines[0].Target.Entry, "1")
		if got := findingsOf(ed.Findings(), workshop.RCAS1, cc.id); len(got) != 0 {
			t.Errorf("R-CAS-1 on a %s cascade: %+v", k.Unit, got)
		}
		if want := tr("cascade.nosum", "Unit", unitLabel(k.Unit)); cc.Sum.Text != want {
			t.Errorf("sum line = %q, want %q", cc.Sum.Text, want)
		}
		return
	}
	t.Fatal("no cascade of a non-additive KPI in the template")
}

func TestRituals_TimeValidatedAndKeptAsTyped(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	step, _, env := openStep[*ritualsStep](t, s, workshop.StepRituals)
	rc := step.cards[0]
	retypeEntry(rc.Time.Entry, "9h30")
	if !rc.TimeInvalid.Visible() || !strings.Contains(rc.TimeInvalid.Text, "9h30") {
		t.Errorf("time message = %q visible=%v", rc.TimeInvalid.Text, rc.TimeInvalid.Visible())
	}
	if got := env.stored(t, s.ID).Current().Charter.Rituals[0].Time; got != "9h30" {
		t.Errorf("stored time = %q, want it as typed", got)
	}
	retypeEntry(rc.Time.Entry, "09:30")
	if noteShown(rc.TimeInvalid) {
		t.Errorf("message stays for 09:30: %q", rc.TimeInvalid.Text)
	}
	was := env.stored(t, s.ID).Current().Charter.Rituals[0].Minutes
	retypeEntry(rc.Minutes, "abc")
	if !rc.MinInvalid.Visible() || rc.Minutes.Text != "abc" {
		t.Errorf("duration message hidden or text lost: %q", rc.Minutes.Text)
	}
	r := env.stored(t, s.ID).Current().Charter.Rituals[0]
	if r.Time != "09:30" || r.Minutes != was {
		t.Errorf("stored %s / %d min, want 09:30 / %d", r.Time, r.Minutes, was)
	}
	retypeEntry(rc.Minutes, "45")
	if got := env.stored(t, s.ID).Current().Charter.Rituals[0].Minutes; got != 45 {
		t.Errorf("stored minutes = %d, want 45", got)
	}
}

func TestRRIT1_AgendaEditRegenerateAndCustomRitual(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	s.Current().Charter.Rituals = workshop.DefaultRituals(workshop.EN)
	step, ed, env := openStep[*ritualsStep](t, s, workshop.StepRituals)
	rc := step.cards[0]
	gen := workshop.GenerateAgenda(ed.Charter(), ed.Charter().Rituals[0], workshop.EN)
	if len(gen) == 0 || len(rc.Generated.Objects) != len(gen) {
		t.Fatalf("generated agenda shows %d lines, want %d", len(rc.Generated.Objects), len(gen))
	}
	test.Tap(rc.EditAgenda)
	if !rc.editBox.Visible() || len(rc.Agenda.Entries) != len(gen) {
		t.Fatalf("edit mode shows %d lines, want %d", len(rc.Agenda.Entries), len(gen))
	}
	retypeEntry(rc.Agenda.Entries[0], "Pipeline review by segment")
	if got := env.stored(t, s.ID).Current().Charter.Rituals[0].Agenda; len(got) != len(gen) || got[0] != "Pipeline review by segment" {
		t.Errorf("stored agenda = %q", got)
	}
	test.Tap(rc.Regenerate)
	tapButton(t, ed.Window(), tr("field.remove"))
	if got := env.stored(t, s.ID).Current().Charter.Rituals[0].Agenda; len(got) != 0 {
		t.Errorf("agenda after regenerate = %q, want the generated one (empty list)", got)
	}
	if !rc.genBox.Visible() {
		t.Error("the generated agenda is not shown after regenerate")
	}

	// No weekly ritual: R-RIT-1; a custom weekly one clears it.
	ed.Edit(func(c *workshop.Charter) { c.Rituals = c.Rituals[1:] })
	step.Refresh()
	if len(findingsOf(ed.Findings(), workshop.RRIT1, "")) != 1 || noteText(step.places, "", "cadence") == "" {
		t.Fatalf("R-RIT-1 missing or not shown: %q", noteText(step.places, "", "cadence"))
	}
	test.Tap(step.Add)
	nc := step.cards[len(step.cards)-1]
	test.Type(nc.Name.Entry, "Deal desk")
	nc.Cadence.Select.SetSelectedIndex(0) // weekly
	if got := findingsOf(ed.Findings(), workshop.RRIT1, ""); len(got) != 0 {
		t.Errorf("R-RIT-1 stays with a weekly custom ritual: %+v", got)
	}
	rs := env.stored(t, s.ID).Current().Charter.Rituals
	last := rs[len(rs)-1]
	if last.Kind != workshop.RitualCustom || last.Name != "Deal desk" || last.Cadence != workshop.CadenceWeekly {
		t.Errorf("stored custom ritual = %+v", last)
	}
}

func TestRINC2_ShareOutOfRangeInline(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.FR)
	s.Current().Charter.Incentive = workshop.Incentive{}
	step, ed, env := openStep[*incentivesStep](t, s, workshop.StepIncentives)
	if len(findingsOf(ed.Findings(), workshop.RINC1, "")) != 1 || noteText(step.places, "", "share") == "" {
		t.Fatalf("R-INC-1 not shown: %q", noteText(step.places, "", "share"))
	}
	if !step.Share.Entry.Disabled() {
		t.Error("the share is editable while incentives are off")
	}
	test.Tap(step.Enabled)
	retypeEntry(step.Share.Entry, "120")
	got := findingsOf(ed.Findings(), workshop.RINC2, "")
	if len(got) != 1 {
		t.Fatalf("R-INC-2 = %+v, want one for 120", got)
	}
	if inline := noteText(step.places, "", "share"); !strings.Contains(inline, got[0].Message(workshop.EN)) {
		t.Errorf("inline note = %q, want the R-INC-2 message", inline)
	}
	retypeEntry(step.Share.Entry, "12,5 %")
	if len(findingsOf(ed.Findings(), workshop.RINC2, "")) != 0 || len(findingsOf(ed.Findings(), workshop.RINC1, "")) != 0 {
		t.Errorf("findings remain for 12,5 %%: %+v", ed.Findings())
	}
	in := env.stored(t, s.ID).Current().Charter.Incentive
	if !in.Enabled || in.Share != "12,5 %" {
		t.Errorf("stored incentive = %+v", in)
	}
}

func TestLog_EntryAddedNewestFirst(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	s.Current().Charter.Decisions = []workshop.Decision{{ID: "old", Date: "2026-12-01", Type: workshop.DecisionHypothesis, Text: "Earlier entry"}}
	step, ed, env := openStep[*logStep](t, s, workshop.StepLog)

	test.Tap(step.Submit)
	if !step.FormProblem.Visible() {
		t.Error("an empty entry is accepted without a message")
	}
	test.Type(step.Text, "Simplified contract approval from February")
	step.Type.SetSelectedIndex(0)
	test.Type(step.Author, "Claire")
	step.Link.SetSelectedIndex(1) // the first objective
	test.Tap(step.Submit)

	ds := env.stored(t, s.ID).Current().Charter.Decisions
	if len(ds) != 2 {
		t.Fatalf("stored %d entries, want 2", len(ds))
	}
	d := ds[1]
	if d.Text != "Simplified contract approval from February" || d.Type != workshop.DecisionDecision ||
		d.Author != "Claire" || d.Date != workshop.DateOf(env.Now) || d.LinkID != ed.Charter().Objectives[0].ID {
		t.Errorf("stored entry = %+v", d)
	}
	if step.Text.Text != "" {
		t.Errorf("form not emptied: %q", step.Text.Text)
	}
	if len(step.Rows) != 2 || step.Rows[0].ID != d.ID {
		t.Errorf("rows not newest first")
	}
}

func TestLog_SignedRevisionIsAppendOnly(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	now := time.Date(2027, 1, 11, 9, 0, 0, 0, time.UTC)
	for _, p := range workshop.Approvers(&s.Current().Charter) {
		if err := s.Sign(p.Name, "", now, testSigner); err != nil {
			t.Fatalf("sign as %s: %v", p.Name, err)
		}
	}
	if !s.Current().Frozen() {
		t.Fatal("the template did not sign")
	}
	seal := s.Current().Seal
	step, _, env := openStep[*logStep](t, s, workshop.StepLog)
	if !step.Signed.Visible() {
		t.Error("no note that the log is append-only")
	}
	for _, r := range step.Rows {
		if r.Edit != nil || r.Remove != nil {
			t.Errorf("entry %s can be edited or removed on a signed revision", r.ID)
		}
	}
	test.Type(step.Text, "Q1 result: cycle down to 74 days")
	step.Type.SetSelectedIndex(3)
	test.Tap(step.Submit)
	cur := env.stored(t, s.ID).Current()
	if len(cur.LateDecisions) != 1 || cur.LateDecisions[0].Type != workshop.DecisionResult || cur.Seal != seal {
		t.Errorf("late decisions = %+v, seal changed %v", cur.LateDecisions, cur.Seal != seal)
	}
	if !step.Rows[0].Late || !strings.Contains(step.Rows[0].Head.Text, tr("log.late")) {
		t.Errorf("the new entry is not listed first as added after signature")
	}
}

func TestStepsBReadOnlyWhenSigned(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	now := time.Date(2027, 1, 11, 9, 0, 0, 0, time.UTC)
	for _, p := range workshop.Approvers(&s.Current().Charter) {
		if err := s.Sign(p.Name, "", now, testSigner); err != nil {
			t.Fatalf("sign: %v", err)
		}
	}
	kpis, ed, _ := openStep[*kpisStep](t, s, workshop.StepKPIs)
	if !kpis.cards[0].Target.Entry.Disabled() || !kpis.AddLibrary.Disabled() {
		t.Error("KPI fields editable on a signed revision")
	}
	ed.Goto(workshop.Where{Step: workshop.StepRoles})
	for _, st := range ed.steps {
		if r, ok := st.(*rolesStep); ok && !r.Cells[0][0].Disabled() {
			t.Error("roles editable on a signed revision")
		}
	}
}

func TestKPIsFocusShowsTheField(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	step, ed, _ := openStep[*kpisStep](t, s, workshop.StepKPIs)
	kc := step.cards[1]
	ed.Goto(workshop.Where{Step: workshop.StepKPIs, ID: kc.id, Field: "alert"})
	if ed.Window().Canvas().Focused() != kc.Alert.Entry {
		t.Error("Focus did not focus the alert threshold")
	}
}

func TestStepsBCatalogsHaveTheSameKeys(t *testing.T) {
	prefixes := []string{"kpis.", "number.", "picker.", "roles.", "cascade.", "rituals.", "incentives.", "log."}
	en, fr := catalogKeys(t, "en", prefixes...), catalogKeys(t, "fr", prefixes...)
	if len(en) < 100 {
		t.Fatalf("the catalogs have only %d keys of steps 5 to 10", len(en))
	}
	for k := range en {
		if _, ok := fr[k]; !ok {
			t.Errorf("%s missing in French", k)
		}
	}
	for k, v := range fr {
		if _, ok := en[k]; !ok {
			t.Errorf("%s missing in English", k)
		}
		for _, bad := range []string{" :", " ;", " ?", " !", " %", "« ", " »"} {
			if strings.Contains(v, bad) {
				t.Errorf("%s: French text %q needs a no-break space in %q", k, v, bad)
			}
		}
	}
}
