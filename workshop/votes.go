package workshop

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Dot voting (PRODUCT.md §1 step 3, R-VOTE-1): the one model the window
// and the participants' room both call.
//
// A card holds one count, whichever way the dots were entered:
//   - per voter: each voter (a participant, or a device of the room) has
//     the board's budget of dots and places them one by one, within the
//     cap per card; the card's count is the sum of its voters' dots;
//   - as a total counted on a wall and typed in (the WallTotal voter): the
//     total is the card's count. A card never adds a total to its voters'
//     dots: where a total was typed, dots entered per voter on that card no
//     longer count, not even against their voters' budgets.
//
// Switching from voters to totals converts each card's count into its
// total (ToTotals); switching back clears the totals (ClearTotals), which
// the window asks before doing.

// Voter is who places dots on a card. It is the key of Card.Votes, so it
// is stored: a participant's id, "device:N" for the N-th device slot of
// the participants' room (an anonymous participant), or "" (WallTotal) for
// a total counted on a wall.
type Voter string

// WallTotal is the voter under which a card's total counted on a wall is
// kept.
const WallTotal Voter = ""

const devicePrefix = "device:"

// Dot budgets: each voter has between 1 and MaxVotes dots, DefaultVotes
// when the board says nothing.
const (
	DefaultVotes = 3
	MaxVotes     = 12
)

// ParticipantVoter is the voter of participant id.
func ParticipantVoter(id string) Voter { return Voter(strings.TrimSpace(id)) }

// DeviceVoter is the voter of the n-th device slot of the room (from 1).
func DeviceVoter(n int) Voter { return Voter(devicePrefix + strconv.Itoa(n)) }

// Device returns the slot number of a device voter.
func (v Voter) Device() (int, bool) {
	rest, ok := strings.CutPrefix(string(v), devicePrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil && n > 0
}

// ParticipantID is the participant a voter stands for ("" for a device or
// the wall).
func (v Voter) ParticipantID() string {
	if _, dev := v.Device(); dev || v == WallTotal {
		return ""
	}
	return string(v)
}

// OpenDeviceSlot gives the voter of the room's n-th device slot. Each slot
// has the board's budget; the room never opens more slots than the charter
// has participants unless the facilitator allows it (allowMore).
func OpenDeviceSlot(n, participants int, allowMore bool) (Voter, error) {
	if n < 1 {
		return "", Errorf(KindInvalid, "device slot %d does not exist: slots count from 1", n)
	}
	if n > participants && !allowMore {
		return "", Errorf(KindForbidden, "the room has %d participants: a device slot %d needs the facilitator's permission", participants, n)
	}
	return DeviceVoter(n), nil
}

// VoteMode is how the dots of a board are entered.
type VoteMode string

// Vote modes.
const (
	VotePerVoter VoteMode = "voters" // each voter places their dots
	VoteTotals   VoteMode = "totals" // totals counted on a wall are typed in
)

// VoteRefusal says which rule a vote would break.
type VoteRefusal string

// Vote refusals.
const (
	RefusedNoVoter VoteRefusal = "no-voter" // no voter chosen (or the wall, which types totals)
	RefusedBudget  VoteRefusal = "budget"   // the voter has used all their dots
	RefusedCap     VoteRefusal = "cap"      // the card has reached the cap per card
	RefusedNoDot   VoteRefusal = "no-dot"   // nothing of the voter's to take back from the card
	RefusedTotal   VoteRefusal = "total"    // a total is not a whole number 0 or more
)

// VoteRefused is the cause of a refused vote: the rule, and the limit it
// sets (the budget, the cap).
type VoteRefused struct {
	Reason VoteRefusal
	Limit  int
}

func (e *VoteRefused) Error() string { return string(e.Reason) }

// RefusalOf returns why err refused a vote, if it did.
func RefusalOf(err error) (*VoteRefused, bool) {
	var r *VoteRefused
	ok := errors.As(err, &r)
	return r, ok
}

func refuse(reason VoteRefusal, limit int, format string, args ...any) error {
	return Wrap(KindForbidden, &VoteRefused{Reason: reason, Limit: limit}, format, args...)
}

// Budget is the number of dots each voter has.
func (b *Board) Budget() int {
	if b.VotesPerParticipant < 1 {
		return DefaultVotes
	}
	return min(b.VotesPerParticipant, MaxVotes)
}

// Card returns the card with id, in place, or nil.
func (b *Board) Card(id string) *Card { return ByID(b.Cards, id) }

// Total returns the total counted on a wall for the card, if one was typed.
func (c Card) Total() (int, bool) {
	n := c.Votes[string(WallTotal)]
	return n, n > 0
}

// Count is the card's one count of dots: its total when one was counted on
// a wall, else the sum of its voters' dots.
func (c Card) Count() int {
	if n, ok := c.Total(); ok {
		return n
	}
	n := 0
	for who, v := range c.Votes {
		if Voter(who) != WallTotal {
			n += v
		}
	}
	return n
}

// DotsOf is how many dots v has on the card (0 when a total supersedes
// them).
func (c Card) DotsOf(v Voter) int {
	if _, ok := c.Total(); ok || v == WallTotal {
		return 0
	}
	return c.Votes[string(v)]
}

// Used is the number of dots voter v has placed on the board.
func (b *Board) Used(v Voter) int {
	n := 0
	for _, c := range b.Cards {
		n += c.DotsOf(v)
	}
	return n
}

// Left is the number of dots voter v may still place.
func (b *Board) Left(v Voter) int { return max(0, b.Budget()-b.Used(v)) }

// Dots is the number of dots counted on all the cards.
func (b *Board) Dots() int {
	n := 0
	for _, c := range b.Cards {
		n += c.Count()
	}
	return n
}

// Mode is how the board's dots were entered: totals as soon as one card
// has a total counted on a wall.
func (b *Board) Mode() VoteMode {
	for _, c := range b.Cards {
		if _, ok := c.Total(); ok {
			return VoteTotals
		}
	}
	return VotePerVoter
}

// Give places one of v's dots on the card, within v's budget and the
// card's cap; a refusal (KindForbidden, RefusalOf says which rule) changes
// nothing.
func (b *Board) Give(cardID string, v Voter) error {
	c := b.Card(cardID)
	if c == nil {
		return Errorf(KindNotFound, "card %q is not on the board", cardID)
	}
	if v == WallTotal {
		return refuse(RefusedNoVoter, 0, "choose who votes before placing a dot")
	}
	if _, ok := c.Total(); ok {
		return refuse(RefusedTotal, 0, "card %q has a total counted on a wall: change the total, or clear the totals to vote per participant", c.Text)
	}
	if max := b.Budget(); b.Used(v) >= max {
		return refuse(RefusedBudget, max, "%s has used all %d votes", v, max)
	}
	if b.CapPerCard > 0 && c.Count() >= b.CapPerCard {
		return refuse(RefusedCap, b.CapPerCard, "card %q has reached the cap of %d votes", c.Text, b.CapPerCard)
	}
	if c.Votes == nil {
		c.Votes = map[string]int{}
	}
	c.Votes[string(v)]++
	return nil
}

// TakeBack removes one of v's dots from the card; with none to take back
// it is refused and nothing changes.
func (b *Board) TakeBack(cardID string, v Voter) error {
	c := b.Card(cardID)
	if c == nil {
		return Errorf(KindNotFound, "card %q is not on the board", cardID)
	}
	if v == WallTotal {
		return refuse(RefusedNoVoter, 0, "choose who votes before taking a dot back")
	}
	if c.DotsOf(v) == 0 {
		return refuse(RefusedNoDot, 0, "%s has no vote on card %q to take back", v, c.Text)
	}
	c.Votes[string(v)]--
	if c.Votes[string(v)] <= 0 {
		delete(c.Votes, string(v))
	}
	return nil
}

// SetTotal records n dots counted on a wall as the card's count (0 clears
// it). The total replaces the dots entered per voter on that card; above
// the cap per card, or negative, it is refused and nothing changes.
func (b *Board) SetTotal(cardID string, n int) error {
	c := b.Card(cardID)
	if c == nil {
		return Errorf(KindNotFound, "card %q is not on the board", cardID)
	}
	if n < 0 {
		return refuse(RefusedTotal, 0, "card %q: a total is 0 or more, not %d", c.Text, n)
	}
	if b.CapPerCard > 0 && n > b.CapPerCard {
		return refuse(RefusedCap, b.CapPerCard, "card %q: %d votes are above the cap of %d per card", c.Text, n, b.CapPerCard)
	}
	c.Votes = nil
	if n > 0 {
		c.Votes = map[string]int{string(WallTotal): n}
	}
	return nil
}

// ToTotals converts the board to totals: each card's count becomes its
// total counted on a wall; who placed which dot is forgotten, no count
// changes.
func (b *Board) ToTotals() {
	for i := range b.Cards {
		c := &b.Cards[i]
		n := c.Count()
		c.Votes = nil
		if n > 0 {
			c.Votes = map[string]int{string(WallTotal): n}
		}
	}
}

// ClearTotals removes the totals counted on a wall and returns how many
// dots they held; dots entered per voter count again.
func (b *Board) ClearTotals() int {
	n := 0
	for i := range b.Cards {
		c := &b.Cards[i]
		if t, ok := c.Total(); ok {
			n += t
		}
		delete(c.Votes, string(WallTotal))
		if len(c.Votes) == 0 {
			c.Votes = nil
		}
	}
	return n
}

// Ranking orders the cards by count, most first, keeping the board's order
// on ties. The cards are copies.
func (b *Board) Ranking() []Card {
	out := slices.Clone(b.Cards)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count() > out[j].Count() })
	return out
}

// Capacity is the number of dots the room could give: each voter slot has
// the budget, and there is one slot per participant, or as many device
// slots as the facilitator opened beyond them.
func (b *Board) Capacity(participants int) int {
	devices := map[string]bool{}
	for _, c := range b.Cards {
		for who := range c.Votes {
			if c.DotsOf(Voter(who)) > 0 {
				if _, ok := Voter(who).Device(); ok {
					devices[who] = true
				}
			}
		}
	}
	return b.Budget() * max(participants, len(devices))
}

// Findings judges the board's votes for a room of participants (R-VOTE-1,
// warnings): more dots counted than the room could give, or a card above
// the cap per card.
func (b *Board) Findings(participants int) []Finding {
	var out []Finding
	if dots, capacity := b.Dots(), b.Capacity(participants); dots > capacity {
		out = append(out, Finding{Code: RVOTE1, Severity: SevWarning, Where: Where{StepIdeas, "", "votes"},
			Args: []string{strconv.Itoa(dots), strconv.Itoa(capacity), strconv.Itoa(capacity / b.Budget()), strconv.Itoa(b.Budget())}})
	}
	if b.CapPerCard > 0 {
		for _, c := range b.Cards {
			if n := c.Count(); n > b.CapPerCard {
				out = append(out, Finding{Code: RVOTE1, Severity: SevWarning, Where: Where{StepIdeas, c.ID, "votes"},
					Args: []string{c.Text, strconv.Itoa(n), strconv.Itoa(b.CapPerCard)}})
			}
		}
	}
	return out
}

// Findings are the findings of the session: those of the current charter
// (Validate) and those of the board, errors first.
func (s *Session) Findings() []Finding {
	cur := s.Current()
	out := append(Validate(&cur.Charter), s.Board.Findings(len(cur.Charter.Participants))...)
	sort.SliceStable(out, func(i, j int) bool {
		return severityRank(out[i].Severity) < severityRank(out[j].Severity)
	})
	return out
}

// voteFindingMessage writes R-VOTE-1: Args are the card's text, its count
// and the cap for a card (Where.ID set); the dots counted, the room's
// capacity, its voter slots and the budget for the board.
func voteFindingMessage(l Lang, where Where, args []string) string {
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	if where.ID != "" {
		subject := tr(l, "Carte ", "Card ") + Quote(l, arg(0))
		return sentence(l, subject, tr(l, arg(1)+" votes, au-delà du plafond de "+arg(2)+" par carte",
			arg(1)+" votes, above the cap of "+arg(2)+" per card"))
	}
	dots, capacity, slots, budget := arg(0), arg(1), arg(2), arg(3)
	if l == FR {
		counted := dots + " votes sont comptés"
		if dots == "1" {
			counted = "1 vote est compté"
		}
		return sentence(l, "Vote par points", FrenchSpaces(counted+" sur les cartes, plus que la salle ne pouvait en donner ("+
			slots+" "+countNoun(FR, slots, "participant", "participants")+" × "+budget+" "+countNoun(FR, budget, "vote", "votes")+" = "+capacity+")"))
	}
	counted := dots + " votes are counted"
	if dots == "1" {
		counted = "1 vote is counted"
	}
	return sentence(l, "Dot voting", counted+" on the cards, more than the room could give ("+
		slots+" "+countNoun(EN, slots, "participant", "participants")+" × "+budget+" "+countNoun(EN, budget, "vote", "votes")+" = "+capacity+")")
}

// countNoun agrees a noun with the count n: French takes the singular for 0
// and 1, English for 1 only.
func countNoun(l Lang, n, one, many string) string {
	if n == "1" || (l == FR && n == "0") {
		return one
	}
	return many
}
