package workshop

// targetBehaviour is what a target type means to the rules: R-KPI-3 (where
// the alert threshold sits), the KPI status, R-CAS-1 and the agendas all
// ask the target type through its methods, so that adding a type is one
// constant (session.go), one label (labels.go) and one row here.
type targetBehaviour struct {
	// up: the KPI is meant to be high (its direction); else low.
	up bool
	// linear: progress runs from the baseline to the target over the
	// period ("increase to", "decrease to"); else the target is a level
	// to hold all period long ("stay at or …").
	linear bool
	// alertBelow: the alert threshold sits below the target — a floor
	// under a goal to reach upwards, or an early warning under a ceiling
	// to stay at or below; else above it.
	alertBelow bool
	// alertMayEqual: the alert threshold may equal the target (a level to
	// hold can be its own alarm).
	alertMayEqual bool
}

var targetBehaviours = map[TargetType]targetBehaviour{
	IncreaseTo:    {up: true, linear: true, alertBelow: true},
	DecreaseTo:    {up: false, linear: true, alertBelow: false},
	StayAtOrAbove: {up: true, linear: false, alertBelow: false, alertMayEqual: true},
	StayAtOrBelow: {up: false, linear: false, alertBelow: true, alertMayEqual: true},
}

// Valid reports whether t is a known target type.
func (t TargetType) Valid() bool {
	_, ok := targetBehaviours[t]
	return ok
}

// Direction is +1 for a KPI meant to go up or stay high ("increase to",
// "stay at or above"), -1 for one meant to go down or stay low, 0 for an
// unknown target type.
func (t TargetType) Direction() int {
	b, ok := targetBehaviours[t]
	switch {
	case !ok:
		return 0
	case b.up:
		return 1
	}
	return -1
}

// Linear reports whether progress runs linearly from the baseline to the
// target over the period ("increase to", "decrease to"); the "stay at or …"
// types are a level to hold, and an unknown type is neither.
func (t TargetType) Linear() bool { return targetBehaviours[t].linear }

// Holds reports whether the target is a level to hold all period long
// ("stay at or above", "stay at or below").
func (t TargetType) Holds() bool { return t.Valid() && !t.Linear() }

// AlertBelowTarget reports whether the alert threshold must sit below the
// target (R-KPI-3): for "increase to" and "stay at or below"; above it for
// the others. False for an unknown type.
func (t TargetType) AlertBelowTarget() bool { return targetBehaviours[t].alertBelow }

// AlertMayEqualTarget reports whether the alert threshold may equal the
// target (R-KPI-3): for the "stay at or …" types.
func (t TargetType) AlertMayEqualTarget() bool { return targetBehaviours[t].alertMayEqual }

// AlertSideOK reports whether an alert threshold sits on the right side of
// the target (R-KPI-3). Any side is right for an unknown type, which
// R-KPI-2 reports instead.
func (t TargetType) AlertSideOK(alert, target float64) bool {
	if !t.Valid() {
		return true
	}
	if alert == target {
		return t.AlertMayEqualTarget()
	}
	return (alert < target) == t.AlertBelowTarget()
}

// Reached reports whether value is on the right side of the target: at or
// above it for a KPI meant to be high, at or below for one meant to be low;
// never for an unknown type.
func (t TargetType) Reached(value, target float64) bool {
	switch t.Direction() {
	case 1:
		return value >= target
	case -1:
		return value <= target
	}
	return false
}

// Alarming reports whether value is on the wrong side of the alert
// threshold: below it for a KPI meant to be high, above for one meant to be
// low; never for an unknown type.
func (t TargetType) Alarming(value, alert float64) bool {
	switch t.Direction() {
	case 1:
		return value < alert
	case -1:
		return value > alert
	}
	return false
}
