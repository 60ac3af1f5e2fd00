// Package report turns a workshop session into files: the charter PDF, the
// KPI CSV and the rituals calendar (ICS). Workshop in, bytes out: nothing
// here touches the store or the window. WriteFileAtomic puts the bytes on
// disk without ever leaving a half-written file.
//
// # Charter PDF
//
// CharterPDF lays out one revision in the charter's language with Fyne's
// embedded Noto Sans; runes the font lacks (emoji …) are replaced before
// layout. The bytes are reproducible: catalogs are sorted and the creation
// and modification dates are the revision's (SignedAt when signed, else the
// session's Updated, in UTC). The information dictionary's Keywords carry a
// plain-ASCII stamp
//
//	boussole:v1 session=<id> revision=<n> seal=<seal|draft> paper=<A4|Letter> late=<k> layout=<n>
//
// where k is the number of decision-log entries added after signing that
// the PDF prints. Verify reads the stamp, re-renders that revision from the
// store with the same paper and k, and compares the bytes; it also
// recomputes the seal of the stored content. The Creator and Producer name
// Boussole and PDFOptions.Version ("Boussole 0.1.0"); Verify re-renders
// with the version the file's Creator names.
//
// The cover is the charter on one page: the key facts, then each objective
// with its pilot and its KPIs' baseline → target (alert). Page breaks are
// decided on measured heights (flow.go, table.go): an objective's block, a
// ritual's head, a cascade and the sign-off stay on one page when they fit
// on one; a heading never ends a page; a table starts with at least three
// rows (or whole, when short); cells break at spaces and after hyphens, a
// column's font gets smaller before a word is split, and a word of fewer
// than 12 letters is never split. A draft's diagonal watermark is drawn as
// glyph outlines (watermark.go), so that text extraction reads DRAFT once
// per page, in the badge.
//
// A signed revision's PDF is digitally signed by the caller (package
// pades, wired in cmd/boussole): rendered with PDFOptions.DigitalSignature,
// its page says what that signature proves; without it, the page says the
// PDF carries none (revisions signed before installation keys). Report
// itself holds no key and does no cryptography. VerifySigned compares the
// re-rendered revision with the bytes before the signature's incremental
// update.
//
// # KPI CSV
//
// KPICSV writes one table a spreadsheet can filter: UTF-8 with a byte-order
// mark (so that Excel reads accents), headers in the charter's language,
// ";" as separator for French charters and "," for English ones, CRLF line
// ends. The first column, Record ("Enregistrement"), is "KPI" for one row
// per KPI of the revision (all its fields, the titles of the objectives it
// measures joined with " | ", its status as of the export and its last
// check-in's date and value) or "Check-in" ("Point d'avancement") for one
// row per check-in of those KPIs (KPI id, name and unit, then date, value,
// confidence, note and author), sorted by date. Values are written as they
// were typed; each number column (Baseline, Target, Alert threshold, Value)
// has a machine-readable twin appended after the columns above ("Target
// (number)", "Cible (nombre)"): the number read in the charter's language
// (workshop.ParseNumber), written with no thousands separator and no unit,
// the decimals after a comma in a French file and a dot in an English one
// (each file's separator and decimal mark are those its language's
// spreadsheets read), empty when the text is not a number, so that a
// spreadsheet or a script can chart it without re-typing. A cell that a spreadsheet would run as a formula (starting
// with = + - @, also after leading spaces, tabs or line breaks, and not a
// number; or starting with a tab or a carriage return) is prefixed with an
// apostrophe.
//
// # Rituals ICS
//
// RitualsICS writes an RFC 5545 calendar (CRLF, lines folded at 75 octets
// on UTF-8 boundaries, TEXT escaped). Each ritual is one VEVENT with a
// stable UID (ritual id, session id, "@boussole"), DTSTAMP the revision's
// date, DTSTART its first occurrence within the period, DURATION, and an
// RRULE until the end of the period: weekly FREQ=WEEKLY;BYDAY=MO, every two
// weeks INTERVAL=2, monthly FREQ=MONTHLY;BYDAY=1TU (first given weekday of
// the month), quarterly FREQ=MONTHLY;INTERVAL=3;BYDAY=1TH. Times are in
// the charter's time zone (Charter.TimeZone, an IANA name): DTSTART carries
// TZID=<zone> with the time as typed, UNTIL is the end of the period's
// last day in that zone as a UTC instant, and one VTIMEZONE, generated from
// Go's zone data (time.Time.ZoneBounds, no other tz database), gives the
// observance in effect at the first event and every transition up to the
// end of the period as STANDARD and DAYLIGHT sub-components, so that a
// 09:00 Paris sync shows at 03:00 in New York, also in a calendar that
// only trusts the file. A charter without a zone (made before Boussole
// recorded one; the R-TZ-2 warning) keeps floating local times and no
// VTIMEZONE; a zone Go does not know (R-TZ-1) refuses the export. The
// facilitator is the ORGANIZER (a PUBLISH calendar needs one), with the
// e-mail of the participant of that name when there is one, else
// "invalid:nomail" as Exchange writes it. Attendees with an e-mail are ATTENDEE lines;
// every attendee is also named in the DESCRIPTION, after the agenda. No
// value is written raw: TEXT is escaped with its control characters
// dropped, parameters are quoted without DQUOTE or controls, and an
// attendee's e-mail that is not a valid address (workshop.ValidEmail, the
// R-PEO-1 finding) refuses the export with a message naming the
// participant, so that no line can be forged.
package report
