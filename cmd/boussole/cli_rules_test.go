package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIShowSaysWhatTheWindowSays_R_CAS_1_R_VOTE_1: the real binary,
// given a session whose decrease-to cascade adds up past its ceiling and
// whose wall totals exceed what the room could give, reports both findings
// from the same implementation as the window and the PDF; and "sign" names
// who is still awaited, from the approver state.
func TestCLIShowSaysWhatTheWindowSays_R_CAS_1_R_VOTE_1(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	id := newID(t, dir, "--template", "sales-cycle", "--lang", "en", "--period", "2027-Q1")
	file := filepath.Join(t.TempDir(), "s.boussole")
	ok(t, dir, "export", id, "--format", "boussole", "-o", file)

	var doc map[string]any
	if err := json.Unmarshal(readFile(t, file), &doc); err != nil {
		t.Fatal(err)
	}
	sess := doc // the file is the session record with its format tag
	revs := sess["revisions"].([]any)
	ch := revs[len(revs)-1].(map[string]any)["charter"].(map[string]any)
	kpi := ch["kpis"].([]any)[0].(map[string]any)
	kpi["unit"], kpi["targetType"], kpi["target"], kpi["alert"] = "count", "decrease-to", "10", "12"
	ch["cascades"] = []any{map[string]any{"id": "cas1", "kpiId": kpi["id"], "dimension": "region",
		"lines": []any{map[string]any{"team": "North", "target": "20"}, map[string]any{"team": "South", "target": "20"}}}}
	people := len(ch["participants"].([]any))
	board := sess["board"].(map[string]any)
	board["votesPerParticipant"], board["capPerCard"] = 3, 0
	board["cards"] = []any{
		map[string]any{"id": "c1", "kind": "objective", "text": "Faster deals", "votes": map[string]any{"": 20}},
		map[string]any{"id": "c2", "kind": "kpi", "text": "Slip rate", "votes": map[string]any{"": 21}},
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	id = strings.TrimSpace(ok(t, other, "import", file))

	show := ok(t, other, "show", id)
	for _, want := range []string{
		"R-CAS-1", "the team targets add up to 40, more than the collective target (10), which is a ceiling",
		"R-VOTE-1", "41 votes are counted on the cards, more than the room could give",
	} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
	if people*3 >= 41 {
		t.Fatalf("the template has %d participants: the room could give 41 votes", people)
	}

	// sign prints who is awaited, as the approver state says.
	s := exported(t, other, id)
	names := approverNames(s)
	if len(names) < 2 {
		t.Skipf("the template has %d approver(s)", len(names))
	}
	got := ok(t, other, "sign", id, "--as", names[0])
	if want := "waiting for " + strings.Join(names[1:], ", "); !strings.Contains(got, want) {
		t.Errorf("sign printed %q, want %q", got, want)
	}
}
