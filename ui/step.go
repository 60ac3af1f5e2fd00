// Package ui holds the Fyne screens of Boussole: the home list, the guided
// workshop editor and its steps, dialogs, settings and the presentation
// view. It receives the fyne.App and the services it needs; it never creates
// the app and never opens the database itself.
package ui

import (
	"fyne.io/fyne/v2"

	"boussole/workshop"
)

// Editor is what a step screen needs from the session editor that hosts it.
// The editor owns the session; steps read through it and change the charter
// only through Edit / EditBoard, which apply the change, schedule the
// autosave (off the UI goroutine), recompute the findings and refresh the
// other visible parts.
type Editor interface {
	// Session is the session being edited. Read it; never keep pointers
	// into it across an Edit call.
	Session() *workshop.Session
	// Charter is the current revision's charter (read only: change it
	// through Edit).
	Charter() *workshop.Charter
	// Lang is the charter's language, used to read and write numbers.
	Lang() workshop.Lang
	// ReadOnly reports whether the current revision is frozen (signed).
	ReadOnly() bool
	// Edit applies fn to the charter. When the revision is frozen it does
	// nothing, tells the user and returns false.
	Edit(fn func(c *workshop.Charter)) bool
	// EditBoard applies fn to the co-construction board (ideas, votes,
	// timebox); allowed whatever the revision status.
	EditBoard(fn func(b *workshop.Board)) bool
	// AppendDecision adds an entry to the decision log: to the charter
	// while the revision is a draft, to the revision's late decisions once
	// signed (the log of a signed revision is append-only).
	AppendDecision(d workshop.Decision) bool
	// Findings returns the current findings of the charter.
	Findings() []workshop.Finding
	// FindingsFor returns the findings located in step, for item id ("" for
	// all of the step).
	FindingsFor(step, id string) []workshop.Finding
	// Window is the main window, parent of dialogs.
	Window() fyne.Window
	// Goto shows another step, optionally focusing a finding's place.
	Goto(where workshop.Where)
}

// Step is one screen of the guided journey (PRODUCT.md §1).
type Step interface {
	// ID is one of workshop.Steps.
	ID() string
	// Title is the translated step title.
	Title() string
	// Build creates the step's content. It is called once per editor; the
	// editor keeps the returned object.
	Build(ed Editor) fyne.CanvasObject
	// Refresh re-reads the charter into the widgets (after an edit made
	// elsewhere, a revision change or a findings update). It must not
	// replace what the user is typing in a focused field.
	Refresh()
	// Focus brings the place named by where (ID, Field) into view and
	// focuses its field where possible.
	Focus(where workshop.Where)
}
