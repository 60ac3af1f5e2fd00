package workshop

import (
	"strconv"
	"strings"
	"time"
)

// This file reads the dates and times a person types, by the conventions
// of the charter's language, into their stored forms: a Date "2027-03-31"
// and a time of day "08:30". ISO forms are read in both languages. A French
// charter also reads "31/03/2027", "31/03/27", "31 mars 2027" and "8h30";
// an English one "31 Mar 2027", "March 31, 2027" and "8:30 AM". A numeric
// day and month ("03/04/2027") is refused in English, where it is
// ambiguous (3 April or March 4).

var (
	isoDate     = lazyRegexp(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	frNumDate   = lazyRegexp(`^(\d{1,2}) ?[/.\-] ?(\d{1,2}) ?[/.\-] ?(\d{4}|\d{2})$`)
	dayMonYear  = lazyRegexp(`^(\d{1,2})(st|nd|rd|th|er)? ([\p{L}]+)\.? (\d{4})$`)
	monDayYear  = lazyRegexp(`^([\p{L}]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$`)
	colonTime   = lazyRegexp(`^(\d{1,2}):(\d{2})$`)
	frHourTime  = lazyRegexp(`^(\d{1,2}) ?h ?(\d{2})?$`)
	enAMPMTime  = lazyRegexp(`^(\d{1,2})(?::(\d{2}))? ?([ap])\.? ?m\.?$`)
	inputBlanks = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ", "\t", " ")
)

// monthNames maps a month's name or usual abbreviation, lower case and
// without accents, to its number, per language.
var monthNames = map[Lang]map[string]int{
	FR: {
		"janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3,
		"avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
		"aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10,
		"novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
	},
	EN: {
		"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
		"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
		"august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
		"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
	},
}

// foldMonth lowers a month name and drops the accents French uses in them.
var foldMonth = strings.NewReplacer("é", "e", "è", "e", "û", "u", "É", "e", "Û", "u")

// normalInput trims text, turns every kind of space into one plain space
// and lowers the letters.
func normalInput(text string) string {
	return strings.ToLower(strings.Join(strings.Fields(inputBlanks.Replace(text)), " "))
}

// ParseDateInput reads a date typed in a charter of language l (see the
// top of this file) and gives its stored form; ok is false when text is
// not a date in that language's conventions or names no real day
// ("31/02/2027"). Empty text is not a date.
func ParseDateInput(l Lang, text string) (d Date, ok bool) {
	s := normalInput(text)
	if m := isoDate().FindStringSubmatch(s); m != nil {
		return calendarDay(m[1], m[2], m[3])
	}
	if l == FR {
		if m := frNumDate().FindStringSubmatch(s); m != nil {
			y := m[3]
			if len(y) == 2 {
				y = "20" + y
			}
			return calendarDay(y, m[2], m[1])
		}
	}
	names := monthNames[l]
	if names == nil {
		return "", false
	}
	if m := dayMonYear().FindStringSubmatch(s); m != nil {
		if ord := m[2]; ord != "" && (l == FR) != (ord == "er") {
			return "", false // "1er" in French, "1st" in English
		}
		if mon, known := names[foldMonth.Replace(m[3])]; known {
			return calendarDay(m[4], strconv.Itoa(mon), m[1])
		}
	}
	if l == EN {
		if m := monDayYear().FindStringSubmatch(s); m != nil {
			if mon, known := names[m[1]]; known {
				return calendarDay(m[3], strconv.Itoa(mon), m[2])
			}
		}
	}
	return "", false
}

// calendarDay gives the Date of year/month/day in digits when that day
// exists.
func calendarDay(year, month, day string) (Date, bool) {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	d, err3 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || err3 != nil || y < 1 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != time.Month(m) || t.Day() != d {
		return "", false
	}
	return DateOf(t), true
}

// ParseTimeInput reads a time of day typed in a charter of language l and
// gives its stored form "HH:MM". Both languages read "08:30" and "14:30";
// French also reads "8h30", "8 h 30" and "14h"; English "8:30 AM",
// "8:30pm" and "8 AM". ok is false for anything else, and for hours and
// minutes out of range.
func ParseTimeInput(l Lang, text string) (hhmm string, ok bool) {
	s := normalInput(text)
	if m := colonTime().FindStringSubmatch(s); m != nil {
		return clockTime(m[1], m[2], 24)
	}
	switch l {
	case FR:
		if m := frHourTime().FindStringSubmatch(s); m != nil {
			return clockTime(m[1], m[2], 24)
		}
	case EN:
		if m := enAMPMTime().FindStringSubmatch(s); m != nil {
			h, err := strconv.Atoi(m[1])
			if err != nil || h < 1 || h > 12 {
				return "", false
			}
			h %= 12
			if m[3] == "p" {
				h += 12
			}
			return clockTime(strconv.Itoa(h), m[2], 24)
		}
	}
	return "", false
}

// clockTime formats hour and minute (empty minute: 0) as "HH:MM" when they
// are in range.
func clockTime(hour, minute string, hours int) (string, bool) {
	h, err := strconv.Atoi(hour)
	if err != nil || h < 0 || h >= hours {
		return "", false
	}
	m := 0
	if minute != "" {
		if m, err = strconv.Atoi(minute); err != nil || m < 0 || m > 59 {
			return "", false
		}
	}
	return time.Date(2000, 1, 1, h, m, 0, 0, time.UTC).Format("15:04"), true
}
