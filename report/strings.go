package report

import (
	"fmt"
	"strings"

	"boussole/workshop"
)

// nbsp and withUnit are the workshop typography's, named short for the
// PDF and calendar code.
const nbsp = workshop.NBSP

var withUnit = workshop.WithUnit

// catalog holds the texts of the exports, French then English. French
// texts are written with ordinary spaces; tr adds the no-break spaces of
// French typography (workshop.FrenchSpaces).
var catalog = map[string][2]string{
	"doc.kind":       {"Charte d’objectifs collectifs", "Collective objectives charter"},
	"doc.draft":      {"BROUILLON", "DRAFT"},
	"doc.subject":    {"Charte d’objectifs collectifs — %s — %s", "Collective objectives charter — %s — %s"},
	"doc.subject1":   {"Charte d’objectifs collectifs — %s", "Collective objectives charter — %s"},
	"cover.scope":    {"Périmètre", "Scope"},
	"cover.period":   {"Période", "Period"},
	"cover.revision": {"Révision", "Revision"},
	"cover.facil":    {"Facilitation", "Facilitator"},
	"cover.people":   {"Participants", "Participants"},
	"cover.brief":    {"En bref", "At a glance"},
	"cover.signedBy": {"Signée le %s par %s.", "Signed on %s by %s."},
	"cover.draft":    {"Brouillon : ce document n’est pas scellé et peut encore changer.", "Draft: this document is not sealed and may still change."},
	"cover.pilot":    {"Pilote", "Pilot"},
	"cover.alert":    {"alerte %s", "alert %s"},
	"kpi.unreadable": {"illisible", "unreadable"},
	"cover.hold":     {"à maintenir %s", "to stay %s"},
	"cover.holdFrom": {"%s, à maintenir %s", "%s, to stay %s"},

	"sec.intent":     {"Intention", "Intent"},
	"sec.objectives": {"Objectifs collectifs", "Collective objectives"},
	"sec.kpis":       {"KPI et seuils", "KPIs and thresholds"},
	"sec.roles":      {"Rôles : qui pilote, qui contribue, qui approuve", "Roles: who leads, who contributes, who approves"},
	"sec.cascade":    {"Déclinaison", "Cascade"},
	"sec.rituals":    {"Rituels d’exécution", "Execution rituals"},
	"sec.incentives": {"Rémunération variable", "Incentives"},
	"sec.log":        {"Journal des décisions", "Decision log"},
	"sec.changes":    {"Modifications depuis la révision %d", "Changes since revision %d"},
	"sec.signatures": {"Signatures et sceau", "Sign-off and seal"},
	"sec.people":     {"Participants", "Participants"},

	"intent.purpose":   {"Finalité", "Purpose"},
	"intent.statement": {"Intention", "Intent statement"},
	"intent.company":   {"Objectifs entreprise", "Company objectives"},
	"intent.hyp":       {"Hypothèses", "Hypotheses"},

	"obj.S":         {"S — Spécifique", "S — Specific"},
	"obj.M":         {"M — Mesurable", "M — Measurable"},
	"obj.A":         {"A — Atteignable", "A — Achievable"},
	"obj.R":         {"R — Pertinent", "R — Relevant"},
	"obj.T":         {"T — Échéance", "T — Time-bound"},
	"obj.side":      {"Effets de bord anticipés", "Anticipated side effects"},
	"obj.guardrail": {"garde-fou : %s", "guardrail: %s"},
	"obj.noSide":    {"Aucun effet de bord anticipé.", "No side effect anticipated."},
	"obj.noKPI":     {"Aucun KPI ne mesure cet objectif.", "No KPI measures this objective."},
	"obj.kpiLine":   {"%s : cible %s (seuil d’alerte %s)", "%s: target %s (alert threshold %s)"},
	"obj.none":      {"Aucun objectif collectif.", "No collective objective."},

	"kpi.name":      {"KPI", "KPI"},
	"kpi.kind":      {"Nature", "Kind"},
	"kpi.unit":      {"Unité", "Unit"},
	"kpi.type":      {"Type de cible", "Target type"},
	"kpi.baseline":  {"Départ", "Baseline"},
	"kpi.target":    {"Cible", "Target"},
	"kpi.alert":     {"Seuil d’alerte", "Alert threshold"},
	"kpi.freq":      {"Fréquence", "Frequency"},
	"kpi.source":    {"Source", "Source"},
	"kpi.owner":     {"Responsable", "Owner"},
	"kpi.defs":      {"Définitions", "Definitions"},
	"kpi.measures":  {"Mesure : %s.", "Measures: %s."},
	"kpi.guardrail": {"garde-fou", "guardrail"},
	"kpi.none":      {"Aucun KPI.", "No KPI."},
	"kind.result":   {"Résultat", "Result"},

	"roles.who":    {"Participant", "Participant"},
	"roles.none":   {"Aucun rôle attribué.", "No role assigned."},
	"people.name":  {"Nom", "Name"},
	"people.func":  {"Fonction", "Function"},
	"people.email": {"Courriel", "E-mail"},

	"cas.title":    {"%s — par %s", "%s — by %s"},
	"cas.team":     {"Équipe ou valeur", "Team or value"},
	"cas.target":   {"Cible", "Target"},
	"cas.sum":      {"Somme des cibles des équipes", "Sum of the team targets"},
	"cas.coll":     {"Cible collective", "Collective target"},
	"cas.ok":       {"Somme des équipes %s ; cible collective %s : cohérent.", "Sum of the teams %s; collective target %s: consistent."},
	"cas.short":    {"Somme des équipes %s ; cible collective %s : la somme est inférieure à la cible collective.", "Sum of the teams %s; collective target %s: the sum is below the collective target."},
	"cas.over":     {"Somme des équipes %s ; cible collective %s : la somme dépasse la cible collective, qui est un plafond.", "Sum of the teams %s; collective target %s: the sum is above the collective target, which is a ceiling."},
	"cas.empty":    {"Aucune cible d’équipe n’est encore saisie.", "No team target is entered yet."},
	"cas.nokpi":    {"Aucune somme n’est vérifiée : le KPI décliné n’est pas dans la charte.", "No sum is checked: the cascaded KPI is not in the charter."},
	"cas.notarget": {"Somme des équipes %s ; la cible collective n’est pas lisible, rien à comparer.", "Sum of the teams %s; the collective target cannot be read, nothing to compare with."},
	"cas.unread":   {"Somme non calculable : une cible n’est pas lisible.", "Sum not computed: a target cannot be read."},
	"cas.nosum":    {"Unité non additive (%s) : aucune somme n’est vérifiée ; cible collective %s.", "Unit not additive (%s): no sum is checked; collective target %s."},
	"cas.none":     {"Aucune déclinaison.", "No cascade."},
	"cas.unknown":  {"KPI inconnu", "Unknown KPI"},
	"rit.when":     {"%s, le %s à %s, %d min", "%s, %s at %s, %d min"},
	"rit.whenM":    {"%s, le premier %s du mois à %s, %d min", "%s, first %s of the month at %s, %d min"},
	"rit.whenQ":    {"%s, le premier %s du trimestre à %s, %d min", "%s, first %s of the quarter at %s, %d min"},
	"rit.who":      {"Participants", "Attendees"},
	"rit.agenda":   {"Ordre du jour", "Agenda"},
	"rit.none":     {"Aucun rituel.", "No ritual."},
	"inc.on":       {"Part de la rémunération variable individuelle indexée sur les KPI collectifs : %s.", "Share of individual variable pay indexed on the collective KPIs: %s."},
	"inc.off":      {"Aucun alignement de la rémunération variable n’est prévu.", "No incentive alignment recorded."},
	"inc.note":     {"Précisions", "Notes"},
	"log.date":     {"Date", "Date"},
	"log.type":     {"Type", "Type"},
	"log.text":     {"Entrée", "Entry"},
	"log.author":   {"Auteur", "Author"},
	"log.link":     {"Lien", "Link"},
	"log.none":     {"Journal vide.", "The log is empty."},
	"log.late":     {"Ajouté après la signature", "Added after signing"},
	"log.lateNote": {"Ces entrées ont été ajoutées au journal après la signature ; elles ne font pas partie du contenu scellé.", "These entries were added to the log after sign-off; they are not part of the sealed content."},
	"chg.reason":   {"Motif de l’amendement", "Reason for the amendment"},
	"chg.none":     {"Aucune modification du contenu.", "No change to the content."},
	"chg.before":   {"Avant", "Before"},
	"chg.after":    {"Après", "After"},
	"sig.name":     {"Nom", "Name"},
	"sig.role":     {"Rôle", "Role"},
	"sig.date":     {"Date", "Date"},
	"sig.comment":  {"Commentaire", "Comment"},
	"sig.key":      {"Clé de signature", "Signing key"},
	"sig.keyOf":    {"clé %s", "key %s"},
	"sig.earlier":  {"sans clé (version antérieure)", "no key (earlier version)"},
	"sig.unverif":  {"non vérifiée (importée sans signature)", "unverified (imported unsigned)"},
	"sig.invalid":  {"signature invalide", "invalid signature"},
	"sig.approver": {"Approbateur · %s", "Approver · %s"},
	"sig.pending":  {"En attente de signature", "Awaiting signature"},
	"sig.declines": {"Refus", "Declined"},
	"sig.reason":   {"Motif", "Reason"},
	"sig.none":     {"Aucune signature.", "No signature yet."},
	"sig.seal":     {"Sceau (SHA-256 du contenu de la révision)", "Seal (SHA-256 of the revision’s content)"},
	"sig.sealNote": {"Le sceau couvre tout le contenu de ce document sauf les signatures et les entrées ajoutées après la signature. « boussole verify » le recalcule.", "The seal covers all the content of this document except the signatures and the entries added after signing. “boussole verify” recomputes it."},
	"sig.draft":    {"Non scellée — brouillon", "Not sealed — draft"},
	"empty":        {"Non renseigné", "Not provided"},

	"sig.digital": {"Ce PDF porte une signature numérique faite avec la clé de l’installation de Boussole qui a scellé la charte (son certificat nomme l’ordinateur). Elle prouve quelle installation a scellé la charte et qu’aucun octet n’a changé depuis ; elle ne prouve pas l’identité de chaque approbateur.",
		"This PDF carries a digital signature made with the key of the Boussole installation that sealed the charter (its certificate names the computer). It proves which installation sealed the charter and that no byte has changed since; it does not prove each approver’s identity."},
	"sig.noDigital": {"Ce PDF ne porte pas de signature numérique : cette révision a été signée avec une version antérieure de Boussole, avant les clés d’installation. « boussole verify » la vérifie contre les données.",
		"This PDF carries no digital signature: this revision was signed with an earlier version of Boussole, before installation keys. “boussole verify” checks it against the data."},
	"sig.pdfReason": {"Charte signée par ses approbateurs, révision %d, sceau %s", "Charter signed by its approvers, revision %d, seal %s"},
}

// tr returns the text of key in the language, formatted with args.
// Arguments are user data: they are inserted after the French spacing is
// applied so that what people typed is printed as typed.
func tr(l workshop.Lang, key string, args ...any) string { return text(catalog, l, key, args...) }

// text is key's text in cat, in language l (French with its no-break
// spaces), formatted with args. A key missing from cat is a programming
// error the tests catch.
func text(cat map[string][2]string, l workshop.Lang, key string, args ...any) string {
	p, ok := cat[key]
	if !ok {
		panic("report: no text for " + key)
	}
	s := p[1]
	if l == workshop.FR {
		s = workshop.FrenchSpaces(p[0])
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}

// longDate and dateText write dates as people read them
// (workshop.LongDate, workshop.DateText).
var (
	longDate = workshop.LongDate
	dateText = workshop.DateText
)

// shortDate is the compact form used in tables: "03/01/2027", "2027-01-03".
func shortDate(l workshop.Lang, d workshop.Date) string {
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	if l == workshop.FR {
		return t.Format("02/01/2006")
	}
	return t.Format("2006-01-02")
}

// listJoin joins names as a sentence: "A, B et C" / "A, B and C".
func listJoin(l workshop.Lang, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and := " and "
	if l == workshop.FR {
		and = " et "
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}

// orDash returns s, or a dash when s is blank.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// kindLabel names a KPI kind; "result" shares its value with a decision
// type, whose label reads the same.
func kindLabel(l workshop.Lang, k workshop.KPIKind) string {
	if k == workshop.KindResult {
		return tr(l, "kind.result")
	}
	return workshop.Label(l, string(k))
}
