package ui

import (
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"boussole/session"
	"boussole/workshop"
)

// SessionStore is what the window needs from the session store
// (storage.Store satisfies it). Every call may touch the disk: call it off
// the UI goroutine.
type SessionStore interface {
	List() ([]workshop.Summary, error)
	Get(id string) (*workshop.Session, error)
	Put(s *workshop.Session) error
	Delete(id string) error
	Import(data []byte) (string, error)
	Dir() string
	Path() string
}

// Deps are the services the window uses. ui depends on neither storage nor
// report: cmd/boussole wires these functions to them.
type Deps struct {
	Store   SessionStore
	Now     func() time.Time // defaults to time.Now
	Version string

	// ExportBoussole encodes a session as a .boussole interchange file.
	ExportBoussole func(s *workshop.Session) ([]byte, error)
	// CharterPDF renders revision rev of s; paper is "A4" or "Letter".
	CharterPDF func(s *workshop.Session, rev int, paper string) ([]byte, error)
	// PDFKey returns the fingerprint of the installation key that signs
	// the PDF of revision rev of s, or "" when that PDF carries no digital
	// signature (a draft; a revision signed before installation keys).
	// Nil: the window says nothing about digital signatures.
	PDFKey func(s *workshop.Session, rev int) (string, error)
	// KPICSV writes the KPIs and check-ins of revision rev as CSV.
	KPICSV func(s *workshop.Session, rev int) ([]byte, error)
	// RitualsICS writes the rituals of revision rev as an iCalendar file.
	RitualsICS func(s *workshop.Session, rev int) ([]byte, error)
	// WriteFileAtomic writes data to path through a temporary file and a rename.
	WriteFileAtomic func(path string, data []byte) error
	// OpenFile opens a written file with the desktop's application; nil
	// uses fyne's OpenURL.
	OpenFile func(path string) error
	// SigningKey returns the installation key that signs sign-off records
	// (made at first use) and, when it had to be made for a store that
	// already held sessions, its fingerprint: the window says so.
	SigningKey func() (key workshop.RecordSigner, newKey string, err error)
	// InstallationKey returns this installation's public key (PKIX DER)
	// without making one; nil when there is none yet.
	InstallationKey func() ([]byte, error)
	// OpenRoom opens the participants' room on addr (host:port) for the
	// session svc owns; onDevices is told the number of connected devices
	// (from the room's goroutines). Nil: no room, the keyboard path only.
	OpenRoom func(svc *session.Service, addr string, onDevices func(n int)) (RoomHandle, error)
	// RoomAddresses lists the addresses the room may listen on (loopback
	// at least).
	RoomAddresses func() []RoomAddress
	// ReviewPDF renders the review pack of ritual (id; empty: the first)
	// as of asOf (tracking.go).
	ReviewPDF func(s *workshop.Session, ritual string, asOf time.Time, paper string) ([]byte, error)
}

// App is the main window's content: the home list, then one session editor.
type App struct {
	app      fyne.App
	win      fyne.Window
	d        Deps
	settings Settings

	home     *home
	editor   *editor
	pres     *presentation
	tracking *trackingView // the Tracking view, when shown (tracking.go)

	// jobs counts background work (store and export calls) still running,
	// so tests and the close handler can wait for it.
	jobs sync.WaitGroup

	settleTimer *time.Timer // see settle

	undoItem, redoItem *fyne.MenuItem // Edit menu (undo.go)

	lastSettings *settingsForm // the settings dialog reopened in a new language (tests read it)

	ownKey     []byte // this installation's public key, once read (ownKeyDER)
	ownKeyRead bool
	aboutKey   *widget.Label // the About dialog's key line (tests read it)
}

// ownKeyDER is this installation's public key (nil when it has none yet):
// read once, then kept; signingKey sets it when it makes one.
func (a *App) ownKeyDER() []byte {
	if !a.ownKeyRead && a.d.InstallationKey != nil {
		if k, err := a.d.InstallationKey(); err == nil {
			a.ownKey, a.ownKeyRead = k, true
		}
	}
	return a.ownKey
}

// signingKey returns the installation key, made at first use; a key made
// for a store that already held sessions is said in a dialog.
func (a *App) signingKey() (workshop.RecordSigner, error) {
	if a.d.SigningKey == nil {
		return nil, workshop.Errorf(workshop.KindInternal, "no installation key to sign with")
	}
	k, newKey, err := a.d.SigningKey()
	if err != nil {
		return nil, err
	}
	a.ownKey, a.ownKeyRead = k.PublicKeyDER(), true
	if newKey != "" {
		showInfo(a.win, "store.key.new.title", tr("store.key.new.body", "Fingerprint", newKey))
	}
	return k, nil
}

// settleDelay is how long after a screen is filled its loading garbage is
// handed back: long enough for the first frame to be drawn, since drawing
// rasterises every text into an image that is garbage once uploaded.
const settleDelay = 500 * time.Millisecond

// settle returns the heap freed by loading a screen to the operating
// system once it is drawn. Opening a charter builds its step, measures and
// rasterises its text and parses the text faces it uses: the heap peaks
// about 10 MB above what stays live, and the Go runtime would otherwise
// keep those pages resident (PRODUCT.md §7 bounds resident memory). Called
// on the UI goroutine; a burst of calls makes one collection.
func (a *App) settle() {
	if a.settleTimer == nil {
		a.settleTimer = time.AfterFunc(settleDelay, debug.FreeOSMemory)
		return
	}
	a.settleTimer.Reset(settleDelay)
}

// New builds the main window's content in w (home screen first), its main
// menu and its close handling. The caller shows the window.
func New(a fyne.App, w fyne.Window, d Deps) *App {
	if d.Now == nil {
		d.Now = time.Now
	}
	ap := &App{app: a, win: w, d: d, settings: NewSettings(a.Preferences())}
	ap.settings.ApplyTheme(a)
	ap.home = newHome(ap)
	w.SetMainMenu(ap.mainMenu())
	w.SetCloseIntercept(ap.onClose)
	ap.ShowHome()
	ap.reopenLast() // where the facilitator left off (issue 9)
	return ap
}

// BackupFailed tells the person that the day's automatic backup, written
// in the background once the window is up, could not be written. Call it on
// the UI goroutine.
func (a *App) BackupFailed(err error) { showError(a.win, "error.backup", err) }

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

// ShowHome closes the open session (saving it) and shows the session list.
func (a *App) ShowHome() {
	if a.editor != nil {
		if !a.closeEditor() {
			return
		}
		a.settings.SetLastSession(a.d.Store.Dir(), "", "") // home is where the next start opens
	}
	a.win.SetTitle(tr("app.title"))
	a.win.SetContent(a.home.build())
	a.home.reload()
	a.updateUndoMenu()
}

// background runs work off the UI goroutine, then done (if any) on it.
func (a *App) background(work func(), done func()) {
	a.jobs.Go(func() {
		work()
		if done != nil {
			fyne.Do(done)
		}
	})
}

// Wait blocks until background work (store calls, exports, autosaves) is
// done. For tests and shutdown; never call it from a UI callback while
// work still needs the UI goroutine.
func (a *App) Wait() {
	a.jobs.Wait()
	if a.editor != nil {
		a.editor.saver.wait()
	}
}

// openSession loads id off the UI goroutine and opens it in the editor.
func (a *App) openSession(id string) { a.withSession(id, a.showEditor) }

// withSession loads session id off the UI goroutine, then hands it to
// show on the UI goroutine; a session that cannot be read is said instead.
func (a *App) withSession(id string, show func(*workshop.Session)) {
	var s *workshop.Session
	var err error
	a.background(func() { s, err = a.d.Store.Get(id) }, func() {
		if err != nil {
			showError(a.win, "error.open", err)
			return
		}
		show(s)
	})
}

// showEditor replaces the window's content by an editor of s.
func (a *App) showEditor(s *workshop.Session) {
	if a.editor != nil && !a.closeEditor() {
		return
	}
	a.editor = newEditor(a, s, allSteps())
	a.win.SetTitle(s.Current().Charter.Title + " — " + tr("app.title"))
	a.win.SetContent(a.editor.build())
	a.editor.show(0)
	a.updateUndoMenu()
	a.settle()
	if a.pres != nil {
		a.pres.follow(a.editor)
	}
}

// closeEditor saves and closes the editor; false when the save failed and
// the user chose to stay.
func (a *App) closeEditor() bool {
	if err := a.editor.close(); err != nil {
		showError(a.win, "error.save", err)
		return false
	}
	a.editor = nil
	if a.pres != nil {
		a.pres.follow(nil)
	}
	return true
}

// onClose flushes the open session synchronously, remembers the window
// size and quits. When the last save fails the user chooses.
func (a *App) onClose() {
	if a.editor != nil {
		if err := a.editor.close(); err != nil {
			showConfirm(a.win, "dialog.unsaved.title", tr("dialog.unsaved.body", "Error", workshop.Message(err)),
				"dialog.unsaved.quit", "dialog.unsaved.stay", func(quit bool) {
					if quit {
						a.quit()
					}
				})
			return
		}
		a.editor = nil
	}
	a.quit()
}

func (a *App) quit() {
	a.settings.SetWindowSize(a.win.Canvas().Size())
	if a.pres != nil {
		a.pres.win.Close()
	}
	a.app.Quit()
}
