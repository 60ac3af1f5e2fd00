package ui

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// Column widths of the roles matrix. Columns take what the step gives,
// between these bounds, so that three objectives fit beside the names on a
// 1280-pixel screen; an objective column is never narrower than its longest
// role. When even the narrowest columns do not fit, the grid scrolls
// sideways and a line above it says which objectives are out of sight.
const (
	rolesNameMin   = 190
	rolesNameMax   = 240
	rolesColumnMax = 240
)

// rolesStep is step 6: who pilots, contributes, approves or is informed,
// as a matrix participants (rows) × objectives (columns), one role per
// cell, with each objective's R-ROLE state under its column.
type rolesStep struct {
	ed     Editor
	places *fieldPlaces

	grid   *fyne.Container
	layout *columnsLayout
	scroll *fitScroll
	// More says which objectives are out of sight when the grid scrolls.
	More  *widget.Label
	empty *widget.Label
	key   string

	pids, oids []string
	// Cells[participant index][objective index].
	Cells   [][]*widget.Select
	names   []*widget.Label
	funcs   []*widget.Label
	heads   []*widget.Label
	titles  []*widget.Label
	footers [][]*roleRuleLine // per objective, R-ROLE-1..4

	// Suggest fills the empty cells with the roles the participants'
	// functions suggest; SameApply makes the approvers of the objective
	// chosen in SameFrom those of every objective (issue 9). Above the
	// grid, so that no column widens for them.
	Suggest   *widget.Button
	SameFrom  *widget.Select
	SameApply *widget.Button
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
	s.layout = &columnsLayout{}
	s.grid = container.New(s.layout)
	s.empty = newNoteLabel()
	s.More = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	s.More.Importance = widget.WarningImportance
	s.More.Wrapping = fyne.TextWrapWord
	s.More.Hide()
	s.scroll = newFitScroll(s.grid, s.syncMore)
	s.Suggest = widget.NewButtonWithIcon(tr("roles.suggest"), theme.ContentAddIcon(), s.onSuggest)
	s.SameFrom = widget.NewSelect(nil, nil)
	s.SameApply = widget.NewButton(tr("roles.same.apply"), func() {
		if i := s.SameFrom.SelectedIndex(); i >= 0 && i < len(s.oids) {
			s.onSame(s.oids[i])
		}
	})
	content := container.NewVBox(
		sectionHeading(tr("roles.section")),
		helpLabel(tr("roles.help")),
		container.NewHBox(s.Suggest),
		container.NewHBox(widget.NewLabel(tr("roles.same")), s.SameFrom, s.SameApply),
		s.places.note("", ""),
		s.empty,
		s.More,
		s.scroll,
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
	labels := roleChoiceLabels()
	colMin := roleColumnMin(labels)
	s.layout.min = []float32{rolesNameMin}
	s.layout.max = []float32{rolesNameMax}
	for range s.oids {
		s.layout.min = append(s.layout.min, colMin)
		s.layout.max = append(s.layout.max, max32(colMin, rolesColumnMax))
	}

	var cells []fyne.CanvasObject
	// Header row: "O1" and the objective's whole title, wrapped.
	cells = append(cells, widget.NewLabelWithStyle(tr("roles.participant"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	s.heads, s.titles = nil, nil
	for j := range s.oids {
		h := widget.NewLabelWithStyle(tr("roles.objective.short", "N", j+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		t := widget.NewLabel("")
		t.Wrapping = fyne.TextWrapWord
		s.heads = append(s.heads, h)
		s.titles = append(s.titles, t)
		cells = append(cells, container.NewVBox(h, t))
	}
	// One row per participant.
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
			line.Text.Wrapping = fyne.TextWrapWord
			s.footers[j] = append(s.footers[j], line)
			box.Add(container.NewBorder(nil, nil, line.icon, nil, line.Text))
		}
		cells = append(cells, box)
	}
	if np == 0 || no == 0 {
		cells = nil
	}
	short := make([]string, no)
	for j := range short {
		short[j] = tr("roles.objective.short", "N", j+1)
	}
	s.SameFrom.Options = short
	s.SameFrom.ClearSelected()
	if no > 0 {
		s.SameFrom.SetSelectedIndex(0)
	}
	s.grid.Objects = cells
	s.grid.Refresh()
}

// roleColumnMin is the narrowest an objective column may be: its longest
// role label shown whole in a Select.
func roleColumnMin(labels []string) float32 {
	w := widget.NewSelect(labels, nil).MinSize().Width
	for _, l := range labels {
		text := fyne.MeasureText(l, theme.TextSize(), fyne.TextStyle{}).Width
		if need := text + 4*theme.InnerPadding() + theme.IconInlineSize(); need > w {
			w = need
		}
	}
	return float32(math.Ceil(float64(w)))
}

// syncMore tells, above the grid, which objectives are out of sight when
// it scrolls sideways: "O3, O4 →" to the right, "← O1" to the left.
func (s *rolesStep) syncMore(scrolling bool, offset, view float32) {
	if s.More == nil {
		return
	}
	if !scrolling || len(s.oids) == 0 {
		if s.More.Visible() {
			s.More.Hide()
		}
		return
	}
	var left, right []string
	x := float32(0)
	for j, w := range s.layout.widths() {
		start, end := x, x+w
		x = end + theme.Padding()
		name := tr("roles.objective.short", "N", j)
		if j == 0 {
			name = tr("roles.participant") // the names, out of sight once scrolled
		}
		switch {
		case end > offset+view+1:
			right = append(right, name)
		case start < offset-1:
			left = append(left, name)
		}
	}
	text := ""
	switch {
	case len(right) > 0 && len(left) > 0:
		text = tr("roles.more.both", "Left", strings.Join(left, ", "), "Right", strings.Join(right, ", "))
	case len(right) > 0:
		text = tr("roles.more.right", "List", strings.Join(right, ", "))
	case len(left) > 0:
		text = tr("roles.more.left", "List", strings.Join(left, ", "))
	}
	if text == "" {
		s.More.Hide()
		return
	}
	if s.More.Text != text {
		s.More.SetText(text)
	}
	if !s.More.Visible() {
		s.More.Show()
	}
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
		if o := workshop.ByID(c.Objectives, oid); o != nil {
			title = strings.TrimSpace(o.Title)
		}
		if title == "" {
			title = tr("roles.objective.untitled")
		}
		s.titles[j].SetText(title)
	}
	for i, pid := range s.pids {
		name, fn := "", ""
		if p := workshop.ByID(c.Participants, pid); p != nil {
			name, fn = strings.TrimSpace(p.Name), workshop.Label(ul, string(p.Function))
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
	setEnabled(s.Suggest, !ro && len(s.pids) > 0 && len(s.oids) > 0)
	setEnabled(s.SameFrom, !ro && len(s.oids) > 1)
	setEnabled(s.SameApply, !ro && len(s.oids) > 1)
}

// onSuggest gives every empty cell the role its participant's function
// suggests (workshop.SuggestedRole); chosen roles stay, every cell stays
// editable, and Undo takes the suggestion back in one step.
func (s *rolesStep) onSuggest() {
	s.ed.Edit(func(c *workshop.Charter) { c.SuggestRoles() })
}

// onSame makes objective oid's approvers those of every objective, in one
// action; a pilot it would have made an approver stays pilot, and is named.
func (s *rolesStep) onSame(oid string) {
	var kept []workshop.Assignment
	if !s.ed.Edit(func(c *workshop.Charter) { kept = c.SameApprovers(oid) }) || len(kept) == 0 {
		return
	}
	c := s.ed.Charter()
	var lines []string
	for _, a := range kept {
		name, obj := a.ParticipantID, a.ObjectiveID
		if p := workshop.ByID(c.Participants, a.ParticipantID); p != nil {
			name = strings.TrimSpace(p.Name)
		}
		for j, id := range s.oids {
			if id == a.ObjectiveID {
				obj = tr("roles.objective.short", "N", j+1)
			}
		}
		lines = append(lines, tr("roles.same.keptline", "Name", name, "Objective", obj))
	}
	showInfo(s.ed.Window(), "roles.same.kept.title", tr("roles.same.kept")+"\n"+strings.Join(lines, "\n"))
}

// syncFooters shows, under each objective, the state of R-ROLE-1..4.
func (s *rolesStep) syncFooters() {
	codes := []string{"R-ROLE-1", "R-ROLE-2", "R-ROLE-3", "R-ROLE-4"}
	c := s.ed.Charter()
	for j, oid := range s.oids {
		found := map[string]workshop.Finding{}
		for _, f := range s.ed.FindingsFor(workshop.StepRoles, oid) {
			found[string(f.Code)] = f
		}
		roles := c.RolesOf(oid)
		for k, code := range codes {
			line := s.footers[j][k]
			f, bad := found[code]
			n := map[string]int{"R-ROLE-1": roles.Count(workshop.RolePilot), "R-ROLE-2": roles.Count(workshop.RoleContributor),
				"R-ROLE-3": roles.Count(workshop.RoleApprover), "R-ROLE-4": roles.Count(workshop.RoleApprover)}[code]
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
			if code == "R-ROLE-4" && !bad && !roles.SelfApprovalJudged() {
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

// columnsLayout lays objects out row by row in columns. Each column is at
// least min wide; the width given beyond the minimums is shared out evenly,
// a column growing up to its max; what is left stays empty on the right.
// Each row is as tall as its tallest cell once cells have their widths, so
// wrapped text (objective titles) counts with its real number of lines.
type columnsLayout struct {
	min, max []float32
	width    float32 // the width of the last layout
}

// widthsFor shares out total among the columns.
func (l *columnsLayout) widthsFor(total float32) []float32 {
	n := len(l.min)
	ws := append([]float32(nil), l.min...)
	if n == 0 {
		return ws
	}
	extra := total - theme.Padding()*float32(n-1)
	for _, w := range ws {
		extra -= w
	}
	for extra > 0.5 {
		open := 0
		for j := range ws {
			if ws[j] < l.max[j] {
				open++
			}
		}
		if open == 0 {
			break
		}
		share := extra / float32(open)
		for j := range ws {
			if ws[j] < l.max[j] {
				add := min32(share, l.max[j]-ws[j])
				ws[j] += add
				extra -= add
			}
		}
	}
	return ws
}

// widths are the column widths of the last layout (the minimums before).
func (l *columnsLayout) widths() []float32 { return l.widthsFor(l.width) }

func (l *columnsLayout) rows(objs []fyne.CanvasObject) [][]fyne.CanvasObject {
	n := len(l.min)
	if n == 0 {
		return nil
	}
	var out [][]fyne.CanvasObject
	for i := 0; i < len(objs); i += n {
		out = append(out, objs[i:min(i+n, len(objs))])
	}
	return out
}

// rowHeight gives the row's cells their widths, then measures the tallest.
func (l *columnsLayout) rowHeight(row []fyne.CanvasObject, ws []float32) float32 {
	var h float32
	for j, o := range row {
		if o.Size().Width != ws[j] {
			o.Resize(fyne.NewSize(ws[j], o.MinSize().Height))
		}
		h = max32(h, o.MinSize().Height)
	}
	return h
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w, h float32
	for i, x := range l.min {
		if i > 0 {
			w += pad
		}
		w += x
	}
	ws := l.widths()
	for i, row := range l.rows(objs) {
		if i > 0 {
			h += pad
		}
		h += l.rowHeight(row, ws)
	}
	return fyne.NewSize(w, h)
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	l.width = size.Width
	ws := l.widths()
	var y float32
	for _, row := range l.rows(objs) {
		h := l.rowHeight(row, ws)
		var x float32
		for j, o := range row {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(ws[j], h))
			x += ws[j] + pad
		}
		y += h + pad
	}
}

func max32(a, b float32) float32 {
	if a > b {
		return a
	}
	return b
}

// fitScroll shows its content as it is when there is room for it, and in a
// horizontal scroll only when it is wider than the space given: a scroll
// takes every wheel event under the mouse, so an unneeded one would stop
// the step from scrolling down over the grid. onChange hears whether it
// scrolls, the offset and the visible width, after each layout and scroll.
type fitScroll struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	scroll   *container.Scroll
	onChange func(scrolling bool, offset, view float32)
}

func newFitScroll(content fyne.CanvasObject, onChange func(scrolling bool, offset, view float32)) *fitScroll {
	f := &fitScroll{content: content, onChange: onChange}
	f.ExtendBaseWidget(f)
	return f
}

// Scrolling reports whether the content is shown in a scroll now.
func (f *fitScroll) Scrolling() bool { return f.scroll != nil && f.scroll.Visible() }

func (f *fitScroll) changed() {
	if f.onChange == nil {
		return
	}
	if f.Scrolling() {
		f.onChange(true, f.scroll.Offset.X, f.scroll.Size().Width)
	} else {
		f.onChange(false, 0, f.Size().Width)
	}
}

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
		f.changed()
		return
	}
	if f.scroll == nil {
		f.scroll = container.NewHScroll(f.content)
		f.scroll.OnScrolled = func(fyne.Position) { f.changed() }
	}
	f.scroll.Show()
	r.objects = []fyne.CanvasObject{f.scroll}
	f.scroll.Move(fyne.NewPos(0, 0))
	f.scroll.Resize(size)
	f.changed()
}

func (r *fitScrollRenderer) MinSize() fyne.Size {
	m := r.f.content.MinSize()
	return fyne.NewSize(min32(m.Width, rolesNameMin+rolesColumnMax), m.Height)
}

func (r *fitScrollRenderer) Refresh() {
	r.Layout(r.f.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

func (r *fitScrollRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *fitScrollRenderer) Destroy()                     {}
