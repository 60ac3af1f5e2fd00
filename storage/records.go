package storage

import (
	"bytes"
	"encoding/json"
	"maps"
	"time"

	"boussole/workshop"
)

// The record types below are the bytes on disk and in .boussole files.
// They mirror the workshop types field by field but belong to storage: a
// rename in workshop changes a mapping function here, never a stored key.
// A change of shape means a new version (sessionRecordV2 …) and a migration.
// Arrays are always written ([] rather than null) so that a file reads the
// same whatever the Go value held.

type sessionRecordV1 struct {
	ID         string       `json:"id"`
	Template   string       `json:"template,omitempty"`
	PreviousID string       `json:"previousId,omitempty"`
	Created    time.Time    `json:"created"`
	Updated    time.Time    `json:"updated"`
	Revisions  []revisionV1 `json:"revisions"`
	Board      boardV1      `json:"board"`
	CheckIns   []checkInV1  `json:"checkIns"`
}

type revisionV1 struct {
	Number        int           `json:"number"`
	Status        string        `json:"status"`
	AmendReason   string        `json:"amendReason,omitempty"`
	Charter       charterV1     `json:"charter"`
	Signatures    []signatureV1 `json:"signatures"`
	Declines      []declineV1   `json:"declines"`
	Seal          string        `json:"seal,omitempty"`
	SignedAt      time.Time     `json:"signedAt,omitzero"`
	LateDecisions []decisionV1  `json:"lateDecisions"`
}

type signatureV1 struct {
	ParticipantID string    `json:"participantId"`
	Name          string    `json:"name"`
	At            time.Time `json:"at"`
	Comment       string    `json:"comment,omitempty"`
	Seal          string    `json:"seal"`
	// Since boussole/2: the installation's public key (PKIX DER) and its
	// signature of the record (workshop's boussole-signature/1), base64;
	// unverified marks a record imported without them.
	PublicKey  []byte `json:"publicKey,omitempty"`
	KeySig     []byte `json:"keySignature,omitempty"`
	Unverified bool   `json:"unverified,omitempty"`
}

type declineV1 struct {
	ParticipantID string    `json:"participantId"`
	Name          string    `json:"name"`
	At            time.Time `json:"at"`
	Reason        string    `json:"reason"`
	// Since boussole/2, as on signatureV1, with the seal declined.
	Seal       string `json:"seal,omitempty"`
	PublicKey  []byte `json:"publicKey,omitempty"`
	KeySig     []byte `json:"keySignature,omitempty"`
	Unverified bool   `json:"unverified,omitempty"`
}

// requiredString is a string that remembers whether its key was present,
// so Decode can tell a missing "title" from an empty one.
type requiredString struct {
	V   string
	Set bool
}

func (r requiredString) MarshalJSON() ([]byte, error) { return json.Marshal(r.V) }

func (r *requiredString) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	if err := json.Unmarshal(b, &r.V); err != nil {
		return err
	}
	r.Set = true
	return nil
}

type charterV1 struct {
	Title        requiredString  `json:"title"`
	Scope        string          `json:"scope"`
	Period       periodV1        `json:"period"`
	Lang         string          `json:"lang"`
	TimeZone     string          `json:"timeZone,omitempty"` // absent in files written before it existed
	Facilitator  string          `json:"facilitator"`
	Participants []participantV1 `json:"participants"`
	Readiness    readinessV1     `json:"readiness"`
	Intent       intentV1        `json:"intent"`
	Objectives   []objectiveV1   `json:"objectives"`
	KPIs         []kpiV1         `json:"kpis"`
	Roles        []assignmentV1  `json:"roles"`
	Cascades     []cascadeV1     `json:"cascades"`
	Rituals      []ritualV1      `json:"rituals"`
	Incentive    incentiveV1     `json:"incentive"`
	Decisions    []decisionV1    `json:"decisions"`
}

type periodV1 struct {
	Label string `json:"label"`
	Start string `json:"start"`
	End   string `json:"end"`
}

type participantV1 struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Function string `json:"function"`
	Email    string `json:"email,omitempty"`
}

type readinessV1 struct {
	BaselinesKnown        bool `json:"baselinesKnown"`
	LastResultsAtHand     bool `json:"lastResultsAtHand"`
	ConstraintsListed     bool `json:"constraintsListed"`
	ParticipantsConfirmed bool `json:"participantsConfirmed"`
}

type intentV1 struct {
	Purpose           string   `json:"purpose"`
	Statement         string   `json:"statement"`
	CompanyObjectives []string `json:"companyObjectives"`
	Hypotheses        []string `json:"hypotheses"`
}

type objectiveV1 struct {
	ID          string         `json:"id"`
	Title       string         `json:"title"`
	Specific    string         `json:"specific"`
	Achievable  string         `json:"achievable"`
	Relevant    string         `json:"relevant"`
	Deadline    string         `json:"deadline"`
	SideEffects []sideEffectV1 `json:"sideEffects"`
}

type sideEffectV1 struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	GuardrailID string `json:"guardrailId,omitempty"`
}

type kpiV1 struct {
	ID         string   `json:"id"`
	LibraryID  string   `json:"libraryId,omitempty"`
	Name       string   `json:"name"`
	Definition string   `json:"definition"`
	Kind       string   `json:"kind"`
	Unit       string   `json:"unit"`
	TargetType string   `json:"targetType"`
	Baseline   string   `json:"baseline"`
	Target     string   `json:"target"`
	Alert      string   `json:"alert"`
	Frequency  string   `json:"frequency"`
	Source     string   `json:"source"`
	Owner      string   `json:"owner"`
	Objectives []string `json:"objectives"`
	Guardrail  bool     `json:"guardrail,omitempty"`
}

type assignmentV1 struct {
	ParticipantID string `json:"participantId"`
	ObjectiveID   string `json:"objectiveId"`
	Role          string `json:"role"`
}

type cascadeV1 struct {
	ID        string          `json:"id"`
	KPIID     string          `json:"kpiId"`
	Dimension string          `json:"dimension"`
	Lines     []cascadeLineV1 `json:"lines"`
}

type cascadeLineV1 struct {
	Team   string `json:"team"`
	Target string `json:"target"`
}

type ritualV1 struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Cadence   string   `json:"cadence"`
	Weekday   int      `json:"weekday"`
	Time      string   `json:"time"`
	Minutes   int      `json:"minutes"`
	Attendees []string `json:"attendees"`
	Agenda    []string `json:"agenda"`
}

type incentiveV1 struct {
	Enabled bool   `json:"enabled"`
	Share   string `json:"share"`
	Note    string `json:"note"`
}

type decisionV1 struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Type   string `json:"type"`
	Text   string `json:"text"`
	Author string `json:"author"`
	LinkID string `json:"linkId,omitempty"`
}

type boardV1 struct {
	Anonymous           bool           `json:"anonymous"`
	VotesPerParticipant int            `json:"votesPerParticipant"`
	CapPerCard          int            `json:"capPerCard"`
	Cards               []cardV1       `json:"cards"`
	Groups              []groupV1      `json:"groups"`
	Timebox             map[string]int `json:"timebox"`
	SessionMinutes      int            `json:"sessionMinutes,omitempty"`
}

type cardV1 struct {
	ID         string         `json:"id"`
	Kind       string         `json:"kind"`
	Text       string         `json:"text"`
	Author     string         `json:"author,omitempty"`
	GroupID    string         `json:"groupId,omitempty"`
	Votes      map[string]int `json:"votes"`
	PromotedTo string         `json:"promotedTo,omitempty"`
	Hidden     bool           `json:"hidden,omitempty"`
}

type groupV1 struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type checkInV1 struct {
	ID    string `json:"id"`
	KPIID string `json:"kpiId"`
	Date  string `json:"date"`
	Value string `json:"value"`
	// Confidence is absent when none was given (0 is a confidence).
	Confidence *int      `json:"confidence,omitempty"`
	Note       string    `json:"note,omitempty"`
	Author     string    `json:"author,omitempty"`
	RecordedAt time.Time `json:"recordedAt,omitzero"`
	Supersedes string    `json:"supersedes,omitempty"`
}

// summaryV1 is the entry of the summaries bucket.
type summaryV1 struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Period   string    `json:"period"`
	Lang     string    `json:"lang"`
	Status   string    `json:"status"`
	Revision int       `json:"revision"`
	Updated  time.Time `json:"updated"`
}

// mapSlice maps a slice, always returning a non-nil one (written as []).
func mapSlice[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// unmapSlice maps a slice back, returning nil for an empty one (Go's
// "empty" for the domain).
func unmapSlice[T, U any](in []T, f func(T) U) []U {
	if len(in) == 0 {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

func same[T any](v T) T { return v }

func strings2(in []string) []string   { return mapSlice(in, same[string]) }
func unstrings2(in []string) []string { return unmapSlice(in, same[string]) }

func copyMap(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	maps.Copy(out, m)
	return out
}

func uncopyMap(m map[string]int) map[string]int {
	if len(m) == 0 {
		return nil
	}
	return copyMap(m)
}

func toRecord(s *workshop.Session) sessionRecordV1 {
	return sessionRecordV1{
		ID:         s.ID,
		Template:   s.Template,
		PreviousID: s.PreviousID,
		Created:    s.Created,
		Updated:    s.Updated,
		Revisions:  mapSlice(s.Revisions, toRevision),
		Board: boardV1{
			Anonymous:           s.Board.Anonymous,
			VotesPerParticipant: s.Board.VotesPerParticipant,
			CapPerCard:          s.Board.CapPerCard,
			Cards: mapSlice(s.Board.Cards, func(c workshop.Card) cardV1 {
				return cardV1{ID: c.ID, Kind: string(c.Kind), Text: c.Text, Author: c.Author, GroupID: c.GroupID, Votes: copyMap(c.Votes), PromotedTo: c.PromotedTo, Hidden: c.Hidden}
			}),
			Groups:         mapSlice(s.Board.Groups, func(g workshop.Group) groupV1 { return groupV1{ID: g.ID, Name: g.Name} }),
			Timebox:        copyMap(s.Board.Timebox),
			SessionMinutes: s.Board.SessionMinutes,
		},
		CheckIns: mapSlice(s.CheckIns, toCheckIn),
	}
}

func toRevision(r workshop.Revision) revisionV1 {
	return revisionV1{
		Number:      r.Number,
		Status:      string(r.Status),
		AmendReason: r.AmendReason,
		Charter:     toCharter(&r.Charter),
		Signatures: mapSlice(r.Signatures, func(s workshop.Signature) signatureV1 {
			return signatureV1{ParticipantID: s.ParticipantID, Name: s.Name, At: s.At, Comment: s.Comment, Seal: s.Seal,
				PublicKey: s.PublicKey, KeySig: s.KeySig, Unverified: s.Unverified}
		}),
		Declines: mapSlice(r.Declines, func(d workshop.Decline) declineV1 {
			return declineV1{ParticipantID: d.ParticipantID, Name: d.Name, At: d.At, Reason: d.Reason,
				Seal: d.Seal, PublicKey: d.PublicKey, KeySig: d.KeySig, Unverified: d.Unverified}
		}),
		Seal:          r.Seal,
		SignedAt:      r.SignedAt,
		LateDecisions: mapSlice(r.LateDecisions, toDecision),
	}
}

func toDecision(d workshop.Decision) decisionV1 {
	return decisionV1{ID: d.ID, Date: string(d.Date), Type: string(d.Type), Text: d.Text, Author: d.Author, LinkID: d.LinkID}
}

func toCharter(c *workshop.Charter) charterV1 {
	return charterV1{
		Title:       requiredString{V: c.Title, Set: true},
		Scope:       c.Scope,
		Period:      periodV1{Label: c.Period.Label, Start: string(c.Period.Start), End: string(c.Period.End)},
		Lang:        string(c.Lang),
		TimeZone:    c.TimeZone,
		Facilitator: c.Facilitator,
		Participants: mapSlice(c.Participants, func(p workshop.Participant) participantV1 {
			return participantV1{ID: p.ID, Name: p.Name, Function: string(p.Function), Email: p.Email}
		}),
		Readiness: readinessV1{
			BaselinesKnown:        c.Readiness.BaselinesKnown,
			LastResultsAtHand:     c.Readiness.LastResultsAtHand,
			ConstraintsListed:     c.Readiness.ConstraintsListed,
			ParticipantsConfirmed: c.Readiness.ParticipantsConfirmed,
		},
		Intent: intentV1{
			Purpose:           string(c.Intent.Purpose),
			Statement:         c.Intent.Statement,
			CompanyObjectives: strings2(c.Intent.CompanyObjectives),
			Hypotheses:        strings2(c.Intent.Hypotheses),
		},
		Objectives: mapSlice(c.Objectives, func(o workshop.Objective) objectiveV1 {
			return objectiveV1{
				ID: o.ID, Title: o.Title, Specific: o.Specific, Achievable: o.Achievable, Relevant: o.Relevant,
				Deadline: string(o.Deadline),
				SideEffects: mapSlice(o.SideEffects, func(s workshop.SideEffect) sideEffectV1 {
					return sideEffectV1{ID: s.ID, Description: s.Description, GuardrailID: s.GuardrailID}
				}),
			}
		}),
		KPIs: mapSlice(c.KPIs, func(k workshop.KPI) kpiV1 {
			return kpiV1{
				ID: k.ID, LibraryID: k.LibraryID, Name: k.Name, Definition: k.Definition,
				Kind: string(k.Kind), Unit: string(k.Unit), TargetType: string(k.TargetType),
				Baseline: k.Baseline, Target: k.Target, Alert: k.Alert, Frequency: string(k.Frequency),
				Source: k.Source, Owner: k.Owner, Objectives: strings2(k.Objectives), Guardrail: k.Guardrail,
			}
		}),
		Roles: mapSlice(c.Roles, func(a workshop.Assignment) assignmentV1 {
			return assignmentV1{ParticipantID: a.ParticipantID, ObjectiveID: a.ObjectiveID, Role: string(a.Role)}
		}),
		Cascades: mapSlice(c.Cascades, func(cs workshop.Cascade) cascadeV1 {
			return cascadeV1{ID: cs.ID, KPIID: cs.KPIID, Dimension: string(cs.Dimension),
				Lines: mapSlice(cs.Lines, func(l workshop.CascadeLine) cascadeLineV1 {
					return cascadeLineV1{Team: l.Team, Target: l.Target}
				})}
		}),
		Rituals: mapSlice(c.Rituals, func(r workshop.Ritual) ritualV1 {
			return ritualV1{ID: r.ID, Kind: string(r.Kind), Name: r.Name, Cadence: string(r.Cadence),
				Weekday: int(r.Weekday), Time: r.Time, Minutes: r.Minutes,
				Attendees: strings2(r.Attendees), Agenda: strings2(r.Agenda)}
		}),
		Incentive: incentiveV1{Enabled: c.Incentive.Enabled, Share: c.Incentive.Share, Note: c.Incentive.Note},
		Decisions: mapSlice(c.Decisions, toDecision),
	}
}

func fromRecord(r *sessionRecordV1) *workshop.Session {
	return &workshop.Session{
		ID:         r.ID,
		Template:   r.Template,
		PreviousID: r.PreviousID,
		Created:    r.Created,
		Updated:    r.Updated,
		Revisions: unmapSlice(r.Revisions, func(v revisionV1) workshop.Revision {
			return fromRevision(&v)
		}),
		Board: workshop.Board{
			Anonymous:           r.Board.Anonymous,
			VotesPerParticipant: r.Board.VotesPerParticipant,
			CapPerCard:          r.Board.CapPerCard,
			Cards: unmapSlice(r.Board.Cards, func(c cardV1) workshop.Card {
				return workshop.Card{ID: c.ID, Kind: workshop.CardKind(c.Kind), Text: c.Text, Author: c.Author, GroupID: c.GroupID, Votes: uncopyMap(c.Votes), PromotedTo: c.PromotedTo, Hidden: c.Hidden}
			}),
			Groups:         unmapSlice(r.Board.Groups, func(g groupV1) workshop.Group { return workshop.Group{ID: g.ID, Name: g.Name} }),
			Timebox:        uncopyMap(r.Board.Timebox),
			SessionMinutes: r.Board.SessionMinutes,
		},
		CheckIns: unmapSlice(r.CheckIns, fromCheckIn),
	}
}

func fromDecision(d decisionV1) workshop.Decision {
	return workshop.Decision{ID: d.ID, Date: workshop.Date(d.Date), Type: workshop.DecisionType(d.Type), Text: d.Text, Author: d.Author, LinkID: d.LinkID}
}

func fromRevision(r *revisionV1) workshop.Revision {
	return workshop.Revision{
		Number:      r.Number,
		Status:      workshop.RevisionStatus(r.Status),
		AmendReason: r.AmendReason,
		Charter:     fromCharter(&r.Charter),
		Signatures: unmapSlice(r.Signatures, func(s signatureV1) workshop.Signature {
			return workshop.Signature{ParticipantID: s.ParticipantID, Name: s.Name, At: s.At, Comment: s.Comment, Seal: s.Seal,
				PublicKey: s.PublicKey, KeySig: s.KeySig, Unverified: s.Unverified}
		}),
		Declines: unmapSlice(r.Declines, func(d declineV1) workshop.Decline {
			return workshop.Decline{ParticipantID: d.ParticipantID, Name: d.Name, At: d.At, Reason: d.Reason,
				Seal: d.Seal, PublicKey: d.PublicKey, KeySig: d.KeySig, Unverified: d.Unverified}
		}),
		Seal:          r.Seal,
		SignedAt:      r.SignedAt,
		LateDecisions: unmapSlice(r.LateDecisions, fromDecision),
	}
}

func fromCharter(c *charterV1) workshop.Charter {
	return workshop.Charter{
		Title:       c.Title.V,
		Scope:       c.Scope,
		Period:      workshop.Period{Label: c.Period.Label, Start: workshop.Date(c.Period.Start), End: workshop.Date(c.Period.End)},
		Lang:        workshop.Lang(c.Lang),
		TimeZone:    c.TimeZone,
		Facilitator: c.Facilitator,
		Participants: unmapSlice(c.Participants, func(p participantV1) workshop.Participant {
			return workshop.Participant{ID: p.ID, Name: p.Name, Function: workshop.Function(p.Function), Email: p.Email}
		}),
		Readiness: workshop.Readiness{
			BaselinesKnown:        c.Readiness.BaselinesKnown,
			LastResultsAtHand:     c.Readiness.LastResultsAtHand,
			ConstraintsListed:     c.Readiness.ConstraintsListed,
			ParticipantsConfirmed: c.Readiness.ParticipantsConfirmed,
		},
		Intent: workshop.Intent{
			Purpose:           workshop.Purpose(c.Intent.Purpose),
			Statement:         c.Intent.Statement,
			CompanyObjectives: unstrings2(c.Intent.CompanyObjectives),
			Hypotheses:        unstrings2(c.Intent.Hypotheses),
		},
		Objectives: unmapSlice(c.Objectives, func(o objectiveV1) workshop.Objective {
			return workshop.Objective{
				ID: o.ID, Title: o.Title, Specific: o.Specific, Achievable: o.Achievable, Relevant: o.Relevant,
				Deadline: workshop.Date(o.Deadline),
				SideEffects: unmapSlice(o.SideEffects, func(s sideEffectV1) workshop.SideEffect {
					return workshop.SideEffect{ID: s.ID, Description: s.Description, GuardrailID: s.GuardrailID}
				}),
			}
		}),
		KPIs: unmapSlice(c.KPIs, func(k kpiV1) workshop.KPI {
			return workshop.KPI{
				ID: k.ID, LibraryID: k.LibraryID, Name: k.Name, Definition: k.Definition,
				Kind: workshop.KPIKind(k.Kind), Unit: workshop.Unit(k.Unit), TargetType: workshop.TargetType(k.TargetType),
				Baseline: k.Baseline, Target: k.Target, Alert: k.Alert, Frequency: workshop.Frequency(k.Frequency),
				Source: k.Source, Owner: k.Owner, Objectives: unstrings2(k.Objectives), Guardrail: k.Guardrail,
			}
		}),
		Roles: unmapSlice(c.Roles, func(a assignmentV1) workshop.Assignment {
			return workshop.Assignment{ParticipantID: a.ParticipantID, ObjectiveID: a.ObjectiveID, Role: workshop.Role(a.Role)}
		}),
		Cascades: unmapSlice(c.Cascades, func(cs cascadeV1) workshop.Cascade {
			return workshop.Cascade{ID: cs.ID, KPIID: cs.KPIID, Dimension: workshop.Dimension(cs.Dimension),
				Lines: unmapSlice(cs.Lines, func(l cascadeLineV1) workshop.CascadeLine {
					return workshop.CascadeLine{Team: l.Team, Target: l.Target}
				})}
		}),
		Rituals: unmapSlice(c.Rituals, func(r ritualV1) workshop.Ritual {
			return workshop.Ritual{ID: r.ID, Kind: workshop.RitualKind(r.Kind), Name: r.Name, Cadence: workshop.Cadence(r.Cadence),
				Weekday: time.Weekday(r.Weekday), Time: r.Time, Minutes: r.Minutes,
				Attendees: unstrings2(r.Attendees), Agenda: unstrings2(r.Agenda)}
		}),
		Incentive: workshop.Incentive{Enabled: c.Incentive.Enabled, Share: c.Incentive.Share, Note: c.Incentive.Note},
		Decisions: unmapSlice(c.Decisions, fromDecision),
	}
}

func toSummary(s workshop.Summary) summaryV1 {
	return summaryV1{ID: s.ID, Title: s.Title, Period: s.Period, Lang: string(s.Lang), Status: s.Status, Revision: s.Revision, Updated: s.Updated}
}

func fromSummary(s *summaryV1) workshop.Summary {
	return workshop.Summary{ID: s.ID, Title: s.Title, Period: s.Period, Lang: workshop.Lang(s.Lang), Status: s.Status, Revision: s.Revision, Updated: s.Updated}
}
