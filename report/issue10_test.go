package report

import (
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// TestPDFCreatorNamesBoussoleAndVersion_Issue10_10: pdfinfo's Creator (and
// Producer) name Boussole and the version the caller passes; a version that
// cannot be written as plain ASCII is refused with a message naming it; a
// signed PDF exported with a version verifies.
func TestPDFCreatorNamesBoussoleAndVersion_Issue10_10(t *testing.T) {
	s := fullSession(t, workshop.EN, true)
	pdf := mustPDF(t, s, 1, PDFOptions{Version: "0.1.0"})
	info := pdfinfo(t, pdf)
	if info["Creator"] != "Boussole 0.1.0" || info["Producer"] != "Boussole 0.1.0" {
		t.Errorf("Creator %q, Producer %q, want Boussole 0.1.0", info["Creator"], info["Producer"])
	}
	if got := pdfinfo(t, mustPDF(t, s, 1, PDFOptions{}))["Creator"]; got != "Boussole" {
		t.Errorf("no version: Creator %q", got)
	}
	if res := Verify(pdf, store(s)); res.Outcome != OutcomeMatch {
		t.Errorf("a PDF exported with a version: %s (%s)", res.Outcome, res.Detail)
	}
	if res := Verify(mustPDF(t, s, 1, PDFOptions{Version: "1.2.3-rc.1+abc def"}), store(s)); res.Outcome != OutcomeMatch {
		t.Errorf("a PDF exported by another version: %s (%s)", res.Outcome, res.Detail)
	}
	for _, bad := range []string{"1.0 (beta)", "1.0\\", "é", "1\n2", strings.Repeat("9", 65)} {
		_, err := CharterPDF(s, 1, PDFOptions{Version: bad})
		if workshop.KindOf(err) != workshop.KindInvalid || !strings.Contains(workshop.Message(err), "version") {
			t.Errorf("version %q: err %v, want KindInvalid naming the version", bad, err)
		}
	}
}

// TestPDFChangeListShowsTextsWhole_Issue10_7: an objective renamed with a
// long title is listed with its old and new titles whole, each on its own
// lines, where the list used to cut them at the change.
func TestPDFChangeListShowsTextsWhole_Issue10_7(t *testing.T) {
	for _, l := range []workshop.Lang{workshop.EN, workshop.FR} {
		s := fullSession(t, l, true)
		if err := s.Amend("Rename the first objective", fixedNow.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		long := "Generate qualified pipeline in the top 50 target accounts through ABM (revised after the January review with finance)"
		if err := s.Edit(fixedNow.Add(2*time.Hour), func(c *workshop.Charter) {
			c.Objectives[0].Title = long
			c.KPIs[0].Target = "112"
		}); err != nil {
			t.Fatal(err)
		}
		text := flat(pdftotext(t, mustPDF(t, s, 2, PDFOptions{}), 0))
		labels := map[workshop.Lang][2]string{workshop.EN: {"Before: ", "After: "}, workshop.FR: {"Avant : ", "Après : "}}[l]
		before, after := labels[0], labels[1]
		old := s.Revisions[0].Charter.Objectives[0].Title
		for _, want := range []string{before + workshop.Quote(l, old), after + workshop.Quote(l, long)} {
			if !strings.Contains(text, flat(want)) {
				t.Errorf("%s: the change list lacks %q", l, want)
			}
		}
		if strings.Contains(text, "…") {
			t.Errorf("%s: a text is cut in the change list", l)
		}
		// A short change keeps its one line.
		if want := map[workshop.Lang]string{workshop.EN: "NRR: target 110% → 112%", workshop.FR: "NRR : cible 110 % → 112 %"}[l]; !strings.Contains(text, flat(sanitize(want))) {
			t.Errorf("%s: the change list lacks %q", l, want)
		}
	}
}

// TestPDFWatermarkNotText_Issue10_8: the draft watermark is drawn as
// outlines, so pdftotext reads no "DR"/"AFT" (or "BROUILL"/"ON") fragment
// anywhere and the mark exactly once per page: the badge's.
func TestPDFWatermarkNotText_Issue10_8(t *testing.T) {
	for _, tc := range []struct {
		l    workshop.Lang
		mark string
	}{{workshop.EN, "DRAFT"}, {workshop.FR, "BROUILLON"}} {
		s, _ := largeSession(t, tc.l)
		pdf := mustPDF(t, s, 1, PDFOptions{})
		n := pageCount(t, pdf)
		for p := 1; p <= n; p++ {
			text := pdftotextLayout(t, pdf, p)
			count := 0
			for word := range strings.FieldsSeq(text) {
				switch {
				case word == tc.mark:
					count++
				case len(word) >= 2 && strings.Contains(tc.mark, word):
					t.Errorf("%s page %d: a fragment %q of the watermark is read as text", tc.l, p, word)
				}
			}
			if count != 1 {
				t.Errorf("%s page %d: %s read %d times, want once (the badge)", tc.l, p, tc.mark, count)
			}
		}
	}
}
