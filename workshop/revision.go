package workshop

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Current returns the current (last) revision.
func (s *Session) Current() *Revision {
	if len(s.Revisions) == 0 {
		s.Revisions = []Revision{{Number: 1, Status: StatusDraft}}
	}
	return &s.Revisions[len(s.Revisions)-1]
}

// Revision returns revision n (1-based).
func (s *Session) Revision(n int) (*Revision, error) {
	if n < 1 || n > len(s.Revisions) {
		return nil, Errorf(KindNotFound, "revision %d does not exist (this charter has %d)", n, len(s.Revisions))
	}
	return &s.Revisions[n-1], nil
}

// Frozen reports whether the revision can no longer be edited.
func (r *Revision) Frozen() bool { return r.Status == StatusSigned }

// Summary returns the list entry of the session.
func (s *Session) Summary() Summary {
	cur := s.Current()
	return Summary{
		ID:       s.ID,
		Title:    cur.Charter.Title,
		Period:   cur.Charter.Period.Label,
		Lang:     cur.Charter.Lang,
		Status:   cur.Stage(),
		Revision: cur.Number,
		Updated:  s.Updated,
	}
}

// Seal returns the seal of a charter content: the hex SHA-256 of its
// canonical encoding. The encoding is JSON of the Charter struct, whose
// field order is fixed by its declaration and whose maps are absent, so the
// same content always gives the same bytes. Signatures are not part of the
// Charter and so never change the seal.
func Seal(c *Charter) string {
	b, err := json.Marshal(canonical(c))
	if err != nil {
		// A Charter holds only strings, numbers, bools and slices of them.
		panic("workshop: charter not encodable: " + err.Error())
	}
	sum := sha256.Sum256(append([]byte("boussole-seal/1\n"), b...))
	return hex.EncodeToString(sum[:])
}

// canonical returns a copy of c in which nil and empty slices are the same,
// so that a charter read back from a file seals like the one written.
func canonical(c *Charter) *Charter {
	cc := *c
	norm := func(s []string) []string {
		if len(s) == 0 {
			return []string{}
		}
		return s
	}
	cc.Intent.CompanyObjectives = norm(cc.Intent.CompanyObjectives)
	cc.Intent.Hypotheses = norm(cc.Intent.Hypotheses)
	if cc.Participants == nil {
		cc.Participants = []Participant{}
	}
	cc.Objectives = append([]Objective{}, cc.Objectives...)
	for i := range cc.Objectives {
		if cc.Objectives[i].SideEffects == nil {
			cc.Objectives[i].SideEffects = []SideEffect{}
		}
	}
	cc.KPIs = append([]KPI{}, cc.KPIs...)
	for i := range cc.KPIs {
		cc.KPIs[i].Objectives = norm(cc.KPIs[i].Objectives)
	}
	if cc.Roles == nil {
		cc.Roles = []Assignment{}
	}
	cc.Cascades = append([]Cascade{}, cc.Cascades...)
	for i := range cc.Cascades {
		if cc.Cascades[i].Lines == nil {
			cc.Cascades[i].Lines = []CascadeLine{}
		}
	}
	cc.Rituals = append([]Ritual{}, cc.Rituals...)
	for i := range cc.Rituals {
		cc.Rituals[i].Attendees = norm(cc.Rituals[i].Attendees)
		cc.Rituals[i].Agenda = norm(cc.Rituals[i].Agenda)
	}
	if cc.Decisions == nil {
		cc.Decisions = []Decision{}
	}
	return &cc
}
