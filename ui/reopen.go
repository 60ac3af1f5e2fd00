package ui

import "boussole/workshop"

// The session open when Boussole last quit, and its step: app preferences
// of this computer, not part of any charter.
const (
	prefLastSession = "session.last"      // the session's id; "" when home was shown last
	prefLastStep    = "session.last.step" // the id of the step shown
)

// LastSession is the session open when the app last quit and the step it
// showed; id is "" when the home screen was shown last.
func (s Settings) LastSession() (id, step string) {
	return s.p.String(prefLastSession), s.p.String(prefLastStep)
}

// SetLastSession remembers the open session and its step ("" and "" for
// the home screen).
func (s Settings) SetLastSession(id, step string) {
	if s.p.String(prefLastSession) != id {
		s.p.SetString(prefLastSession, id)
	}
	if s.p.String(prefLastStep) != step {
		s.p.SetString(prefLastStep, step)
	}
}

// reopenLast opens the session that was open when the app last quit, at
// the step it showed. A session deleted since is forgotten quietly: the
// home screen stays.
func (a *App) reopenLast() {
	id, step := a.settings.LastSession()
	if id == "" {
		return
	}
	var s *workshop.Session
	var err error
	a.background(func() { s, err = a.d.Store.Get(id) }, func() {
		if err != nil {
			a.settings.SetLastSession("", "")
			if workshop.KindOf(err) != workshop.KindNotFound {
				showError(a.win, "error.open", err)
			}
			return
		}
		if a.editor != nil { // the person opened another one meanwhile
			return
		}
		a.showEditor(s)
		if a.editor == nil {
			return
		}
		for i, st := range a.editor.steps {
			if st.ID() == step {
				a.editor.show(i)
			}
		}
	})
}
