package ui

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// Issue 9 (minor): no catalog writes a count as "rôle(s)": every count
// agrees with its number.
func TestNoCatalogHedgesAPlural_Issue9(t *testing.T) {
	hedge := regexp.MustCompile(`\p{L}\((s|x|e|es)\)`)
	for prefix, byLang := range catalogs(t) {
		for l, m := range byLang {
			for k, v := range m {
				if hedge.MatchString(v) {
					t.Errorf("%s.%s %s: %q hedges a plural", prefix, l, k, v)
				}
			}
		}
	}
}

// Issue 9 (minor): the counts that hedged read as written, one and many.
func TestCountsAgreeWithTheirNumber_Issue9(t *testing.T) {
	t.Cleanup(func() { SetupLanguage(LangEN) })
	cases := []struct {
		lang string
		key  string
		args []any
		want string
	}{
		{LangFR, "setup.participant.remove.roles", []any{"Name", "Ana", "N", 3}, "Ana tient 3 rôles sur les objectifs. Le retirer retire aussi ces rôles"},
		{LangFR, "setup.participant.remove.roles", []any{"Name", "Ana", "N", 1}, "Ana tient 1 rôle sur les objectifs. Le retirer retire aussi ce rôle"},
		{LangEN, "setup.participant.remove.roles", []any{"Name", "Ana", "N", 1}, "Ana holds 1 role on the objectives. Removing them also removes this role"},
		{LangEN, "setup.participant.remove.roles", []any{"Name", "Ana", "N", 2}, "Ana holds 2 roles on the objectives. Removing them also removes these roles"},
		{LangFR, "ideas.card.remove.body", []any{"Text", "X", "N", 1}, "«\u00a0X\u00a0» a 1 vote. Il sera perdu avec la carte."},
		{LangFR, "ideas.card.remove.body", []any{"Text", "X", "N", 4}, "«\u00a0X\u00a0» a 4 votes. Ils seront perdus avec la carte."},
		{LangEN, "ideas.card.remove.body", []any{"Text", "X", "N", 1}, "“X” has 1 vote. It will be lost with the card."},
		{LangEN, "ideas.vote.budget", []any{"Name", "Ana", "N", 1}, "Ana has used their only vote."},
		{LangEN, "ideas.vote.budget", []any{"Name", "Ana", "N", 3}, "Ana has used all 3 votes."},
		{LangFR, "ideas.vote.budget", []any{"Name", "Ana", "N", 1}, "Ana a utilisé son unique vote."},
		{LangFR, "cascade.sum.unread", []any{"N", 1}, "(1 cible illisible, non comptée)"},
		{LangFR, "cascade.sum.unread", []any{"N", 2}, "(2 cibles illisibles, non comptées)"},
		{LangEN, "cascade.sum.unread", []any{"N", 1}, "(1 target cannot be read and is not counted)"},
		{LangEN, "kpis.count.guardrails", []any{"N", 1}, "(+ 1 guardrail)"},
		{LangFR, "kpis.count.guardrails", []any{"N", 2}, "(+ 2 garde-fous)"},
		{LangEN, "present.signatures", []any{"N", 1, "Of", 1}, "Sign-off: 1 of 1 approver"},
		{LangEN, "present.signatures", []any{"N", 1, "Of", 3}, "Sign-off: 1 of 3 approvers"},
	}
	for _, c := range cases {
		SetupLanguage(c.lang)
		if got := tr(c.key, c.args...); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s %s %v: %q, want %q…", c.lang, c.key, c.args, got, c.want)
		}
	}
}

// Issue 9 (minor): removing a participant who holds one role says "1 role"
// in the window's dialog.
func TestRemoveParticipantDialogCountsRoles_Issue9(t *testing.T) {
	s := blankSessionA(t, "Ana", "Ben")
	c := &s.Current().Charter
	ana := c.Participants[0].ID
	c.Objectives = []workshop.Objective{{ID: "o1", Title: "One"}}
	c.Roles = []workshop.Assignment{{ParticipantID: ana, ObjectiveID: "o1", Role: workshop.RolePilot}}
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)
	test.Tap(st.rows[0].remove)
	txt := renderedText(env.Win)
	if !strings.Contains(txt, "Ana holds 1 role on the objectives") || strings.Contains(txt, "role(s)") {
		t.Errorf("dialog text:\n%s", txt)
	}
}

// Issue 9 (minor): a vote without a voter is said once, not on two lines.
func TestVoteWithoutVoterSaidOnce_Issue9(t *testing.T) {
	s := blankSessionA(t, "Ana", "Bruno")
	ed, env := newTestEditor(t, s)
	st := stepA[*ideasStep](t, ed, workshop.StepIdeas)
	addCardA(t, st, 0, "A")
	a := cardByText(t, env.stored(t, s.ID).Board, "A").ID
	test.Tap(st.Rows[a].Plus)
	if n := labelsSaying(env.Win.Content(), tr("ideas.vote.novoter")); n != 1 {
		t.Errorf("%q shown %d times, want once", tr("ideas.vote.novoter"), n)
	}
}

// Issue 9 (minor): a ritual time typed wrong is said once: the finding of
// the stored text does not repeat the field's own message.
func TestRitualTimeSaidOnce_Issue9(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	step, _, _ := openStep[*ritualsStep](t, s, workshop.StepRituals)
	rc := step.cards[0]
	retypeEntry(rc.Time.Entry, "half past nine")
	if n := labelsSaying(rc.obj, "half past nine"); n != 1 {
		t.Errorf("the wrong time is quoted by %d lines of the ritual, want one", n)
	}
	if !noteShown(rc.TimeInvalid) {
		t.Error("no message for the wrong time")
	}
}

// labelsSaying counts the visible labels under root whose text holds s.
func labelsSaying(root fyne.CanvasObject, s string) int {
	n := 0
	for _, o := range test.LaidOutObjects(root) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, s) {
			n++
		}
	}
	return n
}
