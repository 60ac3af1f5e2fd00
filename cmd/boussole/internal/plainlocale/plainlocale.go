// Package plainlocale keeps Fyne from logging errors under a "C.UTF-8" or
// "POSIX.UTF-8" locale, common in containers and CI.
//
// Fyne reads the locale while its lang package initialises, turns
// "C.UTF-8" into the language tag "C", fails to parse it and logs the
// failure four times on standard error — before main runs, so even
// "boussole list" would print it. Fyne's locale reader skips a plain "C" but
// honours $LANGUAGE otherwise; setting LANGUAGE=en under a C locale gives
// the English Fyne would fall back to anyway, and changes nothing else: the C
// library ignores LANGUAGE under a C locale, and LC_CTYPE (what X input
// methods use) is left as it is.
//
// It works by initialisation order: Go initialises packages in import-path
// order once their imports are ready, this package imports only os and
// strings (which Fyne's lang package needs too), and "boussole/…" sorts
// before "fyne.io/…". main imports it for its side effect.
package plainlocale

import (
	"os"
	"strings"
)

func init() { apply(os.Getenv, os.Setenv) }

// apply sets LANGUAGE=en when the effective locale is a C or POSIX locale
// with an encoding or modifier and LANGUAGE is not set.
func apply(getenv func(string) string, setenv func(string, string) error) {
	if getenv("LANGUAGE") != "" {
		return
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		base, _, _ = strings.Cut(base, "@")
		if (base == "C" || base == "POSIX") && v != base {
			_ = setenv("LANGUAGE", "en")
		}
		return
	}
}
