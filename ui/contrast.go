package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Fyne's success colour is the same lime (#43f436) in both variants: on
// the dark background it reads at 12:1, on the light one at 1.5:1, and as
// a button's fill under white text at 1.5:1 too. The app's theme
// (readableColor) keeps the lime where it reads and gives a deep green
// where it does not, so that every text and button that says success (the
// "Signed" status, "Promoted — open", a sum that adds up) reaches WCAG AA
// (4.5:1) in both themes (issue 9 minor).

// aaMin is the WCAG AA contrast ratio for text.
const aaMin = 4.5

// deepGreen reads at 6.3:1 on white and 5:1 on the light hover grey, and
// carries white text at 6.3:1.
var deepGreen = color.NRGBA{R: 0x1e, G: 0x6e, B: 0x2a, A: 0xff}

// readableSuccess is the success colour (or the text colour on it) of th
// in variant v, replaced by deep green and white when th's success colour
// does not reach AA on its background.
func readableSuccess(th fyne.Theme, n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	success := th.Color(theme.ColorNameSuccess, v)
	onSuccess := th.Color(theme.ColorNameForegroundOnSuccess, v)
	if contrastRatio(success, th.Color(theme.ColorNameBackground, v)) >= aaMin && contrastRatio(success, onSuccess) >= aaMin {
		return th.Color(n, v)
	}
	if n == theme.ColorNameSuccess {
		return deepGreen
	}
	return color.White
}

// relLuminance is the WCAG relative luminance of c.
func relLuminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrastRatio is the WCAG contrast ratio of two colours (1 to 21).
func contrastRatio(a, b color.Color) float64 {
	la, lb := relLuminance(a), relLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
