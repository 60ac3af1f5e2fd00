package workshop

import (
	_ "embed"
	"errors"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // the zones are known on every computer, Windows included, whatever its own database
)

// A charter records the IANA time zone its rituals are held in
// (Charter.TimeZone, "Europe/Paris"): the calendar export places them in it,
// so that a 09:00 sync in Paris shows at 03:00 in New York. Empty means
// unknown: the calendar is then in floating time (R-TZ-2). A charter made
// before the field existed keeps it empty (and so its seal): it is never
// back-filled; only a new charter gets the computer's zone by default.

// maxTimeZoneLen bounds a zone name: the longest IANA name is 32 bytes.
const maxTimeZoneLen = 64

//go:embed timezones.txt
var timeZoneList string

// TimeZoneNames returns the IANA zone names offered for completion (those of
// the tz database's zone.tab, and UTC), sorted. Any other name Go knows
// (a link such as "US/Eastern", "Etc/GMT+5") is accepted too.
func TimeZoneNames() []string {
	return strings.Fields(timeZoneList)
}

// errTimeZone is why a zone name is refused.
var errTimeZone = errors.New("not an IANA time zone name")

// LoadTimeZone returns the location of an IANA zone name as the charter
// records it. Refused: an empty name, "Local" (it names no zone), a name
// longer than 64 bytes or with characters no IANA name has (only ASCII
// letters, digits and / _ + -), and a name Go's zone data does not know.
func LoadTimeZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" || len(name) > maxTimeZoneLen || strings.HasPrefix(name, "/") ||
		strings.Contains(name, "//") || strings.HasSuffix(name, "/") {
		return nil, errTimeZone
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '_' || c == '+' || c == '-') {
			return nil, errTimeZone
		}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, errTimeZone
	}
	return loc, nil
}

// ValidTimeZone reports whether name is a zone LoadTimeZone accepts.
func ValidTimeZone(name string) bool {
	_, err := LoadTimeZone(name)
	return err == nil
}

// ComputerTimeZone returns the IANA name of this computer's time zone, the
// default of a new charter: $TZ when it names a zone, else what the system
// says (the target of /etc/localtime, /etc/timezone; on Windows the zone
// key mapped to its IANA zone). Empty when it cannot be told.
func ComputerTimeZone() string {
	if tz, ok := os.LookupEnv("TZ"); ok {
		if name := zoneFromTZ(tz); name != "" {
			return name
		}
	}
	if name := systemTimeZone(); ValidTimeZone(name) {
		return name
	}
	if name := time.Local.String(); ValidTimeZone(name) {
		return name
	}
	return ""
}

// zoneFromTZ reads a TZ value: "Europe/Paris", ":Europe/Paris", a path
// into a zoneinfo directory, or empty (UTC, as Go reads it). A POSIX rule
// ("CET-1CEST") names no IANA zone: empty.
func zoneFromTZ(tz string) string {
	tz = strings.TrimPrefix(tz, ":")
	if tz == "" {
		return "UTC"
	}
	if name := zoneFromPath(tz); name != "" {
		return name
	}
	if ValidTimeZone(tz) {
		return tz
	}
	return ""
}

// zoneFromPath returns the zone a zoneinfo file path names
// ("/usr/share/zoneinfo/Europe/Paris", "../usr/share/zoneinfo/UTC",
// "/var/db/timezone/zoneinfo/Asia/Tokyo"), or empty.
func zoneFromPath(p string) string {
	const dir = "zoneinfo/"
	i := strings.LastIndex(p, dir)
	if i < 0 {
		return ""
	}
	name := p[i+len(dir):]
	// Debian's "posix/" and "right/" trees hold the same zones.
	name = strings.TrimPrefix(strings.TrimPrefix(name, "posix/"), "right/")
	if ValidTimeZone(name) {
		return name
	}
	return ""
}

// timeZone reports R-TZ-1 (error: the zone is not one Go knows; the
// calendar cannot be exported) and R-TZ-2 (warning: no zone; the calendar
// is in floating time, each reader's own clock). Where: the setup step,
// field "timeZone". R-TZ-1's Args: the zone as typed.
func (v *validator) timeZone() {
	w := Where{Step: StepSetup, Field: "timeZone"}
	switch tz := v.c.TimeZone; {
	case tz == "":
		v.add(RTZ2, SevWarning, w)
	case !ValidTimeZone(tz):
		v.add(RTZ1, SevError, w, tz)
	}
}

// timeZoneMessage writes R-TZ-1 and R-TZ-2.
func timeZoneMessage(l Lang, code RuleCode, zone string) string {
	subject := tr(l, "Fuseau horaire", "Time zone")
	if code == RTZ2 {
		return sentence(l, subject, tr(l, "aucun n’est indiqué ; le calendrier placera les rituels à la même heure dans chaque fuseau (09:00 à Paris comme à New York) : choisissez-en un (par exemple Europe/Paris)",
			"none is given; the calendar will show the rituals at the same clock time in every zone (09:00 in Paris and in New York alike): choose one (for example Europe/Paris)"))
	}
	return sentence(l, subject, Quote(l, visibleCut(zone, 80))+
		tr(l, " n’est pas un fuseau IANA connu ; choisissez-en un dans la liste (par exemple Europe/Paris) pour que le calendrier puisse être exporté",
			" is not a known IANA time zone; choose one from the list (for example Europe/Paris) so that the calendar can be exported"))
}
