package report

import (
	"encoding/binary"
	"errors"
	"strings"
	"sync"
	"unicode"

	"fyne.io/fyne/v2/theme"
)

// The PDF uses Fyne's embedded Noto Sans (regular, bold, italic): it covers
// Latin with its accents and ligatures (é, œ, Ł), Greek (Ω), Cyrillic (Ж) and
// the typographic punctuation people type (’ — « » €). Everything else —
// emoji, arrows, dingbats — is replaced before layout by sanitize.
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

// replacement is what a rune the font lacks becomes: a white square when
// the font has one, else a question mark.
func (fs *fontSet) replacement() string {
	if fs.covered['□'] {
		return "□"
	}
	return "?"
}

// substitutes maps a few symbols people type, absent from Noto Sans, to a
// close equivalent the font has, so that a change line such as
// "25 % → 28 %" stays readable rather than showing a replacement mark.
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
	ok := fs.has
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
		if unicode.IsControl(r) {
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
	runes := make(map[rune]bool, 4096)
	switch {
	case len(fmt12) >= 16:
		groups := int(be.Uint32(fmt12[12:]))
		for g := 0; g < groups && 16+12*g+12 <= len(fmt12); g++ {
			p := fmt12[16+12*g:]
			start, end, gid := be.Uint32(p), be.Uint32(p[4:]), be.Uint32(p[8:])
			for c := start; c <= end && end-start < 0x110000; c++ {
				if gid+(c-start) != 0 {
					runes[rune(c)] = true
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
					runes[rune(c)] = true
				}
			}
		}
	default:
		return nil, errors.New("font has no Unicode cmap")
	}
	return runes, nil
}
