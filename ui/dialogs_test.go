package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

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
	StoreProblem(w, "/data", err, func() error { restored <- true; return nil }, func() { reopened <- true }, func() {})
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
