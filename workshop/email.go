package workshop

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ValidEmail reports whether s, as typed (spaces around it aside), is a
// plain e-mail address: one @, a local part and a domain of dot-separated
// labels, at most 254 bytes, with no space, control character or any of
// the characters that would let it forge another line or parameter in a
// calendar or a mail header (" , ; : < > ( ) [ ] \). Letters beyond ASCII
// are accepted (internationalised addresses). Empty is not an address.
func ValidEmail(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 254 || !utf8.ValidString(s) {
		return false
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || len(local) > 64 || domain == "" || strings.Contains(domain, "@") {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError || strings.ContainsRune(`",;:<>()[]\`, r) ||
			unicode.Is(unicode.Cf, r) { // invisible format characters (bidi overrides, zero-width joiners)
			return false
		}
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, lb := range labels {
		if lb == "" || len(lb) > 63 || strings.HasPrefix(lb, "-") || strings.HasSuffix(lb, "-") {
			return false
		}
		for _, r := range lb {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				return false
			}
		}
	}
	return true
}

// emails reports R-PEO-1 (warning, beyond PRODUCT.md): a participant whose
// e-mail, when given, is not a valid address; the calendar export refuses
// it. Args: the participant's name, its 1-based position, the e-mail as
// typed. Where: the setup step, the participant's id, field "email".
func (v *validator) emails() {
	for i, p := range v.c.Participants {
		if strings.TrimSpace(p.Email) != "" && !ValidEmail(p.Email) {
			v.add(RPEO1, SevWarning, Where{StepSetup, p.ID, "email"}, p.Name, pos(i), p.Email)
		}
	}
}

// emailFindingMessage writes R-PEO-1. What was typed is shown with its
// control characters made visible and cut to 80 characters.
func emailFindingMessage(l Lang, name, position, email string) string {
	subject := tr(l, "Participant ", "Participant ") + Quote(l, visibleCut(name, 80))
	if strings.TrimSpace(name) == "" {
		subject = tr(l, "Participant "+position+" (sans nom)", "Participant "+position+" (unnamed)")
	}
	return sentence(l, subject, tr(l, "l’adresse e-mail ", "the e-mail address ")+Quote(l, visibleCut(email, 80))+
		tr(l, " n’est pas valide ; corrigez-la (nom@domaine.fr) ou effacez-la pour que le calendrier puisse être exporté",
			" is not valid; correct it (name@example.com) or clear it so that the calendar can be exported"))
}

// visibleCut returns s with control and invisible format characters shown
// as U+FFFD, cut to n runes with "…".
func visibleCut(s string, n int) string {
	var b strings.Builder
	count := 0
	for _, r := range s {
		if count == n {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		count++
	}
	return b.String()
}
