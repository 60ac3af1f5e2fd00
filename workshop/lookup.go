package workshop

// identified is an item of a charter or a board that carries an id.
type identified interface {
	Participant | Objective | SideEffect | KPI | Cascade | Ritual | Decision | Card | Group | CheckIn
	idOf() string
}

func (p Participant) idOf() string { return p.ID }
func (o Objective) idOf() string   { return o.ID }
func (s SideEffect) idOf() string  { return s.ID }
func (k KPI) idOf() string         { return k.ID }
func (c Cascade) idOf() string     { return c.ID }
func (r Ritual) idOf() string      { return r.ID }
func (d Decision) idOf() string    { return d.ID }
func (c Card) idOf() string        { return c.ID }
func (g Group) idOf() string       { return g.ID }
func (c CheckIn) idOf() string     { return c.ID }

// ByID returns the first item of items whose id is id, in place (changes
// through the pointer change the slice), or nil when there is none. It is
// the one look-up by id of the domain, the window and the writers. A blank
// id is looked up like any other (an imported item may lack one): callers
// for whom a blank reference names nothing say so.
func ByID[T identified](items []T, id string) *T {
	for i := range items {
		if items[i].idOf() == id {
			return &items[i]
		}
	}
	return nil
}
