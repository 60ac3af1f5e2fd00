package workshop

import (
	"slices"
	"strings"
	"time"
)

// DefaultRituals returns the three execution rituals every charter starts
// with, named in the language: the weekly sync (Monday 09:00, 30 min), the
// monthly review (Tuesday 14:00, 60 min) and the QBR (Thursday 10:00,
// 120 min). Their ids are their kinds, so they stay the same from one
// charter to the next.
func DefaultRituals(l Lang) []Ritual {
	mk := func(kind RitualKind, cadence Cadence, day time.Weekday, at string, minutes int) Ritual {
		return Ritual{
			ID:        string(kind),
			Kind:      kind,
			Name:      Label(l, string(kind)),
			Cadence:   cadence,
			Weekday:   day,
			Time:      at,
			Minutes:   minutes,
			Attendees: []string{},
			Agenda:    []string{},
		}
	}
	return []Ritual{
		mk(RitualWeeklySync, CadenceWeekly, time.Monday, "09:00", 30),
		mk(RitualMonthlyReview, CadenceMonthly, time.Tuesday, "14:00", 60),
		mk(RitualQBR, CadenceQuarterly, time.Thursday, "10:00", 120),
	}
}

// AgendaOrDefault returns the ritual's edited agenda, or the agenda
// generated from the charter when none was written.
func (r Ritual) AgendaOrDefault(c *Charter, l Lang) []string {
	for _, line := range r.Agenda {
		if strings.TrimSpace(line) != "" {
			return cloneOf(r.Agenda)
		}
	}
	return GenerateAgenda(c, r, l)
}

// GenerateAgenda writes the agenda of a ritual from the charter's
// objectives and KPIs, in the language. A weekly sync checks the effort
// indicators, the blockers and the decisions to take; a monthly review each
// result indicator against its target and alert threshold, the side-effect
// guardrails and the decision log; a QBR each objective's status, the
// cascade and the adjustments for the next quarter. A custom ritual gets the
// agenda of its cadence.
func GenerateAgenda(c *Charter, r Ritual, l Lang) []string {
	g := agendaWriter{c: c, l: l}
	switch agendaKind(r) {
	case RitualWeeklySync:
		g.weekly()
	case RitualQBR:
		g.quarterly()
	default:
		g.monthly()
	}
	return g.lines
}

func agendaKind(r Ritual) RitualKind {
	switch r.Kind {
	case RitualWeeklySync, RitualMonthlyReview, RitualQBR:
		return r.Kind
	}
	switch r.Cadence {
	case CadenceWeekly, CadenceBiweekly:
		return RitualWeeklySync
	case CadenceQuarterly:
		return RitualQBR
	}
	return RitualMonthlyReview
}

type agendaWriter struct {
	c     *Charter
	l     Lang
	lines []string
}

// add appends a line: the French or English template (French spaces
// applied to the template only) followed by user text already formatted.
func (g *agendaWriter) add(fr, en string, parts ...string) {
	g.lines = append(g.lines, tr(g.l, fr, en)+strings.Join(parts, ""))
}

// priority returns the charter's priority KPIs (guardrails excluded) of a
// kind.
func (g *agendaWriter) priority(kind KPIKind) []KPI {
	var out []KPI
	for _, k := range g.c.KPIs {
		if k.Kind == kind && !k.Guardrail {
			out = append(out, k)
		}
	}
	return out
}

// alertText says where the alert threshold lies for the target type. Every
// agenda line writes it the same way, in parentheses after the value it
// qualifies: "… the target 25% (alert below 18%)".
func (g *agendaWriter) alertText(k KPI) string {
	if strings.TrimSpace(k.Alert) == "" {
		return ""
	}
	v := WithUnit(g.l, k.Alert, k.Unit)
	switch k.TargetType.Direction() {
	case 1:
		return tr(g.l, "alerte sous ", "alert below ") + v
	case -1:
		return tr(g.l, "alerte au-dessus de ", "alert above ") + v
	}
	return tr(g.l, "alerte à ", "alert at ") + v
}

func (g *agendaWriter) weekly() {
	efforts := g.priority(KindEffort)
	for _, k := range efforts {
		line := k.Name + Colon(g.l) + tr(g.l, "valeur de la semaine face à la cible ", "this week’s value against the target ") + WithUnit(g.l, k.Target, k.Unit)
		if a := g.alertText(k); a != "" {
			line += " (" + a + ")"
		}
		g.lines = append(g.lines, line)
	}
	if len(efforts) == 0 {
		g.add("Indicateurs d’effort : aucun dans la charte — passer en revue les actions de la semaine par objectif",
			"Effort indicators: none in the charter — review the week’s actions per objective")
	}
	g.add("Blocages et besoins d’aide", "Blockers and help needed")
	g.add("Décisions à prendre et à consigner dans le journal des décisions", "Decisions to take and record in the decision log")
}

func (g *agendaWriter) monthly() {
	results := g.priority(KindResult)
	for _, k := range results {
		line := k.Name + Colon(g.l) + tr(g.l, "valeur du mois face à la cible ", "this month’s value against the target ") + WithUnit(g.l, k.Target, k.Unit)
		if a := g.alertText(k); a != "" {
			line += " (" + a + ")"
		}
		g.lines = append(g.lines, line)
	}
	if len(results) == 0 {
		g.add("Indicateurs de résultat : aucun dans la charte — faire le point sur les objectifs", "Result indicators: none in the charter — review progress on the objectives")
	}
	sideEffects := 0
	for _, o := range g.c.Objectives {
		for _, se := range o.SideEffects {
			if strings.TrimSpace(se.Description) == "" {
				continue
			}
			sideEffects++
			line := tr(g.l, "Effet de bord ", "Side effect ") + Quote(g.l, se.Description) + " (" + Quote(g.l, o.Title) + ")" + Colon(g.l)
			if k, ok := g.kpi(se.GuardrailID); ok {
				line += tr(g.l, "garde-fou ", "guardrail ") + k.Name
				if a := g.alertText(k); a != "" {
					line += " (" + a + ")"
				}
			} else {
				line += tr(g.l, "à surveiller, sans KPI garde-fou", "watch it, no guardrail KPI")
			}
			g.lines = append(g.lines, line)
		}
	}
	if sideEffects == 0 {
		g.add("Effets de bord : aucun anticipé — repérer les effets inattendus", "Side effects: none anticipated — look for unexpected ones")
	}
	g.add("Journal des décisions : revoir hypothèses et tests, consigner les décisions prises",
		"Decision log: review hypotheses and tests, record the decisions taken")
}

func (g *agendaWriter) quarterly() {
	for _, o := range g.c.Objectives {
		line := tr(g.l, "Objectif ", "Objective ") + Quote(g.l, o.Title)
		if p := g.pilot(o.ID); p != "" {
			line += " (" + tr(g.l, "pilote ", "pilot ") + p + ")"
		}
		line += Colon(g.l)
		var names []string
		for _, k := range g.c.KPIs {
			if !k.Guardrail && hasString(k.Objectives, o.ID) {
				names = append(names, k.Name)
			}
		}
		if len(names) > 0 {
			line += tr(g.l, "statut de ", "status of ") + strings.Join(names, ", ")
		} else {
			line += tr(g.l, "statut (aucun KPI)", "status (no KPI)")
		}
		if o.Deadline != "" {
			line += " — " + tr(g.l, "échéance ", "deadline ") + DateText(g.l, o.Deadline)
		}
		g.lines = append(g.lines, line)
	}
	if len(g.c.Objectives) == 0 {
		g.add("Objectifs : aucun dans la charte", "Objectives: none in the charter")
	}
	for _, cs := range g.c.Cascades {
		k, ok := g.kpi(cs.KPIID)
		if !ok {
			continue
		}
		g.lines = append(g.lines, tr(g.l, "Déclinaison de ", "Cascade of ")+k.Name+tr(g.l, " par ", " by ")+
			strings.ToLower(Label(g.l, string(cs.Dimension)))+Colon(g.l)+tr(g.l, "chaque équipe face à sa cible", "each team against its target"))
	}
	if len(g.c.Cascades) == 0 {
		g.add("Déclinaison : contribution de chaque équipe aux cibles collectives", "Cascade: each team’s contribution to the collective targets")
	}
	if g.c.Incentive.Enabled {
		g.add("Rémunération variable : part indexée sur les KPI collectifs (", "Incentives: share indexed on collective KPIs (",
			WithUnit(g.l, g.c.Incentive.Share, UnitPercent), ")")
	}
	g.add("Trimestre suivant : ajuster objectifs, KPI, cibles et seuils", "Next quarter: adjust objectives, KPIs, targets and thresholds")
}

func (g *agendaWriter) kpi(id string) (KPI, bool) {
	if id == "" {
		return KPI{}, false
	}
	for _, k := range g.c.KPIs {
		if k.ID == id {
			return k, true
		}
	}
	return KPI{}, false
}

// pilot names the objective's pilot, if there is exactly one.
func (g *agendaWriter) pilot(objectiveID string) string {
	var names []string
	for _, a := range g.c.Roles {
		if a.ObjectiveID != objectiveID || a.Role != RolePilot {
			continue
		}
		for _, p := range g.c.Participants {
			if p.ID == a.ParticipantID {
				names = append(names, p.Name)
			}
		}
	}
	if len(names) != 1 {
		return ""
	}
	return names[0]
}

func hasString(list []string, s string) bool {
	return slices.Contains(list, s)
}
