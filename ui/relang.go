package ui

import "fyne.io/fyne/v2"

// applyLanguage switches the interface to the language preference pref at
// once: it is stored, our catalogs follow, and the open screens (menu, home
// or the editor at its step, the presentation view) are built again in it.
// Nothing typed is lost: every field's text is already in the charter.
func (a *App) applyLanguage(pref string) {
	a.settings.SetLanguage(pref)
	SetLanguage(pref)
	a.win.SetMainMenu(a.mainMenu())
	a.updateUndoMenu()
	defer a.relangPresentation()
	if a.editor == nil {
		search := ""
		if a.home != nil && a.home.search != nil {
			search = a.home.search.Text
		}
		a.home = newHome(a)
		a.ShowHome()
		if search != "" {
			a.home.search.SetText(search)
		}
		return
	}
	ed := a.editor
	a.win.SetContent(ed.rebuild())
	a.win.SetTitle(ed.sess.Current().Charter.Title + " — " + tr("app.title"))
	a.home = newHome(a) // built again when shown
}

// relangPresentation builds the open projector window again in the
// interface language.
func (a *App) relangPresentation() {
	if a.pres == nil || a.pres.closed {
		return
	}
	a.pres.win.SetTitle(tr("present.window"))
	a.pres.build()
	a.pres.follow(a.editor)
}

// rebuild builds the editor's content again (after a language change),
// showing the same step; the countdowns keep running, and the undo history
// and the autosave are kept.
func (e *editor) rebuild() fyne.CanvasObject {
	if e.refreshDue {
		e.flushRefresh()
	}
	cur := e.current
	hidden := e.side != nil && !e.side.Visible() && !e.bar.box.Visible() // the findings panel put away
	old := e.timebox
	if old != nil {
		old.Stop()
	}
	e.steps = allSteps()
	e.built = make([]fyne.CanvasObject, len(e.steps))
	e.stale = make([]bool, len(e.steps))
	e.navButtons, e.navIcons, e.navCounts, e.navState = nil, nil, nil, nil
	e.shown = nil
	e.onStep = nil
	e.typingObj, e.typingText = nil, ""
	content := e.build()
	if old != nil {
		// The same countdowns, on the same clock.
		e.timebox.states, e.timebox.now, e.timebox.ticks = old.states, old.now, old.ticks
		e.timebox.step = ""
	}
	e.show(cur)
	if hidden {
		e.toggleFindings()
	}
	return content
}
