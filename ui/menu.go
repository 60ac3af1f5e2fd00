package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"boussole/workshop"
)

// Shortcuts live on main-menu items: canvas shortcuts do not fire while an
// entry has the focus.
var (
	scNew      = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	scOpen     = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	scImport   = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	scPDF      = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	scSettings = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
	scQuit     = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	// Fyne fires menu shortcuts only with a modifier: plain F5 (as in
	// slide software) is caught by the window's key handler, Ctrl+F5 works
	// even while an entry has the focus.
	scPresent = &desktop.CustomShortcut{KeyName: fyne.KeyF5, Modifier: fyne.KeyModifierShortcutDefault}
)

// onTypedKey handles keys no widget took: F5 opens the presentation.
func (a *App) onTypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF5 {
		a.showPresentation()
	}
}

// mainMenu is the window's File / View / Help menus.
func (a *App) mainMenu() *fyne.MainMenu {
	item := func(key string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(tr(key), fn)
		it.Shortcut = sc
		return it
	}
	quit := item("menu.quit", scQuit, a.onClose)
	quit.IsQuit = true
	file := fyne.NewMenu(tr("menu.file"),
		item("menu.new", scNew, a.menuNew),
		item("menu.open", scOpen, a.ShowHome),
		fyne.NewMenuItemSeparator(),
		item("menu.import", scImport, a.menuImport),
		fyne.NewMenuItem(tr("track.menu.import"), a.menuImportCheckIns),
		item("menu.exportpdf", scPDF, a.menuExportPDF),
		fyne.NewMenuItemSeparator(),
		item("menu.settings", scSettings, a.showSettings),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	view := fyne.NewMenu(tr("menu.view"),
		item("menu.present", scPresent, a.showPresentation),
		fyne.NewMenuItem(tr("track.menu.view"), a.menuTracking),
	)
	about := fyne.NewMenuItem(tr("menu.about"), a.showAbout)
	help := fyne.NewMenu(tr("menu.help"), about)
	a.win.Canvas().SetOnTypedKey(a.onTypedKey)
	return fyne.NewMainMenu(file, a.editMenu(), view, help)
}

func (a *App) menuNew() {
	if a.editor != nil {
		a.ShowHome()
		if a.editor != nil {
			return
		}
	}
	a.home.onNew()
}

func (a *App) menuImport() {
	if a.editor != nil {
		a.ShowHome()
		if a.editor != nil {
			return
		}
	}
	a.home.onImport()
}

// menuExportPDF exports the open session's current revision, or tells the
// person to open a session first.
func (a *App) menuExportPDF() {
	if a.editor == nil {
		showInfo(a.win, "menu.exportpdf", tr("export.needsession"))
		return
	}
	a.exportPDF(a.editor.sess, a.editor.sess.Current().Number)
}

// exportPDF asks where to save revision rev of s as PDF and writes it.
func (a *App) exportPDF(s *workshop.Session, rev int) {
	snap := cloneSession(s)
	r, err := snap.Revision(rev)
	if err != nil {
		showError(a.win, "error.export", err)
		return
	}
	paper := a.settings.Paper()
	saveAs(a, fileName(r.Charter.Title, r.Charter.Period.Label, rev, ".pdf"), []string{".pdf"}, func(path string) {
		a.exportNoted(path, func() ([]byte, string, error) {
			data, err := a.d.CharterPDF(snap, rev, paper)
			if err != nil {
				return nil, "", err
			}
			return data, a.pdfSignatureNote(snap, r), nil
		})
	})
}

// pdfSignatureNote says what digital signature the PDF of a signed
// revision carries and what it proves; nothing for a draft. Called off the
// UI goroutine (PDFKey may read the key).
func (a *App) pdfSignatureNote(s *workshop.Session, r *workshop.Revision) string {
	if r.Status != workshop.StatusSigned || a.d.PDFKey == nil {
		return ""
	}
	fp, err := a.d.PDFKey(s, r.Number)
	switch {
	case err != nil:
		return ""
	case fp == "":
		return tr("export.pdf.unsigned")
	}
	return tr("export.pdf.signed", "Key", fp)
}
