package report

import (
	"strings"
	"testing"

	"boussole/workshop"
)

// TestCoverTitleNeverCutByTheBand_Issue10_5: whatever the title's length,
// the lines drawn in the navy band end above its edge (the band ends 6 mm
// below the last, within maxBand), and every other line continues below.
func TestCoverTitleNeverCutByTheBand_Issue10_5(t *testing.T) {
	for _, size := range []float64{24, 17} {
		for lines := 1; lines <= 40; lines++ {
			in, end := titleInBand(lines, size)
			if in < 1 || in > lines {
				t.Fatalf("%g pt, %d lines: %d in the band", size, lines, in)
			}
			if end+6 > maxBand+1e-9 {
				t.Errorf("%g pt, %d lines: the band would end at %.1f mm, beyond %g", size, lines, end+6, maxBand)
			}
			if next := end + lineH(size); in < lines && next+6 <= maxBand {
				t.Errorf("%g pt, %d lines: line %d would fit in the band but is drawn below it", size, lines, in+1)
			}
		}
	}
}

// TestCoverLongTitle_GlanceNotAloneAtPageFoot_Issue10_3: with a title of
// 2,000 characters the cover runs over a page; "At a glance" starts on the
// page of its first objective, never alone at the foot of the cover, and
// no word of the title is lost.
func TestCoverLongTitle_GlanceNotAloneAtPageFoot_Issue10_3(t *testing.T) {
	for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
		s := fullSession(t, l, false)
		c := &s.Current().Charter
		c.Title = strings.Repeat("Accélérer la croissance rentable du segment ETI ", 42)
		pdf := mustPDF(t, s, 1, PDFOptions{})
		found := false
		for p := 1; p <= 3; p++ {
			page := flat(pdftotext(t, pdf, p))
			caption := strings.ToUpper(tr(l, "cover.brief"))
			if !strings.Contains(page, caption) {
				continue
			}
			found = true
			if !strings.Contains(page, "1. "+flat(c.Objectives[0].Title)) {
				t.Errorf("%s: page %d has %q without the first objective", l, p, caption)
			}
		}
		if !found {
			t.Errorf("%s: no %q on the first pages", l, tr(l, "cover.brief"))
		}
		if got := strings.Count(flat(pdftotext(t, pdf, 0)), "segment ETI"); got < 42 {
			t.Errorf("%s: the title's phrase comes back %d times, want at least 42", l, got)
		}
	}
}

// TestPDFNoLineBreakAtNoBreakSpaces_Issue10_9: French typography's no-break
// spaces hold in paragraphs and tables: no line of a French charter starts
// with "%", "€", "»", ":" or ";" or ends with "«", and a number keeps its
// unit ("26 %" typed with a plain space included).
func TestPDFNoLineBreakAtNoBreakSpaces_Issue10_9(t *testing.T) {
	for _, id := range workshop.TemplateIDs() {
		s, err := workshop.FromTemplate(id, workshop.FR, "2027-Q1", fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		c := &s.Current().Charter
		// Long texts full of numbers and quotes, typed with plain spaces.
		c.Intent.Hypotheses = append(c.Intent.Hypotheses,
			strings.Repeat("Le taux passe de 26 % à 31 % ; « valeur d’abord » : 12 000 € gagnés ! ", 12))
		if len(c.KPIs) > 0 {
			c.KPIs[0].Definition = strings.Repeat("Part des comptes (« ICP ») au-dessus de 26 % : 1 250 000 € ; ", 8)
		}
		text := pdftotextLayout(t, mustPDF(t, s, 1, PDFOptions{}), 0)
		for n, line := range strings.Split(text, "\n") {
			for cell := range strings.SplitSeq(strings.TrimSpace(line), "   ") {
				cell = strings.TrimSpace(cell)
				if cell == "" {
					continue
				}
				for _, bad := range []string{"%", "€", "»", ":", ";"} {
					if strings.HasPrefix(cell, bad) {
						t.Errorf("%s line %d: a line starts with %q: %q", id, n+1, bad, line)
					}
				}
				if strings.HasSuffix(cell, "«") {
					t.Errorf("%s line %d: a line ends with «: %q", id, n+1, line)
				}
			}
		}
	}
}

// TestPDFSubjectLeavesOutBlanks: the Subject names the kind of document,
// the scope and the period, without dashes for what is blank.
func TestPDFSubjectLeavesOutBlanks(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	s.Current().Charter.Scope = " "
	if got := pdfinfo(t, mustPDF(t, s, 1, PDFOptions{}))["Subject"]; got != "Collective objectives charter — 2027-Q1" {
		t.Errorf("Subject %q", got)
	}
}

// TestPDFMarksUnreadableValues_RNUM1: in a draft, a KPI value that does not
// read as a number (R-NUM-1) is marked in the KPI table instead of looking
// as valid as the others; readable values are not.
func TestPDFMarksUnreadableValues_RNUM1(t *testing.T) {
	for _, l := range []workshop.Lang{workshop.EN, workshop.FR} {
		s := fullSession(t, l, false)
		c := &s.Current().Charter
		c.KPIs[0].Baseline = "12k"
		text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
		if want := flat(withUnit(l, "12k", c.KPIs[0].Unit) + " (" + tr(l, "kpi.unreadable") + ")"); !strings.Contains(text, want) {
			t.Errorf("%s: the KPI table does not say %q", l, want)
		}
		if n := strings.Count(text, "("+tr(l, "kpi.unreadable")+")"); n != 1 {
			t.Errorf("%s: %d values marked unreadable, want 1", l, n)
		}
	}
}
