package workshop

import (
	"strconv"
	"strings"
)

// Message returns the finding as a full sentence in French or English,
// naming the item concerned. An unknown code returns the code itself.
func (f Finding) Message(l Lang) string {
	m, ok := ruleMessages[f.Code]
	if !ok {
		return string(f.Code)
	}
	return m.text(l, m.read(f))
}

// msgArgs are a finding's Args by name, with where it points. Each rule's
// message says which fields its Args fill, in order (ruleMessage.args);
// its text reads them by name. A missing Arg reads as "".
type msgArgs struct {
	Where Where
	// Name and Pos: the item's name (objective title, KPI name, ritual
	// name, cascaded KPI's name) and its 1-based position, said when the
	// name is blank.
	Name, Pos string
	Count     string // how many: objectives, priority KPIs, pilots
	Kind      string // R-KPI-4: the kind of KPI missing
	// R-KPI-3: the alert threshold and target as typed, the target type.
	// R-CAS-1: Target is the collective target.
	Alert, Target, TargetType string
	// R-NUM-1: the text as typed, the NumberError reason and detail, and
	// for a cascade line its team.
	Text, Reason, Detail, Team string
	// R-SMART-*: Reason is the Smart… reason; Rest are the values it names.
	Rest    []string
	Pilot   string // R-ROLE-4: the pilot who is the only approver
	Cadence string // R-RIT-1: the cadence missing
	Time    string // R-RIT-2: the time as typed
	Sum     string // R-CAS-1: the team targets' sum (Go float syntax)
	Side    string // R-CAS-1: "above" (a ceiling exceeded) or "below"
	Share   string // R-INC-2: the share as typed
}

// ruleMessage writes the message of one rule.
type ruleMessage struct {
	// args returns the fields a finding's Args fill, in order; the Args
	// beyond them are Rest.
	args func(a *msgArgs) []*string
	text func(l Lang, a msgArgs) string
}

// read names the finding's Args.
func (m ruleMessage) read(f Finding) msgArgs {
	a := msgArgs{Where: f.Where}
	var slots []*string
	if m.args != nil {
		slots = m.args(&a)
	}
	for i, p := range slots {
		if i < len(f.Args) {
			*p = f.Args[i]
		}
	}
	if len(f.Args) > len(slots) {
		a.Rest = f.Args[len(slots):]
	}
	return a
}

// Args layouts shared by several rules.
func itemArgs(a *msgArgs) []*string { return []*string{&a.Name, &a.Pos} }

// ruleMessages holds the message of every rule code.
var ruleMessages = map[RuleCode]ruleMessage{
	ROBJ1: {nil, func(l Lang, a msgArgs) string {
		return tr(l, "La charte n’a encore aucun objectif collectif : ajoutez-en au moins un.",
			"The charter has no collective objective yet: add at least one.")
	}},
	ROBJ2: {func(a *msgArgs) []*string { return []*string{&a.Count} }, func(l Lang, a msgArgs) string {
		n := a.Count
		return tr(l, "La charte compte "+n+" objectifs collectifs : gardez-en quatre au plus pour que l’équipe reste concentrée.",
			"The charter has "+n+" collective objectives: keep four at most so that the team stays focused.")
	}},
	ROBJ3: {func(a *msgArgs) []*string { return []*string{&a.Count} }, func(l Lang, a msgArgs) string {
		if a.Count == "1" {
			return tr(l, "La charte ne compte qu’un objectif collectif : trois ou quatre couvrent en général mieux l’intention.",
				"The charter has only one collective objective: three to four usually cover the intent better.")
		}
		return tr(l, "La charte ne compte que "+a.Count+" objectifs collectifs : trois ou quatre couvrent en général mieux l’intention.",
			"The charter has only "+a.Count+" collective objectives: three to four usually cover the intent better.")
	}},
	RSMART1: smartMessage("S"),
	RSMART2: smartMessage("M"),
	RSMART3: smartMessage("A"),
	RSMART4: smartMessage("R"),
	RSMART5: smartMessage("T"),
	RKPI1: {func(a *msgArgs) []*string { return []*string{&a.Count} }, func(l Lang, a msgArgs) string {
		n := a.Count
		switch {
		case n == "0":
			return tr(l, "La charte n’a encore aucun indicateur prioritaire : choisissez-en 3 à 5.",
				"The charter has no priority KPI yet: choose 3 to 5.")
		case n == "1":
			return tr(l, "La charte ne compte qu’un indicateur prioritaire : choisissez-en 3 à 5 (les indicateurs garde-fous ne comptent pas).",
				"The charter has only one priority KPI: choose 3 to 5 (guardrail KPIs do not count).")
		case atoi(n) < 3:
			return tr(l, "La charte ne compte que "+n+" indicateurs prioritaires : choisissez-en 3 à 5 (les indicateurs garde-fous ne comptent pas).",
				"The charter has only "+n+" priority KPIs: choose 3 to 5 (guardrail KPIs do not count).")
		}
		return tr(l, "La charte compte "+n+" indicateurs prioritaires : gardez-en 3 à 5 pour que l’équipe reste concentrée (les garde-fous ne comptent pas).",
			"The charter has "+n+" priority KPIs: keep 3 to 5 so that the team stays focused (guardrails do not count).")
	}},
	RKPI2: {itemArgs, func(l Lang, a msgArgs) string {
		var clause string
		switch a.Where.Field {
		case "target":
			clause = tr(l, "la cible n’est pas renseignée", "the target is missing")
		case "alert":
			clause = tr(l, "le seuil d’alerte n’est pas renseigné", "the alert threshold is missing")
		case "frequency":
			clause = tr(l, "la fréquence de mesure (hebdomadaire, mensuelle ou trimestrielle) n’est pas renseignée",
				"the measurement frequency (weekly, monthly or quarterly) is missing")
		case "owner":
			clause = tr(l, "personne n’est désigné pour le mesurer", "nobody is named to measure it")
		case "targetType":
			clause = tr(l, "le type de cible (augmenter, diminuer, rester au moins ou au plus à) n’est pas renseigné",
				"the target type (increase, decrease, stay at or above, stay at or below) is missing")
		default:
			clause = tr(l, "un champ obligatoire n’est pas renseigné", "a required field is missing")
		}
		return sentence(l, kpiSubject(l, a.Name, a.Pos), clause)
	}},
	RKPI3: {func(a *msgArgs) []*string { return []*string{&a.Name, &a.Pos, &a.Alert, &a.Target, &a.TargetType} }, func(l Lang, a msgArgs) string {
		return sentence(l, kpiSubject(l, a.Name, a.Pos), alertSideClause(l, a.Alert, a.Target, TargetType(a.TargetType)))
	}},
	RKPI4: {func(a *msgArgs) []*string { return []*string{&a.Kind} }, func(l Lang, a msgArgs) string {
		if a.Kind == string(KindEffort) {
			return tr(l, "La charte n’a aucun indicateur d’effort : ajoutez-en un qui suit les actions menant au résultat (rendez-vous, qualification…).",
				"The charter has no effort indicator: add one that tracks the actions leading to the result (meetings, qualification…).")
		}
		return tr(l, "La charte n’a aucun indicateur de résultat : ajoutez-en un qui montre l’aboutissement (chiffre d’affaires, rétention, taux de gain…).",
			"The charter has no result indicator: add one that shows the outcome (revenue, retention, win rate…).")
	}},
	RKPI5: {itemArgs, func(l Lang, a msgArgs) string {
		if a.Where.Field == "kpis" {
			return sentence(l, objectiveSubject(l, a.Name, a.Pos),
				tr(l, "aucun indicateur ne le mesure ; reliez-en au moins un", "no KPI measures it; link at least one"))
		}
		return sentence(l, kpiSubject(l, a.Name, a.Pos),
			tr(l, "il ne mesure aucun objectif ; reliez-le à l’objectif qu’il sert", "it measures no objective; link it to the objective it serves"))
	}},
	RKPI6: {itemArgs, func(l Lang, a msgArgs) string {
		return sentence(l, kpiSubject(l, a.Name, a.Pos),
			tr(l, "la valeur de départ n’est pas renseignée ; sans elle, la progression ne peut pas être mesurée",
				"the baseline is missing; without it, progress cannot be measured"))
	}},
	RNUM1: {func(a *msgArgs) []*string { return []*string{&a.Name, &a.Pos, &a.Text, &a.Reason, &a.Detail, &a.Team} }, numMessage},
	RROLE1: {func(a *msgArgs) []*string { return []*string{&a.Name, &a.Pos, &a.Count} }, func(l Lang, a msgArgs) string {
		subject := objectiveSubject(l, a.Name, a.Pos)
		if n := a.Count; n != "0" && n != "" {
			return sentence(l, subject, tr(l, n+" pilotes ; n’en gardez qu’un", n+" Pilots; keep exactly one"))
		}
		return sentence(l, subject, tr(l, "aucun pilote ; désignez-en exactement un", "no Pilot; name exactly one"))
	}},
	RROLE2: {itemArgs, func(l Lang, a msgArgs) string {
		return sentence(l, objectiveSubject(l, a.Name, a.Pos),
			tr(l, "aucun contributeur ; désignez-en au moins un", "no Contributor; name at least one"))
	}},
	RROLE3: {itemArgs, func(l Lang, a msgArgs) string {
		return sentence(l, objectiveSubject(l, a.Name, a.Pos),
			tr(l, "aucun approbateur ; désignez-en au moins un", "no Approver; name at least one"))
	}},
	RROLE4: {func(a *msgArgs) []*string { return []*string{&a.Name, &a.Pos, &a.Pilot} }, func(l Lang, a msgArgs) string {
		if l == FR {
			return sentence(l, objectiveSubject(l, a.Name, a.Pos),
				"son pilote ("+a.Pilot+FrenchSpaces(") en est le seul approbateur ; ajoutez un approbateur qui ne pilote pas l’objectif"))
		}
		return sentence(l, objectiveSubject(l, a.Name, a.Pos),
			"its Pilot ("+a.Pilot+") is its only Approver; add an approver who does not pilot it")
	}},
	RSIDE1: {itemArgs, func(l Lang, a msgArgs) string {
		return sentence(l, objectiveSubject(l, a.Name, a.Pos),
			tr(l, "aucun effet de bord n’est anticipé ; nommez-en au moins un, avec si possible un indicateur garde-fou",
				"no side effect is anticipated; name at least one, with a guardrail KPI if possible"))
	}},
	RRIT1: {func(a *msgArgs) []*string { return []*string{&a.Cadence} }, func(l Lang, a msgArgs) string {
		switch Cadence(a.Cadence) {
		case CadenceMonthly:
			return tr(l, "Aucun rituel mensuel n’est prévu : une revue mensuelle confronte les indicateurs à leurs cibles.",
				"No monthly ritual is planned: a monthly review checks the KPIs against their targets.")
		case CadenceQuarterly:
			return tr(l, "Aucun rituel trimestriel n’est prévu : une QBR prend du recul sur les objectifs.",
				"No quarterly ritual is planned: a QBR steps back to look at the objectives.")
		}
		return tr(l, "Aucun rituel hebdomadaire n’est prévu : une synchronisation hebdomadaire fait vivre les objectifs.",
			"No weekly ritual is planned: a weekly sync keeps the objectives alive.")
	}},
	RRIT2: {func(a *msgArgs) []*string { return []*string{&a.Name, &a.Pos, &a.Time} }, func(l Lang, a msgArgs) string {
		subject := tr(l, "Rituel ", "Ritual ") + Quote(l, a.Name)
		if strings.TrimSpace(a.Name) == "" {
			subject = tr(l, "Rituel "+a.Pos+" (sans nom)", "Ritual "+a.Pos+" (unnamed)")
		}
		if a.Where.Field == "minutes" {
			return sentence(l, subject, tr(l, "aucune durée ; indiquez-la en minutes pour le calendrier",
				"no duration; give it in minutes for the calendar"))
		}
		if strings.TrimSpace(a.Time) == "" {
			return sentence(l, subject, tr(l, "aucune heure ; indiquez-la au format HH:MM (par exemple 09:30) pour le calendrier",
				"no time; give it as HH:MM (for example 09:30) for the calendar"))
		}
		return sentence(l, subject, tr(l, "l’heure ", "the time ")+Quote(l, a.Time)+
			tr(l, " ne s’écrit pas HH:MM (par exemple 09:30) ; le calendrier ne peut pas le placer",
				" is not written HH:MM (for example 09:30); the calendar cannot place it"))
	}},
	RCAS1: {func(a *msgArgs) []*string { return []*string{&a.Name, &a.Pos, &a.Sum, &a.Target, &a.Side} }, func(l Lang, a msgArgs) string {
		sum := a.Sum
		if x, err := strconv.ParseFloat(sum, 64); err == nil {
			sum = FormatNumber(x, l)
		}
		subject := cascadeSubject(l, a.Name, a.Pos)
		if a.Side == "above" {
			return sentence(l, subject, tr(l, "les cibles des équipes totalisent ", "the team targets add up to ")+sum+
				tr(l, ", plus que la cible collective (", ", more than the collective target (")+a.Target+
				tr(l, "), qui est un plafond", "), which is a ceiling"))
		}
		return sentence(l, subject, tr(l, "les cibles des équipes totalisent ", "the team targets add up to ")+sum+
			tr(l, ", moins que la cible collective (", ", less than the collective target (")+a.Target+")")
	}},
	RPEO1: {func(a *msgArgs) []*string { return []*string{&a.Name, &a.Pos, &a.Text} }, func(l Lang, a msgArgs) string {
		return emailFindingMessage(l, a.Name, a.Pos, a.Text)
	}},
	RPER1: {nil, func(l Lang, a msgArgs) string {
		start, end := "", ""
		if len(a.Rest) == 2 {
			start, end = a.Rest[0], a.Rest[1]
		}
		return sentence(l, tr(l, "Période", "Period"), tr(l, "elle finit ("+end+") avant de commencer ("+start+") ; corrigez la date de début ou de fin",
			"it ends ("+end+") before it starts ("+start+"); correct the start or end date"))
	}},
	RTZ1: {func(a *msgArgs) []*string { return []*string{&a.Text} }, func(l Lang, a msgArgs) string {
		return timeZoneMessage(l, RTZ1, a.Text)
	}},
	RTZ2:   {nil, func(l Lang, a msgArgs) string { return timeZoneMessage(l, RTZ2, "") }},
	RVOTE1: {nil, func(l Lang, a msgArgs) string { return voteFindingMessage(l, a.Where, a.Rest) }},
	RPDF1:  {nil, func(l Lang, a msgArgs) string { return pdfFindingMessage(l, a.Rest) }},
	RINC1: {nil, func(l Lang, a msgArgs) string {
		return tr(l, "Aucun alignement de la rémunération variable n’est indiqué : précisez si une part du variable individuel dépend des indicateurs collectifs.",
			"No incentive alignment is recorded: say whether a share of individual variable pay depends on the collective KPIs.")
	}},
	RINC2: {func(a *msgArgs) []*string { return []*string{&a.Share} }, func(l Lang, a msgArgs) string {
		return sentence(l, tr(l, "Intéressement", "Incentives"),
			tr(l, "la part de variable (", "the share of variable pay (")+a.Share+
				tr(l, ") doit être comprise entre 0 et 100 %", ") must be between 0 and 100%"))
	}},
}

// smartMessage writes R-SMART-1..5: the objective, then why its letter is
// not satisfied (Args: name, position, reason, the values it names).
func smartMessage(letter string) ruleMessage {
	return ruleMessage{
		args: func(a *msgArgs) []*string { return []*string{&a.Name, &a.Pos, &a.Reason} },
		text: func(l Lang, a msgArgs) string {
			return sentence(l, objectiveSubject(l, a.Name, a.Pos), smartReason(l, letter, a.Reason, a.Rest))
		},
	}
}

// sentence joins a subject and a clause with the colon of the language and
// ends the sentence.
func sentence(l Lang, subject, clause string) string {
	return subject + Colon(l) + clause + "."
}

func objectiveSubject(l Lang, name, pos string) string {
	if name = strings.TrimSpace(name); name == "" {
		return tr(l, "Objectif "+pos+" (sans titre)", "Objective "+pos+" (untitled)")
	}
	return tr(l, "Objectif ", "Objective ") + Quote(l, name)
}

func kpiSubject(l Lang, name, pos string) string {
	if name = strings.TrimSpace(name); name == "" {
		return tr(l, "Indicateur "+pos+" (sans nom)", "KPI "+pos+" (unnamed)")
	}
	return tr(l, "Indicateur ", "KPI ") + Quote(l, name)
}

func cascadeSubject(l Lang, kpiName, pos string) string {
	if kpiName = strings.TrimSpace(kpiName); kpiName == "" {
		return tr(l, "Déclinaison ", "Cascade ") + pos
	}
	return tr(l, "Déclinaison de ", "Cascade of ") + Quote(l, kpiName)
}

// alertSideClause says on which side of the target the alert threshold
// must sit (R-KPI-3).
func alertSideClause(l Lang, alert, target string, t TargetType) string {
	below, orEqual := t.AlertBelowTarget(), t.AlertMayEqualTarget()
	if !t.Valid() {
		below, orEqual = true, true // Validate never says it; worded as before
	}
	var frRel, enRel string
	switch {
	case below && orEqual:
		frRel, enRel = "inférieur ou égal à", "at or below"
	case below:
		frRel, enRel = "inférieur à", "below"
	case orEqual:
		frRel, enRel = "supérieur ou égal à", "at or above"
	default:
		frRel, enRel = "supérieur à", "above"
	}
	if l == FR {
		return "le seuil d’alerte (" + alert + ") doit être " + frRel + " la cible (" + target + ") pour une cible de type " + Quote(l, Label(l, string(t)))
	}
	enArticle := "a"
	if label := Label(EN, string(t)); t.Valid() && label != "" && strings.ContainsRune("aeiou", rune(label[0])) {
		enArticle = "an"
	}
	return "the alert threshold (" + alert + ") must be " + enRel + " the target (" + target + ") for " + enArticle + " " + Quote(l, Label(l, string(t))) + " target"
}

// numMessage writes R-NUM-1: which field of which item cannot be read, and
// why.
func numMessage(l Lang, a msgArgs) string {
	var subject string
	switch a.Where.Step {
	case StepKPIs:
		subject = kpiSubject(l, a.Name, a.Pos)
	case StepCascade:
		subject = cascadeSubject(l, a.Name, a.Pos)
		if team := strings.TrimSpace(a.Team); team != "" {
			subject += tr(l, ", équipe ", ", team ") + Quote(l, team)
		} else if n, ok := cascadeLineIndex(a.Where.Field); ok {
			subject += tr(l, ", ligne ", ", line ") + strconv.Itoa(n+1)
		}
	case StepIncentives:
		subject = tr(l, "Intéressement", "Incentives")
	default:
		subject = tr(l, "Nombre", "Number")
	}
	field := a.Where.Field
	if _, ok := cascadeLineIndex(field); ok {
		field = "target"
	}
	var noun string
	switch field {
	case "baseline":
		noun = tr(l, "la valeur de départ", "the baseline")
	case "target":
		noun = tr(l, "la cible", "the target")
	case "alert":
		noun = tr(l, "le seuil d’alerte", "the alert threshold")
	case "share":
		noun = tr(l, "la part de variable", "the share of variable pay")
	default:
		noun = tr(l, "la valeur", "the value")
	}
	reason := numReason(l, a.Text, a.Reason, a.Detail)
	if l == FR {
		return sentence(l, subject, noun+" est illisible — "+reason)
	}
	return sentence(l, subject, noun+" cannot be read — "+reason)
}

// cascadeLineIndex reads N from a cascade line field "lines.N.target".
func cascadeLineIndex(field string) (int, bool) {
	rest, ok := strings.CutPrefix(field, "lines.")
	if !ok {
		return 0, false
	}
	num, ok := strings.CutSuffix(rest, ".target")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	return n, err == nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
