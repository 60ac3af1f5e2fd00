package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
