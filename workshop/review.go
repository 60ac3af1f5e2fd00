package workshop

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Review is what the review pack of a ritual shows as of a day (PRODUCT.md
// §5): the dashboard, the check-in notes and the decisions since the
// ritual's previous occurrence, its agenda and attendees.
type Review struct {
	Revision  *Revision
	Ritual    *Ritual // nil when the charter has no ritual
	AsOf      time.Time
	Since     time.Time // the previous occurrence (exclusive); the period's start without a ritual
	Dashboard []ObjectiveTrack
	Notes     []CheckIn  // check-ins with a note, dated in (Since, AsOf], by date
	Decisions []Decision // decision-log entries dated in (Since, AsOf], by date
	Attendees []Participant
}

// FindRitual returns the ritual of c whose id, name, kind or cadence is
// ref (case and spacing aside); an empty ref gives the first ritual (nil
// when there is none).
func FindRitual(c *Charter, ref string) (*Ritual, error) {
	if strings.TrimSpace(ref) == "" {
		if len(c.Rituals) == 0 {
			return nil, nil
		}
		return &c.Rituals[0], nil
	}
	key := personKey(ref)
	for _, match := range []func(r Ritual) bool{
		func(r Ritual) bool { return r.ID == strings.TrimSpace(ref) || personKey(r.Name) == key },
		func(r Ritual) bool {
			return personKey(string(r.Kind)) == key || personKey(string(r.Cadence)) == key ||
				personKey(Label(FR, string(r.Cadence))) == key || personKey(Label(EN, string(r.Cadence))) == key
		},
	} {
		for i := range c.Rituals {
			if match(c.Rituals[i]) {
				return &c.Rituals[i], nil
			}
		}
	}
	var names []string
	for _, r := range c.Rituals {
		names = append(names, strconv.Quote(r.Name))
	}
	if len(names) == 0 {
		return nil, Errorf(KindInvalid, "ritual %s: this charter has no ritual", strconv.Quote(ref))
	}
	return nil, Errorf(KindInvalid, "ritual %s is not in this charter (its rituals: %s)", strconv.Quote(ref), strings.Join(names, ", "))
}

// PreviousOccurrence is the ritual's last occurrence strictly before the
// day of asOf: the same weekday a week before (two for a biweekly one), or
// the first such weekday of an earlier month (monthly) or quarter
// (quarterly), as the calendar export schedules them.
func PreviousOccurrence(r Ritual, asOf time.Time) time.Time {
	d := dayOf(asOf)
	back := (int(d.Weekday()) - int(r.Weekday) + 7) % 7
	if back == 0 {
		back = 7
	}
	last := d.AddDate(0, 0, -back)
	switch r.Cadence {
	case CadenceBiweekly:
		return last.AddDate(0, 0, -7)
	case CadenceMonthly, CadenceQuarterly:
		step := 1
		if r.Cadence == CadenceQuarterly {
			step = 3
		}
		// First weekday of month m of year y.
		first := func(y int, m time.Month) time.Time {
			t := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
			return t.AddDate(0, 0, (int(r.Weekday)-int(t.Weekday())+7)%7)
		}
		m := d.Month()
		if step == 3 {
			m = time.Month((int(m)-1)/3*3 + 1)
		}
		t := first(d.Year(), m)
		for !t.Before(d) {
			mm := time.Date(t.Year(), t.Month()-time.Month(step), 1, 0, 0, 0, 0, time.UTC)
			t = first(mm.Year(), mm.Month())
		}
		return t
	}
	return last
}

// ReviewOf gathers the review of ritual ritualRef (see FindRitual) of the
// tracked revision of s as of asOf.
func (s *Session) ReviewOf(ritualRef string, asOf time.Time) (*Review, error) {
	r := s.TrackedRevision()
	c := &r.Charter
	rt, err := FindRitual(c, ritualRef)
	if err != nil {
		return nil, err
	}
	rv := &Review{Revision: r, Ritual: rt, AsOf: dayOf(asOf), Dashboard: Dashboard(c, s.CheckIns, asOf)}
	if rt != nil {
		rv.Since = PreviousOccurrence(*rt, asOf)
		for _, id := range rt.Attendees {
			if p := ByID(c.Participants, id); p != nil {
				rv.Attendees = append(rv.Attendees, *p)
			}
		}
	} else if start, ok := c.Period.Start.Time(); ok {
		rv.Since = start.AddDate(0, 0, -1)
	}
	in := func(d Date) bool {
		t, ok := d.Time()
		return ok && t.After(rv.Since) && !t.After(rv.AsOf)
	}
	for _, ci := range historyByDate(s.CheckIns) {
		if strings.TrimSpace(ci.Note) != "" && in(ci.Date) && ByID(c.KPIs, ci.KPIID) != nil {
			rv.Notes = append(rv.Notes, ci)
		}
	}
	for _, d := range append(append([]Decision(nil), c.Decisions...), r.LateDecisions...) {
		if in(d.Date) {
			rv.Decisions = append(rv.Decisions, d)
		}
	}
	sortByDate(rv.Decisions, func(d Decision) Date { return d.Date })
	return rv, nil
}

// historyByDate is the check-ins by date, then in the order entered.
func historyByDate(cis []CheckIn) []CheckIn {
	out := append([]CheckIn(nil), cis...)
	sortByDate(out, func(c CheckIn) Date { return c.Date })
	return out
}

func sortByDate[T any](list []T, date func(T) Date) {
	slices.SortStableFunc(list, func(a, b T) int { return strings.Compare(string(date(a)), string(date(b))) })
}
