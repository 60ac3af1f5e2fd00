package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// Column widths of the roles matrix: fixed, so that the grid reads the
// same on a laptop and on a projector; it scrolls sideways when the
// objectives do not fit.
const (
	rolesNameWidth   = 260
	rolesColumnWidth = 230
)

// rolesStep is step 6: who pilots, contributes, approves or is informed,
// as a matrix participants (rows) × objectives (columns), one role per
// cell, with each objective's R-ROLE state under its column.
type rolesStep struct {
	ed     Editor
	places *fieldPlaces

	legend *fyne.Container
	grid   *fyne.Container
	empty  *widget.Label
	key    string

	pids, oids []string
	// Cells[participant index][objective index].
	Cells   [][]*widget.Select
	names   []*widget.Label
	funcs   []*widget.Label
	heads   []*widget.Label
	titles  []*widget.Label
	footers [][]*roleRuleLine // per objective, R-ROLE-1..4
	legends []*widget.Label
}

// roleRuleLine shows one rule's state under an objective's column.
type roleRuleLine struct {
	icon *widget.Icon
	Text *widget.Label
	OK   bool
}

// roleChoices is the order of a cell's options; "" is "—", no role.
var roleChoices = []workshop.Role{workshop.RolePilot, workshop.RoleContributor, workshop.RoleApprover, workshop.RoleInformed, ""}

func newRolesStep() Step { return &rolesStep{} }

func (s *rolesStep) ID() string    { return workshop.StepRoles }
func (s *rolesStep) Title() string { return tr("roles.title") }

func (s *rolesStep) Build(ed Editor) fyne.CanvasObject {
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepRoles)
	s.legend = container.NewVBox()
	s.grid = container.New(&columnsLayout{})
	s.empty = newNoteLabel()
	content := container.NewVBox(
		sectionHeading(tr("roles.section")),
		helpLabel(tr("roles.help")),
		s.places.note("", ""),
		s.empty,
		s.legend,
		newFitScroll(s.grid),
	)
	s.Refresh()
	return content
}

// roleOf returns the role of participant pid on objective oid ("" for none).
func roleOf(c *workshop.Charter, pid, oid string) workshop.Role {
	for _, a := range c.Roles {
		if a.ParticipantID == pid && a.ObjectiveID == oid {
			return a.Role
		}
	}
	return ""
}

// setRole gives participant pid the role r on objective oid, replacing any
// other (one role per participant per objective); "" removes it.
func setRole(c *workshop.Charter, pid, oid string, r workshop.Role) {
	out := make([]workshop.Assignment, 0, len(c.Roles)+1)
	placed := false
	for _, a := range c.Roles {
		if a.ParticipantID == pid && a.ObjectiveID == oid {
			if r != "" && !placed {
				a.Role = r
				out = append(out, a)
				placed = true
			}
			continue
		}
		out = append(out, a)
	}
	if r != "" && !placed {
		out = append(out, workshop.Assignment{ParticipantID: pid, ObjectiveID: oid, Role: r})
	}
	c.Roles = out
}

func roleChoiceLabels() []string {
	out := make([]string, len(roleChoices))
	for i, r := range roleChoices {
		if r == "" {
			out[i] = tr("roles.none")
		} else {
			out[i] = workshop.Label(CurrentLang(), string(r))
		}
	}
	return out
}

// rebuild makes the grid for the current participants and objectives.
func (s *rolesStep) rebuild(c *workshop.Charter) {
	for _, oid := range s.oids {
		s.places.forget(oid)
	}
	s.pids, s.oids = nil, nil
	for _, p := range c.Participants {
		s.pids = append(s.pids, p.ID)
	}
	for _, o := range c.Objectives {
		s.oids = append(s.oids, o.ID)
	}
	s.places.place("", "", s.grid)
	np, no := len(s.pids), len(s.oids)
	widths := []float32{rolesNameWidth}
	for range s.oids {
		widths = append(widths, rolesColumnWidth)
	}
	s.grid.Layout = &columnsLayout{widths: widths}

	var cells []fyne.CanvasObject
	// Header row.
	cells = append(cells, widget.NewLabelWithStyle(tr("roles.participant"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	s.heads, s.titles, s.legends = nil, nil, nil
	s.legend.Objects = nil
	for j := range s.oids {
		h := widget.NewLabelWithStyle(tr("roles.objective.short", "N", j+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		t := widget.NewLabel("")
		t.Truncation = fyne.TextTruncateEllipsis
		s.heads = append(s.heads, h)
		s.titles = append(s.titles, t)
		cells = append(cells, container.NewVBox(h, t))
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		s.legends = append(s.legends, l)
		s.legend.Objects = append(s.legend.Objects, l)
	}
	// One row per participant.
	labels := roleChoiceLabels()
	s.Cells = make([][]*widget.Select, np)
	s.names, s.funcs = nil, nil
	for i, pid := range s.pids {
		name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		fn := widget.NewLabel("")
		fn.SizeName = theme.SizeNameCaptionText
		s.names = append(s.names, name)
		s.funcs = append(s.funcs, fn)
		cells = append(cells, container.NewBorder(nil, nil, nil, fn, name))
		s.Cells[i] = make([]*widget.Select, no)
		for j, oid := range s.oids {
			sel := widget.NewSelect(labels, nil)
			sel.PlaceHolder = tr("roles.none")
			sel.OnChanged = func(string) { s.onCell(pid, oid, sel) }
			s.Cells[i][j] = sel
			cells = append(cells, container.NewVBox(sel))
			if i == 0 {
				s.places.place(oid, "", sel)
			}
		}
	}
	// Footer: each objective's rules.
	cells = append(cells, widget.NewLabelWithStyle(tr("roles.check"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	s.footers = make([][]*roleRuleLine, no)
	for j := range s.oids {
		box := container.NewVBox()
		for range 4 {
			line := &roleRuleLine{icon: widget.NewIcon(nil), Text: widget.NewLabel("")}
			line.Text.SizeName = theme.SizeNameCaptionText
			s.footers[j] = append(s.footers[j], line)
			box.Add(container.NewBorder(nil, nil, line.icon, nil, line.Text))
		}
		cells = append(cells, box)
	}
	if np == 0 || no == 0 {
		cells = nil
		s.legend.Objects = nil
	}
	s.grid.Objects = cells
	s.grid.Refresh()
	s.legend.Refresh()
}

// onCell stores the role chosen in a cell.
func (s *rolesStep) onCell(pid, oid string, sel *widget.Select) {
	i := sel.SelectedIndex()
	if i < 0 || i >= len(roleChoices) {
		return
	}
	r := roleChoices[i]
	if roleOf(s.ed.Charter(), pid, oid) == r {
		return
	}
	s.ed.Edit(func(c *workshop.Charter) { setRole(c, pid, oid, r) })
}

func (s *rolesStep) Refresh() {
	if s.ed == nil {
		return
	}
	c := s.ed.Charter()
	var key strings.Builder
	for _, p := range c.Participants {
		key.WriteString(p.ID + ",")
	}
	key.WriteString("|")
	for _, o := range c.Objectives {
		key.WriteString(o.ID + ",")
	}
	if key.String() != s.key {
		s.key = key.String()
		s.rebuild(c)
	}
	switch {
	case len(c.Participants) == 0:
		showNote(s.empty, tr("roles.noparticipants"), widget.WarningImportance)
	case len(c.Objectives) == 0:
		showNote(s.empty, tr("roles.noobjectives"), widget.WarningImportance)
	default:
		showNote(s.empty, "", widget.MediumImportance)
	}
	ro := s.ed.ReadOnly()
	ul := CurrentLang()
	for j, oid := range s.oids {
		title := ""
		for _, o := range c.Objectives {
			if o.ID == oid {
				title = strings.TrimSpace(o.Title)
			}
		}
		if title == "" {
			title = tr("roles.objective.untitled")
		}
		s.titles[j].SetText(title)
		s.legends[j].SetText(fmt.Sprintf("%s — %s", tr("roles.objective.short", "N", j+1), title))
	}
	for i, pid := range s.pids {
		name, fn := "", ""
		for _, p := range c.Participants {
			if p.ID == pid {
				name, fn = strings.TrimSpace(p.Name), workshop.Label(ul, string(p.Function))
			}
		}
		if name == "" {
			name = tr("roles.participant.unnamed", "N", i+1)
		}
		s.names[i].SetText(name)
		s.funcs[i].SetText(fn)
		for j, oid := range s.oids {
			sel := s.Cells[i][j]
			r := roleOf(c, pid, oid)
			for k, x := range roleChoices {
				if x == r && sel.SelectedIndex() != k {
					sel.SetSelectedIndex(k)
				}
			}
			setEnabled(sel, !ro)
		}
	}
	s.syncFooters()
	s.places.refreshExcept("R-ROLE-")
}

// syncFooters shows, under each objective, the state of R-ROLE-1..4.
func (s *rolesStep) syncFooters() {
	codes := []string{"R-ROLE-1", "R-ROLE-2", "R-ROLE-3", "R-ROLE-4"}
	c := s.ed.Charter()
	for j, oid := range s.oids {
		found := map[string]workshop.Finding{}
		for _, f := range s.ed.FindingsFor(workshop.StepRoles, oid) {
			found[f.Code] = f
		}
		counts := map[workshop.Role]int{}
		for _, a := range c.Roles {
			if a.ObjectiveID == oid && hasString(s.pids, a.ParticipantID) {
				counts[a.Role]++
			}
		}
		for k, code := range codes {
			line := s.footers[j][k]
			f, bad := found[code]
			n := map[string]int{"R-ROLE-1": counts[workshop.RolePilot], "R-ROLE-2": counts[workshop.RoleContributor],
				"R-ROLE-3": counts[workshop.RoleApprover], "R-ROLE-4": counts[workshop.RoleApprover]}[code]
			key := fmt.Sprintf("roles.rule%d.ok", k+1)
			var res fyne.Resource = theme.NewSuccessThemedResource(theme.ConfirmIcon())
			imp := widget.MediumImportance
			if bad {
				key = fmt.Sprintf("roles.rule%d.bad", k+1)
				if f.Severity == workshop.SevError {
					res = theme.NewErrorThemedResource(theme.ErrorIcon())
					imp = widget.DangerImportance
				} else {
					res = theme.NewWarningThemedResource(theme.WarningIcon())
					imp = widget.WarningImportance
				}
			}
			if code == "R-ROLE-4" && !bad && (counts[workshop.RolePilot] != 1 || counts[workshop.RoleApprover] == 0) {
				// Self-approval cannot be judged before one pilot and an approver are named.
				key, res, imp = "roles.rule4.na", theme.NewDisabledResource(theme.RadioButtonIcon()), widget.LowImportance
			}
			line.OK = !bad
			line.icon.SetResource(res)
			line.Text.Importance = imp
			line.Text.SetText(tr(key, "N", n))
		}
	}
}

func (s *rolesStep) Focus(where workshop.Where) {
	if s.places != nil {
		s.places.focus(where)
	}
}

// columnsLayout lays objects out row by row in columns of fixed widths;
// each row is as tall as its tallest cell.
type columnsLayout struct{ widths []float32 }

func (l *columnsLayout) rows(objs []fyne.CanvasObject) [][]fyne.CanvasObject {
	n := len(l.widths)
	if n == 0 {
		return nil
	}
	var out [][]fyne.CanvasObject
	for i := 0; i < len(objs); i += n {
		end := i + n
		if end > len(objs) {
			end = len(objs)
		}
		out = append(out, objs[i:end])
	}
	return out
}

func (l *columnsLayout) rowHeight(row []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range row {
		if m := o.MinSize().Height; m > h {
			h = m
		}
	}
	return h
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w, h float32
	for i, x := range l.widths {
		if i > 0 {
			w += pad
		}
		w += x
	}
	for i, row := range l.rows(objs) {
		if i > 0 {
			h += pad
		}
		h += l.rowHeight(row)
	}
	return fyne.NewSize(w, h)
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	pad := theme.Padding()
	var y float32
	for _, row := range l.rows(objs) {
		h := l.rowHeight(row)
		var x float32
		for j, o := range row {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(l.widths[j], h))
			x += l.widths[j] + pad
		}
		y += h + pad
	}
}

// fitScroll shows its content as it is when there is room for it, and in a
// horizontal scroll only when it is wider than the space given: a scroll
// takes every wheel event under the mouse, so an unneeded one would stop
// the step from scrolling down over the grid.
type fitScroll struct {
	widget.BaseWidget
	content fyne.CanvasObject
	scroll  *container.Scroll
}

func newFitScroll(content fyne.CanvasObject) *fitScroll {
	f := &fitScroll{content: content}
	f.ExtendBaseWidget(f)
	return f
}

// Scrolling reports whether the content is shown in a scroll now.
func (f *fitScroll) Scrolling() bool { return f.scroll != nil && f.scroll.Visible() }

func (f *fitScroll) CreateRenderer() fyne.WidgetRenderer {
	return &fitScrollRenderer{f: f, objects: []fyne.CanvasObject{f.content}}
}

type fitScrollRenderer struct {
	f       *fitScroll
	objects []fyne.CanvasObject
}

func (r *fitScrollRenderer) Layout(size fyne.Size) {
	f := r.f
	if size.Width >= f.content.MinSize().Width {
		if f.scroll != nil {
			f.scroll.Hide()
		}
		r.objects = []fyne.CanvasObject{f.content}
		f.content.Move(fyne.NewPos(0, 0))
		f.content.Resize(size)
		return
	}
	if f.scroll == nil {
		f.scroll = container.NewHScroll(f.content)
	}
	f.scroll.Show()
	r.objects = []fyne.CanvasObject{f.scroll}
	f.scroll.Move(fyne.NewPos(0, 0))
	f.scroll.Resize(size)
}

func (r *fitScrollRenderer) MinSize() fyne.Size {
	m := r.f.content.MinSize()
	return fyne.NewSize(min32(m.Width, rolesNameWidth+rolesColumnWidth), m.Height)
}

func (r *fitScrollRenderer) Refresh() {
	r.Layout(r.f.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

func (r *fitScrollRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *fitScrollRenderer) Destroy()                     {}
