package report

import (
	"encoding/binary"
	"errors"
	"strings"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"fyne.io/fyne/v2/theme"

	"boussole/workshop"
)

// The PDF's main face is Fyne's embedded Noto Sans (regular, bold, italic):
// Latin with its accents and ligatures (é, œ, Ł), Greek (Ω), Cyrillic (Ж)
// and the typographic punctuation people type (’ — « » €). The fallback
// faces (fallback.go) print Hebrew, Arabic, Chinese, Japanese, Korean,
// arrows and mathematical signs. What no face draws — emoji, Devanagari … —
// is replaced before layout by sanitize with a visible "□", and R-PDF-1
// (workshop.PDFPrintable) warns of it before sign-off.
const fontFamily = "noto"

type fontSet struct {
	regular, bold, italic []byte
	// covered holds the runes the regular face maps to a glyph; the bold
	// and italic faces of Noto Sans cover the same repertoire.
	covered map[rune]bool
	// bmp is covered for the Basic Multilingual Plane as a table: sanitize
	// looks up every rune of every text, a megabyte at a time.
	bmp []bool
	err error
}

// has reports whether the font draws r.
func (fs *fontSet) has(r rune) bool {
	if r >= 0 && int(r) < len(fs.bmp) {
		return fs.bmp[r]
	}
	return fs.covered[r]
}

var (
	fontsOnce sync.Once
	fonts     fontSet
)

// loadFonts reads the font bytes and their coverage once per process.
func loadFonts() *fontSet {
	fontsOnce.Do(func() {
		fonts.regular = theme.DefaultTextFont().Content()
		fonts.bold = theme.DefaultTextBoldFont().Content()
		fonts.italic = theme.DefaultTextItalicFont().Content()
		fonts.covered, fonts.err = cmapRunes(fonts.regular)
		fonts.bmp = make([]bool, 0x10000)
		for r := range fonts.covered {
			if r >= 0 && r < 0x10000 {
				fonts.bmp[r] = true
			}
		}
	})
	return &fonts
}

// replacement is what a rune no face draws becomes: a white square (from a
// fallback face), else a question mark.
func (fs *fontSet) replacement() string {
	if workshop.PDFPrintable('□') {
		return "□"
	}
	return "?"
}

// printable reports whether a face of the PDF draws r: the main face or a
// fallback face (workshop's table of the faces' coverage, which a test
// checks against the faces). Only the Basic Multilingual Plane: fpdf draws
// no rune beyond it.
func (fs *fontSet) printable(r rune) bool {
	return r >= 0 && r < 0xFFFF && (fs.has(r) || workshop.PDFPrintable(r))
}

// isBidiControl reports the explicit bidirectional formatting characters
// (embeddings, overrides, isolates, marks): they steer the bidi algorithm
// of a text editor; the PDF's lines are ordered by bidi.go from the letters
// themselves, so these are removed rather than drawn.
func isBidiControl(r rune) bool {
	return r == 0x200E || r == 0x200F || r == 0x061C || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// substitutes maps a few symbols people type to a close equivalent, used
// only should no face draw them (DejaVu Sans draws them all), so that a
// change line such as "25 % → 28 %" stays readable rather than showing a
// replacement mark.
var substitutes = map[rune]string{
	'→': "->", '⇒': "=>", '←': "<-", '⇐': "<=", '↔': "<->",
	'−': "–", '≤': "<=", '≥': ">=", '≠': "!=", '≈': "~",
	'✓': "(v)", '✔': "(v)", '✗': "(x)", '✘': "(x)",
	'\t': " ",
}

// sanitize returns s with every rune the font cannot draw replaced, so that
// layout measures what will be printed and an export never fails on what
// someone typed. A run of emoji joined by zero-width joiners, variation
// selectors or skin-tone modifiers becomes a single replacement mark.
// Line breaks are kept; other control characters are dropped.
func sanitize(s string) string {
	fs := loadFonts()
	ok := fs.printable
	if fs.err != nil {
		ok = func(r rune) bool { return r < 0x7f }
	}
	var b strings.Builder
	b.Grow(len(s))
	lastReplaced := false // the previous output was a replacement mark
	joinNext := false     // a ZWJ after a replaced rune: swallow the next rune
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
			lastReplaced, joinNext = false, false
			continue
		case r == '\r':
			continue
		}
		if lastReplaced && (isEmojiModifier(r) || joinNext) {
			joinNext = r == 0x200D
			continue
		}
		if lastReplaced && r == 0x200D {
			joinNext = true
			continue
		}
		if sub, found := substitutes[r]; found && (r == '\t' || !ok(r)) {
			b.WriteString(sub)
			lastReplaced, joinNext = false, false
			continue
		}
		if unicode.IsControl(r) || isBidiControl(r) {
			continue
		}
		if ok(r) {
			b.WriteRune(r)
			lastReplaced = false
			continue
		}
		if isEmojiModifier(r) || r == 0x200D {
			continue // a stray modifier draws nothing
		}
		b.WriteString(fs.replacement())
		lastReplaced = true
	}
	return b.String()
}

// isEmojiModifier reports runes that only modify the emoji before them.
func isEmojiModifier(r rune) bool {
	return r == 0xFE0E || r == 0xFE0F || // variation selectors
		(r >= 0x1F3FB && r <= 0x1F3FF) || // skin tones
		(r >= 0xE0020 && r <= 0xE007F) || // tag characters (flags)
		r == 0x20E3 // combining enclosing keycap
}

// cmapRunes returns the runes a TrueType font maps to a glyph other than
// .notdef, read from its cmap table (format 12 when present, else format 4).
func cmapRunes(ttf []byte) (map[rune]bool, error) {
	glyphs, err := cmapGlyphs(ttf)
	if err != nil {
		return nil, err
	}
	runes := make(map[rune]bool, len(glyphs))
	for r := range glyphs {
		runes[r] = true
	}
	return runes, nil
}

// fontTable returns the bytes of a table of a TrueType font, or nil.
func fontTable(ttf []byte, tag string) []byte {
	be := binary.BigEndian
	if len(ttf) < 12 {
		return nil
	}
	numTables := int(be.Uint16(ttf[4:]))
	for i := range numTables {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil
		}
		if string(ttf[rec:rec+4]) == tag {
			off, length := int(be.Uint32(ttf[rec+8:])), int(be.Uint32(ttf[rec+12:]))
			if off < 0 || length < 0 || off+length > len(ttf) {
				return nil
			}
			return ttf[off : off+length]
		}
	}
	return nil
}

// cmapGlyphs returns the glyph index of every rune a TrueType font maps to
// a glyph other than .notdef.
func cmapGlyphs(ttf []byte) (map[rune]uint32, error) {
	be := binary.BigEndian
	if len(ttf) < 12 {
		return nil, errors.New("font too short")
	}
	numTables := int(be.Uint16(ttf[4:]))
	var cmap []byte
	for i := range numTables {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, errors.New("font table directory truncated")
		}
		if string(ttf[rec:rec+4]) == "cmap" {
			off, length := int(be.Uint32(ttf[rec+8:])), int(be.Uint32(ttf[rec+12:]))
			if off+length > len(ttf) {
				return nil, errors.New("font cmap truncated")
			}
			cmap = ttf[off : off+length]
		}
	}
	if len(cmap) < 4 {
		return nil, errors.New("font has no cmap")
	}
	var fmt4, fmt12 []byte
	n := int(be.Uint16(cmap[2:]))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform, encoding := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		off := int(be.Uint32(cmap[rec+4:]))
		if off+4 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		switch format := be.Uint16(sub); {
		case format == 12 && (platform == 3 && encoding == 10 || platform == 0):
			fmt12 = sub
		case format == 4 && (platform == 3 && encoding == 1 || platform == 0):
			fmt4 = sub
		}
	}
	runes := make(map[rune]uint32, 4096)
	switch {
	case len(fmt12) >= 16:
		groups := int(be.Uint32(fmt12[12:]))
		for g := 0; g < groups && 16+12*g+12 <= len(fmt12); g++ {
			p := fmt12[16+12*g:]
			start, end, gid := be.Uint32(p), be.Uint32(p[4:]), be.Uint32(p[8:])
			for c := start; c <= end && end-start < 0x110000; c++ {
				if gid+(c-start) != 0 {
					runes[rune(c)] = gid + (c - start)
				}
			}
		}
	case len(fmt4) >= 14:
		segX2 := int(be.Uint16(fmt4[6:]))
		ends := fmt4[14:]
		starts := fmt4[16+segX2:]
		deltas := fmt4[16+2*segX2:]
		ranges := fmt4[16+3*segX2:]
		if 16+4*segX2 > len(fmt4) {
			return nil, errors.New("font cmap format 4 truncated")
		}
		for s := 0; s < segX2/2; s++ {
			end, start := be.Uint16(ends[2*s:]), be.Uint16(starts[2*s:])
			delta, ro := be.Uint16(deltas[2*s:]), int(be.Uint16(ranges[2*s:]))
			for c := uint32(start); c <= uint32(end) && c != 0xFFFF; c++ {
				var gid uint16
				if ro == 0 {
					gid = uint16(c) + delta
				} else {
					at := 16 + 3*segX2 + 2*s + ro + 2*int(c-uint32(start))
					if at+2 > len(fmt4) {
						continue
					}
					gid = be.Uint16(fmt4[at:])
					if gid != 0 {
						gid += delta
					}
				}
				if gid != 0 {
					runes[rune(c)] = uint32(gid)
				}
			}
		}
	default:
		return nil, errors.New("font has no Unicode cmap")
	}
	return runes, nil
}

var warmOnce sync.Once

// WarmFaces starts reading, in the background and once per process, the
// faces every charter and review pack draws in: the main face's bold and
// italic, the symbol face of the cover's arrows, then the regular. fpdf
// keeps a face it has read for the documents that follow, so the first
// PDF of a process reads its faces on both cores instead of one after
// the other on one (the command line calls it before it opens the store).
// Reading a face no document needs costs a little time on the other core
// and nothing else.
func WarmFaces() {
	warmOnce.Do(func() {
		go func() {
			fs := loadFonts()
			if fs.err != nil {
				return
			}
			// A face that fails here fails again, on the caller's
			// goroutine, in the document that adds it.
			read := func(family, style string, data []byte) {
				defer func() { _ = recover() }()
				fpdf.New("P", "mm", "A4", "").AddUTF8FontFromBytes(family, style, data)
			}
			go read(fontFamily, "B", fs.bold)
			go read(fontFamily, "I", fs.italic)
			go func() {
				faceSymbol.load()
				if faceSymbol.err == nil {
					read(faceSymbol.family, "", faceSymbol.data)
				}
			}()
			go read(fontFamily, "", fs.regular)
		}()
	})
}
