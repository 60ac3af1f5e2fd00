package ui

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path"
	"strings"
	"sync"
	"text/template"

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

// The interface uiCatalogs are ours: Fyne's lang package picks its language
// once, when translations are first added, and reads the environment only
// on Linux. Our lookup follows uiLang, which SetLanguage changes at any
// time; the open screens are then rebuilt (App.applyLanguage).
var (
	catMu      sync.RWMutex
	uiLang     = workshop.EN
	uiCatalogs map[workshop.Lang]map[string]string
	parsed     = map[string]*template.Template{} // by language + key

	sysOnce sync.Once
	sysLang workshop.Lang // the system's language, read before any override
)

// loadCatalogs reads every assets/translations/*.<lang>.json (and
// <lang>.json) once.
func loadCatalogs() map[workshop.Lang]map[string]string {
	if uiCatalogs != nil {
		return uiCatalogs
	}
	out := map[workshop.Lang]map[string]string{workshop.EN: {}, workshop.FR: {}}
	files, err := fs.ReadDir(assets.Translations, "translations")
	if err != nil {
		fyne.LogError("reading the interface translations", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(f.Name(), ".json")
		l := workshop.Lang(name[strings.LastIndex(name, ".")+1:])
		m, ok := out[l]
		if !ok {
			continue
		}
		data, err := fs.ReadFile(assets.Translations, path.Join("translations", f.Name()))
		var kv map[string]string
		if err == nil {
			err = json.Unmarshal(data, &kv)
		}
		if err != nil {
			fyne.LogError("loading the interface translations "+f.Name(), err)
			continue
		}
		if l == workshop.FR {
			// French texts get their no-break spaces here, once, so that a
			// wrapped label never starts a line with « : » or « ? ».
			for k, v := range kv {
				kv[k] = workshop.FrenchPunctuation(v)
			}
		}
		maps.Copy(m, kv)
	}
	uiCatalogs = out
	return out
}

// systemLang is the language of the system's locale, read once (before an
// override rewrites the environment): French when it is French, else
// English.
func systemLang() workshop.Lang {
	sysOnce.Do(func() {
		sysLang = workshop.EN
		if strings.HasPrefix(strings.ToLower(lang.SystemLocale().LanguageString()), "fr") {
			sysLang = workshop.FR
		}
	})
	return sysLang
}

// resolveLang is the language a preference means.
func resolveLang(pref string) workshop.Lang {
	switch pref {
	case LangFR:
		return workshop.FR
	case LangEN:
		return workshop.EN
	}
	return systemLang()
}

// SetupLanguage loads the interface uiCatalogs and chooses their language at
// start: "" or "system" follows the system language, "fr" and "en"
// override it. It also hands the uiCatalogs to Fyne, whose own texts (dialog
// buttons, the file dialog, an entry's context menu) follow the language
// Fyne picks then: an override is written into the environment first,
// which Fyne reads on Linux. Call it before building any screen; it may be
// called again (tests switch languages).
func SetupLanguage(pref string) {
	systemLang()
	if loc, ok := localeOf[pref]; ok {
		os.Setenv("LANGUAGE", pref)
		os.Setenv("LC_ALL", loc)
		os.Setenv("LC_MESSAGES", loc)
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("loading the interface translations", err)
	}
	SetLanguage(pref)
}

// SetLanguage switches our uiCatalogs to the language pref means, at once.
// Screens already built keep their texts until rebuilt.
func SetLanguage(pref string) {
	l := resolveLang(pref)
	catMu.Lock()
	loadCatalogs()
	uiLang = l
	catMu.Unlock()
}

// CurrentLang is the language the interface speaks.
func CurrentLang() workshop.Lang {
	catMu.RLock()
	defer catMu.RUnlock()
	return uiLang
}

// langOf returns l if valid, else the interface language.
func langOf(l workshop.Lang) workshop.Lang {
	if l.Valid() {
		return l
	}
	return CurrentLang()
}

// tr translates key with template data given as pairs: tr("k", "N", 3).
// A key missing in the interface language falls back to English, then to
// the key itself.
func tr(key string, pairs ...any) string {
	catMu.RLock()
	l := uiLang
	cats := uiCatalogs
	catMu.RUnlock()
	if cats == nil {
		catMu.Lock()
		cats = loadCatalogs()
		catMu.Unlock()
	}
	text, ok := cats[l][key]
	if !ok {
		l = workshop.EN
		if text, ok = cats[l][key]; !ok {
			return key
		}
	}
	if len(pairs) == 0 && !strings.Contains(text, "{{") {
		return text
	}
	data := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		if k, ok := pairs[i].(string); ok {
			data[k] = pairs[i+1]
		}
	}
	id := string(l) + "\x00" + key
	catMu.RLock()
	tpl := parsed[id]
	catMu.RUnlock()
	if tpl == nil {
		var err error
		if tpl, err = template.New(key).Parse(text); err != nil {
			fyne.LogError("translation "+key, err)
			return text
		}
		catMu.Lock()
		parsed[id] = tpl
		catMu.Unlock()
	}
	var b bytes.Buffer
	if err := tpl.Execute(&b, data); err != nil {
		fyne.LogError("translation "+key, err)
		return text
	}
	return b.String()
}
