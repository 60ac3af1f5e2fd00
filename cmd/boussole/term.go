package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// visible makes text safe to print on a terminal: every control character
// (C0 but newline and tab, DEL, C1), every bidirectional embedding,
// override or isolate (which reorder the rest of the line) and every byte
// that is not UTF-8 is written as an escape a person can read, \u001b or
// \xff, instead of being obeyed by the terminal. An imported title holding
// "ESC ] 0 ; …" thus shows as text and neither clears the screen nor sets
// the window title. JSON keeps its meaning: a control character inside a
// JSON string becomes its \u escape.
func visible(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if hidden(r, n) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case hidden(r, n):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// hidden reports whether the rune r, n bytes long, must not reach a
// terminal as it is.
func hidden(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1: // not UTF-8
		return true
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// termWriter passes everything written through visible. A UTF-8 sequence
// cut between two writes is held until the next one, so that it is judged
// whole; flush writes what is still held.
type termWriter struct {
	w    io.Writer
	held []byte
}

func newTermWriter(w io.Writer) *termWriter { return &termWriter{w: w} }

func (t *termWriter) Write(p []byte) (int, error) {
	data := append(t.held, p...)
	t.held = nil
	// Hold a trailing sequence that is the start of a longer rune.
	for k := 1; k <= utf8.UTFMax-1 && k <= len(data); k++ {
		start := len(data) - k
		if utf8.RuneStart(data[start]) {
			if !utf8.FullRune(data[start:]) {
				t.held = append([]byte(nil), data[start:]...)
				data = data[:start]
			}
			break
		}
	}
	if _, err := io.WriteString(t.w, visible(string(data))); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (t *termWriter) flush() error {
	if len(t.held) == 0 {
		return nil
	}
	held := t.held
	t.held = nil
	_, err := io.WriteString(t.w, visible(string(held)))
	return err
}
