package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"boussole/workshop"
)

// csvHeaders are the columns of the KPI CSV, French then English.
var csvHeaders = [][2]string{
	{"Enregistrement", "Record"},
	{"Id KPI", "KPI id"},
	{"KPI", "KPI"},
	{"Définition", "Definition"},
	{"Nature", "Kind"},
	{"Unité", "Unit"},
	{"Type de cible", "Target type"},
	{"Départ", "Baseline"},
	{"Cible", "Target"},
	{"Seuil d’alerte", "Alert threshold"},
	{"Fréquence", "Frequency"},
	{"Source", "Source"},
	{"Responsable", "Owner"},
	{"Objectifs", "Objectives"},
	{"Garde-fou", "Guardrail"},
	{"Statut", "Status"},
	{"Date", "Date"},
	{"Valeur", "Value"},
	{"Confiance (0–10)", "Confidence (0–10)"},
	{"Note", "Note"},
	{"Auteur", "Author"},
	// The number columns again, machine-readable (numberCell): appended
	// after the columns of the first releases, whose places stay put.
	{"Départ (nombre)", "Baseline (number)"},
	{"Cible (nombre)", "Target (number)"},
	{"Seuil d’alerte (nombre)", "Alert threshold (number)"},
	{"Valeur (nombre)", "Value (number)"},
}

// numberColumns maps each typed number column to its machine-readable
// twin: Baseline, Target, Alert threshold and Value.
var numberColumns = [][2]int{{7, 21}, {8, 22}, {9, 23}, {17, 24}}

// numberCell writes a number as typed in language l (workshop.ParseNumber:
// "12 000 €", "1,5", "20 %") as a spreadsheet of the file's language reads
// it as a number: no thousands separator, no unit, the decimals after a
// comma in the French file (separated by semicolons, as a French
// spreadsheet expects; "1.5" would be text there, or a date) and after a
// dot in the English one ("12000", "1,5" / "1.5", "20"); empty when the
// text is not a number.
func numberCell(v string, l workshop.Lang) string {
	if strings.TrimSpace(v) == "" {
		return ""
	}
	x, err := workshop.ParseNumber(v, l)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return ""
	}
	n := strconv.FormatFloat(x, 'f', -1, 64)
	if l == workshop.FR {
		n = strings.Replace(n, ".", ",", 1)
	}
	return n
}

// withNumbers fills the machine-readable twins of row's number columns,
// the numbers read in language l.
func withNumbers(row []string, l workshop.Lang) []string {
	for _, c := range numberColumns {
		row[c[1]] = numberCell(row[c[0]], l)
	}
	return row
}

func pick(l workshop.Lang, p [2]string) string {
	if l == workshop.FR {
		return p[0]
	}
	return p[1]
}

// KPICSV writes the KPIs of revision rev and their check-ins as one CSV
// table (see the package comment for its layout). The status is computed
// as of now.
func KPICSV(s *workshop.Session, rev int) ([]byte, error) {
	return kpiCSV(s, rev, time.Now())
}

func kpiCSV(s *workshop.Session, rev int, now time.Time) ([]byte, error) {
	r, err := s.Revision(rev)
	if err != nil {
		return nil, err
	}
	c := &r.Charter
	l := c.Lang
	if !l.Valid() {
		l = workshop.EN
	}
	// Numbers are read as the findings read them: in the charter's
	// language, French when unset.
	numLang := c.Lang
	if !numLang.Valid() {
		numLang = workshop.FR
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff") // spreadsheets read UTF-8 only after a byte-order mark
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	if l == workshop.FR {
		cw.Comma = ';' // French spreadsheets use the comma as decimal separator
	}
	header := make([]string, len(csvHeaders))
	for i, h := range csvHeaders {
		header[i] = pick(l, h)
	}
	if err := cw.Write(header); err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, err, "write the CSV")
	}

	objTitle := map[string]string{}
	for _, o := range c.Objectives {
		objTitle[o.ID] = o.Title
	}
	label := func(v string) string {
		if v == "" {
			return ""
		}
		return workshop.Label(l, v)
	}
	yes, no := "oui", "non"
	recKPI, recCheck := "KPI", "Point d’avancement"
	if l == workshop.EN {
		yes, no, recCheck = "yes", "no", "Check-in"
	}
	kpiIDs := map[string]workshop.KPI{}
	for _, k := range c.KPIs {
		kpiIDs[k.ID] = k
		var checks []workshop.CheckIn
		for _, ci := range s.CheckIns {
			if ci.KPIID == k.ID {
				checks = append(checks, ci)
			}
		}
		var objs []string
		for _, id := range k.Objectives {
			if t, ok := objTitle[id]; ok {
				objs = append(objs, t)
			} else {
				objs = append(objs, id)
			}
		}
		guard := no
		if k.Guardrail {
			guard = yes
		}
		kind := label(string(k.Kind))
		if k.Kind == workshop.KindResult {
			kind = kindLabel(l, k.Kind)
		}
		status := workshop.StatusOf(k, checks, c.Period, l, now)
		row := []string{recKPI, k.ID, k.Name, k.Definition, kind, label(string(k.Unit)), label(string(k.TargetType)),
			k.Baseline, k.Target, k.Alert, label(string(k.Frequency)), k.Source, k.Owner, strings.Join(objs, " | "), guard,
			label(string(status.Status)), "", "", "", "", "", "", "", "", ""}
		if status.Last != nil {
			row[16], row[17] = string(status.Last.Date), status.Last.Value
		}
		if err := cw.Write(cleanRow(withNumbers(row, numLang))); err != nil {
			return nil, workshop.Wrap(workshop.KindInternal, err, "write the CSV")
		}
	}
	checks := make([]workshop.CheckIn, 0, len(s.CheckIns))
	for _, ci := range s.CheckIns {
		if _, ok := kpiIDs[ci.KPIID]; ok {
			checks = append(checks, ci)
		}
	}
	sort.SliceStable(checks, func(i, j int) bool { return checks[i].Date < checks[j].Date })
	for _, ci := range checks {
		k := kpiIDs[ci.KPIID]
		row := make([]string, len(csvHeaders))
		row[0], row[1], row[2], row[5] = recCheck, k.ID, k.Name, label(string(k.Unit))
		row[16], row[17], row[18], row[19], row[20] = string(ci.Date), ci.Value, fmt.Sprint(ci.Confidence), ci.Note, ci.Author
		if ci.NoConfidence {
			row[18] = "" // none given: not a confidence of 0
		}
		if err := cw.Write(cleanRow(withNumbers(row, numLang))); err != nil {
			return nil, workshop.Wrap(workshop.KindInternal, err, "write the CSV")
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, err, "write the CSV")
	}
	return buf.Bytes(), nil
}

// cleanRow defuses cells a spreadsheet would run as a formula by prefixing
// an apostrophe, and writes line breaks as CRLF-free newlines that
// encoding/csv quotes.
func cleanRow(row []string) []string {
	for i, v := range row {
		v = strings.ReplaceAll(v, "\r\n", "\n")
		if formulaLike(v) {
			v = "'" + v
		}
		row[i] = v
	}
	return row
}

// formulaLike reports a cell a spreadsheet may run as a formula: one that
// starts with = + - @ (or their full-width forms, which some spreadsheets
// take as the same signs), possibly after blanks a spreadsheet may skip
// (any Unicode space, control or invisible format character: vertical
// tab, byte order mark, zero-width space, ideographic space…), and is not
// a number; or one that starts with a tab or a carriage return, which some
// spreadsheets take as the start of a formula.
func formulaLike(v string) bool {
	if v == "" {
		return false
	}
	if v[0] == '\t' || v[0] == '\r' {
		return true
	}
	t := strings.TrimLeftFunc(v, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError
	})
	r, _ := utf8.DecodeRuneInString(t)
	switch r {
	case '=', '@', '\uff1d', '\uff20':
		return true
	case '+', '-', '\uff0b', '\uff0d':
		return !looksNumeric(t) // a signed number such as -5 stays a number
	}
	return false
}

func looksNumeric(v string) bool {
	_, n := utf8.DecodeRuneInString(v)
	for _, r := range v[n:] {
		if !strings.ContainsRune("0123456789.,  \u00a0\u202f%€$", r) {
			return false
		}
	}
	return len(v) > n
}
