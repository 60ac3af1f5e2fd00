// Command minimal is the yardstick of Boussole's start-up benchmarks: the
// smallest Fyne window, started the way Boussole starts its own (app with
// an ID, one window, ShowAndRun). Built by cmd/boussole's benchmarks.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("fr.boussole.bench-minimal")
	w := a.NewWindow("Minimal")
	w.SetContent(widget.NewLabel("Minimal"))
	w.ShowAndRun()
}
