package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// Issue 9 (language): choosing French in the settings turns the open
// editor French at once, at the same step, with the findings in French
// although the charter is English; the languages are named in themselves;
// the countdown keeps its time; nothing typed is lost.
func TestLanguageAppliesAtOnce_Issue9(t *testing.T) {
	t.Cleanup(func() { SetLanguage(LangEN) })
	s := blankSessionA(t) // English, with findings (no title, no participant …)
	ed, env := newTestEditor(t, s)
	ed.Goto(workshop.Where{Step: workshop.StepKPIs})
	step := ed.current
	tb, clock, _ := drivenTimebox(t, ed)
	test.Tap(tb.StartPause)
	clock.add(90e9) // 1:30 spent
	if len(ed.findings) == 0 {
		t.Fatal("the blank charter should have findings")
	}
	before := ed.navButtons[0].Text
	ed.toggleFindings() // put away: stays so
	env.UI.showPresentation()
	t.Cleanup(func() { env.UI.pres.win.Close() })

	f := env.UI.settingsForm()
	if got := strings.Join(f.language.Options, "|"); !strings.Contains(got, "Français|English") {
		t.Fatalf("languages are not named in themselves: %q", got)
	}
	f.dialog.Show()
	f.language.SetSelectedIndex(1) // Français

	if CurrentLang() != workshop.FR {
		t.Fatalf("interface language = %s, want fr", CurrentLang())
	}
	if NewSettings(env.App.Preferences()).Language() != LangFR {
		t.Error("the choice was not stored")
	}
	ed = env.UI.editor
	if ed.side.Visible() {
		t.Error("the findings panel came back after the switch")
	}
	if ed.current != step {
		t.Errorf("step after the switch = %d, want %d", ed.current, step)
	}
	if ed.navButtons[0].Text == before || !strings.Contains(ed.navButtons[0].Text, tr("setup.title")) {
		t.Errorf("navigator still reads %q", ed.navButtons[0].Text)
	}
	if got, want := ed.panel.msgs[0].Text, ed.findings[0].Message(workshop.FR); got != want {
		t.Errorf("finding shown %q, want the French %q", got, want)
	}
	if ed.findings[0].Message(workshop.FR) == ed.findings[0].Message(workshop.EN) {
		t.Errorf("the finding reads the same in both languages: %q", ed.panel.msgs[0].Text)
	}
	if ed.Lang() != workshop.EN {
		t.Errorf("the charter's language changed to %s", ed.Lang())
	}
	if left := ed.timebox.Remaining(); !ed.timebox.Running() || left != 15*60e9-90e9 {
		t.Errorf("countdown after the switch: running %v, %v left", ed.timebox.Running(), left)
	}
	if !strings.Contains(renderedText(env.Win), tr("editor.home")) {
		t.Errorf("the window does not show %q", tr("editor.home"))
	}
	if got := env.UI.pres.cue.Text; got != "Temps écoulé" {
		t.Errorf("the projector window still reads %q", got)
	}
	nf := env.UI.lastSettings
	if nf == nil || nf.language.Options[0] != "Celle du système" || nf.language.Selected != "Français" {
		t.Errorf("the settings dialog was not rebuilt in French: %+v", nf)
	}
	ed.timebox.Stop()

	// Back to English from the rebuilt dialog, and home.
	nf.language.SetSelectedIndex(2)
	if CurrentLang() != workshop.EN || env.UI.editor.navButtons[0].Text != before {
		t.Errorf("back in English the navigator reads %q", env.UI.editor.navButtons[0].Text)
	}
	env.UI.lastSettings.dialog.Hide()
	env.UI.ShowHome()
	env.UI.lastSettings.language.SetSelectedIndex(1)
	if !strings.Contains(renderedText(env.Win), "Nouvel atelier") {
		t.Error("the home screen did not turn French")
	}
}

// A key missing in French falls back to English, then to the key.
func TestCatalogFallback_Issue9(t *testing.T) {
	t.Cleanup(func() { SetLanguage(LangEN) })
	SetLanguage(LangFR)
	catMu.Lock()
	delete(uiCatalogs[workshop.FR], "home.new")
	catMu.Unlock()
	t.Cleanup(func() { catMu.Lock(); uiCatalogs = nil; catMu.Unlock() })
	if got := tr("home.new"); got != "New session…" {
		t.Errorf("missing French key: %q", got)
	}
	if got := tr("no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key: %q", got)
	}
}

// TestFrenchInterfaceTextsHaveNoBreakSpaces_Issue8_6: every French text of
// the window gets its no-break spaces before « : ; ? ! » from the one
// typography toolkit, so a wrapped label never starts a line with « : ».
func TestFrenchInterfaceTextsHaveNoBreakSpaces_Issue8_6(t *testing.T) {
	t.Cleanup(func() { SetLanguage(LangEN) })
	SetLanguage(LangFR)
	if got := tr("present.pilot", "Names", "Ana"); got != "Pilote\u00a0: Ana" {
		t.Errorf("present.pilot = %q", got)
	}
	catMu.RLock()
	defer catMu.RUnlock()
	for k, v := range uiCatalogs[workshop.FR] {
		for _, bad := range []string{" :", " ;", " ?", " !", "« ", " »"} {
			if strings.Contains(v, bad) {
				t.Errorf("%s: %q keeps an ordinary space in %q", k, v, bad)
			}
		}
	}
}
