package workshop

import (
	"slices"
	"testing"
)

func TestRemoveObjectiveTakesItsRolesAndKPILinks(t *testing.T) {
	c := rulesCharter(EN)
	id := c.Objectives[0].ID
	other := len(c.Objectives) - 1
	c.RemoveObjective(id)
	if len(c.Objectives) != other {
		t.Fatalf("objectives = %d, want %d", len(c.Objectives), other)
	}
	for _, a := range c.Roles {
		if a.ObjectiveID == id {
			t.Errorf("role left on the removed objective: %+v", a)
		}
	}
	for _, k := range c.KPIs {
		if slices.Contains(k.Objectives, id) {
			t.Errorf("KPI %q still measures the removed objective", k.Name)
		}
	}
}

func TestRemoveParticipantTakesTheirRolesAndAttendance(t *testing.T) {
	c := rulesCharter(FR)
	id := c.Participants[0].ID
	n := len(c.Participants)
	c.RemoveParticipant(id)
	if len(c.Participants) != n-1 {
		t.Fatalf("participants = %d, want %d", len(c.Participants), n-1)
	}
	for _, a := range c.Roles {
		if a.ParticipantID == id {
			t.Errorf("role left for the removed participant: %+v", a)
		}
	}
	for _, r := range c.Rituals {
		if slices.Contains(r.Attendees, id) {
			t.Errorf("ritual %q still lists the removed participant", r.Name)
		}
	}
}
