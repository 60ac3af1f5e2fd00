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

// cutUTF8Fonts prepares the UTF-8 fonts among keys. Fonts whose bytes share
// an array are prepared one after the other in key order, as upstream did
// (what one wrote into the bytes, the next read: see getMetrics), the
// others in parallel. A panic is raised again on the caller's goroutine:
// the one of the first font in key order that panicked, as upstream would
// have stopped there.
func cutUTF8Fonts(fonts map[string]fontDefType, keys []string) map[string]*utf8Cut {
	cuts := make(map[string]*utf8Cut)
	var arrays []*byte
	byArray := map[*byte][]string{}
	for _, key := range keys {
		font := fonts[key]
		if font.Tp != "UTF8" {
			continue
		}
		cuts[key] = new(utf8Cut)
		a := arrayEnd(font.utf8File.fileReader.array)
		if _, seen := byArray[a]; !seen {
			arrays = append(arrays, a)
		}
		byArray[a] = append(byArray[a], key)
	}
	var wg sync.WaitGroup
	for _, a := range arrays {
		wg.Go(func() {
			written := map[*byte][2]byte{}
			for _, key := range byArray[a] {
				c := cuts[key]
				if !c.prepare(fonts[key], written) {
					return
				}
			}
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

// arrayEnd identifies the array under b: the address of its last element
// (nil when it has none), the same for every slice of that array.
func arrayEnd(b []byte) *byte {
	if cap(b) == 0 {
		return nil
	}
	return &b[:cap(b)][cap(b)-1]
}

// prepare subsets the font to the runes it used and compresses the subset
// and its CIDToGIDMap, as putfonts did inline; written is what the fonts
// prepared before it from the same array wrote into it. It reports false
// when it panicked.
func (c *utf8Cut) prepare(font fontDefType, written map[*byte][2]byte) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			c.panicked, c.panicReason = true, r
		}
	}()
	font.utf8File.sideBearings = written
	defer func() { font.utf8File.sideBearings = nil }()
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
	return true
}
