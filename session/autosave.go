package session

import (
	"sync"
	"time"

	"boussole/workshop"
)

// AutosaveDelay is how long the writer waits after the last change before
// writing: a burst of typing (or of phones voting) becomes one commit, and
// every change is on disk well within the second PRODUCT.md §7 promises.
const AutosaveDelay = 300 * time.Millisecond

// autosaver writes snapshots of the session with one writer goroutine:
// changes are debounced, writes are serialised and never reordered.
type autosaver struct {
	put      func(*workshop.Session) error
	snapshot func() (*workshop.Session, int)
	report   func(gen int, err error)

	mu       sync.Mutex
	timer    *time.Timer
	armed    bool
	writing  bool
	closed   bool
	pending  *workshop.Session
	pendGen  int
	savedGen int
	wake     chan struct{}

	saveMu sync.Mutex // held during each Put
}

func newAutosaver(put func(*workshop.Session) error, snapshot func() (*workshop.Session, int), report func(int, error)) *autosaver {
	a := &autosaver{put: put, snapshot: snapshot, report: report, wake: make(chan struct{}, 1)}
	go a.writer()
	return a
}

// schedule (re)arms the debounce timer.
func (a *autosaver) schedule() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	a.armed = true
	if a.timer == nil {
		a.timer = time.AfterFunc(AutosaveDelay, a.fire)
	} else {
		a.timer.Reset(AutosaveDelay)
	}
}

func (a *autosaver) fire() {
	s, gen := a.snapshot()
	a.mu.Lock()
	defer a.mu.Unlock()
	a.armed = false
	if a.closed {
		return
	}
	a.pending, a.pendGen = s, gen
	select {
	case a.wake <- struct{}{}:
	default:
	}
}

func (a *autosaver) writer() {
	for range a.wake {
		a.saveMu.Lock()
		a.mu.Lock()
		s, gen := a.pending, a.pendGen
		a.pending = nil
		stale := gen <= a.savedGen
		write := s != nil && !stale
		a.writing = write
		a.mu.Unlock()
		if write {
			err := a.put(s)
			a.mu.Lock()
			if err == nil && gen > a.savedGen {
				a.savedGen = gen
			}
			a.mu.Unlock()
			a.report(gen, err)
		}
		a.mu.Lock()
		a.writing = false
		a.mu.Unlock()
		a.saveMu.Unlock()
	}
}

// flush writes the latest state now, synchronously, if not yet written.
func (a *autosaver) flush() error {
	a.mu.Lock()
	if a.timer != nil {
		a.timer.Stop()
	}
	a.armed = false
	a.mu.Unlock()
	s, gen := a.snapshot()
	a.saveMu.Lock()
	defer a.saveMu.Unlock()
	a.mu.Lock()
	a.pending = nil
	done := gen <= a.savedGen
	a.mu.Unlock()
	if done {
		return nil
	}
	if err := a.put(s); err != nil {
		return err
	}
	a.mu.Lock()
	a.savedGen = gen
	a.mu.Unlock()
	return nil
}

// close flushes and stops the writer. After a failed flush the writer keeps
// running so that a later close can try again.
func (a *autosaver) close() error {
	if err := a.flush(); err != nil {
		return err
	}
	a.mu.Lock()
	if !a.closed {
		a.closed = true
		close(a.wake)
	}
	a.mu.Unlock()
	return nil
}

// wait blocks until no write is scheduled or running.
func (a *autosaver) wait() {
	for {
		a.mu.Lock()
		idle := !a.armed && a.pending == nil && !a.writing
		a.mu.Unlock()
		if idle {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}
