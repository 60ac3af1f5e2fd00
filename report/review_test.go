package report

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// trackedSession is fullSession signed, with a quarter of weekly check-ins
// of expansion MRR, monthly NRR check-ins with notes and a late decision.
func trackedSession(t testing.TB, l workshop.Lang, points int) *workshop.Session {
	s := fullSession(t, l, true)
	s.CheckIns = nil
	start := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	for i := range points {
		d := start.AddDate(0, 0, i*7*13/max(points, 13))
		if points > 13 {
			d = start.AddDate(0, 0, -3*365+i*1100/points)
		}
		s.CheckIns = append(s.CheckIns, workshop.CheckIn{ID: fmt.Sprintf("mrr%04d", i), KPIID: "k3", Date: workshop.DateOf(d),
			Value: workshop.FormatNumber(40000+float64(i%60)*350, l), NoConfidence: true})
	}
	s.CheckIns = append(s.CheckIns,
		workshop.CheckIn{ID: "n1", KPIID: "k1", Date: "2027-01-29", Value: "103", Confidence: 6, Note: "Deux upsells — signés", Author: "Amélie Durand"},
		workshop.CheckIn{ID: "n2", KPIID: "k1", Date: "2027-02-26", Value: "105", Confidence: 7, Note: "Note de février", Author: "Bruno Œhler"},
		workshop.CheckIn{ID: "n3", KPIID: "k4", Date: "2027-02-26", Value: workshop.FormatNumber(10.5, l), NoConfidence: true, Note: "Remises en hausse"},
	)
	s.Current().LateDecisions = []workshop.Decision{{ID: "late1", Date: "2027-02-20", Type: workshop.DecisionDecision, Text: "Plafonner les remises à 10 %", Author: "Amélie Durand"}}
	return s
}

// TestReviewPDF_Issue13_5: the monthly review as of 1 March 2027 (the
// previous first Tuesday is 2 February): status table, a vector chart per
// KPI, only the notes and decisions since 2 February, the agenda, room for
// decisions; reproducible; DRAFT before signature.
func TestReviewPDF_Issue13_5(t *testing.T) {
	s := trackedSession(t, workshop.FR, 13)
	asOf := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	pdf, err := ReviewPDF(s, ReviewOptions{AsOf: asOf, Ritual: "revue mensuelle"})
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdftotext(t, pdf, 0))
	for _, want := range []string{"DOSSIER DE REVUE", "Revue mensuelle", "1er mars 2027", "Depuis 2 février 2027",
		"Statut des objectifs et des KPI", "NRR", "Churn logo", "MRR d’expansion", "Remise moyenne",
		"À risque", "Alerte", "Aucune donnée", // NRR: 3/8 = 0.375 < 0.75 × 59/90; MRR 44 200 < alert 45 000; discount 10,5 > 10
		"Tendances", "Cible 110 %", "Note de février", "Remises en hausse", "Plafonner les remises à 10 %",
		"Revue des KPI ; alertes, décisions", "Risques — plan d’action", "Décisions de cette revue", "Pilote : Bruno Œhler"} {
		if !strings.Contains(text, flat(want)) {
			t.Errorf("the review pack lacks %q", want)
		}
	}
	for _, not := range []string{"Deux upsells", "QBR deviennent", "BROUILLON"} {
		if strings.Contains(text, not) {
			t.Errorf("the review pack shows %q, from before the previous review (or a DRAFT mark on a signed charter)", not)
		}
	}
	// Vectors only: no image XObject.
	dir := t.TempDir()
	path := filepath.Join(dir, "review.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfimages", "-list", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfimages: %v\n%s", err, out)
	}
	if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) != 2 {
		t.Fatalf("the review pack holds images:\n%s", out)
	}
	// The chart area is drawn: the trends page has the series' blue.
	trends := trendsPage(t, pdf)
	if err := exec.Command("pdftoppm", "-r", "60", "-png", "-f", fmt.Sprint(trends), "-l", fmt.Sprint(trends), path, filepath.Join(dir, "p")).Run(); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(matches) != 1 {
		t.Fatalf("pdftoppm wrote %v", matches)
	}
	f, _ := os.Open(matches[0])
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	blue, red, green := 0, 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			switch {
			case bl > 140 && r < 80 && g < 130:
				blue++
			case r > 150 && g < 100 && bl < 110:
				red++
			case g > 100 && r < 80 && bl < 80:
				green++
			}
		}
	}
	if blue < 30 || red < 20 || green < 20 {
		t.Fatalf("the chart area looks empty: %d series, %d alert, %d target pixels", blue, red, green)
	}

	// Reproducible; another day or ritual changes the pack.
	again, _ := ReviewPDF(trackedSession(t, workshop.FR, 13), ReviewOptions{AsOf: asOf.Add(5 * time.Hour), Ritual: "r2"})
	if !bytes.Equal(pdf, again) {
		t.Fatalf("two packs of the same data and day differ at byte %d", firstDiff(pdf, again))
	}
	if other, _ := ReviewPDF(s, ReviewOptions{AsOf: asOf, Ritual: "weekly"}); bytes.Equal(other, pdf) {
		t.Fatal("the weekly sync's pack is the monthly review's")
	}
	if _, err := ReviewPDF(s, ReviewOptions{AsOf: asOf, Ritual: "Comité"}); err == nil || !strings.Contains(err.Error(), `ritual "Comité" is not in this charter`) {
		t.Fatalf("unknown ritual: %v", err)
	}

	// Before signature: a rehearsal, marked DRAFT on every page; English.
	draft := fullSession(t, workshop.EN, false)
	dpdf, err := ReviewPDF(draft, ReviewOptions{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	dtext := flat(pdftotext(t, dpdf, 0))
	for _, want := range []string{"REVIEW PACK", "Weekly sync", "DRAFT", "this pack is a rehearsal", "Since 22 February 2027", "No check-in yet"} {
		if !strings.Contains(dtext, flat(want)) {
			t.Errorf("the draft pack lacks %q", want)
		}
	}
}

// trendsPage is the page the trends section starts on.
func trendsPage(t *testing.T, pdf []byte) int {
	for i, page := range strings.Split(pdftotext(t, pdf, 0), "\f") { // pdftotext ends each page with a form feed
		if strings.Contains(page, "Tendances") {
			return i + 1
		}
	}
	t.Fatal("no trends page")
	return 0
}

// BenchmarkReviewPDF_Issue13: the pack of a charter with 800 check-ins of
// one KPI over three years and the others monthly (issue 13: < 100 ms).
func BenchmarkReviewPDF_Issue13(b *testing.B) {
	s := trackedSession(b, workshop.EN, 800)
	asOf := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, err := ReviewPDF(s, ReviewOptions{AsOf: asOf}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestKPICSV_ReadsBackAsCheckIns_Issue13_2: the KPI CSV export, in either
// language, is a check-ins file: imported into the same charter without
// its check-ins it gives them back (confidence given or not), and into the
// charter that has them, every line is already recorded.
func TestKPICSV_ReadsBackAsCheckIns_Issue13_2(t *testing.T) {
	for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
		s := trackedSession(t, l, 13)
		now := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
		data, err := kpiCSV(s, 1, now)
		if err != nil {
			t.Fatal(err)
		}
		r, err := workshop.ReadCheckInsCSV(s, data, now)
		if err != nil || r.Err() != nil || len(r.CheckIns) != 0 || r.Known != len(s.CheckIns) || r.Lang != l {
			t.Fatalf("%s: the export read back into its charter: %v %+v", l, err, r)
		}
		empty := trackedSession(t, l, 13)
		want := empty.CheckIns
		empty.CheckIns = nil
		r, _ = workshop.ReadCheckInsCSV(empty, data, now)
		if r.Err() != nil || len(r.CheckIns) != len(want) {
			t.Fatalf("%s: %v, %d check-ins, want %d", l, r.Err(), len(r.CheckIns), len(want))
		}
		byKey := map[string]workshop.CheckIn{}
		for _, ci := range r.CheckIns {
			byKey[ci.KPIID+string(ci.Date)+ci.Value] = ci
		}
		for _, w := range want {
			got, ok := byKey[w.KPIID+string(w.Date)+w.Value]
			if !ok || got.Note != w.Note || got.NoConfidence != w.NoConfidence || got.Confidence != w.Confidence || got.Author != w.Author {
				t.Errorf("%s: %+v came back as %+v", l, w, got)
			}
		}
	}
}
