package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"boussole/workshop"
)

var fixedNow = time.Date(2027, 1, 3, 14, 5, 0, 0, time.UTC)

// typography is typed into fields to prove the PDF prints what people type.
const typography = "é ’ — « » œ € Ł Ж Ω"

// fullSession builds a complete, valid charter by hand in the language,
// signed by its approvers when signed is true.
func fullSession(t testing.TB, l workshop.Lang, signed bool) *workshop.Session {
	t.Helper()
	fr := l == workshop.FR
	pick := func(f, e string) string {
		if fr {
			return f
		}
		return e
	}
	c := workshop.Charter{
		Title:       pick("Améliorer la rétention — Œuvre commune", "Improve retention — a shared effort"),
		Scope:       pick("Succès client et ventes, Europe de l’Ouest", "Customer success and sales, Western Europe"),
		Period:      workshop.Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"},
		Lang:        l,
		Facilitator: "Zoé Łukasiewicz",
		Participants: []workshop.Participant{
			{ID: "p1", Name: "Amélie Durand", Function: workshop.FuncLeadership, Email: "amelie@example.com"},
			{ID: "p2", Name: "Bruno Œhler", Function: workshop.FuncCS, Email: "bruno@example.com"},
			{ID: "p3", Name: "Chloé Martin", Function: workshop.FuncSales},
			{ID: "p4", Name: "Dmitri Жуков", Function: workshop.FuncMarketing, Email: "dmitri@example.com"},
		},
		Intent: workshop.Intent{
			Purpose:           workshop.PurposeUpCrossSell,
			Statement:         pick("Faire de chaque client un client qui grandit : « valeur d’abord ». Typo : "+typography, "Make every customer a growing customer: “value first”. Typography: "+typography),
			CompanyObjectives: []string{pick("Atteindre 12 M€ d’ARR", "Reach €12M ARR"), pick("Rentabilité en 2027", "Profitability in 2027")},
			Hypotheses:        []string{pick("L’onboarding prescriptif réduit le churn", "Prescriptive onboarding reduces churn")},
		},
		Objectives: []workshop.Objective{
			{ID: "o1", Title: pick("Atteindre 110 % de NRR", "Reach 110 % NRR"), Specific: pick("Les comptes existants grandissent grâce aux QBR orientées valeur", "Existing accounts grow through value-oriented QBRs"),
				Achievable: pick("Départ à 102 %, trois leviers identifiés", "Baseline 102 %, three levers identified"), Relevant: pick("Sert l’objectif de 12 M€ d’ARR", "Serves the €12M ARR objective"), Deadline: "2027-03-31",
				SideEffects: []workshop.SideEffect{{ID: "s1", Description: pick("Remises excessives pour obtenir l’expansion", "Excessive discounts to win expansion"), GuardrailID: "k4"}}},
			{ID: "o2", Title: pick("Réduire le churn logo", "Reduce logo churn"), Specific: pick("Moins de clients perdus dans le segment PME", "Fewer customers lost in the SMB segment"),
				Achievable: pick("Plan d’onboarding prêt", "Onboarding plan ready"), Relevant: pick("Sert la rentabilité", "Serves profitability"), Deadline: "2027-03-15",
				SideEffects: []workshop.SideEffect{{ID: "s2", Description: pick("Garder des clients non rentables", "Keeping unprofitable customers")}}},
		},
		KPIs: []workshop.KPI{
			{ID: "k1", Name: "NRR", Definition: pick("Revenu net retenu sur 12 mois", "Net revenue retained over 12 months"), Kind: workshop.KindResult, Unit: workshop.UnitPercent, TargetType: workshop.IncreaseTo,
				Baseline: "102", Target: "110", Alert: "104", Frequency: workshop.Monthly, Source: "Salesforce", Owner: "Amélie Durand", Objectives: []string{"o1"}},
			{ID: "k2", Name: pick("Churn logo", "Logo churn"), Definition: pick("Part des clients perdus", "Share of customers lost"), Kind: workshop.KindResult, Unit: workshop.UnitPercent, TargetType: workshop.DecreaseTo,
				Baseline: pick("4,5", "4.5"), Target: "3", Alert: "4", Frequency: workshop.Monthly, Source: "ChartMogul", Owner: "Bruno Œhler", Objectives: []string{"o2"}},
			{ID: "k3", Name: pick("MRR d’expansion", "Expansion MRR"), Definition: pick("MRR additionnel des clients existants", "Additional MRR from existing customers"), Kind: workshop.KindEffort, Unit: workshop.UnitEUR, TargetType: workshop.IncreaseTo,
				Baseline: pick("40 000", "40,000"), Target: pick("60 000", "60,000"), Alert: pick("45 000", "45,000"), Frequency: workshop.Weekly, Source: "Stripe", Owner: "Chloé Martin", Objectives: []string{"o1", "o2"}},
			{ID: "k4", Name: pick("Remise moyenne", "Average discount"), Definition: pick("Remise moyenne accordée", "Average discount granted"), Kind: workshop.KindEffort, Unit: workshop.UnitPercent, TargetType: workshop.StayAtOrBelow,
				Baseline: "8", Target: "10", Alert: "10", Frequency: workshop.Monthly, Source: "CPQ", Owner: "Dmitri Жуков", Objectives: []string{"o1"}, Guardrail: true},
		},
		Cascades: []workshop.Cascade{{ID: "c1", KPIID: "k3", Dimension: workshop.DimRegion, Lines: []workshop.CascadeLine{
			{Team: "France", Target: pick("30 000", "30,000")}, {Team: "Benelux", Target: pick("20 000", "20,000")}, {Team: "DACH", Target: pick("10 000", "10,000")}}}},
		Rituals: []workshop.Ritual{
			{ID: "r1", Kind: workshop.RitualWeeklySync, Name: pick("Synchro hebdo", "Weekly sync"), Cadence: workshop.CadenceWeekly, Weekday: time.Monday, Time: "09:30", Minutes: 30, Attendees: []string{"p1", "p2", "p3"}},
			{ID: "r2", Kind: workshop.RitualMonthlyReview, Name: pick("Revue mensuelle", "Monthly review"), Cadence: workshop.CadenceMonthly, Weekday: time.Tuesday, Time: "14:00", Minutes: 60, Attendees: []string{"p1", "p2", "p3", "p4"},
				Agenda: []string{pick("Revue des KPI ; alertes, décisions", "KPI review; alerts, decisions"), pick("Risques — plan d’action", "Risks — action plan")}},
			{ID: "r3", Kind: workshop.RitualQBR, Name: "QBR", Cadence: workshop.CadenceQuarterly, Weekday: time.Thursday, Time: "10:00", Minutes: 120, Attendees: []string{"p1", "p4"}},
		},
		Incentive: workshop.Incentive{Enabled: true, Share: "20", Note: pick("Sur la part variable collective", "On the collective variable share")},
		Decisions: []workshop.Decision{
			{ID: "d1", Date: "2026-12-10", Type: workshop.DecisionDecision, Text: pick("Les QBR deviennent orientées valeur", "QBRs become value-oriented"), Author: "Amélie Durand", LinkID: "o1"},
			{ID: "d2", Date: "2026-12-11", Type: workshop.DecisionHypothesis, Text: pick("L’onboarding réduit le churn", "Onboarding reduces churn"), Author: "Bruno Œhler", LinkID: "k2"},
		},
	}
	var roles []workshop.Assignment
	for _, o := range []string{"o1", "o2"} {
		roles = append(roles,
			workshop.Assignment{ParticipantID: "p2", ObjectiveID: o, Role: workshop.RolePilot},
			workshop.Assignment{ParticipantID: "p3", ObjectiveID: o, Role: workshop.RoleContributor},
			workshop.Assignment{ParticipantID: "p4", ObjectiveID: o, Role: workshop.RoleContributor},
			workshop.Assignment{ParticipantID: "p1", ObjectiveID: o, Role: workshop.RoleApprover})
	}
	c.Roles = roles
	s := &workshop.Session{ID: "0123456789abcdef", Created: fixedNow.Add(-48 * time.Hour), Updated: fixedNow,
		Revisions: []workshop.Revision{{Number: 1, Status: workshop.StatusDraft, Charter: c}}}
	s.CheckIns = []workshop.CheckIn{{ID: "ci1", KPIID: "k1", Date: "2027-01-31", Value: "104", Confidence: 7, Note: pick("Bon début, =prudence", "Good start, =careful"), Author: "Amélie Durand"}}
	if signed {
		sign(t, s)
	}
	return s
}

// sign seals the current revision as signed by all its approvers, as the
// lifecycle would.
func sign(t testing.TB, s *workshop.Session) {
	t.Helper()
	r := s.Current()
	seal := workshop.Seal(&r.Charter)
	for _, p := range workshop.Approvers(&r.Charter) {
		r.Signatures = append(r.Signatures, workshop.Signature{ParticipantID: p.ID, Name: p.Name, At: fixedNow, Comment: "Bon pour accord — d’accord", Seal: seal})
	}
	r.Status = workshop.StatusSigned
	r.Seal = seal
	r.SignedAt = fixedNow
}

// pdftotext runs poppler's pdftotext on the PDF (all pages, or one page)
// and returns the text.
func pdftotext(t testing.TB, pdf []byte, pageNo int) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-enc", "UTF-8"}
	if pageNo > 0 {
		args = append(args, "-f", fmt.Sprint(pageNo), "-l", fmt.Sprint(pageNo))
	}
	args = append(args, in, "-")
	out, err := exec.Command("pdftotext", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// pdfinfo returns poppler's pdfinfo fields.
func pdfinfo(t testing.TB, pdf []byte) map[string]string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", "-enc", "UTF-8", in).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	info := map[string]string{}
	for line := range strings.SplitSeq(string(out), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return info
}

// flat joins the text's lines and collapses spaces, so that a value wrapped
// across lines of a table cell is still found.
func flat(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func mustPDF(t testing.TB, s *workshop.Session, rev int, opt PDFOptions) []byte {
	t.Helper()
	b, err := CharterPDF(s, rev, opt)
	if err != nil {
		t.Fatalf("CharterPDF: %v", err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", b[:min(len(b), 20)])
	}
	return b
}

// pdftotextLayout is pdftotext -layout for one page (or all when pageNo is
// 0): the text as placed on the page, the way fragments of a watermark
// would be interleaved with body lines.
func pdftotextLayout(t testing.TB, pdf []byte, pageNo int) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-layout", "-enc", "UTF-8"}
	if pageNo > 0 {
		args = append(args, "-f", fmt.Sprint(pageNo), "-l", fmt.Sprint(pageNo))
	}
	out, err := exec.Command("pdftotext", append(args, in, "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext -layout: %v\n%s", err, out)
	}
	return string(out)
}

// pageCount is pdfinfo's page count.
func pageCount(t testing.TB, pdf []byte) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscan(pdfinfo(t, pdf)["Pages"], &n); err != nil {
		t.Fatalf("pdfinfo pages: %v", err)
	}
	return n
}

// testWriter is a writer on an A4 page with the charter's fonts, for
// measuring and wrapping.
func testWriter(t testing.TB) *writer {
	t.Helper()
	fs := loadFonts()
	if fs.err != nil {
		t.Fatal(fs.err)
	}
	pdf := newTextPDF(fpdf.New("P", "mm", "A4", ""))
	pdf.AddUTF8FontFromBytes(fontFamily, "", fs.regular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", fs.bold)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", fs.italic)
	pw, ph := pdf.GetPageSize()
	pdf.AddPage()
	return &writer{pdf: pdf, pg: page{w: pw, h: ph, left: 20, right: 20, top: 24, bottom: 20}}
}

// qpdfCheck runs `qpdf --check` on the PDF (scripts/install-deps.sh
// installs qpdf) and fails the test on any error or warning.
func qpdfCheck(t testing.TB, pdf []byte) {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--check", in).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}
