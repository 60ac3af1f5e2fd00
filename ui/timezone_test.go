package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// TestSetupTimeZone_Issue10_11: the set-up step's time zone is stored as
// typed (a charter without one says R-TZ-2 under the field, an unknown one
// R-TZ-1), its list offers the zones matching what is typed, and choosing
// one stores it.
func TestSetupTimeZone_Issue10_11(t *testing.T) {
	s := blankSessionA(t, "Ana")
	ed, env := newTestEditor(t, s)
	env.Win.Resize(fyne.NewSize(1024, 700))
	st := stepA[*setupStep](t, ed, workshop.StepSetup)
	note := st.places.note("", "timeZone")
	if !note.Visible() || !strings.Contains(note.Text, "R-TZ-2") && !strings.Contains(note.Text, "none is given") {
		t.Errorf("no zone: note %q", note.Text)
	}
	retype(st.timeZone.entry.Entry, " Europe/Pariss ")
	if z := env.stored(t, s.ID).Current().Charter.TimeZone; z != "Europe/Pariss" {
		t.Fatalf("stored zone %q", z)
	}
	if !strings.Contains(note.Text, "Europe/Pariss") || !strings.Contains(note.Text, "not a known IANA time zone") {
		t.Errorf("unknown zone: note %q", note.Text)
	}
	if got := st.timeZone.entry.Entry.Text; got != " Europe/Pariss " {
		t.Errorf("the text typed became %q", got)
	}

	// The list: what matches the text typed, the city first.
	for typed, want := range map[string]string{"paris": "Europe/Paris", "new y": "America/New_York", "Tok": "Asia/Tokyo", "europe/Pariss": ""} {
		got := zoneChoices(typed)
		if want == "" && len(got) != 0 || want != "" && (len(got) == 0 || got[0] != want) {
			t.Errorf("zoneChoices(%q) = %v, want %s first", typed, got, want)
		}
	}
	if got := zoneChoices("Europe/Paris"); len(got) < 20 || got[0] != "Europe/Paris" || !strings.HasPrefix(got[1], "Europe/") {
		t.Errorf("a whole zone lists its region: %v", got)
	}
	if got := zoneChoices("America/"); len(got) != maxZoneChoices {
		t.Errorf("America/: %d choices", len(got))
	}
	if got := zoneChoices(""); len(got) < 5 || got[0] != workshop.ComputerTimeZone() && workshop.ComputerTimeZone() != "" {
		t.Errorf("nothing typed: %v", got)
	}
	retype(st.timeZone.entry.Entry, "tokyo")
	test.Tap(st.timeZone.button)
	pop := st.timeZone.pop
	if pop == nil || !pop.Visible() || env.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("the list did not open")
	}
	if len(pop.Items) != 1 {
		t.Fatalf("list for tokyo: %d items", len(pop.Items))
	}
	test.Tap(pop.Items[0].(fyne.Tappable))
	if z := env.stored(t, s.ID).Current().Charter.TimeZone; z != "Asia/Tokyo" {
		t.Fatalf("chosen zone stored as %q", z)
	}
	if note.Visible() && note.Text != "" {
		t.Errorf("a known zone still has a note: %q", note.Text)
	}
	if m := env.Win.Content().MinSize(); m.Width > 1024 || m.Height > 700 {
		t.Errorf("the set-up step needs %v", m)
	}
}

// TestICSExportBlockedByAnUnknownZoneSaysWhy_Issue10_11: a zone Go does not
// know stops the calendar export before any file is asked for, saying the
// R-TZ-1 finding in the interface's language.
func TestICSExportBlockedByAnUnknownZoneSaysWhy_Issue10_11(t *testing.T) {
	s := blankSessionA(t, "Ana")
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)
	retype(st.timeZone.entry.Entry, "Mars/Olympus_Mons")
	ed.saver.flush()

	rv := stepA[*reviewStep](t, ed, workshop.StepReview)
	rv.onICS()
	text := renderedText(env.Win)
	if !strings.Contains(text, "keeps the calendar from being exported") || !strings.Contains(text, "Mars/Olympus_Mons") ||
		!strings.Contains(text, "is not a known IANA time zone") {
		t.Fatalf("no explanation of the refused calendar export:\n%s", text)
	}
}
