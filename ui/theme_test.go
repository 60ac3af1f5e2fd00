package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textColorIn is the colour of the first canvas.Text showing s in o.
func textColorIn(t *testing.T, o fyne.CanvasObject, s string) color.Color {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if txt, ok := x.(*canvas.Text); ok && txt.Text == s {
			return txt.Color
		}
	}
	t.Fatalf("no text %q drawn", s)
	return nil
}

// Read-only (disabled) entries of a signed charter are readable in both
// themes, while a disabled button still looks disabled: its label is
// clearly fainter than an enabled button's, and in the light theme (where
// Fyne's disabled fill equals the enabled one) its fill fades.
func TestReadOnlyTextReadableDisabledButtonsStillLookDisabled(t *testing.T) {
	for _, pref := range []string{themeLight, themeDark} {
		t.Run(pref, func(t *testing.T) {
			a := test.NewTempApp(t)
			th := themeFor(pref)
			a.Settings().SetTheme(th)
			v := theme.VariantDark
			if pref == themeLight {
				v = theme.VariantLight
			}
			entry := widget.NewEntry()
			entry.SetText("Signée")
			entry.Disable()
			on := widget.NewButton("Open", nil)
			off := widget.NewButton("Export", nil)
			off.Disable()
			w := test.NewTempWindow(t, container.NewVBox(entry, on, off))
			w.Resize(fyne.NewSize(400, 200))

			text := textColorIn(t, entry, "Signée")
			if c := contrastRatio(text, th.Color(theme.ColorNameInputBackground, v)); c < 3 {
				t.Errorf("read-only entry text contrast %.2f:1 on its background, want ≥ 3:1", c)
			}
			if c := contrastRatio(text, theme.DefaultTheme().Color(theme.ColorNameInputBackground, v)); c < 3 {
				t.Errorf("read-only entry text contrast %.2f:1, want ≥ 3:1", c)
			}
			onText, offText := textColorIn(t, on, "Open"), textColorIn(t, off, "Export")
			if c := contrastRatio(onText, offText); c < 1.8 {
				t.Errorf("a disabled button's label differs from an enabled one by only %.2f:1", c)
			}
			if pref == themeLight && th.Color(theme.ColorNameDisabledButton, v) == th.Color(theme.ColorNameButton, v) {
				t.Error("in the light theme a disabled button has the enabled fill")
			}
		})
	}
}
