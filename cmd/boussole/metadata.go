package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"boussole/assets"
)

// appMetadata is FyneApp.toml as the running binary needs it. Fyne reads
// FyneApp.toml only when the fyne tool builds the binary, or from the
// executable's directory in development; "go build -o bin/boussole" gets
// neither, and without it the fyneDo migration would be off. A test keeps
// the two in step.
func appMetadata() fyne.AppMetadata {
	return fyne.AppMetadata{
		ID:         "fr.boussole.app",
		Name:       "Boussole",
		Version:    version,
		Build:      1,
		Icon:       fyne.NewStaticResource("icon.png", assets.Icon),
		Migrations: map[string]bool{"fyneDo": true},
	}
}

// setAppMetadata installs appMetadata before the window path creates the app.
func setAppMetadata() { app.SetMetadata(appMetadata()) }
