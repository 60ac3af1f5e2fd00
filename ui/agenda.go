package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// sessionChoices are the session lengths offered, in minutes.
var sessionChoices = []int{60, 90, 120, 150, 180, 210, 240, 300, 360, 420, 480}

// agendaView is the session's agenda: each step's start and timebox, laid
// end to end, against the session's length (workshop.Board.Agenda), with
// one action that shares the session out between the steps.
type agendaView struct {
	t       *timebox
	Session *widget.Select
	Rows    []*widget.Select // each step's minutes, in workshop.Steps order
	starts  []*widget.Label
	Total   *widget.Label
	Over    *widget.Label
	Fit     *widget.Button
	dialog  dialog.Dialog
}

// hoursText writes minutes as people say a duration: "2 h", "1 h 30",
// "45 min".
func hoursText(m int) string {
	switch {
	case m < 60:
		return tr("agenda.min", "M", m)
	case m%60 == 0:
		return tr("agenda.h", "H", m/60)
	}
	return tr("agenda.hm", "H", m/60, "M", fmt.Sprintf("%02d", m%60))
}

// clockText is a start within the session: "0:00", "1:45".
func clockText(m int) string { return fmt.Sprintf("%d:%02d", m/60, m%60) }

// showAgenda opens the agenda dialog.
func (t *timebox) showAgenda() {
	v := &agendaView{t: t}
	board := &t.ed.Session().Board
	opts := make([]string, len(sessionChoices))
	for i, m := range sessionChoices {
		opts[i] = hoursText(m)
	}
	v.Session = widget.NewSelect(opts, func(string) {
		i := v.Session.SelectedIndex()
		if i < 0 || i >= len(sessionChoices) || sessionChoices[i] == board.Session() {
			return
		}
		m := sessionChoices[i]
		t.ed.EditBoard(func(b *workshop.Board) { b.SessionMinutes = m })
		v.refresh()
	})
	grid := container.NewVBox()
	for _, st := range workshop.Steps {
		step := st
		start := widget.NewLabel("")
		mins := make([]string, len(timeboxChoices))
		for i, m := range timeboxChoices {
			mins[i] = strconv.Itoa(m)
		}
		sel := widget.NewSelect(mins, nil)
		sel.OnChanged = func(s string) {
			m, err := strconv.Atoi(s)
			if err != nil || m <= 0 || m == board.TimeboxMinutes(step) {
				return
			}
			t.ed.EditBoard(func(b *workshop.Board) {
				if b.Timebox == nil {
					b.Timebox = map[string]int{}
				}
				b.Timebox[step] = m
			})
			v.refresh()
		}
		v.Rows = append(v.Rows, sel)
		v.starts = append(v.starts, start)
		name := widget.NewLabel(workshop.Label(CurrentLang(), step))
		name.Truncation = fyne.TextTruncateEllipsis
		grid.Add(container.NewBorder(nil, nil,
			container.NewGridWrap(fyne.NewSize(56, start.MinSize().Height), start),
			container.NewHBox(container.NewGridWrap(fyne.NewSize(84, sel.MinSize().Height), sel), widget.NewLabel(tr("timebox.minutes"))),
			name))
	}
	v.Total = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Over = widget.NewLabel("")
	v.Over.Wrapping = fyne.TextWrapWord
	v.Fit = widget.NewButton(tr("agenda.fit"), func() {
		t.ed.EditBoard(func(b *workshop.Board) { b.FitAgenda(b.Session()) })
		v.refresh()
	})
	head := container.NewBorder(nil, nil, widget.NewLabel(tr("agenda.session")), nil, v.Session)
	content := container.NewBorder(container.NewVBox(helpLabel(tr("agenda.help")), head, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), v.Total, v.Over, container.NewHBox(v.Fit)), nil, nil,
		container.NewVScroll(grid))
	v.dialog = dialog.NewCustom(tr("agenda.title"), tr("dialog.close"), content, t.ed.Window())
	v.refresh()
	t.agenda = v
	v.dialog.Resize(fyne.NewSize(520, 640))
	v.dialog.Show()
}

// refresh shows the board's agenda, and the header's length with it.
func (v *agendaView) refresh() {
	board := &v.t.ed.Session().Board
	a := board.Agenda()
	for i, it := range a.Items {
		setLabel(v.starts[i], clockText(it.Start))
		m := strconv.Itoa(it.Minutes)
		showOption(v.Rows[i], m)
	}
	sess := hoursText(a.Session)
	showOption(v.Session, sess)
	setLabel(v.Total, tr("agenda.total", "Total", hoursText(a.Total), "Session", sess))
	switch over := a.Over(); {
	case over > 0:
		v.Over.Importance = widget.WarningImportance
		setLabel(v.Over, tr("agenda.over", "Over", hoursText(over)))
	case over < 0:
		v.Over.Importance = widget.MediumImportance
		setLabel(v.Over, tr("agenda.spare", "Spare", hoursText(-over)))
	default:
		v.Over.Importance = widget.SuccessImportance
		setLabel(v.Over, tr("agenda.fits"))
	}
	v.Over.Refresh()
	setEnabled(v.Fit, a.Over() != 0)
	v.t.show()
}
