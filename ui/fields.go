package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// This file holds the small field helpers the step screens share: entries
// and selects bound to one value of the charter (typing calls Editor.Edit),
// list editors for []string, date entries with inline validation, the
// notes that show a step's findings under the field concerned, and the
// layout pieces that make a form breathe.

// hasFocus reports whether obj holds the keyboard focus of the editor's
// window. Refresh never overwrites a focused field: the person is typing.
func hasFocus(ed Editor, obj fyne.Focusable) bool {
	if ed == nil || ed.Window() == nil || obj == nil {
		return false
	}
	return ed.Window().Canvas().Focused() == obj
}

// setEnabled enables or disables a widget that can be disabled.
func setEnabled(w fyne.Disableable, on bool) {
	if on && w.Disabled() {
		w.Enable()
	} else if !on && !w.Disabled() {
		w.Disable()
	}
}

// boundEntry is an Entry bound to one text of the charter. What the person
// types is stored as typed (Editor.Edit on every change); sync re-reads the
// charter without touching a focused entry.
type boundEntry struct {
	Entry *textEntry
	ed    Editor
	get   func(c *workshop.Charter) string
	set   func(c *workshop.Charter, v string)
	// OnEdited runs after the person changed the text and it was stored.
	OnEdited func(v string)
	// same, when set, tells a text that reads as the stored value ("8h30"
	// for "08:30"): it is not stored again, nor replaced by sync.
	same func(text, stored string) bool
}

// newBoundEntry makes a single-line entry bound to get/set.
func newBoundEntry(ed Editor, get func(c *workshop.Charter) string, set func(c *workshop.Charter, v string)) *boundEntry {
	return bindEntry(ed, newTextEntry(), get, set)
}

// newBoundMultiLine makes a multi-line entry (statements, rationales) bound
// to get/set, wrapping words and showing a few lines.
func newBoundMultiLine(ed Editor, get func(c *workshop.Charter) string, set func(c *workshop.Charter, v string)) *boundEntry {
	e := newMultiLineEntry()
	e.SetMinRowsVisible(3)
	return bindEntry(ed, e, get, set)
}

func bindEntry(ed Editor, e *textEntry, get func(c *workshop.Charter) string, set func(c *workshop.Charter, v string)) *boundEntry {
	b := &boundEntry{Entry: e, ed: ed, get: get, set: set}
	e.bound = true
	e.SetText(get(ed.Charter()))
	e.OnChanged = func(s string) {
		if b.reads(s, b.get(b.ed.Charter())) {
			return
		}
		if editTyped(b.ed, func(c *workshop.Charter) { b.set(c, s) }) && b.OnEdited != nil {
			b.OnEdited(s)
		}
	}
	b.sync()
	return b
}

// sync re-reads the value and the read-only state.
func (b *boundEntry) sync() {
	setEnabled(b.Entry, !b.ed.ReadOnly())
	v := b.get(b.ed.Charter())
	if b.reads(b.Entry.Text, v) || hasFocus(b.ed, b.Entry) {
		return
	}
	b.Entry.SetText(v)
}

// reads reports whether text stands for the stored value v.
func (b *boundEntry) reads(text, v string) bool {
	return text == v || (b.same != nil && b.same(text, v))
}

// choiceSelect is a Select over stored values shown with labels, bound to
// one value of the charter. A stored value that is not among the choices
// (or empty) shows the placeholder.
type choiceSelect struct {
	Select *widget.Select
	ed     Editor
	values []string
	get    func(c *workshop.Charter) string
	set    func(c *workshop.Charter, v string)
}

// newChoiceSelect makes a select over values (shown as labels), bound to
// get/set.
func newChoiceSelect(ed Editor, values, labels []string, get func(c *workshop.Charter) string, set func(c *workshop.Charter, v string)) *choiceSelect {
	s := &choiceSelect{ed: ed, get: get, set: set}
	s.Select = widget.NewSelect(nil, nil)
	s.Select.PlaceHolder = tr("field.choose")
	s.setChoices(values, labels)
	s.Select.OnChanged = func(string) {
		i := s.Select.SelectedIndex()
		if i < 0 || i >= len(s.values) {
			return
		}
		v := s.values[i]
		if v == s.get(s.ed.Charter()) {
			return
		}
		s.ed.Edit(func(c *workshop.Charter) { s.set(c, v) })
	}
	s.sync()
	return s
}

// newEnumSelect makes a select over enum values labelled in the interface
// language (workshop.Label), bound to get/set.
func newEnumSelect(ed Editor, values []string, get func(c *workshop.Charter) string, set func(c *workshop.Charter, v string)) *choiceSelect {
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = workshop.Label(CurrentLang(), v)
	}
	return newChoiceSelect(ed, values, labels, get, set)
}

// setChoices replaces the choices (when the KPIs or participants changed).
func (s *choiceSelect) setChoices(values, labels []string) {
	if equalStrings(values, s.values) && equalStrings(labels, s.Select.Options) {
		return
	}
	s.values = append([]string{}, values...)
	s.Select.Options = append([]string{}, labels...)
	s.Select.Selected = ""
	s.sync()
	s.Select.Refresh()
}

// sync re-reads the value and the read-only state.
func (s *choiceSelect) sync() {
	setEnabled(s.Select, !s.ed.ReadOnly())
	v := s.get(s.ed.Charter())
	for i, x := range s.values {
		if x == v {
			if s.Select.SelectedIndex() != i {
				s.Select.SetSelectedIndex(i)
			}
			return
		}
	}
	if s.Select.SelectedIndex() >= 0 {
		s.Select.ClearSelected()
	}
}

// equalStrings reports whether two string slices hold the same items.
func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// enumStrings converts a slice of string-typed enum values to strings.
func enumStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// listEditor edits a []string of the charter as one entry per line, with a
// button to add a line and one to remove each line (confirmed when the
// line holds text).
type listEditor struct {
	ed          Editor
	get         func(c *workshop.Charter) []string
	set         func(c *workshop.Charter, v []string)
	placeholder string
	rows        *fyne.Container
	Entries     []*textEntry
	Removes     []*rowDeleteButton
	Add         *widget.Button
	box         *fyne.Container
}

// newListEditor makes a list editor; addLabel is the text of the add button
// and placeholder the hint of an empty line.
func newListEditor(ed Editor, addLabel, placeholder string, get func(c *workshop.Charter) []string, set func(c *workshop.Charter, v []string)) *listEditor {
	l := &listEditor{ed: ed, get: get, set: set, placeholder: placeholder}
	l.rows = container.NewVBox()
	l.Add = widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), l.onAdd)
	l.box = container.NewVBox(l.rows, container.NewHBox(l.Add))
	l.sync()
	return l
}

// Object is the editor's canvas object.
func (l *listEditor) Object() fyne.CanvasObject { return l.box }

func (l *listEditor) onAdd() {
	if !l.ed.Edit(func(c *workshop.Charter) { l.set(c, append(append([]string{}, l.get(c)...), "")) }) {
		return
	}
	l.sync()
	if n := len(l.Entries); n > 0 && l.ed.Window() != nil {
		l.ed.Window().Canvas().Focus(l.Entries[n-1])
	}
}

// onEnter moves on from line i: to the next line, or, from the last one,
// to a new line when this one holds text (an empty last line stays the
// one to fill).
func (l *listEditor) onEnter(i int) {
	w := l.ed.Window()
	if w == nil || i >= len(l.Entries) {
		return
	}
	if i+1 < len(l.Entries) {
		w.Canvas().Focus(l.Entries[i+1])
		return
	}
	if strings.TrimSpace(l.Entries[i].Text) != "" {
		l.onAdd()
	}
}

func (l *listEditor) onRemove(i int) {
	lines := l.get(l.ed.Charter())
	if i >= len(lines) {
		return
	}
	remove := func() {
		l.ed.Edit(func(c *workshop.Charter) {
			cur := l.get(c)
			if i < len(cur) {
				next := append(append([]string{}, cur[:i]...), cur[i+1:]...)
				l.set(c, next)
			}
		})
		l.sync()
	}
	if strings.TrimSpace(lines[i]) == "" {
		remove()
		return
	}
	confirmThen(l.ed, tr("field.remove.title"), tr("field.remove.line", "Text", lines[i]), remove)
}

func (l *listEditor) onLine(i int, s string) {
	cur := l.get(l.ed.Charter())
	if i >= len(cur) || cur[i] == s {
		return
	}
	editTyped(l.ed, func(c *workshop.Charter) {
		next := append([]string{}, l.get(c)...)
		if i < len(next) {
			next[i] = s
			l.set(c, next)
		}
	})
}

// sync rebuilds the lines when their number changed, else refreshes the
// unfocused ones in place.
func (l *listEditor) sync() {
	lines := l.get(l.ed.Charter())
	ro := l.ed.ReadOnly()
	setEnabled(l.Add, !ro)
	if len(lines) != len(l.Entries) {
		l.Entries, l.Removes = nil, nil
		objs := make([]fyne.CanvasObject, 0, len(lines))
		for i := range lines {
			e := newTextEntry()
			e.bound = true
			e.SetPlaceHolder(l.placeholder)
			e.SetText(lines[i])
			e.OnChanged = func(s string) { l.onLine(i, s) }
			e.OnSubmitted = func(string) { l.onEnter(i) }
			rm := newRowDelete(func() { l.onRemove(i) })
			l.Entries = append(l.Entries, e)
			l.Removes = append(l.Removes, rm)
			objs = append(objs, rm.rowOf(container.NewBorder(nil, nil, nil, rm, e)))
		}
		l.rows.Objects = objs
		l.rows.Refresh()
	}
	for i, e := range l.Entries {
		setEnabled(e, !ro)
		setEnabled(l.Removes[i], !ro)
		if e.Text != lines[i] && !hasFocus(l.ed, e) {
			e.SetText(lines[i])
		}
	}
}

// dateField is an entry for a workshop.Date ("2027-03-31"). A date typed
// by the conventions of the charter's language ("31/03/2027" in French) is
// stored in ISO form and left as typed on the screen; anything else is
// stored as typed, with an inline message under the entry until it is
// corrected.
type dateField struct {
	*boundEntry
	Invalid *widget.Label
	box     *fyne.Container
}

// newDateField makes a date entry bound to get/set.
func newDateField(ed Editor, get func(c *workshop.Charter) workshop.Date, set func(c *workshop.Charter, d workshop.Date)) *dateField {
	d := &dateField{Invalid: newNoteLabel()}
	d.boundEntry = newBoundEntry(ed,
		func(c *workshop.Charter) string { return string(get(c)) },
		func(c *workshop.Charter, v string) { set(c, readDate(langOf(c.Lang), v)) })
	d.same = func(text, stored string) bool { return string(readDate(ed.Lang(), text)) == stored }
	d.Entry.SetPlaceHolder(datePlaceholder(ed.Lang()))
	inner := d.Entry.OnChanged
	d.Entry.OnChanged = func(s string) {
		inner(s)
		d.validate()
	}
	d.box = container.NewVBox(d.Entry, d.Invalid)
	d.validate()
	return d
}

// Object is the field's canvas object (entry and its inline message).
func (d *dateField) Object() fyne.CanvasObject { return d.box }

func (d *dateField) sync() {
	d.boundEntry.sync()
	if ph := datePlaceholder(d.ed.Lang()); d.Entry.PlaceHolder != ph {
		d.Entry.SetPlaceHolder(ph)
	}
	d.validate()
}

// validate shows the inline message when the text is not a date.
func (d *dateField) validate() {
	t := strings.TrimSpace(d.Entry.Text)
	if _, ok := workshop.ParseDateInput(d.ed.Lang(), t); t == "" || ok {
		showNote(d.Invalid, "", widget.MediumImportance)
		return
	}
	showNote(d.Invalid, dateInvalid(d.ed.Lang(), t), widget.DangerImportance)
}

// newNoteLabel makes the small coloured message shown under a field. It
// always takes its line, empty or not, and never more than one: a finding
// that appears or goes never moves the fields below it, where the pointer
// may be (issue 9, item 4). Several findings share the line, cut with an
// ellipsis; the findings panel has them in full.
func newNoteLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	l.SizeName = theme.SizeNameCaptionText
	return compactNote(l)
}

// showNote sets a note's text (its lines joined on its one line) and
// colour; an empty text leaves the line empty, in place.
func showNote(l *widget.Label, text string, imp widget.Importance) {
	text = strings.ReplaceAll(text, "\n", "   ")
	if l.Text != text || l.Importance != imp {
		l.Importance = imp
		l.SetText(text)
	}
}

// helpLabel is helper text in a lighter style: smaller, in the ordinary
// text colour so that it stays readable on a projector, in light and dark
// themes alike. Upright: an italic style would make Fyne parse a face set
// of its own (the text face, the 4 MB emoji font and a system fallback,
// about 8 MB resident) for the first step shown, against the memory
// promise of PRODUCT.md §7.
func helpLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// sectionHeading is the title of a part of a step.
func sectionHeading(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.SizeName = theme.SizeNameSubHeadingText
	return container.NewVBox(l, widget.NewSeparator())
}

// fieldBlock lays out one field: its label above, the field, then optional
// helper text and the findings note of the field.
func fieldBlock(label string, field fyne.CanvasObject, help string, note *widget.Label) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.TextStyle = fyne.TextStyle{Bold: true}
	objs := []fyne.CanvasObject{l, field}
	if help != "" {
		objs = append(objs, helpLabel(help))
	}
	if note != nil {
		objs = append(objs, note)
	}
	return container.NewVBox(objs...)
}

// twoColumns puts two blocks side by side with equal widths.
func twoColumns(a, b fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWithColumns(2, a, b)
}

// confirmThen asks before a destructive action and runs do on "yes".
func confirmThen(ed Editor, title, message string, do func()) {
	if ed.Window() == nil {
		return
	}
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			do()
		}
	}, ed.Window())
	d.SetConfirmText(tr("field.remove"))
	d.SetDismissText(tr("field.cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// fieldPlace names a field of a step: the item id and the field name of
// workshop.Where.
type fieldPlace struct{ id, field string }

// fieldPlaces keeps, for one step, the note label under each field and the
// object to focus for each place, so that the step shows its findings next
// to the fields concerned and Focus(where) can scroll to them.
type fieldPlaces struct {
	ed    Editor
	step  string
	notes map[fieldPlace]*widget.Label
	objs  map[fieldPlace]fyne.CanvasObject
}

func newFieldPlaces(ed Editor, step string) *fieldPlaces {
	return &fieldPlaces{ed: ed, step: step, notes: map[fieldPlace]*widget.Label{}, objs: map[fieldPlace]fyne.CanvasObject{}}
}

// note returns the findings note of (id, field), made on first use.
func (p *fieldPlaces) note(id, field string) *widget.Label {
	k := fieldPlace{id, field}
	if l, ok := p.notes[k]; ok {
		return l
	}
	l := newNoteLabel()
	p.notes[k] = l
	return l
}

// place registers obj as the object to bring into view (and focus when it
// can be) for (id, field).
func (p *fieldPlaces) place(id, field string, obj fyne.CanvasObject) {
	p.objs[fieldPlace{id, field}] = obj
}

// forget drops the notes and places of an item whose rows were rebuilt or
// removed.
func (p *fieldPlaces) forget(id string) {
	for k := range p.notes {
		if k.id == id {
			delete(p.notes, k)
		}
	}
	for k := range p.objs {
		if k.id == id {
			delete(p.objs, k)
		}
	}
}

// refresh fills every note from the step's findings. A finding goes under
// its field; when that field has no note, under its item; else under the
// step's general note ("", "") if there is one.
func (p *fieldPlaces) refresh() { p.refreshExcept() }

// refreshExcept is refresh leaving out the findings whose code starts with
// one of the prefixes (shown elsewhere on the step, like the SMART row).
func (p *fieldPlaces) refreshExcept(prefixes ...string) {
	text := map[fieldPlace][]string{}
	sev := map[fieldPlace]workshop.Severity{}
	ul := CurrentLang()
next:
	for _, f := range p.ed.FindingsFor(p.step, "") {
		for _, pre := range prefixes {
			if strings.HasPrefix(string(f.Code), pre) {
				continue next
			}
		}
		k := fieldPlace{f.Where.ID, f.Where.Field}
		if _, ok := p.notes[k]; !ok {
			k.field = ""
			if _, ok := p.notes[k]; !ok {
				k.id = ""
				if _, ok := p.notes[k]; !ok {
					continue
				}
			}
		}
		text[k] = append(text[k], "• "+f.Message(ul))
		if worse(f.Severity, sev[k]) {
			sev[k] = f.Severity
		}
	}
	for k, l := range p.notes {
		showNote(l, strings.Join(text[k], "\n"), importanceOf(sev[k]))
	}
}

// worse reports whether severity a is more serious than b.
func worse(a, b workshop.Severity) bool {
	rank := map[workshop.Severity]int{workshop.SevError: 3, workshop.SevWarning: 2, workshop.SevInfo: 1}
	return rank[a] > rank[b]
}

// importanceOf gives the colour of a note by severity.
func importanceOf(s workshop.Severity) widget.Importance {
	switch s {
	case workshop.SevError:
		return widget.DangerImportance
	case workshop.SevWarning:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// focus scrolls to the place of where (its field, else its item) and
// focuses it when it is focusable.
func (p *fieldPlaces) focus(where workshop.Where) {
	obj, ok := p.objs[fieldPlace{where.ID, where.Field}]
	if !ok {
		if obj, ok = p.objs[fieldPlace{where.ID, ""}]; !ok {
			return
		}
	}
	w := p.ed.Window()
	if w == nil {
		return
	}
	scrollTo(w.Canvas().Content(), obj)
	if f, ok := obj.(fyne.Focusable); ok {
		if dis, ok := obj.(fyne.Disableable); !ok || !dis.Disabled() {
			w.Canvas().Focus(f)
		}
	}
}

// scrollTo scrolls the innermost vertical scroll under root that holds obj
// so that obj shows near its top.
func scrollTo(root, obj fyne.CanvasObject) {
	s := enclosingScroll(root, obj)
	if s == nil || s.Content == nil {
		return
	}
	// Lay the content out first: a step just shown or rebuilt may not be
	// yet, and the scroll clamps its offset to the content's size.
	s.Content.Resize(s.Content.MinSize().Max(s.Size()))
	layoutTree(s.Content)
	pos, ok := positionIn(s.Content, obj)
	if !ok {
		return
	}
	y := pos.Y - theme.Padding()*4
	if max := s.Content.MinSize().Height - s.Size().Height; y > max {
		y = max
	}
	if y < 0 {
		y = 0
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, y))
}

// positionIn is obj's position relative to root, summed over the
// containers between them. (The driver's AbsolutePositionForObject knows
// only objects already drawn, not the rows of a step just rebuilt.)
func positionIn(root, obj fyne.CanvasObject) (fyne.Position, bool) {
	if root == obj {
		return fyne.Position{}, true
	}
	c, ok := root.(*fyne.Container)
	if !ok {
		return fyne.Position{}, false
	}
	for _, child := range c.Objects {
		if p, ok := positionIn(child, obj); ok {
			return child.Position().Add(p), true
		}
	}
	return fyne.Position{}, false
}

// enclosingScroll finds the innermost *container.Scroll under root whose
// content holds obj (fyne objects do not know their parent). It walks
// containers and scrolls, which is how the editor and the steps nest.
func enclosingScroll(root, obj fyne.CanvasObject) *container.Scroll {
	var found *container.Scroll
	var walk func(o fyne.CanvasObject, in *container.Scroll) bool
	walk = func(o fyne.CanvasObject, in *container.Scroll) bool {
		if o == nil {
			return false
		}
		if o == obj {
			found = in
			return true
		}
		switch x := o.(type) {
		case *container.Scroll:
			return walk(x.Content, x)
		case *fyne.Container:
			for _, c := range x.Objects {
				if walk(c, in) {
					return true
				}
			}
		}
		return false
	}
	walk(root, nil)
	return found
}

// stepEditor is the Editor a step hands to its fields: after each change
// it runs the step's refresh, so that findings notes and the values that
// depend on the change follow at once (the editor itself refreshes the
// other steps).
type stepEditor struct {
	Editor
	after func()
}

func (e stepEditor) Edit(fn func(c *workshop.Charter)) bool {
	ok := e.Editor.Edit(fn)
	if ok && e.after != nil {
		e.after()
	}
	return ok
}

// typingEditor is the editor that stores a typed change at once and
// refreshes the widgets that follow it a little later, once for a burst of
// keys (see typingRefreshDelay).
type typingEditor interface {
	editTyped(fn func(c *workshop.Charter)) bool
}

// editTyped applies a change typed in a field: through the editor's
// coalesced refresh when it has one, else as an ordinary Edit.
func editTyped(ed Editor, fn func(c *workshop.Charter)) bool {
	if t, ok := ed.(typingEditor); ok {
		return t.editTyped(fn)
	}
	return ed.Edit(fn)
}

// editTyped leaves the step's refresh to the editor, which refreshes the
// current step with the rest once the typing pauses (the step that hosts
// a field is the one shown while its field is typed in).
func (e stepEditor) editTyped(fn func(c *workshop.Charter)) bool {
	if t, ok := e.Editor.(typingEditor); ok {
		return t.editTyped(fn)
	}
	return e.Edit(fn)
}

func (e stepEditor) EditBoard(fn func(b *workshop.Board)) bool {
	ok := e.Editor.EditBoard(fn)
	if ok && e.after != nil {
		e.after()
	}
	return ok
}

// relayout lays out again the scroll that holds obj after rows were added
// or removed or notes shown or hidden, so that nothing overlaps: fyne
// containers do not tell their parents when their minimum size changes.
func relayout(ed Editor, obj fyne.CanvasObject) {
	w := ed.Window()
	if w == nil {
		return
	}
	s := enclosingScroll(w.Canvas().Content(), obj)
	if s == nil || s.Content == nil {
		return
	}
	want := s.Content.MinSize().Max(s.Size())
	grew := want != s.Content.Size()
	s.Content.Resize(want)
	layoutTree(s.Content)
	if grew {
		s.Refresh() // the scroll bars follow the new height
	}
}

// layoutTree runs the layouts of the containers under o, without
// refreshing any widget.
func layoutTree(o fyne.CanvasObject) {
	c, ok := o.(*fyne.Container)
	if !ok {
		return
	}
	if c.Layout != nil {
		c.Layout.Layout(c.Objects, c.Size())
	}
	for _, child := range c.Objects {
		layoutTree(child)
	}
}

// showOption shows v in sel without calling its OnChanged (the value comes
// from the board, not from the person), adding v to the options when a
// file or another window set a value the list does not offer.
func showOption(sel *widget.Select, v string) {
	if sel.Selected == v {
		return
	}
	if !slices.Contains(sel.Options, v) {
		sel.Options = append(sel.Options, v)
	}
	sel.Selected = v
	sel.Refresh()
}
