package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"boussole/workshop"
)

// signedCharter creates a French net-retention charter for 2027-Q1 and
// signs it as every approver.
func signedCharter(t *testing.T, dir string) (string, *workshop.Session) {
	t.Helper()
	id := newID(t, dir, "--template", "net-retention", "--lang", "fr", "--period", "2027-Q1")
	for _, name := range approverNames(exported(t, dir, id)) {
		ok(t, dir, "sign", id, "--as", name)
	}
	s := exported(t, dir, id)
	if !s.Current().Frozen() {
		t.Fatal("the charter is not signed")
	}
	return id, s
}

// TestCLICheckins_Issue13_2: three check-ins (one a correction) from the
// command line, the dashboard and history in words and as JSON, a CSV
// import stored whole, and bad input that changes nothing.
func TestCLICheckins_Issue13_2(t *testing.T) {
	dir := t.TempDir()
	id, s := signedCharter(t, dir)
	seal := s.Current().Seal

	got := ok(t, dir, "checkin", id, "--kpi", "NRR sur 12 mois glissants", "--value", "104,5 %", "--date", "31/01/2027",
		"--confidence", "6", "--note", "Deux upsells signés", "--as", "isabelle moreau")
	if !strings.Contains(got, "point d’avancement enregistré : NRR sur 12 mois glissants 104,5 % le 2027-01-31") {
		t.Errorf("checkin printed %q", got)
	}
	got = ok(t, dir, "checkin", id, "--kpi", "kpi-nrr", "--value", "105", "--date", "2027-01-31", "--confidence", "0")
	if !strings.Contains(got, "corrige celui du 2027-01-31 (104,5 %)") {
		t.Errorf("a correction printed %q", got)
	}
	ok(t, dir, "checkin", id, "--kpi", "Remise moyenne au renouvellement", "--value", "7,5 %", "--date", "2027-02-05")

	var js checkinsJSON
	if err := json.Unmarshal([]byte(ok(t, dir, "checkins", id, "--json", "--as-of", "2027-02-06")), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.CheckIns) != 3 || js.CheckIns[0].SupersededBy != js.CheckIns[1].ID || js.CheckIns[1].Supersedes != js.CheckIns[0].ID {
		t.Fatalf("history %+v: the correction and the one it corrects must both be there", js.CheckIns)
	}
	if c := js.CheckIns[1].Confidence; c == nil || *c != 0 || js.CheckIns[2].Confidence != nil || *js.CheckIns[0].Confidence != 6 {
		t.Fatalf("confidence 0 and no confidence must differ: %+v", js.CheckIns)
	}
	if js.CheckIns[0].Author != "Isabelle Moreau" || js.CheckIns[0].Number == nil || *js.CheckIns[0].Number != 104.5 {
		t.Fatalf("first %+v", js.CheckIns[0])
	}
	status := map[string]string{}
	for _, k := range js.KPIs {
		status[k.ID] = k.Status
	}
	// NRR 102 → 110 %, alert 105 %: 105 is not below the alert; progress
	// 3/8 = 0.375 ≥ 0.75 × 36/90 = 0.3. The discount, at most 8 %, alert
	// 7 %: 7.5 % sits between them.
	if status["kpi-nrr"] != "on-track" || status["kpi-renewal-discount"] != "at-risk" || status["kpi-nps"] != "no-data" {
		t.Fatalf("statuses %v", status)
	}
	text := ok(t, dir, "checkins", id, "--as-of", "06/02/2027")
	for _, want := range []string{"Tableau de bord au 2027-02-06", "En bonne voie", "À risque", "104,5 % (corrigé)", "Isabelle Moreau", "Deux upsells signés"} {
		if !strings.Contains(text, want) {
			t.Errorf("checkins lacks %q:\n%s", want, text)
		}
	}
	if after := exported(t, dir, id).Current().Seal; after != seal {
		t.Fatal("check-ins changed the seal")
	}

	// A CSV file: stored whole, or not at all.
	csvDir := t.TempDir()
	good := filepath.Join(csvDir, "good.csv")
	if err := os.WriteFile(good, []byte("\ufeffKPI;Date;Valeur;Confiance (0–10);Note;Auteur\r\n"+
		"NRR sur 12 mois glissants;28/02/2027;106 %;7;;Nathalie Petit\r\n"+
		"kpi-nps;2027-02-28;33;;NPS de février;\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(csvDir, "bad.csv")
	if err := os.WriteFile(bad, []byte("KPI;Date;Valeur\nNRR sur 12 mois glissants;31/03/2027;107 %\nNPS;31/03/2027;beaucoup\nChurn;2027-13-01;3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, "boussole.db")
	before := readFile(t, store)
	r := fails(t, dir, exitUsage, "checkins", id, "--import", bad)
	for _, want := range []string{"nothing was stored", "line 3: KPI \"NPS\"", "line 4: KPI \"Churn\""} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("bad file: stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !bytesEqual(before, readFile(t, store)) {
		t.Fatal("a refused file changed the store")
	}
	fails(t, dir, exitUsage, "checkins", id, "--import", csvDir)
	fails(t, dir, exitUsage, "checkin", id, "--kpi", "NPS", "--value", "trois")
	fails(t, dir, exitUsage, "checkin", id, "--kpi", "kpi-nps", "--value", "3", "--as", "Mallory")
	fails(t, dir, exitUsage, "checkin", id, "--kpi", "kpi-nps", "--value", "3", "--confidence", "11")
	fails(t, dir, exitUsage, "checkin", id, "--value", "3")
	fails(t, dir, exitUsage, "checkin", "0000000000000000", "--kpi", "kpi-nps", "--value", "3")
	if !bytesEqual(before, readFile(t, store)) {
		t.Fatal("refused check-ins changed the store")
	}
	if got := ok(t, dir, "checkins", id, "--import", good); got != "2 points d’avancement importés\n" {
		t.Errorf("import printed %q", got)
	}
	if got := ok(t, dir, "checkins", id, "--import", good); got != "0 points d’avancement importés (2 déjà enregistrés)\n" {
		t.Errorf("the same file again printed %q", got)
	}
	if n := len(exported(t, dir, id).CheckIns); n != 5 {
		t.Fatalf("%d check-ins stored, want 5", n)
	}
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// TestCLIReviewPack_Issue13_5: three check-ins, checkins --json, then the
// review pack of the monthly review read back with pdftotext (KPI names,
// statuses in words, the agenda), pdfimages (no image) and pdftoppm (the
// chart area is drawn).
func TestCLIReviewPack_Issue13_5(t *testing.T) {
	dir := t.TempDir()
	id, s := signedCharter(t, dir)
	ok(t, dir, "checkin", id, "--kpi", "NRR sur 12 mois glissants", "--value", "103 %", "--date", "07/01/2027")
	ok(t, dir, "checkin", id, "--kpi", "NRR sur 12 mois glissants", "--value", "104,5 %", "--date", "28/01/2027", "--note", "Deux upsells signés")
	ok(t, dir, "checkin", id, "--kpi", "Onboardings terminés en 45 jours", "--value", "66 %", "--date", "29/01/2027", "--note", "Nouveau parcours")
	var js checkinsJSON
	if err := json.Unmarshal([]byte(ok(t, dir, "checkins", id, "--json", "--as-of", "2027-02-01")), &js); err != nil || len(js.CheckIns) != 3 {
		t.Fatalf("checkins --json: %v %+v", err, js)
	}
	out := filepath.Join(t.TempDir(), "revue.pdf")
	ok(t, dir, "export", id, "--format", "review", "--as-of", "01/02/2027", "--ritual", "Revue mensuelle", "-o", out)
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flatText := strings.Join(strings.Fields(string(text)), " ")
	var ritual workshop.Ritual
	for _, r := range s.Current().Charter.Rituals {
		if r.Name == "Revue mensuelle" {
			ritual = r
		}
	}
	agenda := ritual.AgendaOrDefault(&s.Current().Charter, workshop.FR)
	if len(agenda) == 0 {
		t.Fatal("the monthly review has no agenda")
	}
	for _, want := range []string{"DOSSIER DE REVUE", "Revue mensuelle", "NRR sur 12 mois glissants", "Onboardings terminés en 45 jours",
		"Alerte", "Aucune donnée", "Deux upsells signés", "Nouveau parcours", "Ordre du jour", strings.Join(strings.Fields(agenda[0]), " ")} {
		if !strings.Contains(flatText, want) {
			t.Errorf("the review pack lacks %q", want)
		}
	}
	images, err := exec.Command("pdfimages", "-list", out).Output()
	if err != nil || strings.Count(strings.TrimSpace(string(images)), "\n") != 1 {
		t.Errorf("pdfimages -list: %v\n%s", err, images)
	}
	png := filepath.Join(t.TempDir(), "page")
	if err := exec.Command("pdftoppm", "-r", "40", "-gray", "-f", "3", "-l", "3", out, png).Run(); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(png + "*")
	if len(matches) != 1 {
		t.Fatalf("pdftoppm wrote %v", matches)
	}
	img := readFile(t, matches[0])
	dark := 0
	for _, b := range img[len(img)/4:] { // a PGM: past the header, the pixels
		if b < 160 {
			dark++
		}
	}
	if dark < 2000 {
		t.Errorf("the trends page has %d dark pixels: no chart drawn", dark)
	}
	// Same data, same day: same bytes.
	again := filepath.Join(t.TempDir(), "again.pdf")
	ok(t, dir, "export", id, "--format", "review", "--as-of", "2027-02-01", "--ritual", "monthly", "-o", again)
	if !bytesEqual(readFile(t, out), readFile(t, again)) {
		t.Error("two exports of the same review differ")
	}
	fails(t, dir, exitUsage, "export", id, "--format", "review", "--ritual", "Comité", "-o", again)
	fails(t, dir, exitUsage, "export", id, "--format", "review", "--as-of", "demain", "-o", again)
	fails(t, dir, exitUsage, "export", id, "--format", "pdf", "--as-of", "2027-02-01", "-o", again)
}
