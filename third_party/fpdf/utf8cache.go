// Copyright ©2026 The Boussole authors. Use of this source code is governed
// by the MIT license of this package (LICENSE).

package fpdf

import (
	"hash/maphash"
	"sync"
)

// Boussole: a UTF-8 font's parsed definition — metrics, widths, its Id and
// its cmap — depends on the font's bytes and its key only, and parsing it
// was most of the time of a document's AddUTF8FontFromBytes. It is parsed
// once per process and shared by the documents, each of which gets its
// own subsetting state (GenerateCutFont writes into it). The cache is
// keyed by a hash of the bytes, not their address, so a buffer reused for
// another font is parsed anew. Parsing of different fonts may run in
// parallel (a program can warm the faces it will need in goroutines).

type utf8FontKey struct {
	sum  uint64
	size int
	key  string
}

type utf8FontParse struct {
	once sync.Once
	def  fontDefType // utf8File and usedRunes are the document's: unset
	err  error
	// panicked: parsing panicked (a truncated font …) with panicReason;
	// every document adding the font panics with it, as upstream's did.
	panicked    bool
	panicReason any
	// parsed cmap, read only (utf8FontFile.parsedSymbolChar/CharSymbol)
	symbolChar map[int][]int
	charSymbol map[int]int
}

var (
	utf8FontSeed  = maphash.MakeSeed()
	utf8FontCache sync.Map // utf8FontKey -> *utf8FontParse
)

// parsedUTF8Font returns the definition of the UTF-8 font of key fontkey
// read from utf8Bytes, with a subsetting state of its own, and false when
// why not when the bytes are not a TrueType font fpdf reads.
func parsedUTF8Font(fontkey string, utf8Bytes []byte) (fontDefType, error) {
	k := utf8FontKey{sum: maphash.Bytes(utf8FontSeed, utf8Bytes), size: len(utf8Bytes), key: fontkey}
	v, _ := utf8FontCache.LoadOrStore(k, new(utf8FontParse))
	p := v.(*utf8FontParse)
	p.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				p.panicked, p.panicReason = true, r
			}
		}()
		p.parse(fontkey, utf8Bytes)
	})
	if p.panicked {
		panic(p.panicReason)
	}
	if p.err != nil {
		return fontDefType{}, p.err
	}
	def := p.def
	def.utf8File = &utf8FontFile{
		fileReader:       &fileReader{array: utf8Bytes},
		parsedSymbolChar: p.symbolChar,
		parsedCharSymbol: p.charSymbol,
	}
	return def, nil
}

// parse reads the font as AddUTF8FontFromBytes did before the cache.
func (p *utf8FontParse) parse(fontkey string, utf8Bytes []byte) {
	utf8File := newUTF8Font(&fileReader{readerPosition: 0, array: utf8Bytes})
	if p.err = utf8File.parseFile(); p.err != nil {
		return
	}
	desc := FontDescType{
		Ascent:       int(utf8File.Ascent),
		Descent:      int(utf8File.Descent),
		CapHeight:    utf8File.CapHeight,
		Flags:        utf8File.Flags,
		FontBBox:     utf8File.Bbox,
		ItalicAngle:  utf8File.ItalicAngle,
		StemV:        utf8File.StemV,
		MissingWidth: round(utf8File.DefaultWidth),
	}
	p.def = fontDefType{
		Tp:   "UTF8",
		Name: fontkey,
		Desc: desc,
		Up:   int(round(utf8File.UnderlinePosition)),
		Ut:   round(utf8File.UnderlineThickness),
		Cw:   utf8File.CharWidths,
	}
	p.def.i, _ = generateUTF8FontID(p.def, utf8File.widthRunes)
	p.symbolChar, p.charSymbol = utf8File.parsedSymbolChar, utf8File.parsedCharSymbol
}

// utf8SubsetRange is the runes a UTF-8 font's subset starts with, as
// upstream set them: up to 57, or 32 when "{nb}" stands for the page count.
func (f *Fpdf) utf8SubsetRange() map[int]int {
	if f.aliasNbPagesStr == "" {
		return makeSubsetRange(57)
	}
	return makeSubsetRange(32)
}
