package workshop

import (
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"
)

// periodForms is the message part that tells a person what to type.
const periodForms = `expected a quarter "2027-Q1", a half-year "2027-H1", a month "2027-03" or a year "2027"`

// PeriodFromLabel reads a period label: a quarter "2027-Q1", a half-year
// "2027-H1", a month "2027-03" or a year "2027". Case and surrounding spaces
// do not matter, and the French "2027-T1" (trimestre) and "2027-S1"
// (semestre) are accepted; the label returned is the canonical English form.
func PeriodFromLabel(label string) (Period, error) {
	text := strings.ToUpper(strings.TrimSpace(label))
	bad := func() (Period, error) {
		return Period{}, Errorf(KindInvalid, "period %q is not readable: %s", label, periodForms)
	}
	yearText, rest, hasRest := strings.Cut(text, "-")
	if len(yearText) != 4 {
		return bad()
	}
	year, err := strconv.Atoi(yearText)
	if err != nil || year < 1000 {
		return bad()
	}
	if !hasRest {
		return monthSpan(fmt.Sprintf("%04d", year), year, 1, 12), nil
	}
	if len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'T') && rest[1] >= '1' && rest[1] <= '4' {
		q := int(rest[1] - '0')
		return monthSpan(fmt.Sprintf("%04d-Q%d", year, q), year, 3*q-2, 3*q), nil
	}
	if len(rest) == 2 && (rest[0] == 'H' || rest[0] == 'S') && (rest[1] == '1' || rest[1] == '2') {
		h := int(rest[1] - '0')
		return monthSpan(fmt.Sprintf("%04d-H%d", year, h), year, 6*h-5, 6*h), nil
	}
	if len(rest) == 2 {
		if m, err := strconv.Atoi(rest); err == nil && m >= 1 && m <= 12 {
			return monthSpan(fmt.Sprintf("%04d-%02d", year, m), year, m, m), nil
		}
	}
	return bad()
}

// span is the period from the first day of month first to the last day of
// month last of year.
func monthSpan(label string, year, first, last int) Period {
	start := time.Date(year, time.Month(first), 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(year, time.Month(last)+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	return Period{Label: label, Start: DateOf(start), End: DateOf(end)}
}

// CurrentQuarterLabel returns the label of the quarter now falls in, in
// now's own time zone ("2027-Q1").
func CurrentQuarterLabel(now time.Time) string {
	return fmt.Sprintf("%04d-Q%d", now.Year(), (int(now.Month())+2)/3)
}

// NextPeriodLabel returns the label of the period that follows p, of the
// same form (quarter, half-year, month, year). A period whose label is not
// one of those forms is followed by the quarter after its end date; without
// a readable end date the result is "".
func NextPeriodLabel(p Period) string {
	cur, err := PeriodFromLabel(p.Label)
	if err != nil {
		end, ok := p.End.Time()
		if !ok {
			return ""
		}
		return CurrentQuarterLabel(end.AddDate(0, 0, 1))
	}
	end, _ := cur.End.Time()
	next := end.AddDate(0, 0, 1)
	switch {
	case len(cur.Label) == 4:
		return fmt.Sprintf("%04d", next.Year())
	case cur.Label[5] == 'Q':
		return CurrentQuarterLabel(next)
	case cur.Label[5] == 'H':
		return fmt.Sprintf("%04d-H%d", next.Year(), (int(next.Month())+5)/6)
	default:
		return fmt.Sprintf("%04d-%02d", next.Year(), int(next.Month()))
	}
}

// NewSession returns a blank session: one draft revision whose charter has
// the title, the language, the period (by default the quarter after now's)
// and the default rituals, and a board with anonymous cards and 3 votes per
// participant.
func NewSession(title string, l Lang, period string, now time.Time) (*Session, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return nil, Errorf(KindInvalid, "the title is required")
	}
	if !l.Valid() {
		return nil, Errorf(KindInvalid, "language %q is not supported: expected fr or en", string(l))
	}
	if strings.TrimSpace(period) == "" {
		period = NextPeriodLabel(Period{Label: CurrentQuarterLabel(now)})
	}
	p, err := PeriodFromLabel(period)
	if err != nil {
		return nil, err
	}
	c := Charter{
		Title:        title,
		Period:       p,
		Lang:         l,
		Participants: []Participant{},
		Intent:       Intent{CompanyObjectives: []string{}, Hypotheses: []string{}},
		Objectives:   []Objective{},
		KPIs:         []KPI{},
		Roles:        []Assignment{},
		Cascades:     []Cascade{},
		Rituals:      DefaultRituals(l),
		Decisions:    []Decision{},
	}
	return &Session{
		ID:        NewID(),
		Created:   now,
		Updated:   now,
		Revisions: []Revision{{Number: 1, Status: StatusDraft, Charter: c}},
		Board:     Board{Anonymous: true, VotesPerParticipant: 3, Cards: []Card{}, Groups: []Group{}},
	}, nil
}

// NextPeriod starts the next period's session from a signed charter: same
// title, scope, intent, participants, objectives, KPIs, roles, cascades and
// rituals (deep copies); each KPI's baseline becomes its last measured value;
// deadlines move to the end of the new period; no check-ins, no signatures,
// an empty decision log and a link to this session.
func (s *Session) NextPeriod(now time.Time) (*Session, error) {
	cur := s.Current()
	if !cur.Frozen() {
		return nil, Errorf(KindForbidden, "revision %d is not signed yet: the next period starts from a signed charter", cur.Number)
	}
	label := NextPeriodLabel(cur.Charter.Period)
	p, err := PeriodFromLabel(label)
	if err != nil {
		return nil, Errorf(KindInvalid, "the period after %q cannot be worked out: give the charter a readable period (%s)", cur.Charter.Period.Label, periodForms)
	}
	c := cur.Charter.Clone()
	c.Period = p
	c.Readiness = Readiness{}
	c.Decisions = []Decision{}
	for i := range c.Objectives {
		c.Objectives[i].Deadline = p.End
	}
	for i := range c.KPIs {
		if last, ok := lastMeasured(s.CheckIns, c.KPIs[i].ID); ok {
			c.KPIs[i].Baseline = last.Value
		}
	}
	board := Board{Anonymous: true, VotesPerParticipant: 3, Cards: []Card{}, Groups: []Group{}, SessionMinutes: s.Board.SessionMinutes}
	if len(s.Board.Timebox) > 0 {
		board.Timebox = make(map[string]int, len(s.Board.Timebox))
		maps.Copy(board.Timebox, s.Board.Timebox)
	}
	return &Session{
		ID:         NewID(),
		PreviousID: s.ID,
		Created:    now,
		Updated:    now,
		Revisions:  []Revision{{Number: 1, Status: StatusDraft, Charter: *c}},
		Board:      board,
	}, nil
}

// lastMeasured returns the latest check-in with a value for the KPI, by
// date; of two on the same date, the one entered last wins. Superseded
// check-ins and check-ins with an unreadable date are ignored.
func lastMeasured(checkins []CheckIn, kpiID string) (CheckIn, bool) {
	var best CheckIn
	var bestAt time.Time
	found := false
	for _, ci := range EffectiveCheckIns(checkins) {
		if ci.KPIID != kpiID || strings.TrimSpace(ci.Value) == "" {
			continue
		}
		at, ok := ci.Date.Time()
		if !ok {
			continue
		}
		if !found || !at.Before(bestAt) {
			best, bestAt, found = ci, at, true
		}
	}
	return best, found
}
