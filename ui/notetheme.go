package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sizedTheme is the app's current theme (read at each call, so that a
// theme chosen in the settings reaches it too) with some sizes changed by
// size: the projector's larger text, the message line's smaller padding.
type sizedTheme struct {
	size func(n fyne.ThemeSizeName, s float32) float32
}

func (sizedTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t sizedTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}
func (t sizedTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t sizedTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t sizedTheme) Size(n fyne.ThemeSizeName) float32       { return t.size(n, t.base().Size(n)) }

// noteTheme has a smaller inner padding, for the message line under a
// field: that line is there whether or not it holds a message (so that
// nothing moves when one appears), and with a label's full padding the
// empty lines spread a form out.
var noteTheme = sizedTheme{func(n fyne.ThemeSizeName, s float32) float32 {
	if n == theme.SizeNameInnerPadding {
		return s / 4
	}
	return s
}}

// compactNote gives l the note theme (the override is registered on the
// label itself; the holder returned by Fyne is not needed).
func compactNote(l *widget.Label) *widget.Label {
	container.NewThemeOverride(l, noteTheme)
	return l
}
