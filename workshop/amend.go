package workshop

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Amend opens revision N+1 of a signed charter as a draft, with a deep copy
// of its content and the reason given. Decisions appended to revision N
// after its signature continue the log of revision N+1. Revision N and
// earlier stay as they are: readable, exportable, verifiable.
func (s *Session) Amend(reason string, now time.Time) error {
	cur := s.Current()
	if !cur.Frozen() {
		return Errorf(KindForbidden, "revision %d is not signed: edit it directly; only a signed revision is amended", cur.Number)
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Errorf(KindInvalid, "a reason is required to amend revision %d", cur.Number)
	}
	c := cur.Charter.Clone()
	c.Decisions = append(c.Decisions, cloneOf(cur.LateDecisions)...)
	s.Revisions = append(s.Revisions, Revision{
		Number:      cur.Number + 1,
		Status:      StatusDraft,
		AmendReason: reason,
		Charter:     *c,
	})
	s.Updated = now
	return nil
}

// Clone returns a deep copy of the charter: no slice is shared with c, so
// editing one never changes the other.
func (c *Charter) Clone() *Charter {
	cc := *c
	cc.Participants = cloneOf(c.Participants)
	cc.Intent.CompanyObjectives = cloneOf(c.Intent.CompanyObjectives)
	cc.Intent.Hypotheses = cloneOf(c.Intent.Hypotheses)
	cc.Objectives = cloneOf(c.Objectives)
	for i := range cc.Objectives {
		cc.Objectives[i].SideEffects = cloneOf(cc.Objectives[i].SideEffects)
	}
	cc.KPIs = cloneOf(c.KPIs)
	for i := range cc.KPIs {
		cc.KPIs[i].Objectives = cloneOf(cc.KPIs[i].Objectives)
	}
	cc.Roles = cloneOf(c.Roles)
	cc.Cascades = cloneOf(c.Cascades)
	for i := range cc.Cascades {
		cc.Cascades[i].Lines = cloneOf(cc.Cascades[i].Lines)
	}
	cc.Rituals = cloneOf(c.Rituals)
	for i := range cc.Rituals {
		cc.Rituals[i].Attendees = cloneOf(cc.Rituals[i].Attendees)
		cc.Rituals[i].Agenda = cloneOf(cc.Rituals[i].Agenda)
	}
	cc.Decisions = cloneOf(c.Decisions)
	return &cc
}

// cloneOf copies s, keeping nil as nil.
func cloneOf[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

// Changes lists, in the language, what changed from prev to cur (two
// revisions of one charter), one line each: charter heading, participants,
// intent, objectives, KPIs ("Win rate: target 25 % → 28 %"), roles,
// cascades, rituals, incentives and the decision log. Items are matched by
// id; the order is stable (removed items in prev's order after the others in
// cur's order, within each section). A long typed text is shortened to 60
// characters on its line; ChangeItems gives the same changes with the texts
// whole.
func Changes(prev, cur *Charter, l Lang) []string {
	items := changeItems(prev, cur, l, false)
	if items == nil {
		return nil
	}
	out := make([]string, len(items))
	for i, c := range items {
		out[i] = c.String()
	}
	return out
}

// Change is one line of Changes taken apart: what changed (Subject, and
// Field when a field of it changed), the value before and after, or a
// Note for a change without values ("KPI added: NPS" is Subject "KPI added"
// and Note "NPS").
type Change struct {
	Subject, Field string
	Old, New       string
	Note           string
	lang           Lang
}

// String is the change on one line: "Subject: field old → new", or
// "Subject: note".
func (c Change) String() string {
	if c.Old == "" && c.New == "" {
		if c.Subject == "" {
			return c.Note
		}
		return c.Subject + Colon(c.lang) + c.Note
	}
	f := c.Field
	if f != "" {
		f += " "
	}
	return c.Subject + Colon(c.lang) + f + c.Old + " → " + c.New
}

// ChangeItems lists the changes of Changes with every typed text whole, for
// a document that has room to print an old and a new title in full.
func ChangeItems(prev, cur *Charter, l Lang) []Change {
	return changeItems(prev, cur, l, true)
}

func changeItems(prev, cur *Charter, l Lang, whole bool) []Change {
	if prev == nil || cur == nil {
		return nil
	}
	ch := &changeList{l: l, prev: prev, cur: cur, whole: whole}
	ch.heading()
	ch.participants()
	ch.intent()
	ch.objectives()
	ch.kpis()
	ch.roles()
	ch.cascades()
	ch.rituals()
	ch.incentive()
	ch.decisions()
	return ch.out
}

type changeList struct {
	l         Lang
	prev, cur *Charter
	out       []Change
	whole     bool // typed texts are not shortened
}

// line adds "subject: field old → new" (or "subject: old → new" without a
// field).
func (ch *changeList) line(subject, field, old, new string) {
	ch.out = append(ch.out, Change{Subject: subject, Field: field, Old: old, New: new, lang: ch.l})
}

// note adds "subject: what".
func (ch *changeList) note(subject, what string) {
	ch.out = append(ch.out, Change{Subject: subject, Note: what, lang: ch.l})
}

func (ch *changeList) tr(fr, en string) string { return tr(ch.l, fr, en) }

// text shows a typed text quoted, shortened when long (unless the list is
// whole), or a dash.
func (ch *changeList) text(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "—"
	}
	if r := []rune(s); len(r) > 60 && !ch.whole {
		s = string(r[:59]) + "…"
	}
	return Quote(ch.l, s)
}

// textField adds a line when a text field changed.
func (ch *changeList) textField(subject, field, old, new string) {
	if strings.TrimSpace(old) != strings.TrimSpace(new) {
		ch.line(subject, field, ch.text(old), ch.text(new))
	}
}

// enumField adds a line when an enum field changed, with the enumLabels.
func (ch *changeList) enumField(subject, field, old, new string) {
	if old != new {
		ch.line(subject, field, ch.label(old), ch.label(new))
	}
}

func (ch *changeList) label(v string) string {
	if v == "" {
		return "—"
	}
	return Label(ch.l, v)
}

func (ch *changeList) yesNo(b bool) string {
	if b {
		return ch.tr("oui", "yes")
	}
	return ch.tr("non", "no")
}

func (ch *changeList) heading() {
	p, c := ch.prev, ch.cur
	ch.textField(ch.tr("Titre", "Title"), "", p.Title, c.Title)
	ch.textField(ch.tr("Périmètre", "Scope"), "", p.Scope, c.Scope)
	if p.Period != c.Period {
		ch.line(ch.tr("Période", "Period"), "", periodWithDates(p.Period), periodWithDates(c.Period))
	}
	ch.enumField(ch.tr("Langue", "Language"), "", string(p.Lang), string(c.Lang))
	ch.textField(ch.tr("Fuseau horaire", "Time zone"), "", p.TimeZone, c.TimeZone)
	ch.textField(ch.tr("Animation", "Facilitator"), "", p.Facilitator, c.Facilitator)
	if p.Readiness != c.Readiness {
		ch.out = append(ch.out, Change{Note: ch.tr("Liste de préparation mise à jour", "Pre-workshop checklist updated"), lang: ch.l})
	}
}

func periodWithDates(p Period) string {
	if p.Start == "" && p.End == "" {
		return p.Label
	}
	return fmt.Sprintf("%s (%s – %s)", p.Label, p.Start, p.End)
}

func (ch *changeList) participants() {
	prev := byKey(ch.prev.Participants, func(p Participant) string { return p.ID })
	for _, c := range ch.cur.Participants {
		p, ok := prev[c.ID]
		if !ok {
			ch.note(ch.tr("Participant ajouté", "Participant added"), participantText(ch.l, c))
			continue
		}
		if p.Name != c.Name {
			ch.line(ch.tr("Participant renommé", "Participant renamed"), "", p.Name, c.Name)
		}
		ch.enumField(c.Name, ch.tr("fonction", "function"), string(p.Function), string(c.Function))
		ch.textField(c.Name, ch.tr("e-mail", "e-mail"), p.Email, c.Email)
	}
	cur := byKey(ch.cur.Participants, func(p Participant) string { return p.ID })
	for _, p := range ch.prev.Participants {
		if _, ok := cur[p.ID]; !ok {
			ch.note(ch.tr("Participant retiré", "Participant removed"), participantText(ch.l, p))
		}
	}
}

func participantText(l Lang, p Participant) string {
	if p.Function == "" {
		return p.Name
	}
	return p.Name + " (" + Label(l, string(p.Function)) + ")"
}

func (ch *changeList) intent() {
	p, c := ch.prev.Intent, ch.cur.Intent
	subject := ch.tr("Intention", "Intent")
	ch.enumField(subject, ch.tr("finalité", "purpose"), string(p.Purpose), string(c.Purpose))
	ch.textField(subject, ch.tr("énoncé", "statement"), p.Statement, c.Statement)
	ch.stringSet(p.CompanyObjectives, c.CompanyObjectives,
		ch.tr("Objectif entreprise ajouté", "Company objective added"),
		ch.tr("Objectif entreprise retiré", "Company objective removed"))
	ch.stringSet(p.Hypotheses, c.Hypotheses,
		ch.tr("Hypothèse ajoutée", "Hypothesis added"),
		ch.tr("Hypothèse retirée", "Hypothesis removed"))
}

// stringSet reports texts present in only one of two lists.
func (ch *changeList) stringSet(prev, cur []string, added, removed string) {
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	has := func(list []string, s string) bool {
		return slices.ContainsFunc(list, func(x string) bool { return norm(x) == norm(s) })
	}
	for _, s := range cur {
		if norm(s) != "" && !has(prev, s) {
			ch.note(added, ch.text(s))
		}
	}
	for _, s := range prev {
		if norm(s) != "" && !has(cur, s) {
			ch.note(removed, ch.text(s))
		}
	}
}

func (ch *changeList) objectives() {
	prev := byKey(ch.prev.Objectives, func(o Objective) string { return o.ID })
	for _, c := range ch.cur.Objectives {
		p, ok := prev[c.ID]
		if !ok {
			ch.note(ch.tr("Objectif ajouté", "Objective added"), ch.text(c.Title))
			continue
		}
		if strings.TrimSpace(p.Title) != strings.TrimSpace(c.Title) {
			ch.line(ch.tr("Objectif renommé", "Objective renamed"), "", ch.text(p.Title), ch.text(c.Title))
		}
		subject := ch.text(c.Title)
		ch.textField(subject, ch.tr("énoncé", "statement"), p.Specific, c.Specific)
		ch.textField(subject, ch.tr("justification", "rationale"), p.Achievable, c.Achievable)
		ch.textField(subject, ch.tr("pertinence", "relevance"), p.Relevant, c.Relevant)
		if p.Deadline != c.Deadline {
			ch.line(subject, ch.tr("échéance", "deadline"), dateOrDash(p.Deadline), dateOrDash(c.Deadline))
		}
		ch.sideEffects(subject, p.SideEffects, c.SideEffects)
	}
	cur := byKey(ch.cur.Objectives, func(o Objective) string { return o.ID })
	for _, p := range ch.prev.Objectives {
		if _, ok := cur[p.ID]; !ok {
			ch.note(ch.tr("Objectif retiré", "Objective removed"), ch.text(p.Title))
		}
	}
}

func dateOrDash(d Date) string { return orDash(string(d)) }

// orDash shows a short value as typed, or a dash when empty.
func orDash(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return "—"
	}
	return s
}

func (ch *changeList) sideEffects(subject string, prevList, curList []SideEffect) {
	prev := byKey(prevList, func(s SideEffect) string { return s.ID })
	for _, c := range curList {
		p, ok := prev[c.ID]
		if !ok {
			ch.note(subject, ch.tr("effet de bord ajouté", "side effect added")+" "+ch.text(c.Description))
			continue
		}
		ch.textField(subject, ch.tr("effet de bord", "side effect"), p.Description, c.Description)
		if p.GuardrailID != c.GuardrailID {
			ch.line(subject, ch.tr("garde-fou de", "guardrail of")+" "+ch.text(c.Description),
				ch.kpiName(p.GuardrailID), ch.kpiName(c.GuardrailID))
		}
	}
	cur := byKey(curList, func(s SideEffect) string { return s.ID })
	for _, p := range prevList {
		if _, ok := cur[p.ID]; !ok {
			ch.note(subject, ch.tr("effet de bord retiré", "side effect removed")+" "+ch.text(p.Description))
		}
	}
}

// kpiName names a KPI by id, from the current charter or else the previous.
func (ch *changeList) kpiName(id string) string {
	if id == "" {
		return "—"
	}
	for _, list := range [][]KPI{ch.cur.KPIs, ch.prev.KPIs} {
		for _, k := range list {
			if k.ID == id {
				return k.Name
			}
		}
	}
	return id
}

// objectiveTitle names an objective by id, from the current charter or else
// the previous.
func (ch *changeList) objectiveTitle(id string) string {
	for _, list := range [][]Objective{ch.cur.Objectives, ch.prev.Objectives} {
		for _, o := range list {
			if o.ID == id {
				return ch.text(o.Title)
			}
		}
	}
	return id
}

func (ch *changeList) participantName(id string) string {
	for _, list := range [][]Participant{ch.cur.Participants, ch.prev.Participants} {
		for _, p := range list {
			if p.ID == id {
				return p.Name
			}
		}
	}
	return id
}

func (ch *changeList) kpis() {
	prev := byKey(ch.prev.KPIs, func(k KPI) string { return k.ID })
	for _, c := range ch.cur.KPIs {
		p, ok := prev[c.ID]
		if !ok {
			ch.note(ch.tr("KPI ajouté", "KPI added"), c.Name)
			continue
		}
		if strings.TrimSpace(p.Name) != strings.TrimSpace(c.Name) {
			ch.line(ch.tr("KPI renommé", "KPI renamed"), "", p.Name, c.Name)
		}
		ch.kpiFields(c.Name, p, c)
	}
	cur := byKey(ch.cur.KPIs, func(k KPI) string { return k.ID })
	for _, p := range ch.prev.KPIs {
		if _, ok := cur[p.ID]; !ok {
			ch.note(ch.tr("KPI retiré", "KPI removed"), p.Name)
		}
	}
}

func (ch *changeList) kpiFields(name string, p, c KPI) {
	l := ch.l
	ch.textField(name, ch.tr("définition", "definition"), p.Definition, c.Definition)
	ch.enumField(name, ch.tr("type d’indicateur", "indicator kind"), string(p.Kind), string(c.Kind))
	ch.enumField(name, ch.tr("unité", "unit"), string(p.Unit), string(c.Unit))
	ch.enumField(name, ch.tr("sens de la cible", "target type"), string(p.TargetType), string(c.TargetType))
	numbers := []struct {
		field    string
		old, new string
	}{
		{ch.tr("valeur de départ", "baseline"), p.Baseline, c.Baseline},
		{ch.tr("cible", "target"), p.Target, c.Target},
		{ch.tr("seuil d’alerte", "alert threshold"), p.Alert, c.Alert},
	}
	for _, n := range numbers {
		if strings.TrimSpace(n.old) != strings.TrimSpace(n.new) || (p.Unit != c.Unit && strings.TrimSpace(n.new) != "") {
			ch.line(name, n.field, WithUnit(l, n.old, p.Unit), WithUnit(l, n.new, c.Unit))
		}
	}
	ch.enumField(name, ch.tr("fréquence de mesure", "measurement frequency"), string(p.Frequency), string(c.Frequency))
	ch.textField(name, ch.tr("source", "data source"), p.Source, c.Source)
	ch.textField(name, ch.tr("responsable de la mesure", "owner"), p.Owner, c.Owner)
	if !slices.Equal(p.Objectives, c.Objectives) {
		ch.line(name, ch.tr("objectifs mesurés", "objectives measured"), nameList(p.Objectives, ch.objectiveTitle), nameList(c.Objectives, ch.objectiveTitle))
	}
	if p.Guardrail != c.Guardrail {
		ch.line(name, ch.tr("garde-fou uniquement", "guardrail only"), ch.yesNo(p.Guardrail), ch.yesNo(c.Guardrail))
	}
}

// nameList names the items ids point to ("—" for none), for a change line.
func nameList(ids []string, name func(id string) string) string {
	if len(ids) == 0 {
		return "—"
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = name(id)
	}
	return strings.Join(names, ", ")
}

func (ch *changeList) roles() {
	type cell struct{ participant, objective string }
	collect := func(c *Charter) (map[cell][]string, []cell) {
		m := map[cell][]string{}
		var order []cell
		for _, a := range c.Roles {
			k := cell{a.ParticipantID, a.ObjectiveID}
			if _, ok := m[k]; !ok {
				order = append(order, k)
			}
			if !slices.Contains(m[k], string(a.Role)) {
				m[k] = append(m[k], string(a.Role))
			}
		}
		return m, order
	}
	prev, prevOrder := collect(ch.prev)
	cur, curOrder := collect(ch.cur)
	exists := func(k cell) bool {
		return slices.ContainsFunc(ch.cur.Participants, func(p Participant) bool { return p.ID == k.participant }) &&
			slices.ContainsFunc(ch.cur.Objectives, func(o Objective) bool { return o.ID == k.objective })
	}
	roleText := func(roles []string) string {
		if len(roles) == 0 {
			return "—"
		}
		names := make([]string, len(roles))
		for i, r := range roles {
			names[i] = Label(ch.l, r)
		}
		return strings.Join(names, ", ")
	}
	subject := ch.tr("Rôles", "Roles")
	report := func(k cell) {
		ch.line(subject, ch.participantName(k.participant)+" "+ch.tr("sur", "on")+" "+ch.objectiveTitle(k.objective)+strings.TrimSuffix(Colon(ch.l), " "),
			roleText(prev[k]), roleText(cur[k]))
	}
	for _, k := range curOrder {
		if !slices.Equal(prev[k], cur[k]) {
			report(k)
		}
	}
	// Cells emptied; a removed participant or objective says enough itself.
	for _, k := range prevOrder {
		if _, ok := cur[k]; !ok && exists(k) {
			report(k)
		}
	}
}

func (ch *changeList) cascades() {
	prev := byKey(ch.prev.Cascades, func(c Cascade) string { return c.ID })
	title := func(c Cascade) string {
		return ch.kpiName(c.KPIID) + " (" + ch.label(string(c.Dimension)) + ")"
	}
	for _, c := range ch.cur.Cascades {
		p, ok := prev[c.ID]
		if !ok {
			ch.note(ch.tr("Déclinaison ajoutée", "Cascade added"), title(c))
			continue
		}
		subject := ch.tr("Déclinaison de", "Cascade of") + " " + ch.kpiName(c.KPIID)
		if p.KPIID != c.KPIID {
			ch.line(subject, ch.tr("KPI", "KPI"), ch.kpiName(p.KPIID), ch.kpiName(c.KPIID))
		}
		ch.enumField(subject, ch.tr("dimension", "dimension"), string(p.Dimension), string(c.Dimension))
		unit := ch.kpiUnit(c.KPIID)
		prevLines := byKey(p.Lines, func(l CascadeLine) string { return strings.TrimSpace(l.Team) })
		for _, line := range c.Lines {
			team := strings.TrimSpace(line.Team)
			pl, ok := prevLines[team]
			switch {
			case !ok:
				ch.line(subject, team, "—", WithUnit(ch.l, line.Target, unit))
			case strings.TrimSpace(pl.Target) != strings.TrimSpace(line.Target):
				ch.line(subject, team, WithUnit(ch.l, pl.Target, unit), WithUnit(ch.l, line.Target, unit))
			}
		}
		curLines := byKey(c.Lines, func(l CascadeLine) string { return strings.TrimSpace(l.Team) })
		for _, line := range p.Lines {
			team := strings.TrimSpace(line.Team)
			if _, ok := curLines[team]; !ok {
				ch.line(subject, team, WithUnit(ch.l, line.Target, unit), "—")
			}
		}
	}
	cur := byKey(ch.cur.Cascades, func(c Cascade) string { return c.ID })
	for _, p := range ch.prev.Cascades {
		if _, ok := cur[p.ID]; !ok {
			ch.note(ch.tr("Déclinaison retirée", "Cascade removed"), title(p))
		}
	}
}

func (ch *changeList) kpiUnit(id string) Unit {
	for _, list := range [][]KPI{ch.cur.KPIs, ch.prev.KPIs} {
		for _, k := range list {
			if k.ID == id {
				return k.Unit
			}
		}
	}
	return ""
}

func (ch *changeList) rituals() {
	prev := byKey(ch.prev.Rituals, func(r Ritual) string { return r.ID })
	for _, c := range ch.cur.Rituals {
		p, ok := prev[c.ID]
		if !ok {
			ch.note(ch.tr("Rituel ajouté", "Ritual added"), c.Name)
			continue
		}
		if strings.TrimSpace(p.Name) != strings.TrimSpace(c.Name) {
			ch.line(ch.tr("Rituel renommé", "Ritual renamed"), "", p.Name, c.Name)
		}
		name := c.Name
		ch.enumField(name, ch.tr("cadence", "cadence"), string(p.Cadence), string(c.Cadence))
		if p.Weekday != c.Weekday {
			ch.line(name, ch.tr("jour", "day"), WeekdayLabel(ch.l, p.Weekday), WeekdayLabel(ch.l, c.Weekday))
		}
		if strings.TrimSpace(p.Time) != strings.TrimSpace(c.Time) {
			ch.line(name, ch.tr("heure", "time"), orDash(p.Time), orDash(c.Time))
		}
		if p.Minutes != c.Minutes {
			ch.line(name, ch.tr("durée", "duration"), fmt.Sprintf("%d min", p.Minutes), fmt.Sprintf("%d min", c.Minutes))
		}
		if !slices.Equal(p.Attendees, c.Attendees) {
			ch.line(name, ch.tr("participants", "attendees"), nameList(p.Attendees, ch.participantName), nameList(c.Attendees, ch.participantName))
		}
		if !slices.Equal(p.Agenda, c.Agenda) {
			ch.note(name, ch.tr("ordre du jour modifié", "agenda changed"))
		}
	}
	cur := byKey(ch.cur.Rituals, func(r Ritual) string { return r.ID })
	for _, p := range ch.prev.Rituals {
		if _, ok := cur[p.ID]; !ok {
			ch.note(ch.tr("Rituel retiré", "Ritual removed"), p.Name)
		}
	}
}

func (ch *changeList) incentive() {
	p, c := ch.prev.Incentive, ch.cur.Incentive
	subject := ch.tr("Rémunération variable", "Incentives")
	if p.Enabled != c.Enabled {
		ch.line(subject, ch.tr("indexée sur les KPI collectifs", "indexed on collective KPIs"), ch.yesNo(p.Enabled), ch.yesNo(c.Enabled))
	}
	if strings.TrimSpace(p.Share) != strings.TrimSpace(c.Share) {
		ch.line(subject, ch.tr("part", "share"), WithUnit(ch.l, p.Share, UnitPercent), WithUnit(ch.l, c.Share, UnitPercent))
	}
	ch.textField(subject, ch.tr("note", "note"), p.Note, c.Note)
}

func (ch *changeList) decisions() {
	subject := ch.tr("Journal des décisions", "Decision log")
	entry := func(d Decision) string {
		return "[" + ch.label(string(d.Type)) + "] " + ch.text(d.Text)
	}
	prev := byKey(ch.prev.Decisions, func(d Decision) string { return d.ID })
	for _, c := range ch.cur.Decisions {
		p, ok := prev[c.ID]
		switch {
		case !ok:
			ch.note(subject, ch.tr("entrée ajoutée", "entry added")+" "+entry(c))
		case p != c:
			ch.line(subject, ch.tr("entrée modifiée", "entry changed"), entry(p), entry(c))
		}
	}
	cur := byKey(ch.cur.Decisions, func(d Decision) string { return d.ID })
	for _, p := range ch.prev.Decisions {
		if _, ok := cur[p.ID]; !ok {
			ch.note(subject, ch.tr("entrée retirée", "entry removed")+" "+entry(p))
		}
	}
}

// byKey maps items by key; of two items with the same key the first wins.
func byKey[T any](items []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, it := range items {
		k := key(it)
		if _, ok := m[k]; !ok {
			m[k] = it
		}
	}
	return m
}
