package workshop

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"boussole/assets"
)

// BlankTemplate is the id of the empty template: a session with only the
// default rituals.
const BlankTemplate = "blank"

// TemplateInfo describes a built-in template for the "new session" dialog
// and `boussole templates`.
type TemplateInfo struct {
	ID      string
	Title   map[Lang]string
	Summary map[Lang]string
}

// blankInfo describes the blank template, which has no data file.
var blankInfo = TemplateInfo{
	ID: BlankTemplate,
	Title: map[Lang]string{
		FR: "Charte vierge",
		EN: "Blank charter",
	},
	Summary: map[Lang]string{
		FR: "Partir d’une page blanche : seuls les trois rituels par défaut sont proposés.",
		EN: "Start from a clean sheet: only the three default rituals are set up.",
	},
}

// blankTitle is the title of a session started from the blank template; the
// facilitator renames it at set-up.
var blankTitle = map[Lang]string{FR: "Nouvelle charte d’objectifs", EN: "New objective charter"}

// templatesDir is the folder of the template files inside assets.Data.
const templatesDir = "data/templates"

var templateSet struct {
	once  sync.Once
	list  []*templateFile // in display order
	byID  map[string]*templateFile
	err   error
	infos []TemplateInfo
}

// loadTemplates parses the embedded templates once. The data ships inside
// the binary, so a failure is a programming error that the tests catch; at
// run time FromTemplate then reports it as an internal error.
func loadTemplates() error {
	templateSet.once.Do(func() {
		list, err := readTemplates(assets.Data, templatesDir)
		if err != nil {
			templateSet.err = err
			return
		}
		templateSet.list = list
		templateSet.byID = make(map[string]*templateFile, len(list))
		templateSet.infos = []TemplateInfo{blankInfo}
		for _, t := range list {
			templateSet.byID[t.ID] = t
			templateSet.infos = append(templateSet.infos, TemplateInfo{ID: t.ID, Title: t.Title.clone(), Summary: t.Summary.clone()})
		}
	})
	return templateSet.err
}

// readTemplates reads every *.json template of dir, checks it and sorts the
// templates by their "order" field.
func readTemplates(fsys fs.FS, dir string) ([]*templateFile, error) {
	names, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil {
		return nil, err
	}
	var list []*templateFile
	seen := map[string]string{BlankTemplate: "(built in)"}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		t, err := parseTemplate(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if other, dup := seen[t.ID]; dup {
			return nil, fmt.Errorf("%s: template id %q already used by %s", name, t.ID, other)
		}
		seen[t.ID] = name
		list = append(list, t)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Order < list[j].Order })
	return list, nil
}

// Templates lists the built-in templates, blank first.
func Templates() []TemplateInfo {
	if loadTemplates() != nil {
		return []TemplateInfo{blankInfo}
	}
	return append([]TemplateInfo(nil), templateSet.infos...)
}

// TemplateIDs lists the ids of the built-in templates, blank first.
func TemplateIDs() []string {
	var ids []string
	for _, t := range Templates() {
		ids = append(ids, t.ID)
	}
	return ids
}

// FromTemplate starts a new session from a built-in template, in language l,
// for the period labelled period ("" = the quarter after now's). The
// session gets a fresh id; the items inside keep the template's ids
// ("obj-1", "kpi-cycle-length"). Deadlines and decision dates are placed in
// the period. "blank" gives NewSession's blank session, titled "New
// objective charter" for the facilitator to rename.
func FromTemplate(id string, l Lang, period string, now time.Time) (*Session, error) {
	if id == BlankTemplate {
		s, err := NewSession(blankTitle[l], l, period, now)
		if err != nil {
			return nil, err
		}
		s.Template = BlankTemplate
		return s, nil
	}
	if err := loadTemplates(); err != nil {
		return nil, Wrap(KindInternal, err, "the built-in templates are damaged")
	}
	t, ok := templateSet.byID[id]
	if !ok {
		return nil, Errorf(KindNotFound, "template %q does not exist: expected one of %s", id, strings.Join(TemplateIDs(), ", "))
	}
	if !l.Valid() {
		return nil, Errorf(KindInvalid, "language %q is not supported: expected fr or en", string(l))
	}
	s, err := NewSession(t.Title[l], l, period, now)
	if err != nil {
		return nil, err
	}
	cur := s.Current()
	c, err := t.charter(l, cur.Charter.Period)
	if err != nil {
		return nil, Wrap(KindInternal, err, "template %q is damaged", id)
	}
	cur.Charter = c
	s.Template = id
	return s, nil
}

// Template data format (assets/data/templates/ID.json). Every piece of text
// is a bilingual value: either {"fr": "…", "en": "…"}, both required, or a
// plain string used in both languages (names, e-mails, "84"). Numbers are
// written as people of each language write them ("1 200,5 %" and
// "1,200.5%"). Ids, enum values and participant references are shared by
// both languages. Dates are relative to the period, so that a template fits
// any period: deadlines are "end", "end-N" or "start+N" (N days), decision
// dates are a day offset from the period's start ("day": -10 is a workshop
// ten days before the period). Roles are a map objective id → role → list of
// participant ids. A KPI with a libraryId may omit name, definition, unit,
// kind or target type to take the library's.
type templateFile struct {
	ID           string                `json:"id"`
	Order        int                   `json:"order"`
	Title        bilingual             `json:"title"`
	Summary      bilingual             `json:"summary"`
	Scope        bilingual             `json:"scope"`
	Facilitator  bilingual             `json:"facilitator"`
	Participants []templateParticipant `json:"participants"`
	Readiness    Readiness             `json:"readiness"`
	Intent       templateIntent        `json:"intent"`
	Objectives   []templateObjective   `json:"objectives"`
	KPIs         []templateKPI         `json:"kpis"`
	// Roles: objective id → role → participant ids.
	Roles     map[string]map[Role][]string `json:"roles"`
	Cascades  []templateCascade            `json:"cascades"`
	Rituals   []templateRitual             `json:"rituals"`
	Incentive templateIncentive            `json:"incentive"`
	Decisions []templateDecision           `json:"decisions"`
}

type templateParticipant struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Function Function `json:"function"`
	Email    string   `json:"email"`
}

type templateIntent struct {
	Purpose           Purpose     `json:"purpose"`
	Statement         bilingual   `json:"statement"`
	CompanyObjectives []bilingual `json:"companyObjectives"`
	Hypotheses        []bilingual `json:"hypotheses"`
}

type templateObjective struct {
	ID          string               `json:"id"`
	Title       bilingual            `json:"title"`
	Specific    bilingual            `json:"specific"`
	Achievable  bilingual            `json:"achievable"`
	Relevant    bilingual            `json:"relevant"`
	Deadline    string               `json:"deadline"` // "end", "end-N", "start+N"
	SideEffects []templateSideEffect `json:"sideEffects"`
}

type templateSideEffect struct {
	ID          string    `json:"id"`
	Description bilingual `json:"description"`
	GuardrailID string    `json:"guardrailId"`
}

type templateKPI struct {
	ID         string     `json:"id"`
	LibraryID  string     `json:"libraryId"`
	Name       bilingual  `json:"name"`
	Definition bilingual  `json:"definition"`
	Kind       KPIKind    `json:"kind"`
	Unit       Unit       `json:"unit"`
	TargetType TargetType `json:"targetType"`
	Baseline   bilingual  `json:"baseline"`
	Target     bilingual  `json:"target"`
	Alert      bilingual  `json:"alert"`
	Frequency  Frequency  `json:"frequency"`
	Source     bilingual  `json:"source"`
	Owner      bilingual  `json:"owner"`
	Objectives []string   `json:"objectives"`
	Guardrail  bool       `json:"guardrail"`
}

type templateCascade struct {
	ID        string    `json:"id"`
	KPIID     string    `json:"kpiId"`
	Dimension Dimension `json:"dimension"`
	Lines     []struct {
		Team   bilingual `json:"team"`
		Target bilingual `json:"target"`
	} `json:"lines"`
}

type templateRitual struct {
	ID        string     `json:"id"`
	Kind      RitualKind `json:"kind"`
	Name      bilingual  `json:"name"`
	Cadence   Cadence    `json:"cadence"`
	Weekday   string     `json:"weekday"` // "monday" … "sunday"
	Time      string     `json:"time"`
	Minutes   int        `json:"minutes"`
	Attendees []string   `json:"attendees"`
}

type templateIncentive struct {
	Enabled bool      `json:"enabled"`
	Share   bilingual `json:"share"`
	Note    bilingual `json:"note"`
}

type templateDecision struct {
	ID     string       `json:"id"`
	Day    int          `json:"day"` // offset from the period's start
	Type   DecisionType `json:"type"`
	Text   bilingual    `json:"text"`
	Author string       `json:"author"`
	LinkID string       `json:"linkId"`
}

// bilingual is template text in both languages.
type bilingual map[Lang]string

// UnmarshalJSON reads a plain string (the same in both languages) or an
// object with exactly the non-empty keys "fr" and "en".
func (t *bilingual) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*t = bilingual{FR: s, EN: s}
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf(`text must be a string or {"fr": …, "en": …}, not %s`, b)
	}
	out := bilingual{}
	for k, v := range m {
		l := Lang(k)
		if !l.Valid() {
			return fmt.Errorf("text %s: unknown language %q", b, k)
		}
		out[l] = v
	}
	if strings.TrimSpace(out[FR]) == "" || strings.TrimSpace(out[EN]) == "" {
		return fmt.Errorf("text %s: both fr and en are required", b)
	}
	*t = out
	return nil
}

func (t bilingual) clone() map[Lang]string {
	return map[Lang]string{FR: t.in(FR), EN: t.in(EN)}
}

// in returns the text in language l, French getting its no-break spaces
// (FrenchSpaces). The data files are written with ordinary spaces, which
// keeps them readable, except for the narrow no-break spaces (\u202f) the
// first templates put before « ; ? ! »: they are written in the files, so
// that the template charters, and so their seals, stay as they were.
func (t bilingual) in(l Lang) string {
	if l == FR {
		return FrenchSpaces(t[FR])
	}
	return t[l]
}

// parseTemplate decodes a template file and checks what the charter
// builder relies on: ids, languages, references and relative dates.
func parseTemplate(b []byte) (*templateFile, error) {
	var t templateFile
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return nil, err
	}
	if t.ID == "" || t.ID == BlankTemplate {
		return nil, fmt.Errorf("template id %q is not allowed", t.ID)
	}
	if t.Title == nil || t.Summary == nil || t.Scope == nil || t.Facilitator == nil {
		return nil, fmt.Errorf("%s: title, summary, scope and facilitator are required", t.ID)
	}
	people := map[string]bool{}
	for _, p := range t.Participants {
		if p.ID == "" || people[p.ID] {
			return nil, fmt.Errorf("%s: participant id %q empty or repeated", t.ID, p.ID)
		}
		people[p.ID] = true
	}
	objectives := map[string]bool{}
	for _, o := range t.Objectives {
		if o.ID == "" || objectives[o.ID] {
			return nil, fmt.Errorf("%s: objective id %q empty or repeated", t.ID, o.ID)
		}
		if _, err := relativeDeadline(o.Deadline, Period{Start: "2027-01-01", End: "2027-03-31"}); err != nil {
			return nil, fmt.Errorf("%s: objective %s: %w", t.ID, o.ID, err)
		}
		objectives[o.ID] = true
	}
	kpis := map[string]bool{}
	for i := range t.KPIs {
		k := &t.KPIs[i]
		if k.ID == "" || kpis[k.ID] {
			return nil, fmt.Errorf("%s: KPI id %q empty or repeated", t.ID, k.ID)
		}
		kpis[k.ID] = true
		if err := k.fillFromLibrary(); err != nil {
			return nil, fmt.Errorf("%s: %w", t.ID, err)
		}
		for _, o := range k.Objectives {
			if !objectives[o] {
				return nil, fmt.Errorf("%s: KPI %s measures unknown objective %q", t.ID, k.ID, o)
			}
		}
	}
	for _, o := range t.Objectives {
		for _, se := range o.SideEffects {
			if se.GuardrailID != "" && !kpis[se.GuardrailID] {
				return nil, fmt.Errorf("%s: side effect %s: unknown guardrail KPI %q", t.ID, se.ID, se.GuardrailID)
			}
		}
	}
	for obj, roles := range t.Roles {
		if !objectives[obj] {
			return nil, fmt.Errorf("%s: roles for unknown objective %q", t.ID, obj)
		}
		for role, ids := range roles {
			for _, id := range ids {
				if !people[id] {
					return nil, fmt.Errorf("%s: %s of %s: unknown participant %q", t.ID, role, obj, id)
				}
			}
		}
	}
	for _, c := range t.Cascades {
		if !kpis[c.KPIID] {
			return nil, fmt.Errorf("%s: cascade %s: unknown KPI %q", t.ID, c.ID, c.KPIID)
		}
	}
	for _, r := range t.Rituals {
		if _, ok := templateWeekdays[r.Weekday]; !ok {
			return nil, fmt.Errorf("%s: ritual %s: unknown weekday %q", t.ID, r.ID, r.Weekday)
		}
		for _, id := range r.Attendees {
			if !people[id] {
				return nil, fmt.Errorf("%s: ritual %s: unknown attendee %q", t.ID, r.ID, id)
			}
		}
	}
	for _, d := range t.Decisions {
		if d.LinkID != "" && !objectives[d.LinkID] && !kpis[d.LinkID] {
			return nil, fmt.Errorf("%s: decision %s: unknown link %q", t.ID, d.ID, d.LinkID)
		}
	}
	return &t, nil
}

// fillFromLibrary completes a KPI from its library entry: name, definition,
// unit, kind and target type the template left out.
func (k *templateKPI) fillFromLibrary() error {
	if k.LibraryID == "" {
		if k.Name == nil || k.Definition == nil || k.Unit == "" || k.Kind == "" || k.TargetType == "" {
			return fmt.Errorf("KPI %s has no library id and lacks name, definition, unit, kind or target type", k.ID)
		}
		return nil
	}
	lib, ok := LibraryKPIByID(k.LibraryID)
	if !ok {
		return fmt.Errorf("KPI %s: unknown library id %q", k.ID, k.LibraryID)
	}
	if k.Name == nil {
		k.Name = bilingual(lib.Name)
	}
	if k.Definition == nil {
		k.Definition = bilingual(lib.Definition)
	}
	if k.Unit == "" {
		k.Unit = lib.Unit
	}
	if k.Kind == "" {
		k.Kind = lib.Kind
	}
	if k.TargetType == "" {
		k.TargetType = lib.TargetType
	}
	return nil
}

var templateWeekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// relativeDeadline places a deadline written "end", "end-N" or "start+N"
// (N days) in period p, never outside it: a short period keeps the deadline
// inside, at its end or start.
func relativeDeadline(rel string, p Period) (Date, error) {
	start, ok1 := p.Start.Time()
	end, ok2 := p.End.Time()
	if !ok1 || !ok2 {
		return "", fmt.Errorf("period %q has unreadable dates", p.Label)
	}
	var at time.Time
	switch {
	case rel == "end":
		at = end
	case strings.HasPrefix(rel, "end-"):
		n, err := strconv.Atoi(rel[len("end-"):])
		if err != nil || n < 0 {
			return "", fmt.Errorf("deadline %q: expected end, end-N or start+N", rel)
		}
		at = end.AddDate(0, 0, -n)
	case strings.HasPrefix(rel, "start+"):
		n, err := strconv.Atoi(rel[len("start+"):])
		if err != nil || n < 0 {
			return "", fmt.Errorf("deadline %q: expected end, end-N or start+N", rel)
		}
		at = start.AddDate(0, 0, n)
	default:
		return "", fmt.Errorf("deadline %q: expected end, end-N or start+N", rel)
	}
	if at.After(end) {
		at = end
	}
	if at.Before(start) {
		at = start
	}
	return DateOf(at), nil
}

// charter builds the template's charter in language l for period p.
func (t *templateFile) charter(l Lang, p Period) (Charter, error) {
	start, ok := p.Start.Time()
	if !ok {
		return Charter{}, fmt.Errorf("period %q has no readable start", p.Label)
	}
	texts := func(ts []bilingual) []string {
		out := make([]string, 0, len(ts))
		for _, x := range ts {
			out = append(out, x.in(l))
		}
		return out
	}
	c := Charter{
		Title:        t.Title.in(l),
		Scope:        t.Scope.in(l),
		Period:       p,
		Lang:         l,
		Facilitator:  t.Facilitator.in(l),
		Participants: make([]Participant, 0, len(t.Participants)),
		Readiness:    t.Readiness,
		Intent: Intent{
			Purpose:           t.Intent.Purpose,
			Statement:         t.Intent.Statement.in(l),
			CompanyObjectives: texts(t.Intent.CompanyObjectives),
			Hypotheses:        texts(t.Intent.Hypotheses),
		},
		Objectives: make([]Objective, 0, len(t.Objectives)),
		KPIs:       make([]KPI, 0, len(t.KPIs)),
		Roles:      []Assignment{},
		Cascades:   make([]Cascade, 0, len(t.Cascades)),
		Rituals:    make([]Ritual, 0, len(t.Rituals)),
		Incentive:  Incentive{Enabled: t.Incentive.Enabled, Share: t.Incentive.Share.in(l), Note: t.Incentive.Note.in(l)},
		Decisions:  make([]Decision, 0, len(t.Decisions)),
	}
	for _, tp := range t.Participants {
		c.Participants = append(c.Participants, Participant(tp))
	}
	for _, to := range t.Objectives {
		deadline, err := relativeDeadline(to.Deadline, p)
		if err != nil {
			return Charter{}, fmt.Errorf("objective %s: %w", to.ID, err)
		}
		o := Objective{
			ID:          to.ID,
			Title:       to.Title.in(l),
			Specific:    to.Specific.in(l),
			Achievable:  to.Achievable.in(l),
			Relevant:    to.Relevant.in(l),
			Deadline:    deadline,
			SideEffects: make([]SideEffect, 0, len(to.SideEffects)),
		}
		for _, se := range to.SideEffects {
			o.SideEffects = append(o.SideEffects, SideEffect{ID: se.ID, Description: se.Description.in(l), GuardrailID: se.GuardrailID})
		}
		c.Objectives = append(c.Objectives, o)
		roles := t.Roles[to.ID]
		for _, role := range Roles {
			for _, pid := range roles[role] {
				c.Roles = append(c.Roles, Assignment{ParticipantID: pid, ObjectiveID: to.ID, Role: role})
			}
		}
	}
	for _, tk := range t.KPIs {
		c.KPIs = append(c.KPIs, KPI{
			ID:         tk.ID,
			LibraryID:  tk.LibraryID,
			Name:       tk.Name.in(l),
			Definition: tk.Definition.in(l),
			Kind:       tk.Kind,
			Unit:       tk.Unit,
			TargetType: tk.TargetType,
			Baseline:   tk.Baseline.in(l),
			Target:     tk.Target.in(l),
			Alert:      tk.Alert.in(l),
			Frequency:  tk.Frequency,
			Source:     tk.Source.in(l),
			Owner:      tk.Owner.in(l),
			Objectives: append([]string{}, tk.Objectives...),
			Guardrail:  tk.Guardrail,
		})
	}
	for _, tc := range t.Cascades {
		cas := Cascade{ID: tc.ID, KPIID: tc.KPIID, Dimension: tc.Dimension, Lines: make([]CascadeLine, 0, len(tc.Lines))}
		for _, line := range tc.Lines {
			cas.Lines = append(cas.Lines, CascadeLine{Team: line.Team.in(l), Target: line.Target.in(l)})
		}
		c.Cascades = append(c.Cascades, cas)
	}
	for _, tr := range t.Rituals {
		c.Rituals = append(c.Rituals, Ritual{
			ID:        tr.ID,
			Kind:      tr.Kind,
			Name:      tr.Name.in(l),
			Cadence:   tr.Cadence,
			Weekday:   templateWeekdays[tr.Weekday],
			Time:      tr.Time,
			Minutes:   tr.Minutes,
			Attendees: append([]string{}, tr.Attendees...),
			Agenda:    []string{},
		})
	}
	for _, td := range t.Decisions {
		c.Decisions = append(c.Decisions, Decision{
			ID:     td.ID,
			Date:   DateOf(start.AddDate(0, 0, td.Day)),
			Type:   td.Type,
			Text:   td.Text.in(l),
			Author: td.Author,
			LinkID: td.LinkID,
		})
	}
	return c, nil
}
