package pades

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// The PDF reading here is what signing a PDF written by fpdf needs, and
// what finding a signature in any PDF needs; it is not a PDF parser.

var (
	startxrefRE = regexp.MustCompile(`startxref\s+([0-9]+)\s+%%EOF\s*$`)
	refRE       = func(key string) *regexp.Regexp {
		return regexp.MustCompile(`/` + key + `\s+([0-9]+)\s+0\s+R`)
	}
	sizeRE  = regexp.MustCompile(`/Size\s+([0-9]+)`)
	rootRE  = refRE("Root")
	infoRE  = refRE("Info")
	pagesRE = refRE("Pages")
	kidsRE  = regexp.MustCompile(`/Kids\s*\[\s*([0-9]+)\s+0\s+R`)
)

// document is what signing needs to know of a PDF with a classic
// cross-reference table and trailer, as fpdf writes.
type document struct {
	data      []byte
	startxref int
	size      int // the trailer's /Size: the next free object number
	root      int // the catalog
	info      int // the information dictionary, 0 when none
	offsets   map[int]int
}

func parseDocument(data []byte) (*document, error) {
	tail := data[max(0, len(data)-1024):]
	m := startxrefRE.FindSubmatch(tail)
	if m == nil {
		return nil, fmt.Errorf("the PDF does not end with startxref and %%%%EOF")
	}
	d := &document{data: data, offsets: map[int]int{}}
	var err error
	if d.startxref, err = strconv.Atoi(string(m[1])); err != nil || d.startxref >= len(data) {
		return nil, fmt.Errorf("the PDF's startxref points outside the file")
	}
	rest := data[d.startxref:]
	if !bytes.HasPrefix(rest, []byte("xref")) {
		return nil, fmt.Errorf("the PDF has no classic cross-reference table at startxref")
	}
	rest = rest[len("xref"):]
	for {
		rest = bytes.TrimLeft(rest, " \r\n")
		if bytes.HasPrefix(rest, []byte("trailer")) {
			rest = rest[len("trailer"):]
			break
		}
		eol := bytes.IndexAny(rest, "\r\n")
		if eol < 0 {
			return nil, fmt.Errorf("the PDF's cross-reference table has no trailer")
		}
		f := strings.Fields(string(rest[:eol]))
		if len(f) != 2 {
			return nil, fmt.Errorf("the PDF's cross-reference table is malformed")
		}
		first, err1 := strconv.Atoi(f[0])
		count, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || first < 0 || count < 0 || count > len(data)/20 {
			return nil, fmt.Errorf("the PDF's cross-reference table is malformed")
		}
		rest = bytes.TrimLeft(rest[eol:], "\r\n")
		if len(rest) < 20*count {
			return nil, fmt.Errorf("the PDF's cross-reference table is cut short")
		}
		for i := range count {
			e := rest[20*i : 20*i+20]
			if e[17] == 'n' {
				off, err := strconv.Atoi(string(e[:10]))
				if err != nil || off >= len(data) {
					return nil, fmt.Errorf("the PDF's cross-reference entry of object %d is malformed", first+i)
				}
				d.offsets[first+i] = off
			}
		}
		rest = rest[20*count:]
	}
	trailer, _, found := bytes.Cut(rest, []byte("startxref"))
	if !found {
		return nil, fmt.Errorf("the PDF's trailer is not followed by startxref")
	}
	if bytes.Contains(trailer, []byte("/Prev")) || bytes.Contains(trailer, []byte("/Encrypt")) {
		return nil, fmt.Errorf("the PDF was already updated or is encrypted: Boussole signs the charters it writes")
	}
	sm, rm := sizeRE.FindSubmatch(trailer), rootRE.FindSubmatch(trailer)
	if sm == nil || rm == nil {
		return nil, fmt.Errorf("the PDF's trailer names no /Size or /Root")
	}
	d.size, _ = strconv.Atoi(string(sm[1]))
	d.root, _ = strconv.Atoi(string(rm[1]))
	if im := infoRE.FindSubmatch(trailer); im != nil {
		d.info, _ = strconv.Atoi(string(im[1]))
	}
	return d, nil
}

// object returns the body of object n: what lies between "n 0 obj" and
// "endobj", trimmed.
func (d *document) object(n int) ([]byte, error) {
	off, ok := d.offsets[n]
	if !ok {
		return nil, fmt.Errorf("the PDF has no object %d", n)
	}
	head := fmt.Sprintf("%d 0 obj", n)
	rest := d.data[off:]
	if !bytes.HasPrefix(rest, []byte(head)) {
		return nil, fmt.Errorf("the PDF's object %d is not where its cross-reference table says", n)
	}
	rest = rest[len(head):]
	body, _, found := bytes.Cut(rest, []byte("endobj"))
	if !found {
		return nil, fmt.Errorf("the PDF's object %d has no endobj", n)
	}
	return bytes.TrimSpace(body), nil
}

// firstPage returns the number of the document's first page object.
func (d *document) firstPage(catalog []byte) (int, error) {
	m := pagesRE.FindSubmatch(catalog)
	if m == nil {
		return 0, fmt.Errorf("the PDF's catalog names no /Pages")
	}
	n, _ := strconv.Atoi(string(m[1]))
	pages, err := d.object(n)
	if err != nil {
		return 0, err
	}
	k := kidsRE.FindSubmatch(pages)
	if k == nil {
		return 0, fmt.Errorf("the PDF's page tree has no pages")
	}
	page, _ := strconv.Atoi(string(k[1]))
	body, err := d.object(page)
	if err != nil {
		return 0, err
	}
	if !bytes.Contains(body, []byte("/Type /Page")) || bytes.Contains(body, []byte("/Type /Pages")) {
		return 0, fmt.Errorf("the PDF's first page is a nested page tree: Boussole signs the charters it writes")
	}
	return page, nil
}

// addToDict inserts entry before the closing ">>" of a dictionary object
// written without a stream.
func addToDict(body []byte, entry string) ([]byte, error) {
	end := bytes.LastIndex(body, []byte(">>"))
	if !bytes.HasPrefix(body, []byte("<<")) || end < 0 || len(bytes.TrimSpace(body[end+2:])) != 0 {
		return nil, fmt.Errorf("not a dictionary")
	}
	out := make([]byte, 0, len(body)+len(entry)+2)
	out = append(out, body[:end]...)
	out = append(out, '\n')
	out = append(out, entry...)
	out = append(out, body[end:]...)
	return out, nil
}

// textString encodes s as a PDF text string: literal when plain printable
// ASCII, else UTF-16BE with a byte-order mark, in hex.
func textString(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '(' || c == ')' || c == '\\' {
			plain = false
			break
		}
	}
	if plain {
		return "(" + s + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(strings.ToValidUTF8(s, "\uFFFD"))) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfDate writes t as a PDF date in UTC.
func pdfDate(t time.Time) string {
	return "D:" + t.UTC().Format("20060102150405") + "+00'00'"
}

// parsePDFDate reads a PDF date (D:YYYYMMDDHHmmSS with an optional zone).
func parsePDFDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 14 {
		return time.Time{}, false
	}
	t, err := time.Parse("20060102150405", s[:14])
	if err != nil {
		return time.Time{}, false
	}
	zone := strings.ReplaceAll(s[14:], "'", "")
	switch {
	case zone == "" || zone == "Z" || zone == "+0000" || zone == "-0000":
		return t, true
	case len(zone) == 5 && (zone[0] == '+' || zone[0] == '-'):
		h, err1 := strconv.Atoi(zone[1:3])
		m, err2 := strconv.Atoi(zone[3:5])
		if err1 != nil || err2 != nil {
			return time.Time{}, false
		}
		off := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
		if zone[0] == '-' {
			off = -off
		}
		return t.Add(-off), true
	}
	return time.Time{}, false
}

// readString reads the PDF string that starts value (after the key and
// spaces): a literal (…) with its escapes, or a hex <…>; UTF-16BE with a
// byte-order mark is decoded, anything else is read as Latin-1 text.
func readString(value []byte) (string, bool) {
	value = bytes.TrimLeft(value, " \r\n\t")
	var raw []byte
	switch {
	case bytes.HasPrefix(value, []byte("<")) && !bytes.HasPrefix(value, []byte("<<")):
		end := bytes.IndexByte(value, '>')
		if end < 0 {
			return "", false
		}
		hex := bytes.Map(func(r rune) rune {
			if strings.ContainsRune(" \r\n\t", r) {
				return -1
			}
			return r
		}, value[1:end])
		if len(hex)%2 == 1 {
			hex = append(hex, '0')
		}
		for i := 0; i+1 < len(hex); i += 2 {
			v, err := strconv.ParseUint(string(hex[i:i+2]), 16, 8)
			if err != nil {
				return "", false
			}
			raw = append(raw, byte(v))
		}
	case bytes.HasPrefix(value, []byte("(")):
		var ok bool
		if raw, ok = literal(value); !ok {
			return "", false
		}
	default:
		return "", false
	}
	if len(raw) >= 2 && raw[0] == 0xfe && raw[1] == 0xff {
		u := make([]uint16, 0, len(raw)/2)
		for i := 2; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		return string(utf16.Decode(u)), true
	}
	if utf8.Valid(raw) {
		return string(raw), true
	}
	r := make([]rune, len(raw))
	for i, c := range raw {
		r[i] = rune(c)
	}
	return string(r), true
}

// literal reads the literal string (…) that starts value, with its
// escapes and balanced parentheses.
func literal(value []byte) ([]byte, bool) {
	var raw []byte
	depth := 0
	for i := 0; i < len(value); i++ {
		c := value[i]
		switch c {
		case '\\':
			i++
			if i >= len(value) {
				return nil, false
			}
			switch e := value[i]; e {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			case 't':
				raw = append(raw, '\t')
			case 'b':
				raw = append(raw, '\b')
			case 'f':
				raw = append(raw, '\f')
			case '\r', '\n':
			default:
				if e >= '0' && e <= '7' {
					j := i
					for j < len(value) && j < i+3 && value[j] >= '0' && value[j] <= '7' {
						j++
					}
					v, _ := strconv.ParseUint(string(value[i:j]), 8, 16)
					raw = append(raw, byte(v))
					i = j - 1
				} else {
					raw = append(raw, e)
				}
			}
			continue
		case '(':
			depth++
			if depth == 1 {
				continue
			}
		case ')':
			depth--
			if depth == 0 {
				return raw, true
			}
		}
		raw = append(raw, c)
	}
	return nil, false
}
