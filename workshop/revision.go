package workshop

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
