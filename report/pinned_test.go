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
// release that introduced it wrote them (with fpdf upstream v0.12.0, as it
// writes a document in a fresh process). `boussole verify` recognises an
// exported PDF by rendering it again and comparing bytes, so a change of a
// single byte for the same layout number tells a leadership reader that an
// untouched PDF "is not the exported file". When the layout changes on
// purpose, LayoutVersion goes up and these digests are printed anew
// (go test ./report -run TestPDFBytesPinned -print-pinned). They also hold
// the patched PDF library in third_party/fpdf to the bytes the upstream
// module writes.
var pinnedPDFs = map[string]string{
	"full en letter":              "2d8748386a2b918077d66f26d026af233922fed4419165dea266034879a2197f",
	"full fr signed":              "2fbc0f7128b92a9c1575562c261711abd9c08ad29c8b3d287bc1705b3e43022f",
	"review en":                   "d242c517b1472564a8929292bc0bc842762fd1d22910efc4e7aed4c0f87cc2a2",
	"scripts fr":                  "1288f29254a8c71300b685defa941b010134e6c4bc3f4f33896743b0af50b9a4",
	"scripts fr composite glyphs": "29cfa72f822f957944e80a0ac71e965d219511369fbd66239d2ce6eac7019a36",
	"template abm-pipeline en":    "effb7a651ff95973962d488e32f6cdc2c394cf80315e54afbb7f397f91ac9907",
	"template abm-pipeline fr":    "baf89c18393e87a01b66afb25f7fffb044e678199c82aae109770a90814b3344",
	"template blank en":           "81eb27cd4deb5d947ab9b2c561f2b737573d974b179ed482083356c2995bc99b",
	"template blank fr":           "2a998753aef530e6e4945df53c6c5a66b4c250817c0da231cd885942a5208a9d",
	"template net-retention en":   "7eac7179a3d35b21df833b0fc0f7326292e809dafef4e107649fc7baf3a7c243",
	"template net-retention fr":   "0089c816f254a0d40ce1064cfd0fc0fc4ea60afdc7b150abc80549297d8c7851",
	"template sales-cycle en":     "adbfb35655b3ff4c83b7f6838943a9ef2555cf8e8092b4707aa2f33479260ca1",
	"template sales-cycle fr":     "bf4aaa0bfe8c207087ff703a48a508e032806d3b5c31a7ccad1aec62a436b433",
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
// writing (its digest was made with upstream v0.12.0 in a fresh process).
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
