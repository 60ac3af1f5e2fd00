package room

import (
	"strings"
	"testing"
)

// FuzzDecode: the room's JSON decoder never panics, never accepts more
// than its limit, and what it accepts is one object of known fields.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"text":"x","kind":"kpi","anonymous":true}`, `{"card":"a"}`, `{"participant":""}`,
		`{"text":"\u003cimg\u003e"}`, `{"text":"x"} {}`, `[]`, `{"text":1}`, "{\"text\":\"\xff\"}", `{"a":` + strings.Repeat("[", 100)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		const max = 512
		var in cardReq
		p := decode(strings.NewReader(string(b)), max, &in)
		if len(b) > max && p == nil {
			t.Fatalf("accepted %d bytes over the limit", len(b))
		}
		if p != nil && (p.FR == "" || p.EN == "") {
			t.Fatalf("problem without sentences: %+v", p)
		}
		var v voteReq
		_ = decode(strings.NewReader(string(b)), max, &v)
		var w whoReq
		_ = decode(strings.NewReader(string(b)), max, &w)
	})
}
