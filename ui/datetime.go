package ui

import (
	"strings"

	"boussole/workshop"
)

// Dates and times are typed by the conventions of the charter's language
// (workshop.ParseDateInput, workshop.ParseTimeInput) and stored in their
// ISO forms. These helpers give every date and time field of the window
// the same reading, hints and messages.

// readDate gives what a date field stores for text: the ISO date when text
// reads as one in language l, else the text as typed (kept, and flagged).
func readDate(l workshop.Lang, text string) workshop.Date {
	if d, ok := workshop.ParseDateInput(l, text); ok {
		return d
	}
	return workshop.Date(strings.TrimSpace(text))
}

// readTime gives what a time field stores for text: "HH:MM" when text
// reads as a time in language l, else the text as typed.
func readTime(l workshop.Lang, text string) string {
	if t, ok := workshop.ParseTimeInput(l, text); ok {
		return t
	}
	return strings.TrimSpace(text)
}

// dateFormats names, in the interface language, the date forms a charter
// in language l reads.
func dateFormats(l workshop.Lang) string {
	if l == workshop.FR {
		return tr("input.date.formats.fr")
	}
	return tr("input.date.formats.en")
}

// datePlaceholder is the hint of an empty date field for a charter in l.
func datePlaceholder(l workshop.Lang) string {
	if l == workshop.FR {
		return tr("input.date.placeholder.fr")
	}
	return tr("input.date.placeholder.en")
}

// timeFormats names the time forms a charter in language l reads.
func timeFormats(l workshop.Lang) string {
	if l == workshop.FR {
		return tr("input.time.formats.fr")
	}
	return tr("input.time.formats.en")
}

// timePlaceholder is the hint of an empty time field for a charter in l.
func timePlaceholder(l workshop.Lang) string {
	if l == workshop.FR {
		return "9h30"
	}
	return "9:30 AM"
}

// dateInvalid is the message under a date field holding text that is not
// a date for a charter in l.
func dateInvalid(l workshop.Lang, text string) string {
	return tr("input.date.invalid", "Text", text, "Formats", dateFormats(l))
}

// timeInvalid is the message under a time field holding text that is not
// a time for a charter in l.
func timeInvalid(l workshop.Lang, text string) string {
	return tr("input.time.invalid", "Text", text, "Formats", timeFormats(l))
}
