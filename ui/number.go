package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// numberField is an entry for a number of the charter (baseline, target,
// alert threshold, cascade target, incentive share). The text is stored as
// typed — never replaced by a zero — and read with workshop.ParseNumber in
// the charter's language; while it cannot be read, a message under the
// entry says why and how to write it. The rules report the same text as
// R-NUM-1, so steps leave that code out of their field notes.
type numberField struct {
	*boundEntry
	Invalid *widget.Label
	box     *fyne.Container
}

// newNumberField makes a number entry bound to get/set.
func newNumberField(ed Editor, get func(c *workshop.Charter) string, set func(c *workshop.Charter, v string)) *numberField {
	n := &numberField{Invalid: newNoteLabel()}
	n.boundEntry = newBoundEntry(ed, get, set)
	n.Entry.SetPlaceHolder(numberExample(ed.Lang()))
	inner := n.Entry.OnChanged
	n.Entry.OnChanged = func(s string) {
		inner(s)
		n.validate()
	}
	n.box = container.NewVBox(n.Entry, n.Invalid)
	n.validate()
	return n
}

// Object is the field's canvas object (entry and its inline message).
func (n *numberField) Object() fyne.CanvasObject { return n.box }

// sync re-reads the stored text (unless focused) and re-validates it: the
// charter's language may have changed how it reads.
func (n *numberField) sync() {
	n.boundEntry.sync()
	n.validate()
}

// validate shows the inline message while the text cannot be read.
func (n *numberField) validate() {
	showNote(n.Invalid, numberProblem(n.Entry.Text, n.ed.Lang()), widget.DangerImportance)
}

// numberProblem explains, in the interface language, why text is not a
// number in the charter's language l; "" when it is one or when it is blank.
func numberProblem(text string, l workshop.Lang) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	_, err := workshop.ParseNumber(text, l)
	if err == nil {
		return ""
	}
	why := workshop.Message(err)
	var ne *workshop.NumberError
	if errors.As(err, &ne) {
		why = ne.Message(CurrentLang())
	}
	name := workshop.Label(CurrentLang(), string(l))
	if CurrentLang() == workshop.FR {
		name = strings.ToLower(name) // « en français »
	}
	return tr("number.invalid", "Reason", why, "Example", numberExample(l), "Lang", name)
}

// numberExample is how a number is written in the charter's language.
func numberExample(l workshop.Lang) string {
	if l == workshop.FR {
		return "1\u00a0200,5" // no-break: the example never breaks across lines
	}
	return "1,200.5"
}
