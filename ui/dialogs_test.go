package ui

import (
	"strings"
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
// its date and time, read from its name, in the interface language — and
// where the damaged file was set aside; the same in French.
func TestStoreProblemRestoreSaysWhichBackupAndWhere(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{LangEN, []string{"Backup restored", "the backup of March 4, 2027 at 09:05", "The damaged file was kept, unchanged, at /data/boussole.db.damaged-20270305-101500", "Technical detail: /data/backups/boussole-20270304-090512.db"}},
		{LangFR, []string{"Sauvegarde restaurée", "la sauvegarde du 4 mars 2027 à 09:05", "Le fichier abîmé a été mis de côté, sans modification, ici : /data/boussole.db.damaged-20270305-101500", "Détail technique : /data/backups/boussole-20270304-090512.db"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			t.Cleanup(func() { SetupLanguage(LangEN) })
			newTestEnv(t)
			SetupLanguage(c.lang)
			w := test.NewTempWindow(t, nil)
			err := workshop.Errorf(workshop.KindCorrupt, "The Boussole data file /data/boussole.db is damaged")
			r := Restored{Backup: "/data/backups/boussole-20270304-090512.db", Aside: "/data/boussole.db.damaged-20270305-101500"}
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

func TestBackupTimeFromName(t *testing.T) {
	got, ok := backupTime("/x/backups/boussole-20261125-201800.db")
	if want := time.Date(2026, 11, 25, 20, 18, 0, 0, time.Local); !ok || !got.Equal(want) {
		t.Errorf("backupTime = %v %v, want %v", got, ok, want)
	}
	if _, ok := backupTime("/x/boussole.db"); ok {
		t.Error("a name without a time was read as one")
	}
}
