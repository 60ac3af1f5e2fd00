package workshop

import "slices"

// RemoveObjective deletes objective id with what points to it: its roles
// and the KPIs' links to it. Side effects go with the objective.
func (c *Charter) RemoveObjective(id string) {
	c.Objectives = slices.DeleteFunc(c.Objectives, func(o Objective) bool { return o.ID == id })
	c.Roles = slices.DeleteFunc(c.Roles, func(a Assignment) bool { return a.ObjectiveID == id })
	for i := range c.KPIs {
		c.KPIs[i].Objectives = slices.DeleteFunc(c.KPIs[i].Objectives, func(oid string) bool { return oid == id })
	}
}

// RemoveParticipant deletes participant id with their roles and their
// place among the rituals' attendees.
func (c *Charter) RemoveParticipant(id string) {
	c.Participants = slices.DeleteFunc(c.Participants, func(p Participant) bool { return p.ID == id })
	c.Roles = slices.DeleteFunc(c.Roles, func(a Assignment) bool { return a.ParticipantID == id })
	for i := range c.Rituals {
		c.Rituals[i].Attendees = slices.DeleteFunc(c.Rituals[i].Attendees, func(a string) bool { return a == id })
	}
}

// RemoveKPI deletes KPI id with what points to it: its cascades and the
// side effects' guardrail links to it (the side effects stay).
func (c *Charter) RemoveKPI(id string) {
	c.KPIs = slices.DeleteFunc(c.KPIs, func(k KPI) bool { return k.ID == id })
	c.Cascades = slices.DeleteFunc(c.Cascades, func(x Cascade) bool { return x.KPIID == id })
	for i := range c.Objectives {
		for j := range c.Objectives[i].SideEffects {
			if se := &c.Objectives[i].SideEffects[j]; se.GuardrailID == id {
				se.GuardrailID = ""
			}
		}
	}
}
