package ui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"boussole/assets"
	"boussole/workshop"
)

// Language preferences accepted by SetupLanguage and stored in the settings.
const (
	LangSystem = "system"
	LangFR     = "fr"
	LangEN     = "en"
)

// localeOf maps a language override to the locale Fyne's lang package reads
// from the environment.
var localeOf = map[string]string{LangFR: "fr_FR.UTF-8", LangEN: "en_US.UTF-8"}

// SetupLanguage loads the interface catalogs and chooses their language:
// "" or "system" follows the system language, "fr" and "en" override it.
//
// Fyne has no API to switch language at run time: it reads the locale from
// the environment (LC_ALL, LC_MESSAGES, LANG, then LANGUAGE) when
// translations are added. So an override is written into the environment
// first, and the catalogs are added after. Call it before building any
// screen; it may be called again (tests switch languages).
func SetupLanguage(pref string) {
	if loc, ok := localeOf[pref]; ok {
		os.Setenv("LANGUAGE", pref)
		os.Setenv("LC_ALL", loc)
		os.Setenv("LC_MESSAGES", loc)
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("loading the interface translations", err)
	}
}

// CurrentLang is the language the interface speaks, as chosen by
// SetupLanguage: French when the catalogs answer in French, else English.
func CurrentLang() workshop.Lang {
	if strings.HasPrefix(lang.L("lang.code"), "fr") {
		return workshop.FR
	}
	return workshop.EN
}

// langOf returns l if valid, else the interface language.
func langOf(l workshop.Lang) workshop.Lang {
	if l.Valid() {
		return l
	}
	return CurrentLang()
}

// tr translates key with template data given as pairs: tr("k", "N", 3).
func tr(key string, pairs ...any) string {
	if len(pairs) == 0 {
		return lang.L(key)
	}
	data := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		if k, ok := pairs[i].(string); ok {
			data[k] = pairs[i+1]
		}
	}
	return lang.L(key, data)
}
