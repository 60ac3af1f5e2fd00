package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// layoutAt resizes the window and lays the canvas out again.
func layoutAt(env *testEnv, w, h float32) {
	env.Win.Resize(fyne.NewSize(w, h))
	env.Win.Content().Refresh()
	test.LaidOutObjects(env.Win.Content())
}

// At 1280×820 the three objectives of a template fit beside the names —
// every role shown whole, titles wrapped, no sideways scroll and no hint;
// with five objectives the grid scrolls sideways and a line above it names
// what is out of sight: objectives on the right, then, scrolled, the names
// on the left.
func TestRolesGridFitsThreeObjectivesAndHintsAtMore(t *testing.T) {
	s := newTemplateSession(t, "sales-cycle", workshop.EN)
	step, ed, env := openStep[*rolesStep](t, s, workshop.StepRoles)
	layoutAt(env, 1280, 820)
	if n := len(ed.Charter().Objectives); n != 3 {
		t.Fatalf("template has %d objectives, want 3", n)
	}
	if step.scroll.Scrolling() || step.More.Visible() {
		t.Fatalf("three objectives at 1280 px: scrolling %v, hint %q", step.scroll.Scrolling(), step.More.Text)
	}
	colMin := roleColumnMin(roleChoiceLabels())
	ws := step.layout.widths()
	if len(ws) != 4 {
		t.Fatalf("%d columns, want 4", len(ws))
	}
	for j, w := range ws[1:] {
		if w < colMin {
			t.Errorf("objective column %d is %.0f px, narrower than its longest role (%.0f px)", j+1, w, colMin)
		}
		if step.titles[j].Wrapping != fyne.TextWrapWord || step.titles[j].Text != ed.Charter().Objectives[j].Title {
			t.Errorf("objective %d header: wrapping %v, text %q", j+1, step.titles[j].Wrapping, step.titles[j].Text)
		}
	}
	var total float32
	for _, w := range ws {
		total += w
	}
	if total > step.scroll.Size().Width {
		t.Errorf("columns take %.0f px of %.0f", total, step.scroll.Size().Width)
	}

	ed.Edit(func(c *workshop.Charter) {
		for i := range 2 {
			o := c.Objectives[0]
			o.ID = fmt.Sprintf("more%d", i)
			o.Title = fmt.Sprintf("Extra objective %d", i+4)
			c.Objectives = append(c.Objectives, o)
		}
	})
	step.Refresh()
	layoutAt(env, 1280, 820)
	if !step.scroll.Scrolling() {
		t.Fatal("five objectives at 1280 px do not scroll")
	}
	if !step.More.Visible() || !strings.Contains(step.More.Text, "O5") || !strings.Contains(step.More.Text, "further right") || strings.Contains(step.More.Text, "O1") {
		t.Errorf("hint at the start = %q (visible %v), want O5 further right", step.More.Text, step.More.Visible())
	}
	sc := step.scroll.scroll
	sc.ScrollToOffset(fyne.NewPos(sc.Content.MinSize().Width, 0)) // clamped to the end
	step.scroll.changed()
	if !step.More.Visible() || !strings.HasPrefix(step.More.Text, "← Participant") || !strings.Contains(step.More.Text, "further left") || strings.Contains(step.More.Text, "O5") {
		t.Errorf("hint scrolled to the end = %q, want the names further left", step.More.Text)
	}

	// Back to three objectives: the grid fits again and the hint goes.
	ed.Edit(func(c *workshop.Charter) { c.Objectives = c.Objectives[:3] })
	step.Refresh()
	layoutAt(env, 1280, 820)
	if step.scroll.Scrolling() || step.More.Visible() {
		t.Errorf("back to three: scrolling %v, hint visible %v", step.scroll.Scrolling(), step.More.Visible())
	}
}
