package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noteTheme is the app's theme with a smaller inner padding, for the
// message line under a field: that line is there whether or not it holds a
// message (so that nothing moves when one appears), and with a label's
// full padding the empty lines spread a form out.
type noteTheme struct{}

func (noteTheme) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t noteTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.current().Color(n, v)
}

func (t noteTheme) Font(s fyne.TextStyle) fyne.Resource { return t.current().Font(s) }

func (t noteTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.current().Icon(n) }

func (t noteTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.current().Size(n)
	if n == theme.SizeNameInnerPadding {
		return s / 4
	}
	return s
}

// compactNote gives l the note theme (the override is registered on the
// label itself; the holder returned by Fyne is not needed).
func compactNote(l *widget.Label) *widget.Label {
	container.NewThemeOverride(l, noteTheme{})
	return l
}
