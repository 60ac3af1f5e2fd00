package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"boussole/workshop"
)

// Every field of kpiFields is built, placed, laid out with its label and
// findings note, and reachable by Focus: the list is the one declaration.
func TestKPICardFieldsDeclaredOnce_Issue8_9(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	step, ed, _ := openStep[*kpisStep](t, s, workshop.StepKPIs)
	kc := step.cards[1]
	if len(kc.fields) != len(kpiFields) {
		t.Fatalf("%d fields built, want %d", len(kc.fields), len(kpiFields))
	}
	shown := renderedText(ed.Window())
	keys := map[string]bool{}
	for _, byLang := range catalogs(t) {
		for k := range byLang["en"] {
			keys[k] = true
		}
	}
	for i, f := range kpiFields {
		w := kc.fields[i]
		for _, key := range []string{f.label, f.help, f.hint} {
			if key != "" && !keys[key] {
				t.Errorf("%s: %q is not a catalog key", f.name, key)
			}
		}
		if got := step.places.objs[fieldPlace{kc.id, f.name}]; got != w.place() {
			t.Errorf("%s: placed %T, want the field's own object", f.name, got)
		}
		if _, ok := step.places.notes[fieldPlace{kc.id, f.name}]; !ok {
			t.Errorf("%s: no findings note", f.name)
		}
		if f.label != "" && !strings.Contains(shown, tr(f.label)) {
			t.Errorf("%s: label %q not shown", f.name, tr(f.label))
		}
		if !contains(kc.obj, w.object()) {
			t.Errorf("%s: not laid out in the card", f.name)
		}
		ed.Goto(workshop.Where{Step: workshop.StepKPIs, ID: kc.id, Field: f.name})
		if fo, ok := w.place().(fyne.Focusable); ok && ed.Window().Canvas().Focused() != fo {
			t.Errorf("%s: Focus did not focus the field", f.name)
		}
	}
	if step.places.objs[fieldPlace{kc.id, ""}] != kc.Name.Entry {
		t.Error("the KPI itself is not placed on its name")
	}
}

// contains reports whether obj is root or lies in the containers under it.
func contains(root, obj fyne.CanvasObject) bool {
	if root == obj {
		return true
	}
	if c, ok := root.(*fyne.Container); ok {
		for _, x := range c.Objects {
			if contains(x, obj) {
				return true
			}
		}
	}
	return false
}

// A binding finds its item by id each time: it follows the item when the
// list is reordered, and reads and writes nothing once the item is gone.
func TestBinderFollowsItsItem_Issue8_9(t *testing.T) {
	c := &workshop.Charter{KPIs: []workshop.KPI{{ID: "k1", Name: "A"}, {ID: "k2", Name: "B", Unit: workshop.UnitPercent}}}
	b := bind(nil, kpiItems, "k2")
	get, set := b.text(func(k *workshop.KPI) *string { return &k.Name })
	unitGet, unitSet := textOf(b, func(k *workshop.KPI) *workshop.Unit { return &k.Unit })
	if get(c) != "B" || unitGet(c) != string(workshop.UnitPercent) {
		t.Fatalf("read %q/%q, want B/percent", get(c), unitGet(c))
	}
	c.KPIs[0], c.KPIs[1] = c.KPIs[1], c.KPIs[0]
	set(c, "B2")
	unitSet(c, "demos")
	if c.KPIs[0].Name != "B2" || c.KPIs[0].Unit != "demos" || c.KPIs[1].Name != "A" {
		t.Fatalf("after a reorder the write went to %+v", c.KPIs)
	}
	c.KPIs = c.KPIs[1:]
	before := append([]workshop.KPI{}, c.KPIs...)
	set(c, "lost")
	if get(c) != "" || !reflect.DeepEqual(before, c.KPIs) {
		t.Errorf("a binding to a removed KPI read %q and left %+v", get(c), c.KPIs)
	}
	side := &workshop.Charter{Objectives: []workshop.Objective{{ID: "o1", SideEffects: []workshop.SideEffect{{ID: "s1"}}}}}
	sg, ss := sideBinder(nil, "o1", "s1").text(func(se *workshop.SideEffect) *string { return &se.Description })
	ss(side, "Discounts grow")
	if sg(side) != "Discounts grow" || side.Objectives[0].SideEffects[0].Description != "Discounts grow" {
		t.Errorf("side effect binding wrote %+v", side.Objectives[0].SideEffects)
	}
}

// The shape promised by issue 8 item 9: one binder instead of the look-up
// and binder pairs of each step, and the card and step builders short
// enough to read at once.
func TestStepShape_Issue8_9(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	gone := map[string]bool{"kpiAt": true, "kpiText": true, "objective": true, "objField": true, "cascadeAt": true,
		"decisionAt": true, "ritualAt": true, "participant": true, "sideAt": true, "lineText": true}
	short := map[string]bool{"ideasStep.Build": true,
		"kpisStep.newCard": true, "kpiCard.sync": true, "objectivesStep.newCard": true, "objectiveCard.sync": true,
		"cascadeStep.newCard": true, "cascadeCard.sync": true, "ritualsStep.newCard": true, "ritualCard.sync": true}
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			name := fn.Name.Name
			if fn.Recv == nil && gone[name] {
				t.Errorf("%s is back: look items up with the binder (ui/binder.go)", name)
			}
			if fn.Recv != nil {
				typ := fn.Recv.List[0].Type
				if st, ok := typ.(*ast.StarExpr); ok {
					typ = st.X
				}
				if id, ok := typ.(*ast.Ident); ok {
					name = id.Name + "." + name
				}
			}
			if short[name] {
				delete(short, name)
				if n := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1; n >= 60 {
					t.Errorf("%s is %d lines long, want under 60", name, n)
				}
			}
		}
	}
	for name := range short {
		t.Errorf("%s not found", name)
	}
}
