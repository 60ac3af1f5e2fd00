package workshop

import (
	"math"
	"strings"
)

// CascadeVerdict is what R-CAS-1 says of a cascade.
type CascadeVerdict string

// Cascade verdicts. Only CascadeBelow and CascadeAbove are inconsistencies
// (an R-CAS-1 warning); the others say why no sum was judged.
const (
	CascadeNoKPI       CascadeVerdict = "no-kpi"       // the cascaded KPI is not in the charter
	CascadeNotAdditive CascadeVerdict = "not-additive" // %, days, ratio, points, custom: no sum is checked
	CascadeEmpty       CascadeVerdict = "empty"        // no team target typed yet
	CascadeUnreadable  CascadeVerdict = "unreadable"   // a team target cannot be read
	CascadeNoTarget    CascadeVerdict = "no-target"    // the collective target is missing or cannot be read
	CascadeConsistent  CascadeVerdict = "consistent"   // the teams add up to the target in its direction
	CascadeBelow       CascadeVerdict = "below"        // a floor (increase to, stay at or above): the sum falls short
	CascadeAbove       CascadeVerdict = "above"        // a ceiling (decrease to, stay at or below): the sum exceeds it
)

// CascadeLineError is a team target that cannot be read.
type CascadeLineError struct {
	Line int    // 0-based index in Cascade.Lines
	Team string // as typed, trimmed
	Text string // the target as typed, trimmed
	Err  *NumberError
}

// CascadeSum is the one reading of a cascade against its KPI (R-CAS-1):
// the sum of the team targets and its verdict for the KPI's direction. The
// findings, the cascade step and the PDF all say what it says.
type CascadeSum struct {
	KPI        *KPI    // the cascaded KPI; nil when it is not in the charter
	Sum        float64 // sum of the readable team targets
	Lines      int     // team targets counted in Sum (blank ones are skipped)
	Unread     []CascadeLineError
	Target     float64 // the collective target, when TargetRead
	TargetRead bool
	Verdict    CascadeVerdict
}

// Inconsistent reports whether R-CAS-1 fires.
func (s CascadeSum) Inconsistent() bool {
	return s.Verdict == CascadeBelow || s.Verdict == CascadeAbove
}

// CheckCascade adds up the team targets of cs, read in the charter's
// language, and judges the sum against the collective target of the
// cascaded KPI (R-CAS-1): for additive units only; for "increase to" and
// "stay at or above" the teams must add up to at least the target, for
// "decrease to" and "stay at or below" to at most the target. Blank team
// targets are not counted; one that cannot be read stops the judgement.
func CheckCascade(c *Charter, cs *Cascade) CascadeSum {
	l := charterLang(c)
	var out CascadeSum
	for n, line := range cs.Lines {
		text := strings.TrimSpace(line.Target)
		if text == "" {
			continue
		}
		x, ne := parseNumber(text, l)
		if ne != nil {
			out.Unread = append(out.Unread, CascadeLineError{Line: n, Team: strings.TrimSpace(line.Team), Text: text, Err: ne})
			continue
		}
		out.Sum += x
		out.Lines++
	}
	if cs.KPIID != "" {
		out.KPI = ByID(c.KPIs, cs.KPIID)
	}
	k := out.KPI
	if k != nil && strings.TrimSpace(k.Target) != "" {
		if t, ne := parseNumber(k.Target, l); ne == nil {
			out.Target, out.TargetRead = t, true
		}
	}
	switch {
	case k == nil:
		out.Verdict = CascadeNoKPI
	case !k.Unit.Additive():
		out.Verdict = CascadeNotAdditive
	case len(out.Unread) > 0:
		out.Verdict = CascadeUnreadable
	case out.Lines == 0:
		out.Verdict = CascadeEmpty
	case !out.TargetRead:
		out.Verdict = CascadeNoTarget
	default:
		out.Verdict = cascadeVerdict(k.TargetType, out.Sum, out.Target)
	}
	return out
}

// cascadeVerdict compares a sum with the collective target in the
// direction of the target type, with a tolerance for float rounding.
func cascadeVerdict(t TargetType, sum, target float64) CascadeVerdict {
	tol := 1e-9 * math.Max(1, math.Abs(target))
	if cascadeCeiling(t) {
		if sum > target+tol {
			return CascadeAbove
		}
		return CascadeConsistent
	}
	if sum < target-tol {
		return CascadeBelow
	}
	return CascadeConsistent
}

// cascadeCeiling reports whether the collective target of t is a ceiling
// the teams must not exceed together (decrease to, stay at or below);
// otherwise it is a floor they must reach.
func cascadeCeiling(t TargetType) bool { return t.Direction() < 0 }
