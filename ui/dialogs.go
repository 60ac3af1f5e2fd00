package ui

import (
	"errors"
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
// of the error (workshop.Message), and logs the technical cause. A full
// disk, a refused permission, a read-only file system or an I/O error is
// said in the person's language, with the error's words below it.
func showError(w fyne.Window, titleKey string, err error) {
	fyne.LogError(tr(titleKey), err)
	if key := reasonKey(err); key != "" {
		showProblem(w, titleKey, tr(key), workshop.Message(err))
		return
	}
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

// Restored tells which backup a restore put back, when that backup was
// taken, and where the damaged store was set aside ("" when there was none).
type Restored struct {
	Backup, Aside string
	Taken         time.Time
}

// NoGoodBackup is the error of a restore that found backups but none that
// passes its check: the window then says so, and where they are kept,
// instead of offering the restore again. Around the error of a damaged
// store (StoreProblem), it says that there is no good backup to offer.
type NoGoodBackup struct {
	Folder string // where the backups (damaged) are kept
	Err    error  // the store's message
}

func (e *NoGoodBackup) Error() string { return e.Err.Error() }
func (e *NoGoodBackup) Unwrap() error { return e.Err }

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
		if none := (*NoGoodBackup)(nil); errors.As(err, &none) {
			// Damaged, and no backup to restore: do not offer one.
			body, restore = tr("store.corrupt.nobackup", "Path", path, "Folder", none.Folder), nil
		}
	case workshop.KindTooNew:
		title, body = tr("store.toonew.title"), tr("store.toonew.body", "Path", path)
	default:
		title, body, detail = tr("store.error.title"), workshop.Message(err), ""
		if key := reasonKey(err); key != "" {
			body, detail = tr(key), workshop.Message(err)
		}
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
					var none *NoGoodBackup
					if errors.As(rerr, &none) {
						// Restoring again cannot help: say so, and where
						// the damaged backups are kept.
						showProblem(w, "error.restore", tr("store.nobackup.body", "Folder", none.Folder), workshop.Message(rerr))
						return
					}
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

// showRestored says which backup came back — the date and time it was
// taken, as the store recorded it — and where the damaged file was set
// aside, with the backup's path in small print.
func showRestored(w fyne.Window, r Restored) {
	when := filepath.Base(r.Backup)
	if !r.Taken.IsZero() {
		when = formatStamp(r.Taken.Local())
	}
	body := tr("store.restored.body", "When", when)
	if r.Aside != "" {
		body += "\n\n" + tr("store.restored.aside", "Path", r.Aside)
	}
	showProblem(w, "store.restored.title", body, r.Backup)
}

// formatStamp writes a date and time the way the interface language does,
// as the PDF writes dates: "25 novembre 2026 à 20:18", "25 November 2026
// at 20:18".
func formatStamp(t time.Time) string {
	return tr("time.stamp", "Day", t.Day(), "Month", monthName(t), "Year", t.Year(), "Time", t.Format("15:04"))
}

// formatDay writes a day in the interface language, as the PDF does:
// "30 novembre 2026", "30 November 2026".
func formatDay(t time.Time) string {
	return tr("time.date", "Day", t.Day(), "Month", monthName(t), "Year", t.Year())
}

// dateLabel is a charter's date for reading in the window: the day in
// the interface language, or the stored text as it is when it is not a date.
func dateLabel(d workshop.Date) string {
	if t, ok := d.Time(); ok {
		return formatDay(t)
	}
	return string(d)
}

func monthName(t time.Time) string {
	months := strings.Split(tr("time.months"), ",")
	if len(months) == 12 {
		return strings.TrimSpace(months[t.Month()-1])
	}
	return t.Format("January")
}

// PermissionNotice is a file or folder of the data that was open to other
// users: made private (Fixed), or left open because Boussole could not.
type PermissionNotice struct {
	Path  string
	Fixed bool
}

// ShowPermissionNotices tells the person what the store found about the
// permissions of the data when it opened (nothing when the list is empty).
func (a *App) ShowPermissionNotices(list []PermissionNotice) {
	if len(list) == 0 {
		return
	}
	var lines []string
	for _, n := range list {
		key := "perm.loose"
		if n.Fixed {
			key = "perm.tightened"
		}
		lines = append(lines, tr(key, "Path", n.Path))
	}
	showInfo(a.win, "perm.title", strings.Join(lines, "\n\n"))
}
