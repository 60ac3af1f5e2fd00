package workshop

// DefaultSessionMinutes is the length of a workshop session without a
// setting: two hours.
const DefaultSessionMinutes = 120

// MaxSessionMinutes bounds a session's length: a working day.
const MaxSessionMinutes = 8 * 60

// DefaultTimebox is the countdown length of a step without a setting: ten
// minutes for the ideas and vote, fifteen for the others.
func DefaultTimebox(step string) int {
	if step == StepIdeas {
		return 10
	}
	return 15
}

// TimeboxMinutes is the countdown length of step on the board.
func (b *Board) TimeboxMinutes(step string) int {
	if m, ok := b.Timebox[step]; ok && m > 0 {
		return m
	}
	return DefaultTimebox(step)
}

// Session is the length of the whole session, in minutes.
func (b *Board) Session() int {
	if b.SessionMinutes <= 0 || b.SessionMinutes > MaxSessionMinutes {
		return DefaultSessionMinutes
	}
	return b.SessionMinutes
}

// AgendaItem is one step of the session's agenda: it starts Start minutes
// into the session and lasts Minutes.
type AgendaItem struct {
	Step           string
	Start, Minutes int
}

// Agenda is the session's running order: the steps' timeboxes one after
// the other, their Total, and the Session length they should add up to.
type Agenda struct {
	Items          []AgendaItem
	Total, Session int
}

// Over is how many minutes the steps take beyond the session (negative:
// minutes left over).
func (a Agenda) Over() int { return a.Total - a.Session }

// Agenda lays the steps' timeboxes end to end.
func (b *Board) Agenda() Agenda {
	a := Agenda{Session: b.Session()}
	for _, st := range Steps {
		m := b.TimeboxMinutes(st)
		a.Items = append(a.Items, AgendaItem{Step: st, Start: a.Total, Minutes: m})
		a.Total += m
	}
	return a
}

// FitAgenda shares the session's length out between the steps in
// proportion to their timeboxes now, in whole minutes (at least one each,
// the remainders going to the largest fractions first), so that they add
// up to the session exactly. The session is first bounded to what the
// steps can share (one minute each) and a working day.
func (b *Board) FitAgenda(session int) {
	session = min(max(session, len(Steps)), MaxSessionMinutes)
	b.SessionMinutes = session
	a := b.Agenda()
	mins := make([]int, len(a.Items))
	frac := make([]int, len(a.Items)) // remainder × total, to order by
	sum := 0
	for i, it := range a.Items {
		mins[i] = max(it.Minutes*session/a.Total, 1)
		frac[i] = it.Minutes * session % a.Total
		sum += mins[i]
	}
	for sum != session {
		best := -1
		for i := range mins {
			switch {
			case sum < session && (best < 0 || frac[i] > frac[best]):
				best = i
			case sum > session && mins[i] > 1 && (best < 0 || mins[i] > mins[best]):
				best = i
			}
		}
		if best < 0 {
			break
		}
		if sum < session {
			mins[best]++
			frac[best] = -1 // one extra minute each at most, in turn
			sum++
		} else {
			mins[best]--
			sum--
		}
		if sum < session && allTaken(frac) {
			for i := range frac {
				frac[i] = 0
			}
		}
	}
	if b.Timebox == nil {
		b.Timebox = map[string]int{}
	}
	for i, it := range a.Items {
		b.Timebox[it.Step] = mins[i]
	}
}

func allTaken(frac []int) bool {
	for _, f := range frac {
		if f >= 0 {
			return false
		}
	}
	return true
}
