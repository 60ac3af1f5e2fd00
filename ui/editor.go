package ui

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/session"
	"boussole/workshop"
)

// typingRefreshDelay is how long the widgets that follow a typed change
// (findings panel, navigator counts, the step's notes and badges, the
// presentation view) may lag behind the model: a keystroke is stored and
// validated at once, but the widgets are refreshed at most once per delay
// with a trailing timer, so that a burst of typing costs one refresh instead
// of one per key (rebuilding them took about 90 ms of CPU per key in the
// real window). Zero refreshes at once (the package's tests set it, since
// the test driver runs fyne.Do on the timer's goroutine).
var typingRefreshDelay = 150 * time.Millisecond

// editor is the session editor: the step navigator, the current step, the
// findings panel and the autosave. It implements Editor for the steps.
type editor struct {
	app   *App
	win   fyne.Window
	now   func() time.Time
	steps []Step

	// svc owns the session's changes (the keyboard's and the room's, which
	// run on the UI goroutine through its loop); sess is its session, read
	// here on the UI goroutine, the only one that changes it.
	svc  *session.Service
	sess *workshop.Session

	findings []workshop.Finding
	current  int
	built    []fyne.CanvasObject // the step contents, built on first show
	stale    []bool              // steps to refresh when next shown
	saver    saverOf
	saveErr  error // the last save error, until a save succeeds

	// The coalesced refresh after typed changes (UI goroutine only).
	refreshDelay time.Duration
	refreshTimer *time.Timer
	refreshDue   bool               // a typed change is not yet shown
	shown        []workshop.Finding // the findings the panel shows
	shownLang    workshop.Lang      // the language they are shown in
	navState     []string           // what each navigator line shows

	// widgets tests drive
	navButtons  []*widget.Button
	navCounts   []*widget.Label
	navIcons    []*widget.Icon
	title       *widget.Label
	badge       *widget.Label
	saved       *widget.Label
	prev, next  *widget.Button
	home        *widget.Button
	present     *widget.Button
	tracking    *widget.Button // opens the Tracking view, under the agenda (the header must fit 1024 px)
	toggle      *widget.Button
	center      *fyne.Container
	side        *fyne.Container
	split       *fyne.Container // navigator | step | findings
	splitLayout *editorSplit
	bar         *findingsBar // the findings panel folded on a narrow window
	panel       *findingsPanel
	timebox     *timebox
	onStep      []func(step string)
	onPresent   func() // the presentation view's update, when open

	room *roomCtl // the participants' room (room.go), nil until used

	// The undo history (undo.go).
	history    session.History
	restoring  bool          // an undo or redo is being applied: not recorded
	typingObj  *widget.Entry // Fyne's entry last typed in, and its text then
	typingText string

	// The question before an edit that withdraws signatures (askWithdraw).
	asking         bool
	withdrawDialog *dialog.ConfirmDialog // the last one shown (tests answer it)
}

// Editor-side extensions the steps may use besides the Editor interface.
var _ Editor = (*editor)(nil)

func newEditor(a *App, s *workshop.Session, steps []Step) *editor {
	e := &editor{app: a, win: a.win, now: a.d.Now, steps: steps, sess: s}
	e.svc = session.New(s, a.d.Store.Put, a.d.Now)
	e.svc.OnSave(e.reportSave)
	e.svc.SetLoop(fyne.Do, e.remoteChanged)
	e.saver = saverOf{e.svc}
	e.built = make([]fyne.CanvasObject, len(steps))
	e.stale = make([]bool, len(steps))
	e.findings = s.Findings() // the charter's and the board's (R-VOTE-1)
	e.refreshDelay = typingRefreshDelay
	return e
}

// Session implements Editor.
func (e *editor) Session() *workshop.Session { return e.sess }

// Charter implements Editor.
func (e *editor) Charter() *workshop.Charter { return &e.sess.Current().Charter }

// Lang implements Editor: the charter's language.
func (e *editor) Lang() workshop.Lang { return langOf(e.Charter().Lang) }

// ReadOnly implements Editor.
func (e *editor) ReadOnly() bool { return e.sess.Current().Frozen() }

// Window implements Editor.
func (e *editor) Window() fyne.Window { return e.win }

// Findings implements Editor.
func (e *editor) Findings() []workshop.Finding { return e.findings }

// FindingsFor implements Editor.
func (e *editor) FindingsFor(step, id string) []workshop.Finding {
	var out []workshop.Finding
	for _, f := range e.findings {
		if f.Where.Step == step && (id == "" || f.Where.ID == id) {
			out = append(out, f)
		}
	}
	return out
}

// Edit implements Editor: refused with a message when the revision is
// signed; else applied, validated, shown and saved.
func (e *editor) Edit(fn func(c *workshop.Charter)) bool {
	if e.ReadOnly() {
		showInfo(e.win, "editor.frozen.title", tr("editor.frozen.body"))
		return false
	}
	apply := func() bool {
		return e.recorded(func() bool {
			return e.apply(func(s *workshop.Session, now time.Time) error { return s.Edit(now, fn) })
		})
	}
	if e.askWithdraw(fn, apply) {
		return false
	}
	return apply()
}

// askWithdraw asks before an edit that would withdraw signatures already
// given (the charter is in signature), naming them; it reports whether it
// asked, in which case nothing is changed now: confirmed, apply runs (Edit
// writes the withdrawal in the decision log); cancelled, the fields show
// the charter as it still is.
func (e *editor) askWithdraw(fn func(c *workshop.Charter), apply func() bool) bool {
	if e.asking {
		return true // one question at a time; the field is re-read after it
	}
	withdrawn := e.sess.Withdrawn(fn)
	if len(withdrawn) == 0 || e.win == nil {
		return false
	}
	names := make([]string, len(withdrawn))
	for i, sg := range withdrawn {
		names[i] = sg.Name
	}
	e.asking = true
	d := dialog.NewConfirm(tr("undo.signatures.title"), tr("editor.withdraw.body", "Names", strings.Join(names, ", "), "N", len(names)),
		func(yes bool) {
			e.asking = false
			// Let go of the field typed in, so that the refresh shows the
			// charter as it is (a focused field is never overwritten).
			e.win.Canvas().Unfocus()
			if yes && !e.ReadOnly() {
				apply()
			}
			e.refreshAll()
		}, e.win)
	d.SetConfirmText(tr("undo.signatures.confirm"))
	d.SetDismissText(tr("field.cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	e.withdrawDialog = d
	d.Show()
	return true
}

// editTyped is Edit for a change typed in a field: stored and validated at
// once (Findings is up to date on return), but the widgets follow at most
// once per refreshDelay, the current step's included, so that typing does
// not wait for them.
func (e *editor) editTyped(fn func(c *workshop.Charter)) bool {
	if e.ReadOnly() {
		return e.Edit(fn)
	}
	if e.asking || len(e.sess.Current().Signatures) > 0 && len(e.sess.Withdrawn(fn)) > 0 {
		return e.Edit(fn) // asks first
	}
	return e.recorded(func() bool { return e.applyTyped(fn) })
}

func (e *editor) applyTyped(fn func(c *workshop.Charter)) bool {
	err := e.svc.Apply(func(s *workshop.Session, now time.Time) error { return s.Edit(now, fn) })
	if err != nil {
		showError(e.win, "error.edit", err)
		return false
	}
	e.findings = e.sess.Findings()
	for i := range e.stale {
		e.stale[i] = true // the current step too: refreshed by the flush
	}
	e.setSaved("editor.saving")
	if e.refreshDelay <= 0 {
		e.flushRefresh()
		return true
	}
	if !e.refreshDue {
		e.refreshDue = true
		if e.refreshTimer == nil {
			e.refreshTimer = time.AfterFunc(e.refreshDelay, func() { fyne.Do(e.flushRefresh) })
		} else {
			e.refreshTimer.Reset(e.refreshDelay)
		}
	}
	return true
}

// flushRefresh shows the typed changes not yet shown: the current step,
// the chrome and the presentation view. On the UI goroutine.
func (e *editor) flushRefresh() {
	if e.refreshTimer != nil {
		e.refreshTimer.Stop()
	}
	e.refreshDue = false
	if e.current < len(e.built) && e.built[e.current] != nil && e.stale[e.current] {
		e.stale[e.current] = false
		e.steps[e.current].Refresh()
	}
	e.refreshChrome()
	if e.onPresent != nil {
		e.onPresent()
	}
}

// EditBoard implements Editor: the board is workshop material, editable
// whatever the revision status.
func (e *editor) EditBoard(fn func(b *workshop.Board)) bool {
	return e.recorded(func() bool {
		return e.apply(func(s *workshop.Session, now time.Time) error { return s.EditBoard(now, fn) })
	})
}

// AppendDecision adds an entry to the decision log: to the charter of a
// draft, to the late decisions of a signed revision (append-only).
func (e *editor) AppendDecision(d workshop.Decision) bool {
	apply := func() bool {
		return e.recorded(func() bool {
			return e.apply(func(s *workshop.Session, now time.Time) error { return s.AppendDecision(d, now) })
		})
	}
	if !e.ReadOnly() && e.askWithdraw(func(c *workshop.Charter) { c.Decisions = append(c.Decisions, d) }, apply) {
		return false
	}
	return apply()
}

// Act applies a session-level action (sign, decline, amend …). On error
// the user is told and nothing is saved.
func (e *editor) Act(fn func(s *workshop.Session, now time.Time) error) bool {
	rev := e.sess.Current().Number
	ok := e.apply(fn)
	if ok {
		e.afterAct(rev)
	}
	return ok
}

func (e *editor) apply(fn func(s *workshop.Session, now time.Time) error) bool {
	rev := e.sess.Current().Number
	err := e.svc.Apply(fn)
	if err != nil {
		showError(e.win, "error.edit", err)
		return false
	}
	e.changed(rev != e.sess.Current().Number)
	return true
}

// changed updates what depends on the session after a change and
// schedules the autosave.
func (e *editor) changed(revisionChanged bool) {
	e.findings = e.sess.Findings()
	for i := range e.stale {
		if i != e.current || revisionChanged {
			e.stale[i] = true
		}
	}
	if revisionChanged && e.built[e.current] != nil {
		e.stale[e.current] = false
		e.steps[e.current].Refresh()
	}
	e.flushRefresh() // the chrome, and typed changes still pending
	e.setSaved("editor.saving")
}

// remoteChanged shows a change the room made (on the UI goroutine): the
// room changes the board only, which the ideas step shows (its refresh
// leaves a field being typed in alone); another step is refreshed when
// next shown.
func (e *editor) remoteChanged() {
	e.changed(false)
	if e.current < len(e.built) && e.built[e.current] != nil {
		if e.currentStep() == workshop.StepIdeas {
			e.steps[e.current].Refresh()
		} else {
			e.stale[e.current] = true
		}
	}
}

// saverOf gives the editor's callers the service's writer.
type saverOf struct{ svc *session.Service }

func (s saverOf) flush() error { return s.svc.Flush() }
func (s saverOf) close() error { return s.svc.Close() }
func (s saverOf) wait()        { s.svc.Wait() }

// reportSave runs on the writer goroutine after each write.
func (e *editor) reportSave(gen int, err error) {
	fyne.Do(func() {
		if err != nil {
			first := e.saveErr == nil
			e.saveErr = err
			e.setSaved("editor.notsaved")
			if first {
				showError(e.win, "error.save", err)
			}
			return
		}
		e.saveErr = nil
		if gen == e.svc.Gen() {
			e.setSaved("editor.saved")
		}
	})
}

// close writes what is not yet written, synchronously, and stops the writer.
func (e *editor) close() error {
	if e.refreshTimer != nil {
		e.refreshTimer.Stop()
	}
	e.room.close() // the room stops listening when the session is left
	if err := e.saver.close(); err != nil {
		return err
	}
	if e.timebox != nil {
		e.timebox.Stop()
	}
	return nil
}

// cloneSession deep-copies s through its JSON encoding.
func cloneSession(s *workshop.Session) *workshop.Session { return session.Clone(s) }

// Goto implements Editor.
func (e *editor) Goto(where workshop.Where) {
	for i, st := range e.steps {
		if st.ID() == where.Step {
			e.show(i)
			e.steps[i].Focus(where)
			return
		}
	}
}

// build makes the editor's content.
func (e *editor) build() fyne.CanvasObject {
	e.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.title.Truncation = fyne.TextTruncateEllipsis
	e.badge = widget.NewLabel("")
	e.saved = widget.NewLabel(tr("editor.saved"))
	e.home = widget.NewButtonWithIcon(tr("editor.home"), theme.NavigateBackIcon(), func() { e.app.ShowHome() })
	e.present = widget.NewButtonWithIcon(tr("editor.present"), theme.ComputerIcon(), func() { e.app.showPresentation() })
	e.tracking = widget.NewButtonWithIcon(tr("track.button"), theme.InfoIcon(), func() { e.app.showTracking(e.sess.ID) })
	e.tracking.Alignment = widget.ButtonAlignLeading
	e.toggle = widget.NewButton("", e.toggleFindings)
	e.prev = widget.NewButtonWithIcon(tr("editor.prev"), theme.NavigateBackIcon(), func() { e.show(e.current - 1) })
	e.next = widget.NewButtonWithIcon(tr("editor.next"), theme.NavigateNextIcon(), func() { e.show(e.current + 1) })
	e.next.IconPlacement = widget.ButtonIconTrailingText

	e.timebox = newTimebox(e)
	top := container.NewBorder(nil, nil,
		container.NewHBox(e.home, widget.NewSeparator()),
		container.NewHBox(e.timebox, widget.NewSeparator(), savedSlot(e.saved), e.toggle, e.present),
		container.NewBorder(nil, nil, nil, e.badge, e.title))

	nav := container.NewVBox()
	for i, st := range e.steps {
		b := widget.NewButton(fmt.Sprintf("%d. %s", i+1, st.Title()), func() { e.show(i) })
		b.Alignment = widget.ButtonAlignLeading
		ic := widget.NewIcon(nil)
		n := widget.NewLabel("")
		e.navButtons = append(e.navButtons, b)
		e.navIcons = append(e.navIcons, ic)
		e.navCounts = append(e.navCounts, n)
		nav.Add(container.NewBorder(nil, nil, nil, container.NewHBox(ic, n), b))
	}
	nav.Add(widget.NewSeparator())
	nav.Add(e.timebox.AgendaButton)
	nav.Add(e.tracking)
	navBox := container.NewBorder(nil, nil, nil, widget.NewSeparator(),
		container.NewVScroll(container.NewPadded(nav)))

	e.panel = newFindingsPanel(e)
	e.side = container.NewBorder(nil, nil, widget.NewSeparator(), nil, e.panel.build())
	e.center = container.NewStack()
	bottom := container.NewBorder(widget.NewSeparator(), nil, e.prev, e.next, layout.NewSpacer())
	body := container.NewBorder(nil, bottom, nil, nil, e.center)
	e.bar = newFindingsBar(e.unfoldFindings)
	e.bar.box.Hide()
	e.splitLayout = &editorSplit{nav: navBox, body: body, side: e.side, bar: e.bar.box}
	split := container.New(e.splitLayout, navBox, body, e.side, e.bar.box)
	e.split = split
	e.refreshChrome()
	return container.NewBorder(container.NewVBox(container.NewPadded(top), widget.NewSeparator()), nil, nil, nil, split)
}

// show makes step i the current one, building it on first show.
func (e *editor) show(i int) {
	if i < 0 || i >= len(e.steps) {
		return
	}
	e.current = i
	if e.app != nil {
		e.app.settings.SetLastSession(e.app.d.Store.Dir(), e.sess.ID, e.steps[i].ID()) // reopened there (reopen.go)
	}
	if e.built[i] == nil {
		// Scrolling both ways: a step wider than the space left beside the
		// navigator and the findings panel scrolls sideways instead of
		// widening the window past a 1024-pixel projector (issue 9, item 5).
		scroll := container.NewScroll(container.NewPadded(e.steps[i].Build(e)))
		e.built[i] = scroll
		e.stale[i] = false
	} else if e.stale[i] {
		e.stale[i] = false
		e.steps[i].Refresh()
	}
	e.center.Objects = []fyne.CanvasObject{e.built[i]}
	e.center.Refresh()
	e.refreshChrome()
	if e.timebox != nil {
		e.timebox.SetStep(e.steps[i].ID())
	}
	for _, f := range e.onStep {
		f(e.steps[i].ID())
	}
	if e.onPresent != nil {
		e.onPresent()
	}
}

// currentStep is the id of the step shown.
func (e *editor) currentStep() string { return e.steps[e.current].ID() }

// refreshAll re-reads the session into every built step (after a revision
// change made outside an edit).
func (e *editor) refreshAll() {
	for i := range e.steps {
		if e.built[i] != nil {
			e.steps[i].Refresh()
			e.stale[i] = false
		}
	}
	e.refreshChrome()
}

// refreshChrome updates the title, badge, navigator and findings panel.
func (e *editor) refreshChrome() {
	if e.title == nil {
		return
	}
	cur := e.sess.Current()
	setLabel(e.title, cur.Charter.Title)
	setLabel(e.badge, tr("editor.badge", "N", cur.Number, "Status", statusLabel(e.sess.Summary().Status)))
	if len(e.navState) != len(e.steps) {
		e.navState = make([]string, len(e.steps))
	}
	for i, st := range e.steps {
		b := e.navButtons[i]
		imp := widget.MediumImportance
		if i == e.current {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
		errs, warns := 0, 0
		for _, f := range e.findings {
			if f.Where.Step != st.ID() {
				continue
			}
			switch f.Severity {
			case workshop.SevError:
				errs++
			case workshop.SevWarning:
				warns++
			}
		}
		// Only a line whose counts changed is touched: refreshing all of
		// them on every keystroke was part of the typing lag.
		started := stepStarted(e.sess, st.ID())
		state := fmt.Sprint(errs, " ", warns, " ", started)
		if e.navState[i] == state {
			continue
		}
		e.navState[i] = state
		switch {
		case errs > 0:
			e.navIcons[i].SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
			e.navCounts[i].SetText(fmt.Sprint(errs))
		case warns > 0:
			e.navIcons[i].SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
			e.navCounts[i].SetText(fmt.Sprint(warns))
		case !started: // an empty circle: nothing to check yet
			e.navIcons[i].SetResource(theme.RadioButtonIcon())
			e.navCounts[i].SetText("")
		default:
			e.navIcons[i].SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
			e.navCounts[i].SetText("")
		}
	}
	setEnabled(e.prev, e.current > 0)
	setEnabled(e.next, e.current < len(e.steps)-1)
	if t := tr("editor.findings", "N", len(e.findings)); e.toggle.Text != t {
		e.toggle.SetText(t)
	}
	// The panel is rebuilt only when the findings changed: most keystrokes
	// leave them as they were.
	if l := CurrentLang(); e.shown == nil || l != e.shownLang || !e.panel.shows(e.currentStep()) || !reflect.DeepEqual(e.shown, e.findings) {
		e.panel.refresh()
		e.bar.refresh(e.findings)
		e.shown = append(make([]workshop.Finding, 0, len(e.findings)), e.findings...)
		e.shownLang = l
	}
}

// setLabel sets a label's text when it differs (SetText refreshes the
// label, and so its line of the window, even when the text is the same).
func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

func (e *editor) toggleFindings() {
	if e.side.Visible() || e.bar.box.Visible() {
		e.side.Hide()
		e.bar.box.Hide()
		e.splitLayout.pinned = false
	} else {
		e.side.Show() // folded to its bar by the layout when the window is narrow
	}
	// The step takes the panel's width back (or gives it) at once.
	if e.split != nil {
		e.split.Refresh()
	}
}

// unfoldFindings shows the whole findings panel on a narrow window (the
// step scrolls sideways beside it).
func (e *editor) unfoldFindings() {
	e.splitLayout.pinned = true
	e.side.Show()
	e.split.Refresh()
}

// savedSlot holds the saved indicator in a slot as wide as the widest of
// its texts in the current language, so that the toolbar does not shift
// sideways each time "Saving…" and "Saved" take turns.
func savedSlot(l *widget.Label) fyne.CanvasObject {
	w := float32(0)
	for _, key := range []string{"editor.saved", "editor.saving", "editor.notsaved"} {
		probe := widget.NewLabelWithStyle(tr(key), l.Alignment, l.TextStyle)
		w = max(w, probe.MinSize().Width)
	}
	return container.New(fixedWidth(w), l)
}

func (e *editor) setSaved(key string) {
	if e.saved != nil {
		setLabel(e.saved, tr(key))
	}
}

// statusLabel translates a summary status.
func statusLabel(status string) string {
	switch status {
	case "signed":
		return tr("status.signed")
	case "signing":
		return tr("status.signing")
	case workshop.StageUnverified:
		return tr("status.unverified")
	}
	return tr("status.draft")
}
