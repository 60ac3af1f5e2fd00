package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
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
			label(string(status.Status)), "", "", "", "", ""}
		if status.Last != nil {
			row[16], row[17] = string(status.Last.Date), status.Last.Value
		}
		if err := cw.Write(cleanRow(row)); err != nil {
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
		if err := cw.Write(cleanRow(row)); err != nil {
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
