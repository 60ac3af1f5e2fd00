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

// RuleCode names a rule of PRODUCT.md §2. Findings carry it; the messages,
// the window and the tests name the rules by these constants. Stored and
// exchanged as the string ("R-KPI-3").
type RuleCode string

// Rule codes.
const (
	ROBJ1   RuleCode = "R-OBJ-1"   // no collective objective
	ROBJ2   RuleCode = "R-OBJ-2"   // more than four objectives
	ROBJ3   RuleCode = "R-OBJ-3"   // fewer than three objectives
	RSMART1 RuleCode = "R-SMART-1" // S: specific statement
	RSMART2 RuleCode = "R-SMART-2" // M: a KPI with a readable target measures it
	RSMART3 RuleCode = "R-SMART-3" // A: achievable rationale
	RSMART4 RuleCode = "R-SMART-4" // R: link to the intent
	RSMART5 RuleCode = "R-SMART-5" // T: deadline within the period
	RKPI1   RuleCode = "R-KPI-1"   // 3–5 priority KPIs
	RKPI2   RuleCode = "R-KPI-2"   // a required KPI field is missing
	RKPI3   RuleCode = "R-KPI-3"   // alert threshold on the wrong side of the target
	RKPI4   RuleCode = "R-KPI-4"   // no result or no effort KPI
	RKPI5   RuleCode = "R-KPI-5"   // KPI without objective, objective without KPI
	RKPI6   RuleCode = "R-KPI-6"   // no baseline
	RNUM1   RuleCode = "R-NUM-1"   // a number cannot be read
	RROLE1  RuleCode = "R-ROLE-1"  // exactly one pilot per objective
	RROLE2  RuleCode = "R-ROLE-2"  // at least one contributor
	RROLE3  RuleCode = "R-ROLE-3"  // at least one approver
	RROLE4  RuleCode = "R-ROLE-4"  // the pilot is the only approver
	RSIDE1  RuleCode = "R-SIDE-1"  // no anticipated side effect
	RRIT1   RuleCode = "R-RIT-1"   // a cadence has no ritual
	RRIT2   RuleCode = "R-RIT-2"   // a ritual the calendar cannot place
	RCAS1   RuleCode = "R-CAS-1"   // team targets inconsistent with the collective target
	RINC1   RuleCode = "R-INC-1"   // no incentive alignment recorded
	RINC2   RuleCode = "R-INC-2"   // incentive share outside 0–100
	RPEO1   RuleCode = "R-PEO-1"   // a participant e-mail that is not an address
	RPER1   RuleCode = "R-PER-1"   // the period ends before it starts
	RTZ1    RuleCode = "R-TZ-1"    // the time zone is not a known IANA zone
	RTZ2    RuleCode = "R-TZ-2"    // no time zone: the calendar is in floating time
	RVOTE1  RuleCode = "R-VOTE-1"  // more dots than the room had, or a card over its cap
	RPDF1   RuleCode = "R-PDF-1"   // a text with characters the charter PDF cannot print (a script without a face, emoji)
)

// Finding is one result of validation.
type Finding struct {
	Code     RuleCode `json:"code"` // "R-KPI-3"
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
