package workshop

// ApproverStatus is where an approver stands on a revision.
type ApproverStatus string

// Approver statuses.
const (
	ApproverSigned   ApproverStatus = "signed"   // signed the revision's present content
	ApproverDeclined ApproverStatus = "declined" // declined, and has not signed since
	ApproverAwaited  ApproverStatus = "awaited"  // neither: their signature is awaited
	// ApproverUnverified: their signature of the present content was
	// imported without a cryptographic signature. It is shown, never
	// counted as signed: on a draft they sign again.
	ApproverUnverified ApproverStatus = "unverified"
)

// ApproverState is one approver's state on a revision.
type ApproverState struct {
	Participant Participant
	Status      ApproverStatus
	// Signature is the signature of the present content, when Signed; its
	// Seal is the seal the approver signed.
	Signature *Signature
	// Decline is the approver's latest refusal, when Declined.
	Decline *Decline
}

// ApproverStates says, for each approver of the revision's charter in
// participant order, whether they signed, declined or are awaited. Only a
// signature of the present content counts: its seal must be the seal of
// the revision (when signed) or of its charter as it is now (a signature
// of an earlier content no longer stands). The window, the command line,
// the PDF and Sign all read the state here.
func (r *Revision) ApproverStates() []ApproverState {
	approvers := Approvers(&r.Charter)
	if len(approvers) == 0 {
		return nil
	}
	seal := r.Seal
	if !r.Frozen() || seal == "" {
		seal = Seal(&r.Charter)
	}
	return approverStates(r, approvers, seal)
}

func approverStates(r *Revision, approvers []Participant, seal string) []ApproverState {
	out := make([]ApproverState, len(approvers))
	for i, p := range approvers {
		st := ApproverState{Participant: p, Status: ApproverAwaited}
		for j := range r.Signatures {
			if sg := &r.Signatures[j]; sg.ParticipantID == p.ID && sg.Seal == seal {
				st.Status, st.Signature = ApproverSigned, sg
				if sg.Unverified && !sg.Signed() {
					st.Status = ApproverUnverified
				}
				break
			}
		}
		if st.Status == ApproverAwaited {
			for j := len(r.Declines) - 1; j >= 0; j-- {
				if r.Declines[j].ParticipantID == p.ID {
					st.Status, st.Decline = ApproverDeclined, &r.Declines[j]
					break
				}
			}
		}
		out[i] = st
	}
	return out
}

// Awaited returns the approvers who have not signed the revision's present
// content (declined or awaited), in participant order.
func (r *Revision) Awaited() []Participant {
	var out []Participant
	for _, st := range r.ApproverStates() {
		if st.Status != ApproverSigned {
			out = append(out, st.Participant)
		}
	}
	return out
}

// StageUnverified is the stage of a signed revision imported with one
// signature or more that carries no cryptographic signature: frozen as
// signed (its content cannot change without an amendment), never shown as
// signed.
const StageUnverified = "signed-unverified"

// Stage is where the revision stands in its sign-off, as lists show it:
// "draft", "signing" (an approver signed the present content, others are
// awaited), "signed" or StageUnverified.
func (r *Revision) Stage() string {
	if r.Frozen() {
		for _, st := range r.ApproverStates() {
			if st.Status == ApproverUnverified {
				return StageUnverified
			}
		}
		return string(StatusSigned)
	}
	if len(r.Signatures) > 0 {
		for _, st := range r.ApproverStates() {
			if st.Status == ApproverSigned {
				return "signing"
			}
		}
	}
	return string(StatusDraft)
}
