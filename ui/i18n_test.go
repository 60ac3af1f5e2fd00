package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"boussole/assets"
	"boussole/workshop"
)

// catalogs reads every translations/<screen>.<lang>.json: screen → lang → keys.
func catalogs(t *testing.T) map[string]map[string]map[string]string {
	t.Helper()
	files, err := assets.Translations.ReadDir("translations")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]map[string]string{}
	for _, f := range files {
		name := strings.TrimSuffix(f.Name(), ".json")
		prefix, l := "", name
		if i := strings.LastIndex(name, "."); i >= 0 {
			prefix, l = name[:i], name[i+1:]
		}
		data, err := assets.Translations.ReadFile("translations/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		if out[prefix] == nil {
			out[prefix] = map[string]map[string]string{}
		}
		out[prefix][l] = m
	}
	return out
}

// catalogKeys gathers the keys of language l that start with one of the
// prefixes, whichever catalog file holds them.
func catalogKeys(t *testing.T, l string, prefixes ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, byLang := range catalogs(t) {
		for k, v := range byLang[l] {
			for _, p := range prefixes {
				if strings.HasPrefix(k, p) {
					out[k] = v
				}
			}
		}
	}
	return out
}

// Every catalog exists in French and English with the same keys, and no
// key is defined by two catalogs (the last loaded would win silently).
func TestCatalogsSameKeysFREN(t *testing.T) {
	cats := catalogs(t)
	owner := map[string]string{}
	for prefix, byLang := range cats {
		fr, en := byLang["fr"], byLang["en"]
		if fr == nil || en == nil || len(byLang) != 2 {
			t.Errorf("catalog %q: want exactly fr and en, have %d files", prefix, len(byLang))
			continue
		}
		for k, v := range fr {
			if _, ok := en[k]; !ok {
				t.Errorf("%s: key %q in fr, missing in en", prefix, k)
			}
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s.fr: key %q is empty", prefix, k)
			}
		}
		for k := range en {
			if _, ok := fr[k]; !ok {
				t.Errorf("%s: key %q in en, missing in fr", prefix, k)
			}
			if o, dup := owner[k]; dup && o != prefix {
				t.Errorf("key %q is in two catalogs: %q and %q", k, o, prefix)
			}
			owner[k] = prefix
		}
	}
}

// textCalls are the calls whose string arguments are shown to the person:
// literals passed to them must be catalog keys (or carry no words).
var textCalls = map[string]bool{
	"widget.NewLabel": true, "widget.NewLabelWithStyle": true, "widget.NewButton": true,
	"widget.NewButtonWithIcon": true, "widget.NewCheck": true, "widget.NewFormItem": true,
	"widget.NewCard": true, "widget.NewHyperlink": true, "widget.NewAccordionItem": true,
	"widget.NewRichTextWithText": true, "widget.NewToolbarAction": true,
	"SetText": true, "SetPlaceHolder": true, "SetTitle": true, "SetConfirmText": true, "SetDismissText": true,
	"dialog.NewInformation": true, "dialog.ShowInformation": true, "dialog.NewConfirm": true,
	"dialog.ShowConfirm": true, "dialog.NewForm": true, "dialog.ShowForm": true, "dialog.NewCustom": true,
	"dialog.ShowCustom": true, "dialog.NewCustomConfirm": true, "dialog.ShowCustomConfirm": true,
	"dialog.NewCustomWithoutButtons": true, "dialog.NewError": true,
	"fyne.NewMenuItem": true, "fyne.NewMenu": true, "NewWindow": true,
}

// keyCalls take a catalog key as first argument.
var keyCalls = map[string]bool{"tr": true, "lang.L": true, "lang.X": true, "lang.N": true, "lang.XN": true}

func callName(e ast.Expr) string {
	switch f := e.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok && (id.Name == "widget" || id.Name == "dialog" || id.Name == "fyne" || id.Name == "lang") {
			return id.Name + "." + f.Sel.Name
		}
		return f.Sel.Name
	}
	return ""
}

// hasWords reports whether s holds a word (two letters in a row): "",
// "%d / %d", "—", "2027-Q1" are not text to translate.
func hasWords(s string) bool {
	run := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// No screen passes a word to the person that does not come from the
// catalogs: string literals given to labels, buttons, SetText, dialog
// titles and menus are catalog keys, and every key asked of tr/lang.L
// exists in the catalogs.
func TestUIStringsAreCatalogKeys(t *testing.T) {
	keys := map[string]bool{}
	for _, byLang := range catalogs(t) {
		for k := range byLang["en"] {
			keys[k] = true
		}
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	var problems []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := callName(call.Fun)
			args := call.Args
			if keyCalls[fn] {
				args = args[:min(1, len(args))]
			} else if !textCalls[fn] {
				return true
			}
			for _, a := range args {
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || !hasWords(s) || keys[s] {
					continue
				}
				problems = append(problems, fset.Position(lit.Pos()).String()+": "+fn+"("+lit.Value+") is not a catalog key")
			}
			return true
		})
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// SetupLanguage: an override picks the catalogs' language; CurrentLang
// follows it.
func TestSetupLanguageOverride(t *testing.T) {
	t.Cleanup(func() { SetupLanguage(LangEN) })
	SetupLanguage(LangFR)
	if CurrentLang() != workshop.FR || tr("home.new") != "Nouvel atelier…" {
		t.Errorf("fr: lang %s, home.new %q", CurrentLang(), tr("home.new"))
	}
	SetupLanguage(LangEN)
	if CurrentLang() != workshop.EN || tr("home.new") != "New session…" {
		t.Errorf("en: lang %s, home.new %q", CurrentLang(), tr("home.new"))
	}
	if got := tr("editor.badge", "N", 2, "Status", "Draft"); got != "Rev. 2 · Draft" {
		t.Errorf("templated text = %q", got)
	}
}
