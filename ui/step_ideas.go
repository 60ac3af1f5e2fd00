package ui

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/session"
	"boussole/workshop"
)

// ideasStep is step 3 (co-construction): board settings, idea cards,
// groups, dot voting, the live ranking and the promotion of a card into a
// draft objective or KPI.
type ideasStep struct {
	ed      Editor
	places  *fieldPlaces
	content fyne.CanvasObject

	Anonymous *widget.Check
	VotesPer  *widget.Select
	Cap       *widget.Select

	NewKind   *widget.Select
	NewText   *widget.Entry
	NewAuthor *widget.Entry
	authorBox *fyne.Container
	AddCard   *widget.Button
	AddNote   *widget.Label

	NewGroup *widget.Entry
	AddGroup *widget.Button

	Mode       *widget.RadioGroup
	mode       workshop.VoteMode
	Voter      *widget.Select
	voterIDs   []string
	voterID    string
	Remaining  *widget.Label
	voterLabel *widget.Label
	VoteMsg    *widget.Label

	cardsBox *fyne.Container
	shape    string
	Rows     map[string]*cardRow

	rankingBox *fyne.Container
	Ranked     []*rankRow

	svc  *session.Service // the session's owner: the room's moderation
	host *editor          // the editor, for the projector's refresh
}

// cardRow is one idea card in the board list.
type cardRow struct {
	id        string
	Text      *widget.Label
	Meta      *widget.Label
	Group     *widget.Select
	groupIDs  []string
	Minus     *widget.Button
	Plus      *widget.Button
	Mine      *widget.Label
	Total     *widget.Entry
	TotalNote *widget.Label
	Count     *widget.Label
	Remove    *rowDeleteButton
	Hide      *widget.Check // hidden from the room's phones and the projector
}

// rankRow is one line of the live ranking.
type rankRow struct {
	CardID  string
	Text    *widget.Label
	Votes   *widget.Label
	Promote *widget.Button
}

func newIdeasStep() Step { return &ideasStep{} }

func (s *ideasStep) ID() string    { return workshop.StepIdeas }
func (s *ideasStep) Title() string { return tr("ideas.title") }

// board is the session's co-construction board (read only: change it
// through EditBoard).
func (s *ideasStep) board() *workshop.Board { return &s.ed.Session().Board }

func (s *ideasStep) Build(ed Editor) fyne.CanvasObject {
	roomPanel := fyne.CanvasObject(container.NewVBox()) // no room: the keyboard path only
	if e, ok := ed.(*editor); ok {
		s.svc, s.host = e.svc, e
		if rc := e.roomCtl(); rc != nil {
			roomPanel = rc.roomPanel()
		}
	}
	ed = stepEditor{Editor: ed, after: s.Refresh}
	s.ed = ed
	s.places = newFieldPlaces(ed, workshop.StepIdeas)
	s.Rows = map[string]*cardRow{}
	s.cardsBox = container.NewVBox()
	s.rankingBox = container.NewVBox()
	settings := s.buildSettings()
	newCard, newGroup := s.buildNewCard()
	voting := s.buildVoting()
	content := container.NewVBox(
		s.places.note("", ""),
		sectionHeading(tr("ideas.section.settings")),
		settings,
		helpLabel(tr("ideas.settings.help")),
		widget.NewLabel(""),
		roomPanel,
		sectionHeading(tr("ideas.section.cards")),
		helpLabel(tr("ideas.cards.help")),
		newCard,
		s.AddNote,
		newGroup,
		widget.NewLabel(""),
		sectionHeading(tr("ideas.section.vote")),
		voting,
		s.VoteMsg,
		s.cardsBox,
		widget.NewLabel(""),
		sectionHeading(tr("ideas.section.ranking")),
		helpLabel(tr("ideas.ranking.help")),
		s.rankingBox,
	)
	s.content = content
	s.Refresh()
	return content
}

// buildSettings makes the board settings: anonymity, the dot budget and
// the cap per card.
func (s *ideasStep) buildSettings() fyne.CanvasObject {
	s.Anonymous = widget.NewCheck(tr("ideas.anonymous"), func(on bool) {
		if s.board().Anonymous != on {
			s.ed.EditBoard(func(b *workshop.Board) { b.Anonymous = on })
		}
	})
	counts := make([]string, workshop.MaxVotes)
	for i := range counts {
		counts[i] = strconv.Itoa(i + 1)
	}
	s.VotesPer = widget.NewSelect(counts, func(v string) {
		n, err := strconv.Atoi(v)
		if err == nil && n != s.board().Budget() {
			s.ed.EditBoard(func(b *workshop.Board) { b.VotesPerParticipant = n })
		}
	})
	s.Cap = widget.NewSelect(append([]string{tr("ideas.cap.none")}, counts...), func(string) {
		n := s.Cap.SelectedIndex() // 0 is "no cap"
		if n >= 0 && n != s.board().CapPerCard {
			s.ed.EditBoard(func(b *workshop.Board) { b.CapPerCard = n })
		}
	})

	// Two lines: on one the settings were wider than the step's column on a
	// 1280-pixel screen and stretched the window.
	return container.NewVBox(s.Anonymous, container.NewHBox(
		widget.NewLabel(tr("ideas.votes")), s.VotesPer,
		widget.NewLabel("   "+tr("ideas.cap")), s.Cap))
}

// buildNewCard makes the lines that add a card and a group.
func (s *ideasStep) buildNewCard() (newCard, newGroup fyne.CanvasObject) {
	kinds := []workshop.CardKind{workshop.CardObjective, workshop.CardKPI, workshop.CardSideEffect}
	kindLabels := make([]string, len(kinds))
	for i, k := range kinds {
		kindLabels[i] = workshop.Label(CurrentLang(), string(k))
	}
	s.NewKind = widget.NewSelect(kindLabels, nil)
	s.NewKind.SetSelectedIndex(0)
	s.NewText = widget.NewEntry()
	s.NewText.SetPlaceHolder(tr("ideas.card.placeholder"))
	s.NewText.OnSubmitted = func(string) { s.onAddCard() }
	s.NewAuthor = widget.NewEntry()
	s.NewAuthor.SetPlaceHolder(tr("ideas.card.author"))
	s.AddCard = widget.NewButtonWithIcon(tr("ideas.card.add"), theme.ContentAddIcon(), s.onAddCard)
	s.AddCard.Importance = widget.HighImportance
	s.AddNote = newNoteLabel()

	s.NewGroup = widget.NewEntry()
	s.NewGroup.SetPlaceHolder(tr("ideas.group.placeholder"))
	s.NewGroup.OnSubmitted = func(string) { s.onAddGroup() }
	s.AddGroup = widget.NewButtonWithIcon(tr("ideas.group.add"), theme.FolderNewIcon(), s.onAddGroup)

	s.authorBox = container.NewGridWrap(fyne.NewSize(180, s.NewAuthor.MinSize().Height), s.NewAuthor)
	// The idea has the whole width of the step (issue 9, item 5); kind,
	// author and the add button go on the line below.
	newCard = container.NewVBox(s.NewText, container.NewBorder(nil, nil,
		container.NewGridWrap(fyne.NewSize(190, s.NewKind.MinSize().Height), s.NewKind),
		s.AddCard, container.NewHBox(s.authorBox)))
	return newCard, container.NewBorder(nil, nil, nil, s.AddGroup, s.NewGroup)
}

// buildVoting makes the voting line: the mode, the voter and the votes
// they have left.
func (s *ideasStep) buildVoting() fyne.CanvasObject {
	s.mode = s.board().Mode()
	s.Mode = widget.NewRadioGroup([]string{tr("ideas.mode.participant"), tr("ideas.mode.totals")}, func(v string) {
		m := workshop.VotePerVoter
		if v == tr("ideas.mode.totals") {
			m = workshop.VoteTotals
		}
		if m != s.mode {
			s.switchMode(m)
		}
	})
	s.Mode.Horizontal = true
	s.Mode.Required = true
	s.Voter = widget.NewSelect(nil, func(string) {
		i := s.Voter.SelectedIndex()
		if i >= 0 && i < len(s.voterIDs) && s.voterIDs[i] != s.voterID {
			s.voterID = s.voterIDs[i]
			showNote(s.VoteMsg, "", widget.MediumImportance)
			s.Refresh()
		}
	})
	s.Voter.PlaceHolder = tr("ideas.voter.choose")
	s.Remaining = widget.NewLabel("")
	s.Remaining.TextStyle = fyne.TextStyle{Bold: true}
	s.VoteMsg = newNoteLabel()
	s.VoteMsg.SizeName = theme.SizeNameText // the room must read a refusal
	s.VoteMsg.TextStyle = fyne.TextStyle{Bold: true}

	// The remaining-votes sentence has its own line, wrapping: beside the
	// picker it widened the whole window past a 1280-pixel projector.
	s.Remaining.Wrapping = fyne.TextWrapWord
	s.voterLabel = widget.NewLabel(tr("ideas.voter"))
	return container.NewVBox(
		container.NewHBox(s.Mode, s.voterLabel,
			container.NewGridWrap(fyne.NewSize(220, s.Voter.MinSize().Height), s.Voter)),
		s.Remaining)
}

func (s *ideasStep) onAddCard() {
	text := strings.TrimSpace(s.NewText.Text)
	if text == "" {
		showNote(s.AddNote, tr("ideas.card.empty"), widget.DangerImportance)
		return
	}
	kinds := []workshop.CardKind{workshop.CardObjective, workshop.CardKPI, workshop.CardSideEffect}
	kind := workshop.CardObjective
	if i := s.NewKind.SelectedIndex(); i >= 0 && i < len(kinds) {
		kind = kinds[i]
	}
	card := workshop.Card{ID: workshop.NewID(), Kind: kind, Text: text}
	if !s.board().Anonymous {
		card.Author = strings.TrimSpace(s.NewAuthor.Text)
	}
	if s.ed.EditBoard(func(b *workshop.Board) { b.Cards = append(b.Cards, card) }) {
		showNote(s.AddNote, "", widget.MediumImportance)
		s.NewText.SetText("")
		if s.ed.Window() != nil {
			s.ed.Window().Canvas().Focus(s.NewText)
		}
	}
}

func (s *ideasStep) onAddGroup() {
	name := strings.TrimSpace(s.NewGroup.Text)
	if name == "" {
		name = tr("ideas.group.default", "N", len(s.board().Groups)+1)
	}
	g := workshop.Group{ID: workshop.NewID(), Name: name}
	if s.ed.EditBoard(func(b *workshop.Board) { b.Groups = append(b.Groups, g) }) {
		s.NewGroup.SetText("")
	}
}

// onRemoveGroup deletes a group; its cards stay, ungrouped.
func (s *ideasStep) onRemoveGroup(id string) {
	s.ed.EditBoard(func(b *workshop.Board) {
		gs := b.Groups[:0]
		for _, g := range b.Groups {
			if g.ID != id {
				gs = append(gs, g)
			}
		}
		b.Groups = gs
		for i := range b.Cards {
			if b.Cards[i].GroupID == id {
				b.Cards[i].GroupID = ""
			}
		}
	})
}

func (s *ideasStep) onRemoveCard(id string) {
	c := s.board().Card(id)
	if c == nil {
		return
	}
	remove := func() {
		s.ed.EditBoard(func(b *workshop.Board) {
			cs := b.Cards[:0]
			for _, c := range b.Cards {
				if c.ID != id {
					cs = append(cs, c)
				}
			}
			b.Cards = cs
		})
	}
	if c.Count() == 0 {
		remove()
		return
	}
	confirmThen(s.ed, tr("ideas.card.remove.title"), tr("ideas.card.remove.body", "Text", c.Text, "N", c.Count()), remove)
}

// voterName is the name of the participant voting.
func (s *ideasStep) voterName() string {
	if p := participantItems.at(s.ed.Charter(), s.voterID); p != nil && strings.TrimSpace(p.Name) != "" {
		return p.Name
	}
	return tr("setup.participant.unnamed")
}

// voter is the participant voting, as the board counts them.
func (s *ideasStep) voter() workshop.Voter { return workshop.ParticipantVoter(s.voterID) }

// tryBoard applies a vote to the board when the board accepts it (the
// rules are the Board's: a refusal changes nothing and is returned).
func (s *ideasStep) tryBoard(change func(b *workshop.Board) error) error {
	trial := s.board().Clone()
	if err := change(&trial); err != nil {
		return err
	}
	if reflect.DeepEqual(trial, s.board().Clone()) {
		return nil // nothing would change: nothing to save
	}
	s.ed.EditBoard(func(b *workshop.Board) { _ = change(b) })
	return nil
}

// refusal says in the interface language why the board refused a vote.
func (s *ideasStep) refusal(err error) (string, widget.Importance) {
	r, ok := workshop.RefusalOf(err)
	if !ok {
		return workshop.Message(err), widget.DangerImportance
	}
	switch r.Reason {
	case workshop.RefusedNoVoter:
		return tr("ideas.vote.novoter"), widget.DangerImportance
	case workshop.RefusedBudget:
		return tr("ideas.vote.budget", "Name", s.voterName(), "N", r.Limit), widget.DangerImportance
	case workshop.RefusedCap:
		return tr("ideas.vote.cap", "N", r.Limit), widget.DangerImportance
	case workshop.RefusedNoDot:
		return tr("ideas.vote.none", "Name", s.voterName()), widget.WarningImportance
	}
	return tr("ideas.vote.total"), widget.WarningImportance
}

// onVote adds (delta +1) or takes back (−1) one of the voter's dots on a
// card; the board refuses what breaks its budget or cap, and the refusal
// says why.
func (s *ideasStep) onVote(cardID string, delta int) {
	if s.board().Card(cardID) == nil {
		return
	}
	if s.voterID == "" || participantItems.at(s.ed.Charter(), s.voterID) == nil {
		showNote(s.VoteMsg, tr("ideas.vote.novoter"), widget.DangerImportance)
		return
	}
	v := s.voter()
	vote := func(b *workshop.Board) error { return b.Give(cardID, v) }
	if delta < 0 {
		vote = func(b *workshop.Board) error { return b.TakeBack(cardID, v) }
	}
	if err := vote(new(s.board().Clone())); err != nil {
		text, imp := s.refusal(err)
		showNote(s.VoteMsg, text, imp)
		return
	}
	showNote(s.VoteMsg, "", widget.MediumImportance)
	_ = s.tryBoard(vote)
}

// onTotal stores a card's total typed in totals mode: the card's one
// count. What cannot be read as a whole number, or breaks the cap, is
// refused with a message under the entry and the text is kept.
func (s *ideasStep) onTotal(cardID, text string) {
	r := s.Rows[cardID]
	if s.board().Card(cardID) == nil || r == nil {
		return
	}
	t := strings.TrimSpace(text)
	n := 0
	if t != "" {
		v, err := strconv.Atoi(t)
		if err != nil || v < 0 {
			showNote(r.TotalNote, tr("ideas.total.invalid", "Text", t), widget.DangerImportance)
			return
		}
		n = v
	}
	if err := s.tryBoard(func(b *workshop.Board) error { return b.SetTotal(cardID, n) }); err != nil {
		text, imp := s.refusal(err)
		showNote(r.TotalNote, text, imp)
		return
	}
	showNote(r.TotalNote, "", widget.MediumImportance)
}

// switchMode changes how votes are entered without ever adding two counts
// up: dots entered per participant become each card's total; going back
// to participants clears the totals, after asking.
func (s *ideasStep) switchMode(m workshop.VoteMode) {
	b := s.board()
	switch {
	case m == workshop.VoteTotals && b.Dots() > 0:
		if !s.ed.EditBoard(func(b *workshop.Board) { b.ToTotals() }) {
			s.Refresh()
			return
		}
		s.mode = m
		showNote(s.VoteMsg, tr("ideas.mode.converted"), widget.MediumImportance)
	case m == workshop.VotePerVoter && b.Mode() == workshop.VoteTotals:
		s.askClearTotals(b.Dots())
		return
	default:
		s.mode = m
		showNote(s.VoteMsg, "", widget.MediumImportance)
	}
	s.Refresh()
}

// askClearTotals asks before the totals counted on the wall are cleared
// to vote per participant; the mode stays on totals otherwise.
func (s *ideasStep) askClearTotals(dots int) {
	keep := func() {
		s.Mode.SetSelected(tr("ideas.mode.totals"))
	}
	if s.ed.Window() == nil {
		keep()
		return
	}
	d := dialog.NewConfirm(tr("ideas.mode.clear.title"), tr("ideas.mode.clear.body", "N", dots), func(ok bool) {
		if !ok {
			keep()
			return
		}
		if s.ed.EditBoard(func(b *workshop.Board) { b.ClearTotals() }) {
			s.mode = workshop.VotePerVoter
			showNote(s.VoteMsg, "", widget.MediumImportance)
		}
		s.Refresh()
	}, s.ed.Window())
	d.SetConfirmText(tr("ideas.mode.clear.confirm"))
	d.SetDismissText(tr("field.cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// promotedTarget tells whether the card's promotion still exists in the
// charter (an objective, a KPI or a side effect).
func promotedTarget(c *workshop.Charter, id string) bool {
	_, ok := promotedWhere(c, id)
	return ok
}

// promotedWhere is the place of what a card was promoted to, if it still
// exists in the charter; a card whose objective or KPI was deleted since
// can be promoted again.
func promotedWhere(c *workshop.Charter, id string) (workshop.Where, bool) {
	if id == "" {
		return workshop.Where{}, false
	}
	if workshop.ByID(c.Objectives, id) != nil {
		return workshop.Where{Step: workshop.StepObjectives, ID: id, Field: "title"}, true
	}
	for _, o := range c.Objectives {
		if workshop.ByID(o.SideEffects, id) != nil {
			return workshop.Where{Step: workshop.StepObjectives, ID: o.ID, Field: "sideEffects"}, true
		}
	}
	if workshop.ByID(c.KPIs, id) != nil {
		return workshop.Where{Step: workshop.StepKPIs, ID: id, Field: "name"}, true
	}
	return workshop.Where{}, false
}

// onPromote turns a card into a draft objective (objective cards), a KPI
// (KPI cards, as a result indicator) or a side effect of an objective
// (side-effect cards, after choosing the objective), marks the card and
// offers to go to the step where it now lives.
func (s *ideasStep) onPromote(cardID string) {
	c := s.board().Card(cardID)
	if c == nil || s.ed.ReadOnly() {
		return
	}
	text := strings.TrimSpace(c.Text)
	switch c.Kind {
	case workshop.CardKPI:
		id := workshop.NewID()
		s.promote(cardID, id, func(ch *workshop.Charter) {
			ch.KPIs = append(ch.KPIs, workshop.KPI{ID: id, Name: text, Kind: workshop.KindResult})
		}, workshop.Where{Step: workshop.StepKPIs, ID: id, Field: "name"})
	case workshop.CardSideEffect:
		s.promoteSideEffect(cardID, text)
	default:
		id := workshop.NewID()
		s.promote(cardID, id, func(ch *workshop.Charter) {
			ch.Objectives = append(ch.Objectives, workshop.Objective{ID: id, Title: text})
		}, workshop.Where{Step: workshop.StepObjectives, ID: id, Field: "title"})
	}
}

// promote applies the charter change, marks the card and offers to go.
func (s *ideasStep) promote(cardID, id string, change func(c *workshop.Charter), where workshop.Where) {
	if !s.ed.Edit(change) {
		return
	}
	s.ed.EditBoard(func(b *workshop.Board) {
		if c := b.Card(cardID); c != nil {
			c.PromotedTo = id
		}
	})
	if s.ed.Window() == nil {
		return
	}
	step := workshop.Label(CurrentLang(), where.Step)
	d := dialog.NewConfirm(tr("ideas.promote.done.title"), tr("ideas.promote.done.body", "Step", step), func(ok bool) {
		if ok {
			s.ed.Goto(where)
		}
	}, s.ed.Window())
	d.SetConfirmText(tr("ideas.promote.goto"))
	d.SetDismissText(tr("ideas.promote.stay"))
	d.Show()
}

// promoteSideEffect asks which objective the side effect belongs to.
func (s *ideasStep) promoteSideEffect(cardID, text string) {
	c := s.ed.Charter()
	if len(c.Objectives) == 0 {
		showNote(s.VoteMsg, tr("ideas.promote.noobjective"), widget.WarningImportance)
		return
	}
	var ids, names []string
	for i, o := range c.Objectives {
		name := strings.TrimSpace(o.Title)
		if name == "" {
			name = tr("objectives.number", "N", i+1)
		}
		ids = append(ids, o.ID)
		names = append(names, fmt.Sprintf("%d. %s", i+1, name))
	}
	pick := widget.NewSelect(names, nil)
	pick.SetSelectedIndex(0)
	if s.ed.Window() == nil {
		return
	}
	d := dialog.NewForm(tr("ideas.promote.side.title"), tr("ideas.promote"), tr("field.cancel"),
		[]*widget.FormItem{widget.NewFormItem(tr("ideas.promote.side.objective"), pick)},
		func(ok bool) {
			i := pick.SelectedIndex()
			if !ok || i < 0 {
				return
			}
			oid, id := ids[i], workshop.NewID()
			s.promote(cardID, id, func(ch *workshop.Charter) {
				if o := objectiveItems.at(ch, oid); o != nil {
					o.SideEffects = append(o.SideEffects, workshop.SideEffect{ID: id, Description: text})
				}
			}, workshop.Where{Step: workshop.StepObjectives, ID: oid, Field: "sideEffects"})
		}, s.ed.Window())
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// boardShape is what decides the layout of the card list: when it changes
// the list is rebuilt, else refreshed in place (so a total being typed
// keeps its focus).
func (s *ideasStep) boardShape() string {
	b := s.board()
	var sb strings.Builder
	sb.WriteString(string(s.mode))
	for _, g := range b.Groups {
		sb.WriteString("|g" + g.ID + "=" + g.Name)
	}
	for _, c := range b.Cards {
		sb.WriteString("|c" + c.ID + ":" + c.GroupID)
	}
	return sb.String()
}

func (s *ideasStep) newCardRow(c workshop.Card) *cardRow {
	id := c.ID
	r := &cardRow{id: id}
	r.Text = widget.NewLabel(c.Text)
	r.Text.Wrapping = fyne.TextWrapWord
	r.Meta = helpLabel("")
	r.Group = widget.NewSelect(nil, func(string) {
		i := r.Group.SelectedIndex()
		if i < 0 || i >= len(r.groupIDs) {
			return
		}
		gid := r.groupIDs[i]
		if cur := s.board().Card(id); cur != nil && cur.GroupID != gid {
			s.ed.EditBoard(func(b *workshop.Board) {
				if c := b.Card(id); c != nil {
					c.GroupID = gid
				}
			})
		}
	})
	r.Minus = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { s.onVote(id, -1) })
	r.Plus = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { s.onVote(id, +1) })
	r.Mine = widget.NewLabel("0")
	r.Total = widget.NewEntry()
	r.Total.SetPlaceHolder("0")
	r.Total.OnChanged = func(v string) { s.onTotal(id, v) }
	r.TotalNote = newNoteLabel()
	r.Count = widget.NewLabel("")
	r.Count.TextStyle = fyne.TextStyle{Bold: true}
	r.Remove = newRowDelete(func() { s.onRemoveCard(id) })
	if s.svc != nil {
		r.Hide = widget.NewCheck(tr("room.hide"), func(on bool) {
			if s.svc.Hidden(id) != on {
				if err := s.svc.Hide(id, on); err != nil {
					r.Hide.SetChecked(!on)
					showError(s.host.win, "error.edit", err)
					return
				}
				s.host.flushRefresh() // the projector
			}
		})
		r.Hide.SetChecked(s.svc.Hidden(id))
	}
	return r
}

func (s *ideasStep) cardObject(r *cardRow) fyne.CanvasObject {
	h := r.Group.MinSize().Height
	var votes fyne.CanvasObject
	if s.mode == workshop.VoteTotals {
		votes = container.NewHBox(widget.NewLabel(tr("ideas.total")),
			container.NewGridWrap(fyne.NewSize(80, h), r.Total))
	} else {
		votes = container.NewHBox(r.Minus, r.Mine, r.Plus, r.Count)
	}
	// In a VBox the controls keep their height instead of stretching
	// with a card whose text wraps on several lines.
	right := container.NewVBox(container.NewHBox(container.NewGridWrap(fyne.NewSize(190, h), r.Group), votes, r.Remove))
	return r.Remove.rowOf(container.NewVBox(
		container.NewBorder(nil, nil, nil, right, container.NewVBox(r.Text, r.Meta, hideOf(r))),
		r.TotalNote,
		widget.NewSeparator()))
}

// syncCards rebuilds the card list when its shape changed and refreshes
// the values in place.
func (s *ideasStep) syncCards() {
	b := s.board()
	if shape := s.boardShape(); shape != s.shape {
		s.shape = shape
		s.Rows = map[string]*cardRow{}
		var objs []fyne.CanvasObject
		add := func(title string, gid string, cards []workshop.Card) {
			head := boldLabel(title)
			if gid != "" {
				rm := newRowDelete(func() { s.onRemoveGroup(gid) })
				objs = append(objs, rm.rowOf(container.NewBorder(nil, nil, nil, rm, head)))
			} else {
				objs = append(objs, head)
			}
			if len(cards) == 0 {
				objs = append(objs, helpLabel(tr("ideas.group.empty")))
			}
			for _, c := range cards {
				r := s.newCardRow(c)
				s.Rows[c.ID] = r
				objs = append(objs, s.cardObject(r))
			}
		}
		known := map[string]bool{}
		for _, g := range b.Groups {
			known[g.ID] = true
			var in []workshop.Card
			for _, c := range b.Cards {
				if c.GroupID == g.ID {
					in = append(in, c)
				}
			}
			add(tr("ideas.group.title", "Name", g.Name, "N", len(in)), g.ID, in)
		}
		var loose []workshop.Card
		for _, c := range b.Cards {
			if !known[c.GroupID] {
				loose = append(loose, c)
			}
		}
		if len(b.Cards) == 0 {
			objs = append(objs, helpLabel(tr("ideas.cards.none")))
		} else if len(b.Groups) == 0 || len(loose) > 0 {
			add(tr("ideas.group.none.title", "N", len(loose)), "", loose)
		}
		s.cardsBox.Objects = objs
		s.cardsBox.Refresh()
	}

	ul := CurrentLang()
	groupIDs := []string{""}
	groupNames := []string{tr("ideas.group.none")}
	for _, g := range b.Groups {
		groupIDs = append(groupIDs, g.ID)
		groupNames = append(groupNames, g.Name)
	}
	perParticipant := s.mode == workshop.VotePerVoter
	v := s.voter()
	for _, c := range b.Cards {
		r := s.Rows[c.ID]
		if r == nil {
			continue
		}
		if r.Text.Text != c.Text {
			r.Text.SetText(c.Text)
		}
		meta := workshop.Label(ul, string(c.Kind))
		if c.Author != "" {
			meta += " · " + c.Author
		}
		if promotedTarget(s.ed.Charter(), c.PromotedTo) {
			meta += " · " + tr("ideas.promoted")
		}
		r.Meta.SetText(meta)
		r.groupIDs = groupIDs
		if !equalStrings(r.Group.Options, groupNames) {
			r.Group.Options = groupNames
			r.Group.Refresh()
		}
		for i, gid := range groupIDs {
			if gid == c.GroupID && r.Group.SelectedIndex() != i {
				r.Group.SetSelectedIndex(i)
			}
		}
		r.Mine.SetText(strconv.Itoa(c.DotsOf(v)))
		r.Count.SetText(tr("ideas.card.votes", "N", c.Count()))
		// Plus stays enabled without a voter: tapping it says what to do.
		setEnabled(r.Plus, perParticipant)
		setEnabled(r.Minus, perParticipant && s.voterID != "" && c.DotsOf(v) > 0)
		if want := totalText(c); !perParticipant && r.Total.Text != want && !hasFocus(s.ed, r.Total) && r.TotalNote.Text == "" {
			r.Total.SetText(want)
		}
	}
}

// totalText is a card's total as shown in totals mode: its one count, the
// number the ranking shows.
func totalText(c workshop.Card) string {
	if n := c.Count(); n > 0 {
		return strconv.Itoa(n)
	}
	return ""
}

// syncRanking rebuilds the live ranking: most votes first, ties in the
// order the cards were added.
func (s *ideasStep) syncRanking() {
	b := s.board()
	ch := s.ed.Charter()
	ro := s.ed.ReadOnly()
	ul := CurrentLang()
	s.Ranked = s.Ranked[:0]
	var objs []fyne.CanvasObject
	for i, c := range b.Ranking() {
		r := &rankRow{CardID: c.ID}
		rank := boldLabel(fmt.Sprintf("%d.", i+1))
		r.Votes = boldLabel(tr("ideas.card.votes", "N", c.Count()))
		r.Text = widget.NewLabel(c.Text + "  (" + workshop.Label(ul, string(c.Kind)) + ")")
		r.Text.Wrapping = fyne.TextWrapWord
		if where, ok := promotedWhere(ch, c.PromotedTo); ok {
			// Already in the charter: the button shows where.
			r.Promote = widget.NewButtonWithIcon(tr("ideas.promoted.open"), theme.ConfirmIcon(), func() { s.ed.Goto(where) })
			r.Promote.Importance = widget.SuccessImportance
		} else {
			id := c.ID
			r.Promote = widget.NewButtonWithIcon(tr("ideas.promote"), theme.UploadIcon(), func() { s.onPromote(id) })
			setEnabled(r.Promote, !ro)
		}
		s.Ranked = append(s.Ranked, r)
		left := container.NewHBox(container.NewGridWrap(fyne.NewSize(40, rank.MinSize().Height), rank),
			container.NewGridWrap(fyne.NewSize(90, r.Votes.MinSize().Height), r.Votes))
		objs = append(objs, container.NewBorder(nil, nil, left, r.Promote, r.Text))
	}
	if len(objs) == 0 {
		objs = append(objs, helpLabel(tr("ideas.cards.none")))
	}
	s.rankingBox.Objects = objs
	s.rankingBox.Refresh()
}

func (s *ideasStep) Refresh() {
	if s.ed == nil {
		return
	}
	s.refresh()
	if s.content != nil {
		relayout(s.ed, s.content)
	}
}

// refresh re-reads the charter and the board into the widgets.
func (s *ideasStep) refresh() {
	b := s.board()
	if s.Anonymous.Checked != b.Anonymous {
		s.Anonymous.SetChecked(b.Anonymous)
	}
	if v := strconv.Itoa(b.Budget()); s.VotesPer.Selected != v {
		s.VotesPer.SetSelected(v)
	}
	if s.Cap.SelectedIndex() != b.CapPerCard && b.CapPerCard >= 0 && b.CapPerCard <= workshop.MaxVotes {
		s.Cap.SetSelectedIndex(b.CapPerCard)
	}
	if b.Anonymous {
		s.authorBox.Hide()
	} else {
		s.authorBox.Show()
	}
	// A board with totals is shown in totals mode, one with dots per
	// participant in that mode (after an undo, say); an empty board keeps
	// the mode chosen.
	if b.Mode() == workshop.VoteTotals {
		s.mode = workshop.VoteTotals
	} else if b.Dots() > 0 {
		s.mode = workshop.VotePerVoter
	}
	mode := tr("ideas.mode.participant")
	if s.mode == workshop.VoteTotals {
		mode = tr("ideas.mode.totals")
	}
	if s.Mode.Selected != mode {
		s.Mode.SetSelected(mode)
	}

	// Who votes: the charter's participants.
	c := s.ed.Charter()
	var ids, names []string
	for i, p := range c.Participants {
		name := strings.TrimSpace(p.Name)
		if name == "" {
			name = tr("setup.participant.numbered", "N", i+1)
		}
		ids = append(ids, p.ID)
		names = append(names, name)
	}
	s.voterIDs = ids
	if !equalStrings(s.Voter.Options, names) {
		s.Voter.Options = names
		s.Voter.Refresh()
	}
	if participantItems.at(c, s.voterID) == nil {
		s.voterID = ""
	}
	sel := -1
	for i, id := range ids {
		if id == s.voterID {
			sel = i
		}
	}
	if s.Voter.SelectedIndex() != sel {
		if sel < 0 {
			s.Voter.ClearSelected()
		} else {
			s.Voter.SetSelectedIndex(sel)
		}
	}
	if s.mode == workshop.VoteTotals {
		s.Voter.Hide()
		s.voterLabel.Hide() // "Who votes:" has no picker to name in totals mode
		s.Remaining.SetText(tr("ideas.mode.totals.help"))
	} else {
		s.Voter.Show()
		s.voterLabel.Show()
		switch {
		case len(ids) == 0:
			s.Remaining.SetText(tr("ideas.voter.noparticipants"))
		case s.voterID == "":
			// The picker's hint asks; a vote without a voter says it once,
			// on the refusal line (issue 9 minor).
			s.Remaining.SetText("")
		default:
			s.Remaining.SetText(tr("ideas.voter.left", "Name", s.voterName(), "N", b.Left(s.voter()), "Max", b.Budget()))
		}
	}
	s.syncCards()
	s.syncRanking()
	s.places.refresh()
}

func (s *ideasStep) Focus(where workshop.Where) {
	if s.places == nil {
		return
	}
	if r, ok := s.Rows[where.ID]; ok && s.ed.Window() != nil {
		scrollTo(s.ed.Window().Canvas().Content(), r.Text)
		return
	}
	s.places.focus(where)
}

// hideOf is the card's moderation check, or nothing without a session
// owner.
func hideOf(r *cardRow) fyne.CanvasObject {
	if r.Hide == nil {
		return container.NewVBox()
	}
	return r.Hide
}
