package ui

import (
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// A damaged store is explained in the person's words with the data's
// place, the technical message in small print, and "Restore latest
// backup" restores, then reopens.
func TestStoreProblemDamagedOffersRestore(t *testing.T) {
	newTestEnv(t) // English catalogs
	w := test.NewTempWindow(t, nil)
	restored, reopened := make(chan bool, 1), make(chan bool, 1)
	err := workshop.Errorf(workshop.KindCorrupt, "The Boussole data file /data/boussole.db is damaged: file size too small 5000")
	StoreProblem(w, "/data", err, func() (Restored, error) { restored <- true; return Restored{}, nil }, func() { reopened <- true }, func() {})
	text := renderedText(w)
	for _, want := range []string{"Damaged data", "Boussole's data in /data is damaged", "has not been changed", "Technical detail: The Boussole data file"} {
		if !strings.Contains(text, want) {
			t.Errorf("screen lacks %q:\n%s", want, text)
		}
	}
	tapButton(t, w, "Restore latest backup")
	for _, ch := range []chan bool{restored, reopened} {
		select {
		case <-ch:
		case <-time.After(2 * time.Second):
			t.Fatal("restore or reopen not called")
		}
	}
}

// A locked store names the data and offers no restore.
func TestStoreProblemLocked(t *testing.T) {
	newTestEnv(t)
	w := test.NewTempWindow(t, nil)
	StoreProblem(w, "/data", workshop.Errorf(workshop.KindLocked, "locked"), nil, func() {}, func() {})
	text := renderedText(w)
	if !strings.Contains(text, "Boussole is already open on this data (/data)") || strings.Contains(text, "Restore") || strings.Contains(text, "Technical detail") {
		t.Errorf("locked screen:\n%s", text)
	}
}

// After "Restore latest backup", the window says which backup came back —
// the date and time it was taken, as recorded (issue 8 item 11), in the interface language — and
// where the damaged file was set aside; the same in French.
func TestStoreProblemRestoreSaysWhichBackupAndWhere(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{LangEN, []string{"Backup restored", "the backup of 4 March 2027 at 09:05", "The damaged file was kept, unchanged, at /data/boussole.db.damaged-20270305-101500", "Technical detail: /data/backups/b.db"}},
		{LangFR, []string{"Sauvegarde restaurée", "la sauvegarde du 4 mars 2027 à 09:05", "Le fichier abîmé a été mis de côté, sans modification, ici\u00a0: /data/boussole.db.damaged-20270305-101500", "Détail technique\u00a0: /data/backups/b.db"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			t.Cleanup(func() { SetupLanguage(LangEN) })
			newTestEnv(t)
			SetupLanguage(c.lang)
			w := test.NewTempWindow(t, nil)
			err := workshop.Errorf(workshop.KindCorrupt, "The Boussole data file /data/boussole.db is damaged")
			// The time comes from the record, not from the backup's name.
			r := Restored{Backup: "/data/backups/b.db", Aside: "/data/boussole.db.damaged-20270305-101500",
				Taken: time.Date(2027, 3, 4, 9, 5, 12, 0, time.Local)}
			reopened := make(chan bool, 1)
			StoreProblem(w, "/data", err, func() (Restored, error) { return r, nil }, func() {
				w.SetContent(widget.NewLabel("home"))
				reopened <- true
			}, func() {})
			tapButton(t, w, tr("store.restore"))
			select {
			case <-reopened:
			case <-time.After(2 * time.Second):
				t.Fatal("reopen not called")
			}
			waitFor(t, "the restored dialog", func() bool { return w.Canvas().Overlays().Top() != nil })
			text := renderedText(w)
			for _, want := range c.want {
				if !strings.Contains(text, want) {
					t.Errorf("screen lacks %q:\n%s", want, text)
				}
			}
		})
	}
}

// A restore that finds only damaged backups says that no good backup
// exists and where they are kept, and does not offer the restore again.
func TestStoreProblemNoGoodBackup_Issue7_16(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{LangEN, "No good backup exists: every file in /data/backups fails its check"},
		{LangFR, "Aucune sauvegarde valide\u00a0: chaque fichier de /data/backups"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			t.Cleanup(func() { SetupLanguage(LangEN) })
			newTestEnv(t)
			SetupLanguage(c.lang)
			w := test.NewTempWindow(t, nil)
			err := workshop.Errorf(workshop.KindCorrupt, "The Boussole data file /data/boussole.db is damaged")
			none := &NoGoodBackup{Folder: "/data/backups", Err: workshop.Errorf(workshop.KindCorrupt, "no good backup exists")}
			StoreProblem(w, "/data", err, func() (Restored, error) { return Restored{}, none }, func() { t.Error("reopened after a failed restore") }, func() {})
			tapButton(t, w, tr("store.restore"))
			waitFor(t, "the no-backup dialog", func() bool { return w.Canvas().Overlays().Top() != nil })
			if text := renderedText(w); !strings.Contains(text, c.want) {
				t.Errorf("screen lacks %q:\n%s", c.want, text)
			}
		})
	}
}

// A full disk, a refused permission, a read-only disk and an I/O error are
// said in the interface language, the store's words below as the detail.
func TestShowErrorSaysTheReason_Issue7_14(t *testing.T) {
	for _, c := range []struct {
		lang string
		err  error
		want string
	}{
		{LangEN, syscall.ENOSPC, "The disk is full"},
		{LangFR, syscall.ENOSPC, "Le disque est plein"},
		{LangEN, syscall.EROFS, "read-only"},
		{LangFR, syscall.EROFS, "lecture seule"},
		{LangEN, syscall.EACCES, "Permission denied"},
		{LangFR, syscall.EACCES, "Permission refusée"},
		{LangEN, syscall.EIO, "input/output error"},
		{LangFR, syscall.EIO, "entrée/sortie"},
	} {
		t.Run(c.lang+"/"+c.err.Error(), func(t *testing.T) {
			t.Cleanup(func() { SetupLanguage(LangEN) })
			newTestEnv(t)
			SetupLanguage(c.lang)
			w := test.NewTempWindow(t, nil)
			err := workshop.Wrap(workshop.KindInternal, &fs.PathError{Op: "write", Path: "/data/boussole.db", Err: c.err}, "cannot save session \"x\" in /data/boussole.db")
			showError(w, "error.save", err)
			text := renderedText(w)
			if !strings.Contains(text, c.want) || !strings.Contains(text, "cannot save session") {
				t.Errorf("screen lacks %q and the store's words:\n%s", c.want, text)
			}
		})
	}
}

// The window says, in the interface language, which files were made
// private and which could not be.
func TestPermissionNotices_Issue7_12(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{LangEN, []string{"Your data's permissions", "/data was open to other users; Boussole made it private to you.", "/data/boussole.db is open to other users and Boussole cannot make it private."}},
		{LangFR, []string{"Droits de vos données", "/data était accessible aux autres utilisateurs\u00a0; Boussole l’a rendu privé.", "/data/boussole.db est accessible aux autres utilisateurs et Boussole ne peut pas le rendre privé."}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			t.Cleanup(func() { SetupLanguage(LangEN) })
			env := newTestEnv(t)
			SetupLanguage(c.lang)
			env.UI.ShowPermissionNotices([]PermissionNotice{{Path: "/data", Fixed: true}, {Path: "/data/boussole.db"}})
			text := renderedText(env.Win)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("screen lacks %q:\n%s", w, text)
				}
			}
		})
	}
}

// A damaged store without any good backup is explained without offering a
// restore that cannot help.
func TestStoreProblemDamagedWithoutBackup_Issue7_16(t *testing.T) {
	newTestEnv(t)
	w := test.NewTempWindow(t, nil)
	err := &NoGoodBackup{Folder: "/data/backups", Err: workshop.Errorf(workshop.KindCorrupt, "The Boussole data file /data/boussole.db is damaged")}
	StoreProblem(w, "/data", err, func() (Restored, error) { t.Error("restore offered"); return Restored{}, nil }, func() {}, func() {})
	text := renderedText(w)
	if !strings.Contains(text, "No good backup exists in /data/backups") || strings.Contains(text, tr("store.restore")) {
		t.Errorf("screen:\n%s", text)
	}
}
