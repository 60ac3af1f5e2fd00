package workshop

import (
	"strconv"
	"strings"
)

// Message returns the finding as a full sentence in French or English,
// naming the item concerned. An unknown code returns the code itself.
func (f Finding) Message(l Lang) string {
	arg := func(i int) string {
		if i < len(f.Args) {
			return f.Args[i]
		}
		return ""
	}
	fr := l == FR
	switch f.Code {
	case "R-OBJ-1":
		return msgTr(l, "La charte n’a encore aucun objectif collectif : ajoutez-en au moins un.",
			"The charter has no collective objective yet: add at least one.")
	case "R-OBJ-2":
		n := arg(0)
		return msgTr(l, "La charte compte "+n+" objectifs collectifs : gardez-en quatre au plus pour que l’équipe reste concentrée.",
			"The charter has "+n+" collective objectives: keep four at most so that the team stays focused.")
	case "R-OBJ-3":
		if arg(0) == "1" {
			return msgTr(l, "La charte ne compte qu’un objectif collectif : trois ou quatre couvrent en général mieux l’intention.",
				"The charter has only one collective objective: three to four usually cover the intent better.")
		}
		return msgTr(l, "La charte ne compte que "+arg(0)+" objectifs collectifs : trois ou quatre couvrent en général mieux l’intention.",
			"The charter has only "+arg(0)+" collective objectives: three to four usually cover the intent better.")
	case "R-SMART-1", "R-SMART-2", "R-SMART-3", "R-SMART-4", "R-SMART-5":
		letter := string("SMART"[f.Code[len(f.Code)-1]-'1'])
		var rest []string
		if len(f.Args) > 3 {
			rest = f.Args[3:]
		}
		return sentence(l, objectiveSubject(l, arg(0), arg(1)), smartReason(l, letter, arg(2), rest))
	case "R-KPI-1":
		n := arg(0)
		switch {
		case n == "0":
			return msgTr(l, "La charte n’a encore aucun indicateur prioritaire : choisissez-en 3 à 5.",
				"The charter has no priority KPI yet: choose 3 to 5.")
		case n == "1":
			return msgTr(l, "La charte ne compte qu’un indicateur prioritaire : choisissez-en 3 à 5 (les indicateurs garde-fous ne comptent pas).",
				"The charter has only one priority KPI: choose 3 to 5 (guardrail KPIs do not count).")
		case atoi(n) < 3:
			return msgTr(l, "La charte ne compte que "+n+" indicateurs prioritaires : choisissez-en 3 à 5 (les indicateurs garde-fous ne comptent pas).",
				"The charter has only "+n+" priority KPIs: choose 3 to 5 (guardrail KPIs do not count).")
		}
		return msgTr(l, "La charte compte "+n+" indicateurs prioritaires : gardez-en 3 à 5 pour que l’équipe reste concentrée (les garde-fous ne comptent pas).",
			"The charter has "+n+" priority KPIs: keep 3 to 5 so that the team stays focused (guardrails do not count).")
	case "R-KPI-2":
		var clause string
		switch f.Where.Field {
		case "target":
			clause = msgTr(l, "la cible n’est pas renseignée", "the target is missing")
		case "alert":
			clause = msgTr(l, "le seuil d’alerte n’est pas renseigné", "the alert threshold is missing")
		case "frequency":
			clause = msgTr(l, "la fréquence de mesure (hebdomadaire, mensuelle ou trimestrielle) n’est pas renseignée",
				"the measurement frequency (weekly, monthly or quarterly) is missing")
		case "owner":
			clause = msgTr(l, "personne n’est désigné pour le mesurer", "nobody is named to measure it")
		case "targetType":
			clause = msgTr(l, "le type de cible (augmenter, diminuer, rester au moins ou au plus à) n’est pas renseigné",
				"the target type (increase, decrease, stay at or above, stay at or below) is missing")
		default:
			clause = msgTr(l, "un champ obligatoire n’est pas renseigné", "a required field is missing")
		}
		return sentence(l, kpiSubject(l, arg(0), arg(1)), clause)
	case "R-KPI-3":
		return sentence(l, kpiSubject(l, arg(0), arg(1)), alertSideClause(l, arg(2), arg(3), TargetType(arg(4))))
	case "R-KPI-4":
		if arg(0) == string(KindEffort) {
			return msgTr(l, "La charte n’a aucun indicateur d’effort : ajoutez-en un qui suit les actions menant au résultat (rendez-vous, qualification…).",
				"The charter has no effort indicator: add one that tracks the actions leading to the result (meetings, qualification…).")
		}
		return msgTr(l, "La charte n’a aucun indicateur de résultat : ajoutez-en un qui montre l’aboutissement (chiffre d’affaires, rétention, taux de gain…).",
			"The charter has no result indicator: add one that shows the outcome (revenue, retention, win rate…).")
	case "R-KPI-5":
		if f.Where.Field == "kpis" {
			return sentence(l, objectiveSubject(l, arg(0), arg(1)),
				msgTr(l, "aucun indicateur ne le mesure ; reliez-en au moins un", "no KPI measures it; link at least one"))
		}
		return sentence(l, kpiSubject(l, arg(0), arg(1)),
			msgTr(l, "il ne mesure aucun objectif ; reliez-le à l’objectif qu’il sert", "it measures no objective; link it to the objective it serves"))
	case "R-KPI-6":
		return sentence(l, kpiSubject(l, arg(0), arg(1)),
			msgTr(l, "la valeur de départ n’est pas renseignée ; sans elle, la progression ne peut pas être mesurée",
				"the baseline is missing; without it, progress cannot be measured"))
	case "R-NUM-1":
		return numFindingMessage(l, f)
	case "R-ROLE-1":
		subject := objectiveSubject(l, arg(0), arg(1))
		if n := arg(2); n != "0" && n != "" {
			return sentence(l, subject, msgTr(l, n+" pilotes ; n’en gardez qu’un", n+" Pilots; keep exactly one"))
		}
		return sentence(l, subject, msgTr(l, "aucun pilote ; désignez-en exactement un", "no Pilot; name exactly one"))
	case "R-ROLE-2":
		return sentence(l, objectiveSubject(l, arg(0), arg(1)),
			msgTr(l, "aucun contributeur ; désignez-en au moins un", "no Contributor; name at least one"))
	case "R-ROLE-3":
		return sentence(l, objectiveSubject(l, arg(0), arg(1)),
			msgTr(l, "aucun approbateur ; désignez-en au moins un", "no Approver; name at least one"))
	case "R-ROLE-4":
		who := arg(2)
		if fr {
			return sentence(l, objectiveSubject(l, arg(0), arg(1)),
				"son pilote ("+who+msgFrench(") en est le seul approbateur ; ajoutez un approbateur qui ne pilote pas l’objectif"))
		}
		return sentence(l, objectiveSubject(l, arg(0), arg(1)),
			"its Pilot ("+who+") is its only Approver; add an approver who does not pilot it")
	case "R-SIDE-1":
		return sentence(l, objectiveSubject(l, arg(0), arg(1)),
			msgTr(l, "aucun effet de bord n’est anticipé ; nommez-en au moins un, avec si possible un indicateur garde-fou",
				"no side effect is anticipated; name at least one, with a guardrail KPI if possible"))
	case "R-RIT-1":
		switch Cadence(arg(0)) {
		case CadenceMonthly:
			return msgTr(l, "Aucun rituel mensuel n’est prévu : une revue mensuelle confronte les indicateurs à leurs cibles.",
				"No monthly ritual is planned: a monthly review checks the KPIs against their targets.")
		case CadenceQuarterly:
			return msgTr(l, "Aucun rituel trimestriel n’est prévu : une QBR prend du recul sur les objectifs.",
				"No quarterly ritual is planned: a QBR steps back to look at the objectives.")
		}
		return msgTr(l, "Aucun rituel hebdomadaire n’est prévu : une synchronisation hebdomadaire fait vivre les objectifs.",
			"No weekly ritual is planned: a weekly sync keeps the objectives alive.")
	case "R-PEO-1":
		return emailFindingMessage(l, arg(0), arg(1), arg(2))
	case "R-RIT-2":
		subject := msgTr(l, "Rituel ", "Ritual ") + msgQuote(l, arg(0))
		if strings.TrimSpace(arg(0)) == "" {
			subject = msgTr(l, "Rituel "+arg(1)+" (sans nom)", "Ritual "+arg(1)+" (unnamed)")
		}
		if f.Where.Field == "minutes" {
			return sentence(l, subject, msgTr(l, "aucune durée ; indiquez-la en minutes pour le calendrier",
				"no duration; give it in minutes for the calendar"))
		}
		if strings.TrimSpace(arg(2)) == "" {
			return sentence(l, subject, msgTr(l, "aucune heure ; indiquez-la au format HH:MM (par exemple 09:30) pour le calendrier",
				"no time; give it as HH:MM (for example 09:30) for the calendar"))
		}
		return sentence(l, subject, msgTr(l, "l’heure ", "the time ")+msgQuote(l, arg(2))+
			msgTr(l, " ne s’écrit pas HH:MM (par exemple 09:30) ; le calendrier ne peut pas le placer",
				" is not written HH:MM (for example 09:30); the calendar cannot place it"))
	case "R-CAS-1":
		sum := arg(2)
		if x, err := strconv.ParseFloat(sum, 64); err == nil {
			sum = FormatNumber(x, l)
		}
		subject := cascadeSubject(l, arg(0), arg(1))
		if arg(4) == "above" {
			return sentence(l, subject, msgTr(l, "les cibles des équipes totalisent ", "the team targets add up to ")+sum+
				msgTr(l, ", plus que la cible collective (", ", more than the collective target (")+arg(3)+
				msgTr(l, "), qui est un plafond", "), which is a ceiling"))
		}
		return sentence(l, subject, msgTr(l, "les cibles des équipes totalisent ", "the team targets add up to ")+sum+
			msgTr(l, ", moins que la cible collective (", ", less than the collective target (")+arg(3)+")")
	case "R-INC-1":
		return msgTr(l, "Aucun alignement de la rémunération variable n’est indiqué : précisez si une part du variable individuel dépend des indicateurs collectifs.",
			"No incentive alignment is recorded: say whether a share of individual variable pay depends on the collective KPIs.")
	case "R-INC-2":
		return sentence(l, msgTr(l, "Intéressement", "Incentives"),
			msgTr(l, "la part de variable (", "the share of variable pay (")+arg(0)+
				msgTr(l, ") doit être comprise entre 0 et 100 %", ") must be between 0 and 100%"))
	}
	return f.Code
}

// sentence joins a subject and a clause with the colon of the language and
// ends the sentence.
func sentence(l Lang, subject, clause string) string {
	if l == FR {
		return subject + msgNBSP + ": " + clause + "."
	}
	return subject + ": " + clause + "."
}

func objectiveSubject(l Lang, name, pos string) string {
	if name = strings.TrimSpace(name); name == "" {
		return msgTr(l, "Objectif "+pos+" (sans titre)", "Objective "+pos+" (untitled)")
	}
	return msgTr(l, "Objectif ", "Objective ") + msgQuote(l, name)
}

func kpiSubject(l Lang, name, pos string) string {
	if name = strings.TrimSpace(name); name == "" {
		return msgTr(l, "Indicateur "+pos+" (sans nom)", "KPI "+pos+" (unnamed)")
	}
	return msgTr(l, "Indicateur ", "KPI ") + msgQuote(l, name)
}

func cascadeSubject(l Lang, kpiName, pos string) string {
	if kpiName = strings.TrimSpace(kpiName); kpiName == "" {
		return msgTr(l, "Déclinaison ", "Cascade ") + pos
	}
	return msgTr(l, "Déclinaison de ", "Cascade of ") + msgQuote(l, kpiName)
}

// alertSideClause says on which side of the target the alert threshold
// must sit (R-KPI-3).
func alertSideClause(l Lang, alert, target string, t TargetType) string {
	var frRel, enRel, enArticle string
	switch t {
	case IncreaseTo:
		frRel, enRel, enArticle = "inférieur à", "below", "an"
	case DecreaseTo:
		frRel, enRel, enArticle = "supérieur à", "above", "a"
	case StayAtOrAbove:
		frRel, enRel, enArticle = "supérieur ou égal à", "at or above", "a"
	default:
		frRel, enRel, enArticle = "inférieur ou égal à", "at or below", "a"
	}
	if l == FR {
		return "le seuil d’alerte (" + alert + ") doit être " + frRel + " la cible (" + target + ") pour une cible de type " + msgQuote(l, Label(l, string(t)))
	}
	return "the alert threshold (" + alert + ") must be " + enRel + " the target (" + target + ") for " + enArticle + " " + msgQuote(l, Label(l, string(t))) + " target"
}

// numFindingMessage writes R-NUM-1: which field of which item cannot be
// read, and why.
func numFindingMessage(l Lang, f Finding) string {
	arg := func(i int) string {
		if i < len(f.Args) {
			return f.Args[i]
		}
		return ""
	}
	var subject string
	switch f.Where.Step {
	case StepKPIs:
		subject = kpiSubject(l, arg(0), arg(1))
	case StepCascade:
		subject = cascadeSubject(l, arg(0), arg(1))
		if team := strings.TrimSpace(arg(5)); team != "" {
			subject += msgTr(l, ", équipe ", ", team ") + msgQuote(l, team)
		} else if n, ok := cascadeLineIndex(f.Where.Field); ok {
			subject += msgTr(l, ", ligne ", ", line ") + strconv.Itoa(n+1)
		}
	case StepIncentives:
		subject = msgTr(l, "Intéressement", "Incentives")
	default:
		subject = msgTr(l, "Nombre", "Number")
	}
	field := f.Where.Field
	if _, ok := cascadeLineIndex(field); ok {
		field = "target"
	}
	var noun string
	switch field {
	case "baseline":
		noun = msgTr(l, "la valeur de départ", "the baseline")
	case "target":
		noun = msgTr(l, "la cible", "the target")
	case "alert":
		noun = msgTr(l, "le seuil d’alerte", "the alert threshold")
	case "share":
		noun = msgTr(l, "la part de variable", "the share of variable pay")
	default:
		noun = msgTr(l, "la valeur", "the value")
	}
	reason := numReason(l, arg(2), arg(3), arg(4))
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

// msgNBSP is the no-break space French typography puts before « : » and
// « ; » and inside « ».
const msgNBSP = "\u00a0"

// msgTr picks the French or English text of a message. French texts are
// written with ordinary spaces and get their no-break spaces here; user data
// is concatenated outside of it wherever it could hold punctuation.
func msgTr(l Lang, fr, en string) string {
	if l == FR {
		return msgFrench(fr)
	}
	return en
}

var msgFrenchSpacer = strings.NewReplacer(" :", msgNBSP+":", " ;", msgNBSP+";", " ?", msgNBSP+"?", " !", msgNBSP+"!", " %", msgNBSP+"%")

func msgFrench(s string) string { return msgFrenchSpacer.Replace(s) }

// msgQuote puts text between the quotation marks of the language: French
// « … » with no-break spaces, English “…”.
func msgQuote(l Lang, s string) string {
	if l == FR {
		return "«" + msgNBSP + s + msgNBSP + "»"
	}
	return "“" + s + "”"
}
