package workshop

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// The charter PDF prints every character one of its faces draws: Latin,
// Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese, Korean, arrows and
// mathematical signs (report/fonts/README.md). pdfCoverage
// (pdfcoverage.go) is the table of the runes they draw, generated from the
// faces by report's TestPDFCoverageTable_Issue10_2, which fails when the
// table and the faces disagree; workshop reads it without the font files.

// PDFPrintable reports whether a face of the charter PDF draws r. Only the
// Basic Multilingual Plane: the PDF writer draws no rune beyond it (emoji
// are there).
func PDFPrintable(r rune) bool {
	if r < 0 || r >= 0xFFFF {
		return false
	}
	c := uint16(r)
	// pdfCoverage holds sorted, disjoint ranges as first, last pairs.
	i := sort.Search(len(pdfCoverage)/2, func(i int) bool { return pdfCoverage[2*i+1] >= c })
	return i < len(pdfCoverage)/2 && pdfCoverage[2*i] <= c
}

// pdfInvisible reports the runes the PDF leaves out rather than prints:
// control and format characters (bidi controls, joiners), variation
// selectors and the modifiers of emoji.
func pdfInvisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (r >= 0xFE00 && r <= 0xFE0F) ||
		(r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F) || r == 0x20E3
}

// isEmoji reports the pictographs (emoji) among the runes the PDF cannot
// print.
func isEmoji(r rune) bool {
	return (r >= 0x1F000 && r <= 0x1FAFF) || (r >= 0x2600 && r <= 0x27BF) || (r >= 0x2B00 && r <= 0x2BFF)
}

// PDFUnprintable returns up to five distinct runes of s that the charter
// PDF cannot print, and whether they are all emoji.
func PDFUnprintable(s string) (runes []rune, emoji bool) {
	emoji = true
	for _, r := range s {
		if r < 0x80 || PDFPrintable(r) || pdfInvisible(r) || strings.ContainsRune(string(runes), r) {
			continue
		}
		if len(runes) == 5 {
			break
		}
		runes = append(runes, r)
		emoji = emoji && isEmoji(r)
	}
	return runes, emoji && len(runes) > 0
}

// pdfScripts reports R-PDF-1 (warning, beyond PRODUCT.md): a text of the
// charter with characters its PDF cannot print — a script none of the
// bundled faces covers (Devanagari, Thai, Ethiopic …) or emoji. The PDF
// prints each as "□" (never a silent "?"); the warning says so before
// sign-off, once per field. Args: the field named in French and in
// English, the characters (up to five, each with its code point) and
// "emoji" when they are all emoji, else "script". Where: the field's step,
// item id and field ("objectives"' "title", "kpis"' "name" …; in a list,
// "agenda.2", 0-based).
func (v *validator) pdfScripts() {
	c := v.c
	check := func(w Where, fr, en, text string) {
		rs, emoji := PDFUnprintable(text)
		if len(rs) == 0 {
			return
		}
		shown := make([]string, len(rs))
		for i, r := range rs {
			shown[i] = fmt.Sprintf("%c (U+%04X)", r, r)
		}
		kind := "script"
		if emoji {
			kind = "emoji"
		}
		v.add(RPDF1, SevWarning, w, fr, en, strings.Join(shown, ", "), kind)
	}
	n := strconv.Itoa
	check(Where{StepSetup, "", "title"}, "Titre de la charte", "Charter title", c.Title)
	check(Where{StepSetup, "", "scope"}, "Périmètre", "Scope", c.Scope)
	check(Where{StepSetup, "", "period"}, "Période", "Period", c.Period.Label)
	check(Where{StepSetup, "", "facilitator"}, "Facilitation", "Facilitator", c.Facilitator)
	for i, p := range c.Participants {
		check(Where{StepSetup, p.ID, "name"}, "Participant "+n(i+1)+", nom", "Participant "+n(i+1)+", name", p.Name)
		check(Where{StepSetup, p.ID, "email"}, "Participant "+n(i+1)+", e-mail", "Participant "+n(i+1)+", e-mail", p.Email)
	}
	check(Where{StepIntent, "", "statement"}, "Intention", "Intent statement", c.Intent.Statement)
	for j, s := range c.Intent.CompanyObjectives {
		check(Where{StepIntent, "", "companyObjectives." + n(j)}, "Objectif entreprise "+n(j+1), "Company objective "+n(j+1), s)
	}
	for j, s := range c.Intent.Hypotheses {
		check(Where{StepIntent, "", "hypotheses." + n(j)}, "Hypothèse "+n(j+1), "Hypothesis "+n(j+1), s)
	}
	for i, o := range c.Objectives {
		fr, en := "Objectif "+n(i+1)+", ", "Objective "+n(i+1)+", "
		check(Where{StepObjectives, o.ID, "title"}, fr+"titre", en+"title", o.Title)
		check(Where{StepObjectives, o.ID, "specific"}, fr+"spécifique", en+"specific", o.Specific)
		check(Where{StepObjectives, o.ID, "achievable"}, fr+"atteignable", en+"achievable", o.Achievable)
		check(Where{StepObjectives, o.ID, "relevant"}, fr+"pertinent", en+"relevant", o.Relevant)
		for j, se := range o.SideEffects {
			check(Where{StepObjectives, o.ID, "sideEffects." + n(j)}, fr+"effet de bord "+n(j+1), en+"side effect "+n(j+1), se.Description)
		}
	}
	for i, k := range c.KPIs {
		fr, en := "KPI "+n(i+1)+", ", "KPI "+n(i+1)+", "
		for _, f := range []struct{ field, fr, en, text string }{
			{"name", "nom", "name", k.Name}, {"definition", "définition", "definition", k.Definition},
			{"baseline", "départ", "baseline", k.Baseline}, {"target", "cible", "target", k.Target},
			{"alert", "seuil d’alerte", "alert threshold", k.Alert}, {"source", "source", "source", k.Source},
			{"owner", "responsable", "owner", k.Owner},
		} {
			check(Where{StepKPIs, k.ID, f.field}, fr+f.fr, en+f.en, f.text)
		}
	}
	for i, cs := range c.Cascades {
		for j, ln := range cs.Lines {
			check(Where{StepCascade, cs.ID, "lines." + n(j) + ".team"}, "Déclinaison "+n(i+1)+", équipe "+n(j+1), "Cascade "+n(i+1)+", team "+n(j+1), ln.Team)
		}
	}
	for i, rt := range c.Rituals {
		check(Where{StepRituals, rt.ID, "name"}, "Rituel "+n(i+1)+", nom", "Ritual "+n(i+1)+", name", rt.Name)
		for j, a := range rt.Agenda {
			check(Where{StepRituals, rt.ID, "agenda." + n(j)}, "Rituel "+n(i+1)+", ordre du jour "+n(j+1), "Ritual "+n(i+1)+", agenda item "+n(j+1), a)
		}
	}
	check(Where{StepIncentives, "", "note"}, "Rémunération variable, précisions", "Incentives, notes", c.Incentive.Note)
	for i, d := range c.Decisions {
		check(Where{StepLog, d.ID, "text"}, "Décision "+n(i+1)+", entrée", "Decision "+n(i+1)+", entry", d.Text)
		check(Where{StepLog, d.ID, "author"}, "Décision "+n(i+1)+", auteur", "Decision "+n(i+1)+", author", d.Author)
	}
}

// pdfFindingMessage writes R-PDF-1 (Args: the field in French and in
// English, the characters, "emoji" or "script").
func pdfFindingMessage(l Lang, rest []string) string {
	arg := func(i int) string {
		if i < len(rest) {
			return rest[i]
		}
		return ""
	}
	field := tr(l, arg(0), arg(1))
	if strings.TrimSpace(field) == "" {
		field = tr(l, "Un texte", "A text")
	}
	chars := visibleCut(arg(2), 120)
	if arg(3) == "emoji" {
		return sentence(l, field, tr(l, "le PDF ne peut pas imprimer les émojis (", "the PDF cannot print emoji (")+chars+
			tr(l, ") ; chacun y est remplacé par « □ »", "); each is printed as “□”"))
	}
	return sentence(l, field, tr(l, "le PDF n’a pas de police pour ces caractères (", "the PDF has no font for these characters (")+chars+
		tr(l, ") ; ils y sont remplacés par « □ » : écrivez-les dans une écriture latine, grecque, cyrillique, arabe, hébraïque, chinoise, japonaise ou coréenne",
			"); they are printed as “□”: write them in Latin, Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese or Korean script"))
}
