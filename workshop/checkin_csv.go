package workshop

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Reading check-ins from a CSV file (PRODUCT.md §5): the columns of the KPI
// CSV export (report.KPICSV) in either language, or any file whose header
// names at least a KPI (id or name), a date and a value. Separators (comma,
// semicolon, tab), numbers and dates are read the file's way: a header in
// French, or a semicolon, means French conventions ("1 200,5",
// "31/03/2027"); English otherwise; ISO dates always. The file is accepted
// whole or not at all: ReadCheckInsCSV gives every bad line with its
// reason, and the caller stores nothing unless there is none.

// Limits of ReadCheckInsCSV.
const (
	MaxCheckInsCSVSize = 20 << 20
	MaxCheckInsCSVRows = 200_000
)

// CSVLineProblem is one bad line of a check-ins file.
type CSVLineProblem struct {
	Line   int    // 1-based line of the file
	Reason string // English, names the field and what was typed
}

func (p CSVLineProblem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Reason) }

// CSVCheckIns is what a check-ins file holds.
type CSVCheckIns struct {
	CheckIns []CheckIn // the check-ins to add, in the file's order
	Lines    []int     // the file line of each check-in
	// Known counts the lines already recorded (same KPI, date, value,
	// confidence, note and author as a check-in in force): not added twice.
	Known    int
	Skipped  int // blank lines and KPI rows of an export
	Lang     Lang
	Problems []CSVLineProblem
}

// Err is nil when the file can be stored, else an error listing the bad
// lines (the first 20, then how many more).
func (r *CSVCheckIns) Err() error {
	if len(r.Problems) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "the file was not imported (nothing was stored): %d bad line", len(r.Problems))
	if len(r.Problems) > 1 {
		b.WriteString("s")
	}
	for i, p := range r.Problems {
		if i == 20 {
			fmt.Fprintf(&b, "\n  … and %d more", len(r.Problems)-20)
			break
		}
		b.WriteString("\n  " + p.String())
	}
	return Errorf(KindInvalid, "%s", b.String())
}

// csvColumn names the columns a check-ins file may have.
type csvColumn int

const (
	colRecord csvColumn = iota
	colKPIID
	colKPI
	colDate
	colValue
	colConfidence
	colNote
	colAuthor
	colCount
)

// csvHeaderWords maps a folded header to its column and the language it
// shows ("" for both).
var csvHeaderWords = map[string]struct {
	col  csvColumn
	lang Lang
}{
	"enregistrement": {colRecord, FR}, "record": {colRecord, EN}, "type": {colRecord, ""},
	"id kpi": {colKPIID, FR}, "kpi id": {colKPIID, EN}, "id": {colKPIID, ""},
	"kpi": {colKPI, ""}, "indicateur": {colKPI, FR}, "nom": {colKPI, FR}, "name": {colKPI, EN},
	"date":   {colDate, ""},
	"valeur": {colValue, FR}, "value": {colValue, EN},
	"confiance": {colConfidence, FR}, "confidence": {colConfidence, EN},
	"note": {colNote, ""}, "commentaire": {colNote, FR}, "comment": {colNote, EN},
	"auteur": {colAuthor, FR}, "author": {colAuthor, EN},
}

// foldHeader lowers a header, drops accents, a parenthesised hint
// ("Confiance (0–10)") and extra spaces.
func foldHeader(h string) string {
	if i := strings.IndexByte(h, '('); i >= 0 {
		h = h[:i]
	}
	h = strings.NewReplacer("é", "e", "è", "e", "É", "e", "ê", "e").Replace(h)
	return normalInput(h)
}

// ReadCheckInsCSV reads a check-ins file for session s (against its
// tracked revision), as if entered at now. Nothing is changed in s.
func ReadCheckInsCSV(s *Session, data []byte, now time.Time) (*CSVCheckIns, error) {
	if len(data) > MaxCheckInsCSVSize {
		return nil, Errorf(KindInvalid, "the file is too large (%.1f MB; at most %d MB)", float64(len(data))/(1<<20), MaxCheckInsCSVSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8Offset(data)], []byte("\n"))
		return nil, Errorf(KindInvalid, "line %d is not UTF-8 text: save the file as CSV UTF-8", line)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Errorf(KindInvalid, "the file is empty")
	}
	firstLine, _, _ := bytes.Cut(data, []byte("\n"))
	comma := ','
	best := bytes.Count(firstLine, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if n := bytes.Count(firstLine, []byte(string(c))); n > best {
			comma, best = c, n
		}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false

	header, err := cr.Read()
	if err != nil {
		return nil, csvReadError(err)
	}
	cols := [colCount]int{}
	for i := range cols {
		cols[i] = -1
	}
	r := &CSVCheckIns{}
	votes := map[Lang]int{}
	for i, h := range header {
		w, ok := csvHeaderWords[foldHeader(h)]
		if !ok || cols[w.col] >= 0 {
			continue
		}
		cols[w.col] = i
		if w.lang != "" {
			votes[w.lang]++
		}
	}
	switch {
	case cols[colKPIID] < 0 && cols[colKPI] < 0:
		return nil, Errorf(KindInvalid, "line 1: no KPI column (the header needs \"KPI\" or \"KPI id\", \"Date\" and \"Value\", or the French \"Id KPI\", \"Date\" and \"Valeur\")")
	case cols[colDate] < 0:
		return nil, Errorf(KindInvalid, "line 1: no \"Date\" column")
	case cols[colValue] < 0:
		return nil, Errorf(KindInvalid, "line 1: no value column (\"Value\" or \"Valeur\")")
	}
	c := &s.TrackedRevision().Charter
	switch {
	case votes[FR] > votes[EN], votes[FR] == votes[EN] && comma == ';':
		r.Lang = FR
	case votes[EN] > votes[FR]:
		r.Lang = EN
	default:
		r.Lang = charterLang(c)
	}

	// The check-in in force per KPI and day, which a line of that KPI and
	// day corrects; and what is stored, to tell lines already recorded.
	type kpiDay struct {
		kpi  string
		date Date
	}
	inForce := map[kpiDay]string{}
	stored := map[kpiDay][]CheckIn{}
	for _, ci := range EffectiveCheckIns(s.CheckIns) {
		inForce[kpiDay{ci.KPIID, ci.Date}] = ci.ID
	}
	for _, ci := range s.CheckIns {
		stored[kpiDay{ci.KPIID, ci.Date}] = append(stored[kpiDay{ci.KPIID, ci.Date}], ci)
	}
	field := func(rec []string, col csvColumn) string {
		if i := cols[col]; i >= 0 && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for rows := 0; ; rows++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				r.Problems = append(r.Problems, CSVLineProblem{pe.StartLine, pe.Err.Error()})
				continue
			}
			return nil, csvReadError(err)
		}
		line, _ := cr.FieldPos(0)
		if rows >= MaxCheckInsCSVRows {
			return nil, Errorf(KindInvalid, "the file has more than %d lines: split it", MaxCheckInsCSVRows)
		}
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			r.Skipped++
			continue
		}
		if kind := foldHeader(field(rec, colRecord)); kind == "kpi" {
			r.Skipped++ // the KPI rows of an export describe the KPIs
			continue
		}
		kpi := field(rec, colKPIID)
		if kpi == "" || FindKPIQuiet(c, kpi) == nil {
			if name := field(rec, colKPI); name != "" {
				kpi = name
			}
		}
		in := CheckInInput{KPI: kpi, Value: field(rec, colValue), Date: field(rec, colDate), Confidence: field(rec, colConfidence),
			Note: field(rec, colNote), Author: field(rec, colAuthor), Lang: r.Lang}
		if in.Date == "" {
			r.Problems = append(r.Problems, CSVLineProblem{line, "the date is empty"})
			continue
		}
		ci, err := readCheckIn(c, in, now)
		if err != nil {
			r.Problems = append(r.Problems, CSVLineProblem{line, Message(err)})
			continue
		}
		key := kpiDay{ci.KPIID, ci.Date}
		if known(stored[key], ci) {
			r.Known++
			continue
		}
		// One nanosecond apart: the store keeps the file's order.
		ci.RecordedAt = ci.RecordedAt.Add(time.Duration(len(r.CheckIns)))
		ci.Supersedes = inForce[key]
		inForce[key] = ci.ID
		r.CheckIns = append(r.CheckIns, ci)
		r.Lines = append(r.Lines, line)
	}
	return r, nil
}

// FindKPIQuiet is FindKPI without the error.
func FindKPIQuiet(c *Charter, ref string) *KPI {
	k, _ := FindKPI(c, ref)
	return k
}

// known reports whether ci says again what a stored check-in of its KPI
// and day says (a file exported, then imported again).
func known(cis []CheckIn, ci CheckIn) bool {
	for _, old := range cis {
		if old.KPIID == ci.KPIID && old.Date == ci.Date && old.Value == ci.Value && old.Note == ci.Note &&
			old.Author == ci.Author && old.NoConfidence == ci.NoConfidence && old.Confidence == ci.Confidence {
			return true
		}
	}
	return false
}

func csvReadError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Errorf(KindInvalid, "line %d: %v", pe.StartLine, pe.Err)
	}
	return Errorf(KindInvalid, "the file cannot be read as CSV: %v", err)
}

// invalidUTF8Offset is the offset of the first byte that is not UTF-8.
func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}
