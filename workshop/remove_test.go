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

func TestRemoveKPITakesItsCascadesAndGuardrailLinks(t *testing.T) {
	c := rulesCharter(EN)
	c.Cascades = append(c.Cascades, Cascade{ID: "c2", KPIID: "k4"})
	c.RemoveKPI("k4")
	if ByID(c.KPIs, "k4") != nil || len(c.KPIs) != 3 {
		t.Fatalf("KPIs after removal: %d", len(c.KPIs))
	}
	if len(c.Cascades) != 1 || c.Cascades[0].ID != "c1" {
		t.Errorf("cascades = %+v", c.Cascades)
	}
	se := c.Objectives[0].SideEffects[0]
	if se.GuardrailID != "" || se.Description == "" {
		t.Errorf("side effect = %+v: keeps its text, loses the guardrail", se)
	}
	c.RemoveKPI("unknown") // nothing happens
	if len(c.KPIs) != 3 {
		t.Error("removing an unknown KPI changed the charter")
	}
}

func TestByIDFindsInPlace(t *testing.T) {
	c := rulesCharter(EN)
	k := ByID(c.KPIs, "k2")
	if k == nil || k.Name != "Win rate" {
		t.Fatalf("ByID = %v", k)
	}
	k.Name = "Win rate (ICP)"
	if c.KPIs[1].Name != "Win rate (ICP)" {
		t.Error("ByID returned a copy")
	}
	if ByID(c.KPIs, "") != nil || ByID(c.Participants, "nobody") != nil || ByID([]Card(nil), "x") != nil {
		t.Error("ByID found something for an unknown id")
	}
	c.KPIs[2].ID = "" // as an imported file may hold it
	if k := ByID(c.KPIs, ""); k != &c.KPIs[2] {
		t.Error("an item without id cannot be looked up")
	}
}
