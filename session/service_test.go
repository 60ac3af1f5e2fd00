package session

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"boussole/workshop"
)

// memStore is the store's Put, keeping the last session written.
type memStore struct {
	mu   sync.Mutex
	last *workshop.Session
	n    int
}

func (m *memStore) put(s *workshop.Session) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last, m.n = s, m.n+1
	return nil
}

func newSession() *workshop.Session {
	s := &workshop.Session{ID: "s1"}
	s.Revisions = []workshop.Revision{{Number: 1}}
	s.Revisions[0].Charter.Participants = []workshop.Participant{{ID: "p1", Name: "Ana"}, {ID: "p2", Name: "Bo"}}
	s.Board.VotesPerParticipant = 3
	return s
}

// uiLoop is a window's goroutine: what is sent to it runs there, one at a
// time, like fyne.Do.
func uiLoop(t *testing.T) (do func(func()), stop func()) {
	ch := make(chan func(), 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for f := range ch {
			f()
		}
	}()
	return func(f func()) { ch <- f }, func() { close(ch); <-done }
}

// The room's phones and the window's keyboard change the board at the same
// time: every change arrives, nothing races (go test -race), and the store
// holds the result after Close.
func TestServiceRoomAndWindowTogether_Issue12_1(t *testing.T) {
	st := &memStore{}
	sv := New(newSession(), st.put, time.Now)
	do, stop := uiLoop(t)
	refreshed := 0
	sv.SetLoop(do, func() { refreshed++ }) // on the loop only
	notified := make(chan struct{}, 1000)
	cancel := sv.Subscribe(func() {
		select {
		case notified <- struct{}{}:
		default:
		}
	})
	defer cancel()

	const phones, each = 6, 20
	var wg sync.WaitGroup
	for p := range phones {
		wg.Go(func() {
			for i := range each {
				id := fmt.Sprintf("room-%d-%d", p, i)
				err := sv.Remote(context.Background(), func(b *workshop.Board) error {
					b.Cards = append(b.Cards, workshop.Card{ID: id, Kind: workshop.CardObjective, Text: id})
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			}
		})
	}
	// The window types on its own goroutine, through Apply.
	wg.Go(func() {
		for i := range each {
			ok := make(chan error)
			do(func() {
				ok <- sv.Apply(func(s *workshop.Session, now time.Time) error {
					return s.EditBoard(now, func(b *workshop.Board) {
						b.Cards = append(b.Cards, workshop.Card{ID: fmt.Sprintf("kbd-%d", i), Text: "typed"})
					})
				})
			})
			if err := <-ok; err != nil {
				t.Error(err)
			}
		}
	})
	// A reader off both goroutines (the room's event stream).
	wg.Go(func() {
		for range 50 {
			sv.Read(func(s *workshop.Session) { _ = len(s.Board.Cards) })
		}
	})
	wg.Wait()
	stop()
	if err := sv.Close(); err != nil {
		t.Fatal(err)
	}
	want := phones*each + each
	if n := len(st.last.Board.Cards); n != want {
		t.Fatalf("store holds %d cards, want %d", n, want)
	}
	if refreshed != phones*each {
		t.Errorf("window refreshed %d times, want %d (one per room change)", refreshed, phones*each)
	}
	if len(notified) == 0 {
		t.Error("subscribers were not told")
	}
}

// R-VOTE-1 through the service: a phone's dots obey the budget and the cap,
// and a refused vote changes nothing (no change counted, nothing logged).
func TestServiceRemoteVotesBudget_R_VOTE_1(t *testing.T) {
	st := &memStore{}
	s := newSession()
	s.Board.Cards = []workshop.Card{{ID: "a", Text: "A"}, {ID: "b", Text: "B"}}
	s.Board.CapPerCard = 2
	sv := New(s, st.put, time.Now)
	defer sv.Close()
	v := workshop.DeviceVoter(1)
	give := func(card string) error {
		return sv.Remote(context.Background(), func(b *workshop.Board) error { return b.Give(card, v) })
	}
	for _, c := range []string{"a", "a"} {
		if err := give(c); err != nil {
			t.Fatal(err)
		}
	}
	if r, ok := workshop.RefusalOf(give("a")); !ok || r.Reason != workshop.RefusedCap {
		t.Fatalf("third dot on a: refusal %v, want cap", r)
	}
	if err := give("b"); err != nil {
		t.Fatal(err)
	}
	gen := sv.Gen()
	if r, ok := workshop.RefusalOf(give("b")); !ok || r.Reason != workshop.RefusedBudget {
		t.Fatalf("fourth dot: refusal %v, want budget", r)
	}
	if sv.Gen() != gen {
		t.Error("a refused vote counted as a change")
	}
	sv.Read(func(s *workshop.Session) {
		if s.Board.Used(v) != 3 || s.Board.Card("a").Count() != 2 {
			t.Errorf("used %d, card a %d", s.Board.Used(v), s.Board.Card("a").Count())
		}
	})
}

// A signed charter's board is read-only for the room.
func TestServiceRemoteRefusedWhenSigned_Issue12_3(t *testing.T) {
	s := newSession()
	s.Revisions[0].Status = workshop.StatusSigned
	sv := New(s, (&memStore{}).put, time.Now)
	defer sv.Close()
	err := sv.Remote(context.Background(), func(b *workshop.Board) error {
		b.Cards = append(b.Cards, workshop.Card{ID: "x", Text: "x"})
		return nil
	})
	if workshop.KindOf(err) != workshop.KindForbidden {
		t.Fatalf("err %v, want forbidden", err)
	}
	if len(s.Board.Cards) != 0 {
		t.Fatal("the board changed")
	}
}

// The facilitator's undo never takes back what a phone sent: an undo
// restores the board as it was before the keyboard's change, with the
// room's later cards and votes replayed onto it.
func TestServiceUndoKeepsRoomChanges_Issue12_3(t *testing.T) {
	s := newSession()
	sv := New(s, (&memStore{}).put, time.Now)
	defer sv.Close()
	var h History
	now := time.Now()
	// The keyboard adds a card (one undo step).
	h.Before(sv.Capture, nil, false, now)
	err := sv.Apply(func(s *workshop.Session, now time.Time) error {
		return s.EditBoard(now, func(b *workshop.Board) { b.Cards = append(b.Cards, workshop.Card{ID: "k", Text: "typed"}) })
	})
	h.After(err == nil, sv.Capture)
	// A phone adds a card and votes on the typed one.
	add := func(b *workshop.Board) error {
		b.Cards = append(b.Cards, workshop.Card{ID: "p", Text: "from a phone"})
		return nil
	}
	if err := sv.Remote(context.Background(), add); err != nil {
		t.Fatal(err)
	}
	if err := sv.Remote(context.Background(), func(b *workshop.Board) error { return b.Give("p", workshop.DeviceVoter(1)) }); err != nil {
		t.Fatal(err)
	}
	if err := sv.Remote(context.Background(), func(b *workshop.Board) error { return b.Give("k", workshop.DeviceVoter(1)) }); err != nil {
		t.Fatal(err)
	}
	st, ok := h.NextUndo()
	if !ok {
		t.Fatal("nothing to undo")
	}
	_, board := sv.Rebase(st)
	if len(board.Cards) != 1 || board.Cards[0].ID != "p" || board.Cards[0].Count() != 1 {
		t.Fatalf("undone board %+v: want only the phone's card with its vote", board.Cards)
	}
}

// TestServiceHiddenCardStaysHidden_Issue12_3: hiding a phone's card is how
// the facilitator withdraws it; the flag is stored with the board (so it
// survives closing the session) and outlives the facilitator's Ctrl+Z of
// an earlier typed change.
func TestServiceHiddenCardStaysHidden_Issue12_3(t *testing.T) {
	s := newSession()
	store := &memStore{}
	sv := New(s, store.put, time.Now)
	defer sv.Close()
	var h History
	now := time.Now()
	if err := sv.Remote(context.Background(), func(b *workshop.Board) error {
		b.Cards = append(b.Cards, workshop.Card{ID: "p", Text: "<img src=x onerror=alert(1)>"})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	h.Before(sv.Capture, nil, false, now)
	err := sv.Apply(func(s *workshop.Session, now time.Time) error {
		return s.EditBoard(now, func(b *workshop.Board) { b.Cards = append(b.Cards, workshop.Card{ID: "k", Text: "typed"}) })
	})
	h.After(err == nil, sv.Capture)
	if err := sv.Hide("p", true); err != nil {
		t.Fatal(err)
	}
	if !sv.Hidden("p") || !sv.HiddenCards()["p"] || sv.Hidden("k") {
		t.Fatalf("hidden: %v", sv.HiddenCards())
	}
	if err := sv.Hide("nope", true); err == nil {
		t.Error("hiding a card that does not exist succeeded")
	}
	st, ok := h.NextUndo()
	if !ok {
		t.Fatal("nothing to undo")
	}
	_, board := sv.Rebase(st)
	if len(board.Cards) != 1 || board.Cards[0].ID != "p" || !board.Cards[0].Hidden {
		t.Fatalf("after undo: %+v; want the phone's card, still hidden", board.Cards)
	}
	if err := sv.Flush(); err != nil {
		t.Fatal(err)
	}
	store.mu.Lock()
	saved := store.last
	store.mu.Unlock()
	found := false
	for _, c := range saved.Board.Cards {
		found = found || (c.ID == "p" && c.Hidden)
	}
	if !found {
		t.Fatal("the saved session does not hold the hidden flag")
	}
}
