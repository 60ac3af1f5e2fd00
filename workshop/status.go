package workshop

import (
	"slices"
	"sort"
	"time"
)

// KPIStatus is the state of a KPI after the workshop (PRODUCT.md §2 "KPI
// status"), and of an objective (the worst of its KPIs). Stored and
// exchanged as these strings.
type KPIStatus string

// KPI statuses.
const (
	StatusAchieved KPIStatus = "achieved"
	StatusAlert    KPIStatus = "alert"
	StatusAtRisk   KPIStatus = "at-risk"
	StatusOnTrack  KPIStatus = "on-track"
	StatusOutdated KPIStatus = "outdated"
	StatusNoData   KPIStatus = "no-data"
)

// KPIStatuses lists the statuses from best to worst (the order Worse uses).
var KPIStatuses = []KPIStatus{StatusAchieved, StatusOnTrack, StatusNoData, StatusOutdated, StatusAtRisk, StatusAlert}

// atRiskRatio: a KPI is at risk when its progress is below this share of
// the progress expected at this point of the period.
const atRiskRatio = 0.75

// outdatedFactor: a KPI is outdated when its last check-in is older than
// this many times its measurement frequency.
const outdatedFactor = 1.5

// KPIReport is the status of one KPI at a moment, with what explains it.
type KPIReport struct {
	Status KPIStatus
	// Progress is (current − baseline) / (target − baseline) for "increase
	// to" and "decrease to" (not clamped: below 0 means it went the wrong
	// way, above 1 beyond the target); for "stay at or above/below" it is 1
	// on the right side of the target and 0 on the wrong side. It is 0 when
	// HasProgress is false (no data, baseline or target unreadable, or
	// target equal to baseline).
	Progress    float64
	HasProgress bool
	// Expected is the share of the period elapsed at now, 0–1 (0 when the
	// period's dates are not set).
	Expected float64
	// Current is the value of the last check-in (0 when there is none).
	Current float64
	// Last is the latest readable check-in of this KPI (nil when none).
	Last *CheckIn
	// Trend holds the readable values of the KPI's check-ins by date.
	Trend []float64
}

// StatusOf computes the status of KPI k from the check-ins (any KPI's:
// those of k are picked by id), in period p, reading numbers in language l,
// at time now.
//
// Order of precedence: no data (no readable check-in) → outdated (last
// check-in older than 1.5 × the frequency in days) → achieved → alert →
// at risk → on track.
//
//   - "Increase to" / "decrease to": achieved when the last value reaches
//     the target; alert when it is on the wrong side of the alert threshold
//     (below it for increase, above for decrease); at risk when progress
//     is below 75 % of the elapsed share of the period.
//   - "Stay at or above" / "stay at or below" is a promise kept all period
//     long, so it is achieved only once the period is over with the last
//     value on the right side of the target. During the period the alert
//     threshold sits on the safe side of the target (R-KPI-3), an early
//     warning: on track beyond it, at risk between it and the target,
//     alert on the wrong side of the target (at risk when no alert
//     threshold is set).
//
// Superseded check-ins (corrected by a later one) and check-ins whose
// date or value cannot be read are ignored (their finding
// belongs to whoever entered them); so is an unknown target type's
// direction, which leaves the KPI on track once measured.
func StatusOf(k KPI, checkins []CheckIn, p Period, l Lang, now time.Time) KPIReport {
	today := dayOf(now)
	r := KPIReport{Expected: elapsedShare(p, today)}

	type point struct {
		day time.Time
		ci  CheckIn
		v   float64
	}
	var pts []point
	for _, ci := range EffectiveCheckIns(checkins) {
		if k.ID == "" || ci.KPIID != k.ID {
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
		pts = append(pts, point{d, ci, v})
	}
	if len(pts) == 0 {
		r.Status = StatusNoData
		return r
	}
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].day.Before(pts[j].day) })
	for _, pt := range pts {
		r.Trend = append(r.Trend, pt.v)
	}
	last := pts[len(pts)-1]
	lastCI := last.ci
	r.Last, r.Current = &lastCI, last.v

	base, okB := readNumber(k.Baseline, l)
	target, okT := readNumber(k.Target, l)
	alert, okA := readNumber(k.Alert, l)
	cur := last.v

	t := k.TargetType
	stay := t.Holds()
	rightOfTarget := okT && t.Reached(cur, target)

	switch {
	case stay && okT:
		r.HasProgress = true
		if rightOfTarget {
			r.Progress = 1
		}
	case t.Linear() && okB && okT && target != base:
		r.HasProgress = true
		r.Progress = (cur - base) / (target - base)
	}

	freq := float64(k.Frequency.Days())
	age := today.Sub(dayOf(last.day)).Hours() / 24
	periodOver := false
	if end, ok := p.End.Time(); ok && today.After(end) {
		periodOver = true
	}

	switch {
	case freq > 0 && age > outdatedFactor*freq:
		r.Status = StatusOutdated
	case rightOfTarget && (!stay || periodOver):
		r.Status = StatusAchieved
	case stay && okT && !rightOfTarget && okA:
		r.Status = StatusAlert // the level promised is broken
	case stay && okT && !rightOfTarget:
		r.Status = StatusAtRisk // no alert threshold to say how bad
	case stay && okT && okA && t.Alarming(cur, alert):
		r.Status = StatusAtRisk // between the target and the alert threshold
	case okA && t.Alarming(cur, alert):
		r.Status = StatusAlert
	case !stay && r.HasProgress && r.Progress < atRiskRatio*r.Expected:
		r.Status = StatusAtRisk
	default:
		r.Status = StatusOnTrack
	}
	return r
}

// readNumber reads an optional number: ok is false when blank or unreadable.
func readNumber(text string, l Lang) (float64, bool) {
	v, ne := parseNumber(text, l)
	return v, ne == nil
}

// dayOf returns the calendar day of t (in t's location) as midnight UTC, so
// that day arithmetic never depends on time zones or daylight saving.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// elapsedShare is the share of period p elapsed on day today, 0–1; the end
// date is included in the period.
func elapsedShare(p Period, today time.Time) float64 {
	start, ok1 := p.Start.Time()
	end, ok2 := p.End.Time()
	if !ok1 || !ok2 {
		return 0
	}
	end = end.AddDate(0, 0, 1)
	if !end.After(start) {
		return 0
	}
	share := float64(today.Sub(start)) / float64(end.Sub(start))
	switch {
	case share < 0:
		return 0
	case share > 1:
		return 1
	}
	return share
}

// rank orders statuses from best (0) to worst.
func (s KPIStatus) rank() int {
	if i := slices.Index(KPIStatuses, s); i >= 0 {
		return i
	}
	return 2 // unknown: as bad as no data
}

// Worse returns the worse of two statuses: alert, then at risk, outdated,
// no data, on track, achieved. Unknown (not measured yet, stale) is worse
// than on track, better than a KPI known to be off course.
func Worse(a, b KPIStatus) KPIStatus {
	if b.rank() > a.rank() {
		return b
	}
	return a
}

// ObjectiveStatus is the worst status of the KPIs that measure objective
// objID (no data when none does), numbers read in the charter's language.
func ObjectiveStatus(c *Charter, objID string, checkins []CheckIn, now time.Time) KPIStatus {
	if c == nil {
		return StatusNoData
	}
	kpis := kpisOf(c, objID)
	if len(kpis) == 0 {
		return StatusNoData
	}
	l := charterLang(c)
	status := StatusAchieved
	for _, k := range kpis {
		status = Worse(status, StatusOf(*k, checkins, c.Period, l, now).Status)
	}
	return status
}
