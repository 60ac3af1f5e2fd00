// Copyright ©2026 The Boussole authors. Use of this source code is governed
// by the MIT license of this package (LICENSE).

package fpdf

// Tests of Boussole's patches (PATCHES.md): each gives what upstream's code
// gave. The charters' bytes are pinned in Boussole's report package too.

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
)

// upstreamFontID is generateFontID as upstream v0.12.0 wrote it.
func upstreamFontID(fdt fontDefType) string {
	fdt.File = ""
	b, err := json.Marshal(&fdt)
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("%x", sha1.Sum(b))
}

// sparseWidths returns 65,536 widths, n of them set, and the runes set.
func sparseWidths(rng *rand.Rand, n int) ([]int, []int) {
	cw := make([]int, 256*256)
	var set []int
	for range n {
		r := 1 + rng.IntN(len(cw)-1)
		cw[r] = 1 + rng.IntN(65535)
		set = append(set, r)
	}
	cw[0] = n
	return cw, set
}

func TestFontIDAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"noto", "notoB", `a"Cw":null,"b`, "<&>", "é\u2028", ""}
	for i := range 60 {
		cw, set := sparseWidths(rng, rng.IntN(4000))
		switch i % 6 {
		case 1:
			cw, set = nil, nil
		case 2:
			cw, set = []int{}, nil
		case 3:
			cw[len(cw)-1], cw[1] = 7, 1234567 // the ends, and a wide number
			set = append(set, len(cw)-1, 1, 1)
		case 4:
			cw[0] = 0 // no width counted
		}
		fdt := fontDefType{Tp: "UTF8", Name: names[i%len(names)], Desc: FontDescType{Ascent: i, Descent: -i, Flags: 32, MissingWidth: 600},
			Up: -100, Ut: 50, Cw: cw, File: "x.z", utf8File: &utf8FontFile{}}
		want := upstreamFontID(fdt)
		if got, err := generateFontID(fdt); err != nil || got != want {
			t.Fatalf("case %d: generateFontID = %s, %v; upstream %s", i, got, err, want)
		}
		if got, err := generateUTF8FontID(fdt, set); err != nil || got != want {
			t.Fatalf("case %d: generateUTF8FontID = %s, %v; upstream %s", i, got, err, want)
		}
	}
}

// upstreamCompress is xmempool.compress as upstream wrote it: a new writer
// for every stream.
func upstreamCompress(data []byte) []byte {
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	if err != nil {
		panic(err)
	}
	zw.Write(data)
	zw.Close()
	return buf.Bytes()
}

// TestCompressAsUpstream: reused writers, from several goroutines at once,
// write what new writers write.
func TestCompressAsUpstream(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 9))
			for i := range 40 {
				data := make([]byte, rng.IntN(200000))
				for k := range data {
					data[k] = byte(rng.IntN(4 + i))
				}
				mem := xmem.compress(data)
				if !bytes.Equal(mem.bytes(), upstreamCompress(data)) {
					t.Errorf("goroutine %d, stream %d (%d bytes): compressed differently", g, i, len(data))
				}
				mem.release()
			}
		})
	}
	wg.Wait()
}

// TestCutPanicOnCaller: a font that cannot be subset panics on the
// goroutine that calls Output, as upstream's inline subsetting did, so that
// a caller's recover still sees it.
func TestCutPanicOnCaller(t *testing.T) {
	broken := fontDefType{Tp: "UTF8", Name: "broken", usedRunes: map[int]int{65: 65},
		utf8File: &utf8FontFile{fileReader: &fileReader{array: []byte{0, 1}}}}
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for a font that cannot be subset")
		}
	}()
	cutUTF8Fonts(map[string]fontDefType{"broken": broken}, []string{"broken"})
}

// TestUTF8FontNotReadable: as upstream, a document goes on without a font
// it cannot read; using it is the error.
func TestUTF8FontNotReadable(t *testing.T) {
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("x", "", []byte("OTTO not a font we read"))
	if err := pdf.Error(); err != nil {
		t.Fatalf("adding an unreadable font: %v (upstream goes on)", err)
	}
	pdf.AddPage()
	pdf.SetFont("x", "", 12)
	if pdf.Error() == nil {
		t.Fatal("no error for using a font that could not be read")
	}
}

// TestUTF8FontPanicEveryTime: a font whose parsing panics panics for every
// document that adds it, as upstream's did, not only for the first (the
// parse is shared).
func TestUTF8FontPanicEveryTime(t *testing.T) {
	truncated := append([]byte{0, 1, 0, 0, 0, 9}, make([]byte, 20)...) // a table directory that says nine tables
	for i := range 2 {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("document %d: no panic for a truncated font", i+1)
				}
			}()
			New("P", "mm", "A4", "").AddUTF8FontFromBytes("t", "", truncated)
		}()
	}
}
