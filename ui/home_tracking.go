package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// The home list's tracking (issue 13 item 4): each signed charter shows its
// status (icon, word, colour) and how many check-ins are overdue; one click
// sorts the list by what needs attention first.

func (h *home) buildTracking() {
	h.byAttention = widget.NewCheck(tr("track.home.sort"), func(bool) { h.filter() })
	h.trackBtn = widget.NewButtonWithIcon(tr("track.button"), theme.InfoIcon(), func() {
		if h.selected != "" {
			h.a.showTracking(h.selected)
		}
	})
}

// loadAttention reads every signed charter's digest (nil without a store
// that keeps them).
func loadAttention(st SessionStore, now time.Time) map[string]workshop.Attention {
	ts, ok := st.(TrackingStore)
	if !ok {
		return nil
	}
	att, err := ts.Attention(now)
	if err != nil {
		fyne.LogError("tracking digests", err)
		return nil
	}
	return att
}

// sortByAttention orders the shown sessions by what needs attention first
// when asked (stable: the newest first among equals).
func (h *home) sortByAttention() {
	if h.byAttention == nil || !h.byAttention.Checked {
		return
	}
	slices.SortStableFunc(h.shown, func(a, b workshop.Summary) int {
		return workshop.NeedsAttention(h.attention[a.ID], h.attention[b.ID])
	})
}

// newAttentionSlot is the row's tracking cell: a status badge and the
// overdue count, empty for a charter that is not tracked.
func newAttentionSlot() *fyne.Container { return container.NewHBox() }

func fillAttention(o fyne.CanvasObject, a workshop.Attention) {
	c := o.(*fyne.Container)
	right := c.Objects[len(c.Objects)-1].(*fyne.Container)
	slot := right.Objects[len(right.Objects)-1].(*fyne.Container)
	slot.Objects = nil
	if a.Tracked {
		slot.Add(statusBadge(a.Status))
		if a.Overdue > 0 {
			od := widget.NewLabel(tr("track.home.overdue", "N", a.Overdue))
			od.Importance = widget.DangerImportance
			slot.Add(od)
		}
	}
	slot.Refresh()
}
