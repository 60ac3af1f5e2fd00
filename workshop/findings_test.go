package workshop

import (
	"strings"
	"testing"
)

// rulesCharter builds a complete charter that passes every rule: no error,
// no warning, no info. Tests break one thing at a time.
func rulesCharter(l Lang) *Charter {
	return &Charter{
		Title:       "Pipeline 2027-Q1",
		Scope:       "GTM Europe",
		Period:      Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"},
		Lang:        l,
		TimeZone:    "Europe/Paris",
		Facilitator: "Nadia",
		Participants: []Participant{
			{ID: "p1", Name: "Claire", Function: FuncLeadership},
			{ID: "p2", Name: "Marc", Function: FuncSales},
			{ID: "p3", Name: "Inès", Function: FuncMarketing},
			{ID: "p4", Name: "Hugo", Function: FuncCS},
		},
		Intent: Intent{Purpose: PurposeGrowth, Statement: "Grow efficiently", CompanyObjectives: []string{"ARR +30 %"}},
		Objectives: []Objective{
			{ID: "o1", Title: "Shorten the sales cycle", Specific: "Reduce the median sales cycle of ICP deals for the sales team",
				Achievable: "MEDDICC already cut it by 10 % in Germany", Relevant: "Serves ARR +30 %", Deadline: "2027-03-31",
				SideEffects: []SideEffect{{ID: "s1", Description: "Discounts to close faster", GuardrailID: "k4"}}},
			{ID: "o2", Title: "Win more ICP deals", Specific: "Raise the win rate of ICP opportunities in mid-market",
				Achievable: "Enablement programme funded", Relevant: "Serves ARR +30 %", Deadline: "2027-03-15",
				SideEffects: []SideEffect{{ID: "s2", Description: "Fewer but larger deals"}}},
			{ID: "o3", Title: "Book more first meetings", Specific: "Marketing and SDRs book more first meetings with ICP accounts",
				Achievable: "ABM campaigns ready", Relevant: "Fills the pipeline for the intent", Deadline: "2027-02-28",
				SideEffects: []SideEffect{{ID: "s3", Description: "Meetings with poor fit"}}},
		},
		KPIs: []KPI{
			{ID: "k1", Name: "Sales cycle length", Kind: KindResult, Unit: UnitDays, TargetType: DecreaseTo,
				Baseline: "62", Target: "53", Alert: "58", Frequency: Weekly, Owner: "Marc", Objectives: []string{"o1"}},
			{ID: "k2", Name: "Win rate", Kind: KindResult, Unit: UnitPercent, TargetType: IncreaseTo,
				Baseline: "22 %", Target: "28 %", Alert: "24 %", Frequency: Monthly, Owner: "Claire", Objectives: []string{"o2"}},
			{ID: "k3", Name: "Meetings held", Kind: KindEffort, Unit: UnitCount, TargetType: IncreaseTo,
				Baseline: "40", Target: "60", Alert: "48", Frequency: Weekly, Owner: "Inès", Objectives: []string{"o3"}},
			{ID: "k4", Name: "Average discount", Kind: KindResult, Unit: UnitPercent, TargetType: StayAtOrBelow,
				Baseline: "12 %", Target: "15 %", Alert: "14 %", Frequency: Monthly, Owner: "Hugo", Guardrail: true},
		},
		Roles: []Assignment{
			{"p2", "o1", RolePilot}, {"p3", "o1", RoleContributor}, {"p1", "o1", RoleApprover}, {"p4", "o1", RoleInformed},
			{"p1", "o2", RolePilot}, {"p2", "o2", RoleContributor}, {"p4", "o2", RoleApprover},
			{"p3", "o3", RolePilot}, {"p2", "o3", RoleContributor}, {"p1", "o3", RoleApprover},
		},
		Cascades: []Cascade{{ID: "c1", KPIID: "k3", Dimension: DimSegment, Lines: []CascadeLine{{"North", "30"}, {"South", "30"}}}},
		Rituals: []Ritual{
			{ID: "r1", Kind: RitualWeeklySync, Cadence: CadenceWeekly, Time: "09:30", Minutes: 30},
			{ID: "r2", Kind: RitualMonthlyReview, Cadence: CadenceMonthly, Time: "14:00", Minutes: 60},
			{ID: "r3", Kind: RitualQBR, Cadence: CadenceQuarterly, Time: "10:00", Minutes: 120},
		},
		Incentive: Incentive{Enabled: true, Share: "20 %"},
	}
}

// nb writes French typography readably in tests: "~" is a no-break space
// (U+00A0), "^" a narrow no-break space (U+202F).
func nb(s string) string {
	return strings.NewReplacer("~", "\u00a0", "^", "\u202f").Replace(s)
}

func withCode(fs []Finding, code RuleCode) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Code == code {
			out = append(out, f)
		}
	}
	return out
}

func TestValidate_ValidCharterHasNoFinding(t *testing.T) {
	for _, l := range []Lang{FR, EN} {
		if fs := Validate(rulesCharter(l)); len(fs) != 0 {
			for _, f := range fs {
				t.Errorf("%s: unexpected %s %v: %s", l, f.Code, f.Where, f.Message(EN))
			}
		}
	}
}

// ruleCase breaks one thing and expects a finding with its place and both
// messages.
type ruleCase struct {
	name   string
	lang   Lang // charter language (EN when empty)
	break_ func(c *Charter)
	code   RuleCode
	sev    Severity
	where  Where
	en, fr string
}

func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := tc.lang
			if l == "" {
				l = EN
			}
			c := rulesCharter(l)
			tc.break_(c)
			fs := Validate(c)
			var got *Finding
			for i, f := range fs {
				if f.Code == tc.code && f.Where == tc.where {
					got = &fs[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("no %s at %+v; findings: %+v", tc.code, tc.where, fs)
			}
			if got.Severity != tc.sev {
				t.Errorf("severity %s, want %s", got.Severity, tc.sev)
			}
			if m := got.Message(EN); m != tc.en {
				t.Errorf("EN message\n got %q\nwant %q", m, tc.en)
			}
			if m := got.Message(FR); m != nb(tc.fr) {
				t.Errorf("FR message\n got %q\nwant %q", m, nb(tc.fr))
			}
		})
	}
}

// runQuiet checks that a change that respects the rule fires no finding of
// that code.
func runQuiet(t *testing.T, code RuleCode, cases map[string]func(c *Charter)) {
	t.Helper()
	for name, fix := range cases {
		c := rulesCharter(EN)
		fix(c)
		if fs := withCode(Validate(c), code); len(fs) != 0 {
			t.Errorf("%s: %s fired: %s", name, code, fs[0].Message(EN))
		}
	}
}

func objectiveN(i int) Objective {
	id := "ox" + string(rune('a'+i))
	return Objective{ID: id, Title: "Extra " + id, Specific: "An extra objective for the whole team", Achievable: "yes",
		Relevant: "intent", Deadline: "2027-03-01", SideEffects: []SideEffect{{ID: "sx" + id, Description: "none"}}}
}

func TestROBJ_Count(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"R-OBJ-1 none", "", func(c *Charter) { c.Objectives = nil }, ROBJ1, SevError, Where{Step: StepObjectives},
			"The charter has no collective objective yet: add at least one.",
			"La charte n’a encore aucun objectif collectif~: ajoutez-en au moins un."},
		{"R-OBJ-2 five", "", func(c *Charter) { c.Objectives = append(c.Objectives, objectiveN(0), objectiveN(1)) }, ROBJ2, SevError, Where{Step: StepObjectives},
			"The charter has 5 collective objectives: keep four at most so that the team stays focused.",
			"La charte compte 5 objectifs collectifs~: gardez-en quatre au plus pour que l’équipe reste concentrée."},
		{"R-OBJ-3 two", "", func(c *Charter) { c.Objectives = c.Objectives[:2] }, ROBJ3, SevInfo, Where{Step: StepObjectives},
			"The charter has only 2 collective objectives: three to four usually cover the intent better.",
			"La charte ne compte que 2 objectifs collectifs~: trois ou quatre couvrent en général mieux l’intention."},
		{"R-OBJ-3 one", "", func(c *Charter) { c.Objectives = c.Objectives[:1] }, ROBJ3, SevInfo, Where{Step: StepObjectives},
			"The charter has only one collective objective: three to four usually cover the intent better.",
			"La charte ne compte qu’un objectif collectif~: trois ou quatre couvrent en général mieux l’intention."},
	})
	runQuiet(t, ROBJ2, map[string]func(*Charter){"four": func(c *Charter) { c.Objectives = append(c.Objectives, objectiveN(0)) }})
	runQuiet(t, ROBJ3, map[string]func(*Charter){
		"four": func(c *Charter) { c.Objectives = append(c.Objectives, objectiveN(0)) },
		"none": func(c *Charter) { c.Objectives = nil }, // R-OBJ-1 says it already
	})
	runQuiet(t, ROBJ1, map[string]func(*Charter){"one": func(c *Charter) { c.Objectives = c.Objectives[:1] }})
}

func TestRSMART_Letters(t *testing.T) {
	o1 := func(c *Charter) *Objective { return &c.Objectives[0] }
	w := func(field string) Where { return Where{StepObjectives, "o1", field} }
	const en, fr = "Objective “Shorten the sales cycle”: ", "Objectif «~Shorten the sales cycle~»~: "
	runRuleCases(t, []ruleCase{
		{"R-SMART-1 missing", "", func(c *Charter) { o1(c).Specific = "  " }, RSMART1, SevWarning, w("specific"),
			en + "the specific statement is missing; say what changes, and for whom.",
			fr + "l’énoncé spécifique n’est pas renseigné~; dites ce qui change, et pour qui."},
		{"R-SMART-1 only a KPI name", "", func(c *Charter) { o1(c).Specific = "sales cycle  length." }, RSMART1, SevWarning, w("specific"),
			en + "the specific statement only names a KPI (“Sales cycle length”); say what changes, and for whom.",
			fr + "l’énoncé spécifique ne fait que nommer un indicateur («~Sales cycle length~»)~; dites ce qui change, et pour qui."},
		{"R-SMART-1 too short", "", func(c *Charter) { o1(c).Specific = "Faster deals" }, RSMART1, SevWarning, w("specific"),
			en + "the specific statement (“Faster deals”) is too short; say what changes, and for whom.",
			fr + "l’énoncé spécifique («~Faster deals~») est trop court~; dites ce qui change, et pour qui."},
		{"R-SMART-2 no KPI", "", func(c *Charter) { c.KPIs[0].Objectives = nil }, RSMART2, SevWarning, w("kpis"),
			en + "no KPI measures it, so it is not measurable.",
			fr + "aucun indicateur ne le mesure, il n’est donc pas mesurable."},
		{"R-SMART-2 no readable target", "", func(c *Charter) { c.KPIs[0].Target = "soon" }, RSMART2, SevWarning, w("kpis"),
			en + "none of its KPIs has a readable target, so it is not measurable.",
			fr + "aucun de ses indicateurs n’a de cible lisible, il n’est donc pas mesurable."},
		{"R-SMART-3 no rationale nor baseline", "", func(c *Charter) { o1(c).Achievable = ""; c.KPIs[0].Baseline = "" }, RSMART3, SevWarning, w("achievable"),
			en + "nothing says why it is achievable; give a rationale, or a baseline for one of its KPIs.",
			fr + "rien ne dit pourquoi il est atteignable~; donnez une justification, ou une valeur de départ pour l’un de ses indicateurs."},
		{"R-SMART-4 no link", "", func(c *Charter) { o1(c).Relevant = "" }, RSMART4, SevWarning, w("relevant"),
			en + "its link to the intent or to a company objective is not stated.",
			fr + "son lien avec l’intention ou un objectif de l’entreprise n’est pas indiqué."},
		{"R-SMART-5 no deadline", "", func(c *Charter) { o1(c).Deadline = "" }, RSMART5, SevWarning, w("deadline"),
			en + "it has no deadline.",
			fr + "il n’a pas d’échéance."},
		{"R-SMART-5 unreadable", "", func(c *Charter) { o1(c).Deadline = "31/03/2027" }, RSMART5, SevWarning, w("deadline"),
			en + "the deadline “31/03/2027” cannot be read (expected a date such as 2027-03-31).",
			fr + "l’échéance «~31/03/2027~» est illisible (date attendue, par exemple 2027-03-31)."},
		{"R-SMART-5 after the period", "", func(c *Charter) { o1(c).Deadline = "2027-04-01" }, RSMART5, SevWarning, w("deadline"),
			en + "the deadline (2027-04-01) falls after the period ends (2027-03-31).",
			fr + "l’échéance (2027-04-01) tombe après la fin de la période (2027-03-31)."},
		{"R-SMART-5 before the period", "", func(c *Charter) { o1(c).Deadline = "2026-12-31" }, RSMART5, SevWarning, w("deadline"),
			en + "the deadline (2026-12-31) falls before the period starts (2027-01-01).",
			fr + "l’échéance (2026-12-31) tombe avant le début de la période (2027-01-01)."},
		{"R-SMART-1 untitled objective", "", func(c *Charter) { o1(c).Title = ""; o1(c).Specific = "" }, RSMART1, SevWarning, w("specific"),
			"Objective 1 (untitled): the specific statement is missing; say what changes, and for whom.",
			"Objectif 1 (sans titre)~: l’énoncé spécifique n’est pas renseigné~; dites ce qui change, et pour qui."},
	})
	runQuiet(t, RSMART3, map[string]func(*Charter){
		"baseline but no rationale": func(c *Charter) { c.Objectives[0].Achievable = "" },
		"rationale but no baseline": func(c *Charter) { c.KPIs[0].Baseline = "" },
	})
	runQuiet(t, RSMART5, map[string]func(*Charter){
		"last day":      func(c *Charter) { c.Objectives[0].Deadline = "2027-03-31" },
		"first day":     func(c *Charter) { c.Objectives[0].Deadline = "2027-01-01" },
		"no period end": func(c *Charter) { c.Period.End = ""; c.Objectives[0].Deadline = "2027-09-30" },
	})
	runQuiet(t, RSMART2, map[string]func(*Charter){
		"one of two KPIs has a target": func(c *Charter) {
			c.KPIs[1].Objectives = append(c.KPIs[1].Objectives, "o1")
			c.KPIs[0].Target = ""
		},
	})
}

func TestRKPI1_PriorityCount(t *testing.T) {
	extra := func(id string) KPI {
		return KPI{ID: id, Name: "Extra " + id, Kind: KindEffort, Unit: UnitCount, TargetType: IncreaseTo,
			Baseline: "1", Target: "3", Alert: "2", Frequency: Weekly, Owner: "Marc", Objectives: []string{"o3"}}
	}
	runRuleCases(t, []ruleCase{
		{"R-KPI-1 two", "", func(c *Charter) { c.KPIs[2].Guardrail = true }, RKPI1, SevError, Where{Step: StepKPIs},
			"The charter has only 2 priority KPIs: choose 3 to 5 (guardrail KPIs do not count).",
			"La charte ne compte que 2 indicateurs prioritaires~: choisissez-en 3 à 5 (les indicateurs garde-fous ne comptent pas)."},
		{"R-KPI-1 six", "", func(c *Charter) { c.KPIs = append(c.KPIs, extra("x1"), extra("x2"), extra("x3")) }, RKPI1, SevError, Where{Step: StepKPIs},
			"The charter has 6 priority KPIs: keep 3 to 5 so that the team stays focused (guardrails do not count).",
			"La charte compte 6 indicateurs prioritaires~: gardez-en 3 à 5 pour que l’équipe reste concentrée (les garde-fous ne comptent pas)."},
		{"R-KPI-1 none", "", func(c *Charter) { c.KPIs = nil }, RKPI1, SevError, Where{Step: StepKPIs},
			"The charter has no priority KPI yet: choose 3 to 5.",
			"La charte n’a encore aucun indicateur prioritaire~: choisissez-en 3 à 5."},
	})
	runQuiet(t, RKPI1, map[string]func(*Charter){
		"five":                     func(c *Charter) { c.KPIs = append(c.KPIs, extra("x1"), extra("x2")) },
		"guardrails do not count":  func(c *Charter) { g := extra("g"); g.Guardrail = true; c.KPIs = append(c.KPIs, g, g, g) },
		"three plus one guardrail": func(c *Charter) {},
	})
}

func TestRKPI2_MissingFields(t *testing.T) {
	k2 := func(c *Charter) *KPI { return &c.KPIs[1] }
	w := func(field string) Where { return Where{StepKPIs, "k2", field} }
	runRuleCases(t, []ruleCase{
		{"target", "", func(c *Charter) { k2(c).Target = " " }, RKPI2, SevError, w("target"),
			"KPI “Win rate”: the target is missing.", "Indicateur «~Win rate~»~: la cible n’est pas renseignée."},
		{"alert", "", func(c *Charter) { k2(c).Alert = "" }, RKPI2, SevError, w("alert"),
			"KPI “Win rate”: the alert threshold is missing.", "Indicateur «~Win rate~»~: le seuil d’alerte n’est pas renseigné."},
		{"frequency", "", func(c *Charter) { k2(c).Frequency = "" }, RKPI2, SevError, w("frequency"),
			"KPI “Win rate”: the measurement frequency (weekly, monthly or quarterly) is missing.",
			"Indicateur «~Win rate~»~: la fréquence de mesure (hebdomadaire, mensuelle ou trimestrielle) n’est pas renseignée."},
		{"unknown frequency", "", func(c *Charter) { k2(c).Frequency = "daily" }, RKPI2, SevError, w("frequency"),
			"KPI “Win rate”: the measurement frequency (weekly, monthly or quarterly) is missing.",
			"Indicateur «~Win rate~»~: la fréquence de mesure (hebdomadaire, mensuelle ou trimestrielle) n’est pas renseignée."},
		{"owner", "", func(c *Charter) { k2(c).Owner = "" }, RKPI2, SevError, w("owner"),
			"KPI “Win rate”: nobody is named to measure it.", "Indicateur «~Win rate~»~: personne n’est désigné pour le mesurer."},
		{"target type", "", func(c *Charter) { k2(c).TargetType = "" }, RKPI2, SevError, w("targetType"),
			"KPI “Win rate”: the target type (increase, decrease, stay at or above, stay at or below) is missing.",
			"Indicateur «~Win rate~»~: le type de cible (augmenter, diminuer, rester au moins ou au plus à) n’est pas renseigné."},
		{"unnamed KPI", "", func(c *Charter) { k2(c).Name = ""; k2(c).Target = "" }, RKPI2, SevError, w("target"),
			"KPI 2 (unnamed): the target is missing.", "Indicateur 2 (sans nom)~: la cible n’est pas renseignée."},
		{"guardrail too", "", func(c *Charter) { c.KPIs[3].Alert = "" }, RKPI2, SevError, Where{StepKPIs, "k4", "alert"},
			"KPI “Average discount”: the alert threshold is missing.", "Indicateur «~Average discount~»~: le seuil d’alerte n’est pas renseigné."},
	})
	// One finding per missing field.
	c := rulesCharter(EN)
	c.KPIs[1].Target, c.KPIs[1].Alert, c.KPIs[1].Owner = "", "", ""
	var fields []string
	for _, f := range withCode(Validate(c), RKPI2) {
		fields = append(fields, f.Where.Field)
	}
	if strings.Join(fields, ",") != "target,alert,owner" {
		t.Errorf("R-KPI-2 fields = %v, want target,alert,owner", fields)
	}
}

func TestRKPI3_AlertSide(t *testing.T) {
	set := func(tt TargetType, alert, target string) func(c *Charter) {
		return func(c *Charter) { k := &c.KPIs[1]; k.TargetType, k.Alert, k.Target = tt, alert, target }
	}
	w := Where{StepKPIs, "k2", "alert"}
	runRuleCases(t, []ruleCase{
		{"increase to, alert above target", "", set(IncreaseTo, "30 %", "28 %"), RKPI3, SevError, w,
			"KPI “Win rate”: the alert threshold (30 %) must be below the target (28 %) for an “increase to” target.",
			"Indicateur «~Win rate~»~: le seuil d’alerte (30 %) doit être inférieur à la cible (28 %) pour une cible de type «~augmenter jusqu’à~»."},
		{"increase to, alert equal to target", "", set(IncreaseTo, "28", "28"), RKPI3, SevError, w,
			"KPI “Win rate”: the alert threshold (28) must be below the target (28) for an “increase to” target.",
			"Indicateur «~Win rate~»~: le seuil d’alerte (28) doit être inférieur à la cible (28) pour une cible de type «~augmenter jusqu’à~»."},
		{"decrease to, alert below target", "", set(DecreaseTo, "10", "12"), RKPI3, SevError, w,
			"KPI “Win rate”: the alert threshold (10) must be above the target (12) for a “decrease to” target.",
			"Indicateur «~Win rate~»~: le seuil d’alerte (10) doit être supérieur à la cible (12) pour une cible de type «~diminuer jusqu’à~»."},
		{"stay at or above, alert below target", "", set(StayAtOrAbove, "105", "110"), RKPI3, SevError, w,
			"KPI “Win rate”: the alert threshold (105) must be at or above the target (110) for a “stay at or above” target.",
			"Indicateur «~Win rate~»~: le seuil d’alerte (105) doit être supérieur ou égal à la cible (110) pour une cible de type «~rester au moins à~»."},
		{"stay at or below, alert above target", "", set(StayAtOrBelow, "16 %", "15 %"), RKPI3, SevError, w,
			"KPI “Win rate”: the alert threshold (16 %) must be at or below the target (15 %) for a “stay at or below” target.",
			"Indicateur «~Win rate~»~: le seuil d’alerte (16 %) doit être inférieur ou égal à la cible (15 %) pour une cible de type «~rester au plus à~»."},
		{"read in French", FR, set(IncreaseTo, "1 200,5", "1 200"), RKPI3, SevError, w,
			"KPI “Win rate”: the alert threshold (1 200,5) must be below the target (1 200) for an “increase to” target.",
			"Indicateur «~Win rate~»~: le seuil d’alerte (1 200,5) doit être inférieur à la cible (1 200) pour une cible de type «~augmenter jusqu’à~»."},
	})
	runQuiet(t, RKPI3, map[string]func(*Charter){
		"increase to, below":      set(IncreaseTo, "24 %", "28 %"),
		"decrease to, above":      set(DecreaseTo, "14", "12"),
		"stay at or above, equal": set(StayAtOrAbove, "110", "110"),
		"stay at or above, above": set(StayAtOrAbove, "115", "110"),
		"stay at or below, equal": set(StayAtOrBelow, "15", "15"),
		"stay at or below, below": set(StayAtOrBelow, "14", "15"),
		"unreadable alert":        set(IncreaseTo, "high", "28"), // R-NUM-1 says it
		"no target type":          set("", "30", "28"),           // R-KPI-2 says it
		"English thousands":       set(IncreaseTo, "1,100", "1,200.5"),
	})
}

func TestRKPI4_ResultAndEffort(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"no effort", "", func(c *Charter) { c.KPIs[2].Kind = KindResult }, RKPI4, SevWarning, Where{Step: StepKPIs},
			"The charter has no effort indicator: add one that tracks the actions leading to the result (meetings, qualification…).",
			"La charte n’a aucun indicateur d’effort~: ajoutez-en un qui suit les actions menant au résultat (rendez-vous, qualification…)."},
		{"no result", "", func(c *Charter) {
			for i := range c.KPIs {
				c.KPIs[i].Kind = KindEffort
			}
		}, RKPI4, SevWarning, Where{Step: StepKPIs},
			"The charter has no result indicator: add one that shows the outcome (revenue, retention, win rate…).",
			"La charte n’a aucun indicateur de résultat~: ajoutez-en un qui montre l’aboutissement (chiffre d’affaires, rétention, taux de gain…)."},
	})
	runQuiet(t, RKPI4, map[string]func(*Charter){"no KPI at all": func(c *Charter) { c.KPIs = nil }})
}

func TestRKPI5_Links(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"KPI measuring a deleted objective", "", func(c *Charter) { c.KPIs[2].Objectives = []string{"gone"} }, RKPI5, SevWarning,
			Where{StepKPIs, "k3", "objectives"},
			"KPI “Meetings held”: it measures no objective; link it to the objective it serves.",
			"Indicateur «~Meetings held~»~: il ne mesure aucun objectif~; reliez-le à l’objectif qu’il sert."},
		{"objective without KPI", "", func(c *Charter) { c.KPIs[2].Objectives = nil }, RKPI5, SevWarning,
			Where{StepObjectives, "o3", "kpis"},
			"Objective “Book more first meetings”: no KPI measures it; link at least one.",
			"Objectif «~Book more first meetings~»~: aucun indicateur ne le mesure~; reliez-en au moins un."},
		{"guardrail used by no side effect", "", func(c *Charter) { c.Objectives[0].SideEffects[0].GuardrailID = "" }, RKPI5, SevWarning,
			Where{StepKPIs, "k4", "objectives"},
			"KPI “Average discount”: it measures no objective; link it to the objective it serves.",
			"Indicateur «~Average discount~»~: il ne mesure aucun objectif~; reliez-le à l’objectif qu’il sert."},
	})
	runQuiet(t, RKPI5, map[string]func(*Charter){
		"guardrail used by a side effect": func(c *Charter) {},
		"KPI measuring two objectives":    func(c *Charter) { c.KPIs[0].Objectives = []string{"o1", "o2"} },
	})
}

func TestRKPI6_Baseline(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"missing", "", func(c *Charter) { c.KPIs[1].Baseline = "" }, RKPI6, SevWarning, Where{StepKPIs, "k2", "baseline"},
			"KPI “Win rate”: the baseline is missing; without it, progress cannot be measured.",
			"Indicateur «~Win rate~»~: la valeur de départ n’est pas renseignée~; sans elle, la progression ne peut pas être mesurée."},
	})
	runQuiet(t, RKPI6, map[string]func(*Charter){"zero is a baseline": func(c *Charter) { c.KPIs[1].Baseline = "0" }})
}

func TestRNUM1_Unreadable(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"KPI target", "", func(c *Charter) { c.KPIs[1].Target = "vingt" }, RNUM1, SevError, Where{StepKPIs, "k2", "target"},
			"KPI “Win rate”: the target cannot be read — “vingt” is not a number (unexpected character “v”).",
			"Indicateur «~Win rate~»~: la cible est illisible — «~vingt~» n’est pas un nombre (caractère inattendu «~v~»)."},
		{"KPI baseline", "", func(c *Charter) { c.KPIs[1].Baseline = "--22" }, RNUM1, SevError, Where{StepKPIs, "k2", "baseline"},
			"KPI “Win rate”: the baseline cannot be read — “--22” is not a number (one sign only, before the digits).",
			"Indicateur «~Win rate~»~: la valeur de départ est illisible — «~--22~» n’est pas un nombre (un seul signe, placé devant les chiffres)."},
		{"KPI alert in an English charter", "", func(c *Charter) { c.KPIs[1].Alert = "0,5" }, RNUM1, SevError, Where{StepKPIs, "k2", "alert"},
			"KPI “Win rate”: the alert threshold cannot be read — “0,5” is not a number (badly formed thousands group “5”; write for example 1,200.5).",
			"Indicateur «~Win rate~»~: le seuil d’alerte est illisible — «~0,5~» n’est pas un nombre (groupe de milliers mal formé «~5~»~; écrivez par exemple 1^200,5)."},
		{"cascade line", "", func(c *Charter) { c.Cascades[0].Lines[1].Target = "3O" }, RNUM1, SevError, Where{StepCascade, "c1", "lines.1.target"},
			"Cascade of “Meetings held”, team “South”: the target cannot be read — “3O” is not a number (unexpected character “O”).",
			"Déclinaison de «~Meetings held~», équipe «~South~»~: la cible est illisible — «~3O~» n’est pas un nombre (caractère inattendu «~O~»)."},
		{"cascade line without team", "", func(c *Charter) { c.Cascades[0].Lines[0] = CascadeLine{Target: "1.2.3"} }, RNUM1, SevError, Where{StepCascade, "c1", "lines.0.target"},
			"Cascade of “Meetings held”, line 1: the target cannot be read — “1.2.3” is not a number (more than one decimal point; in English, the dot separates decimals).",
			"Déclinaison de «~Meetings held~», ligne 1~: la cible est illisible — «~1.2.3~» n’est pas un nombre (plusieurs séparateurs décimaux~; en français, la virgule sépare les décimales)."},
		{"incentive share", "", func(c *Charter) { c.Incentive.Share = "a fifth" }, RNUM1, SevError, Where{StepIncentives, "", "share"},
			"Incentives: the share of variable pay cannot be read — “a fifth” is not a number (unexpected character “a”).",
			"Intéressement~: la part de variable est illisible — «~a fifth~» n’est pas un nombre (caractère inattendu «~a~»)."},
	})
	runQuiet(t, RNUM1, map[string]func(*Charter){
		"units and separators": func(c *Charter) { c.KPIs[2].Target, c.KPIs[2].Alert, c.KPIs[2].Baseline = "1,200", "1,100.5", "$1,000" },
		"blank is not unreadable": func(c *Charter) {
			c.KPIs[1].Target = ""
			c.Cascades[0].Lines[0].Target = ""
		},
		"disabled incentive is not read": func(c *Charter) { c.Incentive = Incentive{Share: "lots"} },
	})
}

func TestRROLE_Matrix(t *testing.T) {
	without := func(role Role, obj string) func(c *Charter) {
		return func(c *Charter) {
			var keep []Assignment
			for _, a := range c.Roles {
				if a.Role != role || a.ObjectiveID != obj {
					keep = append(keep, a)
				}
			}
			c.Roles = keep
		}
	}
	w := Where{StepRoles, "o1", ""}
	const en, fr = "Objective “Shorten the sales cycle”: ", "Objectif «~Shorten the sales cycle~»~: "
	runRuleCases(t, []ruleCase{
		{"R-ROLE-1 no pilot", "", without(RolePilot, "o1"), RROLE1, SevError, w,
			en + "no Pilot; name exactly one.", fr + "aucun pilote~; désignez-en exactement un."},
		{"R-ROLE-1 two pilots", "", func(c *Charter) { c.Roles = append(c.Roles, Assignment{"p4", "o1", RolePilot}) }, RROLE1, SevError, w,
			en + "2 Pilots; keep exactly one.", fr + "2 pilotes~; n’en gardez qu’un."},
		{"R-ROLE-1 pilot who left", "", func(c *Charter) { c.Participants = c.Participants[:1]; c.Roles = c.Roles[:3] }, RROLE1, SevError, w,
			en + "no Pilot; name exactly one.", fr + "aucun pilote~; désignez-en exactement un."},
		{"R-ROLE-2 no contributor", "", without(RoleContributor, "o1"), RROLE2, SevError, w,
			en + "no Contributor; name at least one.", fr + "aucun contributeur~; désignez-en au moins un."},
		{"R-ROLE-3 no approver", "", without(RoleApprover, "o1"), RROLE3, SevError, w,
			en + "no Approver; name at least one.", fr + "aucun approbateur~; désignez-en au moins un."},
		{"R-ROLE-4 self-approval", "", func(c *Charter) {
			without(RoleApprover, "o1")(c)
			c.Roles = append(c.Roles, Assignment{"p2", "o1", RoleApprover})
		}, RROLE4, SevWarning, w,
			en + "its Pilot (Marc) is its only Approver; add an approver who does not pilot it.",
			fr + "son pilote (Marc) en est le seul approbateur~; ajoutez un approbateur qui ne pilote pas l’objectif."},
		{"R-ROLE-4 same person twice", "", func(c *Charter) {
			without(RoleApprover, "o1")(c)
			c.Participants = append(c.Participants, Participant{ID: "p9", Name: " marc "})
			c.Roles = append(c.Roles, Assignment{"p9", "o1", RoleApprover})
		}, RROLE4, SevWarning, w,
			en + "its Pilot (Marc) is its only Approver; add an approver who does not pilot it.",
			fr + "son pilote (Marc) en est le seul approbateur~; ajoutez un approbateur qui ne pilote pas l’objectif."},
	})
	runQuiet(t, RROLE4, map[string]func(*Charter){
		"pilot approves with another approver": func(c *Charter) { c.Roles = append(c.Roles, Assignment{"p2", "o1", RoleApprover}) },
	})
	runQuiet(t, RROLE1, map[string]func(*Charter){
		"same pilot entered twice": func(c *Charter) { c.Roles = append(c.Roles, Assignment{"p2", "o1", RolePilot}) },
	})
}

func TestRSIDE1_SideEffects(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"none", "", func(c *Charter) { c.Objectives[1].SideEffects = nil }, RSIDE1, SevWarning, Where{StepKPIs, "o2", "sideEffects"},
			"Objective “Win more ICP deals”: no side effect is anticipated; name at least one, with a guardrail KPI if possible.",
			"Objectif «~Win more ICP deals~»~: aucun effet de bord n’est anticipé~; nommez-en au moins un, avec si possible un indicateur garde-fou."},
		{"only blank lines", "", func(c *Charter) { c.Objectives[1].SideEffects = []SideEffect{{ID: "x", Description: "  "}} }, RSIDE1, SevWarning,
			Where{StepKPIs, "o2", "sideEffects"},
			"Objective “Win more ICP deals”: no side effect is anticipated; name at least one, with a guardrail KPI if possible.",
			"Objectif «~Win more ICP deals~»~: aucun effet de bord n’est anticipé~; nommez-en au moins un, avec si possible un indicateur garde-fou."},
	})
}

func TestRRIT1_Rituals(t *testing.T) {
	drop := func(cad Cadence) func(c *Charter) {
		return func(c *Charter) {
			var keep []Ritual
			for _, r := range c.Rituals {
				if r.Cadence != cad {
					keep = append(keep, r)
				}
			}
			c.Rituals = keep
		}
	}
	w := Where{StepRituals, "", "cadence"}
	runRuleCases(t, []ruleCase{
		{"weekly", "", drop(CadenceWeekly), RRIT1, SevWarning, w,
			"No weekly ritual is planned: a weekly sync keeps the objectives alive.",
			"Aucun rituel hebdomadaire n’est prévu~: une synchronisation hebdomadaire fait vivre les objectifs."},
		{"monthly", "", drop(CadenceMonthly), RRIT1, SevWarning, w,
			"No monthly ritual is planned: a monthly review checks the KPIs against their targets.",
			"Aucun rituel mensuel n’est prévu~: une revue mensuelle confronte les indicateurs à leurs cibles."},
		{"quarterly", "", drop(CadenceQuarterly), RRIT1, SevWarning, w,
			"No quarterly ritual is planned: a QBR steps back to look at the objectives.",
			"Aucun rituel trimestriel n’est prévu~: une QBR prend du recul sur les objectifs."},
	})
	c := rulesCharter(EN)
	c.Rituals = nil
	if n := len(withCode(Validate(c), RRIT1)); n != 3 {
		t.Errorf("no ritual at all: %d R-RIT-1, want 3", n)
	}
	runQuiet(t, RRIT1, map[string]func(*Charter){
		"custom rituals with the three cadences": func(c *Charter) {
			for i := range c.Rituals {
				c.Rituals[i].Kind = RitualCustom
			}
		},
	})
}

func TestRCAS1_Cascade(t *testing.T) {
	lines := func(targets ...string) func(c *Charter) {
		return func(c *Charter) {
			c.Cascades[0].Lines = nil
			for i, t := range targets {
				c.Cascades[0].Lines = append(c.Cascades[0].Lines, CascadeLine{Team: string(rune('A' + i)), Target: t})
			}
		}
	}
	w := Where{StepCascade, "c1", "lines"}
	runRuleCases(t, []ruleCase{
		{"count below target", "", lines("20", "30"), RCAS1, SevWarning, w,
			"Cascade of “Meetings held”: the team targets add up to 50, less than the collective target (60).",
			"Déclinaison de «~Meetings held~»~: les cibles des équipes totalisent 50, moins que la cible collective (60)."},
		{"currency in French", FR, func(c *Charter) {
			c.KPIs[2].Unit, c.KPIs[2].Baseline, c.KPIs[2].Target, c.KPIs[2].Alert = UnitEUR, "1 000 €", "2 000 €", "1 500 €"
			lines("1 000 €", "250,5")(c)
		}, RCAS1, SevWarning, w,
			"Cascade of “Meetings held”: the team targets add up to 1,250.5, less than the collective target (2 000 €).",
			"Déclinaison de «~Meetings held~»~: les cibles des équipes totalisent 1^250,5, moins que la cible collective (2 000 €)."},
		{"ceiling exceeded", "", func(c *Charter) {
			c.KPIs[2].TargetType, c.KPIs[2].Alert = DecreaseTo, "70"
			lines("40", "30")(c)
		}, RCAS1, SevWarning, w,
			"Cascade of “Meetings held”: the team targets add up to 70, more than the collective target (60), which is a ceiling.",
			"Déclinaison de «~Meetings held~»~: les cibles des équipes totalisent 70, plus que la cible collective (60), qui est un plafond."},
	})
	runQuiet(t, RCAS1, map[string]func(*Charter){
		"sum equals target":   lines("30", "30"),
		"sum above target":    lines("40", "30"),
		"percent not summed":  func(c *Charter) { c.Cascades[0].KPIID = "k2"; lines("10 %", "10 %")(c) },
		"days not summed":     func(c *Charter) { c.Cascades[0].KPIID = "k1"; lines("5", "5")(c) },
		"decrease under cap":  func(c *Charter) { c.KPIs[2].TargetType, c.KPIs[2].Alert = DecreaseTo, "70"; lines("20", "30")(c) },
		"unreadable line":     lines("20", "x"), // R-NUM-1 says it
		"unknown KPI":         func(c *Charter) { c.Cascades[0].KPIID = "gone" },
		"no lines":            lines(),
		"unreadable KPI goal": func(c *Charter) { c.KPIs[2].Target = "lots"; lines("1", "2")(c) },
	})
}

func TestRINC_Incentives(t *testing.T) {
	w := Where{StepIncentives, "", "share"}
	runRuleCases(t, []ruleCase{
		{"R-INC-1 disabled", "", func(c *Charter) { c.Incentive = Incentive{} }, RINC1, SevInfo, w,
			"No incentive alignment is recorded: say whether a share of individual variable pay depends on the collective KPIs.",
			"Aucun alignement de la rémunération variable n’est indiqué~: précisez si une part du variable individuel dépend des indicateurs collectifs."},
		{"R-INC-1 enabled without share", "", func(c *Charter) { c.Incentive.Share = "" }, RINC1, SevInfo, w,
			"No incentive alignment is recorded: say whether a share of individual variable pay depends on the collective KPIs.",
			"Aucun alignement de la rémunération variable n’est indiqué~: précisez si une part du variable individuel dépend des indicateurs collectifs."},
		{"R-INC-2 above 100", "", func(c *Charter) { c.Incentive.Share = "120 %" }, RINC2, SevError, w,
			"Incentives: the share of variable pay (120 %) must be between 0 and 100%.",
			"Intéressement~: la part de variable (120 %) doit être comprise entre 0 et 100~%."},
		{"R-INC-2 negative", "", func(c *Charter) { c.Incentive.Share = "−5" }, RINC2, SevError, w,
			"Incentives: the share of variable pay (−5) must be between 0 and 100%.",
			"Intéressement~: la part de variable (−5) doit être comprise entre 0 et 100~%."},
	})
	runQuiet(t, RINC2, map[string]func(*Charter){
		"zero":    func(c *Charter) { c.Incentive.Share = "0" },
		"hundred": func(c *Charter) { c.Incentive.Share = "100 %" },
	})
}

func TestValidate_SortedBySeverityStable(t *testing.T) {
	c := rulesCharter(EN)
	c.Objectives = c.Objectives[:2]   // info R-OBJ-3
	c.Objectives[0].Relevant = ""     // warning
	c.KPIs[0].Owner = ""              // error
	c.Incentive = Incentive{}         // info
	c.Roles = c.Roles[1:]             // error R-ROLE-1 on o1
	c.Objectives[1].SideEffects = nil // warning
	c.Rituals = c.Rituals[:1]         // warnings
	c.KPIs[1].Alert, c.KPIs[1].Target = "30", "28"
	fs := Validate(c)
	var codes []string
	last := -1
	for _, f := range fs {
		r := severityRank(f.Severity)
		if r < last {
			t.Fatalf("not sorted by severity: %v", fs)
		}
		last = r
		codes = append(codes, string(f.Code))
	}
	want := "R-KPI-2,R-KPI-3,R-ROLE-1,R-SMART-4,R-KPI-5,R-SIDE-1,R-RIT-1,R-RIT-1,R-OBJ-3,R-INC-1"
	if got := strings.Join(codes, ","); got != want {
		t.Errorf("order\n got %s\nwant %s", got, want)
	}
}

func TestValidate_BlankContentNeverPanics(t *testing.T) {
	charters := []*Charter{
		nil,
		{},
		{Objectives: []Objective{{}, {}}, KPIs: []KPI{{}, {Guardrail: true}}, Roles: []Assignment{{}},
			Cascades: []Cascade{{}, {Lines: []CascadeLine{{}}}}, Rituals: []Ritual{{}}, Incentive: Incentive{Enabled: true, Share: " "}},
	}
	for i, c := range charters {
		fs := Validate(c)
		if len(withCode(fs, ROBJ1)) == 0 && (c == nil || len(c.Objectives) == 0) {
			t.Errorf("charter %d: no R-OBJ-1", i)
		}
		if len(withCode(fs, RKPI1)) != 1 {
			t.Errorf("charter %d: want one R-KPI-1, got %v", i, fs)
		}
		for _, f := range fs {
			for _, l := range []Lang{FR, EN} {
				m := f.Message(l)
				if m == "" || m == string(f.Code) || strings.Contains(m, "“”") || strings.Contains(m, "«\u00a0\u00a0»") {
					t.Errorf("charter %d: %s message in %s is %q", i, f.Code, l, m)
				}
			}
		}
	}
}

func TestFindingMessage_UnknownCode(t *testing.T) {
	f := Finding{Code: "R-XYZ-9", Severity: SevInfo}
	if f.Message(FR) != "R-XYZ-9" || f.Message(EN) != "R-XYZ-9" {
		t.Errorf("unknown code message = %q / %q", f.Message(FR), f.Message(EN))
	}
}
