package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// Issue 9 (minor): every date and time field of the window reads what a
// French facilitator types ("31/03/27", "8 h 30") in a French charter and
// stores the ISO form; the entry keeps what was typed.
func TestDatesAndTimesTypedTheFrenchWay_Issue9(t *testing.T) {
	s := blankSessionA(t, "Ana")
	c := &s.Current().Charter
	c.Lang = workshop.FR
	c.Objectives = []workshop.Objective{{ID: "o1", Title: "Un"}}
	c.Rituals = []workshop.Ritual{{ID: "r1", Name: "Revue", Kind: workshop.RitualCustom, Cadence: workshop.CadenceWeekly, Time: "09:00", Minutes: 30}}
	ed, env := newTestEditor(t, s)

	setup := stepA[*setupStep](t, ed, workshop.StepSetup)
	retype(setup.start.Entry, "1/1/2027")
	retype(setup.end.Entry, "31 mars 2027")
	if noteShown(setup.start.Invalid) || noteShown(setup.end.Invalid) {
		t.Errorf("French dates flagged: %q / %q", setup.start.Invalid.Text, setup.end.Invalid.Text)
	}
	if setup.start.Entry.PlaceHolder != "DD/MM/YYYY" {
		t.Errorf("date hint of a French charter = %q", setup.start.Entry.PlaceHolder)
	}

	obj := stepA[*objectivesStep](t, ed, workshop.StepObjectives)
	oc := obj.cards[0]
	test.Type(oc.deadline.Entry, "31/03/27")
	if noteShown(oc.deadline.Invalid) {
		t.Errorf("31/03/27 flagged: %q", oc.deadline.Invalid.Text)
	}
	test.Type(oc.title.Entry, "s") // another edit refreshes the step, the deadline unfocused
	if oc.deadline.Entry.Text != "31/03/27" {
		t.Errorf("deadline entry = %q after a refresh, want it as typed", oc.deadline.Entry.Text)
	}

	rit := stepA[*ritualsStep](t, ed, workshop.StepRituals)
	rc := rit.cards[0]
	retype(rc.Time.Entry, "8 h 30")
	if noteShown(rc.TimeInvalid) {
		t.Errorf("8 h 30 flagged: %q", rc.TimeInvalid.Text)
	}

	logs := stepA[*logStep](t, ed, workshop.StepLog)
	test.Type(logs.Date, "15/01/2027")
	test.Type(logs.Text, "Budget validé")
	test.Tap(logs.Submit)

	got := env.stored(t, s.ID).Current().Charter
	if got.Period.Start != "2027-01-01" || got.Period.End != "2027-03-31" {
		t.Errorf("stored period = %s – %s", got.Period.Start, got.Period.End)
	}
	if got.Objectives[0].Deadline != "2027-03-31" {
		t.Errorf("stored deadline = %q", got.Objectives[0].Deadline)
	}
	if got.Rituals[0].Time != "08:30" {
		t.Errorf("stored ritual time = %q", got.Rituals[0].Time)
	}
	if n := len(got.Decisions); n == 0 || got.Decisions[n-1].Date != "2027-01-15" {
		t.Errorf("stored decisions = %+v", got.Decisions)
	}
	if fs := findingsOf(ed.findings, workshop.RRIT2, "r1"); len(fs) != 0 {
		t.Errorf("8 h 30 leaves a calendar finding: %v", fs)
	}

	// An English form is not French: said once, under the field, and kept.
	retype(rc.Time.Entry, "8:30 AM")
	if !noteShown(rc.TimeInvalid) || !strings.Contains(rc.TimeInvalid.Text, "8h30") {
		t.Errorf("time message = %q", rc.TimeInvalid.Text)
	}
	if n := noteText(rit.places, "r1", "time"); n != "" {
		t.Errorf("the time's finding shows too, under the message: %q", n)
	}
	if got := env.stored(t, s.ID).Current().Charter.Rituals[0].Time; got != "8:30 AM" {
		t.Errorf("stored time = %q, want it as typed", got)
	}
}

// Issue 9 (minor): an English charter reads ISO, "31 Mar 2027", "March 31,
// 2027" and "8:30 PM"; a numeric day/month is ambiguous there and refused,
// kept as typed with a message naming the forms it reads.
func TestDatesAndTimesTypedTheEnglishWay_Issue9(t *testing.T) {
	s := blankSessionA(t)
	c := &s.Current().Charter
	c.Objectives = []workshop.Objective{{ID: "o1", Title: "One"}, {ID: "o2", Title: "Two"}}
	c.Rituals = []workshop.Ritual{{ID: "r1", Name: "Review", Kind: workshop.RitualCustom, Cadence: workshop.CadenceWeekly, Time: "09:00", Minutes: 30}}
	ed, env := newTestEditor(t, s)

	obj := stepA[*objectivesStep](t, ed, workshop.StepObjectives)
	test.Type(obj.cards[0].deadline.Entry, "March 31, 2027")
	test.Type(obj.cards[1].deadline.Entry, "03/04/2027")
	if noteShown(obj.cards[0].deadline.Invalid) {
		t.Errorf("March 31, 2027 flagged: %q", obj.cards[0].deadline.Invalid.Text)
	}
	if msg := obj.cards[1].deadline.Invalid.Text; !strings.Contains(msg, "03/04/2027") || !strings.Contains(msg, "YYYY-MM-DD") {
		t.Errorf("ambiguous date message = %q", msg)
	}
	rit := stepA[*ritualsStep](t, ed, workshop.StepRituals)
	retype(rit.cards[0].Time.Entry, "8:30 PM")
	if noteShown(rit.cards[0].TimeInvalid) {
		t.Errorf("8:30 PM flagged: %q", rit.cards[0].TimeInvalid.Text)
	}
	got := env.stored(t, s.ID).Current().Charter
	if got.Objectives[0].Deadline != "2027-03-31" || got.Objectives[1].Deadline != "03/04/2027" {
		t.Errorf("stored deadlines = %q, %q", got.Objectives[0].Deadline, got.Objectives[1].Deadline)
	}
	if got.Rituals[0].Time != "20:30" {
		t.Errorf("stored time = %q", got.Rituals[0].Time)
	}
}

// Issue 9 (minor): the deadline's hint is the form to type, never the
// period's end in grey looking like a value; the end is named in the help
// line and one button copies it.
func TestDeadlineNoPeriodEndPlaceholder_Issue9(t *testing.T) {
	s := blankSessionA(t)
	c := &s.Current().Charter
	c.Period = workshop.Period{Label: "2027-Q1", Start: "2027-01-01", End: "2027-03-31"}
	c.Objectives = []workshop.Objective{{ID: "o1", Title: "One"}}
	ed, env := newTestEditor(t, s)
	oc := stepA[*objectivesStep](t, ed, workshop.StepObjectives).cards[0]

	if ph := oc.deadline.Entry.PlaceHolder; ph != "YYYY-MM-DD" || strings.ContainsAny(ph, "0123456789") {
		t.Errorf("deadline hint = %q, want the form to type", ph)
	}
	if !strings.Contains(oc.deadlineHelp.Text, "2027-03-31") {
		t.Errorf("help line = %q, want it to name the period's end", oc.deadlineHelp.Text)
	}
	if oc.UseEnd.Disabled() {
		t.Fatal("the period-end button is disabled on an empty deadline")
	}
	test.Tap(oc.UseEnd)
	if got := env.stored(t, s.ID).Current().Charter.Objectives[0].Deadline; got != "2027-03-31" {
		t.Errorf("stored deadline = %q", got)
	}
	if oc.deadline.Entry.Text != "2027-03-31" || !oc.UseEnd.Disabled() {
		t.Errorf("entry %q, button disabled %v after use", oc.deadline.Entry.Text, oc.UseEnd.Disabled())
	}
}
