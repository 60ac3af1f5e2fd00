// Copyright ©2026 The Boussole authors. Use of this source code is governed
// by the MIT license of this package (LICENSE).

package fpdf

import "sync"

// Boussole: subsetting and compressing the UTF-8 fonts were most of the
// time of Output; each font's work touches only that font's state, so the
// fonts are prepared in parallel before the objects are written in their
// usual order (the bytes are the same).

// utf8Cut is a UTF-8 font prepared for output: its subset's size, and the
// compressed CIDToGIDMap and subset.
type utf8Cut struct {
	size         int
	cidMap, font *membuffer
	panicked     bool
	panicReason  any
}

// cutUTF8Fonts prepares the UTF-8 fonts among keys, in parallel. A panic in
// a font's preparation is raised again on the caller's goroutine.
func cutUTF8Fonts(fonts map[string]fontDefType, keys []string) map[string]*utf8Cut {
	cuts := make(map[string]*utf8Cut)
	var wg sync.WaitGroup
	for _, key := range keys {
		font := fonts[key]
		if font.Tp != "UTF8" {
			continue
		}
		c := new(utf8Cut)
		cuts[key] = c
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					c.panicked, c.panicReason = true, r
				}
			}()
			c.prepare(font)
		})
	}
	wg.Wait()
	for _, key := range keys {
		if c := cuts[key]; c != nil && c.panicked {
			panic(c.panicReason)
		}
	}
	return cuts
}

// prepare subsets the font to the runes it used and compresses the subset
// and its CIDToGIDMap, as putfonts did inline.
func (c *utf8Cut) prepare(font fontDefType) {
	usedRunes := font.usedRunes
	delete(usedRunes, 0)
	stream := font.utf8File.GenerateCutFont(usedRunes)
	c.size = len(stream)
	codeSign := font.utf8File.CodeSymbolDictionary
	delete(codeSign, 0)

	cidToGidMap := make([]byte, 256*256*2)
	for cc, glyph := range codeSign {
		cidToGidMap[cc*2] = byte(glyph >> 8)
		cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
	}
	c.cidMap = xmem.compress(cidToGidMap)
	c.font = xmem.compress(stream)
}
