package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"boussole/assets"
	"boussole/workshop"
)

// showAbout shows the version, where the data lives and the licences.
func (a *App) showAbout() {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	name := widget.NewLabelWithStyle(tr("app.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	tagline := widget.NewLabelWithStyle(tr("about.tagline"), fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	tagline.Wrapping = fyne.TextWrapWord
	version := widget.NewLabel(tr("about.version", "Version", a.d.Version))
	data := widget.NewLabel(tr("about.data", "Path", a.d.Store.Path()))
	data.Wrapping = fyne.TextWrapBreak
	data.Selectable = true
	keyText := tr("about.key.none")
	if k := a.ownKeyDER(); k != nil {
		keyText = tr("about.key", "Fingerprint", workshop.KeyFingerprint(k))
	}
	key := widget.NewLabel(keyText)
	key.Wrapping = fyne.TextWrapWord
	key.Selectable = true
	a.aboutKey = key
	licences := widget.NewLabel(tr("about.licences"))
	licences.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(icon, name, tagline, widget.NewSeparator(), version, data, key, licences)
	d := dialog.NewCustom(tr("menu.about"), tr("dialog.close"), box, a.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
