package workshop

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
	"time"
)

// Lang is a charter or interface language.
type Lang string

// Languages.
const (
	FR Lang = "fr"
	EN Lang = "en"
)

// Valid reports whether l is a supported language.
func (l Lang) Valid() bool { return l == FR || l == EN }

// Date is a calendar day written "2006-01-02"; empty means unset.
// Kept as text so that nothing typed is lost and the encoding never depends
// on a time zone.
type Date string

// DateLayout is the layout of Date.
const DateLayout = "2006-01-02"

// Time parses d; ok is false when d is empty or unreadable.
func (d Date) Time() (t time.Time, ok bool) {
	t, err := time.Parse(DateLayout, string(d))
	return t, err == nil
}

// DateOf formats t as a Date.
func DateOf(t time.Time) Date { return Date(t.Format(DateLayout)) }

// NewID returns a new random identifier (16 hex characters).
func NewID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("workshop: no randomness: " + err.Error()) // crypto/rand never fails on supported systems
	}
	return hex.EncodeToString(b[:])
}

// ValidID reports whether id has the form NewID gives session ids: 16
// lower-case hex characters. An imported file must use it, so that an id
// is always safe to print, type and use as a file name.
func ValidID(id string) bool {
	if len(id) != 16 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// Session is one workshop (atelier): one charter for one scope and one
// period, with all its revisions, the co-construction board and the
// check-ins made after the workshop.
type Session struct {
	ID         string    `json:"id"`
	Template   string    `json:"template,omitempty"` // template id it started from
	PreviousID string    `json:"previousId,omitempty"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`

	// Revisions in order: Revisions[i].Number == i+1. The last one is the
	// current revision; earlier ones are signed and frozen.
	Revisions []Revision `json:"revisions"`

	// Board is the co-construction board (ideas, groups, votes, timebox).
	// It is workshop material, not charter content: it is not sealed.
	Board Board `json:"board"`

	// CheckIns are the measurements made after the workshop, for any
	// revision's KPIs (matched by KPI id).
	CheckIns []CheckIn `json:"checkIns,omitempty"`
}

// RevisionStatus is the state of a revision.
type RevisionStatus string

// Revision statuses.
const (
	StatusDraft  RevisionStatus = "draft"  // editable; may carry signatures of the current content
	StatusSigned RevisionStatus = "signed" // every approver signed: frozen
)

// Revision is one version of the charter. A signed revision is frozen;
// amending opens the next revision as a draft.
type Revision struct {
	Number      int            `json:"number"`
	Status      RevisionStatus `json:"status"`
	AmendReason string         `json:"amendReason,omitempty"` // why it was opened (revisions > 1)
	Charter     Charter        `json:"charter"`
	Signatures  []Signature    `json:"signatures,omitempty"`
	Declines    []Decline      `json:"declines,omitempty"`
	Seal        string         `json:"seal,omitempty"` // hex SHA-256, set when signed
	SignedAt    time.Time      `json:"signedAt"`       // when the last approver signed
	// LateDecisions are decision-log entries appended after the revision was
	// signed (the log of a signed revision is append-only). They are not
	// part of the seal.
	LateDecisions []Decision `json:"lateDecisions,omitempty"`
}

// Signature is an approver's sign-off of one sealed content.
type Signature struct {
	ParticipantID string    `json:"participantId"`
	Name          string    `json:"name"`
	At            time.Time `json:"at"`
	Comment       string    `json:"comment,omitempty"`
	Seal          string    `json:"seal"` // the seal of the content signed
	// PublicKey (PKIX DER) and KeySig (RSA PKCS#1 v1.5 over SHA-256 of
	// signatureRecord) sign the record with the installation key that
	// made it. Both are empty on records made before installation keys.
	PublicKey []byte `json:"publicKey,omitempty"`
	KeySig    []byte `json:"keySignature,omitempty"`
	// Unverified marks a record imported without a cryptographic
	// signature: shown as unverified, never counted as a signature.
	Unverified bool `json:"unverified,omitempty"`
}

// Decline is an approver's refusal, with a reason; it sends the revision
// back to draft (signatures are cleared).
type Decline struct {
	ParticipantID string    `json:"participantId"`
	Name          string    `json:"name"`
	At            time.Time `json:"at"`
	Reason        string    `json:"reason"`
	// Seal is the seal of the content declined (empty on declines made
	// before installation keys); PublicKey, KeySig and Unverified are as
	// on Signature (declineRecord is what is signed).
	Seal       string `json:"seal,omitempty"`
	PublicKey  []byte `json:"publicKey,omitempty"`
	KeySig     []byte `json:"keySignature,omitempty"`
	Unverified bool   `json:"unverified,omitempty"`
}

// Charter is the content of one revision: everything the PDF shows except
// the signatures. Its canonical record (sealRecord) is what the seal hashes.
type Charter struct {
	Title  string `json:"title"`
	Scope  string `json:"scope"`
	Period Period `json:"period"`
	Lang   Lang   `json:"lang"`
	// TimeZone is the IANA zone the rituals are held in ("Europe/Paris"),
	// empty when unknown (charters made before it existed): see timezone.go.
	TimeZone     string        `json:"timeZone,omitempty"`
	Facilitator  string        `json:"facilitator"`
	Participants []Participant `json:"participants"`
	Readiness    Readiness     `json:"readiness"`
	Intent       Intent        `json:"intent"`
	Objectives   []Objective   `json:"objectives"`
	KPIs         []KPI         `json:"kpis"`
	Roles        []Assignment  `json:"roles"`
	Cascades     []Cascade     `json:"cascades"`
	Rituals      []Ritual      `json:"rituals"`
	Incentive    Incentive     `json:"incentive"`
	Decisions    []Decision    `json:"decisions"`
}

// Period is the time span of a charter, a quarter by default ("2027-Q1").
type Period struct {
	Label string `json:"label"`
	Start Date   `json:"start"`
	End   Date   `json:"end"`
}

// Function is a participant's function.
type Function string

// Functions.
const (
	FuncSales      Function = "sales"
	FuncMarketing  Function = "marketing"
	FuncCS         Function = "customer-success"
	FuncLeadership Function = "leadership"
	FuncFinance    Function = "finance"
	FuncOperations Function = "operations"
	FuncOther      Function = "other"
)

// Functions lists the functions in display order.
var Functions = []Function{FuncSales, FuncMarketing, FuncCS, FuncLeadership, FuncFinance, FuncOperations, FuncOther}

// Participant is a person in the workshop.
type Participant struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Function Function `json:"function"`
	Email    string   `json:"email,omitempty"`
}

// Readiness is the optional pre-workshop checklist.
type Readiness struct {
	BaselinesKnown        bool `json:"baselinesKnown"`
	LastResultsAtHand     bool `json:"lastResultsAtHand"`
	ConstraintsListed     bool `json:"constraintsListed"`
	ParticipantsConfirmed bool `json:"participantsConfirmed"`
}

// Purpose is the business purpose category of the intent.
type Purpose string

// Purposes.
const (
	PurposeGrowth        Purpose = "growth"
	PurposeProfitability Purpose = "profitability"
	PurposePenetration   Purpose = "market-penetration"
	PurposeUpCrossSell   Purpose = "up-cross-sell"
	PurposeExperience    Purpose = "customer-experience"
	PurposeOther         Purpose = "other"
)

// Purposes lists the purposes in display order.
var Purposes = []Purpose{PurposeGrowth, PurposeProfitability, PurposePenetration, PurposeUpCrossSell, PurposeExperience, PurposeOther}

// Intent frames the workshop (cadrer l'intention).
type Intent struct {
	Purpose           Purpose  `json:"purpose"`
	Statement         string   `json:"statement"`
	CompanyObjectives []string `json:"companyObjectives"`
	Hypotheses        []string `json:"hypotheses"`
}

// Objective is a collective objective with its SMART statement as fields.
// Measurable is not a field: it is the KPIs that measure the objective.
type Objective struct {
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	Specific    string       `json:"specific"`   // what changes, for whom
	Achievable  string       `json:"achievable"` // rationale
	Relevant    string       `json:"relevant"`   // link to the intent or a company objective
	Deadline    Date         `json:"deadline"`   // time-bound
	SideEffects []SideEffect `json:"sideEffects"`
}

// SideEffect is an anticipated side effect (effet de bord) of an objective,
// with an optional guardrail KPI.
type SideEffect struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	GuardrailID string `json:"guardrailId,omitempty"` // a KPI id
}

// KPIKind tells a result indicator from an effort indicator.
type KPIKind string

// KPI kinds.
const (
	KindResult KPIKind = "result"
	KindEffort KPIKind = "effort"
)

// Unit is a KPI unit. Besides these, any other text is a custom unit.
type Unit string

// Units.
const (
	UnitPercent Unit = "%"
	UnitDays    Unit = "days"
	UnitEUR     Unit = "EUR"
	UnitUSD     Unit = "USD"
	UnitCount   Unit = "count"
	UnitPoints  Unit = "points"
	UnitRatio   Unit = "ratio"
)

// Units lists the built-in units in display order.
var Units = []Unit{UnitPercent, UnitDays, UnitEUR, UnitUSD, UnitCount, UnitPoints, UnitRatio}

// Additive reports whether team values of this unit add up to a collective
// value (count and currencies, built in or typed as a custom unit: "€",
// "k€", "dollars" …), as R-CAS-1 needs.
func (u Unit) Additive() bool {
	return u == UnitCount || u == UnitEUR || u == UnitUSD || currencyUnits[strings.ToLower(strings.TrimSpace(string(u)))]
}

// currencyUnits are custom units people type for an amount of money.
var currencyUnits = map[string]bool{
	"€": true, "eur": true, "euro": true, "euros": true, "k€": true, "m€": true, "keur": true, "meur": true,
	"$": true, "usd": true, "dollar": true, "dollars": true, "k$": true, "m$": true,
	"£": true, "gbp": true, "chf": true,
}

// TargetType says which way a KPI should go; its behaviour (direction,
// alert side, linear progress) is in its methods (targettype.go).
type TargetType string

// Target types.
const (
	IncreaseTo    TargetType = "increase-to"
	DecreaseTo    TargetType = "decrease-to"
	StayAtOrAbove TargetType = "stay-at-or-above"
	StayAtOrBelow TargetType = "stay-at-or-below"
)

// TargetTypes lists the target types in display order.
var TargetTypes = []TargetType{IncreaseTo, DecreaseTo, StayAtOrAbove, StayAtOrBelow}

// Frequency is a KPI's measurement frequency.
type Frequency string

// Frequencies.
const (
	Weekly    Frequency = "weekly"
	Monthly   Frequency = "monthly"
	Quarterly Frequency = "quarterly"
)

// Frequencies lists the frequencies in display order.
var Frequencies = []Frequency{Weekly, Monthly, Quarterly}

// Days returns the nominal length of the frequency in days (0 if unknown).
func (f Frequency) Days() int {
	switch f {
	case Weekly:
		return 7
	case Monthly:
		return 30
	case Quarterly:
		return 91
	}
	return 0
}

// KPI is a key performance indicator of the charter. Numbers are kept as the
// person typed them ("1 200,5", "15 %"); ParseNumber reads them in the
// charter's language, and what cannot be read is a finding, never a zero.
type KPI struct {
	ID         string     `json:"id"`
	LibraryID  string     `json:"libraryId,omitempty"` // KPI library entry it came from
	Name       string     `json:"name"`
	Definition string     `json:"definition"`
	Kind       KPIKind    `json:"kind"`
	Unit       Unit       `json:"unit"`
	TargetType TargetType `json:"targetType"`
	Baseline   string     `json:"baseline"`
	Target     string     `json:"target"`
	Alert      string     `json:"alert"` // alert threshold (seuil d'alerte)
	Frequency  Frequency  `json:"frequency"`
	Source     string     `json:"source"` // data source
	Owner      string     `json:"owner"`  // who measures (free text or a participant's name)
	// Objectives are the ids of the objectives this KPI measures.
	Objectives []string `json:"objectives"`
	// Guardrail marks a KPI kept only as a side-effect guardrail; it does
	// not count among the 3–5 priority KPIs.
	Guardrail bool `json:"guardrail,omitempty"`
}

// Role is a participant's role on an objective.
type Role string

// Roles.
const (
	RolePilot       Role = "pilot"
	RoleContributor Role = "contributor"
	RoleApprover    Role = "approver"
	RoleInformed    Role = "informed"
)

// Roles lists the roles in display order.
var Roles = []Role{RolePilot, RoleContributor, RoleApprover, RoleInformed}

// Assignment is one cell of the roles matrix.
type Assignment struct {
	ParticipantID string `json:"participantId"`
	ObjectiveID   string `json:"objectiveId"`
	Role          Role   `json:"role"`
}

// Dimension is the axis along which a KPI is cascaded.
type Dimension string

// Dimensions.
const (
	DimSegment Dimension = "segment"
	DimProduct Dimension = "product"
	DimRegion  Dimension = "region"
	DimChannel Dimension = "channel"
)

// Dimensions lists the dimensions in display order.
var Dimensions = []Dimension{DimSegment, DimProduct, DimRegion, DimChannel}

// Cascade declines one KPI's target per team or value of a dimension.
type Cascade struct {
	ID        string        `json:"id"`
	KPIID     string        `json:"kpiId"`
	Dimension Dimension     `json:"dimension"`
	Lines     []CascadeLine `json:"lines"`
}

// CascadeLine is one team's (or dimension value's) target.
type CascadeLine struct {
	Team   string `json:"team"`
	Target string `json:"target"` // as typed
}

// Cadence is how often a ritual happens.
type Cadence string

// Cadences.
const (
	CadenceWeekly    Cadence = "weekly"
	CadenceBiweekly  Cadence = "biweekly"
	CadenceMonthly   Cadence = "monthly"
	CadenceQuarterly Cadence = "quarterly"
)

// Cadences lists the cadences in display order.
var Cadences = []Cadence{CadenceWeekly, CadenceBiweekly, CadenceMonthly, CadenceQuarterly}

// RitualKind names the built-in rituals; custom rituals use RitualCustom.
type RitualKind string

// Ritual kinds.
const (
	RitualWeeklySync    RitualKind = "weekly-sync"
	RitualMonthlyReview RitualKind = "monthly-review"
	RitualQBR           RitualKind = "qbr"
	RitualCustom        RitualKind = "custom"
)

// Ritual is an execution ritual (weekly sync, monthly review, QBR, …).
type Ritual struct {
	ID        string       `json:"id"`
	Kind      RitualKind   `json:"kind"`
	Name      string       `json:"name"`
	Cadence   Cadence      `json:"cadence"`
	Weekday   time.Weekday `json:"weekday"`   // 0 = Sunday … 6 = Saturday
	Time      string       `json:"time"`      // "09:30"
	Minutes   int          `json:"minutes"`   // duration
	Attendees []string     `json:"attendees"` // participant ids
	// Agenda is the edited agenda; when empty, the agenda generated from
	// the objectives and KPIs (GenerateAgenda) is used.
	Agenda []string `json:"agenda"`
}

// Incentive records the optional share of individual variable pay indexed
// on collective KPIs.
type Incentive struct {
	Enabled bool   `json:"enabled"`
	Share   string `json:"share"` // percentage as typed, 0–100
	Note    string `json:"note"`
}

// DecisionType types a decision-log entry.
type DecisionType string

// Decision types.
const (
	DecisionDecision   DecisionType = "decision"
	DecisionHypothesis DecisionType = "hypothesis"
	DecisionTest       DecisionType = "test"
	DecisionResult     DecisionType = "result"
)

// DecisionTypes lists the decision types in display order.
var DecisionTypes = []DecisionType{DecisionDecision, DecisionHypothesis, DecisionTest, DecisionResult}

// Decision is a dated entry of the decision log (traçabilité).
type Decision struct {
	ID     string       `json:"id"`
	Date   Date         `json:"date"`
	Type   DecisionType `json:"type"`
	Text   string       `json:"text"`
	Author string       `json:"author"`
	LinkID string       `json:"linkId,omitempty"` // an objective or KPI id
}

// Board is the co-construction board of the workshop: idea cards, groups,
// dot votes and the timebox.
type Board struct {
	Anonymous           bool    `json:"anonymous"`           // cards without author (default true)
	VotesPerParticipant int     `json:"votesPerParticipant"` // 1–12, default 3
	CapPerCard          int     `json:"capPerCard"`          // 0 = no cap
	Cards               []Card  `json:"cards"`
	Groups              []Group `json:"groups"`
	// Timebox is the countdown length in minutes per step id.
	Timebox map[string]int `json:"timebox,omitempty"`
	// SessionMinutes is the length of the whole workshop session, which
	// the steps' timeboxes share out (Agenda); 0 is DefaultSessionMinutes.
	SessionMinutes int `json:"sessionMinutes,omitempty"`
}

// CardKind says what an idea card proposes.
type CardKind string

// Card kinds.
const (
	CardObjective  CardKind = "objective"
	CardKPI        CardKind = "kpi"
	CardSideEffect CardKind = "side-effect"
)

// Card is an idea card.
type Card struct {
	ID      string   `json:"id"`
	Kind    CardKind `json:"kind"`
	Text    string   `json:"text"`
	Author  string   `json:"author,omitempty"` // empty when anonymous
	GroupID string   `json:"groupId,omitempty"`
	// Votes per participant id; the key "" holds votes entered as a total.
	Votes map[string]int `json:"votes,omitempty"`
	// PromotedTo is the id of the objective or KPI the card became.
	PromotedTo string `json:"promotedTo,omitempty"`
	// Hidden: the facilitator took the card off the room's phones and the
	// projector (how a card sent from a phone is withdrawn: Ctrl+Z never
	// undoes what a phone sent). Kept with the board, outside the seal.
	Hidden bool `json:"hidden,omitempty"`
}

// Group gathers cards.
type Group struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// CheckIn is a measurement of a KPI after the workshop.
type CheckIn struct {
	ID         string `json:"id"`
	KPIID      string `json:"kpiId"`
	Date       Date   `json:"date"`
	Value      string `json:"value"`      // as typed
	Confidence int    `json:"confidence"` // 0–10, when given
	// NoConfidence is true when nobody gave a confidence: a confidence of 0
	// is a statement ("no chance"), its absence is not.
	NoConfidence bool   `json:"noConfidence,omitempty"`
	Note         string `json:"note,omitempty"`
	Author       string `json:"author,omitempty"`
	// RecordedAt is when the check-in was entered (zero for check-ins
	// entered before Boussole kept it).
	RecordedAt time.Time `json:"recordedAt,omitzero"`
	// Supersedes is the id of the earlier check-in this one corrects; both
	// stay in the history.
	Supersedes string `json:"supersedes,omitempty"`
}

// Summary is what the session list shows, kept in the store's index so the
// list never decodes whole sessions.
type Summary struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Period   string    `json:"period"`
	Lang     Lang      `json:"lang"`
	Status   string    `json:"status"` // "draft", "signing" (some signatures) or "signed"
	Revision int       `json:"revision"`
	Updated  time.Time `json:"updated"`
}
