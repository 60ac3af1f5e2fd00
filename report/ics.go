package report

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"boussole/workshop"
)

var icsDays = [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// RitualsICS writes the rituals of revision rev as an RFC 5545 calendar:
// one recurring event per ritual, in the charter's time zone (TZID, with its
// VTIMEZONE) or, when the charter records none, in floating local time (see
// the package comment), repeating until the end of the charter's period.
func RitualsICS(s *workshop.Session, rev int) ([]byte, error) {
	r, err := s.Revision(rev)
	if err != nil {
		return nil, err
	}
	c := &r.Charter
	l := c.Lang
	if !l.Valid() {
		l = workshop.EN
	}
	start, end, err := periodDates(c.Period)
	if err != nil {
		return nil, err
	}
	// The zone goes into TZID parameters: one that is not a zone Go knows
	// (the R-TZ-1 finding) refuses the export rather than forging a line
	// or placing the rituals at the wrong hour.
	var loc *time.Location
	if c.TimeZone != "" {
		if loc, err = workshop.LoadTimeZone(c.TimeZone); err != nil {
			return nil, workshop.Errorf(workshop.KindInvalid, "the time zone %q is not a known IANA time zone (set-up step); choose one such as Europe/Paris to export the calendar",
				shorten(c.TimeZone, 80))
		}
	}
	var b strings.Builder
	line := func(s string) { writeFolded(&b, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Boussole//Boussole 1.0//" + strings.ToUpper(string(l)))
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + icsText(c.Title))
	if loc != nil {
		line("X-WR-TIMEZONE:" + c.TimeZone)
	}
	stampTime := revisionDate(s, r).Format("20060102T150405Z")
	people := map[string]workshop.Participant{}
	for _, p := range c.Participants {
		people[p.ID] = p
	}
	// An attendee's e-mail goes into the file as an address: one that is
	// not (a line break in it would forge another ATTENDEE line) refuses
	// the export, naming whose it is, rather than being left out unseen.
	for _, rt := range c.Rituals {
		for _, id := range rt.Attendees {
			p, ok := people[id]
			if ok && strings.TrimSpace(p.Email) != "" && !workshop.ValidEmail(p.Email) {
				return nil, workshop.Errorf(workshop.KindInvalid, "participant %q: the e-mail %q is not a valid address; correct it or clear it to export the calendar",
					shorten(p.Name, 80), shorten(p.Email, 80))
			}
		}
	}
	organizer := icsOrganizer(c)
	// Each ritual's first occurrence and the end of its recurrence, so
	// that the VTIMEZONE covers every instant the events use.
	type placed struct {
		name        string
		first, last time.Time // wall-clock dates and times (in UTC fields)
		rule        string
	}
	var events []placed
	for _, rt := range c.Rituals {
		name := rt.Name
		if name == "" {
			name = workshop.Label(l, string(rt.Kind))
		}
		hm, err := time.Parse("15:04", strings.TrimSpace(rt.Time))
		if err != nil {
			return nil, workshop.Errorf(workshop.KindInvalid, "ritual %q: the time %q is not written HH:MM", shorten(name, 80), shorten(rt.Time, 80))
		}
		if rt.Minutes <= 0 {
			return nil, workshop.Errorf(workshop.KindInvalid, "ritual %q: the duration must be at least one minute", shorten(name, 80))
		}
		if rt.Weekday < time.Sunday || rt.Weekday > time.Saturday {
			return nil, workshop.Errorf(workshop.KindInvalid, "ritual %q: the weekday %d does not exist", shorten(name, 80), rt.Weekday)
		}
		first, rule, err := recurrence(rt, start)
		if err != nil {
			return nil, workshop.Errorf(workshop.KindInvalid, "ritual %q: %s", shorten(name, 80), err)
		}
		events = append(events, placed{name: name,
			first: time.Date(first.Year(), first.Month(), first.Day(), hm.Hour(), hm.Minute(), 0, 0, time.UTC),
			last:  time.Date(end.Year(), end.Month(), end.Day(), 23, 59, 59, 0, time.UTC), rule: rule})
	}
	if loc != nil && len(events) > 0 {
		from, to := events[0].first, events[0].last
		for _, e := range events {
			from, to = minTime(from, e.first), maxTime(maxTime(to, e.last), e.first)
		}
		writeVTimezone(line, c.TimeZone, loc, wallIn(from, loc), wallIn(to, loc))
	}
	for i, rt := range c.Rituals {
		name := events[i].name
		dtstart, until := events[i].first, events[i].last
		rule := events[i].rule

		var desc []string
		agendaTitle, whoTitle := "Agenda", "Attendees"
		if l == workshop.FR {
			agendaTitle, whoTitle = "Ordre du jour", "Participants"
		}
		when := ritualWhen(l, rt)
		if loc != nil {
			when += " (" + c.TimeZone + ")"
		}
		desc = append(desc, c.Title, "", when, "", agendaTitle+frColon(l))
		for i, a := range rt.AgendaOrDefault(c, l) {
			desc = append(desc, fmt.Sprintf("%d. %s", i+1, a))
		}
		var names []string
		for _, id := range rt.Attendees {
			if p, ok := people[id]; ok {
				names = append(names, p.Name)
			}
		}
		if len(names) > 0 {
			desc = append(desc, "", whoTitle+frColon(l)+" "+strings.Join(names, ", "))
		}

		line("BEGIN:VEVENT")
		line("UID:" + icsUID(rt.ID) + "-" + icsUID(s.ID) + "@boussole")
		line("DTSTAMP:" + stampTime)
		if loc == nil {
			line("DTSTART:" + dtstart.Format("20060102T150405"))
			line(fmt.Sprintf("DURATION:PT%dM", rt.Minutes))
			line("RRULE:" + rule + ";UNTIL=" + until.Format("20060102T150405"))
		} else {
			// The wall-clock time as typed, in the zone; UNTIL is then a
			// UTC instant (RFC 5545 §3.3.10): the end of the period's last
			// day in the zone.
			line("DTSTART;TZID=" + c.TimeZone + ":" + dtstart.Format("20060102T150405"))
			line(fmt.Sprintf("DURATION:PT%dM", rt.Minutes))
			line("RRULE:" + rule + ";UNTIL=" + wallIn(until, loc).UTC().Format("20060102T150405Z"))
		}
		line("SUMMARY:" + icsText(name+" — "+c.Title))
		line("DESCRIPTION:" + icsText(strings.Join(desc, "\n")))
		line(organizer)
		for _, id := range rt.Attendees {
			p, ok := people[id]
			if !ok || strings.TrimSpace(p.Email) == "" {
				continue // named in the description instead
			}
			line("ATTENDEE;CN=" + icsParam(p.Name) + ";ROLE=REQ-PARTICIPANT:mailto:" + icsMailto(p.Email))
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return []byte(b.String()), nil
}

// frColon is the colon that ends a heading: with a no-break space before
// it in French (workshop.Colon without its trailing space).
func frColon(l workshop.Lang) string { return strings.TrimSuffix(workshop.Colon(l), " ") }

// periodDates reads the start and end of the period, falling back on its
// label ("2027-Q1") when the dates are unset.
func periodDates(p workshop.Period) (time.Time, time.Time, error) {
	start, ok1 := p.Start.Time()
	end, ok2 := p.End.Time()
	if !ok1 || !ok2 {
		q, err := workshop.PeriodFromLabel(p.Label)
		if err != nil {
			return time.Time{}, time.Time{}, workshop.Errorf(workshop.KindInvalid, "the period %q has no readable start and end dates", p.Label)
		}
		start, ok1 = q.Start.Time()
		end, ok2 = q.End.Time()
		if !ok1 || !ok2 {
			return time.Time{}, time.Time{}, workshop.Errorf(workshop.KindInvalid, "the period %q has no readable start and end dates", p.Label)
		}
	}
	if end.Before(start) {
		return time.Time{}, time.Time{}, workshop.Errorf(workshop.KindInvalid, "the period ends (%s) before it starts (%s)", p.End, p.Start)
	}
	return start, end, nil
}

// recurrence returns the first occurrence on or after start and the RRULE
// (without UNTIL) of a ritual.
func recurrence(rt workshop.Ritual, start time.Time) (time.Time, string, error) {
	day := icsDays[rt.Weekday]
	nextWeekday := func(t time.Time) time.Time {
		return t.AddDate(0, 0, (int(rt.Weekday)-int(t.Weekday())+7)%7)
	}
	firstOfMonth := func(t time.Time) time.Time {
		return nextWeekday(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC))
	}
	switch rt.Cadence {
	case workshop.CadenceWeekly:
		return nextWeekday(start), "FREQ=WEEKLY;BYDAY=" + day, nil
	case workshop.CadenceBiweekly:
		return nextWeekday(start), "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + day, nil
	case workshop.CadenceMonthly, workshop.CadenceQuarterly:
		first := firstOfMonth(start)
		if first.Before(start) {
			first = firstOfMonth(time.Date(start.Year(), start.Month()+1, 1, 0, 0, 0, 0, time.UTC))
		}
		if rt.Cadence == workshop.CadenceMonthly {
			return first, "FREQ=MONTHLY;BYDAY=1" + day, nil
		}
		return first, "FREQ=MONTHLY;INTERVAL=3;BYDAY=1" + day, nil
	}
	return time.Time{}, "", fmt.Errorf("the cadence %q is not weekly, biweekly, monthly or quarterly", rt.Cadence)
}

// icsText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon,
// comma and line breaks are escaped; every other control character (NUL,
// ESC, DEL, C1) is dropped and a tab becomes a space, since TEXT may hold
// none of them.
func icsText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return textEscaper.Replace(withoutControls(s))
}

var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", `\n`)

// withoutControls drops the control characters of s except line breaks,
// and turns tabs into spaces; invalid UTF-8 becomes U+FFFD.
func withoutControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// icsParam quotes a parameter value: a DQUOTE cannot appear inside one,
// nor may any control character (RFC 5545 §3.1, QSAFE-CHAR).
func icsParam(s string) string {
	s = strings.NewReplacer(`"`, "'", "\n", " ", "\r", " ").Replace(withoutControls(s))
	return `"` + s + `"`
}

// icsMailto is a checked e-mail as the address part of a mailto: URI:
// characters outside printable ASCII (an internationalised address) are
// percent-encoded, as a URI requires.
func icsMailto(email string) string {
	var b strings.Builder
	for _, c := range []byte(strings.TrimSpace(email)) {
		if c > 0x20 && c < 0x7f && c != '%' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// icsUID keeps an id to the characters safe in a UID.
func icsUID(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x21 || r > 0x7e || r == ';' || r == ',' || r == ':' || r == '@' {
			return '-'
		}
		return r
	}, s)
}

// writeFolded writes a content line with CRLF, folded so that no physical
// line exceeds 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1).
func writeFolded(b *strings.Builder, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space of a continuation counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// wallIn is the instant at which the wall clock of loc reads the date and
// time of w (whose fields only are used).
func wallIn(w time.Time, loc *time.Location) time.Time {
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc)
}

// icsOrganizer is the ORGANIZER line (RFC 5546 requires one in a PUBLISH
// calendar): the facilitator, with their e-mail when a participant of
// that name has a valid one. Without an e-mail the value must still be a
// URI (CAL-ADDRESS, RFC 5545 §3.3.3) and no mailto: address may be made
// up: "invalid:nomail", the value Exchange and Outlook write for an
// organizer without an address, which calendar readers accept. Without a
// facilitator the CN is the charter's title.
func icsOrganizer(c *workshop.Charter) string {
	name := strings.TrimSpace(c.Facilitator)
	cn := name
	if cn == "" {
		cn = strings.TrimSpace(c.Title)
	}
	if cn == "" {
		cn = "Boussole"
	}
	value := "invalid:nomail"
	if name != "" {
		for _, p := range c.Participants {
			if strings.EqualFold(strings.TrimSpace(p.Name), name) && workshop.ValidEmail(p.Email) {
				value = "mailto:" + icsMailto(p.Email)
				break
			}
		}
	}
	return "ORGANIZER;CN=" + icsParam(shorten(cn, 200)) + ":" + value
}

// writeVTimezone writes the VTIMEZONE of zone name for the instants from
// to to, from Go's zone data: the observance in effect at from, then one
// STANDARD or DAYLIGHT sub-component per transition up to to, each with
// its onset in the local time before it (DTSTART), the offsets before and
// after (TZOFFSETFROM, TZOFFSETTO) and the abbreviation after (TZNAME).
// The transitions are found by walking time.Time.ZoneBounds, so a zone
// with no daylight saving time (Asia/Tokyo) has one STANDARD only.
func writeVTimezone(line func(string), name string, loc *time.Location, from, to time.Time) {
	line("BEGIN:VTIMEZONE")
	line("TZID:" + name)
	observance := func(at time.Time, fromOffset int) {
		at = at.In(loc)
		abbr, offset := at.Zone()
		kind := "STANDARD"
		if at.IsDST() {
			kind = "DAYLIGHT"
		}
		line("BEGIN:" + kind)
		line("DTSTART:" + at.UTC().Add(time.Duration(fromOffset)*time.Second).Format("20060102T150405"))
		line("TZOFFSETFROM:" + icsOffset(fromOffset))
		line("TZOFFSETTO:" + icsOffset(offset))
		line("TZNAME:" + icsText(abbr))
		line("END:" + kind)
	}
	from = from.In(loc)
	start, _ := from.ZoneBounds()
	if start.IsZero() {
		// No transition before: the zone's one offset, since 1970.
		_, offset := from.Zone()
		observance(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(offset)*time.Second), offset)
	} else {
		_, before := start.Add(-time.Second).In(loc).Zone()
		observance(start, before)
	}
	for t := from; ; {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.After(to) {
			break
		}
		_, before := t.Zone()
		observance(end, before)
		t = end.In(loc)
	}
	line("END:VTIMEZONE")
}

// icsOffset writes a UTC offset in seconds as RFC 5545 §3.3.14 does:
// +hhmm, with seconds only when there are some (old local mean times).
func icsOffset(seconds int) string {
	sign := "+"
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	s := fmt.Sprintf("%s%02d%02d", sign, seconds/3600, seconds/60%60)
	if seconds%60 != 0 {
		s += fmt.Sprintf("%02d", seconds%60)
	}
	return s
}
