package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// maxZoneChoices bounds the zones the list offers at once: enough for every
// zone of a region ("America/"), few enough to read.
const maxZoneChoices = 60

// timeZoneField is the charter's time zone at set-up: an entry bound to
// Charter.TimeZone (stored as typed, spaces around it aside) and a button
// that lists the IANA zones matching what is typed ("paris", "new_y",
// "Asia/"), the computer's zone first when nothing is typed. A name Go
// does not know is said by the R-TZ-1 note under the field.
type timeZoneField struct {
	ed     Editor
	entry  *boundEntry
	button *widget.Button
	object fyne.CanvasObject
	pop    *widget.PopUpMenu // the list, while open
}

func newTimeZoneField(ed Editor) *timeZoneField {
	f := &timeZoneField{ed: ed}
	f.entry = newBoundEntry(ed, func(c *workshop.Charter) string { return c.TimeZone },
		trimmed(func(c *workshop.Charter, v string) { c.TimeZone = v }))
	f.entry.same = func(text, stored string) bool { return strings.TrimSpace(text) == stored }
	f.entry.Entry.SetPlaceHolder(tr("setup.timezone.placeholder"))
	f.button = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), f.showChoices)
	f.object = container.NewBorder(nil, nil, nil, f.button, f.entry.Entry)
	return f
}

// zoneChoices lists the zones matching typed: every name holding it,
// case and "_"/" " aside, those starting with it (or whose city does)
// first; with nothing typed, the computer's zone and the common ones.
func zoneChoices(typed string) []string {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "_")) }
	q := norm(typed)
	if q == "" {
		out := []string{}
		if z := workshop.ComputerTimeZone(); z != "" {
			out = append(out, z)
		}
		for _, z := range []string{"Europe/Paris", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
			"America/Los_Angeles", "America/Montreal", "Africa/Casablanca", "Asia/Dubai", "Asia/Singapore", "Asia/Tokyo", "UTC"} {
			if !slices.Contains(out, z) {
				out = append(out, z)
			}
		}
		return out
	}
	if workshop.ValidTimeZone(strings.TrimSpace(typed)) {
		// A whole zone: the others of its region, to change it.
		z := strings.TrimSpace(typed)
		region, _, _ := strings.Cut(z, "/")
		out := []string{z}
		for _, y := range workshop.TimeZoneNames() {
			if len(out) < maxZoneChoices && y != z && strings.HasPrefix(y, region+"/") {
				out = append(out, y)
			}
		}
		return out
	}
	var first, rest []string
	for _, z := range workshop.TimeZoneNames() {
		n := norm(z)
		city := n[strings.LastIndex(n, "/")+1:]
		switch {
		case strings.HasPrefix(n, q) || strings.HasPrefix(city, q):
			first = append(first, z)
		case strings.Contains(n, q):
			rest = append(rest, z)
		}
	}
	out := append(first, rest...)
	if len(out) > maxZoneChoices {
		out = out[:maxZoneChoices]
	}
	return out
}

// showChoices opens the list of matching zones under the field; choosing
// one stores it (one edit, undoable).
func (f *timeZoneField) showChoices() {
	if f.ed.ReadOnly() || f.ed.Window() == nil {
		return
	}
	choices := zoneChoices(f.entry.Entry.Text)
	var items []*fyne.MenuItem
	for _, z := range choices {
		items = append(items, fyne.NewMenuItem(z, func() { f.choose(z) }))
	}
	if len(items) == 0 {
		items = append(items, fyne.NewMenuItem(tr("setup.timezone.none"), nil))
		items[0].Disabled = true
	}
	c := f.ed.Window().Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.entry.Entry)
	pop := widget.NewPopUpMenu(fyne.NewMenu("", items...), c)
	f.pop = pop
	// Under the field when the list fits there; else as low as it fits,
	// at most the window's height (the menu scrolls beyond it).
	pad := theme.Padding()
	size := pop.MinSize()
	size.Width = max(size.Width, f.object.Size().Width)
	size.Height = min(size.Height, c.Size().Height-2*pad)
	at := pos.Add(fyne.NewPos(0, f.entry.Entry.Size().Height))
	at.Y = max(pad, min(at.Y, c.Size().Height-pad-size.Height))
	pop.ShowAtPosition(at)
	pop.Resize(size)
}

// choose stores zone z as if typed.
func (f *timeZoneField) choose(z string) {
	f.entry.Entry.SetText(z)
}

func (f *timeZoneField) sync() {
	f.entry.sync()
	setEnabled(f.button, !f.ed.ReadOnly())
}
