package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// stepLayout lays step i out and returns the position, within the step's
// content, of every field and button in it.
func stepLayout(ed *editor, i int) map[fyne.CanvasObject]fyne.Position {
	sc := ed.built[i].(*container.Scroll)
	sc.Content.Resize(sc.Content.MinSize().Max(sc.Size()))
	layoutTree(sc.Content)
	pos := map[fyne.CanvasObject]fyne.Position{}
	walkTree(sc.Content, func(o fyne.CanvasObject) {
		switch o.(type) {
		case *textEntry, *widget.Entry, *widget.Select, *widget.Check, *widget.Button, *widget.RadioGroup:
			if p, ok := positionIn(sc.Content, o); ok && o.Visible() {
				pos[o] = p
			}
		}
	})
	return pos
}

// TestFieldsStayPutWhenAFindingAppears_Issue9_4: a message that appears
// under a field (a finding, an unreadable date or number) takes a line
// that was already there: no field or button of the step moves.
func TestFieldsStayPutWhenAFindingAppears_Issue9_4(t *testing.T) {
	for _, tc := range []struct {
		name, step string
		act        func(ed *editor)
	}{
		{"objective statement emptied", workshop.StepObjectives, func(ed *editor) {
			st := ed.steps[ed.current].(*objectivesStep)
			st.cards[0].specific.Entry.SetText("")
		}},
		{"unreadable end date", workshop.StepSetup, func(ed *editor) {
			st := ed.steps[ed.current].(*setupStep)
			ed.Window().Canvas().Focus(st.end.Entry)
			retype(st.end.Entry, "31/13/2027")
		}},
		{"unreadable KPI target", workshop.StepKPIs, func(ed *editor) {
			st := ed.steps[ed.current].(*kpisStep)
			ed.Window().Canvas().Focus(st.cards[0].Target.Entry)
			retype(st.cards[0].Target.Entry, "douze")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newTemplateSession(t, "sales-cycle", workshop.FR)
			ed, env := newTestEditor(t, s)
			env.Win.Resize(fyne.NewSize(1280, 800))
			ed.Goto(workshop.Where{Step: tc.step})
			before := stepLayout(ed, ed.current)
			tc.act(ed)
			ed.flushRefresh()
			after := stepLayout(ed, ed.current)
			moved := 0
			for o, p := range before {
				if q, ok := after[o]; ok && q != p {
					moved++
					if moved <= 3 {
						t.Errorf("%T moved from %v to %v", o, p, q)
					}
				}
			}
			if moved > 3 {
				t.Errorf("… %d objects moved in all", moved)
			}
		})
	}
}

// TestEveryStepFits1024x700WithFindings_Issue9_5: with the findings panel
// open, no step makes the window wider than a 1024×700 projector, and the
// idea field has at least half of the ideas step's width, authors shown.
func TestEveryStepFits1024x700WithFindings_Issue9_5(t *testing.T) {
	for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
		s := newTemplateSession(t, "sales-cycle", l)
		s.Board.Anonymous = false
		ed, env := newTestEditor(t, s)
		env.Win.Resize(fyne.NewSize(1024, 700))
		layoutTree(env.Win.Content())
		if !ed.side.Visible() && !ed.bar.box.Visible() {
			t.Fatal("the findings panel is not open")
		}
		for _, st := range ed.steps {
			ed.Goto(workshop.Where{Step: st.ID()})
			if m := env.Win.Content().MinSize(); m.Width > 1024 || m.Height > 700 {
				t.Errorf("%s %s: the window needs %v", l, st.ID(), m)
			}
		}
		ed.Goto(workshop.Where{Step: workshop.StepIdeas})
		ideas := ed.steps[ed.current].(*ideasStep)
		env.Win.Resize(fyne.NewSize(1024, 700))
		sc := ed.built[ed.current].(*container.Scroll)
		layoutTree(env.Win.Content())
		sc.Content.Resize(sc.Content.MinSize().Max(sc.Size()))
		layoutTree(sc.Content)
		if !ideas.authorBox.Visible() {
			t.Fatal("authors are not shown")
		}
		if w, step := ideas.NewText.Size().Width, sc.Size().Width; w < step/2 {
			t.Errorf("%s: the idea field is %.0f px wide in a step of %.0f px", l, w, step)
		}
		// Folded to its bar, the panel leaves the step its width; its
		// button unfolds it.
		if !ed.splitLayout.folded || ed.side.Visible() {
			t.Errorf("%s: the findings panel is not folded at 1024 px", l)
		}
		if w := ed.center.Size().Width; w < minStepWidth {
			t.Errorf("%s: the step is %.0f px wide beside the folded panel", l, w)
		}
		test.Tap(ed.bar.unfold)
		layoutTree(env.Win.Content())
		if !ed.side.Visible() || ed.bar.box.Visible() {
			t.Errorf("%s: the bar's button did not unfold the panel", l)
		}
		ed.toggleFindings()
		ed.toggleFindings()
		env.Win.Resize(fyne.NewSize(1400, 900))
		layoutTree(env.Win.Content())
		if !ed.side.Visible() || ed.splitLayout.folded {
			t.Errorf("%s: the panel is folded at 1400 px", l)
		}
	}
}

// TestEmptyStepShowsNotStarted_Issue9: in a blank session the steps with
// nothing filled show the empty circle, not the green check; once filled
// and without findings, the check.
func TestEmptyStepShowsNotStarted_Issue9(t *testing.T) {
	s := newTemplateSession(t, "blank", workshop.EN)
	ed, _ := newTestEditor(t, s)
	idx := map[string]int{}
	for i, st := range ed.steps {
		idx[st.ID()] = i
	}
	log := idx[workshop.StepLog]
	if ed.navIcons[log].Resource != theme.RadioButtonIcon() {
		t.Fatalf("the empty decision log shows %v", ed.navIcons[log].Resource)
	}
	ed.AppendDecision(workshop.Decision{Type: workshop.DecisionTypes[0], Text: "Start with two KPIs"})
	if ed.navIcons[log].Resource == theme.RadioButtonIcon() {
		t.Fatal("the log still shows not started after an entry")
	}
}

// TestInviteEveryoneReflectsTheBoxes_Issue9: "Invite everyone" shows ticked
// only when every participant is invited; tapping it invites them all.
func TestInviteEveryoneReflectsTheBoxes_Issue9(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	r := &s.Current().Charter.Rituals[0]
	r.Attendees = r.Attendees[:1]
	step, _, _ := openStep[*ritualsStep](t, s, workshop.StepRituals)
	rc := step.cards[0]
	if rc.AllPeople.Icon != theme.CheckButtonIcon() {
		t.Fatal("\"Invite everyone\" is ticked while one participant is invited")
	}
	test.Tap(rc.AllPeople)
	if rc.AllPeople.Icon != theme.CheckButtonCheckedIcon() {
		t.Fatal("\"Invite everyone\" is not ticked once everyone is invited")
	}
	test.Tap(rc.Attendees[0])
	if rc.AllPeople.Icon != theme.CheckButtonIcon() {
		t.Fatal("\"Invite everyone\" stays ticked after a box was unticked")
	}
}
