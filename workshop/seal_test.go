package workshop

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The record escapes strings as json.Marshal did when the first seals were
// made; these strings cover every byte and the runes it treats apart.
func sealStringSeeds() []string {
	seeds := []string{"", "plain", "« guillemets » 15\u00a0%", "a\u2028b\u2029c", "\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 too big",
		"\xc0\xaf overlong", "trailing \xe2\x82", "\U0010ffff", "\ufffd", "<script>&amp;</script>", "مرحبا", "👩‍👩‍👧"}
	for b := range 256 {
		seeds = append(seeds, string([]byte{byte(b)}), "x"+string([]byte{byte(b)})+"y")
	}
	for r := rune(0x2020); r < 0x2030; r++ {
		seeds = append(seeds, string(r))
	}
	return seeds
}

func TestSealRecordStringsEscapeAsFirstReleases_Issue8_10(t *testing.T) {
	for _, s := range sealStringSeeds() {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendRecordString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: record %s, json.Marshal %s", s, got, want)
		}
	}
}

func FuzzSealRecordString(f *testing.F) {
	for _, s := range sealStringSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendRecordString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: record %s, json.Marshal %s", s, got, want)
		}
	})
}

// sealStep is one step of a path to a field of Charter: a field index, or
// element 0 of a list.
type sealStep struct {
	field int // -1: element 0 of a list
	name  string
}

// sealLeaves lists the paths to every field of type t holding a value
// (text, number, flag or list of texts), going into nested structs and into
// the first element of lists of structs.
func sealLeaves(t *testing.T, typ reflect.Type, prefix []sealStep) [][]sealStep {
	var out [][]sealStep
	for i := range typ.NumField() {
		f := typ.Field(i)
		path := append(append([]sealStep{}, prefix...), sealStep{field: i, name: f.Name})
		switch ft := f.Type; {
		case ft.Kind() == reflect.Struct:
			out = append(out, sealLeaves(t, ft, path)...)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			out = append(out, sealLeaves(t, ft.Elem(), append(path, sealStep{field: -1, name: "[0]"}))...)
		case ft.Kind() == reflect.String, ft.Kind() == reflect.Bool, ft.Kind() == reflect.Int,
			ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			out = append(out, path)
		default:
			t.Fatalf("Charter field %s has kind %s: write it in sealRecord (optional, omitted when empty) and teach this test", sealPath(path), ft.Kind())
		}
	}
	return out
}

func sealPath(path []sealStep) string {
	var b strings.Builder
	for i, s := range path {
		if i > 0 && s.field >= 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

// sealFill gives every empty list of structs in v one zero element, so that
// every field has a place to be changed.
func sealFill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for _, field := range v.Fields() {
			sealFill(field)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Struct {
			return
		}
		if v.Len() == 0 {
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		}
		for i := range v.Len() {
			sealFill(v.Index(i))
		}
	}
}

// Every field of a charter is sealed: changing any one changes the seal. A
// field added to Charter and forgotten in sealRecord fails here; one added
// there as a member always written fails the golden seals (old charters,
// where it is empty, would seal differently), so it must be optional.
func TestSeal_EveryCharterFieldIsSealed_Issue8_10(t *testing.T) {
	base, err := FromTemplate("sales-cycle", FR, "2027-Q1", templateNow)
	if err != nil {
		t.Fatal(err)
	}
	c0 := *base.Current().Charter.Clone()
	sealFill(reflect.ValueOf(&c0).Elem())
	seal0 := Seal(&c0)
	leaves := sealLeaves(t, reflect.TypeFor[Charter](), nil)
	if len(leaves) < 60 {
		t.Fatalf("only %d leaves found", len(leaves))
	}
	for _, path := range leaves {
		c := *c0.Clone()
		v := reflect.ValueOf(&c).Elem()
		for _, s := range path {
			if s.field < 0 {
				v = v.Index(0)
			} else {
				v = v.Field(s.field)
			}
		}
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		case reflect.Slice:
			v.Set(reflect.Append(v, reflect.ValueOf("x")))
		}
		if Seal(&c) == seal0 {
			t.Errorf("changing %s leaves the seal unchanged: write it in sealRecord", sealPath(path))
		}
		if Seal(&c0) != seal0 {
			t.Fatalf("changing %s of a clone changed the original", sealPath(path))
		}
	}
}

// Optional members are absent from the record when empty, present when set;
// nil and empty lists are written alike. The record is JSON after its tag.
func TestSealRecord_OptionalMembersOmittedWhenEmpty_Issue8_10(t *testing.T) {
	c := Charter{
		Participants: []Participant{{ID: "p"}},
		Objectives:   []Objective{{ID: "o", SideEffects: []SideEffect{{ID: "se"}}}},
		KPIs:         []KPI{{ID: "k"}},
		Decisions:    []Decision{{ID: "d"}},
	}
	rec := sealRecord(&c)
	body, ok := bytes.CutPrefix(rec, []byte(sealTagV1))
	if !ok || !json.Valid(body) {
		t.Fatalf("record is not the tag then JSON: %s", rec)
	}
	for _, k := range []string{"email", "guardrailId", "libraryId", "guardrail", "linkId"} {
		if bytes.Contains(rec, []byte(`"`+k+`"`)) {
			t.Errorf("empty optional member %q written: %s", k, rec)
		}
	}
	if bytes.Contains(rec, []byte("null")) {
		t.Errorf("nil list written as null: %s", rec)
	}
	c.Participants[0].Email = "a@b"
	c.Objectives[0].SideEffects[0].GuardrailID = "k"
	c.KPIs[0].LibraryID = "lib"
	c.KPIs[0].Guardrail = true
	c.Decisions[0].LinkID = "o"
	rec = sealRecord(&c)
	for _, k := range []string{`"email":"a@b"`, `"guardrailId":"k"`, `"libraryId":"lib"`, `"guardrail":true`, `"linkId":"o"`} {
		if !bytes.Contains(rec, []byte(k)) {
			t.Errorf("optional member %s missing: %s", k, rec)
		}
	}
	empty := Charter{}
	nilSlices := Seal(&empty)
	emptySlices := Charter{Participants: []Participant{}, Objectives: []Objective{}, KPIs: []KPI{}, Roles: []Assignment{},
		Cascades: []Cascade{}, Rituals: []Ritual{}, Decisions: []Decision{}, Intent: Intent{CompanyObjectives: []string{}, Hypotheses: []string{}}}
	if Seal(&emptySlices) != nilSlices {
		t.Error("nil and empty lists seal differently")
	}
}

// Huge text seals without trouble and the record stays valid UTF-8.
func TestSealRecord_HugeAndInvalidText(t *testing.T) {
	c := Charter{Title: strings.Repeat("é\xff<", 1<<18)}
	rec := sealRecord(&c)
	if !utf8.Valid(rec) {
		t.Error("record is not valid UTF-8")
	}
	want, _ := json.Marshal(c.Title)
	if !bytes.Contains(rec, want) {
		t.Error("huge title not escaped as json.Marshal does")
	}
}
