package storage

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"
)

// decodeSummary reads a summaries entry. The list of 10,000 sessions must
// show in under 50 ms, and reflection-based decoding is most of that time,
// so the exact bytes json.Marshal writes for a summaryV1 are read by hand;
// anything else (an escape, another key order, a future field) falls back
// to json.Unmarshal, which gives the same value.
func decodeSummary(b []byte, r *summaryV1) error {
	if fastSummary(b, r) {
		return nil
	}
	*r = summaryV1{}
	return json.Unmarshal(b, r)
}

func fastSummary(b []byte, r *summaryV1) bool {
	p := summaryParser{b: b}
	var updated string
	ok := p.lit(`{"id":`) && p.str(&r.ID) &&
		p.lit(`,"title":`) && p.str(&r.Title) &&
		p.lit(`,"period":`) && p.str(&r.Period) &&
		p.lit(`,"lang":`) && p.str(&r.Lang) &&
		p.lit(`,"status":`) && p.str(&r.Status) &&
		p.lit(`,"revision":`) && p.int(&r.Revision) &&
		p.lit(`,"updated":`) && p.str(&updated) &&
		p.lit(`}`) && p.i == len(b)
	if !ok {
		return false
	}
	t, err := time.Parse(time.RFC3339Nano, updated)
	if err != nil {
		return false
	}
	r.Updated = t
	return true
}

type summaryParser struct {
	b []byte
	i int
}

func (p *summaryParser) lit(s string) bool {
	if !bytes.HasPrefix(p.b[p.i:], []byte(s)) {
		return false
	}
	p.i += len(s)
	return true
}

// str reads a JSON string that needs no unescaping.
func (p *summaryParser) str(out *string) bool {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return false
	}
	rest := p.b[p.i+1:]
	end := bytes.IndexByte(rest, '"')
	if end < 0 {
		return false
	}
	seg := rest[:end]
	for _, c := range seg {
		if c == '\\' || c < 0x20 {
			return false
		}
	}
	if !utf8.Valid(seg) {
		return false
	}
	*out = string(seg)
	p.i += end + 2
	return true
}

func (p *summaryParser) int(out *int) bool {
	j := p.i
	if j < len(p.b) && p.b[j] == '-' {
		j++
	}
	for j < len(p.b) && p.b[j] >= '0' && p.b[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(string(p.b[p.i:j]))
	if err != nil {
		return false
	}
	*out = n
	p.i = j
	return true
}
