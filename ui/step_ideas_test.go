package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"boussole/workshop"
)

// addCardA types a card and adds it with the step's button.
func addCardA(t *testing.T, st *ideasStep, kind int, text string) {
	t.Helper()
	st.NewKind.SetSelectedIndex(kind)
	test.Type(st.NewText, text)
	test.Tap(st.AddCard)
	if st.NewText.Text != "" {
		t.Fatalf("card %q not added: %q", text, st.AddNote.Text)
	}
}

// cardByText finds a stored card.
func cardByText(t *testing.T, b workshop.Board, text string) workshop.Card {
	t.Helper()
	for _, c := range b.Cards {
		if c.Text == text {
			return c
		}
	}
	t.Fatalf("no card %q on the board", text)
	return workshop.Card{}
}

func TestIdeasAddCardsWithAuthorAndGroups(t *testing.T) {
	s := blankSessionA(t, "Ana")
	ed, env := newTestEditor(t, s)
	st := stepA[*ideasStep](t, ed, workshop.StepIdeas)

	if !st.Anonymous.Checked || st.authorBox.Visible() {
		t.Error("a new board is not anonymous by default")
	}
	addCardA(t, st, 0, "Shorter sales cycle")
	test.Tap(st.Anonymous) // authors on
	if !st.authorBox.Visible() {
		t.Fatal("the author entry is hidden on a board with authors")
	}
	test.Type(st.NewAuthor, "Ana")
	addCardA(t, st, 1, "Win rate")
	test.Tap(st.AddCard) // nothing written
	if !st.AddNote.Visible() {
		t.Error("an empty card is added without a word")
	}

	test.Type(st.NewGroup, "Velocity")
	test.Tap(st.AddGroup)
	b := env.stored(t, s.ID).Board
	if len(b.Groups) != 1 || b.Groups[0].Name != "Velocity" {
		t.Fatalf("groups = %+v", b.Groups)
	}
	win := cardByText(t, b, "Win rate")
	st.Rows[win.ID].Group.SetSelectedIndex(1)

	b = env.stored(t, s.ID).Board
	first, second := cardByText(t, b, "Shorter sales cycle"), cardByText(t, b, "Win rate")
	if first.Kind != workshop.CardObjective || first.Author != "" {
		t.Errorf("anonymous card = %+v", first)
	}
	if second.Kind != workshop.CardKPI || second.Author != "Ana" || second.GroupID != b.Groups[0].ID {
		t.Errorf("card with author = %+v", second)
	}
	if b.Anonymous {
		t.Error("board still anonymous")
	}
	if !strings.Contains(renderedText(env.Win), "Velocity (1)") {
		t.Error("the group heading with its count is not shown")
	}
}

func TestIdeasVotePerParticipantRespectsBudgetAndCap(t *testing.T) {
	s := blankSessionA(t, "Ana", "Bruno")
	ana, bruno := s.Current().Charter.Participants[0].ID, s.Current().Charter.Participants[1].ID
	ed, env := newTestEditor(t, s)
	st := stepA[*ideasStep](t, ed, workshop.StepIdeas)
	addCardA(t, st, 0, "A")
	addCardA(t, st, 0, "B")
	st.VotesPer.SetSelected("2")
	st.Cap.SetSelectedIndex(2) // cap 2
	b := env.stored(t, s.ID).Board
	if b.VotesPerParticipant != 2 || b.CapPerCard != 2 {
		t.Fatalf("settings = %d votes, cap %d", b.VotesPerParticipant, b.CapPerCard)
	}
	a, bb := cardByText(t, b, "A").ID, cardByText(t, b, "B").ID

	test.Tap(st.Rows[a].Plus) // nobody chosen
	if !st.VoteMsg.Visible() || !strings.Contains(st.VoteMsg.Text, "Choose who is voting") {
		t.Errorf("vote without voter: %q", st.VoteMsg.Text)
	}
	st.Voter.SetSelectedIndex(0) // Ana
	test.Tap(st.Rows[a].Plus)
	test.Tap(st.Rows[a].Plus)
	if st.Remaining.Text != "Ana: 0 votes left of 2" {
		t.Errorf("remaining = %q", st.Remaining.Text)
	}
	test.Tap(st.Rows[bb].Plus) // over Ana's budget
	if !strings.Contains(st.VoteMsg.Text, "Ana has used all 2 votes") {
		t.Errorf("budget refusal = %q", st.VoteMsg.Text)
	}
	st.Voter.SetSelectedIndex(1) // Bruno
	test.Tap(st.Rows[a].Plus)    // A is at its cap
	if !strings.Contains(st.VoteMsg.Text, "cap of 2") {
		t.Errorf("cap refusal = %q", st.VoteMsg.Text)
	}
	test.Tap(st.Rows[bb].Plus)
	if noteShown(st.VoteMsg) {
		t.Errorf("an accepted vote still shows %q", st.VoteMsg.Text)
	}

	b = env.stored(t, s.ID).Board
	if v := cardByText(t, b, "A").Votes; v[ana] != 2 || v[bruno] != 0 || len(v) != 1 {
		t.Errorf("votes on A = %v", v)
	}
	if v := cardByText(t, b, "B").Votes; v[bruno] != 1 || len(v) != 1 {
		t.Errorf("votes on B = %v", v)
	}

	// Taking a vote back gives it back to the budget.
	st.Voter.SetSelectedIndex(0)
	test.Tap(st.Rows[a].Minus)
	test.Tap(st.Rows[bb].Plus)
	b = env.stored(t, s.ID).Board
	if cardByText(t, b, "A").Votes[ana] != 1 || cardByText(t, b, "B").Votes[ana] != 1 {
		t.Errorf("after moving a vote: A %v, B %v", cardByText(t, b, "A").Votes, cardByText(t, b, "B").Votes)
	}
}

func TestIdeasTotalsModeAndRankingOrder(t *testing.T) {
	s := blankSessionA(t)
	ed, env := newTestEditor(t, s)
	st := stepA[*ideasStep](t, ed, workshop.StepIdeas)
	for _, text := range []string{"first", "second", "third", "fourth"} {
		addCardA(t, st, 0, text)
	}
	st.Mode.SetSelected("Totals per card")
	b := env.stored(t, s.ID).Board
	id := func(text string) string { return cardByText(t, b, text).ID }

	test.Type(st.Rows[id("second")].Total, "4")
	test.Type(st.Rows[id("fourth")].Total, "4")
	test.Type(st.Rows[id("first")].Total, "1")
	test.Type(st.Rows[id("third")].Total, "x")
	if n := st.Rows[id("third")].TotalNote; !n.Visible() || !strings.Contains(n.Text, "“x” is not a number of votes") {
		t.Errorf("unreadable total note = %q", n.Text)
	}
	if got := st.Rows[id("third")].Total.Text; got != "x" {
		t.Errorf("the typed total was replaced by %q", got)
	}

	b = env.stored(t, s.ID).Board
	for text, want := range map[string]int{"first": 1, "second": 4, "third": 0, "fourth": 4} {
		if got := cardByText(t, b, text).Votes[""]; got != want {
			t.Errorf("total of %s = %d, want %d", text, got, want)
		}
	}
	var order []string
	for _, r := range st.Ranked {
		order = append(order, b.Card(r.CardID).Text)
	}
	if want := []string{"second", "fourth", "first", "third"}; !equalStrings(order, want) {
		t.Errorf("ranking = %q, want %q (ties in the order cards were added)", order, want)
	}
	if got := st.Ranked[0].Votes.Text; got != "4 votes" {
		t.Errorf("first ranked shows %q", got)
	}

	// A cap refuses a total above it.
	st.Cap.SetSelectedIndex(3)
	retype(st.Rows[id("first")].Total, "5")
	if n := st.Rows[id("first")].TotalNote; !strings.Contains(n.Text, "cap of 3") {
		t.Errorf("cap note = %q", n.Text)
	}
	if got := cardByText(t, env.stored(t, s.ID).Board, "first").Votes[""]; got != 0 {
		t.Errorf("first total = %d after a refused total (the empty entry before it stored 0)", got)
	}
}

func TestIdeasPromoteCardToObjectiveAndKPI(t *testing.T) {
	s := blankSessionA(t)
	ed, env := newTestEditor(t, s)
	st := stepA[*ideasStep](t, ed, workshop.StepIdeas)
	addCardA(t, st, 0, "Cut the sales cycle by 15 %")
	addCardA(t, st, 1, "Slip rate")

	test.Tap(st.Ranked[0].Promote)
	tapButton(t, env.Win, "Stay here")
	sess := env.stored(t, s.ID)
	c := sess.Current().Charter
	if len(c.Objectives) != 1 || c.Objectives[0].Title != "Cut the sales cycle by 15 %" {
		t.Fatalf("objectives after promotion = %+v", c.Objectives)
	}
	if got := cardByText(t, sess.Board, "Cut the sales cycle by 15 %").PromotedTo; got != c.Objectives[0].ID {
		t.Errorf("card promoted to %q, want %q", got, c.Objectives[0].ID)
	}
	if st.Ranked[0].Promote.Text != "Promoted — open" {
		t.Errorf("promoted card's button = %q", st.Ranked[0].Promote.Text)
	}
	test.Tap(st.Ranked[0].Promote)
	if ed.currentStep() != workshop.StepObjectives {
		t.Errorf("opening a promoted card shows %s", ed.currentStep())
	}
	st = stepA[*ideasStep](t, ed, workshop.StepIdeas)

	test.Tap(st.Ranked[1].Promote)
	tapButton(t, env.Win, "Go there")
	sess = env.stored(t, s.ID)
	c = sess.Current().Charter
	if len(c.KPIs) != 1 || c.KPIs[0].Name != "Slip rate" || c.KPIs[0].Kind != workshop.KindResult {
		t.Fatalf("KPIs after promotion = %+v", c.KPIs)
	}
	if got := cardByText(t, sess.Board, "Slip rate").PromotedTo; got != c.KPIs[0].ID {
		t.Errorf("KPI card promoted to %q", got)
	}
	if cur := ed.currentStep(); cur != workshop.StepKPIs && cur != workshop.StepIdeas {
		t.Errorf("after Go there the editor shows %s", cur)
	}
}

func TestIdeasPromoteSideEffectToAnObjective(t *testing.T) {
	s := blankSessionA(t)
	s.Current().Charter.Objectives = []workshop.Objective{{ID: "o1", Title: "Faster cycle"}}
	ed, env := newTestEditor(t, s)
	st := stepA[*ideasStep](t, ed, workshop.StepIdeas)
	addCardA(t, st, 2, "Discounts grow")
	test.Tap(st.Ranked[0].Promote)
	tapButton(t, env.Win, "Promote")
	tapButton(t, env.Win, "Go there")
	sess := env.stored(t, s.ID)
	o := sess.Current().Charter.Objectives[0]
	if len(o.SideEffects) != 1 || o.SideEffects[0].Description != "Discounts grow" {
		t.Fatalf("side effects = %+v", o.SideEffects)
	}
	if got := sess.Board.Cards[0].PromotedTo; got != o.SideEffects[0].ID {
		t.Errorf("card promoted to %q", got)
	}
	if ed.currentStep() != workshop.StepObjectives {
		t.Errorf("Go there shows %s", ed.currentStep())
	}
}

// TestIdeasOneCountPerCardWhateverTheMode_Issue9_3: votes entered per
// participant and then as totals are never added up. Switching to totals
// converts each card's count into its total, the total shown and the
// ranking agree, typing a total replaces the count, and going back to
// participants asks before clearing the totals. Dots beyond what the room
// could give are an R-VOTE-1 warning on the step.
func TestIdeasOneCountPerCardWhateverTheMode_Issue9_3(t *testing.T) {
	s := blankSessionA(t, "Ana", "Bruno")
	ed, env := newTestEditor(t, s)
	st := stepA[*ideasStep](t, ed, workshop.StepIdeas)
	addCardA(t, st, 0, "A")
	addCardA(t, st, 0, "B")
	b := env.stored(t, s.ID).Board
	a := cardByText(t, b, "A").ID
	st.Voter.SetSelectedIndex(0)
	test.Tap(st.Rows[a].Plus)
	test.Tap(st.Rows[a].Plus)
	st.Voter.SetSelectedIndex(1)
	test.Tap(st.Rows[a].Plus)

	st.Mode.SetSelected("Totals per card")
	if got := st.Rows[a].Total.Text; got != "3" {
		t.Errorf("total shown after the switch = %q, want the 3 votes counted", got)
	}
	if !strings.Contains(st.VoteMsg.Text, "now each card’s total") {
		t.Errorf("conversion note = %q", st.VoteMsg.Text)
	}
	b = env.stored(t, s.ID).Board
	if v := cardByText(t, b, "A").Votes; len(v) != 1 || v[""] != 3 {
		t.Fatalf("votes on A after conversion = %v", v)
	}

	// Typing 7 makes the card's count 7, not 3 + 7, in the row and the
	// ranking alike.
	retype(st.Rows[a].Total, "7")
	if got := st.Ranked[0].Votes.Text; st.Ranked[0].CardID != a || got != "7 votes" {
		t.Errorf("ranking shows %q for %s", got, st.Ranked[0].CardID)
	}
	if got := st.Rows[a].Total.Text; got != "7" {
		t.Errorf("total entry = %q", got)
	}
	if fs := ed.FindingsFor(workshop.StepIdeas, ""); len(fs) != 1 || fs[0].Code != "R-VOTE-1" {
		t.Fatalf("findings on the step = %+v, want R-VOTE-1 (7 votes for 2 × 3)", fs)
	}
	if note := noteText(st.places, "", ""); !strings.Contains(note, "7 votes are counted on the cards, more than the room could give (2 participants × 3 votes = 6)") {
		t.Errorf("step note = %q", note)
	}

	// Back to participants: asked; cancelling keeps the totals.
	st.Mode.SetSelected("Per participant")
	tapButton(t, env.Win, "Cancel")
	if st.Mode.Selected != "Totals per card" || cardByText(t, env.stored(t, s.ID).Board, "A").Count() != 7 {
		t.Fatalf("after cancelling: mode %q, count %d", st.Mode.Selected, cardByText(t, env.stored(t, s.ID).Board, "A").Count())
	}
	st.Mode.SetSelected("Per participant")
	tapButton(t, env.Win, "Clear the totals")
	b = env.stored(t, s.ID).Board
	if st.Mode.Selected != "Per participant" || b.Dots() != 0 {
		t.Errorf("after clearing: mode %q, dots %d", st.Mode.Selected, b.Dots())
	}
	if fs := ed.FindingsFor(workshop.StepIdeas, ""); len(fs) != 0 {
		t.Errorf("findings after clearing: %+v", fs)
	}
}
