//go:build !windows

package workshop

import (
	"os"
	"strings"
)

// systemTimeZone reads the zone of a Unix system: the target of
// /etc/localtime (a link into a zoneinfo directory on Linux and macOS),
// else /etc/timezone (Debian). Empty when neither says.
func systemTimeZone() string {
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if name := zoneFromPath(target); name != "" {
			return name
		}
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil && len(b) < 256 {
		return strings.TrimSpace(string(b))
	}
	return ""
}
