package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// This file holds the one way a step binds its widgets to the fields of an
// item of the charter (a KPI, an objective, a cascade and its lines, a
// decision, a ritual, a participant, a side effect). The item is looked up
// again on every read and write: a binding survives the item moving in its
// list, and reads and writes nothing once the item is gone.

// items is a kind of charter item: where its items live and their ids.
type items[T any] struct {
	of func(c *workshop.Charter) []T
	id func(x *T) string
}

var (
	kpiItems         = items[workshop.KPI]{func(c *workshop.Charter) []workshop.KPI { return c.KPIs }, func(x *workshop.KPI) string { return x.ID }}
	objectiveItems   = items[workshop.Objective]{func(c *workshop.Charter) []workshop.Objective { return c.Objectives }, func(x *workshop.Objective) string { return x.ID }}
	cascadeItems     = items[workshop.Cascade]{func(c *workshop.Charter) []workshop.Cascade { return c.Cascades }, func(x *workshop.Cascade) string { return x.ID }}
	decisionItems    = items[workshop.Decision]{func(c *workshop.Charter) []workshop.Decision { return c.Decisions }, func(x *workshop.Decision) string { return x.ID }}
	ritualItems      = items[workshop.Ritual]{func(c *workshop.Charter) []workshop.Ritual { return c.Rituals }, func(x *workshop.Ritual) string { return x.ID }}
	participantItems = items[workshop.Participant]{func(c *workshop.Charter) []workshop.Participant { return c.Participants }, func(x *workshop.Participant) string { return x.ID }}
)

// at returns the item with id in c, or nil.
func (it items[T]) at(c *workshop.Charter, id string) *T {
	xs := it.of(c)
	for i := range xs {
		if it.id(&xs[i]) == id {
			return &xs[i]
		}
	}
	return nil
}

// sideEffect returns side effect sid of objective oid in c, or nil.
func sideEffect(c *workshop.Charter, oid, sid string) *workshop.SideEffect {
	if o := objectiveItems.at(c, oid); o != nil {
		for i := range o.SideEffects {
			if o.SideEffects[i].ID == sid {
				return &o.SideEffects[i]
			}
		}
	}
	return nil
}

// sideBinder binds side effect sid of objective oid.
func sideBinder(ed Editor, oid, sid string) binder[workshop.SideEffect] {
	return binder[workshop.SideEffect]{ed: ed, at: func(c *workshop.Charter) *workshop.SideEffect { return sideEffect(c, oid, sid) }}
}

// binder makes the widgets bound to the fields of one charter item.
type binder[T any] struct {
	ed Editor
	at func(c *workshop.Charter) *T // the item in c, or nil when it is gone
}

// bind binds the item id of a kind of items.
func bind[T any](ed Editor, it items[T], id string) binder[T] {
	return binder[T]{ed: ed, at: func(c *workshop.Charter) *T { return it.at(c, id) }}
}

// item is the bound item in the editor's charter, or nil.
func (b binder[T]) item() *T { return b.at(b.ed.Charter()) }

// edit changes the bound item, when it is still there; it reports whether
// the change was stored.
func (b binder[T]) edit(fn func(x *T)) bool {
	return b.ed.Edit(func(c *workshop.Charter) {
		if x := b.at(c); x != nil {
			fn(x)
		}
	})
}

// text is the get/set pair of a text field of the item.
func (b binder[T]) text(f func(x *T) *string) (func(c *workshop.Charter) string, func(c *workshop.Charter, v string)) {
	return textOf(b, f)
}

// trimmed stores a text without its surrounding spaces (an email, a time).
func trimmed(set func(c *workshop.Charter, v string)) func(c *workshop.Charter, v string) {
	return func(c *workshop.Charter, v string) { set(c, strings.TrimSpace(v)) }
}

// textOf is the get/set pair of a field of the item holding a string or a
// string-typed value (a unit, a kind, a date): a function because methods
// take no type parameters of their own.
func textOf[T any, S ~string](b binder[T], f func(x *T) *S) (func(c *workshop.Charter) string, func(c *workshop.Charter, v string)) {
	return func(c *workshop.Charter) string {
			if x := b.at(c); x != nil {
				return string(*f(x))
			}
			return ""
		}, func(c *workshop.Charter, v string) {
			if x := b.at(c); x != nil {
				*f(x) = S(v)
			}
		}
}

// entry is a single-line entry bound to a text of the item.
func (b binder[T]) entry(f func(x *T) *string) *boundEntry {
	get, set := b.text(f)
	return newBoundEntry(b.ed, get, set)
}

// multiLine is a multi-line entry bound to a text of the item.
func (b binder[T]) multiLine(f func(x *T) *string) *boundEntry {
	get, set := b.text(f)
	return newBoundMultiLine(b.ed, get, set)
}

// number is a number entry bound to a text of the item.
func (b binder[T]) number(f func(x *T) *string) *numberField {
	get, set := b.text(f)
	return newNumberField(b.ed, get, set)
}

// date is a date entry bound to a date of the item.
func (b binder[T]) date(f func(x *T) *workshop.Date) *dateField {
	return newDateField(b.ed, func(c *workshop.Charter) workshop.Date {
		if x := b.at(c); x != nil {
			return *f(x)
		}
		return ""
	}, func(c *workshop.Charter, d workshop.Date) {
		if x := b.at(c); x != nil {
			*f(x) = d
		}
	})
}

// choice is a select over values shown as labels, bound to a field of the
// item.
func choice[T any, S ~string](b binder[T], values, labels []string, f func(x *T) *S) *choiceSelect {
	get, set := textOf(b, f)
	return newChoiceSelect(b.ed, values, labels, get, set)
}

// enum is a select over enum values labelled in the interface language,
// bound to a field of the item.
func enum[T any, S ~string](b binder[T], values []S, f func(x *T) *S) *choiceSelect {
	get, set := textOf(b, f)
	return newEnumSelect(b.ed, enumStrings(values), get, set)
}

// listEditor is a list editor (one entry per line) bound to a list of
// texts of the item.
func (b binder[T]) listEditor(addLabel, placeholder string, f func(x *T) *[]string) *listEditor {
	return newListEditor(b.ed, addLabel, placeholder, func(c *workshop.Charter) []string {
		if x := b.at(c); x != nil {
			return *f(x)
		}
		return nil
	}, func(c *workshop.Charter, v []string) {
		if x := b.at(c); x != nil {
			*f(x) = v
		}
	})
}

// boundCheck is a check bound to a yes/no of a charter item.
type boundCheck struct {
	Check *widget.Check
	ed    Editor
	get   func() bool
}

// check is a check labelled label bound to a yes/no of the item.
func (b binder[T]) check(label string, f func(x *T) *bool) *boundCheck {
	get := func() bool {
		if x := b.item(); x != nil {
			return *f(x)
		}
		return false
	}
	bc := &boundCheck{ed: b.ed, get: get}
	bc.Check = widget.NewCheck(label, func(on bool) {
		if x := b.item(); x != nil && *f(x) != on {
			b.edit(func(x *T) { *f(x) = on })
		}
	})
	bc.sync()
	return bc
}

// sync re-reads the value and the read-only state.
func (bc *boundCheck) sync() {
	setEnabled(bc.Check, !bc.ed.ReadOnly())
	if v := bc.get(); bc.Check.Checked != v {
		bc.Check.Checked = v
		bc.Check.Refresh()
	}
}

// cardField is one field of a card that declares its fields in a list
// (see kpiFields): the card builds, places, lays out and syncs each.
type cardField interface {
	object() fyne.CanvasObject // what the card lays out
	place() fyne.CanvasObject  // what a finding on the field brings into view and focuses
	sync()                     // re-read the value and the read-only state
}

func (b *boundEntry) object() fyne.CanvasObject   { return b.Entry }
func (b *boundEntry) place() fyne.CanvasObject    { return b.Entry }
func (n *numberField) object() fyne.CanvasObject  { return n.box }
func (s *choiceSelect) object() fyne.CanvasObject { return s.Select }
func (s *choiceSelect) place() fyne.CanvasObject  { return s.Select }
func (bc *boundCheck) object() fyne.CanvasObject  { return bc.Check }
func (bc *boundCheck) place() fyne.CanvasObject   { return bc.Check }

// cardPart is a field a card composes of several widgets of its own.
type cardPart struct {
	obj, focus fyne.CanvasObject
	syncFn     func()
}

func (p cardPart) object() fyne.CanvasObject { return p.obj }
func (p cardPart) place() fyne.CanvasObject  { return p.focus }
func (p cardPart) sync()                     { p.syncFn() }
