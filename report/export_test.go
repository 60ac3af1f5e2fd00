package report

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"boussole/workshop"
)

func readCSV(t *testing.T, data []byte, comma rune) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Fatal("the CSV has no UTF-8 byte-order mark")
	}
	r := csv.NewReader(bytes.NewReader(data[3:]))
	r.Comma = comma
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	return rows
}

func TestKPICSV_EveryKPIAndCheckIn(t *testing.T) {
	for _, tc := range []struct {
		l      workshop.Lang
		comma  rune
		header string
		check  string
	}{
		{workshop.FR, ';', "Seuil d’alerte", "Point d’avancement"},
		{workshop.EN, ',', "Alert threshold", "Check-in"},
	} {
		s := fullSession(t, tc.l, true)
		data, err := kpiCSV(s, 1, time.Date(2027, 2, 5, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		rows := readCSV(t, data, tc.comma)
		if len(rows) != 1+4+1 {
			t.Fatalf("%s: %d rows, want header + 4 KPIs + 1 check-in", tc.l, len(rows))
		}
		head := rows[0]
		if len(head) != len(csvHeaders) || head[9] != tc.header {
			t.Errorf("%s header %q", tc.l, head)
		}
		col := map[string]int{}
		for i, h := range head {
			col[h] = i
		}
		for i, k := range s.Current().Charter.KPIs {
			row := rows[1+i]
			if row[0] != "KPI" || row[1] != k.ID || row[2] != k.Name || row[7] != k.Baseline || row[8] != k.Target || row[9] != k.Alert || row[12] != k.Owner {
				t.Errorf("%s KPI row %q", tc.l, row)
			}
		}
		// NRR: objective title, latest status and last check-in.
		nrr := rows[1]
		if !strings.Contains(nrr[13], s.Current().Charter.Objectives[0].Title) || nrr[16] != "2027-01-31" || nrr[17] != "104" || nrr[15] == "" {
			t.Errorf("%s NRR row %q", tc.l, nrr)
		}
		last := rows[5]
		if last[0] != tc.check || last[1] != "k1" || last[16] != "2027-01-31" || last[17] != "104" || last[18] != "7" || !strings.HasPrefix(last[19], "'=") && !strings.Contains(last[19], "=") {
			t.Errorf("%s check-in row %q", tc.l, last)
		}
	}
	if _, err := KPICSV(fullSession(t, workshop.EN, false), 2); workshop.KindOf(err) != workshop.KindNotFound {
		t.Errorf("revision 2: %v", err)
	}
}

func TestKPICSV_FormulaCellsDefused(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	s.Current().Charter.KPIs[0].Source = "=HYPERLINK(\"http://x\")"
	s.Current().Charter.KPIs[0].Baseline = "-5"
	data, err := KPICSV(s, 1)
	if err != nil {
		t.Fatal(err)
	}
	row := readCSV(t, data, ',')[1]
	if row[11] != "'=HYPERLINK(\"http://x\")" || row[7] != "-5" {
		t.Errorf("source %q baseline %q", row[11], row[7])
	}
}

func TestRitualsICS_OneEventPerRitualWithRRULE(t *testing.T) {
	s := fullSession(t, workshop.FR, true)
	c := &s.Current().Charter
	c.Rituals = append(c.Rituals, workshop.Ritual{ID: "r4", Kind: workshop.RitualCustom, Name: "Point; pipeline, \\ long " + strings.Repeat("é", 60),
		Cadence: workshop.CadenceBiweekly, Weekday: time.Friday, Time: "16:15", Minutes: 45, Attendees: []string{"p3"}, Agenda: []string{"Un", "Deux"}})
	data, err := RitualsICS(s, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets", i, len(line))
		}
		if strings.Contains(line, "\n") {
			t.Errorf("line %d has a bare LF", i)
		}
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	events := cal.Events()
	if len(events) != 4 {
		t.Fatalf("%d events, want 4", len(events))
	}
	want := []struct{ start, rrule string }{
		{"20270104T093000", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270331T235959"},
		{"20270105T140000", "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270331T235959"},
		{"20270107T100000", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1TH;UNTIL=20270331T235959"},
		{"20270101T161500", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;UNTIL=20270331T235959"},
	}
	for i, ev := range events {
		get := func(p ics.ComponentProperty) string {
			if prop := ev.GetProperty(p); prop != nil {
				return prop.Value
			}
			return ""
		}
		if get(ics.ComponentPropertyDtStart) != want[i].start || get(ics.ComponentPropertyRrule) != want[i].rrule {
			t.Errorf("event %d: DTSTART %s RRULE %s, want %+v", i, get(ics.ComponentPropertyDtStart), get(ics.ComponentPropertyRrule), want[i])
		}
		if get(ics.ComponentPropertyDtstamp) != "20270103T140500Z" {
			t.Errorf("event %d DTSTAMP %s", i, get(ics.ComponentPropertyDtstamp))
		}
		if !strings.HasSuffix(get(ics.ComponentPropertyUniqueId), "-0123456789abcdef@boussole") {
			t.Errorf("event %d UID %s", i, get(ics.ComponentPropertyUniqueId))
		}
	}
	unfolded := strings.ReplaceAll(string(data), "\r\n ", "")
	if !strings.Contains(unfolded, `SUMMARY:Point\; pipeline\, \\ long é`) || !strings.Contains(unfolded, `\n1. Un\n2. Deux`) {
		t.Errorf("TEXT not escaped as RFC 5545 §3.3.11 says:\n%s", unfolded)
	}
	// Escaping and folding round-trip through the parser.
	sum := events[3].GetProperty(ics.ComponentPropertySummary).Value
	if sum != `Point; pipeline, \ long `+strings.Repeat("é", 60)+` — Améliorer la rétention — Œuvre commune` {
		t.Errorf("summary %q", sum)
	}
	desc := events[1].GetProperty(ics.ComponentPropertyDescription).Value
	for _, w := range []string{`Ordre du jour`, `1. Revue des KPI ; alertes, décisions`, `Participants`, `Chloé Martin`} {
		if !strings.Contains(desc, w) {
			t.Errorf("description lacks %q: %q", w, desc)
		}
	}
	// Attendees with an e-mail only; Chloé has none.
	att := events[0].Attendees()
	if len(att) != 2 || att[0].Email() != "amelie@example.com" {
		t.Errorf("attendees of the weekly sync: %d", len(att))
	}
	if !strings.Contains(string(data), "PRODID:-//Boussole//Boussole 1.0//FR\r\n") {
		t.Error("PRODID")
	}
	again, _ := RitualsICS(s, 1)
	if !bytes.Equal(again, data) {
		t.Error("the calendar is not reproducible")
	}
}

func TestRitualsICS_BadTimeNamesTheRitual(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	s.Current().Charter.Rituals[0].Time = "9h30"
	_, err := RitualsICS(s, 1)
	if workshop.KindOf(err) != workshop.KindInvalid || !strings.Contains(err.Error(), "Weekly sync") || !strings.Contains(err.Error(), "9h30") {
		t.Errorf("err %v", err)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "charter.pdf")
	if err := WriteFileAtomic(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("two")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	if string(got) != "two" || fi.Mode().Perm() != 0o640 {
		t.Errorf("content %q mode %v", got, fi.Mode().Perm())
	}
	// A failure (target is a directory) leaves no temp file behind.
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	if err := WriteFileAtomic(sub, []byte("x")); err == nil {
		t.Error("writing over a directory succeeded")
	}
	// A failure in a read-only directory leaves the existing file untouched.
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o700)
	target := filepath.Join(ro, "keep.csv")
	os.WriteFile(target, []byte("keep"), 0o600)
	os.Chmod(ro, 0o500)
	defer os.Chmod(ro, 0o700)
	if os.Geteuid() != 0 { // root ignores directory permissions
		if err := WriteFileAtomic(target, []byte("new")); err == nil {
			t.Error("write in a read-only directory succeeded")
		}
		if b, _ := os.ReadFile(target); string(b) != "keep" {
			t.Errorf("existing file changed to %q", b)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temp file %s left behind", e.Name())
		}
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "x.pdf"), []byte("x")); workshop.KindOf(err) != workshop.KindInvalid {
		t.Errorf("missing directory: %v", err)
	}
}

// TestKPICSV_FormulaAfterBlanksDefused_Issue7_13: a formula hidden behind a
// leading space, tab, carriage return or line break, and a cell starting
// with a tab or a carriage return, get the apostrophe; numbers do not.
func TestKPICSV_FormulaAfterBlanksDefused_Issue7_13(t *testing.T) {
	cases := []struct{ in, want string }{
		{" =1+1", "' =1+1"},
		{"\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0"},
		{"\r+SUM(A1)", "'+SUM(A1)"}, // the CSV writer drops a lone CR
		{"\n-2+3+cmd", "'\n-2+3+cmd"},
		{"  @SUM(1)", "'  @SUM(1)"},
		{"\u00a0=1", "'\u00a0=1"},
		{"\tplain", "'\tplain"},
		{"=1", "'=1"},
		{" -5", " -5"},
		{"-12,5 %", "-12,5 %"},
		{"plain = text", "plain = text"},
	}
	for _, c := range cases {
		s := fullSession(t, workshop.EN, false)
		s.Current().Charter.KPIs[0].Source = c.in
		data, err := KPICSV(s, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got := readCSV(t, data, ',')[1][11]; got != c.want {
			t.Errorf("source %q is written %q, want %q", c.in, got, c.want)
		}
	}
}

// checkICSLines fails on a physical line over 75 octets, a CR or LF that is
// not part of a CRLF, or any other control character.
func checkICSLines(t *testing.T, data []byte) {
	t.Helper()
	body := strings.TrimSuffix(string(data), "\r\n")
	for i, line := range strings.Split(body, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets", i, len(line))
		}
		for _, r := range line {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Errorf("line %d holds control character %U: %q", i, r, line)
				break
			}
		}
	}
}

// TestRitualsICS_EmailCannotForgeAnAttendee_Issue7_10: an e-mail with a
// CR/LF (which would forge an ATTENDEE;ROLE=CHAIR line) or any other
// character an address cannot hold refuses the export, naming whose e-mail
// it is; nothing is written raw.
func TestRitualsICS_EmailCannotForgeAnAttendee_Issue7_10(t *testing.T) {
	for _, email := range []string{
		"amelie@example.com\r\nATTENDEE;ROLE=CHAIR:mailto:evil@example.com",
		"amelie@example.com\nX-INJECTED:1",
		"amelie@example.com\x00",
		"amelie@example.com;ROLE=CHAIR",
		"\x1b]0;owned\x07amelie@example.com",
	} {
		s := fullSession(t, workshop.EN, false)
		s.Current().Charter.Participants[0].Email = email
		data, err := RitualsICS(s, 1)
		if workshop.KindOf(err) != workshop.KindInvalid || data != nil {
			t.Errorf("e-mail %q: err %v, %d bytes", email, err, len(data))
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "Amélie Durand") || !strings.Contains(msg, "not a valid address") || strings.ContainsAny(msg, "\r\n\x00\x1b") {
			t.Errorf("message %q", msg)
		}
	}
}

// TestRitualsICS_ControlCharactersNeverRaw_Issue7_10: NUL, ESC, DEL, C1 and
// line breaks typed in names, titles, agendas and times reach the calendar
// escaped or dropped; an internationalised e-mail is percent-encoded;
// right-to-left text is kept.
func TestRitualsICS_ControlCharactersNeverRaw_Issue7_10(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	c := &s.Current().Charter
	c.Title = "Title\x00\x1b[2J\r\nBEGIN:VEVENT\x7f\u0085 עברית"
	c.Participants[0].Name = "Amélie\r\nATTENDEE;ROLE=CHAIR:mailto:evil@example.com\"\x07"
	c.Participants[1].Email = "zoé@exemple.fr"
	c.Rituals[0].Name = "Sync\x1b]0;owned\x07\ttab"
	c.Rituals[0].Agenda = []string{"one\x00two", "three\rEND:VCALENDAR"}
	data, err := RitualsICS(s, 1)
	if err != nil {
		t.Fatal(err)
	}
	checkICSLines(t, data)
	unfolded := strings.ReplaceAll(string(data), "\r\n ", "")
	for line := range strings.SplitSeq(unfolded, "\r\n") {
		if strings.HasPrefix(line, "ATTENDEE") && strings.Contains(line, "evil@") && !strings.Contains(line, `CN="`) {
			t.Errorf("forged attendee line %q", line)
		}
		if line == "BEGIN:VEVENT" || line == "END:VCALENDAR" {
			continue
		}
		if strings.Contains(line, "BEGIN:VEVENT") && !strings.HasPrefix(line, "SUMMARY:") && !strings.HasPrefix(line, "DESCRIPTION:") && !strings.HasPrefix(line, "X-WR-CALNAME:") {
			t.Errorf("line %q", line)
		}
	}
	if n := strings.Count(unfolded, "\r\nBEGIN:VEVENT\r\n"); n != 3 {
		t.Errorf("%d events, want 3", n)
	}
	if !strings.Contains(unfolded, "mailto:zo%C3%A9@exemple.fr") {
		t.Error("the internationalised e-mail is not percent-encoded")
	}
	if !strings.Contains(unfolded, "עברית") || !strings.Contains(unfolded, `X-WR-CALNAME:Title[2J\nBEGIN:VEVENT עברית`) {
		t.Errorf("title not escaped as expected:\n%s", unfolded)
	}
	if _, err := ics.ParseCalendar(bytes.NewReader(data)); err != nil {
		t.Errorf("parse: %v", err)
	}
}

// TestRitualsICS_MegabyteTitle_Issue7_8: a 1 MB title folds into lines of
// 75 octets at most.
func TestRitualsICS_MegabyteTitle_Issue7_8(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	s.Current().Charter.Title = megabyte("Mega")
	data, err := RitualsICS(s, 1)
	if err != nil {
		t.Fatal(err)
	}
	checkICSLines(t, data)
}
