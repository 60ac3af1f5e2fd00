package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Settings keys and their defaults, side by side.
const (
	prefLanguage     = "ui.language" // LangSystem, LangFR or LangEN; applied at once
	defLanguage      = LangSystem
	prefTheme        = "ui.theme" // themeSystem, themeLight or themeDark; applied at once
	defTheme         = themeSystem
	prefWindowWidth  = "window.width"
	defWindowWidth   = 1280
	prefWindowHeight = "window.height"
	defWindowHeight  = 820
	prefPaper        = "export.paper" // "A4" or "Letter"
	defPaper         = "A4"
)

// Theme choices.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// Settings are the typed user settings over fyne.Preferences.
type Settings struct{ p fyne.Preferences }

// NewSettings reads and writes settings in p.
func NewSettings(p fyne.Preferences) Settings { return Settings{p: p} }

// Language is the interface language preference: "system", "fr" or "en".
func (s Settings) Language() string {
	v := s.p.StringWithFallback(prefLanguage, defLanguage)
	if v != LangFR && v != LangEN {
		return LangSystem
	}
	return v
}

// SetLanguage stores the interface language preference (App.applyLanguage
// applies it).
func (s Settings) SetLanguage(v string) { s.p.SetString(prefLanguage, v) }

// Theme is the theme preference: "system", "light" or "dark".
func (s Settings) Theme() string {
	v := s.p.StringWithFallback(prefTheme, defTheme)
	if v != themeLight && v != themeDark {
		return themeSystem
	}
	return v
}

// SetTheme stores the theme preference.
func (s Settings) SetTheme(v string) { s.p.SetString(prefTheme, v) }

// WindowSize is the remembered size of the main window.
func (s Settings) WindowSize() fyne.Size {
	w := s.p.FloatWithFallback(prefWindowWidth, defWindowWidth)
	h := s.p.FloatWithFallback(prefWindowHeight, defWindowHeight)
	if w < 640 || h < 480 {
		w, h = defWindowWidth, defWindowHeight
	}
	return fyne.NewSize(float32(w), float32(h))
}

// SetWindowSize remembers the size of the main window.
func (s Settings) SetWindowSize(sz fyne.Size) {
	if sz.Width < 640 || sz.Height < 480 {
		return
	}
	s.p.SetFloat(prefWindowWidth, float64(sz.Width))
	s.p.SetFloat(prefWindowHeight, float64(sz.Height))
}

// Paper is the paper size of PDF exports: "A4" or "Letter".
func (s Settings) Paper() string {
	if s.p.StringWithFallback(prefPaper, defPaper) == "Letter" {
		return "Letter"
	}
	return "A4"
}

// SetPaper stores the paper size of PDF exports.
func (s Settings) SetPaper(v string) { s.p.SetString(prefPaper, v) }

// variantTheme forces the light or dark variant of the default theme, or
// follows the system when force is false.
type variantTheme struct {
	fyne.Theme
	force   bool
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.force {
		v = t.variant
	}
	if c, ok := readableColor(n, v); ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// Readable "disabled" colours. Fyne 2.7 draws the text of a disabled Entry,
// Select, Check or Radio in theme.ColorNameDisabled, and its default is
// nearly the background (#e3e3e3 on the light input's #f3f3f3, #39393a on
// the dark one's #202023): a signed charter, read-only, could hardly be
// read. These greys read at about 3:1 (light) and 5:1 (dark) on an input,
// and stay clearly lighter (light) or dimmer (dark) than ordinary text
// (#565656, #f3f3f3).
//
// A disabled Button draws its label and icon in the same colour and its
// fill in ColorNameDisabledButton (a High importance button loses its
// colour). In the light theme Fyne's disabled fill equals the enabled one
// (#f5f5f5), so with readable text a disabled button would look enabled:
// its fill fades almost to the background instead. A disabled Select also
// takes that fill, which suits read-only content.
var (
	disabledLight       = color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
	disabledDark        = color.NRGBA{R: 0x8a, G: 0x8a, B: 0x8e, A: 0xff}
	disabledButtonLight = color.NRGBA{R: 0xfb, G: 0xfb, B: 0xfb, A: 0xff}
)

// readableColor is the colour of n in variant v where the app differs from
// Fyne's default theme.
func readableColor(n fyne.ThemeColorName, v fyne.ThemeVariant) (color.Color, bool) {
	switch {
	case n == theme.ColorNameDisabled && v == theme.VariantLight:
		return disabledLight, true
	case n == theme.ColorNameDisabled:
		return disabledDark, true
	case n == theme.ColorNameDisabledButton && v == theme.VariantLight:
		return disabledButtonLight, true
	case n == theme.ColorNameSuccess || n == theme.ColorNameForegroundOnSuccess:
		return readableSuccess(theme.DefaultTheme(), n, v), true // contrast.go
	}
	return nil, false
}

// themeFor returns the theme of a theme preference.
func themeFor(pref string) fyne.Theme {
	switch pref {
	case themeLight:
		return variantTheme{Theme: theme.DefaultTheme(), force: true, variant: theme.VariantLight}
	case themeDark:
		return variantTheme{Theme: theme.DefaultTheme(), force: true, variant: theme.VariantDark}
	}
	return variantTheme{Theme: theme.DefaultTheme()}
}

// ApplyTheme sets the app's theme from the settings.
func (s Settings) ApplyTheme(a fyne.App) { a.Settings().SetTheme(themeFor(s.Theme())) }

// settingsForm is the settings dialog's fields; tests drive them.
type settingsForm struct {
	language *widget.Select
	theme    *widget.RadioGroup
	paper    *widget.RadioGroup
	dialog   dialog.Dialog
}

// showSettings opens the settings dialog. Everything applies at once: a
// new language rebuilds the window's screens and the dialog itself.
func (a *App) showSettings() { a.settingsForm().dialog.Show() }

func (a *App) settingsForm() *settingsForm {
	f := &settingsForm{}
	langs := []string{LangSystem, LangFR, LangEN}
	// Each language is named in itself, so that a person who does not
	// read the current one finds theirs.
	langText := []string{tr("settings.lang.system"), tr("settings.lang.fr"), tr("settings.lang.en")}
	ready := false
	f.language = widget.NewSelect(langText, func(string) {
		i := f.language.SelectedIndex()
		if !ready || i < 0 || langs[i] == a.settings.Language() {
			return
		}
		a.applyLanguage(langs[i])
		// The dialog speaks the new language too.
		f.dialog.Hide()
		nf := a.settingsForm()
		a.lastSettings = nf
		nf.dialog.Show()
	})
	for i, v := range langs {
		if v == a.settings.Language() {
			f.language.SetSelectedIndex(i)
		}
	}
	ready = true
	themes := []string{themeSystem, themeLight, themeDark}
	themeText := []string{tr("settings.theme.system"), tr("settings.theme.light"), tr("settings.theme.dark")}
	f.theme = widget.NewRadioGroup(themeText, func(s string) {
		for i, t := range themeText {
			if t == s {
				a.settings.SetTheme(themes[i])
				a.settings.ApplyTheme(a.app)
			}
		}
	})
	f.theme.Horizontal = true
	f.theme.Required = true
	for i, v := range themes {
		if v == a.settings.Theme() {
			f.theme.SetSelected(themeText[i])
		}
	}
	papers := []string{"A4", "Letter"}
	paperText := []string{tr("settings.paper.a4"), tr("settings.paper.letter")}
	f.paper = widget.NewRadioGroup(paperText, func(s string) {
		for i, t := range paperText {
			if t == s {
				a.settings.SetPaper(papers[i])
			}
		}
	})
	f.paper.Horizontal = true
	f.paper.Required = true
	for i, v := range papers {
		if v == a.settings.Paper() {
			f.paper.SetSelected(paperText[i])
		}
	}
	note := helpLabel(tr("settings.lang.note")) // low importance was unreadable in the light theme
	form := widget.NewForm(
		widget.NewFormItem(tr("settings.lang"), container.NewVBox(f.language, note)),
		widget.NewFormItem(tr("settings.theme"), f.theme),
		widget.NewFormItem(tr("settings.paper"), f.paper),
		widget.NewFormItem(tr("room.port"), a.roomPortEntry()),
	)
	f.dialog = dialog.NewCustom(tr("settings.title"), tr("dialog.close"), form, a.win)
	f.dialog.Resize(fyne.NewSize(560, 0))
	return f
}
