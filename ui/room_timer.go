package ui

import (
	"time"

	"boussole/session"
)

// publishRoom tells the session's owner the countdown the phones show
// (the current step's), when it changed more than a tick's drift: a
// start, a pause, a reset, another length or step. The phones count down
// by themselves between two changes.
func (t *timebox) publishRoom(running bool, left time.Duration) {
	e, ok := t.ed.(*editor)
	if !ok || e.svc == nil {
		return
	}
	now := t.now()
	next := session.Timer{Step: t.step, Running: running, Left: left}
	if running {
		next.End = now.Add(left)
	}
	p := t.published
	same := p.Step == next.Step && p.Running == next.Running
	if same && running && absDur(p.End.Sub(next.End)) < time.Second {
		return
	}
	if same && !running && absDur(p.Left-next.Left) < time.Second {
		return
	}
	t.published = next
	e.svc.SetTimer(next)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
