package workshop

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Validate judges a charter against the rules of PRODUCT.md §2 and returns
// its findings: errors first, then warnings, then infos, each group in the
// order of the journey. Drafts may contain anything: Validate never changes
// the charter and never panics on blank or half-typed content.
//
// Args conventions (each rule names its Args in messages.go, ruleMessages):
//   - findings on an objective, a KPI or a cascade start with the item's
//     name (objective title, KPI name, cascaded KPI's name) and its 1-based
//     position, used when the name is blank;
//   - R-NUM-1: name, position, text as typed, NumberError reason, detail,
//     and for a cascade line the team (Args[5]). Where.Field is
//     "baseline", "target" or "alert" for a KPI, "lines.N.target" (N
//     0-based) for a cascade line, "share" for the incentive.
//
// Choices where the specification leaves room:
//   - Numbers are read in the charter's language (French when unset).
//   - R-KPI-2 also reports a missing or unknown target type (Field
//     "targetType"), without which R-KPI-3 cannot be judged; an unknown
//     frequency counts as missing.
//   - R-KPI-2, R-KPI-3 and R-KPI-6 apply to every KPI, guardrails included;
//     R-KPI-1 counts priority KPIs (Guardrail false) only; R-KPI-4 looks at
//     every KPI; R-KPI-5 spares a guardrail KPI that a side effect uses.
//   - R-ROLE-* count distinct existing participants per objective; R-ROLE-4
//     fires when every approver of an objective is its pilot (same
//     participant, or same name).
//   - R-RIT-1 is reported once per missing cadence (weekly, monthly,
//     quarterly).
//   - R-RIT-2 (warning, beyond PRODUCT.md) flags a ritual the calendar
//     cannot place: a time not written HH:MM, or no duration.
//   - R-PER-1 (error, beyond PRODUCT.md): the period ends before it starts
//     (both dates readable); Where the setup step's field "end", Args the
//     start and end. A charter signed for a period that cannot exist would
//     be a record nobody can track against.
//   - R-TZ-1 (error, beyond PRODUCT.md): the charter's time zone is not an
//     IANA zone Go knows; R-TZ-2 (warning): no time zone, the calendar is
//     in floating time. See timezone.go.
//   - R-CAS-1 follows the KPI's direction: for "increase to" and "stay at or
//     above" the team targets must add up to at least the collective
//     target; for "decrease to" and "stay at or below" they must not add up
//     to more (a team total above a ceiling is the inconsistency there).
//   - R-PDF-1 (warning, beyond PRODUCT.md) names each text with characters
//     the charter PDF cannot print (pdfscripts.go).
//   - Incentives are judged only when enabled: R-INC-1 when disabled or
//     without a share, R-NUM-1 when the share is unreadable, R-INC-2 when it
//     is outside 0–100.
func Validate(c *Charter) []Finding {
	if c == nil {
		c = &Charter{}
	}
	v := &validator{c: c, l: charterLang(c)}
	v.emails()
	v.period()
	v.timeZone()
	v.objectives()
	v.kpis()
	v.sideEffects()
	v.roles()
	v.cascades()
	v.rituals()
	v.incentives()
	v.pdfScripts()
	sort.SliceStable(v.out, func(i, j int) bool {
		return severityRank(v.out[i].Severity) < severityRank(v.out[j].Severity)
	})
	return v.out
}

func severityRank(s Severity) int {
	switch s {
	case SevError:
		return 0
	case SevWarning:
		return 1
	}
	return 2
}

// charterLang is the language numbers of c are read in.
func charterLang(c *Charter) Lang {
	if c != nil && c.Lang.Valid() {
		return c.Lang
	}
	return FR
}

type validator struct {
	c   *Charter
	l   Lang
	out []Finding
}

func (v *validator) add(code RuleCode, sev Severity, w Where, args ...string) {
	v.out = append(v.out, Finding{Code: code, Severity: sev, Where: w, Args: args})
}

func pos(i int) string { return strconv.Itoa(i + 1) }

// period reports R-PER-1: the period's end is before its start.
func (v *validator) period() {
	p := v.c.Period
	start, okStart := p.Start.Time()
	end, okEnd := p.End.Time()
	if okStart && okEnd && end.Before(start) {
		v.add(RPER1, SevError, Where{Step: StepSetup, Field: "end"}, string(p.Start), string(p.End))
	}
}

func (v *validator) objectives() {
	n := len(v.c.Objectives)
	w := Where{Step: StepObjectives}
	switch {
	case n == 0:
		v.add(ROBJ1, SevError, w)
	case n > 4:
		v.add(ROBJ2, SevError, w, strconv.Itoa(n))
	case n < 3:
		v.add(ROBJ3, SevInfo, w, strconv.Itoa(n))
	}
	for i := range v.c.Objectives {
		o := &v.c.Objectives[i]
		sc := smartOf(v.c, i)
		for _, lt := range sc.Letters {
			if lt.OK {
				continue
			}
			args := append([]string{o.Title, pos(i), lt.Reason}, lt.Args...)
			v.add(lt.Code, SevWarning, Where{StepObjectives, o.ID, lt.Field}, args...)
		}
		if len(kpisOf(v.c, o.ID)) == 0 {
			v.add(RKPI5, SevWarning, Where{StepObjectives, o.ID, "kpis"}, o.Title, pos(i))
		}
	}
}

func (v *validator) kpis() {
	priority, results, efforts := 0, 0, 0
	for i := range v.c.KPIs {
		k := &v.c.KPIs[i]
		if !k.Guardrail {
			priority++
		}
		switch k.Kind {
		case KindResult:
			results++
		case KindEffort:
			efforts++
		}
		v.kpi(i, k)
	}
	if priority < 3 || priority > 5 {
		v.add(RKPI1, SevError, Where{Step: StepKPIs}, strconv.Itoa(priority))
	}
	if len(v.c.KPIs) > 0 {
		if results == 0 {
			v.add(RKPI4, SevWarning, Where{Step: StepKPIs}, string(KindResult))
		}
		if efforts == 0 {
			v.add(RKPI4, SevWarning, Where{Step: StepKPIs}, string(KindEffort))
		}
	}
}

func (v *validator) kpi(i int, k *KPI) {
	name, p := k.Name, pos(i)
	at := func(field string) Where { return Where{StepKPIs, k.ID, field} }
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }

	// R-KPI-2: what a KPI cannot do without.
	if blank(k.Target) {
		v.add(RKPI2, SevError, at("target"), name, p)
	}
	if blank(k.Alert) {
		v.add(RKPI2, SevError, at("alert"), name, p)
	}
	if k.Frequency.Days() == 0 {
		v.add(RKPI2, SevError, at("frequency"), name, p)
	}
	if blank(k.Owner) {
		v.add(RKPI2, SevError, at("owner"), name, p)
	}
	if !k.TargetType.Valid() {
		v.add(RKPI2, SevError, at("targetType"), name, p)
	}

	// R-NUM-1: numbers that cannot be read.
	read := func(field, text string) (float64, bool) {
		if blank(text) {
			return 0, false
		}
		x, ne := parseNumber(text, v.l)
		if ne != nil {
			v.add(RNUM1, SevError, at(field), name, p, strings.TrimSpace(text), ne.Reason, ne.Detail)
			return 0, false
		}
		return x, true
	}
	_, _ = read("baseline", k.Baseline)
	target, okT := read("target", k.Target)
	alert, okA := read("alert", k.Alert)

	// R-KPI-3: the alert threshold on the wrong side of the target.
	if okT && okA && k.TargetType.Valid() && !k.TargetType.AlertSideOK(alert, target) {
		v.add(RKPI3, SevError, at("alert"), name, p, strings.TrimSpace(k.Alert), strings.TrimSpace(k.Target), string(k.TargetType))
	}

	// R-KPI-5: a KPI measuring no objective.
	if !v.measuresAnObjective(k) && !(k.Guardrail && v.usedAsGuardrail(k.ID)) {
		v.add(RKPI5, SevWarning, at("objectives"), name, p)
	}

	// R-KPI-6: no baseline.
	if blank(k.Baseline) {
		v.add(RKPI6, SevWarning, at("baseline"), name, p)
	}
}

func (v *validator) measuresAnObjective(k *KPI) bool {
	for _, id := range k.Objectives {
		if id == "" {
			continue
		}
		for _, o := range v.c.Objectives {
			if o.ID == id {
				return true
			}
		}
	}
	return false
}

func (v *validator) usedAsGuardrail(kpiID string) bool {
	if kpiID == "" {
		return false
	}
	for _, o := range v.c.Objectives {
		for _, se := range o.SideEffects {
			if se.GuardrailID == kpiID {
				return true
			}
		}
	}
	return false
}

func (v *validator) sideEffects() {
	for i, o := range v.c.Objectives {
		anticipated := false
		for _, se := range o.SideEffects {
			if strings.TrimSpace(se.Description) != "" || se.GuardrailID != "" {
				anticipated = true
				break
			}
		}
		if !anticipated {
			v.add(RSIDE1, SevWarning, Where{StepKPIs, o.ID, "sideEffects"}, o.Title, pos(i))
		}
	}
}

func (v *validator) roles() {
	for i, o := range v.c.Objectives {
		r := v.c.RolesOf(o.ID)
		w := Where{StepRoles, o.ID, ""}
		if n := r.Count(RolePilot); n != 1 {
			v.add(RROLE1, SevError, w, o.Title, pos(i), strconv.Itoa(n))
		}
		if r.Count(RoleContributor) == 0 {
			v.add(RROLE2, SevError, w, o.Title, pos(i))
		}
		if r.Count(RoleApprover) == 0 {
			v.add(RROLE3, SevError, w, o.Title, pos(i))
		}
		if r.SelfApproved {
			v.add(RROLE4, SevWarning, w, o.Title, pos(i), strings.TrimSpace(r.Pilot.Name))
		}
	}
}

func (v *validator) cascades() {
	for i := range v.c.Cascades {
		cs := &v.c.Cascades[i]
		sum := CheckCascade(v.c, cs)
		name := ""
		if sum.KPI != nil {
			name = sum.KPI.Name
		}
		for _, u := range sum.Unread {
			v.add(RNUM1, SevError, Where{StepCascade, cs.ID, "lines." + strconv.Itoa(u.Line) + ".target"},
				name, pos(i), u.Text, u.Err.Reason, u.Err.Detail, u.Team)
		}
		if sum.Inconsistent() {
			v.add(RCAS1, SevWarning, Where{StepCascade, cs.ID, "lines"}, name, pos(i),
				strconv.FormatFloat(sum.Sum, 'f', -1, 64), strings.TrimSpace(sum.KPI.Target), string(sum.Verdict))
		}
	}
}

func (v *validator) rituals() {
	have := map[Cadence]bool{}
	for _, r := range v.c.Rituals {
		have[r.Cadence] = true
	}
	for _, cad := range []Cadence{CadenceWeekly, CadenceMonthly, CadenceQuarterly} {
		if !have[cad] {
			v.add(RRIT1, SevWarning, Where{StepRituals, "", "cadence"}, string(cad))
		}
	}
	// R-RIT-2: a ritual the calendar cannot place (time not HH:MM, no
	// duration). Said here, before the ICS export refuses it.
	for i, r := range v.c.Rituals {
		name := strings.TrimSpace(r.Name)
		if _, err := time.Parse("15:04", strings.TrimSpace(r.Time)); err != nil {
			v.add(RRIT2, SevWarning, Where{StepRituals, r.ID, "time"}, name, pos(i), r.Time)
		}
		if r.Minutes <= 0 {
			v.add(RRIT2, SevWarning, Where{StepRituals, r.ID, "minutes"}, name, pos(i), "")
		}
	}
}

func (v *validator) incentives() {
	in := v.c.Incentive
	w := Where{StepIncentives, "", "share"}
	text := strings.TrimSpace(in.Share)
	if !in.Enabled || text == "" {
		v.add(RINC1, SevInfo, w)
		return
	}
	x, ne := parseNumber(text, v.l)
	if ne != nil {
		v.add(RNUM1, SevError, w, "", "", text, ne.Reason, ne.Detail)
		return
	}
	if x < 0 || x > 100 {
		v.add(RINC2, SevError, w, text)
	}
}
