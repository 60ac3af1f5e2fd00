package storage

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"boussole/workshop"
)

func mustExport(t testing.TB, s *workshop.Session) []byte {
	t.Helper()
	b, err := Export(s)
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return b
}

func TestExport_DeterministicPrettyWithNewline(t *testing.T) {
	a := mustExport(t, richSession("0123456789abcdef"))
	b := mustExport(t, richSession("0123456789abcdef"))
	if !bytes.Equal(a, b) {
		t.Fatal("two exports of the same session differ")
	}
	if !bytes.HasPrefix(a, []byte("{\n  \"format\": \"boussole/2\",\n  \"id\": \"0123456789abcdef\",\n")) {
		t.Fatalf("export starts with %q", a[:60])
	}
	if !bytes.HasSuffix(a, []byte("}\n")) {
		t.Fatal("export does not end with a newline")
	}
	if !bytes.Contains(a, []byte(`"name": "Łukasz Żółw"`)) || !bytes.Contains(a, []byte("💶")) {
		t.Fatal("export escapes or loses non-ASCII text")
	}
}

func TestExportDecodeExport_IdenticalAndSealUnchanged(t *testing.T) {
	in := richSession("0123456789abcdef")
	first := mustExport(t, in)
	out, err := Decode(first)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Fatalf("decoded session differs:\n in: %+v\nout: %+v", in, out)
	}
	second := mustExport(t, out)
	if !bytes.Equal(first, second) {
		t.Fatalf("export → decode → export differs:\n%s\n---\n%s", first, second)
	}
	for i := range in.Revisions {
		if a, b := workshop.Seal(&in.Revisions[i].Charter), workshop.Seal(&out.Revisions[i].Charter); a != b {
			t.Fatalf("revision %d seal %s → %s", i+1, a, b)
		}
	}
}

func TestExportImportExport_ThroughTheStore(t *testing.T) {
	s := openTest(t)
	first := mustExport(t, richSession("feedfacecafebeef"))
	id, err := s.Import(first)
	if err != nil {
		t.Fatal(err)
	}
	if id != "feedfacecafebeef" {
		t.Fatalf("id = %q, want the file's id kept", id)
	}
	got, err := s.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if second := mustExport(t, got); !bytes.Equal(first, second) {
		t.Fatal("export → import → export differs")
	}
	// The same file again: the id is taken, so a new one is given.
	id2, err := s.Import(first)
	if err != nil {
		t.Fatal(err)
	}
	if id2 == id || len(id2) != 16 {
		t.Fatalf("second import id = %q", id2)
	}
	list, _ := s.List()
	if len(list) != 2 {
		t.Fatalf("list has %d sessions, want 2", len(list))
	}
}

// mutate returns the rich export with a JSON edit applied.
func mutate(t *testing.T, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(mustExport(t, richSession("0123456789abcdef")), &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func rev(m map[string]any, i int) map[string]any {
	return m["revisions"].([]any)[i].(map[string]any)
}

func charter(m map[string]any, i int) map[string]any {
	return rev(m, i)["charter"].(map[string]any)
}

func TestImport_BadInputNamesWhatAndWhereAndChangesNothing(t *testing.T) {
	junk := make([]byte, 50<<20)
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range junk {
		junk[i] = byte(rnd.IntN(256))
	}
	cases := []struct {
		name string
		data []byte
		want []string // all must appear in the message
	}{
		{"format 3", mutate(t, func(m map[string]any) { m["format"] = "boussole/3"; m["newThing"] = 1 }),
			[]string{`"boussole/3"`, "newer Boussole"}},
		{"format other", mutate(t, func(m map[string]any) { m["format"] = "trello/1" }),
			[]string{`unknown format "trello/1"`}},
		{"format missing", mutate(t, func(m map[string]any) { delete(m, "format") }),
			[]string{`"format" field is missing`}},
		{"id missing", mutate(t, func(m map[string]any) { delete(m, "id") }),
			[]string{`"id"`, "missing"}},
		{"no revisions", mutate(t, func(m map[string]any) { m["revisions"] = []any{} }),
			[]string{`"revisions"`}},
		{"title missing", mutate(t, func(m map[string]any) { delete(charter(m, 1), "title") }),
			[]string{"revisions[1].charter", `"title"`}},
		{"bad lang", mutate(t, func(m map[string]any) { charter(m, 0)["lang"] = "de" }),
			[]string{"revisions[0].charter.lang", `"de"`}},
		{"bad numbering", mutate(t, func(m map[string]any) { rev(m, 1)["number"] = 3 }),
			[]string{"revisions[1].number is 3, expected 2"}},
		{"bad enum", mutate(t, func(m map[string]any) {
			charter(m, 1)["kpis"].([]any)[0].(map[string]any)["targetType"] = "sideways"
		}), []string{"revisions[1].charter.kpis[0].targetType", `"sideways"`}},
		{"altered after signing", mutate(t, func(m map[string]any) {
			charter(m, 0)["kpis"].([]any)[0].(map[string]any)["target"] = "40"
		}), []string{"revision 1 was altered after signing"}},
		{"wrong type", mutate(t, func(m map[string]any) {
			charter(m, 1)["rituals"].([]any)[0].(map[string]any)["minutes"] = "thirty"
		}), []string{`"revisions.charter.rituals.minutes"`, "line ", "column ", "expected a whole number, found string"}},
		{"unknown field", mutate(t, func(m map[string]any) { charter(m, 0)["colour"] = "blue" }),
			[]string{`unknown field "colour" at line 92, column 9`}},
		{"syntax", []byte("{\n  \"format\": \"boussole/1\",\n  \"id\": \"x\",,\n}"),
			[]string{"not valid JSON at line 3, column 13"}},
		{"invalid utf-8", []byte("{\"format\": \"boussole/1\",\n \"id\": \"caf\xe9\"}"),
			[]string{"not valid UTF-8", "offset 36", "line 2, column 12"}},
		{"deep nesting", []byte(`{"format":"boussole/1","id":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "}"),
			[]string{"more than 64 levels", "line 1, column 92"}},
		{"not an object", []byte(`[1,2,3]`), []string{"one JSON object", "found array"}},
		{"empty", []byte("  \n"), []string{"empty"}},
		{"truncated", mustExport(t, richSession("0123456789abcdef"))[:500], []string{"JSON"}},
		{"trailing", append(mustExport(t, richSession("0123456789abcdef")), []byte("{}")...), []string{"not valid JSON at line 546, column 1", "after top-level value"}},
		{"50 MB junk", junk, []string{"too large", "20 MB"}},
	}
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	if err := s.Put(richSession("keepme")); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, filepath.Join(dir, FileName))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.Import(c.data)
			wantKind(t, err, workshop.KindInvalid)
			msg := workshop.Message(err)
			t.Log(msg)
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
		})
	}
	if after := fileSum(t, filepath.Join(dir, FileName)); after != before {
		t.Fatal("bad imports changed the store file")
	}
	list, _ := s.List()
	if len(list) != 1 || list[0].ID != "keepme" {
		t.Fatalf("list after bad imports = %+v", list)
	}
}

func FuzzDecode(f *testing.F) {
	full, err := Export(richSession("0123456789abcdef"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(full)
	f.Add([]byte(`{"format":"boussole/1","id":"a","revisions":[{"number":1,"status":"draft","charter":{"title":"","lang":"en"}}]}`))
	f.Add([]byte(`{"format":"boussole/2"}`))
	f.Add([]byte(`{"format":"boussole/1","id":"a","revisions":[{"number":1,"status":"signed","seal":"00","charter":{"title":"t","lang":"fr"}}]}`))
	f.Add([]byte(strings.Repeat("[", 100)))
	f.Add([]byte("\xff\xfe"))
	f.Add([]byte(`{"format":"boussole/1","board":{"cards":[{"votes":{"":-1}}]}}`))
	addHostileSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(data)
		if err != nil {
			if workshop.KindOf(err) != workshop.KindInvalid {
				t.Fatalf("kind %s for bad input: %v", workshop.KindOf(err), err)
			}
			return
		}
		// Whatever decodes exports, and the export is a fixed point.
		first, err := Export(s)
		if err != nil {
			t.Fatalf("decoded session does not export: %v", err)
		}
		again, err := Decode(first)
		if err != nil {
			t.Fatalf("export does not decode: %v", err)
		}
		second, err := Export(again)
		if err != nil || !bytes.Equal(first, second) {
			t.Fatalf("export not stable (%v)", err)
		}
		exportsAndVerifies(t, s)
	})
}

// The charter's time zone goes through the .boussole file and the store:
// a file written before it existed (no "timeZone") imports with none, and
// with the seal its revisions were signed with; one with a zone keeps it.
func TestInterchangeTimeZone_Issue10_11(t *testing.T) {
	in := richSession("0123456789abcdef")
	b := mustExport(t, in)
	if n := bytes.Count(b, []byte(`"timeZone": "Europe/Paris"`)); n != 1 {
		t.Fatalf("%d timeZone members in the export, want 1 (revision 2 only):\n%s", n, b)
	}
	st := openTest(t)
	id, err := st.Import(b)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if z1, z2 := got.Revisions[0].Charter.TimeZone, got.Revisions[1].Charter.TimeZone; z1 != "" || z2 != "Europe/Paris" {
		t.Fatalf("zones after import: %q, %q", z1, z2)
	}
	if workshop.Seal(&got.Revisions[0].Charter) != in.Revisions[0].Seal {
		t.Fatal("the signed revision's seal changed")
	}
	// A zone from elsewhere that Go does not know is kept as written, and
	// said by R-TZ-1 (a draft may hold errors).
	bad := mutate(t, func(m map[string]any) {
		charter(m, 1)["timeZone"] = "Europe/Pariss\r\nX-EVIL:1"
		delete(rev(m, 1), "signatures") // they sealed the content before
	})
	out, err := Decode(bad)
	if err != nil {
		t.Fatal(err)
	}
	if z := out.Revisions[1].Charter.TimeZone; z != "Europe/Pariss\r\nX-EVIL:1" {
		t.Fatalf("zone %q", z)
	}
	found := false
	for _, f := range workshop.Validate(&out.Revisions[1].Charter) {
		found = found || f.Code == workshop.RTZ1
	}
	if !found {
		t.Fatal("no R-TZ-1 for an unknown zone")
	}
	// In a signed revision the zone is sealed: changing it breaks the seal.
	tampered := mutate(t, func(m map[string]any) { charter(m, 0)["timeZone"] = "Asia/Tokyo" })
	if _, err := Decode(tampered); err == nil {
		t.Fatal("a signed revision whose zone was changed imports")
	}
}

// A key or a signature that is not base64, or not a text, is refused
// saying what it is (issue 11 item 3).
func TestDecode_BadKeySignatureText_Issue11_3(t *testing.T) {
	data := mustExport(t, richSession("0123456789abcdef"))
	head, tail, ok := bytes.Cut(data, []byte(`"keySignature": "`))
	if !ok {
		t.Fatal("no keySignature in the export")
	}
	for value, want := range map[string]string{
		`"keySignature": "!!!`:       `"keySignature" of a signature or a decline is not base64 text`,
		`"keySignature": 12, "x": "`: `"revisions.signatures.keySignature" at line 224, column 29: expected a base64 text, found number`,
	} {
		bad := append(append(append([]byte{}, head...), value...), tail...)
		_, err := Decode(bad)
		wantKind(t, err, workshop.KindInvalid)
		if !strings.Contains(workshop.Message(err), want) {
			t.Errorf("%s: %v, want %q", value, err, want)
		}
	}
}
