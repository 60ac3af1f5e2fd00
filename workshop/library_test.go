package workshop

import (
	"regexp"
	"strings"
	"testing"
)

func TestLibraryParses(t *testing.T) {
	if _, _, err := loadLibrary(); err != nil {
		t.Fatalf("embedded KPI library: %v", err)
	}
	if n := len(Library()); n < 19 {
		t.Fatalf("library has %d KPIs, want at least 19", n)
	}
}

// The KPIs the source text names (PRODUCT.md §1), with the unit, kind and
// target type a RevOps glossary gives them.
func TestLibraryHasSourceKPIs(t *testing.T) {
	want := []struct {
		id   string
		unit Unit
		kind KPIKind
		tt   TargetType
	}{
		{"conversion-rate", UnitPercent, KindResult, IncreaseTo},
		{"sales-cycle-length", UnitDays, KindResult, DecreaseTo},
		{"mrr", UnitEUR, KindResult, IncreaseTo},
		{"arr", UnitEUR, KindResult, IncreaseTo},
		{"nps", UnitPoints, KindResult, IncreaseTo},
		{"csat", UnitPercent, KindResult, IncreaseTo},
		{"net-churn", UnitPercent, KindResult, DecreaseTo},
		{"logo-churn", UnitPercent, KindResult, DecreaseTo},
		{"time-to-signature", UnitDays, KindEffort, DecreaseTo},
		{"win-rate", UnitPercent, KindResult, IncreaseTo},
		{"average-deal-value", UnitEUR, KindResult, IncreaseTo},
		{"qualified-pipeline", UnitEUR, KindEffort, IncreaseTo},
		{"nrr", UnitPercent, KindResult, IncreaseTo},
		{"lead-quality", UnitPercent, KindEffort, IncreaseTo},
		{"meeting-rate", UnitPercent, KindEffort, IncreaseTo},
		{"sqo", UnitCount, KindEffort, IncreaseTo},
		{"slip-rate", UnitPercent, KindEffort, DecreaseTo},
		{"expansion-mrr", UnitEUR, KindResult, IncreaseTo},
		{"qualification-rate", UnitPercent, KindEffort, IncreaseTo},
	}
	for _, w := range want {
		k, ok := LibraryKPIByID(w.id)
		if !ok {
			t.Errorf("library lacks %q", w.id)
			continue
		}
		if k.Unit != w.unit || k.Kind != w.kind || k.TargetType != w.tt {
			t.Errorf("%s = %s/%s/%s, want %s/%s/%s", w.id, k.Unit, k.Kind, k.TargetType, w.unit, w.kind, w.tt)
		}
	}
}

func TestLibraryEntriesComplete(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	names := map[Lang]map[string]string{FR: {}, EN: {}}
	for _, k := range Library() {
		if !kebab.MatchString(k.ID) {
			t.Errorf("id %q is not kebab-case", k.ID)
		}
		if seen[k.ID] {
			t.Errorf("id %q twice", k.ID)
		}
		seen[k.ID] = true
		for _, l := range []Lang{FR, EN} {
			name, def := k.Name[l], k.Definition[l]
			if strings.TrimSpace(name) == "" || strings.TrimSpace(def) == "" {
				t.Errorf("%s: empty name or definition in %s", k.ID, l)
			}
			if len(def) < 40 || !strings.HasSuffix(def, ".") {
				t.Errorf("%s (%s): definition %q is not a full sentence", k.ID, l, def)
			}
			if other, dup := names[l][name]; dup {
				t.Errorf("%s and %s share the %s name %q", other, k.ID, l, name)
			}
			names[l][name] = k.ID
		}
		if k.Definition[FR] == k.Definition[EN] {
			t.Errorf("%s: French definition is the English one", k.ID)
		}
	}
}

func TestLibraryKPIByIDUnknown(t *testing.T) {
	if _, ok := LibraryKPIByID("no-such-kpi"); ok {
		t.Fatal("unknown id found")
	}
}

func TestLibraryNewKPI(t *testing.T) {
	lib, _ := LibraryKPIByID("win-rate")
	fr, en := lib.NewKPI(FR), lib.NewKPI(EN)
	if fr.ID == "" || fr.ID == en.ID {
		t.Fatalf("ids %q and %q: want fresh distinct ids", fr.ID, en.ID)
	}
	if fr.LibraryID != "win-rate" || fr.Name != "Win rate (taux de gain)" || en.Name != "Win rate" {
		t.Errorf("got %q/%q/%q", fr.LibraryID, fr.Name, en.Name)
	}
	if fr.Definition != lib.Definition[FR] || en.Definition != lib.Definition[EN] {
		t.Error("definition not taken in the asked language")
	}
	if en.Unit != UnitPercent || en.Kind != KindResult || en.TargetType != IncreaseTo {
		t.Errorf("unit/kind/type = %s/%s/%s", en.Unit, en.Kind, en.TargetType)
	}
	if en.Baseline != "" || en.Target != "" || en.Alert != "" || en.Frequency != "" || en.Owner != "" || en.Source != "" || len(en.Objectives) != 0 || en.Guardrail {
		t.Errorf("workshop fields should be empty: %+v", en)
	}
}

func TestLibraryRejectsBadData(t *testing.T) {
	for name, data := range map[string]string{
		"syntax":     `[{"id":`,
		"duplicate":  `[{"id":"a","name":{"fr":"a","en":"a"},"definition":{"fr":"a","en":"a"},"unit":"%","kind":"result","targetType":"increase-to"},{"id":"a","name":{"fr":"a","en":"a"},"definition":{"fr":"a","en":"a"},"unit":"%","kind":"result","targetType":"increase-to"}]`,
		"no english": `[{"id":"a","name":{"fr":"a"},"definition":{"fr":"a","en":"a"},"unit":"%","kind":"result","targetType":"increase-to"}]`,
		"unit":       `[{"id":"a","name":{"fr":"a","en":"a"},"definition":{"fr":"a","en":"a"},"unit":"furlongs","kind":"result","targetType":"increase-to"}]`,
		"kind":       `[{"id":"a","name":{"fr":"a","en":"a"},"definition":{"fr":"a","en":"a"},"unit":"%","kind":"output","targetType":"increase-to"}]`,
		"type":       `[{"id":"a","name":{"fr":"a","en":"a"},"definition":{"fr":"a","en":"a"},"unit":"%","kind":"result","targetType":"up"}]`,
	} {
		if _, err := parseLibrary([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
