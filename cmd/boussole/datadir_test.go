package main

import (
	"strings"
	"testing"
)

// TestDefaultDataDirPerSystem_Issue14_4: the per-user data directory of
// each system, computed on Linux for all of them: %AppData%\boussole on
// Windows with spaces and non-ASCII user names kept as they are, a
// trailing separator not doubled, and a missing or relative %AppData%
// refused with the way out rather than a store in the current directory.
func TestDefaultDataDirPerSystem_Issue14_4(t *testing.T) {
	for _, c := range []struct {
		goos string
		env  map[string]string
		want string
		err  string
	}{
		{"windows", map[string]string{"AppData": `C:\Users\jdoe\AppData\Roaming`}, `C:\Users\jdoe\AppData\Roaming\boussole`, ""},
		{"windows", map[string]string{"AppData": `C:\Users\Zoë Martin-Ångström\AppData\Roaming`}, `C:\Users\Zoë Martin-Ångström\AppData\Roaming\boussole`, ""},
		{"windows", map[string]string{"AppData": `D:\Profils\山田 太郎\AppData\Roaming\`}, `D:\Profils\山田 太郎\AppData\Roaming\boussole`, ""},
		{"windows", map[string]string{"AppData": `\\fileserver\profiles$\jdoe\AppData\Roaming`}, `\\fileserver\profiles$\jdoe\AppData\Roaming\boussole`, ""},
		{"windows", map[string]string{"AppData": `c:/Users/jdoe/AppData/Roaming/`}, `c:/Users/jdoe/AppData/Roaming\boussole`, ""},
		{"windows", map[string]string{"HOME": "/home/x"}, "", "%AppData% is not set"},
		{"windows", map[string]string{"AppData": `AppData\Roaming`}, "", `%AppData% is "AppData\\Roaming", not a full path`},
		{"windows", map[string]string{"AppData": `C:relative`}, "", "not a full path"},
		{"darwin", map[string]string{"HOME": "/Users/zoë martin"}, "/Users/zoë martin/Library/Application Support/boussole", ""},
		{"linux", map[string]string{"HOME": "/home/zoë martin"}, "/home/zoë martin/.config/boussole", ""},
		{"linux", map[string]string{"HOME": "/home/z", "XDG_CONFIG_HOME": "/srv/conf"}, "/srv/conf/boussole", ""},
		{"linux", map[string]string{"HOME": "/home/z", "XDG_CONFIG_HOME": "relative"}, "/home/z/.config/boussole", ""},
		{"freebsd", map[string]string{}, "", "neither $XDG_CONFIG_HOME nor $HOME is set"},
	} {
		got, err := defaultDataDirOn(c.goos, func(k string) string { return c.env[k] })
		switch {
		case c.err != "":
			if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), "--data DIR or BOUSSOLE_DATA") {
				t.Errorf("%s %v: got %q, %v; want an error saying %q and the way out", c.goos, c.env, got, err, c.err)
			}
		case err != nil || got != c.want:
			t.Errorf("%s %v: got %q, %v; want %q", c.goos, c.env, got, err, c.want)
		}
	}
}
