package main

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"boussole/assets"
	"boussole/report"
	"boussole/storage"
	"boussole/ui"
	"boussole/workshop"
)

// storeWait is how long the window waits for another Boussole to release
// the store before saying so (PRODUCT.md §7: within 2 seconds).
const storeWait = 1500 * time.Millisecond

// storeOptions opens the window's store: the day's backup waits for the
// window (Store.DailyBackup).
var storeOptions = storage.Options{Timeout: storeWait, DeferDailyBackup: true}

// runWindow opens the application window on the store in dataDir and runs
// until it closes. When the store cannot be opened the window says why and
// offers the way out (quit; restore the latest backup when damaged).
func runWindow(dataDir string, stderr io.Writer, importPath string) int {
	// The store opens (on the first start of a day it checks every page)
	// while Fyne creates the window.
	type opening struct {
		s   *storage.Store
		err error
	}
	first := make(chan opening, 1)
	go func() {
		s, err := storage.Open(dataDir, storeOptions)
		first <- opening{s, err}
	}()
	a := app.NewWithID("fr.boussole.app")
	settings := ui.NewSettings(a.Preferences())
	ui.SetupLanguage(settings.Language())
	settings.ApplyTheme(a)
	// The faces of the interface's text (regular, and bold for the buttons
	// and headings) are parsed, with a scan of the system's fonts, on the
	// first text measured: about 50 ms, done here while Fyne creates the
	// window. The home is built after this ends (the theme is not changed
	// meanwhile).
	fonts := make(chan struct{})
	go func() {
		defer close(fonts)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("Boussole", theme.TextSize(), style)
		}
	}()
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Boussole")
	w.Resize(settings.WindowSize())

	var st *storage.Store
	status := exitOK
	// The first open of a day leaves its backup (a copy and fsync of the
	// whole file) to run once the window is up: started is set when the
	// app runs, and a store opened later (after a restore) starts its own.
	started := false
	var view *ui.App
	dailyBackup := func(s *storage.Store, v *ui.App) {
		go func() {
			if err := s.DailyBackup(); err != nil {
				fyne.Do(func() {
					fmt.Fprintf(stderr, "boussole: %s\n", err)
					v.BackupFailed(err)
				})
			}
		}()
	}
	a.Lifecycle().SetOnStarted(func() {
		started = true
		if st != nil {
			dailyBackup(st, view)
		}
	})
	var open func()
	var opened func(s *storage.Store, err error)
	open = func() { opened(storage.Open(dataDir, storeOptions)) }
	opened = func(s *storage.Store, err error) {
		if err != nil {
			fmt.Fprintf(stderr, "boussole: %s\n", err)
			status = exitFailure
			if workshop.KindOf(err) == workshop.KindLocked {
				status = exitLocked
			}
			restore := func() (ui.Restored, error) {
				r, err := storage.RestoreLatest(dataDir, storage.RestoreOptions{Timeout: storeWait})
				if errors.Is(err, storage.ErrNoGoodBackup) {
					return ui.Restored{}, &ui.NoGoodBackup{Folder: storage.BackupFolder(dataDir), Err: err}
				}
				return ui.Restored{Backup: r.Backup, Aside: r.Aside, Taken: r.Taken}, err
			}
			if workshop.KindOf(err) == workshop.KindCorrupt {
				if good, gerr := storage.GoodBackups(dataDir); gerr == nil && len(good) == 0 {
					err = &ui.NoGoodBackup{Folder: storage.BackupFolder(dataDir), Err: err}
				}
			}
			ui.StoreProblem(w, dataDir, err, restore, open, a.Quit)
			return
		}
		status = exitOK
		st = s
		view = ui.New(a, w, windowDeps(st))
		var notices []ui.PermissionNotice
		for _, n := range st.Notices() {
			fmt.Fprintf(stderr, "boussole: note: %s\n", n)
			notices = append(notices, ui.PermissionNotice{Path: n.Path, Fixed: n.Err == nil})
		}
		view.ShowPermissionNotices(notices)
		if importPath != "" {
			// Once: a restore that reopens the store does not import again.
			path := importPath
			importPath = ""
			view.ImportAndOpen(path, func() ([]byte, error) { return readInput(path) })
		}
		if started {
			dailyBackup(st, view)
		}
	}
	// The window goes on screen first, themed and sized, with an empty
	// content; the store and the home screen (a third of the start: the
	// bold face of the buttons, the list, the menu) follow before the
	// event loop runs, so nothing can be clicked before they are in place.
	w.SetContent(canvas.NewRectangle(color.Transparent))
	w.Show()
	<-fonts
	o := <-first
	opened(o.s, o.err)
	a.Run()
	if st != nil {
		if err := st.Close(); err != nil {
			fmt.Fprintf(stderr, "boussole: closing the store: %s\n", err)
			return exitFailure
		}
	}
	return status
}

// windowDeps wires the window to the store and the report writers.
func windowDeps(st *storage.Store) ui.Deps {
	return ui.Deps{
		Store:          st,
		Now:            time.Now,
		Version:        version,
		ExportBoussole: storage.Export,
		CharterPDF: func(s *workshop.Session, rev int, paper string) ([]byte, error) {
			key, err := windowKey(st, s, rev)
			if err != nil {
				return nil, err
			}
			return charterPDF(s, rev, paper, key)
		},
		PDFKey: func(s *workshop.Session, rev int) (string, error) {
			key, err := windowKey(st, s, rev)
			if err != nil || key == nil {
				return "", err
			}
			return key.Fingerprint, nil
		},
		KPICSV:     report.KPICSV,
		RitualsICS: report.RitualsICS,
		ReviewPDF: func(s *workshop.Session, ritual string, asOf time.Time, paper string) ([]byte, error) {
			return report.ReviewPDF(s, report.ReviewOptions{Paper: paper, AsOf: asOf, Ritual: ritual, Version: version})
		},
		// The save dialog may point at the store or a backup: refused
		// (issue 7 item 1), like -o on the command line.
		WriteFileAtomic: func(path string, data []byte) error {
			if err := storage.GuardOutput(st.Dir(), path); err != nil {
				return err
			}
			return report.WriteFileAtomic(path, data)
		},
		SigningKey: func() (workshop.RecordSigner, string, error) {
			k, notice, err := st.SigningKeyNotice()
			switch {
			case err != nil:
				return nil, "", err
			case notice != nil:
				return k, notice.Fingerprint, nil
			}
			return k, "", nil
		},
		InstallationKey: st.InstallationPublicKey,
		OpenRoom:        openRoom,
		RoomAddresses:   roomAddresses,
	}
}

// windowKey returns the installation key that signs the PDF of revision
// rev of s (made at first use), or nil when that PDF carries no digital
// signature.
func windowKey(st *storage.Store, s *workshop.Session, rev int) (*storage.InstallationKey, error) {
	r, err := s.Revision(rev)
	if err != nil || !carriesPDFSignature(r) {
		return nil, err
	}
	key, _, err := st.SigningKey()
	return key, err
}
