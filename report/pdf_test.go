package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

func TestCharterPDF_SectionsValuesAndTypography(t *testing.T) {
	for _, tc := range []struct {
		l    workshop.Lang
		want []string
	}{
		{workshop.FR, []string{
			"Charte d’objectifs collectifs", "Améliorer la rétention — Œuvre commune", "Succès client et ventes, Europe de l’Ouest",
			"2027-Q1 (1er janvier 2027 – 31 mars 2027)", "Zoé Łukasiewicz", "Signée", "3 janvier 2027",
			"1. Intention", "Vente additionnelle et croisée", typography, "Atteindre 12 M€ d’ARR", "L’onboarding prescriptif réduit le churn",
			"2. Objectifs collectifs", "S — Spécifique", "M — Mesurable", "A — Atteignable", "R — Pertinent", "T — Échéance", "31 mars 2027",
			"NRR : cible 110 % (seuil d’alerte 104 %)", "EFFETS DE BORD ANTICIPÉS", "Remises excessives pour obtenir l’expansion (garde-fou : Remise moyenne)",
			"3. KPI et seuils", "Seuil d’alerte", "Responsable", "Résultat", "Effort", "augmenter jusqu’à", "diminuer jusqu’à", "Chaque mois", "ChartMogul", "40 000", "60 000", "4,5",
			"4. Rôles : qui pilote, qui contribue, qui approuve", "Pilote", "Contributeur", "Approbateur",
			"5. Déclinaison", "MRR d’expansion — par région", "Somme des équipes 60 000 € ; cible collective 60 000 € : cohérent.",
			"6. Rituels d’exécution", "Synchro hebdo", "Chaque semaine, le lundi à 09:30, 30 min", "Revue des KPI ; alertes, décisions", "Chaque trimestre, le premier jeudi du trimestre à 10:00, 120 min",
			"7. Rémunération variable", "Part de la rémunération variable individuelle indexée sur les KPI collectifs : 20 %.",
			"8. Journal des décisions", "Les QBR deviennent orientées valeur", "10/12/2026", "Hypothèse",
			"9. Signatures et sceau", "Amélie Durand", "Approbateur · Direction", "Bon pour accord — d’accord", "Sceau (SHA-256 du contenu de la révision)",
			"Dmitri Жуков", "Bruno Œhler",
		}},
		{workshop.EN, []string{
			"Collective objectives charter", "Improve retention — a shared effort", "2027-Q1 (1 January 2027 – 31 March 2027)", "Zoé Łukasiewicz", "Signed",
			"1. Intent", "Up-sell and cross-sell", typography, "“value first”", "Reach €12M ARR",
			"2. Collective objectives", "S — Specific", "T — Time-bound", "NRR: target 110% (alert threshold 104%)", "ANTICIPATED SIDE EFFECTS",
			"3. KPIs and thresholds", "Alert threshold", "Owner", "Result", "increase to", "stay at or below", "Weekly", "40,000", "(guardrail)",
			"4. Roles: who leads, who contributes, who approves", "Pilot", "Contributor", "Approver",
			"5. Cascade", "Expansion MRR — by region", "Sum of the teams €60,000; collective target €60,000: consistent.",
			"6. Execution rituals", "Monthly, first Tuesday of the month at 14:00, 60 min", "Risks — action plan",
			"7. Incentives", "Share of individual variable pay indexed on the collective KPIs: 20%.",
			"8. Decision log", "QBRs become value-oriented", "2026-12-10",
			"9. Sign-off and seal", "Approver · Leadership", "Seal (SHA-256 of the revision’s content)",
		}},
	} {
		t.Run(string(tc.l), func(t *testing.T) {
			s := fullSession(t, tc.l, true)
			text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
			for _, w := range tc.want {
				if w == typography && tc.l == workshop.FR {
					// Wrapped in a table cell here: pdftotext may join the
					// last words of a line; look for each character.
					for ch := range strings.FieldsSeq(typography) {
						if !strings.Contains(text, ch) {
							t.Errorf("PDF lacks %q", ch)
						}
					}
					continue
				}
				if !strings.Contains(text, flat(w)) {
					t.Errorf("%s PDF lacks %q", tc.l, w)
				}
			}
			if seal := s.Current().Seal; !strings.Contains(text, seal) {
				t.Errorf("the seal %s is not printed in full", seal)
			}
			if t.Failed() {
				t.Logf("text:\n%s", text)
			}
		})
	}
}

func TestCharterPDF_Metadata(t *testing.T) {
	s := fullSession(t, workshop.FR, true)
	pdf := mustPDF(t, s, 1, PDFOptions{})
	info := pdfinfo(t, pdf)
	want := map[string]string{
		"Title":   "Améliorer la rétention — Œuvre commune",
		"Author":  "Zoé Łukasiewicz",
		"Subject": "Charte d’objectifs collectifs — Succès client et ventes, Europe de l’Ouest — 2027-Q1",
		"Creator": "Boussole",
		"Pages":   "5",
	}
	for k, v := range want {
		if info[k] != v {
			t.Errorf("pdfinfo %s = %q, want %q", k, info[k], v)
		}
	}
	if !strings.HasPrefix(info["Page size"], "595.28 x 841.89") {
		t.Errorf("A4 expected, page size %q", info["Page size"])
	}
	stamp := fmt.Sprintf("boussole:v1 session=0123456789abcdef revision=1 seal=%s paper=A4 late=0 layout=%d", s.Current().Seal, LayoutVersion)
	if info["Keywords"] != stamp {
		t.Errorf("Keywords = %q, want %q", info["Keywords"], stamp)
	}
	if !bytes.Contains(pdf, []byte("/Lang (fr-FR)")) {
		t.Error("the catalog does not declare the language fr-FR")
	}
	// The outline has the cover and the nine sections.
	if n := bytes.Count(pdf, []byte("/Dest [")); n < 10 {
		t.Errorf("outline has %d entries, want at least 10", n)
	}
	if !strings.HasPrefix(pdfinfo(t, mustPDF(t, s, 1, PDFOptions{Paper: "Letter"}))["Page size"], "612 x 792") {
		t.Error("Letter paper not applied")
	}
	if _, err := CharterPDF(s, 1, PDFOptions{Paper: "A5"}); workshop.KindOf(err) != workshop.KindInvalid {
		t.Errorf("paper A5: err %v, want KindInvalid", err)
	}
	if _, err := CharterPDF(s, 3, PDFOptions{}); workshop.KindOf(err) != workshop.KindNotFound {
		t.Errorf("revision 3: err %v, want KindNotFound", err)
	}
}

// words returns n distinct words that together make a long text.
func words(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%04d", prefix, i)
	}
	return out
}

// largeSession: 4 objectives, 5 KPIs, 25 participants, 150 decision-log
// entries and texts of 2,000 characters.
func largeSession(t testing.TB, l workshop.Lang) (*workshop.Session, []string) {
	s := fullSession(t, l, false)
	c := &s.Current().Charter
	var markers []string
	long := func(prefix string) string {
		ws := words(prefix, 2000/9)
		markers = append(markers, ws...)
		return strings.Join(ws, " ")
	}
	c.Intent.Statement = long("intent")
	c.Participants = nil
	for i := range 25 {
		name := fmt.Sprintf("Personne%02d Ñandú", i)
		c.Participants = append(c.Participants, workshop.Participant{ID: fmt.Sprintf("p%d", i), Name: name, Function: workshop.Functions[i%len(workshop.Functions)]})
		markers = append(markers, fmt.Sprintf("Personne%02d", i))
	}
	c.Objectives = c.Objectives[:2]
	for i := 2; i < 4; i++ {
		c.Objectives = append(c.Objectives, workshop.Objective{ID: fmt.Sprintf("o%d", i+1), Title: fmt.Sprintf("Objective %d", i+1), Deadline: "2027-03-01"})
	}
	c.Objectives[3].Specific = long("spec")
	c.KPIs = append(c.KPIs, workshop.KPI{ID: "k5", Name: "Win rate", Definition: long("def"), Kind: workshop.KindResult, Unit: workshop.UnitPercent,
		TargetType: workshop.IncreaseTo, Baseline: "20", Target: "25", Alert: "21", Frequency: workshop.Monthly, Source: long("src"), Owner: "Personne03", Objectives: []string{"o3", "o4"}})
	c.Roles = nil
	for i, p := range c.Participants {
		for _, o := range c.Objectives {
			c.Roles = append(c.Roles, workshop.Assignment{ParticipantID: p.ID, ObjectiveID: o.ID, Role: workshop.Roles[i%4]})
		}
	}
	c.Decisions = nil
	for i := range 150 {
		text := fmt.Sprintf("Entry%03d decided", i)
		if i == 75 {
			text += " " + long("logtext")
		}
		c.Decisions = append(c.Decisions, workshop.Decision{ID: fmt.Sprintf("d%d", i), Date: "2027-01-02", Type: workshop.DecisionTypes[i%4], Text: text, Author: "Personne01"})
		markers = append(markers, fmt.Sprintf("Entry%03d", i))
	}
	return s, markers
}

func TestCharterPDF_LargeCharterLosesNoText(t *testing.T) {
	s, markers := largeSession(t, workshop.EN)
	pdf := mustPDF(t, s, 1, PDFOptions{})
	text := pdftotext(t, pdf, 0)
	missing := 0
	for _, m := range markers {
		if !strings.Contains(text, m) {
			missing++
			if missing < 10 {
				t.Errorf("text %q is missing from the PDF", m)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d markers missing", missing, len(markers))
	}
	var pages int
	fmt.Sscan(pdfinfo(t, pdf)["Pages"], &pages)
	if pages < 8 {
		t.Errorf("a large charter on %d pages?", pages)
	}
	// The log table repeats its header row on each page it spans.
	repeats := 0
	for p := 1; p <= pages; p++ {
		pt := pdftotext(t, pdf, p)
		if strings.Contains(pt, "Entry1") && strings.Contains(pt, "Author") {
			repeats++
		}
	}
	if repeats < 2 {
		t.Errorf("the decision log header appears on %d pages, want it repeated on each", repeats)
	}
}

// Emoji print as a visible "□" (R-PDF-1 explains it before sign-off), never a
// silent "?"; arrows print as typed (issue 10 item 2).
func TestCharterPDF_EmojiReplacedNeverFails(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	c := &s.Current().Charter
	c.Title = "Launch 🚀 retention 👍🏽"
	c.Decisions[0].Text = "Family 👨‍👩‍👧 agreed ✅, then → done"
	pdf := mustPDF(t, s, 1, PDFOptions{})
	text := flat(pdftotext(t, pdf, 0))
	for _, want := range []string{"Launch □ retention □", "Family □ agreed □, then → done"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if pdfinfo(t, pdf)["Title"] != "Launch □ retention □" {
		t.Errorf("title metadata %q", pdfinfo(t, pdf)["Title"])
	}
}

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		typography:          typography,
		"a👍🏽b":              "a□b",
		"👨‍👩‍👧 x":           "□ x",
		"❤️ ok":             "❤️ ok", // U+2764 has a text glyph (DejaVu Sans)
		"25 % → 28 %":       "25 % → 28 %",
		"−6 ≤ x":            "−6 ≤ x",
		"\u202Eabc\u202C":   "abc", // bidi controls are left out
		"नमस्ते":            "□□□□□□",
		"tab\there\r\nnext": "tab here\nnext",
		"bell\x07":          "bell",
	} {
		if got := sanitize(in); got != want {
			t.Errorf("sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCharterPDF_Reproducible(t *testing.T) {
	s := fullSession(t, workshop.FR, true)
	a := mustPDF(t, s, 1, PDFOptions{})
	b := mustPDF(t, fullSession(t, workshop.FR, true), 1, PDFOptions{})
	if !bytes.Equal(a, b) {
		t.Fatalf("two exports of the same content differ at byte %d", firstDiff(a, b))
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20270103140500")) {
		t.Error("the creation date is not the signing date")
	}
	// A content change changes the seal and the bytes.
	d := fullSession(t, workshop.FR, false)
	d.Current().Charter.KPIs[0].Target = "111"
	sign(t, d)
	if d.Current().Seal == s.Current().Seal {
		t.Error("a target change kept the seal")
	}
	if bytes.Equal(mustPDF(t, d, 1, PDFOptions{}), a) {
		t.Error("a target change kept the bytes")
	}
	// A draft takes the session's Updated date.
	dr := fullSession(t, workshop.EN, false)
	dr.Updated = time.Date(2027, 2, 1, 8, 0, 0, 0, time.FixedZone("CET", 3600))
	if !bytes.Contains(mustPDF(t, dr, 1, PDFOptions{}), []byte("/ModDate (D:20270201070000")) {
		t.Error("a draft's date is not the session's Updated in UTC")
	}
}

func TestCharterPDF_DraftMarkedOnEveryPageAndPageNumbers(t *testing.T) {
	for _, tc := range []struct {
		l    workshop.Lang
		mark string
	}{{workshop.FR, "BROUILLON"}, {workshop.EN, "DRAFT"}} {
		s, _ := largeSession(t, tc.l)
		pdf := mustPDF(t, s, 1, PDFOptions{})
		var n int
		fmt.Sscan(pdfinfo(t, pdf)["Pages"], &n)
		if n < 2 {
			t.Fatalf("%d pages", n)
		}
		for p := 1; p <= n; p++ {
			text := pdftotext(t, pdf, p)
			if !strings.Contains(text, tc.mark) {
				t.Errorf("%s page %d lacks %s", tc.l, p, tc.mark)
			}
			if !strings.Contains(text, fmt.Sprintf("%d / %d", p, n)) {
				t.Errorf("%s page %d lacks its number %q", tc.l, p, fmt.Sprintf("%d / %d", p, n))
			}
		}
		if text := flat(pdftotext(t, pdf, 0)); !strings.Contains(text, flat(map[workshop.Lang]string{workshop.FR: "Non scellée — brouillon", workshop.EN: "Not sealed — draft"}[tc.l])) {
			t.Errorf("%s draft does not say it is not sealed", tc.l)
		}
	}
	signed := pdftotext(t, mustPDF(t, fullSession(t, workshop.EN, true), 1, PDFOptions{}), 0)
	if strings.Contains(signed, "DRAFT") {
		t.Error("a signed charter is marked DRAFT")
	}
}

func TestCharterPDF_PendingApproversAndDeclines(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	r := s.Current()
	r.Declines = []workshop.Decline{{ParticipantID: "p1", Name: "Amélie Durand", At: fixedNow, Reason: "Target too low — raise it"}}
	text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
	for _, want := range []string{"AWAITING SIGNATURE", "Amélie Durand (Leadership)", "DECLINED", "Target too low — raise it", "No signature yet."} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func TestCharterPDF_AmendedRevisionListsChangesAndLateDecisions(t *testing.T) {
	s := fullSession(t, workshop.EN, true)
	late := workshop.Decision{ID: "late1", Date: "2027-01-10", Type: workshop.DecisionResult, Text: "January NRR measured at 104 %", Author: "Bruno Œhler"}
	if err := s.AppendDecision(late, fixedNow.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	rev1 := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
	for _, want := range []string{"Added after signing", "January NRR measured at 104 %"} {
		if !strings.Contains(rev1, want) {
			t.Errorf("signed revision lacks %q", want)
		}
	}
	if err := s.Amend("Raise the NRR target after January", fixedNow.Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.Edit(fixedNow.Add(25*time.Hour), func(c *workshop.Charter) { c.KPIs[0].Target = "112" }); err != nil {
		t.Fatal(err)
	}
	text := flat(pdftotext(t, mustPDF(t, s, 2, PDFOptions{}), 0))
	for _, want := range []string{"Changes since revision 1", "Reason for the amendment", "Raise the NRR target after January", "110", "112"} {
		if !strings.Contains(text, want) {
			t.Errorf("revision 2 lacks %q", want)
		}
	}
	for _, ch := range workshop.Changes(&s.Revisions[0].Charter, &s.Revisions[1].Charter, workshop.EN) {
		if !strings.Contains(text, flat(sanitize(ch))) {
			t.Errorf("revision 2 lacks the change %q", ch)
		}
	}
}

func TestCharterPDF_EveryTemplateInBothLanguages(t *testing.T) {
	for _, info := range workshop.Templates() {
		for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
			s, err := workshop.FromTemplate(info.ID, l, "2027-Q1", fixedNow)
			if err != nil {
				t.Fatalf("%s %s: %v", info.ID, l, err)
			}
			text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
			c := s.Current().Charter
			if !strings.Contains(text, flat(sanitize(c.Title))) {
				t.Errorf("%s %s: title %q not found", info.ID, l, c.Title)
			}
			for _, k := range c.KPIs {
				if !strings.Contains(text, flat(sanitize(k.Name))) {
					t.Errorf("%s %s: KPI %q not found", info.ID, l, k.Name)
				}
			}
		}
	}
}

func TestRCAS1_CascadeSumLine(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	c := &s.Current().Charter
	c.Cascades[0].Lines[2].Target = "5,000"
	c.Cascades = append(c.Cascades, workshop.Cascade{ID: "c2", KPIID: "k1", Dimension: workshop.DimSegment,
		Lines: []workshop.CascadeLine{{Team: "SMB", Target: "105"}, {Team: "Enterprise", Target: "115"}}})
	text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
	for _, want := range []string{
		"Sum of the teams €55,000; collective target €60,000: the sum is below the collective target.",
		"Unit not additive (%): no sum is checked; collective target 110%.",
		"NRR — by segment", "Enterprise", "115%",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func BenchmarkCharterPDF(b *testing.B) {
	s, err := workshop.FromTemplate("net-retention", workshop.FR, "2027-Q1", fixedNow)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := CharterPDF(s, 1, PDFOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := CharterPDF(s, 1, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestR_CAS_1_PDFSaysWhatTheFindingsSay_Issue10_1 reads the PDF back for
// the four target types and both verdicts, in both languages: the cascade
// sentence says what the findings say (a decrease-to KPI whose teams add up
// to more than its ceiling is no longer "consistent").
func TestR_CAS_1_PDFSaysWhatTheFindingsSay_Issue10_1(t *testing.T) {
	sentences := map[workshop.Lang]map[workshop.CascadeVerdict]string{
		workshop.EN: {workshop.CascadeBelow: ": the sum is below the collective target.",
			workshop.CascadeAbove:      ": the sum is above the collective target, which is a ceiling.",
			workshop.CascadeConsistent: ": consistent."},
		workshop.FR: {workshop.CascadeBelow: " : la somme est inférieure à la cible collective.",
			workshop.CascadeAbove:      " : la somme dépasse la cible collective, qui est un plafond.",
			workshop.CascadeConsistent: " : cohérent."},
	}
	cases := []struct {
		tt      workshop.TargetType
		lines   []string
		verdict workshop.CascadeVerdict
	}{
		{workshop.IncreaseTo, []string{"4", "4"}, workshop.CascadeBelow},
		{workshop.IncreaseTo, []string{"6", "6"}, workshop.CascadeConsistent},
		{workshop.StayAtOrAbove, []string{"4", "4"}, workshop.CascadeBelow},
		{workshop.StayAtOrAbove, []string{"5", "5"}, workshop.CascadeConsistent},
		{workshop.DecreaseTo, []string{"20", "20"}, workshop.CascadeAbove}, // the issue's example
		{workshop.DecreaseTo, []string{"4", "4"}, workshop.CascadeConsistent},
		{workshop.StayAtOrBelow, []string{"6", "6"}, workshop.CascadeAbove},
		{workshop.StayAtOrBelow, []string{"5", "5"}, workshop.CascadeConsistent},
	}
	for _, l := range []workshop.Lang{workshop.EN, workshop.FR} {
		for _, tc := range cases {
			t.Run(string(l)+"/"+string(tc.tt)+"/"+string(tc.verdict), func(t *testing.T) {
				s := fullSession(t, l, false)
				c := &s.Current().Charter
				k := workshop.ByID(c.KPIs, "k3")
				k.Unit, k.TargetType, k.Target = workshop.UnitCount, tc.tt, "10"
				c.Cascades[0].Lines = nil
				for i, v := range tc.lines {
					c.Cascades[0].Lines = append(c.Cascades[0].Lines, workshop.CascadeLine{Team: fmt.Sprintf("Team %d", i+1), Target: v})
				}
				var cas []workshop.Finding
				for _, f := range workshop.Validate(c) {
					if f.Code == "R-CAS-1" {
						cas = append(cas, f)
					}
				}
				inconsistent := tc.verdict != workshop.CascadeConsistent
				if inconsistent != (len(cas) == 1) || (inconsistent && cas[0].Args[4] != string(tc.verdict)) {
					t.Fatalf("findings %+v for a %s cascade", cas, tc.verdict)
				}
				text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
				for v, sentence := range sentences[l] {
					if has := strings.Contains(text, flat(sentence)); has != (v == tc.verdict) {
						t.Errorf("PDF contains %q: %v; the findings say %s", sentence, has, tc.verdict)
					}
				}
			})
		}
	}
}
