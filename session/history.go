// Package session holds what belongs to an open session beyond its stored
// data: the one owner of its changes (Service: the keyboard's and the
// participants' room's, with the autosave writer), and the undo history of
// the facilitator's changes to the charter and the board (PRODUCT.md §7:
// "an edit can be undone (Ctrl+Z) and redone, deletions included"). It
// depends on workshop only.
package session

import (
	"bytes"
	"encoding/json"
	"time"

	"boussole/workshop"
)

// MaxSteps bounds the history: the oldest changes are forgotten first.
const MaxSteps = 500

// MergeWindow is how long a pause in typing may last inside one undo step.
const MergeWindow = 3 * time.Second

// State is what an undo restores: the current revision's charter and the
// board, encoded once (a deletion comes back exactly as it was, with what
// pointed at it: roles, KPI owners, attendees all live in the charter).
type State []byte

// stateDoc is State's encoding.
type stateDoc struct {
	Charter workshop.Charter `json:"charter"`
	Board   workshop.Board   `json:"board"`
	Seq     int              `json:"roomSeq,omitempty"` // the room's changes it holds (Service.Capture)
}

// Capture encodes the current charter and board of s.
func Capture(s *workshop.Session) State {
	b, err := json.Marshal(stateDoc{Charter: s.Current().Charter, Board: s.Board})
	if err != nil {
		panic("session: charter not encodable: " + err.Error()) // plain data only
	}
	return b
}

// Decode returns the charter and the board of st.
func (st State) Decode() (workshop.Charter, workshop.Board) {
	var d stateDoc
	if err := json.Unmarshal(st, &d); err != nil {
		panic("session: state not decodable: " + err.Error())
	}
	return d.Charter, d.Board
}

// History is the undo and redo stacks of one open session. Each step holds
// the state before a change. Changes typed in one field are one step per
// word: a typed change merges into the open step of the same field until a
// space or line break ends the word, another change comes, or typing
// pauses longer than MergeWindow.
type History struct {
	undo, redo []State
	field      any       // the field whose typing the top step holds; nil: closed
	last       time.Time // the last typed change merged
	pending    bool      // the top step was pushed by the change in progress
}

// Before is called before a change is applied, with the state it would
// leave (capture is called only when a new step opens). field is the field
// being typed in (nil for any other change); wordEnd says the key typed
// ends a word (the word and its space are one step).
func (h *History) Before(capture func() State, field any, wordEnd bool, now time.Time) {
	h.pending = false
	if field != nil && field == h.field && now.Sub(h.last) <= MergeWindow && len(h.undo) > 0 {
		h.last = now
		if wordEnd {
			h.field = nil
		}
		return
	}
	h.undo = append(h.undo, capture())
	if len(h.undo) > MaxSteps {
		h.undo = append(h.undo[:0:0], h.undo[len(h.undo)-MaxSteps:]...)
	}
	h.pending = true
	h.field, h.last = nil, now
	if field != nil && !wordEnd {
		h.field = field
	}
}

// After is called once the change was applied (or refused: ok false), with
// the state it left. A step whose change changed nothing is dropped; any
// change clears what could be redone.
func (h *History) After(ok bool, after func() State) {
	if !h.pending {
		return
	}
	h.pending = false
	top := len(h.undo) - 1
	if !ok || bytes.Equal(h.undo[top], after()) {
		h.undo = h.undo[:top]
		h.field = nil
		return
	}
	h.redo = nil
}

// NextUndo is the state the next Undo restores; false when there is
// nothing to undo. Nothing changes until Undone is called: the window may
// ask first (a charter in signature).
func (h *History) NextUndo() (State, bool) {
	if len(h.undo) == 0 {
		return nil, false
	}
	return h.undo[len(h.undo)-1], true
}

// Undone records that NextUndo's state was restored; cur was the state
// before, which Redo brings back.
func (h *History) Undone(cur State) {
	if len(h.undo) == 0 {
		return
	}
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, cur)
	h.field = nil
}

// NextRedo is the state the next Redo restores.
func (h *History) NextRedo() (State, bool) {
	if len(h.redo) == 0 {
		return nil, false
	}
	return h.redo[len(h.redo)-1], true
}

// Redone records that NextRedo's state was restored; cur was the state
// before, which Undo brings back.
func (h *History) Redone(cur State) {
	if len(h.redo) == 0 {
		return
	}
	h.redo = h.redo[:len(h.redo)-1]
	h.undo = append(h.undo, cur)
	h.field = nil
}

// CanUndo reports whether a step can be undone.
func (h *History) CanUndo() bool { return len(h.undo) > 0 }

// CanRedo reports whether a step can be redone.
func (h *History) CanRedo() bool { return len(h.redo) > 0 }

// Clear forgets every step (at sign-off and when another revision opens).
func (h *History) Clear() { *h = History{} }
