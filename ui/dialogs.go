package ui

import (
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// showError tells the person what failed (titleKey) and why, in the words
// of the error (workshop.Message), and logs the technical cause.
func showError(w fyne.Window, titleKey string, err error) {
	fyne.LogError(tr(titleKey), err)
	body := widget.NewLabel(workshop.Message(err))
	body.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(tr(titleKey), tr("dialog.ok"), body, w)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// showProblem tells the person what failed (titleKey) in a sentence of
// their language (body), with the technical detail — the store's English
// message, with its line and column — below it in small print that can be
// selected and quoted to support.
func showProblem(w fyne.Window, titleKey, body, detail string) {
	text := widget.NewLabel(body)
	text.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(text)
	if detail != "" {
		content.Add(detailLabel(detail))
	}
	d := dialog.NewCustom(tr(titleKey), tr("dialog.ok"), content, w)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// detailLabel is a technical detail in small, selectable print.
func detailLabel(detail string) *widget.Label {
	d := widget.NewLabel(tr("store.detail", "Error", detail))
	d.Wrapping = fyne.TextWrapWord
	d.SizeName = theme.SizeNameCaptionText
	d.Selectable = true
	return d
}

// showInfo shows an information dialog with a translated title.
func showInfo(w fyne.Window, titleKey, body string) {
	l := widget.NewLabel(body)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(tr(titleKey), tr("dialog.ok"), l, w)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// showConfirm asks a yes/no question with translated button texts.
func showConfirm(w fyne.Window, titleKey, body, yesKey, noKey string, fn func(bool)) {
	l := widget.NewLabel(body)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(tr(titleKey), tr(yesKey), tr(noKey), l, fn, w)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// Restored tells which backup a restore put back and where the damaged
// store was set aside ("" when there was none).
type Restored struct{ Backup, Aside string }

// StoreProblem fills w with what went wrong opening the store, in plain
// words, and the way out: Quit, and for damaged data "Restore latest
// backup" (restore runs off the UI goroutine; on success reopen is called on
// the UI goroutine, then a dialog says which backup came back and where the
// damaged file is). cmd/boussole shows it when storage.Open fails.
func StoreProblem(w fyne.Window, path string, err error, restore func() (Restored, error), reopen func(), quit func()) {
	// The explanation is in the person's language; the store's own message
	// (English, technical) goes below it in small print, to quote to support.
	var title, body string
	detail := workshop.Message(err)
	switch workshop.KindOf(err) {
	case workshop.KindLocked:
		title, body, detail = tr("store.locked.title"), tr("store.locked.body", "Path", path), ""
	case workshop.KindCorrupt:
		title, body = tr("store.corrupt.title"), tr("store.corrupt.body", "Path", path)
	case workshop.KindTooNew:
		title, body = tr("store.toonew.title"), tr("store.toonew.body", "Path", path)
	default:
		title, body, detail = tr("store.error.title"), workshop.Message(err), ""
	}
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(body)
	text.Wrapping = fyne.TextWrapWord
	texts := container.NewVBox(heading, text)
	if detail != "" {
		texts.Add(detailLabel(detail))
	}
	quitBtn := widget.NewButton(tr("store.quit"), quit)
	buttons := container.NewHBox(layout.NewSpacer(), quitBtn)
	if workshop.KindOf(err) == workshop.KindCorrupt && restore != nil {
		var restoreBtn *widget.Button
		restoreBtn = widget.NewButtonWithIcon(tr("store.restore"), theme.HistoryIcon(), func() {
			restoreBtn.Disable()
			go func() {
				r, rerr := restore()
				fyne.Do(func() {
					if rerr != nil {
						restoreBtn.Enable()
						showError(w, "error.restore", rerr)
						return
					}
					reopen()
					showRestored(w, r)
				})
			}()
		})
		restoreBtn.Importance = widget.HighImportance
		buttons.Add(restoreBtn)
	}
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon()))
	card := container.NewBorder(nil, buttons, container.NewVBox(icon), nil, texts)
	w.SetContent(container.NewPadded(container.New(layout.NewCenterLayout(), container.New(fixedWidth(560), container.NewPadded(card)))))
}

// showRestored says which backup came back — its date and time, read from
// its name boussole-YYYYMMDD-HHMMSS.db — and where the damaged file was
// set aside, with the backup's path in small print.
func showRestored(w fyne.Window, r Restored) {
	when := filepath.Base(r.Backup)
	if t, ok := backupTime(r.Backup); ok {
		when = formatStamp(t)
	}
	body := tr("store.restored.body", "When", when)
	if r.Aside != "" {
		body += "\n\n" + tr("store.restored.aside", "Path", r.Aside)
	}
	showProblem(w, "store.restored.title", body, r.Backup)
}

// backupTime reads the local time in a backup's name,
// boussole-YYYYMMDD-HHMMSS.db.
func backupTime(path string) (time.Time, bool) {
	n := filepath.Base(path)
	if !strings.HasPrefix(n, "boussole-") || !strings.HasSuffix(n, ".db") {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation("20060102-150405", strings.TrimSuffix(strings.TrimPrefix(n, "boussole-"), ".db"), time.Local)
	return t, err == nil
}

// formatStamp writes a date and time the way the interface language does:
// "25 novembre 2026 à 20:18", "November 25, 2026 at 20:18".
func formatStamp(t time.Time) string {
	months := strings.Split(tr("time.months"), ",")
	month := t.Format("January")
	if len(months) == 12 {
		month = strings.TrimSpace(months[t.Month()-1])
	}
	return tr("time.stamp", "Day", t.Day(), "Month", month, "Year", t.Year(), "Time", t.Format("15:04"))
}
