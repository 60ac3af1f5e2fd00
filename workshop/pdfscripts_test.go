package workshop

import (
	"strings"
	"testing"
)

// The scripts of an international company print; Devanagari and emoji do
// not, and R-PDF-1 names the field (a warning: sign-off is not blocked).
func TestR_PDF_1_NamesTheField_Issue10_2(t *testing.T) {
	for _, ok := range []string{"Zoé Łukasiewicz", "Ελένη", "Дмитрий", "محمد الأمين", "שרה לוי", "王小明", "山田 花子", "김민준",
		"25 % → 28 % −3 ≤ 5 ≠ 0", "\u202eabc\u202c", "a\u200db", "é\u0301"} {
		if rs, _ := PDFUnprintable(ok); len(rs) > 0 {
			t.Errorf("%q: %U reported unprintable", ok, rs)
		}
	}
	c := &Charter{Lang: EN, Title: "Launch 🚀👍🏽",
		Participants: []Participant{{ID: "p1", Name: "محمد"}, {ID: "p2", Name: "Priya नमस्ते"}},
		Objectives:   []Objective{{ID: "o1", Title: "Grow", SideEffects: []SideEffect{{ID: "s", Description: "ok"}, {ID: "t", Description: "ጤና ይስጥልኝ"}}}},
		Rituals:      []Ritual{{ID: "r1", Name: "Sync", Agenda: []string{"fine", "🎉 party"}}},
	}
	var got []Finding
	for _, f := range Validate(c) {
		if f.Code == RPDF1 {
			got = append(got, f)
		}
	}
	want := []struct {
		where Where
		kind  string
	}{
		{Where{StepSetup, "", "title"}, "emoji"},
		{Where{StepSetup, "p2", "name"}, "script"},
		{Where{StepObjectives, "o1", "sideEffects.1"}, "script"},
		{Where{StepRituals, "r1", "agenda.1"}, "emoji"},
	}
	if len(got) != len(want) {
		t.Fatalf("R-PDF-1 findings %+v, want %d", got, len(want))
	}
	for i, w := range want {
		f := got[i]
		if f.Where != w.where || f.Severity != SevWarning || len(f.Args) != 4 || f.Args[3] != w.kind {
			t.Errorf("finding %d = %+v, want %v %s", i, f, w.where, w.kind)
		}
	}
	if m := got[0].Message(EN); !strings.Contains(m, "Charter title") || !strings.Contains(m, "🚀 (U+1F680)") || strings.Contains(m, "U+1F3FD") {
		t.Errorf("EN message %q", m)
	}
	if m := got[1].Message(FR); !strings.Contains(m, "Participant 2, nom") || !strings.Contains(m, "न (U+0928)") {
		t.Errorf("FR message %q", m)
	}
}
