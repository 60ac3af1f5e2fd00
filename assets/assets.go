// Package assets holds the files embedded in Boussole: the application
// icon, the interface translations and the template and KPI-library data.
package assets

import "embed"

// Icon is the application icon (PNG, 512×512): a compass.
//
//go:embed icon.png
var Icon []byte

// Translations holds the interface catalogs, translations/[prefix.]{en,fr}.json,
// in the layout fyne's lang.AddTranslationsFS reads.
//
//go:embed translations
var Translations embed.FS
