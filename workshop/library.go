package workshop

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"boussole/assets"
)

// LibraryKPI is an entry of the built-in KPI library: a KPI the source bilingual
// names (win rate, NRR, slip rate …) with its name and definition in both
// languages and its usual unit, kind and target type.
type LibraryKPI struct {
	ID         string          `json:"id"` // stable, kebab-case English ("win-rate")
	Name       map[Lang]string `json:"name"`
	Definition map[Lang]string `json:"definition"`
	Unit       Unit            `json:"unit"`
	Kind       KPIKind         `json:"kind"`
	TargetType TargetType      `json:"targetType"`
}

// libraryFile is the path of the library inside assets.Data.
const libraryFile = "data/kpi-library.json"

var kpiLibrary struct {
	once sync.Once
	kpis []LibraryKPI
	byID map[string]int
	err  error
}

// loadLibrary parses the embedded library once. The data ships inside the
// binary, so a failure is a programming error: TestLibraryParses catches it,
// and at run time the library is then empty rather than a crash.
func loadLibrary() ([]LibraryKPI, map[string]int, error) {
	kpiLibrary.once.Do(func() {
		b, err := assets.Data.ReadFile(libraryFile)
		if err != nil {
			kpiLibrary.err = fmt.Errorf("read %s: %w", libraryFile, err)
			return
		}
		kpis, err := parseLibrary(b)
		if err != nil {
			kpiLibrary.err = fmt.Errorf("%s: %w", libraryFile, err)
			return
		}
		kpiLibrary.kpis = kpis
		kpiLibrary.byID = make(map[string]int, len(kpis))
		for i, k := range kpis {
			kpiLibrary.byID[k.ID] = i
		}
	})
	return kpiLibrary.kpis, kpiLibrary.byID, kpiLibrary.err
}

// parseLibrary decodes and checks library data: unique ids, both languages,
// known units, kinds and target types.
func parseLibrary(b []byte) ([]LibraryKPI, error) {
	var kpis []LibraryKPI
	if err := json.Unmarshal(b, &kpis); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for i, k := range kpis {
		switch {
		case k.ID == "":
			return nil, fmt.Errorf("entry %d has no id", i+1)
		case seen[k.ID]:
			return nil, fmt.Errorf("id %q appears twice", k.ID)
		case !builtinUnit(k.Unit):
			return nil, fmt.Errorf("%s: unknown unit %q", k.ID, k.Unit)
		case k.Kind != KindResult && k.Kind != KindEffort:
			return nil, fmt.Errorf("%s: unknown kind %q", k.ID, k.Kind)
		case !k.TargetType.Valid():
			return nil, fmt.Errorf("%s: unknown target type %q", k.ID, k.TargetType)
		}
		for _, l := range []Lang{FR, EN} {
			if k.Name[l] == "" || k.Definition[l] == "" {
				return nil, fmt.Errorf("%s: name or definition missing in %s", k.ID, l)
			}
		}
		seen[k.ID] = true
	}
	return kpis, nil
}

func builtinUnit(u Unit) bool {
	return slices.Contains(Units, u)
}

// Library returns the KPI library in its display order. The slice is a
// copy; its maps are shared and must not be modified.
func Library() []LibraryKPI {
	kpis, _, _ := loadLibrary()
	return append([]LibraryKPI(nil), kpis...)
}

// LibraryKPIByID returns the library entry with the given id.
func LibraryKPIByID(id string) (LibraryKPI, bool) {
	kpis, byID, _ := loadLibrary()
	i, ok := byID[id]
	if !ok {
		return LibraryKPI{}, false
	}
	return kpis[i], true
}

// NewKPI returns a new charter KPI from the library entry, named and defined
// in language l, with a new id; baseline, target, alert threshold,
// frequency, source, owner and objectives are left for the workshop.
func (k LibraryKPI) NewKPI(l Lang) KPI {
	return KPI{
		ID:         NewID(),
		LibraryID:  k.ID,
		Name:       k.text(k.Name, l),
		Definition: k.text(k.Definition, l),
		Kind:       k.Kind,
		Unit:       k.Unit,
		TargetType: k.TargetType,
	}
}

// text returns m[l], falling back to English for an unsupported language.
func (k LibraryKPI) text(m map[Lang]string, l Lang) string {
	if s, ok := m[l]; ok {
		return s
	}
	return m[EN]
}
