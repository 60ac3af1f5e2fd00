package workshop

import "time"

// enumLabels maps every stored enum value to its French and English label.
// Several enums share a value ("weekly" is a frequency and a cadence,
// "result" a KPI kind and a decision type, "other" a function and a
// purpose); the label is chosen so that it reads right for each of them.
var enumLabels = map[string][2]string{ // value → {fr, en}
	// Functions.
	string(FuncSales):      {"Ventes", "Sales"},
	string(FuncMarketing):  {"Marketing", "Marketing"},
	string(FuncCS):         {"Succès client", "Customer success"},
	string(FuncLeadership): {"Direction", "Leadership"},
	string(FuncFinance):    {"Finance", "Finance"},
	string(FuncOperations): {"Opérations", "Operations"},
	string(FuncOther):      {"Autre", "Other"},

	// Purposes.
	string(PurposeGrowth):        {"Croissance", "Growth"},
	string(PurposeProfitability): {"Rentabilité", "Profitability"},
	string(PurposePenetration):   {"Pénétration de marché", "Market penetration"},
	string(PurposeUpCrossSell):   {"Vente additionnelle et croisée", "Up-sell and cross-sell"},
	string(PurposeExperience):    {"Expérience client", "Customer experience"},

	// KPI kinds ("result" is shared with the decision type below).
	string(KindEffort): {"Effort", "Effort"},

	// Units.
	string(UnitPercent): {"%", "%"},
	string(UnitDays):    {"jours", "days"},
	string(UnitEUR):     {"€", "€"},
	string(UnitUSD):     {"$", "$"},
	string(UnitCount):   {"nombre", "count"},
	string(UnitPoints):  {"points", "points"},
	string(UnitRatio):   {"ratio", "ratio"},

	// Target types.
	string(IncreaseTo):    {"augmenter jusqu’à", "increase to"},
	string(DecreaseTo):    {"diminuer jusqu’à", "decrease to"},
	string(StayAtOrAbove): {"rester au moins à", "stay at or above"},
	string(StayAtOrBelow): {"rester au plus à", "stay at or below"},

	// Frequencies and cadences (shared values).
	string(Weekly):          {"Chaque semaine", "Weekly"},
	string(CadenceBiweekly): {"Toutes les deux semaines", "Every two weeks"},
	string(Monthly):         {"Chaque mois", "Monthly"},
	string(Quarterly):       {"Chaque trimestre", "Quarterly"},

	// Roles.
	string(RolePilot):       {"Pilote", "Pilot"},
	string(RoleContributor): {"Contributeur", "Contributor"},
	string(RoleApprover):    {"Approbateur", "Approver"},
	string(RoleInformed):    {"Informé", "Informed"},

	// Dimensions.
	string(DimSegment): {"Segment", "Segment"},
	string(DimProduct): {"Produit", "Product"},
	string(DimRegion):  {"Région", "Region"},
	string(DimChannel): {"Canal", "Channel"},

	// Ritual kinds.
	string(RitualWeeklySync):    {"Synchronisation hebdomadaire", "Weekly sync"},
	string(RitualMonthlyReview): {"Revue mensuelle", "Monthly review"},
	string(RitualQBR):           {"QBR (revue trimestrielle)", "QBR (quarterly business review)"},
	string(RitualCustom):        {"Rituel personnalisé", "Custom ritual"},

	// Decision types ("result" is also the KPI kind).
	string(DecisionDecision):   {"Décision", "Decision"},
	string(DecisionHypothesis): {"Hypothèse", "Hypothesis"},
	string(DecisionTest):       {"Test", "Test"},
	string(DecisionResult):     {"Résultat", "Result"},

	// Card kinds.
	string(CardObjective):  {"Objectif", "Objective"},
	string(CardKPI):        {"KPI", "KPI"},
	string(CardSideEffect): {"Effet de bord", "Side effect"},

	// Revision and summary statuses.
	string(StatusDraft):  {"Brouillon", "Draft"},
	"signing":            {"En signature", "Being signed"},
	string(StatusSigned): {"Signée", "Signed"},
	StageUnverified:      {"Signée, non vérifiée", "Signed, unverified"},

	// KPI statuses (the constants live with the status rules).
	"achieved": {"Atteint", "Achieved"},
	"alert":    {"Alerte", "Alert"},
	"at-risk":  {"À risque", "At risk"},
	"on-track": {"En bonne voie", "On track"},
	"outdated": {"Pas à jour", "Outdated"},
	"no-data":  {"Aucune donnée", "No data"},

	// Finding severities.
	string(SevError):   {"Erreur", "Error"},
	string(SevWarning): {"Avertissement", "Warning"},
	string(SevInfo):    {"Information", "Information"},

	// Steps of the journey.
	StepSetup:      {"Préparation", "Set-up"},
	StepIntent:     {"Intention", "Intent"},
	StepIdeas:      {"Idées et vote", "Ideas and vote"},
	StepObjectives: {"Objectifs collectifs", "Collective objectives"},
	StepKPIs:       {"KPI et seuils", "KPIs and thresholds"},
	StepRoles:      {"Rôles", "Roles"},
	StepCascade:    {"Déclinaison", "Cascade"},
	StepRituals:    {"Rituels", "Rituals"},
	StepIncentives: {"Rémunération variable", "Incentives"},
	StepLog:        {"Journal des décisions", "Decision log"},
	StepReview:     {"Revue et signature", "Review and sign-off"},

	// Languages.
	string(FR): {"Français", "French"},
	string(EN): {"Anglais", "English"},
}

// Label returns the French or English label of an enum value (function,
// purpose, KPI kind, unit, target type, frequency, cadence, role, dimension,
// ritual kind, decision type, card kind, revision or summary status, KPI
// status, severity, step, language). An unknown value — a custom unit, say —
// is returned as it is.
func Label(l Lang, value string) string {
	p, ok := enumLabels[value]
	if !ok {
		return value
	}
	if l == FR {
		return p[0]
	}
	return p[1]
}

var weekdayLabels = [7][2]string{
	{"dimanche", "Sunday"},
	{"lundi", "Monday"},
	{"mardi", "Tuesday"},
	{"mercredi", "Wednesday"},
	{"jeudi", "Thursday"},
	{"vendredi", "Friday"},
	{"samedi", "Saturday"},
}

// WeekdayLabel returns the name of a weekday in the language (French
// weekdayLabels take no capital).
func WeekdayLabel(l Lang, d time.Weekday) string {
	if d < time.Sunday || d > time.Saturday {
		return ""
	}
	if l == FR {
		return weekdayLabels[d][0]
	}
	return weekdayLabels[d][1]
}
