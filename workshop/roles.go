package workshop

import "strings"

// ObjectiveRoles is who holds each role on one objective: distinct
// participants of the charter, in the order of the roles matrix. R-ROLE-1..4
// are judged on it, and the roles step shows it.
type ObjectiveRoles struct {
	Holders map[Role][]string // participant ids per role
	// Pilot is the one pilot when there is exactly one.
	Pilot *Participant
	// SelfApproved (R-ROLE-4): with one pilot and at least one approver,
	// every approver is the pilot (same participant or same name).
	SelfApproved bool
}

// Count is how many distinct participants hold role r.
func (o ObjectiveRoles) Count(r Role) int { return len(o.Holders[r]) }

// SelfApprovalJudged reports whether R-ROLE-4 can be judged: it needs
// exactly one pilot and at least one approver.
func (o ObjectiveRoles) SelfApprovalJudged() bool {
	return o.Count(RolePilot) == 1 && o.Count(RoleApprover) > 0
}

// RolesOf counts the roles on objective id. Assignments of participants
// who are not in the charter, and a participant's second assignment of the
// same role, do not count.
func (c *Charter) RolesOf(objectiveID string) ObjectiveRoles {
	out := ObjectiveRoles{Holders: map[Role][]string{}}
	if objectiveID == "" {
		return out
	}
	seen := map[Role]map[string]bool{}
	for _, a := range c.Roles {
		if a.ObjectiveID != objectiveID || a.ParticipantID == "" || ByID(c.Participants, a.ParticipantID) == nil {
			continue
		}
		if seen[a.Role] == nil {
			seen[a.Role] = map[string]bool{}
		}
		if !seen[a.Role][a.ParticipantID] {
			seen[a.Role][a.ParticipantID] = true
			out.Holders[a.Role] = append(out.Holders[a.Role], a.ParticipantID)
		}
	}
	if pilots := out.Holders[RolePilot]; len(pilots) == 1 {
		out.Pilot = ByID(c.Participants, pilots[0])
	}
	if out.SelfApprovalJudged() {
		out.SelfApproved = true
		for _, id := range out.Holders[RoleApprover] {
			if !samePerson(*out.Pilot, *ByID(c.Participants, id)) {
				out.SelfApproved = false
				break
			}
		}
	}
	return out
}

// samePerson reports whether two participants are one person: the same id,
// or the same name whatever the case.
func samePerson(a, b Participant) bool {
	if a.ID == b.ID {
		return true
	}
	an, bn := strings.TrimSpace(a.Name), strings.TrimSpace(b.Name)
	return bn != "" && strings.EqualFold(an, bn)
}

// RolesHeld returns the role assignments of participant id, in matrix
// order (what removing the participant takes away).
func (c *Charter) RolesHeld(participantID string) []Assignment {
	var out []Assignment
	for _, a := range c.Roles {
		if a.ParticipantID == participantID {
			out = append(out, a)
		}
	}
	return out
}
