package workshop

// Severity of a finding. Only errors block sign-off.
type Severity string

// Severities.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevInfo    Severity = "info"
)

// Step ids of the journey (PRODUCT.md §1), in order. Findings point to a
// step; the window and the timebox use the same ids.
const (
	StepSetup      = "setup"
	StepIntent     = "intent"
	StepIdeas      = "ideas"
	StepObjectives = "objectives"
	StepKPIs       = "kpis"
	StepRoles      = "roles"
	StepCascade    = "cascade"
	StepRituals    = "rituals"
	StepIncentives = "incentives"
	StepLog        = "log"
	StepReview     = "review"
)

// Steps lists the step ids in journey order.
var Steps = []string{StepSetup, StepIntent, StepIdeas, StepObjectives, StepKPIs, StepRoles, StepCascade, StepRituals, StepIncentives, StepLog, StepReview}

// Where locates a finding: the step, the id of the item concerned
// (objective, KPI, cascade, ritual …; empty for the charter as a whole) and
// the field ("target", "alert", "deadline" …; empty for the item as a whole).
type Where struct {
	Step  string `json:"step"`
	ID    string `json:"id,omitempty"`
	Field string `json:"field,omitempty"`
}

// Finding is one result of validation.
type Finding struct {
	Code     string   `json:"code"` // "R-KPI-3"
	Severity Severity `json:"severity"`
	Where    Where    `json:"where"`
	// Args fill the message templates (names of items, values).
	Args []string `json:"args,omitempty"`
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SevError {
			return true
		}
	}
	return false
}
