package main

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"text/tabwriter"
	"time"

	"boussole/report"
	"boussole/storage"
	"boussole/workshop"
)

// The tracking verbs (PRODUCT.md §5, issue 13): checkin adds one check-in,
// checkins lists them or imports a CSV file of them.

// trackFlags are the tracking verbs' flags.
type trackFlags struct {
	kpi, value, date, confidence, note string
	importFile                         string
	asOf, ritual                       string
}

// trackingText is the command line's tracking words, French then English
// (merged into cliText).
var trackingText = map[string][2]string{
	"checkin.recorded":   {"point d’avancement enregistré", "check-in recorded"},
	"checkin.corrects":   {"corrige celui du", "corrects the one of"},
	"checkin.on":         {"le", "on"},
	"checkin.next":       {"prochain attendu le", "next due"},
	"checkin.overdue":    {"en retard", "overdue"},
	"checkin.none":       {"aucun point d’avancement", "no check-ins"},
	"checkin.imported":   {"points d’avancement importés", "check-ins imported"},
	"checkin.imported1":  {"point d’avancement importé", "check-in imported"},
	"checkin.known":      {"déjà enregistrés", "already recorded"},
	"checkin.corrected":  {"corrigé", "corrected"},
	"col.kpi":            {"KPI", "KPI"},
	"col.status":         {"STATUT", "STATUS"},
	"col.last":           {"DERNIÈRE VALEUR", "LAST VALUE"},
	"col.date":           {"DATE", "DATE"},
	"col.next":           {"PROCHAIN", "NEXT DUE"},
	"col.value":          {"VALEUR", "VALUE"},
	"col.confidence":     {"CONFIANCE", "CONFIDENCE"},
	"col.author":         {"AUTEUR", "AUTHOR"},
	"col.note":           {"NOTE", "NOTE"},
	"checkin.history":    {"Historique", "History"},
	"checkin.dashboard":  {"Tableau de bord au", "Dashboard as of"},
	"checkin.notTracked": {"brouillon : suivi de répétition (la charte n’est pas signée)", "draft: a rehearsal (the charter is not signed)"},
}

func init() {
	maps.Copy(cliText, trackingText)
	maps.Copy(placeholders, map[string]string{
		"kpi": "KPI", "value": "V", "date": "D", "confidence": "N", "note": "T", "import": "FILE.csv",
		"as-of": "DATE", "ritual": "NAME",
	})
}

var checkinVerb = &verb{
	usage:      "ID --kpi KPI --value V [--date D] [--confidence N] [--note T] [--as NAME]",
	positional: []string{"ID"},
	flags: func(c *cli, set *flag.FlagSet) {
		set.StringVar(&c.track.kpi, "kpi", "", "the KPI, by id or name")
		set.StringVar(&c.track.value, "value", "", "the value, typed as in the charter's language")
		set.StringVar(&c.track.date, "date", "", "the day measured (default today): 2027-03-31, or 31/03/2027 in a French charter")
		set.StringVar(&c.track.confidence, "confidence", "", "confidence of reaching the target, 0 to 10 (optional)")
		set.StringVar(&c.track.note, "note", "", "a note for the next review")
		set.StringVar(&c.as, "as", "", "who measured it: a participant of the charter")
	},
	do: func(c *cli, args []string) error {
		if c.track.kpi == "" {
			return usagef("--kpi is required (the KPI's id or name; boussole checkins %s lists them)", args[0])
		}
		if c.track.value == "" {
			return usagef("--value is required")
		}
		in := workshop.CheckInInput{KPI: c.track.kpi, Value: c.track.value, Date: c.track.date,
			Confidence: c.track.confidence, Note: c.track.note, Author: c.as}
		now := c.now()
		// Bad input is refused from a read-only store: not a byte of the
		// store changes (a write opening commits, if only its meta page).
		err := c.withStore(true, func(st *storage.Store) error {
			s, err := getSession(st, args[0])
			if err == nil {
				_, err = s.NewCheckIn(in, now)
			}
			return err
		})
		if err != nil {
			return err
		}
		var out string
		err = c.withStore(false, func(st *storage.Store) error {
			s, err := getSession(st, args[0])
			if err != nil {
				return err
			}
			ci, err := s.NewCheckIn(in, now)
			if err != nil {
				return err
			}
			if err := st.AddCheckIns(s.ID, []workshop.CheckIn{ci}); err != nil {
				return err
			}
			old := workshop.ByID(s.CheckIns, ci.Supersedes)
			_ = s.AddCheckIns(ci) // checked by the store
			out = checkinLine(s, ci, old, now)
			return nil
		})
		if err != nil {
			return err
		}
		_, err = fmt.Fprint(c.stdout, out)
		return err
	},
}

// checkinLine says what was recorded and where the KPI stands now.
func checkinLine(s *workshop.Session, ci workshop.CheckIn, old *workshop.CheckIn, now time.Time) string {
	r := s.TrackedRevision()
	c := &r.Charter
	l := c.Lang
	k := workshop.ByID(c.KPIs, ci.KPIID)
	asOf := now
	if d, ok := ci.Date.Time(); ok && d.After(asOf) {
		asOf = d // a check-in dated ahead (rehearsing): as of its day
	}
	t := workshop.TrackKPI(c, *k, s.CheckIns, asOf)
	line := fmt.Sprintf("%s%s%s %s %s %s (%s)", cliSay(l, "checkin.recorded"), cliSay(l, "colon"), oneLine(k.Name), oneLine(ci.Value),
		cliSay(l, "checkin.on"), ci.Date, workshop.Label(l, string(t.Report.Status)))
	if old != nil {
		line += fmt.Sprintf("%s%s %s (%s)", cliSay(l, "semicolon"), cliSay(l, "checkin.corrects"), old.Date, oneLine(old.Value))
	}
	if t.NextDue != "" {
		line += fmt.Sprintf("%s%s %s", cliSay(l, "semicolon"), cliSay(l, "checkin.next"), t.NextDue)
	}
	return line + "\n"
}

var checkinsVerb = &verb{
	usage:      "ID [--json] [--as-of DATE] | ID --import FILE.csv",
	positional: []string{"ID"},
	flags: func(c *cli, set *flag.FlagSet) {
		set.BoolVar(&c.jsonOut, "json", false, "print the dashboard and the history as JSON")
		set.StringVar(&c.track.asOf, "as-of", "", "the day the statuses are computed for (default today)")
		set.StringVar(&c.track.importFile, "import", "", "add the check-ins of a CSV file (all or none)")
	},
	do: func(c *cli, args []string) error {
		if c.track.importFile != "" {
			if c.jsonOut {
				return usagef("--json and --import do not go together")
			}
			return importCheckIns(c, args[0], c.track.importFile)
		}
		var s *workshop.Session
		err := c.withStore(true, func(st *storage.Store) error {
			var err error
			s, err = getSession(st, args[0])
			return err
		})
		if err != nil {
			return err
		}
		now, err := c.asOfDay(&s.TrackedRevision().Charter)
		if err != nil {
			return err
		}
		if c.jsonOut {
			return writeJSON(c.stdout, checkinsJSONOf(s, now))
		}
		return printCheckins(c, s, now)
	},
}

func importCheckIns(c *cli, id, path string) error {
	data, err := readChecked(path, workshop.MaxCheckInsCSVSize, func(fi os.FileInfo) error {
		switch m := fi.Mode(); {
		case m.IsDir():
			return workshop.Errorf(workshop.KindInvalid, "%s: is a directory, not a CSV file", path)
		case !m.IsRegular():
			return workshop.Errorf(workshop.KindInvalid, "%s: is not a regular file (%s), not a CSV file", path, fileKind(m))
		case fi.Size() > workshop.MaxCheckInsCSVSize:
			return workshop.Errorf(workshop.KindInvalid, "%s: larger than %d MB", path, workshop.MaxCheckInsCSVSize>>20)
		}
		return nil
	}, func() error {
		return workshop.Errorf(workshop.KindInvalid, "%s: larger than %d MB", path, workshop.MaxCheckInsCSVSize>>20)
	})
	if err != nil {
		return err
	}
	now := c.now()
	read := func(st *storage.Store) (*workshop.Session, *workshop.CSVCheckIns, error) {
		s, err := getSession(st, id)
		if err != nil {
			return nil, nil, err
		}
		r, err := workshop.ReadCheckInsCSV(s, data, now)
		if err == nil {
			err = r.Err()
		}
		if err != nil {
			return nil, nil, workshop.Errorf(workshop.KindInvalid, "%s: %s", path, workshop.Message(err))
		}
		return s, r, nil
	}
	// A bad file is refused from a read-only store: not a byte changes.
	if err := c.withStore(true, func(st *storage.Store) error { _, _, err := read(st); return err }); err != nil {
		return err
	}
	var out string
	err = c.withStore(false, func(st *storage.Store) error {
		s, r, err := read(st)
		if err != nil {
			return err
		}
		if len(r.CheckIns) > 0 {
			if err := st.AddCheckIns(s.ID, r.CheckIns); err != nil {
				return err
			}
		}
		l := s.TrackedRevision().Charter.Lang
		out = fmt.Sprintf("%d %s", len(r.CheckIns), cliSay(l, "checkin.imported"))
		if len(r.CheckIns) == 1 {
			out = "1 " + cliSay(l, "checkin.imported1")
		}
		if r.Known > 0 {
			out += fmt.Sprintf(" (%d %s)", r.Known, cliSay(l, "checkin.known"))
		}
		out += "\n"
		return nil
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(c.stdout, out)
	return err
}

// asOfDay is the day of --as-of, typed like any date of the charter, or
// today.
func (c *cli) asOfDay(ch *workshop.Charter) (time.Time, error) {
	if c.track.asOf == "" {
		return c.now(), nil
	}
	d, ok := workshop.ParseDateInput(ch.Lang, c.track.asOf)
	if !ok {
		return time.Time{}, usagef("--as-of %q is not a date (2027-03-31%s)", c.track.asOf, map[bool]string{true: " or 31/03/2027", false: ""}[ch.Lang == workshop.FR])
	}
	t, _ := d.Time()
	return t.Add(12 * time.Hour), nil
}

// checkinsJSON is what checkins --json prints.
type checkinsJSON struct {
	Session  string             `json:"session"`
	Revision int                `json:"revision"`
	Signed   bool               `json:"signed"`
	AsOf     string             `json:"asOf"`
	KPIs     []kpiTrackJSON     `json:"kpis"`
	CheckIns []checkinEntryJSON `json:"checkIns"`
}

type kpiTrackJSON struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Status   string   `json:"status"`
	Current  *float64 `json:"current"`
	Progress *float64 `json:"progress"`
	NextDue  string   `json:"nextDue,omitempty"`
	Overdue  bool     `json:"overdue"`
}

type checkinEntryJSON struct {
	ID           string   `json:"id"`
	KPIID        string   `json:"kpiId"`
	KPI          string   `json:"kpi"`
	Date         string   `json:"date"`
	Value        string   `json:"value"`
	Number       *float64 `json:"number"`
	Confidence   *int     `json:"confidence"`
	Note         string   `json:"note"`
	Author       string   `json:"author"`
	RecordedAt   string   `json:"recordedAt,omitempty"`
	Supersedes   string   `json:"supersedes,omitempty"`
	SupersededBy string   `json:"supersededBy,omitempty"`
}

func checkinsJSONOf(s *workshop.Session, now time.Time) checkinsJSON {
	r := s.TrackedRevision()
	c := &r.Charter
	out := checkinsJSON{Session: s.ID, Revision: r.Number, Signed: r.Frozen(), AsOf: string(workshop.DateOf(now)),
		KPIs: []kpiTrackJSON{}, CheckIns: []checkinEntryJSON{}}
	for _, k := range c.KPIs {
		t := workshop.TrackKPI(c, k, s.CheckIns, now)
		e := kpiTrackJSON{ID: k.ID, Name: k.Name, Status: string(t.Report.Status), NextDue: string(t.NextDue), Overdue: t.Overdue}
		if t.Report.Last != nil {
			v := t.Report.Current
			e.Current = &v
		}
		if t.Report.HasProgress {
			p := t.Report.Progress
			e.Progress = &p
		}
		out.KPIs = append(out.KPIs, e)
	}
	by := map[string]string{}
	for _, ci := range s.CheckIns {
		if ci.Supersedes != "" {
			by[ci.Supersedes] = ci.ID
		}
	}
	for _, ci := range historyOrder(s.CheckIns) {
		e := checkinEntryJSON{ID: ci.ID, KPIID: ci.KPIID, Date: string(ci.Date), Value: ci.Value, Note: ci.Note, Author: ci.Author,
			Supersedes: ci.Supersedes, SupersededBy: by[ci.ID]}
		if k := workshop.ByID(c.KPIs, ci.KPIID); k != nil {
			e.KPI = k.Name
		}
		if v, err := workshop.ParseNumber(ci.Value, c.Lang); err == nil {
			e.Number = &v
		}
		if !ci.NoConfidence {
			n := ci.Confidence
			e.Confidence = &n
		}
		if !ci.RecordedAt.IsZero() {
			e.RecordedAt = ci.RecordedAt.UTC().Format("2006-01-02T15:04:05Z07:00")
		}
		out.CheckIns = append(out.CheckIns, e)
	}
	return out
}

// historyOrder is the check-ins by date, then in the order entered.
func historyOrder(cis []workshop.CheckIn) []workshop.CheckIn {
	out := slices.Clone(cis)
	slices.SortStableFunc(out, func(a, b workshop.CheckIn) int {
		switch {
		case a.Date < b.Date:
			return -1
		case a.Date > b.Date:
			return 1
		}
		return 0
	})
	return out
}

func printCheckins(c *cli, s *workshop.Session, now time.Time) error {
	r := s.TrackedRevision()
	ch := &r.Charter
	l := ch.Lang
	w := c.stdout
	if !r.Frozen() {
		fmt.Fprintln(w, cliSay(l, "checkin.notTracked"))
	}
	fmt.Fprintf(w, "%s %s\n", cliSay(l, "checkin.dashboard"), workshop.DateOf(now))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", cliSay(l, "col.kpi"), cliSay(l, "col.status"), cliSay(l, "col.last"), cliSay(l, "col.date"), cliSay(l, "col.next"))
	for _, k := range ch.KPIs {
		t := workshop.TrackKPI(ch, k, s.CheckIns, now)
		last, date := "–", "–"
		if t.Report.Last != nil {
			last, date = oneLine(t.Report.Last.Value), string(t.Report.Last.Date)
		}
		next := string(t.NextDue)
		if t.Overdue {
			next += " (" + cliSay(l, "checkin.overdue") + ")"
		}
		if next == "" {
			next = "–"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", oneLine(k.Name), workshop.Label(l, string(t.Report.Status)), last, date, next)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if len(s.CheckIns) == 0 {
		fmt.Fprintln(w, cliSay(l, "checkin.none"))
		return nil
	}
	fmt.Fprintln(w, cliSay(l, "checkin.history"))
	superseded := map[string]bool{}
	for _, ci := range s.CheckIns {
		if ci.Supersedes != "" {
			superseded[ci.Supersedes] = true
		}
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", cliSay(l, "col.date"), cliSay(l, "col.kpi"), cliSay(l, "col.value"), cliSay(l, "col.confidence"), cliSay(l, "col.author"), cliSay(l, "col.note"))
	for _, ci := range historyOrder(s.CheckIns) {
		name := ci.KPIID
		if k := workshop.ByID(ch.KPIs, ci.KPIID); k != nil {
			name = k.Name
		}
		conf := "–"
		if !ci.NoConfidence {
			conf = strconv.Itoa(ci.Confidence)
		}
		value := oneLine(ci.Value)
		if superseded[ci.ID] {
			value += " (" + cliSay(l, "checkin.corrected") + ")"
		}
		author := oneLine(ci.Author)
		if author == "" {
			author = "–"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", ci.Date, oneLine(name), value, conf, author, oneLine(ci.Note))
	}
	return tw.Flush()
}

// reviewFlags declares export's review-pack flags.
func reviewFlags(c *cli, set *flag.FlagSet) {
	set.StringVar(&c.track.asOf, "as-of", "", "review pack: the day of the review (default today)")
	set.StringVar(&c.track.ritual, "ritual", "", "review pack: the ritual, by name, kind or cadence (default the first)")
}

// checkReviewFlags refuses the review-pack flags with another format, and
// --revision with a review pack (it follows the latest signed revision).
func checkReviewFlags(c *cli, format string) error {
	switch {
	case format != "review" && (c.track.asOf != "" || c.track.ritual != ""):
		return usagef("--as-of and --ritual apply to --format review only")
	case format == "review" && c.revision != 0:
		return usagef("--revision does not apply to a review pack: it follows the latest signed revision")
	}
	return nil
}

// reviewPack renders the review pack of s for export.
func reviewPack(c *cli, s *workshop.Session, paper string) ([]byte, error) {
	asOf, err := c.asOfDay(&s.TrackedRevision().Charter)
	if err != nil {
		return nil, err
	}
	return report.ReviewPDF(s, report.ReviewOptions{Paper: paper, AsOf: asOf, Ritual: c.track.ritual, Version: version})
}
