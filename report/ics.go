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
// one recurring event per ritual, in floating local time (see the package
// comment), repeating until the end of the charter's period.
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
	var b strings.Builder
	line := func(s string) { writeFolded(&b, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Boussole//Boussole 1.0//" + strings.ToUpper(string(l)))
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + icsText(c.Title))
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
		dtstart := time.Date(first.Year(), first.Month(), first.Day(), hm.Hour(), hm.Minute(), 0, 0, time.UTC)
		until := time.Date(end.Year(), end.Month(), end.Day(), 23, 59, 59, 0, time.UTC)

		var desc []string
		agendaTitle, whoTitle := "Agenda", "Attendees"
		if l == workshop.FR {
			agendaTitle, whoTitle = "Ordre du jour", "Participants"
		}
		desc = append(desc, c.Title, "", ritualWhen(l, rt), "", agendaTitle+frColon(l))
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
		line("DTSTART:" + dtstart.Format("20060102T150405"))
		line(fmt.Sprintf("DURATION:PT%dM", rt.Minutes))
		line("RRULE:" + rule + ";UNTIL=" + until.Format("20060102T150405"))
		line("SUMMARY:" + icsText(name+" — "+c.Title))
		line("DESCRIPTION:" + icsText(strings.Join(desc, "\n")))
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
