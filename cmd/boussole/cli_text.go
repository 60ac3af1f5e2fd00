package main

import "boussole/workshop"

// cliText is the command line's catalog for what it prints in the
// charter's language (the summary of `show`): key → French, English. The
// window's catalogs are assets/translations; the command line keeps its
// own few words here, beside the code that prints them.
var cliText = map[string][2]string{
	"colon":          {" : ", ": "}, // French puts a space before the colon
	"quote.open":     {"« ", "“"},
	"quote.close":    {" »", "”"},
	"id":             {"identifiant", "id"},
	"scope":          {"périmètre", "scope"},
	"period":         {"période", "period"},
	"language":       {"langue", "language"},
	"facilitator":    {"animateur", "facilitator"},
	"status":         {"statut", "status"},
	"revision":       {"révision", "revision"},
	"reason":         {"motif", "reason"},
	"seal":           {"sceau", "seal"},
	"objectives":     {"Objectifs collectifs", "Collective objectives"},
	"deadline":       {"Échéance", "Deadline"},
	"kpis":           {"KPI", "KPIs"},
	"guardrail":      {"garde-fou", "guardrail"},
	"alert":          {"seuil d'alerte", "alert"},
	"baseline":       {"départ", "baseline"},
	"owner":          {"Mesuré par", "Owner"},
	"approvers":      {"Approbateurs", "Approvers"},
	"findings":       {"Constats", "Findings"},
	"errors":         {"erreurs", "errors"},
	"warnings":       {"avertissements", "warnings"},
	"infos":          {"informations", "infos"},
	"signed.on":      {"signé le ", "signed on "},
	"declined.on":    {"a refusé le", "declined on"},
	"not.signed":     {"non signé", "not signed"},
	"signature.wait": {"signature attendue", "to sign"},
	"room.open":      {"Salle ouverte", "Room open"},
	"room.code":      {"code", "code"},
	"room.devices":   {"appareils connectés", "devices connected"},
	"room.phase":     {"phase", "phase"},
	"room.closed":    {"Salle fermée.", "Room closed."},
	"room.commands":  {"Commandes : collect, vote, reveal, close.", "Commands: collect, vote, reveal, close."},
}

// cliSay returns the text of key in l: French for French, else English.
// An unknown key shows itself, and a test keeps every key used known.
func cliSay(l workshop.Lang, key string) string {
	t, ok := cliText[key]
	switch {
	case !ok:
		return key
	case l == workshop.FR:
		return t[0]
	}
	return t[1]
}
