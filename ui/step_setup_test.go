package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// stepA shows the step with that id in the editor (as the navigator
// would) and returns it, typed.
func stepA[T Step](t *testing.T, ed *editor, id string) T {
	t.Helper()
	for i, st := range ed.steps {
		if st.ID() == id {
			ed.show(i)
			s, ok := st.(T)
			if !ok {
				t.Fatalf("step %s is a %T", id, st)
			}
			return s
		}
	}
	t.Fatalf("the editor has no step %s", id)
	var zero T
	return zero
}

// retype replaces an entry's text the way a person does: select all, type.
func retype(e textSetter, text string) {
	e.SetText("")
	test.Type(e, text)
}

// blankSessionA is a blank English session for 2027-Q1 with participants.
func blankSessionA(t *testing.T, names ...string) *workshop.Session {
	t.Helper()
	s := newTemplateSession(t, "blank", workshop.EN)
	c := &s.Current().Charter
	for _, n := range names {
		c.Participants = append(c.Participants, workshop.Participant{ID: workshop.NewID(), Name: n, Function: workshop.FuncSales})
	}
	return s
}

func TestSetupFieldsEditTheCharter(t *testing.T) {
	s := blankSessionA(t)
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)

	retype(st.title.Entry, "Go-to-market 2027-Q1")
	test.Type(st.scope.Entry, "EMEA mid-market")
	test.Type(st.facilitator.Entry, "Élodie Martin")
	st.charterLang.Select.SetSelectedIndex(0) // Français
	test.Tap(st.readiness[0])
	test.Tap(st.readiness[3])

	c := env.stored(t, s.ID).Current().Charter
	if c.Title != "Go-to-market 2027-Q1" || c.Scope != "EMEA mid-market" || c.Facilitator != "Élodie Martin" {
		t.Errorf("stored title/scope/facilitator = %q / %q / %q", c.Title, c.Scope, c.Facilitator)
	}
	if c.Lang != workshop.FR {
		t.Errorf("charter language = %q, want fr", c.Lang)
	}
	want := workshop.Readiness{BaselinesKnown: true, ParticipantsConfirmed: true}
	if c.Readiness != want {
		t.Errorf("readiness = %+v, want %+v", c.Readiness, want)
	}
	if ed.Charter().Title != "Go-to-market 2027-Q1" {
		t.Errorf("editor charter title = %q", ed.Charter().Title)
	}
}

func TestSetupPeriodLabelFillsTheDates(t *testing.T) {
	s := blankSessionA(t)
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)

	retype(st.period.Entry, "2027-T2")
	if noteShown(st.periodInvalid) {
		t.Errorf("a readable period shows %q", st.periodInvalid.Text)
	}
	p := env.stored(t, s.ID).Current().Charter.Period
	want := workshop.Period{Label: "2027-Q2", Start: "2027-04-01", End: "2027-06-30"}
	if p != want {
		t.Errorf("stored period = %+v, want %+v", p, want)
	}
	if st.start.Entry.Text != "2027-04-01" || st.end.Entry.Text != "2027-06-30" {
		t.Errorf("date entries = %q, %q", st.start.Entry.Text, st.end.Entry.Text)
	}
}

func TestSetupInvalidPeriodShowsInlineMessageAndKeepsText(t *testing.T) {
	s := blankSessionA(t)
	before := s.Current().Charter.Period
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)

	st.period.Entry.SetText("2027-Q9") // pasted: one change
	if st.period.Entry.Text != "2027-Q9" {
		t.Errorf("the typed text was replaced by %q", st.period.Entry.Text)
	}
	if !st.periodInvalid.Visible() || !strings.Contains(st.periodInvalid.Text, "2027-Q9") {
		t.Errorf("inline message = %q (visible %v), want one naming 2027-Q9", st.periodInvalid.Text, st.periodInvalid.Visible())
	}
	if st.periodInvalid.Importance != widget.DangerImportance {
		t.Errorf("inline message importance = %v, want danger", st.periodInvalid.Importance)
	}
	p := env.stored(t, s.ID).Current().Charter.Period
	if p.Label != "2027-Q9" || p.Start != before.Start || p.End != before.End {
		t.Errorf("stored period = %+v: want the label as typed and the dates of %+v", p, before)
	}

	// An unreadable date is kept too, with its own message.
	retype(st.end.Entry, "31/06/2027")
	if !st.end.Invalid.Visible() {
		t.Error("an unreadable end date shows no message")
	}
	if got := env.stored(t, s.ID).Current().Charter.Period.End; got != "31/06/2027" {
		t.Errorf("stored end = %q, want the text as typed", got)
	}
}

func TestSetupParticipantsAddEditRemoveWithRoles(t *testing.T) {
	s := blankSessionA(t, "Ana")
	c := &s.Current().Charter
	c.Objectives = []workshop.Objective{{ID: "o1", Title: "Faster cycle"}}
	c.Roles = []workshop.Assignment{{ParticipantID: c.Participants[0].ID, ObjectiveID: "o1", Role: workshop.RolePilot}}
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)

	test.Tap(st.AddParticipant)
	if len(st.rows) != 2 {
		t.Fatalf("rows after add = %d, want 2", len(st.rows))
	}
	test.Type(st.rows[1].name.Entry, "Bruno")
	st.rows[1].function.Select.SetSelectedIndex(1) // marketing
	test.Type(st.rows[1].email.Entry, "bruno@example.com")
	got := env.stored(t, s.ID).Current().Charter.Participants
	if len(got) != 2 || got[1].Name != "Bruno" || got[1].Function != workshop.FuncMarketing || got[1].Email != "bruno@example.com" {
		t.Fatalf("stored participants = %+v", got)
	}
	if lbl := st.rows[1].function.Select.Selected; lbl != workshop.Label(workshop.EN, "marketing") {
		t.Errorf("function shows %q", lbl)
	}

	// Ana is a pilot: removing her asks first, and takes her role away.
	test.Tap(st.rows[0].remove)
	if !strings.Contains(renderedText(env.Win), "Ana holds 1 role on") {
		t.Fatalf("no confirmation naming Ana's roles in:\n%s", renderedText(env.Win))
	}
	tapButton(t, env.Win, "Remove")
	c2 := env.stored(t, s.ID).Current().Charter
	if len(c2.Participants) != 1 || c2.Participants[0].Name != "Bruno" {
		t.Errorf("participants after removal = %+v", c2.Participants)
	}
	if len(c2.Roles) != 0 {
		t.Errorf("roles after removal = %+v, want none", c2.Roles)
	}

	// Bruno holds no role: removed at once.
	test.Tap(st.rows[0].remove)
	if n := len(env.stored(t, s.ID).Current().Charter.Participants); n != 0 {
		t.Errorf("participants = %d, want 0", n)
	}
}

func TestSetupReadOnlyWhenSigned(t *testing.T) {
	s := blankSessionA(t)
	s.Current().Status = workshop.StatusSigned
	ed, _ := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)
	if !st.title.Entry.Disabled() || !st.AddParticipant.Disabled() || !st.readiness[0].Disabled() {
		t.Error("a signed charter's set-up fields are editable")
	}
}

func TestStepsACatalogsHaveTheSameKeys(t *testing.T) {
	prefixes := []string{"setup.", "intent.", "ideas.", "timebox.", "objectives.", "field."}
	en, fr := catalogKeys(t, "en", prefixes...), catalogKeys(t, "fr", prefixes...)
	if len(en) < 100 {
		t.Fatalf("the catalogs have only %d keys of steps 1 to 4", len(en))
	}
	for k := range en {
		if _, ok := fr[k]; !ok {
			t.Errorf("%s is missing in French", k)
		}
	}
	for k := range fr {
		if _, ok := en[k]; !ok {
			t.Errorf("%s is missing in English", k)
		}
	}
}

// Typing "2027-Q5" passes through "2027", a readable year: the unreadable
// label must leave the dates of before the typing, not the year's.
func TestSetupTypedInvalidPeriodKeepsTheDatesOfBefore(t *testing.T) {
	s := blankSessionA(t)
	before := s.Current().Charter.Period
	ed, env := newTestEditor(t, s)
	st := stepA[*setupStep](t, ed, workshop.StepSetup)
	env.Win.Canvas().Focus(st.period.Entry)
	st.period.Entry.SetText("")
	test.Type(st.period.Entry, "2027-Q5")
	p := env.stored(t, s.ID).Current().Charter.Period
	if p.Label != "2027-Q5" || p.Start != before.Start || p.End != before.End {
		t.Errorf("stored period = %+v, want label 2027-Q5 with the dates of %+v", p, before)
	}
}
