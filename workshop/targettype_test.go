package workshop

import "testing"

// The behaviour of each target type, as the rules use it: R-KPI-3 (alert
// side), the KPI status (direction, linear progress) and the agendas.
func TestTargetTypeBehaviour_RKPI3_Status_Issue8_8(t *testing.T) {
	for _, c := range []struct {
		t                                  TargetType
		valid                              bool
		dir                                int
		linear, holds, alertBelow, mayEq   bool
		sideBelow, sideEqual, sideAbove    bool // AlertSideOK with alert <, =, > target
		reachedBelow, reachedAt, reachedUp bool // Reached with value <, =, > target
		alarmBelow, alarmAbove             bool // Alarming with value <, > alert
	}{
		{IncreaseTo, true, 1, true, false, true, false, true, false, false, false, true, true, true, false},
		{DecreaseTo, true, -1, true, false, false, false, false, false, true, true, true, false, false, true},
		{StayAtOrAbove, true, 1, false, true, false, true, false, true, true, false, true, true, true, false},
		{StayAtOrBelow, true, -1, false, true, true, true, true, true, false, true, true, false, false, true},
		{"", false, 0, false, false, false, false, true, true, true, false, false, false, false, false},
		{"sideways", false, 0, false, false, false, false, true, true, true, false, false, false, false, false},
	} {
		tt := c.t
		if tt.Valid() != c.valid || tt.Direction() != c.dir || tt.Linear() != c.linear || tt.Holds() != c.holds ||
			tt.AlertBelowTarget() != c.alertBelow || tt.AlertMayEqualTarget() != c.mayEq {
			t.Errorf("%q: valid %v dir %d linear %v holds %v alertBelow %v mayEqual %v", tt, tt.Valid(), tt.Direction(),
				tt.Linear(), tt.Holds(), tt.AlertBelowTarget(), tt.AlertMayEqualTarget())
		}
		if got := [3]bool{tt.AlertSideOK(9, 10), tt.AlertSideOK(10, 10), tt.AlertSideOK(11, 10)}; got != [3]bool{c.sideBelow, c.sideEqual, c.sideAbove} {
			t.Errorf("%q: AlertSideOK below/equal/above = %v", tt, got)
		}
		if got := [3]bool{tt.Reached(9, 10), tt.Reached(10, 10), tt.Reached(11, 10)}; got != [3]bool{c.reachedBelow, c.reachedAt, c.reachedUp} {
			t.Errorf("%q: Reached below/at/above = %v", tt, got)
		}
		if got := [2]bool{tt.Alarming(9, 10), tt.Alarming(11, 10)}; got != [2]bool{c.alarmBelow, c.alarmAbove} {
			t.Errorf("%q: Alarming below/above = %v", tt, got)
		}
	}
}

// Every listed target type has its behaviour and its labels, and nothing
// else has a behaviour.
func TestTargetTypes_EachHasBehaviourAndLabels_Issue8_8(t *testing.T) {
	if len(targetBehaviours) != len(TargetTypes) {
		t.Errorf("%d behaviours for %d target types", len(targetBehaviours), len(TargetTypes))
	}
	for _, tt := range TargetTypes {
		if !tt.Valid() {
			t.Errorf("%s has no behaviour", tt)
		}
		if Label(FR, string(tt)) == string(tt) || Label(EN, string(tt)) == string(tt) {
			t.Errorf("%s has no label", tt)
		}
	}
}
