// Package assets holds the files embedded in Boussole: the application
// icon, the interface translations and the template and KPI-library data.
package assets

import "embed"

// Icon is the application icon (PNG, 512×512): a compass.
//
//go:embed icon.png
var Icon []byte

// Translations holds the interface catalogs, one per screen and language,
// translations/<screen>.{en,fr}.json (home, editor, steps, review,
// presentation, settings, dialogs; which key goes where is screenOf in
// catalogs_test.go), in the layout fyne's lang.AddTranslationsFS reads.
//
//go:embed translations
var Translations embed.FS
