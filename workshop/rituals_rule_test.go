package workshop

import (
	"strings"
	"testing"
)

func TestRRIT2_UnplaceableRitual(t *testing.T) {
	for _, l := range []Lang{FR, EN} {
		c := rulesCharter(l)
		if got := withCode(Validate(c), RRIT2); len(got) != 0 {
			t.Fatalf("%s: valid rituals give R-RIT-2: %v", l, got)
		}
		c.Rituals[0].Time = "9h30"
		c.Rituals[1].Minutes = 0
		got := withCode(Validate(c), RRIT2)
		if len(got) != 2 {
			t.Fatalf("%s: want 2 R-RIT-2, got %v", l, got)
		}
		if got[0].Severity != SevWarning || got[0].Where != (Where{StepRituals, c.Rituals[0].ID, "time"}) {
			t.Errorf("%s: time finding = %+v", l, got[0])
		}
		if got[1].Where != (Where{StepRituals, c.Rituals[1].ID, "minutes"}) {
			t.Errorf("%s: minutes finding = %+v", l, got[1])
		}
		msgTime, msgMin := got[0].Message(l), got[1].Message(l)
		wantTime, wantMin := "is not written HH:MM", "no duration"
		if l == FR {
			wantTime, wantMin = "ne s’écrit pas HH:MM", "aucune durée"
		}
		if !strings.Contains(msgTime, wantTime) || !strings.Contains(msgTime, "9h30") || !strings.Contains(msgTime, c.Rituals[0].Name) {
			t.Errorf("%s: time message %q", l, msgTime)
		}
		if !strings.Contains(msgMin, wantMin) || !strings.Contains(msgMin, c.Rituals[1].Name) {
			t.Errorf("%s: minutes message %q", l, msgMin)
		}
		if HasErrors(got) {
			t.Errorf("%s: R-RIT-2 must not block sign-off", l)
		}
	}
}
