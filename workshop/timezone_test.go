package workshop

import (
	"strings"
	"testing"
)

// Every name offered for completion is one the charter accepts.
func TestTimeZoneNamesAllLoad_Issue10_11(t *testing.T) {
	names := TimeZoneNames()
	if len(names) < 300 {
		t.Fatalf("%d zone names", len(names))
	}
	for _, n := range names {
		if !ValidTimeZone(n) {
			t.Errorf("%q is offered but refused", n)
		}
	}
	for _, n := range []string{"Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC"} {
		found := false
		for _, x := range names {
			found = found || x == n
		}
		if !found {
			t.Errorf("%s not offered", n)
		}
	}
}

func TestLoadTimeZoneRefusesWhatIsNoZone_Issue10_11(t *testing.T) {
	for _, n := range []string{"Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC", "Etc/GMT+5", "US/Eastern"} {
		if _, err := LoadTimeZone(n); err != nil {
			t.Errorf("%q refused: %v", n, err)
		}
	}
	for _, n := range []string{"", "Local", "Europe/Pariss", "../../etc/passwd", "/etc/localtime", "Europe/Paris\r\nX-EVIL:1",
		"Europe/Paris;X=1", "Europe//Paris", "Europe/", `"Europe/Paris"`, strings.Repeat("A", 65), "Europe/Paris\x00", "Ευρώπη/Αθήνα"} {
		if _, err := LoadTimeZone(n); err == nil {
			t.Errorf("%q accepted", n)
		}
	}
}

func TestR_TZ_Findings_Issue10_11(t *testing.T) {
	c := rulesCharter(EN)
	if fs := Validate(c); len(fs) != 0 {
		t.Fatalf("with Europe/Paris: %v", fs)
	}
	c.TimeZone = ""
	fs := Validate(c)
	if len(fs) != 1 || fs[0].Code != RTZ2 || fs[0].Severity != SevWarning || fs[0].Where != (Where{StepSetup, "", "timeZone"}) {
		t.Fatalf("no zone: %+v", fs)
	}
	c.TimeZone = "Mars/Olympus_Mons"
	fs = Validate(c)
	if len(fs) != 1 || fs[0].Code != RTZ1 || fs[0].Severity != SevError || fs[0].Where != (Where{StepSetup, "", "timeZone"}) {
		t.Fatalf("unknown zone: %+v", fs)
	}
	if m := fs[0].Message(EN); !strings.Contains(m, "Time zone") || !strings.Contains(m, "Mars/Olympus_Mons") {
		t.Errorf("message %q names neither the field nor the zone", m)
	}
	if CanSign(c) == nil {
		t.Error("an unknown zone does not block sign-off")
	}
}

// The seal of a charter without a zone is that of the first releases (the
// golden seals prove it byte for byte); a zone is sealed.
func TestSealTimeZoneOptional_Issue10_11(t *testing.T) {
	c := rulesCharter(EN)
	c.TimeZone = ""
	if strings.Contains(string(sealRecord(c)), "timeZone") {
		t.Fatal("an empty zone is written in the sealed record")
	}
	empty := Seal(c)
	c.TimeZone = "Europe/Paris"
	if !strings.Contains(string(sealRecord(c)), `"lang":"en","timeZone":"Europe/Paris","facilitator"`) {
		t.Fatalf("record: %s", sealRecord(c)[:200])
	}
	paris := Seal(c)
	c.TimeZone = "America/New_York"
	if paris == empty || Seal(c) == paris {
		t.Error("the zone does not change the seal")
	}
}

func TestComputerTimeZone_Issue10_11(t *testing.T) {
	for tz, want := range map[string]string{
		"Europe/Paris":                             "Europe/Paris",
		":America/New_York":                        "America/New_York",
		"/usr/share/zoneinfo/Asia/Tokyo":           "Asia/Tokyo",
		":/usr/share/zoneinfo/posix/Europe/Berlin": "Europe/Berlin",
		"": "UTC",
	} {
		t.Setenv("TZ", tz)
		if got := ComputerTimeZone(); got != want {
			t.Errorf("TZ=%q: %q, want %q", tz, got, want)
		}
	}
	// A POSIX rule names no IANA zone: the system's zone instead.
	t.Setenv("TZ", "CET-1CEST")
	if got := ComputerTimeZone(); got != "" && !ValidTimeZone(got) {
		t.Errorf("TZ=CET-1CEST: %q", got)
	}
	for p, want := range map[string]string{
		"../usr/share/zoneinfo/Europe/Paris":       "Europe/Paris",
		"/var/db/timezone/zoneinfo/America/Denver": "America/Denver",
		"/usr/share/zoneinfo/Nowhere/City":         "",
		"/etc/localtime":                           "",
	} {
		if got := zoneFromPath(p); got != want {
			t.Errorf("zoneFromPath(%q) = %q, want %q", p, got, want)
		}
	}
}

// Every Windows zone key maps to a zone the charter accepts.
func TestWindowsZonesMapToKnownZones_Issue10_11(t *testing.T) {
	if len(windowsZones) < 130 {
		t.Fatalf("%d Windows zones", len(windowsZones))
	}
	for key, zone := range windowsZones {
		if !ValidTimeZone(zone) {
			t.Errorf("%s → %q is refused", key, zone)
		}
	}
	if windowsZones["Romance Standard Time"] != "Europe/Paris" || windowsZones["Eastern Standard Time"] != "America/New_York" ||
		windowsZones["Tokyo Standard Time"] != "Asia/Tokyo" {
		t.Error("Paris, New York or Tokyo mapped wrongly")
	}
}

// TestR_PER_1_PeriodEndingBeforeItStarts: a period whose end is before its
// start is an error on the setup step's end date, which blocks sign-off; a
// one-day period and unreadable dates (other findings' business) are not.
func TestR_PER_1_PeriodEndingBeforeItStarts(t *testing.T) {
	for _, c := range []struct {
		start, end Date
		want       bool
	}{
		{"2027-01-01", "2026-01-01", true},
		{"2027-03-31", "2027-03-30", true},
		{"2027-01-01", "2027-01-01", false},
		{"2027-01-01", "2027-03-31", false},
		{"", "2026-01-01", false},
		{"2027-01-01", "demain", false},
	} {
		ch := &Charter{Period: Period{Label: "x", Start: c.start, End: c.end}}
		var got []Finding
		for _, f := range Validate(ch) {
			if f.Code == RPER1 {
				got = append(got, f)
			}
		}
		if !c.want {
			if len(got) != 0 {
				t.Errorf("%s – %s: unexpected %v", c.start, c.end, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Severity != SevError || got[0].Where != (Where{Step: StepSetup, Field: "end"}) ||
			len(got[0].Args) != 2 || got[0].Args[0] != string(c.start) || got[0].Args[1] != string(c.end) {
			t.Errorf("%s – %s: got %v, want one R-PER-1 error on the setup step's end", c.start, c.end, got)
		}
	}
}
