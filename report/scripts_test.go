package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"boussole/workshop"
)

// Names and titles in the scripts people of an international company write
// (issue 10 item 2).
const (
	nameArabic  = "محمد الأمين"
	nameHebrew  = "שרה לוי"
	nameChinese = "王小明"
	nameJapan   = "山田 花子"
	nameKorean  = "김민준"
	nameGreek   = "Ελένη Παπαδοπούλου"
	nameRussian = "Дмитрий Иванов"
	titleArabic = "زيادة رضا العملاء"
	titleHebrew = "שיפור שימור לקוחות"
	titleCJK    = "提高客户留存率"
	mixedLine   = "Name (Sales) محمد"
	signsLine   = "25 % → 28 % ; écart −3 ; ≤ 5 ; ≠ 0"
)

// scriptsSession is the full charter with its people and some titles in
// Arabic, Hebrew, Chinese, Japanese, Korean, Greek and Russian.
func scriptsSession(t testing.TB, l workshop.Lang) *workshop.Session {
	t.Helper()
	s := fullSession(t, l, false)
	c := &s.Current().Charter
	c.Facilitator = nameKorean
	names := []string{nameArabic, nameHebrew, nameChinese, nameJapan}
	for i := range c.Participants {
		c.Participants[i].Name = names[i]
	}
	c.Participants = append(c.Participants,
		workshop.Participant{ID: "p5", Name: nameKorean, Function: workshop.FuncFinance},
		workshop.Participant{ID: "p6", Name: nameGreek, Function: workshop.FuncOperations},
		workshop.Participant{ID: "p7", Name: nameRussian, Function: workshop.FuncOther},
		workshop.Participant{ID: "p8", Name: mixedLine, Function: workshop.FuncSales})
	c.Objectives[0].Title = titleArabic
	c.Objectives[1].Title = titleHebrew + " — " + titleCJK
	c.Intent.Hypotheses = append(c.Intent.Hypotheses, signsLine, "كل عميل مهم: 3 لقاءات في 2027 (QBR)", "לקוח מרוצה נשאר: 110% NRR")
	c.Scope = "EMEA & APAC — 中国, 日本, 대한민국, ישראל, الإمارات"
	for i := range c.KPIs {
		c.KPIs[i].Owner = names[i%len(names)]
	}
	return s
}

// pdffonts lists the fonts embedded in the PDF.
func pdffonts(t testing.TB, pdf []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdffonts", f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	return string(out)
}

// TestPDFScripts_RenderForDocs writes the page images of the mixed-script
// charter to docs/ when BOUSSOLE_DOCS is set (to look at them).
func TestPDFScripts_RenderForDocs(t *testing.T) {
	dir := os.Getenv("BOUSSOLE_DOCS")
	if dir == "" {
		t.Skip("set BOUSSOLE_DOCS to a directory to write the page images")
	}
	pdf := mustPDF(t, scriptsSession(t, workshop.EN), 1, PDFOptions{})
	f := filepath.Join(dir, "pdf-scripts.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "80", f, filepath.Join(dir, "pdf-scripts")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	_ = bytes.MinRead
	_ = strings.Join
}
