package storage

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"boussole/workshop"
)

const schemaPath = "../docs/boussole.schema.json"

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s is not JSON: %v", schemaPath, err)
	}
	return s
}

// schemaWalker checks a document against the subset of JSON Schema that
// docs/boussole.schema.json uses: $ref, type, properties, required,
// additionalProperties, items, enum, const.
type schemaWalker struct {
	root     map[string]any
	problems []string
}

func (w *schemaWalker) resolve(node map[string]any) map[string]any {
	for {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		name := strings.TrimPrefix(ref, "#/$defs/")
		node = w.root["$defs"].(map[string]any)[name].(map[string]any)
	}
}

func (w *schemaWalker) fail(path, format string, args ...any) {
	w.problems = append(w.problems, path+": "+fmt.Sprintf(format, args...))
}

func (w *schemaWalker) walk(path string, v any, node map[string]any) {
	node = w.resolve(node)
	if c, ok := node["const"]; ok && c != v {
		w.fail(path, "value %v, schema const %v", v, c)
	}
	if e, ok := node["enum"].([]any); ok && !slices.Contains(e, v) {
		w.fail(path, "value %v not in the schema enum %v", v, e)
	}
	typ, _ := node["type"].(string)
	switch v := v.(type) {
	case map[string]any:
		if typ != "object" {
			w.fail(path, "an object where the schema says %q", typ)
			return
		}
		props, _ := node["properties"].(map[string]any)
		for k, child := range v {
			if p, ok := props[k].(map[string]any); ok {
				w.walk(path+"."+k, child, p)
			} else if ap, ok := node["additionalProperties"].(map[string]any); ok {
				w.walk(path+"["+k+"]", child, ap)
			} else {
				w.fail(path, "property %q is not in the schema", k)
			}
		}
		req, _ := node["required"].([]any)
		for _, r := range req {
			if _, ok := v[r.(string)]; !ok {
				w.fail(path, "required %q not written", r)
			}
		}
	case []any:
		if typ != "array" {
			w.fail(path, "an array where the schema says %q", typ)
			return
		}
		for i, child := range v {
			w.walk(fmt.Sprintf("%s[%d]", path, i), child, node["items"].(map[string]any))
		}
	case string:
		if typ != "string" && typ != "" {
			w.fail(path, "a string where the schema says %q", typ)
		}
	case float64:
		if typ != "integer" || v != float64(int64(v)) {
			w.fail(path, "a number where the schema says %q", typ)
		}
	case bool:
		if typ != "boolean" {
			w.fail(path, "a boolean where the schema says %q", typ)
		}
	}
}

func TestSchema_DescribesEveryPropertyExportWrites(t *testing.T) {
	schema := loadSchema(t)
	if schema["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Fatalf("$schema = %v", schema["$schema"])
	}
	// The rich session sets every field (TestRichSessionSetsEveryField),
	// so its export writes every property; a sparse one checks "required".
	sparse := richSession("sparse")
	sparse.Revisions = sparse.Revisions[1:]
	sparse.Revisions[0].Number = 1
	sparse.Revisions[0].Charter.KPIs[0].LibraryID = ""
	sparse.Board.Cards[0].Votes = nil
	sparse.CheckIns = nil
	sparse.Revisions[0].Signatures[0].Seal = workshop.Seal(&sparse.Revisions[0].Charter)       // the signature given after the edit
	if err := workshop.SignDecline(1, &sparse.Revisions[0].Declines[0], testKey); err != nil { // now on revision 1
		t.Fatal(err)
	}
	for _, s := range []*workshop.Session{richSession("0123456789abcdef"), sparse} {
		var doc any
		if err := json.Unmarshal(mustExport(t, s), &doc); err != nil {
			t.Fatal(err)
		}
		w := &schemaWalker{root: schema}
		w.walk("$", doc, schema)
		for _, p := range w.problems {
			t.Error(p)
		}
	}
}

func TestSchema_EnumsMatchTheDomain(t *testing.T) {
	defs := loadSchema(t)["$defs"].(map[string]any)
	where := map[string][2]string{ // enums key → $defs type, property
		"function": {"participant", "function"}, "kind": {"kpi", "kind"}, "targetType": {"kpi", "targetType"},
		"frequency": {"kpi", "frequency"}, "role": {"assignment", "role"}, "dimension": {"cascade", "dimension"},
		"ritualKind": {"ritual", "kind"}, "cadence": {"ritual", "cadence"}, "type": {"decision", "type"},
		"cardKind": {"card", "kind"},
	}
	for key, at := range where {
		prop := defs[at[0]].(map[string]any)["properties"].(map[string]any)[at[1]].(map[string]any)
		var got []string
		for _, v := range prop["enum"].([]any) {
			got = append(got, v.(string))
		}
		if !slices.Equal(got, enums[key]) {
			t.Errorf("%s.%s enum = %q, the domain has %q", at[0], at[1], got, enums[key])
		}
	}
	purpose := defs["charter"].(map[string]any)["properties"].(map[string]any)["intent"].(map[string]any)["properties"].(map[string]any)["purpose"].(map[string]any)
	var got []string
	for _, v := range purpose["enum"].([]any) {
		got = append(got, v.(string))
	}
	if !slices.Equal(got, enums["purpose"]) {
		t.Errorf("intent.purpose enum = %q, the domain has %q", got, enums["purpose"])
	}
	if len(where)+1 != len(enums) {
		t.Errorf("%d enums in Decode, %d checked against the schema", len(enums), len(where)+1)
	}
}
