package ui

import "boussole/workshop"

// stepStarted reports whether anything was filled in a step: a step with
// nothing in it shows "not started" in the navigator, not the green check
// of a step without findings (issue 9). What a new session fills by
// itself (the period, the charter's language) does not count.
func stepStarted(s *workshop.Session, step string) bool {
	rev := s.Current()
	c := &rev.Charter
	switch step {
	case workshop.StepSetup:
		return c.Title != "" || c.Scope != "" || c.Facilitator != "" || len(c.Participants) > 0
	case workshop.StepIntent:
		return c.Intent.Statement != "" || len(c.Intent.CompanyObjectives) > 0 || len(c.Intent.Hypotheses) > 0
	case workshop.StepIdeas:
		return len(s.Board.Cards) > 0
	case workshop.StepObjectives:
		return len(c.Objectives) > 0
	case workshop.StepKPIs:
		return len(c.KPIs) > 0
	case workshop.StepRoles:
		return len(c.Roles) > 0
	case workshop.StepCascade:
		return len(c.Cascades) > 0
	case workshop.StepRituals:
		return len(c.Rituals) > 0
	case workshop.StepIncentives:
		return c.Incentive.Enabled || c.Incentive.Share != "" || c.Incentive.Note != ""
	case workshop.StepLog:
		return len(c.Decisions) > 0 || len(rev.LateDecisions) > 0
	case workshop.StepReview:
		return len(rev.Signatures) > 0 || len(rev.Declines) > 0 || rev.Number > 1
	}
	return true
}
