package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

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

// TestPDFScripts_RenderForDocs writes the first three pages of the
// mixed-script charter as images when BOUSSOLE_DOCS names a directory:
// `BOUSSOLE_DOCS=$PWD/docs go test ./report -run RenderForDocs` makes
// docs/pdf-scripts-{1,2,3}.png, by which Arabic and Hebrew are judged.
func TestPDFScripts_RenderForDocs(t *testing.T) {
	dir := os.Getenv("BOUSSOLE_DOCS")
	if dir == "" {
		t.Skip("set BOUSSOLE_DOCS to a directory to write the page images")
	}
	pdf := mustPDF(t, scriptsSession(t, workshop.EN), 1, PDFOptions{})
	f := filepath.Join(t.TempDir(), "pdf-scripts.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "3", f, filepath.Join(dir, "pdf-scripts")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
}

// fallbackFaces returns the fallback faces pdffonts lists in the PDF.
func fallbackFaces(t testing.TB, pdf []byte) []string {
	t.Helper()
	var got []string
	list := pdffonts(t, pdf)
	for _, f := range fallbacks {
		if strings.Contains(list, f.family) {
			got = append(got, f.family)
		}
	}
	return got
}

// A charter in Latin letters (with its Greek Ω and Cyrillic Ж, which the
// main face draws) embeds no script's fallback face, only the small symbol
// face for the arrows of its cover ("baseline → target"); each script's
// face is embedded when, and only when, a text needs it.
func TestPDFFonts_FallbackOnlyWhenNeeded_Issue10_2(t *testing.T) {
	t.Parallel()
	for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
		pdf := mustPDF(t, fullSession(t, l, true), 1, PDFOptions{})
		if got := fallbackFaces(t, pdf); strings.Join(got, ",") != faceSymbol.family {
			t.Errorf("%s: a Latin charter embeds the fallback faces %v, want only %s (the cover's arrows)", l, got, faceSymbol.family)
		}
		if !strings.Contains(pdffonts(t, pdf), "utf8noto") {
			t.Errorf("%s: the main face is not embedded:\n%s", l, pdffonts(t, pdf))
		}
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Greek Ελένη, Russian Дмитрий", nil},
		{"25 % → 28 %, écart −3", []string{faceSymbol.family}},
		{nameHebrew, []string{faceHebrew.family}},
		{nameArabic, []string{faceArabic.family}},
		{nameChinese + " " + nameJapan, []string{faceCJK.family}},
		{nameKorean, []string{faceKorean.family}},
		{"Launch 🚀", []string{faceSymbol.family}}, // the "□" that stands for the emoji
	} {
		s := fullSession(t, workshop.EN, false)
		s.Current().Charter.Participants[2].Name = c.text
		got := slices.DeleteFunc(fallbackFaces(t, mustPDF(t, s, 1, PDFOptions{})), func(f string) bool { return f == faceSymbol.family })
		want := slices.DeleteFunc(slices.Clone(c.want), func(f string) bool { return f == faceSymbol.family })
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%q: fallback faces %v, want %v", c.text, got, c.want)
		}
	}
}

// Greek, Cyrillic, Chinese, Japanese, Korean, arrows and math signs come
// back from the PDF as typed (pdftotext); no "?" or "□" stands for them.
// Arabic and Hebrew are judged by eye (docs/pdf-scripts-*.png): text
// extraction gives their presentation forms in visual order.
func TestPDFScripts_TextComesBackAsTyped_Issue10_2(t *testing.T) {
	t.Parallel()
	for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
		s := scriptsSession(t, l)
		pdf := mustPDF(t, s, 1, PDFOptions{})
		text := flat(pdftotext(t, pdf, 0))
		for _, want := range []string{nameGreek, nameRussian, nameChinese, nameJapan, nameKorean, titleCJK, "→ 28", "−3", "≤ 5", "≠ 0", "中国, 日本, 대한민국"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the PDF lacks %q", l, want)
			}
		}
		if strings.Contains(text, "□") || strings.Contains(text, "?") {
			t.Errorf("%s: a replacement mark in the PDF:\n%s", l, text)
		}
		if fs := workshop.Validate(&s.Current().Charter); hasCode(fs, workshop.RPDF1) {
			t.Errorf("%s: R-PDF-1 on a charter the PDF prints whole: %+v", l, fs)
		}
	}
}

func hasCode(fs []workshop.Finding, code workshop.RuleCode) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// What no face prints (Devanagari, emoji) is printed as "□", and R-PDF-1
// names the field before sign-off; the rest of the text is printed.
func TestR_PDF_1_UnprintableScriptAndEmoji_Issue10_2(t *testing.T) {
	t.Parallel()
	s := fullSession(t, workshop.EN, false)
	c := &s.Current().Charter
	c.Participants[2].Name = "Priya नमस\u094dत\u0947 Shah"
	c.Objectives[0].Title = "Launch 🚀 fast"
	fs := workshop.Validate(c)
	got := map[string]workshop.Finding{}
	for _, f := range fs {
		if f.Code == workshop.RPDF1 {
			got[f.Where.Step+"/"+f.Where.ID+"/"+f.Where.Field] = f
		}
	}
	name, ok := got["setup/p3/name"]
	if !ok || name.Severity != workshop.SevWarning || name.Args[3] != "script" || !strings.Contains(name.Message(workshop.EN), "न (U+0928)") {
		t.Errorf("R-PDF-1 on the participant's name = %+v", name)
	}
	title, ok := got["objectives/o1/title"]
	if !ok || title.Args[3] != "emoji" || !strings.Contains(title.Message(workshop.FR), "émojis") {
		t.Errorf("R-PDF-1 on the objective's title = %+v", title)
	}
	if len(got) != 2 {
		t.Errorf("R-PDF-1 findings %v, want the name and the title only", got)
	}
	text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
	for _, want := range []string{"Priya □", "□ Shah", "Launch □ fast"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// Shaping: Arabic letters in their contextual forms, lam-alef ligatures.
func TestShapeArabic_Issue10_2(t *testing.T) {
	for in, want := range map[string][]rune{
		"محمد":            {0xFEE3, 0xFEA4, 0xFEE4, 0xFEAA},
		"لا":              {0xFEFB, ligated},
		"الأمين":          {0xFE8D, 0xFEF7, ligated, 0xFEE3, 0xFEF4, 0xFEE6},
		"سلام":            {0xFEB3, 0xFEFC, ligated, 0xFEE1},
		"abc":             []rune("abc"),
		"ب\u0650س\u0652م": {0xFE91, 0x0650, 0xFEB4, 0x0652, 0xFEE2}, // marks are transparent
	} {
		if got := shapeArabic([]rune(in)); string(runesOf(got)) != string(runesOf(want)) {
			t.Errorf("shapeArabic(%q) = %U, want %U", in, got, want)
		}
	}
}

func runesOf(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		if r == ligated {
			r = '_'
		}
		out[i] = r
	}
	return out
}

// Bidi: lines in visual order (left to right), brackets mirrored in
// right-to-left runs, marks after their letter.
func TestVisualOrder_Issue10_2(t *testing.T) {
	for in, want := range map[string]string{
		"Name (Sales) محمد":       "Name (Sales) دمحم",
		"محمد (Sales)":            "دمحم (Sales)",
		"שלום 123":                "123 םולש",
		"שרה (מכירות)":            "(תוריכמ) הרש",
		"2.1  زيادة":              "2.1  ةدايز",
		"a שלום 12 עולם b":        "a םלוע 12 םולש b",
		"ש\u05b8\u05c1לו\u05b9ם":  "םו\u05b9לש\u05b8\u05c1",
		"plain text":              "plain text",
		"زيادة — 2 priority KPIs": "ةدايز — 2 priority KPIs",
		"שיפור — 提高 — 2 KPIs":     "רופיש — 提高 — 2 KPIs",
		"محمد — علي":              "يلع — دمحم", // right to left: one run
		"א\u202eב x":              "ב\u202eא x",
		"עברית, English, العربية": "תירבע, English, ةيبرعلا",
	} {
		rs := []rune(in)
		order, levels := visualOrder(rs)
		var b strings.Builder
		for _, i := range order {
			r := rs[i]
			if levels[i]%2 == 1 {
				r = mirror(r)
			}
			b.WriteRune(r)
		}
		if got := b.String(); got != want {
			t.Errorf("visualOrder(%q) = %q, want %q", in, got, want)
		}
	}
}

// Hostile text in a charter: 64 KB of mixed scripts, bidi overrides, a
// pile of combining marks, 6,000 lams and alefs, 20,000 ideographs without
// a space — an export never panics and ends (how fast, with a whole
// megabyte: BenchmarkCharterPDF_MegabyteMixedScripts).
func TestPDFScripts_Hostile_Issue10_2(t *testing.T) {
	t.Parallel()
	s := fullSession(t, workshop.EN, false)
	c := &s.Current().Charter
	c.Intent.Statement = megabyteMixed()[:1<<16]
	c.Title = "\u202e" + nameArabic + "\u202d abc \u2067" + nameHebrew + "\u2069 " + strings.Repeat("\u0301", 500) + "Z" + strings.Repeat("\u0336\u0334", 300)
	c.Participants[0].Name = strings.Repeat("ل", 3000) + strings.Repeat("ا", 3000) + "\ufffd\u0000"
	c.Objectives[0].Title = strings.Repeat("中", 20000) // no space to break at
	pdf := mustPDF(t, s, 1, PDFOptions{})
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatal("not a PDF")
	}
}

// A megabyte of mixed scripts goes through the text machinery — sanitize,
// wrapping, shaping, bidi, runs — whole: no panic, nothing lost.
func TestTextRuns_MegabyteMixed_Issue10_2(t *testing.T) {
	t.Parallel()
	w := testTextPDF(t)
	text := sanitize(megabyteMixed())
	lines := w.SplitText(text, 120)
	for _, l := range lines {
		w.runs(l)
	}
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if squeeze(strings.Join(lines, "")) != squeeze(text) {
		t.Error("wrapping a megabyte of mixed scripts lost text")
	}
	if len(lines) < 5000 || !strings.HasPrefix(lines[0], "MixStart") || !strings.HasSuffix(lines[len(lines)-1], "MixEnd") {
		t.Errorf("%d lines, first %q", len(lines), lines[0])
	}
}

// megabyteMixed is about 1 MB of words in every script the PDF prints.
func megabyteMixed() string {
	unit := "Name (Sales) محمد " + nameHebrew + " " + nameChinese + nameKorean + " " + nameGreek + " → −5 "
	return "MixStart " + strings.Repeat(unit, 1<<20/len(unit)) + "MixEnd"
}

// BenchmarkCharterPDF_CJKArabicNames: the net-retention template with its
// people named in Chinese, Japanese, Korean, Arabic and Hebrew, so that
// every fallback face is parsed and embedded.
func BenchmarkCharterPDF_CJKArabicNames(b *testing.B) {
	s, err := workshop.FromTemplate("net-retention", workshop.FR, "2027-Q1", fixedNow)
	if err != nil {
		b.Fatal(err)
	}
	c := &s.Current().Charter
	names := []string{nameArabic, nameChinese, nameJapan, nameKorean, nameHebrew}
	c.Facilitator = nameChinese
	for i := range names {
		c.Participants = append(c.Participants, workshop.Participant{ID: "n" + string(rune('a'+i)), Name: names[i], Function: workshop.FuncSales})
	}
	if len(c.Objectives) > 0 {
		c.Objectives[0].Title = titleArabic + " — " + titleCJK
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

// BenchmarkCharterPDF_MegabyteMixedScripts: a statement of 1 MB in every
// script the PDF prints.
func BenchmarkCharterPDF_MegabyteMixedScripts(b *testing.B) {
	s := fullSession(b, workshop.EN, false)
	s.Current().Charter.Intent.Statement = megabyteMixed()
	b.ResetTimer()
	for b.Loop() {
		if _, err := CharterPDF(s, 1, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// testWriter is a textPDF on a page, with the charter's fonts, at 9 pt.
func testTextPDF(t testing.TB) *textPDF {
	t.Helper()
	fs := loadFonts()
	pdf := newTextPDF(fpdf.New("P", "mm", "A4", ""))
	pdf.AddUTF8FontFromBytes(fontFamily, "", fs.regular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", fs.bold)
	pdf.SetCellMargin(0)
	pdf.AddPage()
	pdf.SetFont(fontFamily, "", 9)
	return pdf
}

// FuzzTextRuns: whatever is typed, wrapping loses no letter (only the
// spaces lines break at), every line fits its width unless it is a single
// letter (with its marks) or a word cut because it is wider than the line (an Arabic letter
// measured in its joined form is drawn in its final form there), and
// cutting it into runs never panics (the drawing of runs is read back in
// the PDF tests).
func FuzzTextRuns(f *testing.F) {
	for _, seed := range []string{mixedLine, signsLine, nameArabic + " " + nameHebrew + " 123 (abc)", titleCJK + titleCJK + titleCJK,
		"\u202e" + nameArabic + "\u202c", "e\u0301\u0301\u0301", "لالالا", "ا\u064b\u064b", "שָׁלוֹם עוֹלָם", "a\u200cb\u200dc", "🚀 " + nameKorean, "\ufffd\U0010FFFF"} {
		f.Add(seed, 40.0)
	}
	w := testTextPDF(f)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if width < 1 || width > 500 || len(s) > 4096 {
			return
		}
		clean := sanitize(s)
		var lines []string
		for para := range strings.SplitSeq(clean, "\n") {
			ls := w.SplitText(para, width)
			lines = append(lines, ls...)
			for i, l := range ls {
				rs := []rune(l)
				cut := len(rs) > 0 && i+1 < len(ls) && ls[i+1] != "" && unicode.In(rs[len(rs)-1], unicode.L, unicode.M) && unicode.In([]rune(ls[i+1])[0], unicode.L, unicode.M)
				bases := 0
				for _, r := range rs {
					if !isMark(r) {
						bases++
					}
				}
				if w.GetStringWidth(l) > width+0.01 && bases > 1 && !cut {
					t.Errorf("line %q is %.2f wide, more than %.2f", l, w.GetStringWidth(l), width)
				}
				w.runs(l) // what CellFormat and Text draw
			}
		}
		squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if got, want := squeeze(strings.Join(lines, "")), squeeze(clean); got != want {
			t.Errorf("wrapping lost text:\n got %q\nwant %q", got, want)
		}
		if err := w.Error(); err != nil {
			t.Fatal(err)
		}
	})
}

// CJK text wraps between characters, never before closing punctuation,
// and keeps every character (fpdf's own SplitText drops the ideograph a
// line breaks at).
func TestSplitText_CJK_Issue10_2(t *testing.T) {
	w := testTextPDF(t)
	text := "提高客户留存率。山田花子、김민준 님"
	for _, width := range []float64{4, 7, 10, 15, 25} {
		lines := w.SplitText(text, width)
		if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Errorf("width %v: %q lost characters", width, lines)
		}
		for _, l := range lines[1:] {
			if width < 7 {
				break // one character a line: a cut, not a choice
			}
			if strings.HasPrefix(l, "。") || strings.HasPrefix(l, "、") {
				t.Errorf("width %v: a line starts with closing punctuation: %q", width, lines)
			}
		}
		if width >= 15 && len(lines) < 2 {
			t.Errorf("width %v: %q not wrapped", width, lines)
		}
	}
}
