package workshop

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// templateNow is a date in 2026-Q4, so that the default period is 2027-Q1.
var templateNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

var builtinTemplates = []string{"sales-cycle", "net-retention", "abm-pipeline"}

func mustTemplate(t *testing.T, id string, l Lang, period string) *Session {
	t.Helper()
	s, err := FromTemplate(id, l, period, templateNow)
	if err != nil {
		t.Fatalf("FromTemplate(%s, %s, %q): %v", id, l, period, err)
	}
	return s
}

func TestTemplatesParse(t *testing.T) {
	if err := loadTemplates(); err != nil {
		t.Fatalf("embedded templates: %v", err)
	}
}

func TestTemplatesListBlankFirstWithProductTitles(t *testing.T) {
	want := []struct {
		id, fr, en string
	}{
		{"blank", "Charte vierge", "Blank charter"},
		{"sales-cycle", "Accélérer le cycle de vente", "Speed up the sales cycle"},
		{"net-retention", "Améliorer la rétention", "Improve retention"},
		{"abm-pipeline", "Pipeline qualifié par compte", "Account-based qualified pipeline"},
	}
	got := Templates()
	if len(got) != len(want) {
		t.Fatalf("Templates() = %d entries, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.id || g.Title[FR] != w.fr || g.Title[EN] != w.en {
			t.Errorf("template %d = %s %q/%q, want %s %q/%q", i, g.ID, g.Title[FR], g.Title[EN], w.id, w.fr, w.en)
		}
		if g.Summary[FR] == "" || g.Summary[EN] == "" || g.Summary[FR] == g.Summary[EN] {
			t.Errorf("%s: summaries %q / %q", g.ID, g.Summary[FR], g.Summary[EN])
		}
	}
	if ids := strings.Join(TemplateIDs(), ","); ids != "blank,sales-cycle,net-retention,abm-pipeline" {
		t.Errorf("TemplateIDs() = %s", ids)
	}
}

// A template is a model charter: no error, and no warning or info either.
func TestTemplatesValidateWithoutFindings(t *testing.T) {
	for _, id := range builtinTemplates {
		for _, l := range []Lang{FR, EN} {
			c := &mustTemplate(t, id, l, "").Current().Charter
			c.TimeZone = "Europe/Paris" // chosen at set-up: a template has no zone (R-TZ-2)
			fs := Validate(c)
			for _, f := range fs {
				t.Errorf("%s/%s: %s %s at %+v: %s", id, l, f.Severity, f.Code, f.Where, f.Message(l))
			}
			if HasErrors(fs) {
				t.Errorf("%s/%s: errors block sign-off", id, l)
			}
			if err := CanSign(c); err != nil {
				t.Errorf("%s/%s: CanSign: %v", id, l, err)
			}
		}
	}
}

// Any period: deadlines are clamped inside short periods, so the T of SMART
// holds for a month as for a year.
func TestTemplatesValidateForAnyPeriod(t *testing.T) {
	for _, period := range []string{"2027-Q3", "2027-03", "2027-H2", "2028"} {
		for _, id := range builtinTemplates {
			for _, l := range []Lang{FR, EN} {
				c := &mustTemplate(t, id, l, period).Current().Charter
				c.TimeZone = "America/New_York" // chosen at set-up (R-TZ-2)
				for _, f := range Validate(c) {
					t.Errorf("%s/%s/%s: %s %s: %s", id, l, period, f.Severity, f.Code, f.Message(l))
				}
			}
		}
	}
}

func TestTemplateCharterShape(t *testing.T) {
	for _, id := range builtinTemplates {
		for _, l := range []Lang{FR, EN} {
			s := mustTemplate(t, id, l, "2027-Q1")
			c := &s.Current().Charter
			name := id + "/" + string(l)
			if s.Template != id || c.Lang != l || c.Period.Label != "2027-Q1" || c.Period.Start != "2027-01-01" || c.Period.End != "2027-03-31" {
				t.Errorf("%s: template %q lang %q period %+v", name, s.Template, c.Lang, c.Period)
			}
			if c.Title == "" || c.Scope == "" || c.Facilitator == "" || c.Intent.Statement == "" ||
				len(c.Intent.CompanyObjectives) == 0 || len(c.Intent.Hypotheses) == 0 {
				t.Errorf("%s: set-up or intent incomplete", name)
			}
			r := c.Readiness
			if !r.BaselinesKnown || !r.LastResultsAtHand || !r.ConstraintsListed || !r.ParticipantsConfirmed {
				t.Errorf("%s: readiness %+v", name, r)
			}
			if n := len(c.Participants); n < 6 || n > 8 {
				t.Errorf("%s: %d participants, want 6–8", name, n)
			}
			for _, p := range c.Participants {
				if p.Name == "" || p.Function == "" || !strings.HasSuffix(p.Email, "@example.com") {
					t.Errorf("%s: participant %+v", name, p)
				}
			}
			if n := len(c.Objectives); n < 3 || n > 4 {
				t.Errorf("%s: %d objectives", name, n)
			}
			for _, o := range c.Objectives {
				if o.Title == "" || o.Specific == "" || o.Achievable == "" || o.Relevant == "" || len(o.SideEffects) == 0 {
					t.Errorf("%s: objective %s incomplete", name, o.ID)
				}
				if o.Deadline < c.Period.Start || o.Deadline > c.Period.End {
					t.Errorf("%s: objective %s deadline %s outside the period", name, o.ID, o.Deadline)
				}
			}
			checkTemplateKPIs(t, name, c)
			checkTemplateRoles(t, name, c)
			checkTemplateCascades(t, name, c)
			kinds := map[RitualKind]bool{}
			for _, r := range c.Rituals {
				kinds[r.Kind] = true
				if r.Time == "" || r.Minutes <= 0 || len(r.Attendees) == 0 || r.Name == "" {
					t.Errorf("%s: ritual %+v incomplete", name, r)
				}
			}
			if !kinds[RitualWeeklySync] || !kinds[RitualMonthlyReview] || !kinds[RitualQBR] {
				t.Errorf("%s: rituals %v", name, kinds)
			}
			if !c.Incentive.Enabled || c.Incentive.Note == "" {
				t.Errorf("%s: incentive %+v", name, c.Incentive)
			}
			if share, err := ParseNumber(c.Incentive.Share, l); err != nil || share <= 0 || share > 100 {
				t.Errorf("%s: incentive share %q = %v, %v", name, c.Incentive.Share, share, err)
			}
			if n := len(c.Decisions); n < 3 || n > 5 {
				t.Errorf("%s: %d decisions", name, n)
			}
			for _, d := range c.Decisions {
				if _, ok := d.Date.Time(); !ok || d.Text == "" || d.Author == "" {
					t.Errorf("%s: decision %+v", name, d)
				}
				if d.Date > c.Period.Start {
					t.Errorf("%s: decision %s dated %s, after the start: the workshop precedes the period", name, d.ID, d.Date)
				}
			}
		}
	}
}

func checkTemplateKPIs(t *testing.T, name string, c *Charter) {
	t.Helper()
	priority, results, efforts := 0, 0, 0
	for _, k := range c.KPIs {
		if !k.Guardrail {
			priority++
		}
		switch k.Kind {
		case KindResult:
			results++
		case KindEffort:
			efforts++
		}
		if k.Name == "" || k.Definition == "" || k.Unit == "" || k.Source == "" || k.Owner == "" || k.Frequency == "" || len(k.Objectives) == 0 {
			t.Errorf("%s: KPI %s incomplete: %+v", name, k.ID, k)
		}
		var v [3]float64
		for i, field := range []string{k.Baseline, k.Target, k.Alert} {
			n, err := ParseNumber(field, c.Lang)
			if err != nil {
				t.Errorf("%s: KPI %s: %q unreadable in %s: %v", name, k.ID, field, c.Lang, err)
			}
			v[i] = n
		}
		if !k.TargetType.AlertSideOK(v[2], v[1]) {
			t.Errorf("%s: KPI %s alert %s on the wrong side of %s (%s)", name, k.ID, k.Alert, k.Target, k.TargetType)
		}
	}
	if priority < 3 || priority > 5 || results == 0 || efforts == 0 {
		t.Errorf("%s: %d priority KPIs, %d result, %d effort", name, priority, results, efforts)
	}
}

func checkTemplateRoles(t *testing.T, name string, c *Charter) {
	t.Helper()
	approvers := map[string]bool{}
	for _, o := range c.Objectives {
		byRole := map[Role][]string{}
		for _, a := range c.Roles {
			if a.ObjectiveID == o.ID {
				byRole[a.Role] = append(byRole[a.Role], a.ParticipantID)
			}
		}
		if len(byRole[RolePilot]) != 1 || len(byRole[RoleContributor]) == 0 || len(byRole[RoleApprover]) == 0 {
			t.Errorf("%s: objective %s roles %v", name, o.ID, byRole)
			continue
		}
		for _, a := range byRole[RoleApprover] {
			if a == byRole[RolePilot][0] {
				t.Errorf("%s: objective %s approved by its pilot", name, o.ID)
			}
			approvers[a] = true
		}
	}
	if len(approvers) < 2 || len(Approvers(c)) != len(approvers) {
		t.Errorf("%s: approvers %v, Approvers() = %d", name, approvers, len(Approvers(c)))
	}
}

func checkTemplateCascades(t *testing.T, name string, c *Charter) {
	t.Helper()
	additive := false
	for _, cas := range c.Cascades {
		var kpi *KPI
		for i := range c.KPIs {
			if c.KPIs[i].ID == cas.KPIID {
				kpi = &c.KPIs[i]
			}
		}
		if kpi == nil || len(cas.Lines) < 2 {
			t.Errorf("%s: cascade %s on %q with %d lines", name, cas.ID, cas.KPIID, len(cas.Lines))
			continue
		}
		sum := 0.0
		for _, line := range cas.Lines {
			v, err := ParseNumber(line.Target, c.Lang)
			if err != nil || line.Team == "" {
				t.Errorf("%s: cascade line %+v: %v", name, line, err)
			}
			sum += v
		}
		if kpi.Unit.Additive() {
			additive = true
			target, _ := ParseNumber(kpi.Target, c.Lang)
			if sum < target {
				t.Errorf("%s: cascade %s sums to %v < %v", name, cas.ID, sum, target)
			}
		}
	}
	if !additive {
		t.Errorf("%s: no cascade of an additive KPI", name)
	}
}

// Each language is written for itself: the texts differ, French numbers use
// a decimal comma and spaces, English ones a decimal point and commas.
func TestTemplateLanguagesNative(t *testing.T) {
	for _, id := range builtinTemplates {
		fr := &mustTemplate(t, id, FR, "2027-Q1").Current().Charter
		en := &mustTemplate(t, id, EN, "2027-Q1").Current().Charter
		if fr.Title == en.Title || fr.Scope == en.Scope || fr.Intent.Statement == en.Intent.Statement {
			t.Errorf("%s: French and English share text", id)
		}
		for i := range fr.Objectives {
			if fr.Objectives[i].Specific == en.Objectives[i].Specific || fr.Objectives[i].ID != en.Objectives[i].ID {
				t.Errorf("%s: objective %d not written in both languages", id, i+1)
			}
		}
		for i := range fr.KPIs {
			kf, ke := fr.KPIs[i], en.KPIs[i]
			for j, pair := range [][2]string{{kf.Baseline, ke.Baseline}, {kf.Target, ke.Target}, {kf.Alert, ke.Alert}} {
				a, errF := ParseNumber(pair[0], FR)
				b, errE := ParseNumber(pair[1], EN)
				if errF != nil || errE != nil || a != b {
					t.Errorf("%s: KPI %s value %d: %q (fr) = %v, %q (en) = %v", id, kf.ID, j, pair[0], a, pair[1], b)
				}
				if strings.Contains(pair[0], ".") || strings.Contains(pair[1], " ") || strings.Contains(pair[1], "\u202f") {
					t.Errorf("%s: KPI %s: %q / %q not written the language's way", id, kf.ID, pair[0], pair[1])
				}
			}
		}
		for _, o := range fr.Objectives {
			if strings.Contains(o.Specific+o.Achievable+o.Relevant+o.Title, "'") {
				t.Errorf("%s: French text of %s uses a straight apostrophe", id, o.ID)
			}
		}
	}
}

func TestTemplateFrenchTypography(t *testing.T) {
	s := mustTemplate(t, "net-retention", FR, "2027-Q1")
	c := &s.Current().Charter
	if got := c.KPIs[2].Target; got != "60\u202f000" {
		t.Errorf("expansion MRR target = %q, want narrow no-break space", got)
	}
	if got := c.KPIs[0].Target; got != "110\u00a0%" {
		t.Errorf("NRR target = %q, want no-break space before %%", got)
	}
	// The narrow no-break spaces before « ; » the first templates were
	// sealed with are written in the data and kept.
	if got := c.Objectives[1].Specific; !strings.Contains(got, "signature\u202f; 85\u00a0%") {
		t.Errorf("onboarding objective = %q, want the narrow space before ; kept", got)
	}
}

func TestFromTemplateDates(t *testing.T) {
	c := &mustTemplate(t, "sales-cycle", FR, "").Current().Charter
	if c.Period.Label != "2027-Q1" {
		t.Fatalf("default period = %q, want the quarter after now (2027-Q1)", c.Period.Label)
	}
	want := map[string]Date{"obj-1": "2027-03-31", "obj-2": "2027-03-02", "obj-3": "2027-02-15"}
	for _, o := range c.Objectives {
		if o.Deadline != want[o.ID] {
			t.Errorf("%s deadline = %s, want %s", o.ID, o.Deadline, want[o.ID])
		}
	}
	if d := c.Decisions[0].Date; d != "2026-12-15" {
		t.Errorf("first decision dated %s, want 17 days before the start", d)
	}
	m := &mustTemplate(t, "sales-cycle", EN, "2027-02").Current().Charter
	for _, o := range m.Objectives {
		if o.Deadline < "2027-02-01" || o.Deadline > "2027-02-28" {
			t.Errorf("month period: %s deadline %s outside February", o.ID, o.Deadline)
		}
	}
}

func TestFromTemplateFreshSessionStableContent(t *testing.T) {
	a := mustTemplate(t, "abm-pipeline", EN, "2027-Q2")
	b := mustTemplate(t, "abm-pipeline", EN, "2027-Q2")
	if a.ID == b.ID || a.ID == "" {
		t.Errorf("session ids %q and %q: want fresh ids", a.ID, b.ID)
	}
	if Seal(&a.Current().Charter) != Seal(&b.Current().Charter) {
		t.Error("same template, language and period give different content")
	}
	if a.Current().Number != 1 || a.Current().Status != StatusDraft || !a.Created.Equal(templateNow) {
		t.Errorf("revision %d %s created %v", a.Current().Number, a.Current().Status, a.Created)
	}
	if !a.Board.Anonymous || a.Board.VotesPerParticipant != 3 {
		t.Errorf("board %+v: want NewSession's defaults", a.Board)
	}
	// Editing one session never reaches the template or another session.
	a.Current().Charter.Objectives[0].Title = "changed"
	a.Current().Charter.KPIs[0].Objectives[0] = "changed"
	c := mustTemplate(t, "abm-pipeline", EN, "2027-Q2")
	if c.Current().Charter.Objectives[0].Title == "changed" || c.Current().Charter.KPIs[0].Objectives[0] == "changed" {
		t.Error("sessions share template memory")
	}
}

func TestFromTemplateSignOff(t *testing.T) {
	for _, id := range builtinTemplates {
		s := mustTemplate(t, id, FR, "2027-Q1")
		approvers := Approvers(&s.Current().Charter)
		for i, p := range approvers {
			if err := s.Sign(p.Name, "", templateNow.Add(time.Duration(i+1)*time.Minute), testSigner); err != nil {
				t.Fatalf("%s: sign as %s: %v", id, p.Name, err)
			}
		}
		if !s.Current().Frozen() {
			t.Errorf("%s: signed by every approver but not frozen", id)
		}
	}
}

func TestFromTemplateBlank(t *testing.T) {
	for _, l := range []Lang{FR, EN} {
		s, err := FromTemplate("blank", l, "2027-Q3", templateNow)
		if err != nil {
			t.Fatal(err)
		}
		c := &s.Current().Charter
		if c.Title != blankTitle[l] || c.Period.Label != "2027-Q3" || c.Lang != l {
			t.Errorf("blank %s: %q %q %q", l, c.Title, c.Period.Label, c.Lang)
		}
		if len(c.Objectives) != 0 || len(c.KPIs) != 0 || len(c.Participants) != 0 || len(c.Rituals) != 3 {
			t.Errorf("blank %s: %d objectives, %d KPIs, %d participants, %d rituals", l, len(c.Objectives), len(c.KPIs), len(c.Participants), len(c.Rituals))
		}
	}
}

func TestFromTemplateUnknownID(t *testing.T) {
	_, err := FromTemplate("sales", FR, "", templateNow)
	if KindOf(err) != KindNotFound {
		t.Fatalf("kind = %v (%v), want not found", KindOf(err), err)
	}
	for _, id := range []string{`"sales"`, "blank", "sales-cycle", "net-retention", "abm-pipeline"} {
		if !strings.Contains(Message(err), id) {
			t.Errorf("message %q does not name %s", Message(err), id)
		}
	}
}

func TestFromTemplateBadInput(t *testing.T) {
	if _, err := FromTemplate("sales-cycle", "de", "", templateNow); KindOf(err) != KindInvalid {
		t.Errorf("unsupported language: %v", err)
	}
	if _, err := FromTemplate("sales-cycle", EN, "Q1 next year", templateNow); KindOf(err) != KindInvalid {
		t.Errorf("unreadable period: %v", err)
	}
}

func TestTemplateDataRejected(t *testing.T) {
	good := `{"id":"x","title":"T","summary":"S","scope":"S","facilitator":"F",
		"participants":[{"id":"p1","name":"A","function":"sales"}],
		"objectives":[{"id":"o1","title":"T","specific":"S","achievable":"A","relevant":"R","deadline":"end"}],
		"kpis":[{"id":"k1","libraryId":"win-rate","baseline":"1","target":"2","alert":"1","frequency":"weekly","source":"s","owner":"o","objectives":["o1"]}],
		"roles":{"o1":{"pilot":["p1"]}}}`
	if _, err := parseTemplate([]byte(good)); err != nil {
		t.Fatalf("minimal template refused: %v", err)
	}
	for name, bad := range map[string]string{
		"half text":      strings.Replace(good, `"title":"T"`, `"title":{"fr":"T"}`, 1),
		"unknown field":  strings.Replace(good, `"scope"`, `"scop"`, 1),
		"blank id":       strings.Replace(good, `"id":"x"`, `"id":"blank"`, 1),
		"bad deadline":   strings.Replace(good, `"deadline":"end"`, `"deadline":"2027-03-31"`, 1),
		"unknown person": strings.Replace(good, `"pilot":["p1"]`, `"pilot":["p9"]`, 1),
		"unknown lib":    strings.Replace(good, `"win-rate"`, `"winrate"`, 1),
		"unknown obj":    strings.Replace(good, `"objectives":["o1"]`, `"objectives":["o9"]`, 1),
	} {
		if _, err := parseTemplate([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	dup := fstest.MapFS{
		"t/a.json": {Data: []byte(good)},
		"t/b.json": {Data: []byte(good)},
	}
	if _, err := readTemplates(dup, "t"); err == nil || !strings.Contains(err.Error(), "already used") {
		t.Errorf("duplicate ids: %v", err)
	}
}

// The clean bill of health above means something: the same charter with one
// alert threshold flipped and one pilot removed is caught.
func TestTemplateFindingsNotVacuous(t *testing.T) {
	c := &mustTemplate(t, "sales-cycle", EN, "2027-Q1").Current().Charter
	c.KPIs[0].Alert = "60" // decrease to 71: an alert below the target is on the wrong side
	roles := c.Roles[:0]
	for _, a := range c.Roles {
		if !(a.ObjectiveID == "obj-1" && a.Role == RolePilot) {
			roles = append(roles, a)
		}
	}
	c.Roles = roles
	codes := map[RuleCode]bool{}
	for _, f := range Validate(c) {
		codes[f.Code] = true
	}
	if !codes[RKPI3] || !codes[RROLE1] {
		t.Errorf("findings %v: want R-KPI-3 and R-ROLE-1", codes)
	}
}
