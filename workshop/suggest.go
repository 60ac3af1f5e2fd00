package workshop

// SuggestedRole is the role a participant's function suggests on every
// objective: finance and leadership approve (they answer for the budget and
// the direction), the teams who do the work contribute, anyone else is
// informed. Never the pilot: an objective has exactly one (R-ROLE-1), a
// choice the room makes. A suggestion only; every cell stays editable.
func SuggestedRole(f Function) Role {
	switch f {
	case FuncFinance, FuncLeadership:
		return RoleApprover
	case FuncSales, FuncMarketing, FuncCS, FuncOperations:
		return RoleContributor
	}
	return RoleInformed
}

// SuggestRoles gives every participant without a role on an objective the
// role their function suggests there. Roles already chosen are kept. It
// returns how many roles it gave.
func (c *Charter) SuggestRoles() int {
	n := 0
	for _, o := range c.Objectives {
		for _, p := range c.Participants {
			if p.ID == "" || o.ID == "" || c.roleIn(p.ID, o.ID) != "" {
				continue
			}
			c.Roles = append(c.Roles, Assignment{ParticipantID: p.ID, ObjectiveID: o.ID, Role: SuggestedRole(p.Function)})
			n++
		}
	}
	return n
}

// SameApprovers makes the approvers of objective from the approvers of
// every objective: they become approvers everywhere, and the other
// approvers become informed (still told, no longer asked to sign). A
// participant who pilots an objective stays its pilot (approving one's own
// objective is R-ROLE-4's warning, not something to create); those cells
// are returned, as objective ids per participant id.
func (c *Charter) SameApprovers(from string) (keptPilots []Assignment) {
	if ByID(c.Objectives, from) == nil {
		return nil
	}
	approvers := map[string]bool{}
	for _, id := range c.RolesOf(from).Holders[RoleApprover] {
		approvers[id] = true
	}
	for _, o := range c.Objectives {
		if o.ID == from || o.ID == "" {
			continue
		}
		for _, p := range c.Participants {
			cur := c.roleIn(p.ID, o.ID)
			switch {
			case approvers[p.ID] && cur == RolePilot:
				keptPilots = append(keptPilots, Assignment{ParticipantID: p.ID, ObjectiveID: o.ID, Role: RolePilot})
			case approvers[p.ID] && cur != RoleApprover:
				c.setRoleIn(p.ID, o.ID, RoleApprover)
			case !approvers[p.ID] && cur == RoleApprover:
				c.setRoleIn(p.ID, o.ID, RoleInformed)
			}
		}
	}
	return keptPilots
}

// roleIn is the first role participant pid holds on objective oid, "" for
// none.
func (c *Charter) roleIn(pid, oid string) Role {
	for _, a := range c.Roles {
		if a.ParticipantID == pid && a.ObjectiveID == oid {
			return a.Role
		}
	}
	return ""
}

// setRoleIn gives participant pid the one role r on objective oid.
func (c *Charter) setRoleIn(pid, oid string, r Role) {
	out := c.Roles[:0:0]
	placed := false
	for _, a := range c.Roles {
		if a.ParticipantID == pid && a.ObjectiveID == oid {
			if !placed {
				a.Role = r
				out = append(out, a)
				placed = true
			}
			continue
		}
		out = append(out, a)
	}
	if !placed {
		out = append(out, Assignment{ParticipantID: pid, ObjectiveID: oid, Role: r})
	}
	c.Roles = out
}
