package workshop

import (
	"strconv"
	"strings"
	"testing"
)

func voteBoard() *Board {
	return &Board{VotesPerParticipant: 3, CapPerCard: 4, Cards: []Card{
		{ID: "a", Text: "Shorter cycle"}, {ID: "b", Text: "More meetings"}, {ID: "c", Text: "Win rate"},
	}}
}

// TestDotVoting_GiveAndTakeBack: a vote given or taken back, refused with
// the rule it breaks, and nothing changed by a refusal.
func TestDotVoting_GiveAndTakeBack(t *testing.T) {
	alice, bob, dev := ParticipantVoter("p1"), ParticipantVoter("p2"), DeviceVoter(1)
	cases := []struct {
		name   string
		setup  func(b *Board)
		act    func(b *Board) error
		refuse VoteRefusal // "" when accepted
		counts string      // a,b,c after
	}{
		{"give", nil, func(b *Board) error { return b.Give("a", alice) }, "", "1,0,0"},
		{"a device votes like a participant", nil, func(b *Board) error { return b.Give("b", dev) }, "", "0,1,0"},
		{"budget spent", func(b *Board) {
			must(t, b.Give("a", alice))
			must(t, b.Give("b", alice))
			must(t, b.Give("c", alice))
		}, func(b *Board) error { return b.Give("a", alice) }, RefusedBudget, "1,1,1"},
		{"cap reached", func(b *Board) {
			for _, v := range []Voter{alice, alice, bob, bob} {
				must(t, b.Give("a", v))
			}
		}, func(b *Board) error { return b.Give("a", DeviceVoter(2)) }, RefusedCap, "4,0,0"},
		{"no voter", nil, func(b *Board) error { return b.Give("a", WallTotal) }, RefusedNoVoter, "0,0,0"},
		{"take back", func(b *Board) { must(t, b.Give("a", alice)) }, func(b *Board) error { return b.TakeBack("a", alice) }, "", "0,0,0"},
		{"nothing to take back", func(b *Board) { must(t, b.Give("a", bob)) }, func(b *Board) error { return b.TakeBack("a", alice) }, RefusedNoDot, "1,0,0"},
		{"a total replaces the voters' dots", func(b *Board) { must(t, b.Give("a", alice)) }, func(b *Board) error { return b.SetTotal("a", 3) }, "", "3,0,0"},
		{"a total above the cap", nil, func(b *Board) error { return b.SetTotal("a", 5) }, RefusedCap, "0,0,0"},
		{"a negative total", nil, func(b *Board) error { return b.SetTotal("a", -1) }, RefusedTotal, "0,0,0"},
		{"no dot on a card with a total", func(b *Board) { must(t, b.SetTotal("a", 2)) }, func(b *Board) error { return b.Give("a", alice) }, RefusedTotal, "2,0,0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := voteBoard()
			if tc.setup != nil {
				tc.setup(b)
			}
			err := tc.act(b)
			r, refused := RefusalOf(err)
			switch {
			case tc.refuse == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.refuse != "" && (!refused || r.Reason != tc.refuse || KindOf(err) != KindForbidden):
				t.Fatalf("err = %v, want refusal %s", err, tc.refuse)
			}
			if got := counts(b); got != tc.counts {
				t.Errorf("counts = %s, want %s", got, tc.counts)
			}
		})
	}
	if err := voteBoard().Give("zzz", alice); KindOf(err) != KindNotFound {
		t.Errorf("unknown card: %v", err)
	}
}

func counts(b *Board) string {
	var out []string
	for _, c := range b.Cards {
		out = append(out, strconv.Itoa(c.Count()))
	}
	return strings.Join(out, ",")
}

// TestDotVoting_OneCountPerCard_Issue9_3: entered per participant, then as
// totals, a card has one count that the total, the ranking and the budgets
// agree on; the mode switch converts.
func TestDotVoting_OneCountPerCard_Issue9_3(t *testing.T) {
	b := voteBoard()
	b.CapPerCard = 0
	alice, bob := ParticipantVoter("p1"), ParticipantVoter("p2")
	for _, v := range []Voter{alice, alice, bob} {
		must(t, b.Give("b", v))
	}
	must(t, b.Give("a", bob))
	if b.Mode() != VotePerVoter || counts(b) != "1,3,0" || b.Used(alice) != 2 || b.Left(bob) != 1 {
		t.Fatalf("per voter: mode %s counts %s", b.Mode(), counts(b))
	}

	// The legacy mix: a total typed on a card that has voters' dots. The
	// total is the count; the dots it supersedes free their budgets.
	b.Cards[1].Votes[""] = 7
	if got := b.Cards[1].Count(); got != 7 {
		t.Errorf("mixed card count = %d, want the total 7 (never 7+3)", got)
	}
	if b.Used(alice) != 0 || b.Used(bob) != 1 {
		t.Errorf("superseded dots still spend budgets: alice %d bob %d", b.Used(alice), b.Used(bob))
	}
	if r := b.Ranking(); r[0].ID != "b" || r[0].Count() != 7 || r[1].Count() != 1 {
		t.Errorf("ranking %v disagrees with the counts", r)
	}
	if b.Dots() != 8 {
		t.Errorf("dots = %d, want 8", b.Dots())
	}

	// To totals: each count becomes a total, no count changes.
	b.ToTotals()
	if b.Mode() != VoteTotals || counts(b) != "1,7,0" || len(b.Cards[1].Votes) != 1 || len(b.Cards[0].Votes) != 1 {
		t.Fatalf("to totals: mode %s counts %s votes %v", b.Mode(), counts(b), b.Cards)
	}
	// Back to voters: the totals are cleared (the window asks first).
	if n := b.ClearTotals(); n != 8 || b.Mode() != VotePerVoter || b.Dots() != 0 {
		t.Errorf("ClearTotals = %d, mode %s, dots %d", n, b.Mode(), b.Dots())
	}
}

func TestDotVoting_RankingKeepsBoardOrderOnTies(t *testing.T) {
	b := voteBoard()
	must(t, b.SetTotal("c", 2))
	must(t, b.SetTotal("b", 1))
	must(t, b.SetTotal("a", 1))
	var ids []string
	for _, c := range b.Ranking() {
		ids = append(ids, c.ID)
	}
	if got := strings.Join(ids, ""); got != "cab" {
		t.Errorf("ranking = %s, want cab", got)
	}
	if b.Cards[0].ID != "a" {
		t.Error("Ranking reordered the board")
	}
}

func TestDotVoting_VoterSlots(t *testing.T) {
	if v, err := OpenDeviceSlot(3, 3, false); err != nil || v != "device:3" {
		t.Errorf("slot 3 of 3: %q %v", v, err)
	}
	if _, err := OpenDeviceSlot(4, 3, false); KindOf(err) != KindForbidden {
		t.Errorf("slot 4 of 3 without permission: %v", err)
	}
	if _, err := OpenDeviceSlot(4, 3, true); err != nil {
		t.Errorf("slot 4 of 3 allowed: %v", err)
	}
	if _, err := OpenDeviceSlot(0, 3, true); KindOf(err) != KindInvalid {
		t.Errorf("slot 0: %v", err)
	}
	for _, tc := range []struct {
		v      Voter
		device int
		pid    string
	}{{"device:2", 2, ""}, {"p1", 0, "p1"}, {WallTotal, 0, ""}, {"device:x", 0, "device:x"}} {
		n, _ := tc.v.Device()
		if n != tc.device || tc.v.ParticipantID() != tc.pid {
			t.Errorf("%q: device %d participant %q", tc.v, n, tc.v.ParticipantID())
		}
	}
}

// TestR_VOTE_1_Findings: more dots than the room could give, or a card
// above its cap, is a warning; a room within its budget is quiet.
func TestR_VOTE_1_Findings(t *testing.T) {
	cases := []struct {
		name         string
		participants int
		setup        func(b *Board)
		want         []string // Where.ID of each R-VOTE-1 ("" for the room)
		en, fr       string   // message of the first
	}{
		{"empty board", 8, func(*Board) {}, nil, "", ""},
		{"within the room", 2, func(b *Board) {
			b.CapPerCard = 0
			for _, v := range []Voter{"p1", "p1", "p1", "p2", "p2", "p2"} {
				must(t, b.Give("c", v))
			}
		}, nil, "", ""},
		{"totals beyond the room (41 for 24)", 8, func(b *Board) {
			b.CapPerCard = 0
			must(t, b.SetTotal("a", 20))
			must(t, b.SetTotal("b", 21))
		}, []string{""},
			"Dot voting: 41 votes are counted on the cards, more than the room could give (8 participants × 3 votes = 24).",
			"Vote par points\u00a0: 41 votes sont comptés sur les cartes, plus que la salle ne pouvait en donner (8 participants × 3 votes = 24)."},
		{"one participant, one vote", 1, func(b *Board) {
			b.VotesPerParticipant = 1
			must(t, b.SetTotal("a", 2))
		}, []string{""},
			"Dot voting: 2 votes are counted on the cards, more than the room could give (1 participant × 1 vote = 1).",
			"Vote par points\u00a0: 2 votes sont comptés sur les cartes, plus que la salle ne pouvait en donner (1 participant × 1 vote = 1)."},
		{"device slots the facilitator opened count", 1, func(b *Board) {
			b.CapPerCard = 0
			for n := 1; n <= 3; n++ {
				for range 3 {
					must(t, b.Give("a", DeviceVoter(n)))
				}
			}
		}, nil, "", ""},
		{"a card above a cap lowered after the vote", 8, func(b *Board) {
			must(t, b.SetTotal("b", 4))
			b.CapPerCard = 2
		}, []string{"b"},
			"Card “More meetings”: 4 votes, above the cap of 2 per card.",
			"Carte «\u00a0More meetings\u00a0»\u00a0: 4 votes, au-delà du plafond de 2 par carte."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := voteBoard()
			tc.setup(b)
			fs := b.Findings(tc.participants)
			if len(fs) != len(tc.want) {
				t.Fatalf("findings %+v, want %d", fs, len(tc.want))
			}
			for i, f := range fs {
				if f.Code != "R-VOTE-1" || f.Severity != SevWarning || f.Where.Step != StepIdeas || f.Where.ID != tc.want[i] {
					t.Errorf("finding %+v", f)
				}
			}
			if len(fs) > 0 {
				if got := fs[0].Message(EN); got != tc.en {
					t.Errorf("EN %q\nwant %q", got, tc.en)
				}
				if got := fs[0].Message(FR); got != tc.fr {
					t.Errorf("FR %q\nwant %q", got, tc.fr)
				}
			}
		})
	}
}

func TestR_VOTE_1_SessionFindingsIncludeTheBoard(t *testing.T) {
	s := &Session{Revisions: []Revision{{Number: 1, Charter: *rulesCharter(EN)}}}
	if fs := s.Findings(); len(fs) != 0 {
		t.Fatalf("valid session: %v", fs)
	}
	s.Board = *voteBoard()
	s.Board.CapPerCard = 0
	must(t, s.Board.SetTotal("a", 13)) // 4 participants × 3 = 12
	fs := s.Findings()
	if len(fs) != 1 || fs[0].Code != "R-VOTE-1" {
		t.Fatalf("findings = %+v", fs)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
