package workshop

import (
	"strconv"
	"strings"
	"time"
)

// Approvers returns the participants who hold the Approver role on at least
// one objective of the charter, in participant order, each once.
func Approvers(c *Charter) []Participant {
	objectives := map[string]bool{}
	for _, o := range c.Objectives {
		objectives[o.ID] = true
	}
	approves := map[string]bool{}
	for _, a := range c.Roles {
		if a.Role == RoleApprover && objectives[a.ObjectiveID] {
			approves[a.ParticipantID] = true
		}
	}
	var out []Participant
	for _, p := range c.Participants {
		if approves[p.ID] {
			out = append(out, p)
			approves[p.ID] = false // a participant listed twice signs once
		}
	}
	return out
}

// CanSign says whether the charter may be signed: no error finding and at
// least one approver. Otherwise it returns a KindForbidden error that says
// what blocks.
func CanSign(c *Charter) error {
	errs := 0
	for _, f := range Validate(c) {
		if f.Severity == SevError {
			errs++
		}
	}
	switch {
	case errs == 1:
		return Errorf(KindForbidden, "the charter cannot be signed: 1 blocking error remains; see the review step")
	case errs > 1:
		return Errorf(KindForbidden, "the charter cannot be signed: %d blocking errors remain; see the review step", errs)
	case len(Approvers(c)) == 0:
		return Errorf(KindForbidden, "the charter cannot be signed: nobody holds the Approver role on an objective")
	}
	return nil
}

// Sign records the sign-off of the approver called name (matched without
// regard to case or spacing) on the present content of the current
// revision. When every approver has signed that content, the revision is
// signed and frozen, with its seal and the time of the last signature.
//
// The record is signed with signer, the installation key (RecordSigner).
// An unverified signature of the same approver (imported without a
// cryptographic signature) does not count: signing replaces it.
//
// Errors: the revision is already signed, or the charter has blocking
// errors (KindForbidden); name is not an approver (KindInvalid); this
// approver already signed this content (KindConflict); no signer, or it
// fails (KindInternal).
func (s *Session) Sign(name, comment string, now time.Time, signer RecordSigner) error {
	cur := s.Current()
	if cur.Frozen() {
		return Errorf(KindForbidden, "revision %d is already signed; amend it to change anything", cur.Number)
	}
	approvers := Approvers(&cur.Charter)
	matches := matchApprovers(approvers, name)
	if len(matches) == 0 {
		return notAnApprover(name, approvers)
	}
	if len(matches) > 1 {
		return ambiguousApprover(name, matches)
	}
	if err := CanSign(&cur.Charter); err != nil {
		return err
	}
	seal := Seal(&cur.Charter)
	var who *Participant // stale signatures (another seal) do not count
	for _, st := range approverStates(cur, matches, seal) {
		if st.Status != ApproverSigned {
			who = &st.Participant
			break
		}
	}
	if who == nil {
		return Errorf(KindConflict, "%s has already signed this version of the charter", matches[0].Name)
	}
	sg := Signature{
		ParticipantID: who.ID,
		Name:          who.Name,
		At:            now,
		Comment:       strings.TrimSpace(comment),
		Seal:          seal,
	}
	if err := SignSignature(cur.Number, &sg, signer); err != nil {
		return err // nothing changed
	}
	dropStaleSignatures(cur)
	kept := cur.Signatures[:0:0]
	for _, old := range cur.Signatures {
		if old.ParticipantID != who.ID { // an unverified one is replaced
			kept = append(kept, old)
		}
	}
	cur.Signatures = append(kept, sg)
	s.Updated = now
	for _, st := range approverStates(cur, approvers, seal) {
		if st.Status != ApproverSigned {
			return nil
		}
	}
	cur.Status = StatusSigned
	cur.Seal = seal
	cur.SignedAt = now
	return nil
}

// Decline records an approver's refusal with its reason (required), signed
// with signer as Sign's records are: the signatures given so far are
// cleared and the revision stays a draft.
func (s *Session) Decline(name, reason string, now time.Time, signer RecordSigner) error {
	cur := s.Current()
	if cur.Frozen() {
		return Errorf(KindForbidden, "revision %d is already signed; amend it to change anything", cur.Number)
	}
	approvers := Approvers(&cur.Charter)
	matches := matchApprovers(approvers, name)
	if len(matches) == 0 {
		return notAnApprover(name, approvers)
	}
	if len(matches) > 1 {
		return ambiguousApprover(name, matches)
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Errorf(KindInvalid, "%s: a reason is required to decline", matches[0].Name)
	}
	d := Decline{
		ParticipantID: matches[0].ID,
		Name:          matches[0].Name,
		At:            now,
		Reason:        reason,
		Seal:          Seal(&cur.Charter),
	}
	if err := SignDecline(cur.Number, &d, signer); err != nil {
		return err
	}
	cur.Declines = append(cur.Declines, d)
	cur.Signatures = nil
	cur.Status = StatusDraft
	s.Updated = now
	return nil
}

// personKey folds a name for matching: case and spacing do not matter.
func personKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// matchApprovers returns the approvers called name (or whose id is name).
func matchApprovers(approvers []Participant, name string) []Participant {
	key := personKey(name)
	var out []Participant
	if key == "" {
		return nil
	}
	for _, a := range approvers {
		if a.ID == strings.TrimSpace(name) {
			return []Participant{a} // an id names one participant
		}
		if personKey(a.Name) == key {
			out = append(out, a)
		}
	}
	return out
}

// ambiguousApprover refuses a name that two approvers or more answer to
// (the same name, or one differing only by case or spacing): one person
// typing it twice would otherwise sign, or decline, for each of them.
func ambiguousApprover(name string, matches []Participant) error {
	ids := make([]string, len(matches))
	for i, m := range matches {
		ids[i] = m.ID
	}
	return Errorf(KindInvalid, "%d approvers are called %s (participants %s): one person cannot sign for another; "+
		"give them distinct names, or name the approver by participant id", len(matches), strings.Join(strings.Fields(name), " "), strings.Join(ids, ", "))
}

func notAnApprover(name string, approvers []Participant) error {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		name = "(no name)"
	}
	if len(approvers) == 0 {
		return Errorf(KindInvalid, "%s is not an approver of this charter; it has no approver yet (give someone the Approver role on an objective)", name)
	}
	names := make([]string, len(approvers))
	for i, a := range approvers {
		names[i] = a.Name
	}
	return Errorf(KindInvalid, "%s is not an approver of this charter; approvers: %s", name, strings.Join(names, ", "))
}

// CheckSignedRevision checks that the sign-off recorded on a revision is
// one that Sign and Edit could have produced, so that a file cannot claim
// signatures nobody gave. On a signed revision: no error finding, at least
// one approver, a signature from every approver and from approvers only,
// each once, under the name the charter gives them, each sealing the
// revision's seal, which is the seal of its content. On a draft: the
// signatures given so far are by approvers, each once, and seal its present
// content (an edit drops the others). Declines are history and are not
// checked. The error (KindInvalid) names the revision and the signature.
func CheckSignedRevision(rev *Revision) error {
	bad := func(format string, args ...any) error {
		return Errorf(KindInvalid, "revision %d"+format, append([]any{rev.Number}, args...)...)
	}
	c := &rev.Charter
	seal := Seal(c)
	signed := rev.Status == StatusSigned
	if signed {
		if rev.Seal != seal {
			return bad(" was altered after signing: its content no longer matches its seal")
		}
		for _, f := range Validate(c) {
			if f.Severity == SevError {
				return bad(" is signed but has a blocking error (%s: %s); a charter with errors cannot be signed", f.Code, strings.TrimSuffix(f.Message(EN), "."))
			}
		}
	}
	approvers := Approvers(c)
	if signed && len(approvers) == 0 {
		return bad(" is signed but nobody holds the Approver role on an objective")
	}
	byID := map[string]Participant{}
	for _, a := range approvers {
		byID[a.ID] = a
	}
	seen := map[string]int{}
	for i, sg := range rev.Signatures {
		a, ok := byID[sg.ParticipantID]
		if !ok {
			return bad(": signatures[%d] is by %s (participant %s), who is not an approver of this revision", i, quoteCut(sg.Name), quoteCut(sg.ParticipantID))
		}
		if sg.Name != a.Name {
			return bad(": signatures[%d] is signed as %s but participant %s is called %s in the charter", i, quoteCut(sg.Name), quoteCut(sg.ParticipantID), quoteCut(a.Name))
		}
		if j, twice := seen[sg.ParticipantID]; twice {
			return bad(": %s signed twice (signatures[%d] and signatures[%d])", quoteCut(a.Name), j, i)
		}
		seen[sg.ParticipantID] = i
		if sg.Seal != seal {
			return bad(": signatures[%d] by %s does not seal this revision (it seals %s, the revision's content seals %s)", i, quoteCut(a.Name), quoteCut(sg.Seal), seal)
		}
	}
	if signed {
		if len(rev.Signatures) == 0 {
			return bad(" is signed but holds no signature")
		}
		for _, a := range approvers {
			if _, ok := seen[a.ID]; !ok {
				return bad(" is signed but %s, an approver, did not sign it", quoteCut(a.Name))
			}
		}
	}
	return nil
}

// quoteCut quotes a name read from a file for a message: escaped, and cut
// after 64 characters so that a huge one does not flood the message.
func quoteCut(s string) string {
	if r := []rune(s); len(r) > 64 {
		return strconv.Quote(string(r[:64])) + "…"
	}
	return strconv.Quote(s)
}
