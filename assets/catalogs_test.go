package assets

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// screenOf is the rule that files the interface's catalog keys by screen:
// a key goes to translations/<screen>.<lang>.json, where screen is given
// by the key's first segment ("kpis.target" → steps). A new first segment
// gets its line here; `go test ./assets -run TestCatalogsByScreen
// -rewrite-catalogs` then files every key of every catalog by this rule.
var screenOf = map[string]string{
	// The list of sessions: creating, importing, the times shown.
	"home": "home", "new": "home", "import": "home", "time": "home",
	// The editor's frame and what every step shares.
	"editor": "editor", "status": "editor", "findings": "editor", "field": "editor", "number": "editor", "timebox": "editor", "agenda": "editor",
	// The eleven steps.
	"setup": "steps", "intent": "steps", "ideas": "steps", "objectives": "steps", "kpis": "steps", "picker": "steps",
	"roles": "steps", "cascade": "steps", "rituals": "steps", "incentives": "steps", "log": "steps",
	// Review and sign-off.
	"review": "review",
	// The presentation mode.
	"present": "presentation",
	// The participants' room.
	"room": "room",
	// Settings, language, about.
	"settings": "settings", "lang": "settings", "about": "settings",
	// The menu, the dialogs and errors of the whole application, the store.
	"app": "dialogs", "menu": "dialogs", "input": "editor", "dialog": "dialogs", "error": "dialogs", "store": "dialogs", "export": "dialogs",
	// Undo and redo across the window; why a save failed; the data's permissions.
	"undo": "dialogs", "redo": "dialogs", "reason": "dialogs", "perm": "dialogs",
	// After the signature: check-ins, dashboards, the review pack (issue 13).
	"track": "tracking",
}

var rewriteCatalogs = flag.Bool("rewrite-catalogs", false, "file every catalog key by screenOf (rewrites assets/translations)")

// readCatalogs reads translations/*.json from the source tree: file name →
// key → text.
func readCatalogs(t *testing.T) map[string]map[string]string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("translations", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out[filepath.Base(n)] = m
	}
	return out
}

// langOf is the language of a catalog file: "steps.fr.json" → "fr".
func langOf(file string) string {
	parts := strings.Split(strings.TrimSuffix(file, ".json"), ".")
	return parts[len(parts)-1]
}

// encodeCatalog writes a catalog as the files are kept: keys sorted, two
// spaces of indent, no HTML escapes, a final newline.
func encodeCatalog(m map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(m) // encoding/json sorts map keys
	return buf.Bytes(), err
}

// Issue 8 item 12: the catalogs are filed by screen, each key in the file
// screenOf names, and the files are kept in one canonical form.
func TestCatalogsByScreen_Issue8_12(t *testing.T) {
	cats := readCatalogs(t)
	if *rewriteCatalogs {
		files := map[string]map[string]string{}
		for name, m := range cats {
			for k, v := range m {
				screen, ok := screenOf[strings.SplitN(k, ".", 2)[0]]
				if !ok {
					t.Fatalf("%s: key %q has no screen: add its first segment to screenOf", name, k)
				}
				target := screen + "." + langOf(name) + ".json"
				if files[target] == nil {
					files[target] = map[string]string{}
				}
				if old, dup := files[target][k]; dup && old != v {
					t.Fatalf("key %q has two texts in %s: %q and %q", k, langOf(name), old, v)
				}
				files[target][k] = v
			}
		}
		for name := range cats {
			if files[name] == nil {
				if err := os.Remove(filepath.Join("translations", name)); err != nil {
					t.Fatal(err)
				}
			}
		}
		for name, m := range files {
			data, err := encodeCatalog(m)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("translations", name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cats = readCatalogs(t)
	}
	for name, m := range cats {
		screen := strings.TrimSuffix(strings.TrimSuffix(name, ".json"), "."+langOf(name))
		for k := range m {
			if want, ok := screenOf[strings.SplitN(k, ".", 2)[0]]; !ok || want != screen {
				t.Errorf("%s: key %q belongs in the %q catalog (screenOf)", name, k, want)
			}
		}
		data, err := os.ReadFile(filepath.Join("translations", name))
		if err != nil {
			t.Fatal(err)
		}
		if canon, err := encodeCatalog(m); err != nil || !bytes.Equal(canon, data) {
			t.Errorf("%s is not in canonical form (sorted keys, two-space indent): run with -rewrite-catalogs", name)
		}
	}
	var names []string
	for name := range cats {
		names = append(names, name)
	}
	sort.Strings(names)
	t.Logf("catalogs: %s", strings.Join(names, " "))
}
