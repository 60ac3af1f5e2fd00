package report

import (
	"embed"
	"encoding/binary"
	"math"
	"strings"
	"sync"
	"unicode"
)

// The fallback faces print what Noto Sans lacks (report/fonts/README.md).
// Their bytes are in the binary, but a face is parsed, and added to a PDF,
// only when a text of that PDF has a character only it draws: a charter in
// Latin letters pays nothing for them.
//
//go:embed fonts/*.ttf
var fallbackFiles embed.FS

// face is one TrueType face a run of text is drawn in.
type face struct {
	family string // fpdf family name
	file   string // under fonts/; empty for the main face
	bold   *face  // the bold weight, when bundled

	once sync.Once
	data []byte
	// width holds, for each rune of the Basic Multilingual Plane, its
	// advance in thousandths of the font size as fpdf computes it, or -1
	// when the face has no glyph for it.
	width []int32
	err   error
}

// mainFace stands for the main face (fontFamily, with its bold and italic):
// it is measured and drawn by fpdf with the style the text asked for.
var mainFace = &face{family: fontFamily}

// fallbacks, in the order they are tried for a rune the main face lacks.
// Hangul goes to the Korean face first (fallbackFor).
var (
	faceHebrew = &face{family: "fb-hebrew", file: "NotoSansHebrew-Regular.ttf",
		bold: &face{family: "fb-hebrew-bold", file: "NotoSansHebrew-Bold.ttf"}}
	faceArabic = &face{family: "fb-arabic", file: "NotoSansArabic-Regular.ttf",
		bold: &face{family: "fb-arabic-bold", file: "NotoSansArabic-Bold.ttf"}}
	faceSymbol = &face{family: "fb-dejavu", file: "DejaVuSans-Symbols.ttf"}
	faceCJK    = &face{family: "fb-cjk", file: "DroidSansFallbackFull.ttf"}
	faceKorean = &face{family: "fb-korean", file: "NanumSquareR.ttf"}
	fallbacks  = []*face{faceHebrew, faceArabic, faceSymbol, faceCJK, faceKorean}
)

// load reads the face's file and its advance widths, once per process.
func (f *face) load() {
	f.once.Do(func() {
		f.data, f.err = fallbackFiles.ReadFile("fonts/" + f.file)
		if f.err != nil {
			return
		}
		f.width, f.err = advanceWidths(f.data)
	})
}

// has reports whether the face draws r (the main face: its cmap).
func (f *face) has(r rune) bool {
	if f == mainFace {
		return loadFonts().has(r)
	}
	if r < 0 || r >= 0x10000 {
		return false
	}
	f.load()
	return f.err == nil && f.width[r] >= 0
}

// advance is r's advance in thousandths of the font size (a fallback face).
func (f *face) advance(r rune) int32 {
	if !f.has(r) {
		return 0
	}
	return f.width[r]
}

// styled returns the face r is drawn in for a text in style ("B" bold):
// the bold weight of a fallback face when it is bundled and has r.
func (f *face) styled(style string, r rune) *face {
	if f != nil && f.bold != nil && strings.Contains(style, "B") && f.bold.has(r) {
		return f.bold
	}
	return f
}

// isMark reports the combining marks, drawn in the face of their letter.
func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me) }

// isHangul reports the Korean alphabet's runes.
func isHangul(r rune) bool {
	return (r >= 0x1100 && r <= 0x11FF) || (r >= 0x3130 && r <= 0x318F) || (r >= 0xA960 && r <= 0xA97F) ||
		(r >= 0xAC00 && r <= 0xD7AF) || (r >= 0xD7B0 && r <= 0xD7FF)
}

// faceFor returns the face r is drawn in, after a rune drawn in prev: the
// main face when it has r, else the first fallback that has it. A
// combining mark stays in the face of its letter when that face has it.
// Nothing else depends on what comes before, so that a line measured
// within its paragraph is as wide drawn alone. Nil when no face has r.
func faceFor(r rune, prev *face) *face {
	if prev != nil && prev != mainFace && isMark(r) && prev.has(r) {
		return prev
	}
	if mainFace.has(r) {
		return mainFace
	}
	if isHangul(r) && faceKorean.has(r) {
		return faceKorean
	}
	for _, f := range fallbacks {
		if f.has(r) {
			return f
		}
	}
	return nil
}

// advanceWidths reads a TrueType font's advance widths for the runes of
// the Basic Multilingual Plane it maps, rounded to thousandths of the em
// as fpdf rounds them, so that a run measured here is as wide as fpdf
// draws it.
func advanceWidths(ttf []byte) ([]int32, error) {
	be := binary.BigEndian
	glyphs, err := cmapGlyphs(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx := fontTable(ttf, "head"), fontTable(ttf, "hhea"), fontTable(ttf, "hmtx")
	if len(head) < 20 || len(hhea) < 36 {
		return nil, errFontTables
	}
	upem := float64(be.Uint16(head[18:]))
	n := int(be.Uint16(hhea[34:]))
	if upem == 0 || n == 0 || len(hmtx) < 4*n {
		return nil, errFontTables
	}
	scale := 1000 / upem
	width := make([]int32, 0x10000)
	for i := range width {
		width[i] = -1
	}
	for r, gid := range glyphs {
		if r < 0 || r >= 0x10000 || r == 0xFFFF {
			continue
		}
		g := min(int(gid), n-1)
		adv := int(be.Uint16(hmtx[4*g:]))
		if adv >= 1<<15 {
			adv = 0
		}
		width[r] = int32(math.Round(scale * float64(adv)))
	}
	return width, nil
}

type fontError string

func (e fontError) Error() string { return string(e) }

const errFontTables = fontError("font lacks its head, hhea or hmtx table")
