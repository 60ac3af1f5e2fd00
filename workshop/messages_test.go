package workshop

import "testing"

// messageCases is one finding per rule and per variant of its message, as
// Validate makes them (Args in the order of the rule's layout).
var messageCases = []struct {
	name string
	f    Finding
}{
	{"no-objective", Finding{Code: ROBJ1}},
	{"five-objectives", Finding{Code: ROBJ2, Args: []string{"5"}}},
	{"one-objective", Finding{Code: ROBJ3, Args: []string{"1"}}},
	{"two-objectives", Finding{Code: ROBJ3, Args: []string{"2"}}},
	{"S-missing", Finding{Code: RSMART1, Where: Where{StepObjectives, "o", "specific"}, Args: []string{"Win", "1", SmartMissing}}},
	{"S-kpi-name-untitled", Finding{Code: RSMART1, Where: Where{StepObjectives, "o", "specific"}, Args: []string{" ", "2", SmartOnlyKPIName, "Win rate"}}},
	{"M-no-kpi", Finding{Code: RSMART2, Where: Where{StepObjectives, "o", "kpis"}, Args: []string{"Win", "1", SmartNoKPI}}},
	{"A-missing", Finding{Code: RSMART3, Where: Where{StepObjectives, "o", "achievable"}, Args: []string{"Win", "1", SmartMissing}}},
	{"R-missing", Finding{Code: RSMART4, Where: Where{StepObjectives, "o", "relevant"}, Args: []string{"Win", "1", SmartMissing}}},
	{"T-before", Finding{Code: RSMART5, Where: Where{StepObjectives, "o", "deadline"}, Args: []string{"Win", "1", SmartBeforePeriod, "2026-12-01", "2027-01-01"}}},
	{"no-priority-kpi", Finding{Code: RKPI1, Args: []string{"0"}}},
	{"one-priority-kpi", Finding{Code: RKPI1, Args: []string{"1"}}},
	{"two-priority-kpis", Finding{Code: RKPI1, Args: []string{"2"}}},
	{"six-priority-kpis", Finding{Code: RKPI1, Args: []string{"6"}}},
	{"no-target", Finding{Code: RKPI2, Where: Where{StepKPIs, "k", "target"}, Args: []string{"Win rate", "1"}}},
	{"no-alert", Finding{Code: RKPI2, Where: Where{StepKPIs, "k", "alert"}, Args: []string{"Win rate", "1"}}},
	{"no-frequency", Finding{Code: RKPI2, Where: Where{StepKPIs, "k", "frequency"}, Args: []string{"Win rate", "1"}}},
	{"no-owner", Finding{Code: RKPI2, Where: Where{StepKPIs, "k", "owner"}, Args: []string{"Win rate", "1"}}},
	{"no-target-type-unnamed", Finding{Code: RKPI2, Where: Where{StepKPIs, "k", "targetType"}, Args: []string{"", "3"}}},
	{"other-field", Finding{Code: RKPI2, Where: Where{StepKPIs, "k", "x"}, Args: []string{"Win rate", "1"}}},
	{"alert-increase", Finding{Code: RKPI3, Where: Where{StepKPIs, "k", "alert"}, Args: []string{"Win rate", "1", "30", "25", string(IncreaseTo)}}},
	{"alert-decrease", Finding{Code: RKPI3, Where: Where{StepKPIs, "k", "alert"}, Args: []string{"Cycle", "1", "40", "50", string(DecreaseTo)}}},
	{"alert-stay-above", Finding{Code: RKPI3, Where: Where{StepKPIs, "k", "alert"}, Args: []string{"NRR", "1", "100", "105", string(StayAtOrAbove)}}},
	{"alert-stay-below", Finding{Code: RKPI3, Where: Where{StepKPIs, "k", "alert"}, Args: []string{"Churn", "1", "5", "3", string(StayAtOrBelow)}}},
	{"no-effort", Finding{Code: RKPI4, Args: []string{string(KindEffort)}}},
	{"no-result", Finding{Code: RKPI4, Args: []string{string(KindResult)}}},
	{"objective-unmeasured", Finding{Code: RKPI5, Where: Where{StepObjectives, "o", "kpis"}, Args: []string{"Win", "1"}}},
	{"kpi-unlinked", Finding{Code: RKPI5, Where: Where{StepKPIs, "k", "objectives"}, Args: []string{"Win rate", "1"}}},
	{"no-baseline", Finding{Code: RKPI6, Where: Where{StepKPIs, "k", "baseline"}, Args: []string{"Win rate", "1"}}},
	{"num-kpi", Finding{Code: RNUM1, Where: Where{StepKPIs, "k", "baseline"}, Args: []string{"Win rate", "1", "abc", NumReasonChar, "a"}}},
	{"num-cascade-team", Finding{Code: RNUM1, Where: Where{StepCascade, "c", "lines.1.target"}, Args: []string{"Bookings", "1", "1,2,3", NumReasonDecimals, "", "North"}}},
	{"num-cascade-line", Finding{Code: RNUM1, Where: Where{StepCascade, "c", "lines.2.target"}, Args: []string{"", "2", "x", NumReasonChar, "x", ""}}},
	{"num-share", Finding{Code: RNUM1, Where: Where{StepIncentives, "", "share"}, Args: []string{"", "", "dix", NumReasonChar, "d"}}},
	{"num-other", Finding{Code: RNUM1, Args: []string{"", "", "", NumReasonEmpty, ""}}},
	{"two-pilots", Finding{Code: RROLE1, Where: Where{StepRoles, "o", ""}, Args: []string{"Win", "1", "2"}}},
	{"no-pilot", Finding{Code: RROLE1, Where: Where{StepRoles, "o", ""}, Args: []string{"Win", "1", "0"}}},
	{"no-contributor", Finding{Code: RROLE2, Where: Where{StepRoles, "o", ""}, Args: []string{"Win", "1"}}},
	{"no-approver", Finding{Code: RROLE3, Where: Where{StepRoles, "o", ""}, Args: []string{"Win", "1"}}},
	{"pilot-approves", Finding{Code: RROLE4, Where: Where{StepRoles, "o", ""}, Args: []string{"Win", "1", "Alice Martin"}}},
	{"no-side-effect", Finding{Code: RSIDE1, Where: Where{StepKPIs, "o", "sideEffects"}, Args: []string{"Win", "1"}}},
	{"no-weekly", Finding{Code: RRIT1, Args: []string{string(CadenceWeekly)}}},
	{"no-monthly", Finding{Code: RRIT1, Args: []string{string(CadenceMonthly)}}},
	{"no-quarterly", Finding{Code: RRIT1, Args: []string{string(CadenceQuarterly)}}},
	{"ritual-no-minutes", Finding{Code: RRIT2, Where: Where{StepRituals, "r", "minutes"}, Args: []string{"Weekly sync", "1", ""}}},
	{"ritual-no-time-unnamed", Finding{Code: RRIT2, Where: Where{StepRituals, "r", "time"}, Args: []string{"", "2", " "}}},
	{"ritual-bad-time", Finding{Code: RRIT2, Where: Where{StepRituals, "r", "time"}, Args: []string{"QBR", "3", "9h30"}}},
	{"cascade-above", Finding{Code: RCAS1, Where: Where{StepCascade, "c", "lines"}, Args: []string{"Churn", "1", "1234.5", "1 000", "above"}}},
	{"cascade-below-unnamed", Finding{Code: RCAS1, Where: Where{StepCascade, "c", "lines"}, Args: []string{"", "2", "20", "30", "below"}}},
	{"no-incentive", Finding{Code: RINC1}},
	{"share-out-of-range", Finding{Code: RINC2, Where: Where{StepIncentives, "", "share"}, Args: []string{"120"}}},
	{"email-not-an-address", Finding{Code: RPEO1, Where: Where{StepSetup, "p1", "email"}, Args: []string{"Ana", "2", "ana@@x"}}},
	{"period-inverted", Finding{Code: RPER1, Where: Where{StepSetup, "", "end"}, Args: []string{"2027-01-01", "2026-01-01"}}},
	{"tz-unknown", Finding{Code: RTZ1, Where: Where{StepSetup, "", "timeZone"}, Args: []string{"Europe/Pariss"}}},
	{"tz-none", Finding{Code: RTZ2, Where: Where{StepSetup, "", "timeZone"}}},
	{"card-over-cap", Finding{Code: RVOTE1, Where: Where{StepIdeas, "c1", "votes"}, Args: []string{"Plus de démos", "5", "3"}}},
	{"room-over-capacity", Finding{Code: RVOTE1, Where: Where{StepIdeas, "", "votes"}, Args: []string{"41", "24", "8", "3"}}},
	{"pdf-script", Finding{Code: RPDF1, Where: Where{StepSetup, "p1", "name"}, Args: []string{"Participant 2, nom", "Participant 2, name", "क (U+0915)", "script"}}},
	{"pdf-emoji", Finding{Code: RPDF1, Where: Where{StepObjectives, "o1", "title"}, Args: []string{"Objectif 1, titre", "Objective 1, title", "😀 (U+1F600)", "emoji"}}},
}

// messageWant is each case's message, French then English, as the former
// switch on the code wrote it (computed with it before the table).
var messageWant = map[string][2]string{
	"pdf-script": {
		"Participant 2, nom\u00a0: le PDF n’a pas de police pour ces caractères (क (U+0915))\u00a0; ils y sont remplacés par «\u00a0□\u00a0»\u00a0: écrivez-les dans une écriture latine, grecque, cyrillique, arabe, hébraïque, chinoise, japonaise ou coréenne.",
		"Participant 2, name: the PDF has no font for these characters (क (U+0915)); they are printed as “□”: write them in Latin, Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese or Korean script."},
	"pdf-emoji": {
		"Objectif 1, titre\u00a0: le PDF ne peut pas imprimer les émojis (😀 (U+1F600))\u00a0; chacun y est remplacé par «\u00a0□\u00a0».",
		"Objective 1, title: the PDF cannot print emoji (😀 (U+1F600)); each is printed as “□”."},
	"email-not-an-address": {
		"Participant «\u00a0Ana\u00a0»\u00a0: l’adresse e-mail «\u00a0ana@@x\u00a0» n’est pas valide\u00a0; corrigez-la (nom@domaine.fr) ou effacez-la pour que le calendrier puisse être exporté.",
		"Participant “Ana”: the e-mail address “ana@@x” is not valid; correct it (name@example.com) or clear it so that the calendar can be exported."},
	"period-inverted": {
		"Période\u00a0: elle finit (2026-01-01) avant de commencer (2027-01-01)\u00a0; corrigez la date de début ou de fin.",
		"Period: it ends (2026-01-01) before it starts (2027-01-01); correct the start or end date."},
	"tz-unknown": {
		"Fuseau horaire\u00a0: «\u00a0Europe/Pariss\u00a0» n’est pas un fuseau IANA connu\u00a0; choisissez-en un dans la liste (par exemple Europe/Paris) pour que le calendrier puisse être exporté.",
		"Time zone: “Europe/Pariss” is not a known IANA time zone; choose one from the list (for example Europe/Paris) so that the calendar can be exported."},
	"tz-none": {
		"Fuseau horaire\u00a0: aucun n’est indiqué\u00a0; le calendrier placera les rituels à la même heure dans chaque fuseau (09:00 à Paris comme à New York)\u00a0: choisissez-en un (par exemple Europe/Paris).",
		"Time zone: none is given; the calendar will show the rituals at the same clock time in every zone (09:00 in Paris and in New York alike): choose one (for example Europe/Paris)."},
	"card-over-cap": {
		"Carte «\u00a0Plus de démos\u00a0»\u00a0: 5 votes, au-delà du plafond de 3 par carte.",
		"Card “Plus de démos”: 5 votes, above the cap of 3 per card."},
	"room-over-capacity": {
		"Vote par points\u00a0: 41 votes sont comptés sur les cartes, plus que la salle ne pouvait en donner (8 participants × 3 votes = 24).",
		"Dot voting: 41 votes are counted on the cards, more than the room could give (8 participants × 3 votes = 24)."},
	"no-objective": {
		"La charte n’a encore aucun objectif collectif\u00a0: ajoutez-en au moins un.",
		"The charter has no collective objective yet: add at least one."},
	"five-objectives": {
		"La charte compte 5 objectifs collectifs\u00a0: gardez-en quatre au plus pour que l’équipe reste concentrée.",
		"The charter has 5 collective objectives: keep four at most so that the team stays focused."},
	"one-objective": {
		"La charte ne compte qu’un objectif collectif\u00a0: trois ou quatre couvrent en général mieux l’intention.",
		"The charter has only one collective objective: three to four usually cover the intent better."},
	"two-objectives": {
		"La charte ne compte que 2 objectifs collectifs\u00a0: trois ou quatre couvrent en général mieux l’intention.",
		"The charter has only 2 collective objectives: three to four usually cover the intent better."},
	"S-missing": {
		"Objectif «\u00a0Win\u00a0»\u00a0: l’énoncé spécifique n’est pas renseigné\u00a0; dites ce qui change, et pour qui.",
		"Objective “Win”: the specific statement is missing; say what changes, and for whom."},
	"S-kpi-name-untitled": {
		"Objectif 2 (sans titre)\u00a0: l’énoncé spécifique ne fait que nommer un indicateur («\u00a0Win rate\u00a0»)\u00a0; dites ce qui change, et pour qui.",
		"Objective 2 (untitled): the specific statement only names a KPI (“Win rate”); say what changes, and for whom."},
	"M-no-kpi": {
		"Objectif «\u00a0Win\u00a0»\u00a0: aucun indicateur ne le mesure, il n’est donc pas mesurable.",
		"Objective “Win”: no KPI measures it, so it is not measurable."},
	"A-missing": {
		"Objectif «\u00a0Win\u00a0»\u00a0: rien ne dit pourquoi il est atteignable\u00a0; donnez une justification, ou une valeur de départ pour l’un de ses indicateurs.",
		"Objective “Win”: nothing says why it is achievable; give a rationale, or a baseline for one of its KPIs."},
	"R-missing": {
		"Objectif «\u00a0Win\u00a0»\u00a0: son lien avec l’intention ou un objectif de l’entreprise n’est pas indiqué.",
		"Objective “Win”: its link to the intent or to a company objective is not stated."},
	"T-before": {
		"Objectif «\u00a0Win\u00a0»\u00a0: l’échéance (2026-12-01) tombe avant le début de la période (2027-01-01).",
		"Objective “Win”: the deadline (2026-12-01) falls before the period starts (2027-01-01)."},
	"no-priority-kpi": {
		"La charte n’a encore aucun indicateur prioritaire\u00a0: choisissez-en 3 à 5.",
		"The charter has no priority KPI yet: choose 3 to 5."},
	"one-priority-kpi": {
		"La charte ne compte qu’un indicateur prioritaire\u00a0: choisissez-en 3 à 5 (les indicateurs garde-fous ne comptent pas).",
		"The charter has only one priority KPI: choose 3 to 5 (guardrail KPIs do not count)."},
	"two-priority-kpis": {
		"La charte ne compte que 2 indicateurs prioritaires\u00a0: choisissez-en 3 à 5 (les indicateurs garde-fous ne comptent pas).",
		"The charter has only 2 priority KPIs: choose 3 to 5 (guardrail KPIs do not count)."},
	"six-priority-kpis": {
		"La charte compte 6 indicateurs prioritaires\u00a0: gardez-en 3 à 5 pour que l’équipe reste concentrée (les garde-fous ne comptent pas).",
		"The charter has 6 priority KPIs: keep 3 to 5 so that the team stays focused (guardrails do not count)."},
	"no-target": {
		"Indicateur «\u00a0Win rate\u00a0»\u00a0: la cible n’est pas renseignée.",
		"KPI “Win rate”: the target is missing."},
	"no-alert": {
		"Indicateur «\u00a0Win rate\u00a0»\u00a0: le seuil d’alerte n’est pas renseigné.",
		"KPI “Win rate”: the alert threshold is missing."},
	"no-frequency": {
		"Indicateur «\u00a0Win rate\u00a0»\u00a0: la fréquence de mesure (hebdomadaire, mensuelle ou trimestrielle) n’est pas renseignée.",
		"KPI “Win rate”: the measurement frequency (weekly, monthly or quarterly) is missing."},
	"no-owner": {
		"Indicateur «\u00a0Win rate\u00a0»\u00a0: personne n’est désigné pour le mesurer.",
		"KPI “Win rate”: nobody is named to measure it."},
	"no-target-type-unnamed": {
		"Indicateur 3 (sans nom)\u00a0: le type de cible (augmenter, diminuer, rester au moins ou au plus à) n’est pas renseigné.",
		"KPI 3 (unnamed): the target type (increase, decrease, stay at or above, stay at or below) is missing."},
	"other-field": {
		"Indicateur «\u00a0Win rate\u00a0»\u00a0: un champ obligatoire n’est pas renseigné.",
		"KPI “Win rate”: a required field is missing."},
	"alert-increase": {
		"Indicateur «\u00a0Win rate\u00a0»\u00a0: le seuil d’alerte (30) doit être inférieur à la cible (25) pour une cible de type «\u00a0augmenter jusqu’à\u00a0».",
		"KPI “Win rate”: the alert threshold (30) must be below the target (25) for an “increase to” target."},
	"alert-decrease": {
		"Indicateur «\u00a0Cycle\u00a0»\u00a0: le seuil d’alerte (40) doit être supérieur à la cible (50) pour une cible de type «\u00a0diminuer jusqu’à\u00a0».",
		"KPI “Cycle”: the alert threshold (40) must be above the target (50) for a “decrease to” target."},
	"alert-stay-above": {
		"Indicateur «\u00a0NRR\u00a0»\u00a0: le seuil d’alerte (100) doit être supérieur ou égal à la cible (105) pour une cible de type «\u00a0rester au moins à\u00a0».",
		"KPI “NRR”: the alert threshold (100) must be at or above the target (105) for a “stay at or above” target."},
	"alert-stay-below": {
		"Indicateur «\u00a0Churn\u00a0»\u00a0: le seuil d’alerte (5) doit être inférieur ou égal à la cible (3) pour une cible de type «\u00a0rester au plus à\u00a0».",
		"KPI “Churn”: the alert threshold (5) must be at or below the target (3) for a “stay at or below” target."},
	"no-effort": {
		"La charte n’a aucun indicateur d’effort\u00a0: ajoutez-en un qui suit les actions menant au résultat (rendez-vous, qualification…).",
		"The charter has no effort indicator: add one that tracks the actions leading to the result (meetings, qualification…)."},
	"no-result": {
		"La charte n’a aucun indicateur de résultat\u00a0: ajoutez-en un qui montre l’aboutissement (chiffre d’affaires, rétention, taux de gain…).",
		"The charter has no result indicator: add one that shows the outcome (revenue, retention, win rate…)."},
	"objective-unmeasured": {
		"Objectif «\u00a0Win\u00a0»\u00a0: aucun indicateur ne le mesure\u00a0; reliez-en au moins un.",
		"Objective “Win”: no KPI measures it; link at least one."},
	"kpi-unlinked": {
		"Indicateur «\u00a0Win rate\u00a0»\u00a0: il ne mesure aucun objectif\u00a0; reliez-le à l’objectif qu’il sert.",
		"KPI “Win rate”: it measures no objective; link it to the objective it serves."},
	"no-baseline": {
		"Indicateur «\u00a0Win rate\u00a0»\u00a0: la valeur de départ n’est pas renseignée\u00a0; sans elle, la progression ne peut pas être mesurée.",
		"KPI “Win rate”: the baseline is missing; without it, progress cannot be measured."},
	"num-kpi": {
		"Indicateur «\u00a0Win rate\u00a0»\u00a0: la valeur de départ est illisible — «\u00a0abc\u00a0» n’est pas un nombre (caractère inattendu «\u00a0a\u00a0»).",
		"KPI “Win rate”: the baseline cannot be read — “abc” is not a number (unexpected character “a”)."},
	"num-cascade-team": {
		"Déclinaison de «\u00a0Bookings\u00a0», équipe «\u00a0North\u00a0»\u00a0: la cible est illisible — «\u00a01,2,3\u00a0» n’est pas un nombre (plusieurs séparateurs décimaux\u00a0; en français, la virgule sépare les décimales).",
		"Cascade of “Bookings”, team “North”: the target cannot be read — “1,2,3” is not a number (more than one decimal point; in English, the dot separates decimals)."},
	"num-cascade-line": {
		"Déclinaison 2, ligne 3\u00a0: la cible est illisible — «\u00a0x\u00a0» n’est pas un nombre (caractère inattendu «\u00a0x\u00a0»).",
		"Cascade 2, line 3: the target cannot be read — “x” is not a number (unexpected character “x”)."},
	"num-share": {
		"Intéressement\u00a0: la part de variable est illisible — «\u00a0dix\u00a0» n’est pas un nombre (caractère inattendu «\u00a0d\u00a0»).",
		"Incentives: the share of variable pay cannot be read — “dix” is not a number (unexpected character “d”)."},
	"num-other": {
		"Nombre\u00a0: la valeur est illisible — aucun nombre n’a été saisi.",
		"Number: the value cannot be read — no number was typed."},
	"two-pilots": {
		"Objectif «\u00a0Win\u00a0»\u00a0: 2 pilotes\u00a0; n’en gardez qu’un.",
		"Objective “Win”: 2 Pilots; keep exactly one."},
	"no-pilot": {
		"Objectif «\u00a0Win\u00a0»\u00a0: aucun pilote\u00a0; désignez-en exactement un.",
		"Objective “Win”: no Pilot; name exactly one."},
	"no-contributor": {
		"Objectif «\u00a0Win\u00a0»\u00a0: aucun contributeur\u00a0; désignez-en au moins un.",
		"Objective “Win”: no Contributor; name at least one."},
	"no-approver": {
		"Objectif «\u00a0Win\u00a0»\u00a0: aucun approbateur\u00a0; désignez-en au moins un.",
		"Objective “Win”: no Approver; name at least one."},
	"pilot-approves": {
		"Objectif «\u00a0Win\u00a0»\u00a0: son pilote (Alice Martin) en est le seul approbateur\u00a0; ajoutez un approbateur qui ne pilote pas l’objectif.",
		"Objective “Win”: its Pilot (Alice Martin) is its only Approver; add an approver who does not pilot it."},
	"no-side-effect": {
		"Objectif «\u00a0Win\u00a0»\u00a0: aucun effet de bord n’est anticipé\u00a0; nommez-en au moins un, avec si possible un indicateur garde-fou.",
		"Objective “Win”: no side effect is anticipated; name at least one, with a guardrail KPI if possible."},
	"no-weekly": {
		"Aucun rituel hebdomadaire n’est prévu\u00a0: une synchronisation hebdomadaire fait vivre les objectifs.",
		"No weekly ritual is planned: a weekly sync keeps the objectives alive."},
	"no-monthly": {
		"Aucun rituel mensuel n’est prévu\u00a0: une revue mensuelle confronte les indicateurs à leurs cibles.",
		"No monthly ritual is planned: a monthly review checks the KPIs against their targets."},
	"no-quarterly": {
		"Aucun rituel trimestriel n’est prévu\u00a0: une QBR prend du recul sur les objectifs.",
		"No quarterly ritual is planned: a QBR steps back to look at the objectives."},
	"ritual-no-minutes": {
		"Rituel «\u00a0Weekly sync\u00a0»\u00a0: aucune durée\u00a0; indiquez-la en minutes pour le calendrier.",
		"Ritual “Weekly sync”: no duration; give it in minutes for the calendar."},
	"ritual-no-time-unnamed": {
		"Rituel 2 (sans nom)\u00a0: aucune heure\u00a0; indiquez-la au format HH:MM (par exemple 09:30) pour le calendrier.",
		"Ritual 2 (unnamed): no time; give it as HH:MM (for example 09:30) for the calendar."},
	"ritual-bad-time": {
		"Rituel «\u00a0QBR\u00a0»\u00a0: l’heure «\u00a09h30\u00a0» ne s’écrit pas HH:MM (par exemple 09:30)\u00a0; le calendrier ne peut pas le placer.",
		"Ritual “QBR”: the time “9h30” is not written HH:MM (for example 09:30); the calendar cannot place it."},
	"cascade-above": {
		"Déclinaison de «\u00a0Churn\u00a0»\u00a0: les cibles des équipes totalisent 1\u202f234,5, plus que la cible collective (1 000), qui est un plafond.",
		"Cascade of “Churn”: the team targets add up to 1,234.5, more than the collective target (1 000), which is a ceiling."},
	"cascade-below-unnamed": {
		"Déclinaison 2\u00a0: les cibles des équipes totalisent 20, moins que la cible collective (30).",
		"Cascade 2: the team targets add up to 20, less than the collective target (30)."},
	"no-incentive": {
		"Aucun alignement de la rémunération variable n’est indiqué\u00a0: précisez si une part du variable individuel dépend des indicateurs collectifs.",
		"No incentive alignment is recorded: say whether a share of individual variable pay depends on the collective KPIs."},
	"share-out-of-range": {
		"Intéressement\u00a0: la part de variable (120) doit être comprise entre 0 et 100\u00a0%.",
		"Incentives: the share of variable pay (120) must be between 0 and 100%."},
}

// Each rule's message, under its code: the table keeps every text of the
// former switch exactly.
func TestFindingMessages_ByRuleCode_Issue8_7(t *testing.T) {
	for _, c := range messageCases {
		t.Run(string(c.f.Code)+"/"+c.name, func(t *testing.T) {
			want, ok := messageWant[c.name]
			if !ok {
				t.Fatalf("no expected message for %s", c.name)
			}
			if got := c.f.Message(FR); got != want[0] {
				t.Errorf("FR\n got %q\nwant %q", got, want[0])
			}
			if got := c.f.Message(EN); got != want[1] {
				t.Errorf("EN\n got %q\nwant %q", got, want[1])
			}
		})
	}
}

// Every rule code has a message, and the cases above cover every code.
func TestFindingMessages_EveryRuleCode_Issue8_7(t *testing.T) {
	codes := []RuleCode{ROBJ1, ROBJ2, ROBJ3, RSMART1, RSMART2, RSMART3, RSMART4, RSMART5, RKPI1, RKPI2, RKPI3, RKPI4,
		RKPI5, RKPI6, RNUM1, RROLE1, RROLE2, RROLE3, RROLE4, RSIDE1, RRIT1, RRIT2, RCAS1, RINC1, RINC2, RPEO1, RPER1, RTZ1, RTZ2, RVOTE1, RPDF1}
	covered := map[RuleCode]bool{}
	for _, c := range messageCases {
		covered[c.f.Code] = true
	}
	for _, code := range codes {
		if _, ok := ruleMessages[code]; !ok {
			t.Errorf("%s has no message", code)
		}
		if !covered[code] {
			t.Errorf("%s has no message case", code)
		}
	}
	if len(ruleMessages) != len(codes) {
		t.Errorf("%d messages for %d codes", len(ruleMessages), len(codes))
	}
}

// A finding with fewer Args than its rule names (a file from elsewhere)
// still gives a sentence, never a panic; extra Args are ignored.
func TestFindingMessages_MissingOrExtraArgs_Issue8_7(t *testing.T) {
	for code := range ruleMessages {
		for _, args := range [][]string{nil, {"x"}, {"a", "b", "c", "d", "e", "f", "g", "h"}} {
			f := Finding{Code: code, Args: args}
			for _, l := range []Lang{FR, EN} {
				if m := f.Message(l); m == "" || m == string(code) {
					t.Errorf("%s %q in %s: %q", code, args, l, m)
				}
			}
		}
	}
}
