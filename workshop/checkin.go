package workshop

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Check-ins (PRODUCT.md §5) are measurements of a KPI after the workshop.
// They sit outside the seal and are append-only, like the late decision
// log: a correction is a new check-in that supersedes an earlier one, and
// both stay in the history. They belong to the session and are matched to
// KPIs by id, so editing or amending the charter never touches them.

// MaxCheckInNote bounds a check-in's note (a paragraph, not a document).
const MaxCheckInNote = 2000

// TrackedRevision is the revision check-ins are entered against: the
// latest signed revision, or the current draft when none is signed yet
// (to rehearse the rituals before sign-off).
func (s *Session) TrackedRevision() *Revision {
	for i := len(s.Revisions) - 1; i >= 0; i-- {
		if s.Revisions[i].Frozen() {
			return &s.Revisions[i]
		}
	}
	return s.Current()
}

// CheckInInput is a check-in as a person typed it.
type CheckInInput struct {
	KPI        string // the KPI's id or name (case and spacing do not matter)
	Value      string // a number as typed in the charter's language
	Date       string // empty: today; ISO "2027-03-31" or the language's form ("31/03/2027")
	Confidence string // empty: not given; else a whole number 0–10
	Note       string
	Author     string // empty, or a participant of the charter (name or id)
	Supersedes string // the id of the check-in it corrects, if any
	// Lang is the language the value and the date were typed in, when not
	// the charter's (a French spreadsheet for an English charter): the
	// value is then stored written the charter's way.
	Lang Lang
}

// FindKPI returns the KPI of c whose id is ref, else whose name is ref
// (without regard to case or spacing). Two KPIs with that name are an
// error naming both ids.
func FindKPI(c *Charter, ref string) (*KPI, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, Errorf(KindInvalid, "no KPI given")
	}
	if k := ByID(c.KPIs, ref); k != nil {
		return k, nil
	}
	var found []*KPI
	for i := range c.KPIs {
		if personKey(c.KPIs[i].Name) == personKey(ref) {
			found = append(found, &c.KPIs[i])
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		var names []string
		for _, k := range c.KPIs {
			names = append(names, strconv.Quote(k.Name))
		}
		return nil, Errorf(KindInvalid, "KPI %s is not in this charter (its KPIs: %s)", strconv.Quote(ref), strings.Join(names, ", "))
	}
	return nil, Errorf(KindInvalid, "two KPIs are called %s (ids %s and %s): give the id", strconv.Quote(ref), found[0].ID, found[1].ID)
}

// NewCheckIn reads in against the tracked revision of s and returns the
// check-in to append (s is not changed). Every field is checked; the
// error names the field and what was typed. The value is kept as typed
// once it reads as a number in the charter's language. A check-in on a
// KPI and a day that already has one supersedes it (a correction), unless
// in.Supersedes names another.
func (s *Session) NewCheckIn(in CheckInInput, now time.Time) (CheckIn, error) {
	ci, err := readCheckIn(&s.TrackedRevision().Charter, in, now)
	if err != nil {
		return CheckIn{}, err
	}
	switch sup := strings.TrimSpace(in.Supersedes); {
	case sup != "":
		old := ByID(s.CheckIns, sup)
		if old == nil || old.KPIID != ci.KPIID {
			return CheckIn{}, Errorf(KindInvalid, "check-in %s does not exist for this KPI, so it cannot be corrected", strconv.Quote(sup))
		}
		ci.Supersedes = sup
	default:
		if prev, ok := latestOn(s.CheckIns, ci.KPIID, ci.Date); ok {
			ci.Supersedes = prev.ID
		}
	}
	return ci, nil
}

// readCheckIn reads every field of in against charter c; the caller says
// what the check-in supersedes.
func readCheckIn(c *Charter, in CheckInInput, now time.Time) (CheckIn, error) {
	l := charterLang(c)
	k, err := FindKPI(c, in.KPI)
	if err != nil {
		return CheckIn{}, err
	}
	value := strings.TrimSpace(in.Value)
	if value == "" {
		return CheckIn{}, Errorf(KindInvalid, "KPI %q: the value is required", k.Name)
	}
	typed := l
	if in.Lang.Valid() {
		typed = in.Lang
	}
	v, ne := parseNumber(value, typed)
	if ne != nil {
		return CheckIn{}, Errorf(KindInvalid, "KPI %q: value %s: %s", k.Name, strconv.Quote(value), ne.Message(EN))
	}
	if typed != l {
		value = FormatNumber(v, l)
	}
	date := DateOf(now)
	if t := strings.TrimSpace(in.Date); t != "" {
		d, ok := ParseDateInput(typed, t)
		if !ok {
			return CheckIn{}, Errorf(KindInvalid, "KPI %q: date %s is not a date (expected %s)", k.Name, strconv.Quote(t), dateForms(typed))
		}
		date = d
	}
	ci := CheckIn{ID: NewID(), KPIID: k.ID, Date: date, Value: value, NoConfidence: true, RecordedAt: now.UTC()}
	if t := strings.TrimSpace(in.Confidence); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 || n > 10 {
			return CheckIn{}, Errorf(KindInvalid, "KPI %q: confidence %s is not a whole number from 0 to 10", k.Name, strconv.Quote(t))
		}
		ci.Confidence, ci.NoConfidence = n, false
	}
	ci.Note = strings.TrimSpace(in.Note)
	if n := len([]rune(ci.Note)); n > MaxCheckInNote {
		return CheckIn{}, Errorf(KindInvalid, "KPI %q: the note is %d characters long, at most %d", k.Name, n, MaxCheckInNote)
	}
	if a := strings.TrimSpace(in.Author); a != "" {
		p := participantNamed(c, a)
		if p == nil {
			var names []string
			for _, p := range c.Participants {
				names = append(names, strconv.Quote(p.Name))
			}
			return CheckIn{}, Errorf(KindInvalid, "%s is not a participant of this charter (participants: %s)", strconv.Quote(a), strings.Join(names, ", "))
		}
		ci.Author = p.Name
	}
	return ci, nil
}

// dateForms says how dates are typed in l.
func dateForms(l Lang) string {
	if l == FR {
		return `"31/03/2027" or "2027-03-31"`
	}
	return `"2027-03-31" or "March 31, 2027"`
}

// participantNamed is the participant of c whose id is name, else the one
// whose name it is (case and spacing aside).
func participantNamed(c *Charter, name string) *Participant {
	if p := ByID(c.Participants, strings.TrimSpace(name)); p != nil {
		return p
	}
	for i := range c.Participants {
		if personKey(c.Participants[i].Name) == personKey(name) {
			return &c.Participants[i]
		}
	}
	return nil
}

// latestOn is the last check-in in force (in slice order) of KPI kpiID on
// day d: one a later check-in supersedes is passed over.
func latestOn(cis []CheckIn, kpiID string, d Date) (CheckIn, bool) {
next:
	for i := len(cis) - 1; i >= 0; i-- {
		if cis[i].KPIID != kpiID || cis[i].Date != d {
			continue
		}
		for _, later := range cis[i+1:] {
			if later.Supersedes == cis[i].ID {
				continue next
			}
		}
		return cis[i], true
	}
	return CheckIn{}, false
}

// AddCheckIns appends check-ins made by NewCheckIn (or read from a file):
// all or none. Ids must be new and a superseded id must exist for the
// same KPI. Nothing else of the session changes: not the charter, not its
// seal, not the decision log (Updated stays, so the home list's order is
// the order of charter edits).
func (s *Session) AddCheckIns(cis ...CheckIn) error {
	known := make(map[string]string, len(s.CheckIns)+len(cis)) // id → KPI id
	for _, ci := range s.CheckIns {
		known[ci.ID] = ci.KPIID
	}
	for i, ci := range cis {
		if ci.ID == "" || ci.KPIID == "" {
			return Errorf(KindInvalid, "check-in %d has no id or no KPI", i+1)
		}
		if _, dup := known[ci.ID]; dup {
			return Errorf(KindConflict, "a check-in with id %q already exists", ci.ID)
		}
		if ci.Supersedes != "" && known[ci.Supersedes] != ci.KPIID {
			return Errorf(KindInvalid, "check-in %q corrects %q, which is not a check-in of the same KPI", ci.ID, ci.Supersedes)
		}
		known[ci.ID] = ci.KPIID
	}
	s.CheckIns = append(s.CheckIns, cis...)
	return nil
}

// EffectiveCheckIns returns the check-ins no other check-in supersedes, in
// their order.
func EffectiveCheckIns(cis []CheckIn) []CheckIn {
	superseded := map[string]bool{}
	for _, ci := range cis {
		if ci.Supersedes != "" {
			superseded[ci.Supersedes] = true
		}
	}
	if len(superseded) == 0 {
		return cis
	}
	out := make([]CheckIn, 0, len(cis)-len(superseded))
	for _, ci := range cis {
		if !superseded[ci.ID] {
			out = append(out, ci)
		}
	}
	return out
}

// CheckInsAsOf returns the check-ins dated on or before day (those with an
// unreadable date are dropped), as the charter stood that day: a correction
// recorded later still counts, since it says what the value really was.
func CheckInsAsOf(cis []CheckIn, day time.Time) []CheckIn {
	end := dayOf(day)
	out := make([]CheckIn, 0, len(cis))
	for _, ci := range cis {
		if t, ok := ci.Date.Time(); ok && !t.After(end) {
			out = append(out, ci)
		}
	}
	return out
}

// Point is one readable check-in of a KPI's series.
type Point struct {
	Date  Date
	Day   time.Time // Date at midnight UTC
	Value float64
	CheckIn
}

// SeriesOf is the series of KPI kpiID: its effective check-ins whose date
// and value read in l, by date (same day: in the order entered).
func SeriesOf(cis []CheckIn, kpiID string, l Lang) []Point {
	var out []Point
	for _, ci := range EffectiveCheckIns(cis) {
		if ci.KPIID != kpiID {
			continue
		}
		d, ok := ci.Date.Time()
		if !ok {
			continue
		}
		v, ne := parseNumber(ci.Value, l)
		if ne != nil {
			continue
		}
		out = append(out, Point{Date: ci.Date, Day: d, Value: v, CheckIn: ci})
	}
	slices.SortStableFunc(out, func(a, b Point) int { return a.Day.Compare(b.Day) })
	return out
}

// NextDue is the day the next check-in of k is due: its last check-in's
// date plus its frequency; before the first check-in, the period's start
// plus the frequency. ok is false without a frequency, or without any
// check-in and a readable period start.
func NextDue(k KPI, cis []CheckIn, p Period, l Lang) (Date, bool) {
	return nextDue(k, SeriesOf(cis, k.ID, l), p)
}

func nextDue(k KPI, pts []Point, p Period) (Date, bool) {
	days := k.Frequency.Days()
	if days == 0 {
		return "", false
	}
	from, ok := p.Start.Time()
	if len(pts) > 0 {
		from, ok = pts[len(pts)-1].Day, true
	}
	if !ok {
		return "", false
	}
	return DateOf(from.AddDate(0, 0, days)), true
}

// Overdue reports whether a check-in due on day due is late on day today.
func Overdue(due Date, today time.Time) bool {
	t, ok := due.Time()
	return ok && dayOf(today).After(t)
}

// KPITrack is everything the dashboard, the home list and the review pack
// show of one KPI at a day.
type KPITrack struct {
	KPI      KPI
	Report   KPIReport
	Series   []Point
	NextDue  Date // empty when unknown
	Overdue  bool
	Baseline float64
	Target   float64
	Alert    float64
	// HasBaseline, HasTarget and HasAlert tell whether those numbers read.
	HasBaseline, HasTarget, HasAlert bool
}

// TrackKPI computes the track of k in charter c from the session's
// check-ins, as of day asOf (check-ins dated later are not counted).
func TrackKPI(c *Charter, k KPI, cis []CheckIn, asOf time.Time) KPITrack {
	l := charterLang(c)
	// This KPI's check-ins up to asOf, in one pass (a correction always
	// names a check-in of its own KPI, so none is lost for the others).
	end := dayOf(asOf)
	var seen []CheckIn
	for _, ci := range cis {
		if ci.KPIID != k.ID {
			continue
		}
		if d, ok := ci.Date.Time(); ok && !d.After(end) {
			seen = append(seen, ci)
		}
	}
	t := KPITrack{KPI: k, Report: StatusOf(k, seen, c.Period, l, asOf), Series: SeriesOf(seen, k.ID, l)}
	t.Baseline, t.HasBaseline = readNumber(k.Baseline, l)
	t.Target, t.HasTarget = readNumber(k.Target, l)
	t.Alert, t.HasAlert = readNumber(k.Alert, l)
	if due, ok := nextDue(k, t.Series, c.Period); ok {
		t.NextDue, t.Overdue = due, Overdue(due, asOf)
		if end, ok := c.Period.End.Time(); ok && due > DateOf(end) {
			if len(t.Series) > 0 {
				t.NextDue, t.Overdue = "", false // the period ends before the next one
			} else {
				t.NextDue, t.Overdue = DateOf(end), Overdue(DateOf(end), asOf) // a first one by the period's end
			}
		}
	}
	return t
}

// ObjectiveTrack is the dashboard of one objective.
type ObjectiveTrack struct {
	Objective    Objective
	Pilot        *Participant
	Contributors []Participant
	Status       KPIStatus
	KPIs         []KPITrack
	Overdue      int
}

// Dashboard computes the dashboard of every objective of c, as of asOf.
// An objective takes the worst status of its KPIs (no data without any).
func Dashboard(c *Charter, cis []CheckIn, asOf time.Time) []ObjectiveTrack {
	out := make([]ObjectiveTrack, 0, len(c.Objectives))
	tracks := make(map[string]KPITrack, len(c.KPIs))
	for _, k := range c.KPIs {
		tracks[k.ID] = TrackKPI(c, k, cis, asOf)
	}
	for _, o := range c.Objectives {
		roles := c.RolesOf(o.ID)
		ot := ObjectiveTrack{Objective: o, Pilot: roles.Pilot, Status: StatusAchieved}
		for _, id := range roles.Holders[RoleContributor] {
			if p := ByID(c.Participants, id); p != nil {
				ot.Contributors = append(ot.Contributors, *p)
			}
		}
		for _, k := range kpisOf(c, o.ID) {
			t := tracks[k.ID]
			ot.KPIs = append(ot.KPIs, t)
			ot.Status = Worse(ot.Status, t.Report.Status)
			if t.Overdue {
				ot.Overdue++
			}
		}
		if len(ot.KPIs) == 0 {
			ot.Status = StatusNoData
		}
		out = append(out, ot)
	}
	return out
}

// Attention is a charter's tracking digest for the home list: its status
// (worst of its KPIs) and how many KPIs wait for an overdue check-in.
type Attention struct {
	Status  KPIStatus
	Overdue int
	Tracked bool // false for a charter never signed (nothing to track)
}

// AttentionOf is the digest of session s as of asOf. Only a charter with a
// signed revision is tracked.
func AttentionOf(s *Session, asOf time.Time) Attention {
	r := s.TrackedRevision()
	if !r.Frozen() {
		return Attention{}
	}
	c := &r.Charter
	a := Attention{Tracked: true, Status: StatusAchieved}
	if len(c.KPIs) == 0 {
		a.Status = StatusNoData
	}
	for _, k := range c.KPIs {
		t := TrackKPI(c, k, s.CheckIns, asOf)
		a.Status = Worse(a.Status, t.Report.Status)
		if t.Overdue {
			a.Overdue++
		}
	}
	return a
}

// NeedsAttention orders digests from the one needing the most attention:
// worse status first, then more overdue check-ins; untracked ones last.
func NeedsAttention(a, b Attention) int {
	if a.Tracked != b.Tracked {
		if a.Tracked {
			return -1
		}
		return 1
	}
	if ra, rb := a.Status.rank(), b.Status.rank(); ra != rb {
		return rb - ra
	}
	return b.Overdue - a.Overdue
}
