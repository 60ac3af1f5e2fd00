package session

import (
	"testing"
	"time"

	"boussole/workshop"
)

// state is a State whose charter scope is s.
func state(s string) State {
	var sess workshop.Session
	sess.Revisions = []workshop.Revision{{Number: 1, Charter: workshop.Charter{Scope: s}}}
	return Capture(&sess)
}

func scope(st State) string { c, _ := st.Decode(); return c.Scope }

// TestHistoryGroupsAWordPerField_Issue9_2: keys typed in one field make one
// step per word (the space ends it); another field, a pause longer than
// MergeWindow or a change that is not typed opens a new step; a change
// that changed nothing leaves no step.
func TestHistoryGroupsAWordPerField_Issue9_2(t *testing.T) {
	var h History
	cur := ""
	t0 := time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)
	fieldA, fieldB := new(int), new(int)
	typeIn := func(field any, s string, at time.Time) {
		for _, r := range s {
			h.Before(func() State { return state(cur) }, field, r == ' ', at)
			cur += string(r)
			h.After(true, func() State { return state(cur) })
		}
	}
	typeIn(fieldA, "ab cd ", t0)
	typeIn(fieldB, "x", t0)
	typeIn(fieldB, "y", t0.Add(MergeWindow+time.Second))
	h.Before(func() State { return state(cur) }, nil, false, t0)
	h.After(true, func() State { return state(cur) }) // changed nothing
	var got []string
	for h.CanUndo() {
		st, _ := h.NextUndo()
		h.Undone(state(cur))
		cur = scope(st)
		got = append(got, cur)
	}
	want := []string{"ab cd x", "ab cd ", "ab ", ""}
	if len(got) != len(want) {
		t.Fatalf("undo steps = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("undo steps = %q, want %q", got, want)
		}
	}
	for h.CanRedo() {
		st, _ := h.NextRedo()
		h.Redone(state(cur))
		cur = scope(st)
	}
	if cur != "ab cd xy" {
		t.Fatalf("after every redo: %q", cur)
	}
	h.Clear()
	if h.CanUndo() || h.CanRedo() {
		t.Fatal("Clear left steps")
	}
}

// TestHistoryRefusedChangeLeavesNoStep_Issue9_2: a change the session
// refused is not a step, and a new change forgets the redo stack.
func TestHistoryRefusedChangeLeavesNoStep_Issue9_2(t *testing.T) {
	var h History
	h.Before(func() State { return state("a") }, nil, false, time.Now())
	h.After(false, func() State { return state("b") })
	if h.CanUndo() {
		t.Fatal("a refused change left a step")
	}
	h.Before(func() State { return state("a") }, nil, false, time.Now())
	h.After(true, func() State { return state("b") })
	h.NextUndo()
	h.Undone(state("b"))
	h.Before(func() State { return state("a") }, nil, false, time.Now())
	h.After(true, func() State { return state("c") })
	if h.CanRedo() {
		t.Fatal("redo kept after a new change")
	}
}

// TestHistoryIsBounded: the oldest steps go first past MaxSteps.
func TestHistoryIsBounded(t *testing.T) {
	var h History
	for i := range MaxSteps + 10 {
		h.Before(func() State { return state(string(rune('a' + i%26))) }, nil, false, time.Now())
		h.After(true, func() State { return state("z" + string(rune('a'+i%26))) })
	}
	if len(h.undo) != MaxSteps {
		t.Fatalf("steps = %d, want %d", len(h.undo), MaxSteps)
	}
}
