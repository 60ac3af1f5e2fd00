package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"boussole/workshop"
)

// tzCase is a charter in a zone and a period, with the UTC instants of the
// first and last occurrence of each ritual, worked out by hand from the
// zone's rules (Paris: CET +1, CEST +2 from 28 March 2027; New York: EST
// -5, EDT -4 from 14 March to 7 November 2027; Tokyo: JST +9, no DST).
type tzCase struct {
	zone, period string
	want         map[string][2]string // ritual id → first, last (UTC, RFC 3339)
}

var tzCases = []tzCase{
	{"Europe/Paris", "2027-Q1", map[string][2]string{ // crosses the spring change
		"r1": {"2027-01-04T08:30:00Z", "2027-03-29T07:30:00Z"},
		"r2": {"2027-01-05T13:00:00Z", "2027-03-02T13:00:00Z"},
		"r3": {"2027-01-07T09:00:00Z", "2027-01-07T09:00:00Z"},
		"r4": {"2027-01-01T15:15:00Z", "2027-03-26T15:15:00Z"},
	}},
	{"America/New_York", "2027-Q1", map[string][2]string{ // crosses the spring change
		"r1": {"2027-01-04T14:30:00Z", "2027-03-29T13:30:00Z"},
		"r2": {"2027-01-05T19:00:00Z", "2027-03-02T19:00:00Z"},
		"r3": {"2027-01-07T15:00:00Z", "2027-01-07T15:00:00Z"},
		"r4": {"2027-01-01T21:15:00Z", "2027-03-26T20:15:00Z"},
	}},
	{"America/New_York", "2027-Q4", map[string][2]string{ // crosses the autumn change
		"r1": {"2027-10-04T13:30:00Z", "2027-12-27T14:30:00Z"},
		"r2": {"2027-10-05T18:00:00Z", "2027-12-07T19:00:00Z"},
		"r3": {"2027-10-07T14:00:00Z", "2027-10-07T14:00:00Z"},
		"r4": {"2027-10-01T20:15:00Z", "2027-12-24T21:15:00Z"},
	}},
	{"Asia/Tokyo", "2027-Q1", map[string][2]string{ // no daylight saving time
		"r1": {"2027-01-04T00:30:00Z", "2027-03-29T00:30:00Z"},
		"r2": {"2027-01-05T05:00:00Z", "2027-03-02T05:00:00Z"},
		"r3": {"2027-01-07T01:00:00Z", "2027-01-07T01:00:00Z"},
		"r4": {"2027-01-01T07:15:00Z", "2027-03-26T07:15:00Z"},
	}},
}

// zonedSession is the full session with its charter in zone and period,
// and a fourth ritual every two weeks.
func zonedSession(t *testing.T, zone, period string) *workshop.Session {
	t.Helper()
	s := fullSession(t, workshop.EN, true)
	c := &s.Current().Charter
	p, err := workshop.PeriodFromLabel(period)
	if err != nil {
		t.Fatal(err)
	}
	c.Period, c.TimeZone = p, zone
	c.Rituals = append(c.Rituals, workshop.Ritual{ID: "r4", Kind: workshop.RitualCustom, Name: "Pipeline",
		Cadence: workshop.CadenceBiweekly, Weekday: time.Friday, Time: "16:15", Minutes: 45, Attendees: []string{"p3"}})
	return s
}

// TestRitualsICS_TimeZoneTwoParsers_Issue10_11 reads each calendar back
// with golang-ical and with Debian's python3-icalendar and checks the UTC
// instants of the first and last occurrence of every ritual, twice each:
// through the TZID (the readers' own zone data) and through the file's
// VTIMEZONE alone (so that a calendar that only trusts the file agrees).
func TestRitualsICS_TimeZoneTwoParsers_Issue10_11(t *testing.T) {
	py := icalendarPython(t)
	for _, tc := range tzCases {
		t.Run(strings.ReplaceAll(tc.zone, "/", "_")+"_"+tc.period, func(t *testing.T) {
			data, err := RitualsICS(zonedSession(t, tc.zone, tc.period), 1)
			if err != nil {
				t.Fatal(err)
			}
			checkICSLines(t, data)
			goGot := goICSInstants(t, data, tc.zone)
			pyGot := pythonICSInstants(t, py, data)
			for _, got := range []struct {
				reader string
				m      map[string][2]string
			}{
				{"golang-ical (TZID)", goGot["tzid"]}, {"golang-ical (VTIMEZONE)", goGot["vtimezone"]},
				{"python3-icalendar (TZID)", pyGot["tzid"]}, {"python3-icalendar (VTIMEZONE)", pyGot["vtimezone"]},
			} {
				for id, want := range tc.want {
					if got.m[id] != want {
						t.Errorf("%s: ritual %s first, last = %v, want %v", got.reader, id, got.m[id], want)
					}
				}
				if len(got.m) != len(tc.want) {
					t.Errorf("%s: %d events, want %d", got.reader, len(got.m), len(tc.want))
				}
			}
		})
	}
}

// The VTIMEZONE holds the observances of the period: Tokyo one STANDARD,
// Paris the standard time in effect and the spring change; every event
// names the facilitator as ORGANIZER; the calendar does not depend on the
// zone of the computer that writes it.
func TestRitualsICS_VTimezoneOrganizerAndComputerZone_Issue10_11(t *testing.T) {
	tokyo, err := RitualsICS(zonedSession(t, "Asia/Tokyo", "2027-Q1"), 1)
	if err != nil {
		t.Fatal(err)
	}
	u := string(tokyo)
	if strings.Count(u, "BEGIN:VTIMEZONE") != 1 || strings.Count(u, "BEGIN:STANDARD") != 1 || strings.Contains(u, "DAYLIGHT") ||
		!strings.Contains(u, "TZOFFSETTO:+0900\r\nTZNAME:JST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n") {
		t.Errorf("Tokyo VTIMEZONE:\n%s", u[:strings.Index(u, "BEGIN:VEVENT")])
	}
	paris, err := RitualsICS(zonedSession(t, "Europe/Paris", "2027-Q1"), 1)
	if err != nil {
		t.Fatal(err)
	}
	want := "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n" +
		"BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n" +
		"BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n" +
		"END:VTIMEZONE\r\n"
	if !bytes.Contains(paris, []byte(want)) {
		t.Errorf("Paris VTIMEZONE, want\n%s\nin\n%s", want, paris)
	}
	if n := bytes.Count(paris, []byte("DTSTART;TZID=Europe/Paris:")); n != 4 {
		t.Errorf("%d DTSTART with TZID, want 4", n)
	}
	if !bytes.Contains(paris, []byte("X-WR-TIMEZONE:Europe/Paris\r\n")) {
		t.Error("no X-WR-TIMEZONE")
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(paris))
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range cal.Events() {
		org := ev.GetProperty(ics.ComponentPropertyOrganizer)
		if org == nil || org.Value != "invalid:nomail" || org.ICalParameters["CN"][0] != "Zoé Łukasiewicz" {
			t.Errorf("ORGANIZER %+v", org)
		}
	}
	// A facilitator who is a participant with an e-mail is written with it.
	s := zonedSession(t, "Europe/Paris", "2027-Q1")
	s.Current().Charter.Facilitator = " amélie durand "
	withMail, err := RitualsICS(s, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(withMail, []byte("ORGANIZER;CN=\"amélie durand\":mailto:amelie@example.com\r\n")) {
		t.Errorf("organizer with e-mail:\n%s", withMail)
	}
	// A charter made in Tokyo, opened on a computer in New York: its zone.
	saved := time.Local
	time.Local, _ = time.LoadLocation("America/New_York")
	t.Cleanup(func() { time.Local = saved })
	t.Setenv("TZ", "America/New_York")
	again, err := RitualsICS(zonedSession(t, "Asia/Tokyo", "2027-Q1"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, tokyo) {
		t.Error("the calendar changes with the computer's zone")
	}
}

// An unknown or hostile zone refuses the export, naming it; no zone keeps
// the floating times of charters made before zones were recorded.
func TestRitualsICS_BadOrNoZone_Issue10_11(t *testing.T) {
	for _, z := range []string{"Europe/Pariss", "Europe/Paris\r\nX-EVIL:1", "Local", "../../etc/passwd"} {
		_, err := RitualsICS(zonedSession(t, z, "2027-Q1"), 1)
		if workshop.KindOf(err) != workshop.KindInvalid || !strings.Contains(err.Error(), "time zone") {
			t.Errorf("zone %q: %v", z, err)
		}
	}
	data, err := RitualsICS(zonedSession(t, "", "2027-Q1"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("TZID")) || bytes.Contains(data, []byte("VTIMEZONE")) ||
		!bytes.Contains(data, []byte("DTSTART:20270104T093000\r\n")) || !bytes.Contains(data, []byte("UNTIL=20270331T235959\r\n")) {
		t.Errorf("floating calendar:\n%s", data)
	}
}

// goICSInstants reads the calendar with golang-ical: the first occurrence
// is DTSTART as the parser reads it (through its TZID), the last comes
// from expanding the RRULE it returns; the same again with the offsets of
// the file's VTIMEZONE instead of the TZID. Ritual id → first, last.
func goICSInstants(t *testing.T, data []byte, zone string) map[string]map[string][2]string {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("golang-ical: %v", err)
	}
	var vtz *ics.VTimezone
	for _, c := range cal.Components {
		if z, ok := c.(*ics.VTimezone); ok {
			vtz = z
		}
	}
	if vtz == nil || vtz.GetProperty(ics.ComponentPropertyTzid).Value != zone {
		t.Fatalf("golang-ical: no VTIMEZONE %s", zone)
	}
	out := map[string]map[string][2]string{"tzid": {}, "vtimezone": {}}
	for _, ev := range cal.Events() {
		id, _, _ := strings.Cut(ev.Id(), "-")
		start, err := ev.GetStartAt()
		if err != nil {
			t.Fatalf("golang-ical DTSTART: %v", err)
		}
		if start.Location().String() != zone {
			t.Fatalf("golang-ical read DTSTART in %s", start.Location())
		}
		wall := time.Date(start.Year(), start.Month(), start.Day(), start.Hour(), start.Minute(), 0, 0, time.UTC)
		walls := expandRRULE(t, wall, ev.GetProperty(ics.ComponentPropertyRrule).Value, start.Location())
		first, last := walls[0], walls[len(walls)-1]
		out["tzid"][id] = [2]string{inZone(first, start.Location()), inZone(last, start.Location())}
		out["vtimezone"][id] = [2]string{byVTimezone(t, vtz, first), byVTimezone(t, vtz, last)}
	}
	return out
}

func inZone(wall time.Time, loc *time.Location) string {
	return wallIn(wall, loc).UTC().Format(time.RFC3339)
}

// expandRRULE lists the wall-clock times of the occurrences of the rules
// Boussole writes (FREQ=WEEKLY or MONTHLY, INTERVAL, BYDAY=MO or 1MO,
// UNTIL in UTC), the zone loc telling when UNTIL falls.
func expandRRULE(t *testing.T, first time.Time, rule string, loc *time.Location) []time.Time {
	t.Helper()
	parts := map[string]string{}
	for p := range strings.SplitSeq(rule, ";") {
		k, v, _ := strings.Cut(p, "=")
		parts[k] = v
	}
	interval := 1
	if parts["INTERVAL"] != "" {
		interval, _ = strconv.Atoi(parts["INTERVAL"])
	}
	until, err := time.Parse("20060102T150405Z", parts["UNTIL"])
	if err != nil {
		t.Fatalf("UNTIL %q is not a UTC time: %v", parts["UNTIL"], err)
	}
	days := map[string]time.Weekday{"SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6}
	var out []time.Time
	for i := 0; ; i++ {
		var w time.Time
		switch parts["FREQ"] {
		case "WEEKLY":
			w = first.AddDate(0, 0, 7*interval*i)
		case "MONTHLY":
			wd := days[strings.TrimPrefix(parts["BYDAY"], "1")]
			m := time.Date(first.Year(), first.Month()+time.Month(interval*i), 1, first.Hour(), first.Minute(), 0, 0, time.UTC)
			w = m.AddDate(0, 0, (int(wd)-int(m.Weekday())+7)%7)
		default:
			t.Fatalf("FREQ in %q", rule)
		}
		if wallIn(w, loc).After(until) {
			return out
		}
		out = append(out, w)
	}
}

// byVTimezone is the UTC instant of a wall-clock time by the observances
// of the VTIMEZONE alone: the offset after the last onset before it.
func byVTimezone(t *testing.T, vtz *ics.VTimezone, wall time.Time) string {
	t.Helper()
	type onset struct {
		at time.Time // the onset as a wall-clock time after it
		to int
	}
	var onsets []onset
	offset := func(v string) int {
		sign := 1
		if v[0] == '-' {
			sign = -1
		}
		h, _ := strconv.Atoi(v[1:3])
		m, _ := strconv.Atoi(v[3:5])
		return sign * (h*3600 + m*60)
	}
	for _, c := range vtz.SubComponents() {
		var cb *ics.ComponentBase
		switch o := c.(type) {
		case *ics.Standard:
			cb = &o.ComponentBase
		case *ics.Daylight:
			cb = &o.ComponentBase
		default:
			continue
		}
		at, err := time.Parse("20060102T150405", cb.GetProperty(ics.ComponentPropertyDtStart).Value)
		if err != nil {
			t.Fatal(err)
		}
		from, to := offset(cb.GetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom)).Value), offset(cb.GetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto)).Value)
		onsets = append(onsets, onset{at.Add(time.Duration(to-from) * time.Second), to})
	}
	sort.Slice(onsets, func(i, j int) bool { return onsets[i].at.Before(onsets[j].at) })
	to, found := 0, false
	for _, o := range onsets {
		if !o.at.After(wall) {
			to, found = o.to, true
		}
	}
	if !found {
		t.Fatalf("the VTIMEZONE does not cover %s", wall)
	}
	return wall.Add(-time.Duration(to) * time.Second).Format(time.RFC3339)
}

// icalendarPython returns a Python 3 that imports icalendar: Debian's
// python3-icalendar, which scripts/install-deps.sh installs, for the
// system's /usr/bin/python3 (a python3 earlier on PATH, from pyenv or a
// virtual environment, may not see it). Missing, the test fails: this
// check is not optional.
func icalendarPython(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import icalendar, dateutil, pytz").Run() == nil {
			return py
		}
	}
	t.Fatal("no python3 with the icalendar module: run scripts/install-deps.sh (Debian package python3-icalendar)")
	return ""
}

// icsReadBack is the Python reader: for each event, the first and last
// occurrence in UTC, by the TZID (pytz's zone of that name) and by the
// file's VTIMEZONE (icalendar's Timezone.to_tz), the RRULE expanded by
// dateutil.
const icsReadBack = `
import json, sys
from icalendar import Calendar
from dateutil.rrule import rrulestr
import pytz
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
vtz = {str(z['TZID']): z.to_tz() for z in cal.walk('VTIMEZONE')}
out = {'tzid': {}, 'vtimezone': {}}
for ev in cal.walk('VEVENT'):
    uid = str(ev['UID']).split('-')[0]
    start = ev['DTSTART']
    tzid = start.params['TZID']
    dt = start.dt
    assert dt.tzinfo is not None, 'DTSTART read as floating'
    rule = ev['RRULE'].to_ical().decode()
    occ = list(rrulestr(rule, dtstart=dt))
    for key, tz in (('tzid', pytz.timezone(tzid)), ('vtimezone', vtz[tzid])):
        pair = []
        for o in (occ[0], occ[-1]):
            local = tz.localize(o.replace(tzinfo=None))
            pair.append(local.astimezone(pytz.utc).strftime('%Y-%m-%dT%H:%M:%SZ'))
        out[key][uid] = pair
json.dump(out, sys.stdout)
`

func pythonICSInstants(t *testing.T, py string, data []byte) map[string]map[string][2]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rituals.ics")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", icsReadBack, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3-icalendar: %v\n%s", err, stderr.String())
	}
	var raw map[string]map[string][]string
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("python output %q: %v", b, err)
	}
	out := map[string]map[string][2]string{}
	for k, m := range raw {
		out[k] = map[string][2]string{}
		for id, p := range m {
			if len(p) != 2 {
				t.Fatalf("python: %s %v", id, p)
			}
			out[k][id] = [2]string{p[0], p[1]}
		}
	}
	return out
}

// TestRitualsICS_OddZonesAgree_Issue10_11: zones whose offsets are not
// whole hours (Kolkata +05:30, Kathmandu +05:45), whose daylight time
// moves by half an hour (Lord Howe) or falls in the southern summer
// (Sydney, across a whole year), and a year with both changes (Paris
// 2028): the two readers, by TZID and by the VTIMEZONE alone, agree with
// each other on every ritual's first and last occurrence.
func TestRitualsICS_OddZonesAgree_Issue10_11(t *testing.T) {
	py := icalendarPython(t)
	for _, tc := range [][2]string{{"Asia/Kolkata", "2027-Q1"}, {"Asia/Kathmandu", "2027-Q2"}, {"Australia/Lord_Howe", "2027-Q2"},
		{"Australia/Sydney", "2027"}, {"Europe/Paris", "2028"}, {"UTC", "2027-Q1"}} {
		data, err := RitualsICS(zonedSession(t, tc[0], tc[1]), 1)
		if err != nil {
			t.Fatal(err)
		}
		goGot := goICSInstants(t, data, tc[0])
		pyGot := pythonICSInstants(t, py, data)
		want := goGot["tzid"]
		if len(want) != 4 {
			t.Fatalf("%s: %d events", tc[0], len(want))
		}
		for name, got := range map[string]map[string][2]string{"golang-ical (VTIMEZONE)": goGot["vtimezone"],
			"python3-icalendar (TZID)": pyGot["tzid"], "python3-icalendar (VTIMEZONE)": pyGot["vtimezone"]} {
			for id, w := range want {
				if got[id] != w {
					t.Errorf("%s %s: %s ritual %s = %v, golang-ical by TZID %v", tc[0], tc[1], name, id, got[id], w)
				}
			}
		}
	}
}
