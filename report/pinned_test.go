package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"boussole/workshop"
)

var printPinned = flag.Bool("print-pinned", false, "print the pinned PDF digests instead of checking them")

// pinnedPDFs are the SHA-256 digests of PDFs of LayoutVersion, as the
// release that introduced it wrote them. (Those of layout 2 were made with
// fpdf upstream v0.12.0, each document as upstream writes it in a fresh
// process, and third_party/fpdf wrote the same bytes; see its PATCHES.md.) `boussole verify` recognises an
// exported PDF by rendering it again and comparing bytes, so a change of a
// single byte for the same layout number tells a leadership reader that an
// untouched PDF "is not the exported file". When the layout changes on
// purpose, LayoutVersion goes up and these digests are printed anew
// (go test ./report -run TestPDFBytesPinned -print-pinned). They also hold
// the patched PDF library in third_party/fpdf to the bytes the upstream
// module writes.
var pinnedPDFs = map[string]string{
	"full en letter":              "53b57d7d436cf9e45257210df2cfc85219c07b9c3f7ed7d86dc0f2f09cb98d6b",
	"full fr signed":              "b105fe80f519c3a3cdaefbbc0ec435bf82a115677aa66a29cddf488b682be5f7",
	"review en":                   "d242c517b1472564a8929292bc0bc842762fd1d22910efc4e7aed4c0f87cc2a2",
	"scripts fr":                  "10da7fff86aafb3890dc508f3b0da560859a7084e97cb532a33decfbb86d8687",
	"scripts fr composite glyphs": "c55bf8cfff8c56d899a47f8ad2f168b0af223dbc258e93cd83323c91a3f9e727",
	"template abm-pipeline en":    "e05d2490a2920e93d961e08a61b0815ff719ac06cc2209a5437f7bb0ba60910b",
	"template abm-pipeline fr":    "7ac9c72f24ac14864c9b80e945402707d337b1d8f2473c44fb961d7afffe23fc",
	"template blank en":           "3c2fd22023f6985732c1181cd09b239229107b4d22f60b799cbd17dafb03cef0",
	"template blank fr":           "5c51439d80e24892ea33171fc6117720744b1eadc1bca7eee613107369287f34",
	"template net-retention en":   "10b01d3d392791e9ceb38003381dccb40ee0e780af3ebf419894f4df69bf57fa",
	"template net-retention fr":   "5592b6ab82eb04bb80f8c6e9ff738464a62f8543c23b44acc74ede84ea95b38b",
	"template sales-cycle en":     "efa0e974ac075c4e447df067a977e3553650ce23da05e137df1cfe8a8809d085",
	"template sales-cycle fr":     "7432e58363652eec810185de4b6e9972b72054190a66dd1f244f9dd72045e1db",
}

// pinnedCases renders the PDFs whose bytes are pinned: every template in
// both languages, the hand-built charter signed and on Letter paper, the
// charter in many scripts, and a review pack.
func pinnedCases(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, id := range workshop.TemplateIDs() {
		for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
			s, err := workshop.FromTemplate(id, l, "2027-Q1", fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			s.ID = "fedcba9876543210" // FromTemplate draws a new one
			out[fmt.Sprintf("template %s %s", id, l)] = mustPDF(t, s, 1, PDFOptions{Version: "0.2.0"})
		}
	}
	out["full fr signed"] = mustPDF(t, fullSession(t, workshop.FR, true), 1, PDFOptions{DigitalSignature: true, Version: "0.2.0"})
	out["full en letter"] = mustPDF(t, fullSession(t, workshop.EN, false), 1, PDFOptions{Paper: "Letter"})
	out["scripts fr"] = mustPDF(t, scriptsSession(t, workshop.FR), 1, PDFOptions{})
	out["scripts fr composite glyphs"] = mustPDF(t, compositeGlyphsSession(t), 1, PDFOptions{})
	review, err := ReviewPDF(trackedSession(t, workshop.EN, 40), ReviewOptions{AsOf: time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC), Ritual: "r2"})
	if err != nil {
		t.Fatal(err)
	}
	out["review en"] = review
	return out
}

// compositeGlyphsSession is the charter in many scripts whose scope has
// 㐇 and 䴀: in the CJK face, the second is a composite glyph whose
// component is the last glyph with a long metric, drawn after a glyph
// beyond them — fpdf upstream wrote a side bearing into the face's bytes
// and read it back there, which third_party/fpdf reproduces without
// writing (at layout 2 its digest, made with upstream v0.12.0 in a fresh
// process, was the copy's too).
func compositeGlyphsSession(t *testing.T) *workshop.Session {
	s := scriptsSession(t, workshop.FR)
	s.Current().Charter.Scope = "EMEA & APAC — 中国 㐇 䴀, 日本"
	return s
}

// TestPDFBytesPinned_Issue10: the same data still gives the same bytes as
// the release of this layout wrote (see pinnedPDFs).
func TestPDFBytesPinned_Issue10(t *testing.T) {
	got := pinnedCases(t)
	names := make([]string, 0, len(got))
	for name := range got {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		sum := sha256.Sum256(got[name])
		digest := hex.EncodeToString(sum[:])
		if *printPinned {
			fmt.Printf("\t%q: %q,\n", name, digest)
			continue
		}
		if want, ok := pinnedPDFs[name]; !ok {
			t.Errorf("%s: no pinned digest (print them with -print-pinned)", name)
		} else if digest != want {
			t.Errorf("%s: the PDF's bytes changed for layout %d (digest %s, pinned %s): raise LayoutVersion if the layout changed on purpose", name, LayoutVersion, digest, want)
		}
	}
}

// TestPDFConcurrentRendersSameBytes_Issue10: charters rendered at the same
// time in several goroutines (the faces parsed once and shared, subset in
// parallel, warmed in the background) have the bytes of one rendered
// alone. Run with -race by make test.
func TestPDFConcurrentRendersSameBytes_Issue10(t *testing.T) {
	type job struct {
		s   *workshop.Session
		opt PDFOptions
	}
	jobs := []job{
		{fullSession(t, workshop.FR, true), PDFOptions{DigitalSignature: true}},
		{fullSession(t, workshop.EN, false), PDFOptions{Paper: "Letter"}},
		{scriptsSession(t, workshop.FR), PDFOptions{}},
		{scriptsSession(t, workshop.EN), PDFOptions{Paper: "Letter"}},
		{compositeGlyphsSession(t), PDFOptions{}},
	}
	want := make([][]byte, len(jobs))
	for i, j := range jobs {
		want[i] = mustPDF(t, j.s, 1, j.opt)
	}
	var wg sync.WaitGroup
	for range 3 {
		for i, j := range jobs {
			wg.Go(func() {
				got, err := CharterPDF(j.s, 1, j.opt)
				if err != nil {
					t.Error(err)
				} else if !bytes.Equal(got, want[i]) {
					t.Errorf("job %d: rendered concurrently, the PDF differs from the one rendered alone", i)
				}
			})
		}
	}
	wg.Wait()
}

// TestPDFLeavesTheFacesBytesUnchanged_Issue10: subsetting a face leaves its
// bytes — Fyne's faces, which the window draws with too — as they were
// (fpdf upstream wrote a glyph's side bearing into them; third_party/fpdf
// copies instead).
func TestPDFLeavesTheFacesBytesUnchanged_Issue10(t *testing.T) {
	fs := loadFonts()
	faces := map[string][]byte{"regular": fs.regular, "bold": fs.bold, "italic": fs.italic}
	for _, f := range append(fallbacks, faceHebrew.bold, faceArabic.bold) {
		f.load()
		faces[f.file] = f.data
	}
	before := map[string][32]byte{}
	for name, data := range faces {
		before[name] = sha256.Sum256(data)
	}
	mustPDF(t, scriptsSession(t, workshop.FR), 1, PDFOptions{})
	mustPDF(t, fullSession(t, workshop.EN, true), 1, PDFOptions{})
	for name, data := range faces {
		if sha256.Sum256(data) != before[name] {
			t.Errorf("the %s face's bytes changed while a PDF was made", name)
		}
	}
}
