package main

import "boussole/workshop"

// cliText is the command line's catalog for what it prints in the
// charter's language (the summary of `show`): key → French, English. The
// window's catalogs are assets/translations; the command line keeps its
// own few words here, beside the code that prints them.
var cliText = map[string][2]string{
	"colon":            {" : ", ": "}, // French puts a space before the colon
	"semicolon":        {" ; ", "; "}, // and before the semicolon
	"quote.open":       {"« ", "“"},
	"quote.close":      {" »", "”"},
	"id":               {"identifiant", "id"},
	"scope":            {"périmètre", "scope"},
	"period":           {"période", "period"},
	"language":         {"langue", "language"},
	"timezone":         {"fuseau", "time zone"},
	"facilitator":      {"animateur", "facilitator"},
	"status":           {"statut", "status"},
	"revision":         {"révision", "revision"},
	"reason":           {"motif", "reason"},
	"seal":             {"sceau", "seal"},
	"objectives":       {"Objectifs collectifs", "Collective objectives"},
	"deadline":         {"Échéance", "Deadline"},
	"kpis":             {"KPI", "KPIs"},
	"guardrail":        {"garde-fou", "guardrail"},
	"alert":            {"seuil d'alerte", "alert"},
	"baseline":         {"départ", "baseline"},
	"owner":            {"Mesuré par", "Owner"},
	"approvers":        {"Approbateurs", "Approvers"},
	"findings":         {"Constats", "Findings"},
	"errors":           {"erreurs", "errors"},
	"warnings":         {"avertissements", "warnings"},
	"infos":            {"informations", "infos"},
	"signed.on":        {"signé le ", "signed on "},
	"declined.on":      {"a refusé le", "declined on"},
	"not.signed":       {"non signé", "not signed"},
	"signature.wait":   {"signature attendue", "to sign"},
	"unverified.on":    {"signature non vérifiée du ", "unverified signature of "},
	"sign.again":       {"à signer de nouveau", "to sign again"},
	"trust.other":      {"signé sur un autre ordinateur — clé ", "signed on another computer — key "},
	"trust.earlier":    {"non signé (fait avec une version antérieure)", "unsigned (made with an earlier version)"},
	"trust.unverified": {"non vérifié (importé sans signature cryptographique)", "unverified (imported without a cryptographic signature)"},
	"trust.invalid":    {"la signature ne se vérifie pas", "the signature does not verify"},

	// verify: the PDF signature, after the seal's verdict.
	"pdfsig.signer": {"%s, clé %s, le %s", "%s, key %s, on %s"},
	"pdfsig.valid.here": {"Signature PDF : valide, faite par cette installation de Boussole (%s) ; aucun octet n’a changé depuis. Elle prouve quelle installation a scellé la charte, pas l’identité de chaque approbateur.",
		"PDF signature: valid, made by this installation of Boussole (%s); no byte has changed since. It proves which installation sealed the charter, not each approver's identity."},
	"pdfsig.valid.other": {"Signature PDF : valide, faite par une autre installation de Boussole, sur un autre ordinateur (%s) ; aucun octet n’a changé depuis. Elle prouve quelle installation a scellé la charte, pas l’identité de chaque approbateur.",
		"PDF signature: valid, made by another installation of Boussole, on another computer (%s); no byte has changed since. It proves which installation sealed the charter, not each approver's identity."},
	"pdfsig.valid.foreign": {"Signature PDF : valide, mais faite avec un certificat qui n’est pas celui d’une installation de Boussole (%s) : ce n’est pas la signature de Boussole.",
		"PDF signature: valid, but made with a certificate that is not a Boussole installation's (%s): it is not Boussole's signature."},
	"pdfsig.appended": {"Signature PDF : valide pour les octets signés (%s), mais des octets ont été ajoutés au fichier après la signature : ce qu’affiche un lecteur de PDF peut différer de ce qui a été signé. Demandez le fichier original.",
		"PDF signature: valid for the bytes it signed (%s), but bytes were added to the file after signing: what a PDF reader shows may differ from what was signed. Ask for the original file."},
	"pdfsig.changed": {"Signature PDF : invalide, les octets signés ont changé depuis la signature (une modification, ou un programme qui a réenregistré le fichier).",
		"PDF signature: invalid, the signed bytes have changed since signing (an edit, or a program that re-saved the file)."},
	"pdfsig.invalid": {"Signature PDF : invalide, elle ne se vérifie pas avec la clé de son certificat ou elle est mal formée.",
		"PDF signature: invalid, it does not verify with the key of its certificate or it is malformed."},
	"pdfsig.none": {"Signature PDF : aucune.", "PDF signature: none."},
	"pdfsig.none.earlier": {"Signature PDF : aucune ; cette révision a été signée avant les clés d’installation de Boussole, et c’est le sceau ci-dessus qui la garantit.",
		"PDF signature: none; this revision was signed before Boussole's installation keys, and the seal above is what vouches for it."},
	"pdfsig.import": {"Sa session n’est pas dans ces données : importez son fichier .boussole pour vérifier son sceau et ses signataires.",
		"Its session is not in this data: import its .boussole file to check its seal and its signers."},
	"room.open":     {"Salle ouverte", "Room open"},
	"room.code":     {"code", "code"},
	"room.devices":  {"appareils connectés", "devices connected"},
	"room.phase":    {"phase", "phase"},
	"room.closed":   {"Salle fermée.", "Room closed."},
	"room.commands": {"Commandes : collect, vote, reveal, close.", "Commands: collect, vote, reveal, close."},
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
