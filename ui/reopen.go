package ui

import "boussole/workshop"

// The session open when Boussole last quit, and its step: app preferences
// of this computer, not part of any charter, kept per data directory (a
// --data folder remembers its own).
const (
	prefLastSession = "session.last"      // the session's id; "" when home was shown last
	prefLastStep    = "session.last.step" // the id of the step shown
)

// LastSession is the session of the data directory dir open when the app
// last quit and the step it showed; id is "" when the home screen was
// shown last.
func (s Settings) LastSession(dir string) (id, step string) {
	return s.p.String(prefLastSession + "@" + dir), s.p.String(prefLastStep + "@" + dir)
}

// SetLastSession remembers the open session of dir and its step ("" and ""
// for the home screen).
func (s Settings) SetLastSession(dir, id, step string) {
	if k := prefLastSession + "@" + dir; s.p.String(k) != id {
		s.p.SetString(k, id)
	}
	if k := prefLastStep + "@" + dir; s.p.String(k) != step {
		s.p.SetString(k, step)
	}
}

// reopenLast opens the session that was open when the app last quit, at
// the step it showed. A session deleted since is forgotten quietly: the
// home screen stays.
func (a *App) reopenLast() {
	dir := a.d.Store.Dir()
	id, step := a.settings.LastSession(dir)
	if id == "" {
		return
	}
	var s *workshop.Session
	var err error
	a.background(func() { s, err = a.d.Store.Get(id) }, func() {
		if err != nil {
			a.settings.SetLastSession(dir, "", "")
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
