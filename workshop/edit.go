package workshop

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// Edit applies fn to the charter of the current revision. A signed revision
// is frozen: Edit refuses (KindForbidden) and changes nothing. Signatures
// given to a content that fn changed no longer stand and are dropped; a
// change that leaves the content as it was keeps them. Signatures dropped
// so are written in the decision log (WithdrawalText: who, and the reason
// "charter changed"); the window asks before (Withdrawn).
func (s *Session) Edit(now time.Time, fn func(c *Charter)) error {
	cur := s.Current()
	if cur.Frozen() {
		return Errorf(KindForbidden, "revision %d is signed and can no longer be edited; amend it to open revision %d", cur.Number, cur.Number+1)
	}
	before := cur.Signatures
	fn(&cur.Charter)
	s.Updated = now
	dropStaleSignatures(cur)
	if len(cur.Signatures) < len(before) {
		var names []string
		for _, sg := range before {
			if !slices.ContainsFunc(cur.Signatures, func(k Signature) bool { return k.ParticipantID == sg.ParticipantID && k.Seal == sg.Seal }) {
				names = append(names, sg.Name)
			}
		}
		cur.Charter.Decisions = append(cur.Charter.Decisions, Decision{
			ID:   NewID(),
			Date: DateOf(now),
			Type: DecisionDecision,
			Text: WithdrawalText(cur.Charter.Lang, names),
		})
	}
	return nil
}

// Withdrawn returns the signatures an edit by fn would withdraw: those of
// the present content, when fn changes it. fn runs on a copy; nothing
// changes. A frozen revision has none to withdraw (Edit refuses).
func (s *Session) Withdrawn(fn func(c *Charter)) []Signature {
	cur := s.Current()
	if cur.Frozen() || len(cur.Signatures) == 0 {
		return nil
	}
	seal := Seal(&cur.Charter)
	c := cur.Charter.Clone()
	fn(c)
	if Seal(c) == seal {
		return nil
	}
	var out []Signature
	for _, sg := range cur.Signatures {
		if sg.Seal == seal {
			out = append(out, sg)
		}
	}
	return out
}

// WithdrawalText is the decision-log entry of signatures withdrawn by an
// edit, in the charter's language.
func WithdrawalText(l Lang, names []string) string {
	if l == FR {
		return "Signatures retirées : " + strings.Join(names, ", ") + ". Motif : charte modifiée."
	}
	return "Signatures withdrawn: " + strings.Join(names, ", ") + ". Reason: charter changed."
}

// dropStaleSignatures keeps only the signatures of the revision's present
// content.
func dropStaleSignatures(r *Revision) {
	if len(r.Signatures) == 0 {
		return
	}
	seal := Seal(&r.Charter)
	kept := r.Signatures[:0:0]
	for _, sig := range r.Signatures {
		if sig.Seal == seal {
			kept = append(kept, sig)
		}
	}
	if len(kept) == 0 {
		kept = nil
	}
	r.Signatures = kept
}

// EditBoard applies fn to the co-construction board. The board is workshop
// material, not charter content, so it stays editable after signature. A
// change that sets the votes per participant outside 1–12, a negative cap
// per card or a negative vote count is refused (KindInvalid) and nothing
// changes.
func (s *Session) EditBoard(now time.Time, fn func(b *Board)) error {
	b := s.Board.Clone()
	fn(&b)
	if b.VotesPerParticipant != s.Board.VotesPerParticipant && (b.VotesPerParticipant < 1 || b.VotesPerParticipant > 12) {
		return Errorf(KindInvalid, "votes per participant must be between 1 and 12, not %d", b.VotesPerParticipant)
	}
	if b.CapPerCard < 0 {
		return Errorf(KindInvalid, "the cap per card must be 0 (no cap) or more, not %d", b.CapPerCard)
	}
	for _, c := range b.Cards {
		for who, n := range c.Votes {
			if n < 0 {
				return Errorf(KindInvalid, "card %q: votes cannot be negative (%d for %q)", c.Text, n, who)
			}
		}
	}
	s.Board = b
	s.Updated = now
	return nil
}

// Clone returns a deep copy of the board (cards, their votes, groups and
// timebox are not shared).
func (b Board) Clone() Board {
	b.Cards = cloneOf(b.Cards)
	for i := range b.Cards {
		if b.Cards[i].Votes != nil {
			b.Cards[i].Votes = maps.Clone(b.Cards[i].Votes)
		}
	}
	b.Groups = cloneOf(b.Groups)
	if b.Timebox != nil {
		b.Timebox = maps.Clone(b.Timebox)
	}
	return b
}

// AppendDecision adds an entry to the decision log. Its type must be one of
// DecisionTypes and its text not blank (KindInvalid); a missing id is
// assigned and a missing date is today's. While the revision is a draft the
// entry goes to the charter's log (it is content: signatures of the former
// content are dropped). Once signed, the log is append-only: the entry goes
// to the revision's LateDecisions and the seal does not change.
func (s *Session) AppendDecision(d Decision, now time.Time) error {
	cur := s.Current()
	d.Text = strings.TrimSpace(d.Text)
	if !hasDecisionType(d.Type) {
		return Errorf(KindInvalid, "decision log: type %q is not one of decision, hypothesis, test, result", string(d.Type))
	}
	if d.Text == "" {
		return Errorf(KindInvalid, "decision log: the text of the entry is required")
	}
	if d.Date == "" {
		d.Date = DateOf(now)
	} else if _, ok := d.Date.Time(); !ok {
		return Errorf(KindInvalid, "decision log: date %q is not a date (expected YYYY-MM-DD)", string(d.Date))
	}
	if d.LinkID != "" && !linksTo(&cur.Charter, d.LinkID) {
		return Errorf(KindInvalid, "decision log: the entry links to %q, which is neither an objective nor a KPI of this charter", d.LinkID)
	}
	if d.ID == "" {
		d.ID = NewID()
	} else if hasDecision(cur.Charter.Decisions, d.ID) || hasDecision(cur.LateDecisions, d.ID) {
		return Errorf(KindConflict, "decision log: an entry with id %q already exists", d.ID)
	}
	if cur.Frozen() {
		cur.LateDecisions = append(cur.LateDecisions, d)
		s.Updated = now
		return nil
	}
	return s.Edit(now, func(c *Charter) { c.Decisions = append(c.Decisions, d) })
}

func hasDecisionType(t DecisionType) bool {
	return slices.Contains(DecisionTypes, t)
}

func hasDecision(list []Decision, id string) bool { return ByID(list, id) != nil }

// linksTo reports whether id names an objective or a KPI of c.
func linksTo(c *Charter, id string) bool {
	return ByID(c.Objectives, id) != nil || ByID(c.KPIs, id) != nil
}
