package session

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"boussole/workshop"
)

// Service is the one owner of an open session's changes: the window's
// keyboard (Apply) and the participants' room (Remote) both change the
// charter and the board through it, under one lock, with one autosave
// writer, one change count and one set of findings. Subscribers (the room's
// event stream, the window) are told after each change.
//
// The window reads its session on its own goroutine without the lock; for
// that, it gives the service its loop (SetLoop): the room's changes then run
// there, so that the session has one writing goroutine while a window shows
// it. Without a loop (`boussole room`), the room's changes run on the
// caller's goroutine under the lock.
//
// What a phone sent is never undone by the facilitator's Ctrl+Z: each of
// the room's changes is logged with a sequence number, the states the undo
// history keeps carry the number they were captured at (Capture), and a
// state brought back by an undo gets the room's later changes replayed
// onto it (Rebase). Hiding a card is how the facilitator takes a phone's
// card off the projector.
type Service struct {
	mu       sync.Mutex
	sess     *workshop.Session
	gen      int // count of changes
	now      func() time.Time
	saver    *autosaver
	onSave   func(gen int, err error)
	onRemote func()       // the window's refresh after a room change, on its loop
	loop     func(func()) // where room changes run; nil: the caller's goroutine

	seq    int        // count of the room's changes
	remote []remoteOp // the room's changes, for Rebase

	timer Timer

	subMu sync.Mutex
	subs  map[int]func()
	subN  int
}

type remoteOp struct {
	seq int
	op  func(b *workshop.Board) error
}

// Timer is the timebox the phones show: the step it counts for, when it
// ends, and what is left while paused.
type Timer struct {
	Step    string        `json:"step"`
	Running bool          `json:"running"`
	End     time.Time     `json:"end"`
	Left    time.Duration `json:"left"`
}

// New returns the owner of s's changes, saving with put (the store's) at
// most AutosaveDelay after a change. now is the clock of every change.
func New(s *workshop.Session, put func(*workshop.Session) error, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	sv := &Service{sess: s, now: now, subs: map[int]func(){}}
	sv.saver = newAutosaver(put, sv.Snapshot, sv.reportSave)
	return sv
}

// SetLoop sets where the room's changes run (the window's UI goroutine,
// e.g. through fyne.Do) and what runs there after each of them (the
// window's refresh). Call it before the room opens.
func (sv *Service) SetLoop(loop func(func()), onRemote func()) {
	sv.mu.Lock()
	sv.loop, sv.onRemote = loop, onRemote
	sv.mu.Unlock()
}

// OnSave sets what is told after each write (from the writer goroutine).
func (sv *Service) OnSave(fn func(gen int, err error)) {
	sv.mu.Lock()
	sv.onSave = fn
	sv.mu.Unlock()
}

func (sv *Service) reportSave(gen int, err error) {
	sv.mu.Lock()
	fn := sv.onSave
	sv.mu.Unlock()
	if fn != nil {
		fn(gen, err)
	}
}

// Session is the session the service owns. Only the goroutine that
// changes it (the window's, or any under Read) may read it.
func (sv *Service) Session() *workshop.Session { return sv.sess }

// Gen is the count of changes made so far.
func (sv *Service) Gen() int {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.gen
}

// Read runs fn with the session under the lock: how any goroutine but the
// window's reads it. fn must not keep s nor change it.
func (sv *Service) Read(fn func(s *workshop.Session)) {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	fn(sv.sess)
}

// Apply makes a change of the facilitator's (the keyboard's): applied
// under the lock, counted, saved, and told to the subscribers. On error
// nothing is saved.
func (sv *Service) Apply(fn func(s *workshop.Session, now time.Time) error) error {
	sv.mu.Lock()
	err := fn(sv.sess, sv.now())
	if err == nil {
		sv.gen++
	}
	sv.mu.Unlock()
	if err == nil {
		sv.saver.schedule()
		sv.notify()
	}
	return err
}

// Remote makes a change sent from the room to the board: refused while
// the current revision is signed (a signed charter's board is read-only
// for the room), else applied through the board's own methods on the
// window's loop, saved, logged for Rebase and told to the subscribers. An
// op that returns an error changes nothing. ctx ends the wait for the
// window's loop (the room closing).
func (sv *Service) Remote(ctx context.Context, op func(b *workshop.Board) error) error {
	sv.mu.Lock()
	loop := sv.loop
	sv.mu.Unlock()
	if loop == nil {
		return sv.remote1(op)
	}
	done := make(chan error, 1)
	loop(func() { done <- sv.remote1(op) })
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return workshop.Errorf(workshop.KindConflict, "the room closed before the change was made")
	}
}

func (sv *Service) remote1(op func(b *workshop.Board) error) error {
	sv.mu.Lock()
	if sv.sess.Current().Frozen() {
		sv.mu.Unlock()
		return workshop.Errorf(workshop.KindForbidden, "the charter is signed: its board is read-only")
	}
	var opErr error
	err := sv.sess.EditBoard(sv.now(), func(b *workshop.Board) { opErr = op(b) })
	if err == nil && opErr != nil {
		// EditBoard works on a copy: an op that failed halfway is undone
		// by putting the board back.
		err = opErr
	}
	if err == nil {
		sv.gen++
		sv.seq++
		sv.remote = append(sv.remote, remoteOp{seq: sv.seq, op: op})
	}
	after := sv.onRemote
	sv.mu.Unlock()
	if err != nil {
		return err
	}
	sv.saver.schedule()
	if after != nil {
		after()
	}
	sv.notify()
	return nil
}

// Capture is the state the undo history keeps, with the number of the
// room's changes it already holds.
func (sv *Service) Capture() State {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	b, err := json.Marshal(stateDoc{Charter: sv.sess.Current().Charter, Board: sv.sess.Board, Seq: sv.seq})
	if err != nil {
		panic("session: charter not encodable: " + err.Error()) // plain data only
	}
	return b
}

// Rebase decodes st, with the room's changes made since it was captured
// replayed onto its board: what an undo or a redo restores.
func (sv *Service) Rebase(st State) (workshop.Charter, workshop.Board) {
	charter, board := st.Decode()
	var d stateDoc
	_ = json.Unmarshal(st, &d) // Decode has checked it
	sv.mu.Lock()
	defer sv.mu.Unlock()
	for _, r := range sv.remote {
		if r.seq <= d.Seq {
			continue
		}
		b := board.Clone()
		if r.op(&b) == nil { // a vote on a card the undo removed is dropped
			board = b
		}
	}
	return charter, board
}

// Hide hides (or shows again) a card from the room and the projector.
// The flag is stored with the board, so a hidden card stays hidden after
// the session is reopened; like the room's changes, it is replayed onto a
// state the facilitator's Ctrl+Z brings back (undoing a typed change never
// shows a withdrawn card again). Refused while the charter is signed.
// Call it from the window's goroutine (it does not go through the loop).
func (sv *Service) Hide(cardID string, hidden bool) error {
	return sv.remote1(func(b *workshop.Board) error {
		for i := range b.Cards {
			if b.Cards[i].ID == cardID {
				b.Cards[i].Hidden = hidden
				return nil
			}
		}
		return workshop.Errorf(workshop.KindNotFound, "no card %q on the board", cardID)
	})
}

// Hidden reports whether the card is hidden from the room.
func (sv *Service) Hidden(cardID string) bool {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.HiddenLocked(cardID)
}

// HiddenCards is the set of hidden cards' ids.
func (sv *Service) HiddenCards() map[string]bool {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	out := map[string]bool{}
	for _, c := range sv.sess.Board.Cards {
		if c.Hidden {
			out[c.ID] = true
		}
	}
	return out
}

// HiddenLocked is Hidden for a caller inside Read.
func (sv *Service) HiddenLocked(cardID string) bool {
	for _, c := range sv.sess.Board.Cards {
		if c.ID == cardID {
			return c.Hidden
		}
	}
	return false
}

// SetTimer sets the timebox the phones show (the window's timebox or the
// command line tell it).
func (sv *Service) SetTimer(t Timer) {
	sv.mu.Lock()
	sv.timer = t
	sv.mu.Unlock()
	sv.notify()
}

// TimerLocked is the timebox, for a caller inside Read.
func (sv *Service) TimerLocked() Timer { return sv.timer }

// Subscribe calls fn after each change (from the changing goroutine; fn
// must not block); the returned func unsubscribes.
func (sv *Service) Subscribe(fn func()) (cancel func()) {
	sv.subMu.Lock()
	id := sv.subN
	sv.subN++
	sv.subs[id] = fn
	sv.subMu.Unlock()
	return func() {
		sv.subMu.Lock()
		delete(sv.subs, id)
		sv.subMu.Unlock()
	}
}

func (sv *Service) notify() {
	sv.subMu.Lock()
	fns := make([]func(), 0, len(sv.subs))
	for _, fn := range sv.subs {
		fns = append(fns, fn)
	}
	sv.subMu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// Snapshot is a deep copy of the session with its change count (what the
// writer saves).
func (sv *Service) Snapshot() (*workshop.Session, int) {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return Clone(sv.sess), sv.gen
}

// Flush writes what is not yet written, now.
func (sv *Service) Flush() error { return sv.saver.flush() }

// Wait blocks until no write is scheduled or running.
func (sv *Service) Wait() { sv.saver.wait() }

// Close writes what is not yet written and stops the writer.
func (sv *Service) Close() error { return sv.saver.close() }

// Clone deep-copies s through its JSON encoding.
func Clone(s *workshop.Session) *workshop.Session {
	b, err := json.Marshal(s)
	if err != nil {
		panic("session: session not encodable: " + err.Error()) // only plain data
	}
	var c workshop.Session
	if err := json.Unmarshal(b, &c); err != nil {
		panic("session: session not decodable: " + err.Error())
	}
	return &c
}
