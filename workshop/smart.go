package workshop

import (
	"slices"
	"strings"
	"unicode"
)

// SmartCheck is the live SMART check of one objective (PRODUCT.md §1 step
// 4): which letters are satisfied and, for the others, why not. Validate's
// R-SMART-1..5 findings are made from it, so the check shown beside the
// objective and the findings never disagree.
type SmartCheck struct {
	ObjectiveID string
	Found       bool // false when no objective has this id (then nothing is satisfied)
	// S, M, A, R, T repeat Letters[i].OK for quick reading.
	S, M, A, R, T bool
	// Letters are S, M, A, R, T in that order (nil when !Found).
	Letters []SmartLetter
}

// SmartLetter is one letter of the SMART check.
type SmartLetter struct {
	Letter string   // "S", "M", "A", "R" or "T"
	Code   RuleCode // its rule code, RSMART1 … RSMART5
	Field  string   // the objective's field to fix: "specific", "kpis", "achievable", "relevant", "deadline"
	OK     bool     // satisfied
	Reason string   // why not, one of the Smart… reasons; empty when OK
	Args   []string // values the reason names (a KPI name, a date …)
}

// Reasons a SMART letter is not satisfied.
const (
	SmartMissing      = "missing"      // S, A, R, T: nothing written
	SmartOnlyKPIName  = "kpi-name"     // S: the statement is just a KPI's name; Args[0] the name
	SmartTooShort     = "short"        // S: fewer than 3 words; Args[0] the statement
	SmartNoKPI        = "no-kpi"       // M: no KPI measures the objective
	SmartNoTarget     = "no-target"    // M: no KPI measuring it has a readable target
	SmartUnreadable   = "unreadable"   // T: Args[0] the deadline as typed
	SmartBeforePeriod = "before-start" // T: Args[0] deadline, Args[1] period start
	SmartAfterPeriod  = "after-end"    // T: Args[0] deadline, Args[1] period end
)

// smartMinWords is the fewest words a specific statement needs to say what
// changes and for whom.
const smartMinWords = 3

// OK reports whether all five letters are satisfied.
func (s SmartCheck) OK() bool { return s.Found && s.S && s.M && s.A && s.R && s.T }

// Why returns, for each unsatisfied letter ("S" …), the reason as a sentence
// in language l.
func (s SmartCheck) Why(l Lang) map[string]string {
	why := map[string]string{}
	for _, lt := range s.Letters {
		if !lt.OK {
			why[lt.Letter] = lt.Why(l)
		}
	}
	return why
}

// Why returns the reason the letter is not satisfied, as a sentence in
// language l; "" when it is.
func (lt SmartLetter) Why(l Lang) string {
	if lt.OK {
		return ""
	}
	return capitalize(smartReason(l, lt.Letter, lt.Reason, lt.Args)) + "."
}

// SMART checks the objective with the given id.
func SMART(c *Charter, objectiveID string) SmartCheck {
	if c != nil {
		for i := range c.Objectives {
			if c.Objectives[i].ID == objectiveID {
				return smartOf(c, i)
			}
		}
	}
	return SmartCheck{ObjectiveID: objectiveID}
}

// smartOf checks objective i of c.
func smartOf(c *Charter, i int) SmartCheck {
	o := &c.Objectives[i]
	l := charterLang(c)
	kpis := kpisOf(c, o.ID)
	letters := []SmartLetter{
		smartSpecific(c, o),
		smartMeasurable(kpis, l),
		smartAchievable(o, kpis, l),
		smartRelevant(o),
		smartTimeBound(c, o),
	}
	return SmartCheck{
		ObjectiveID: o.ID,
		Found:       true,
		S:           letters[0].OK,
		M:           letters[1].OK,
		A:           letters[2].OK,
		R:           letters[3].OK,
		T:           letters[4].OK,
		Letters:     letters,
	}
}

func letter(name string, code RuleCode, field string) SmartLetter {
	return SmartLetter{Letter: name, Code: code, Field: field, OK: true}
}

func (lt SmartLetter) fail(reason string, args ...string) SmartLetter {
	lt.OK, lt.Reason, lt.Args = false, reason, args
	return lt
}

// S: a statement that says more than a KPI's name.
func smartSpecific(c *Charter, o *Objective) SmartLetter {
	lt := letter("S", RSMART1, "specific")
	text := strings.TrimSpace(o.Specific)
	if text == "" {
		return lt.fail(SmartMissing)
	}
	norm := normalizeName(text)
	for _, k := range c.KPIs {
		if n := normalizeName(k.Name); n != "" && n == norm {
			return lt.fail(SmartOnlyKPIName, strings.TrimSpace(k.Name))
		}
	}
	if len(strings.FieldsFunc(text, isWordBreak)) < smartMinWords {
		return lt.fail(SmartTooShort, text)
	}
	return lt
}

// M: at least one KPI with a readable target measures it.
func smartMeasurable(kpis []*KPI, l Lang) SmartLetter {
	lt := letter("M", RSMART2, "kpis")
	if len(kpis) == 0 {
		return lt.fail(SmartNoKPI)
	}
	for _, k := range kpis {
		if NumberReadable(k.Target, l) {
			return lt
		}
	}
	return lt.fail(SmartNoTarget)
}

// A: a rationale, or a baseline on one of its KPIs.
func smartAchievable(o *Objective, kpis []*KPI, l Lang) SmartLetter {
	lt := letter("A", RSMART3, "achievable")
	if strings.TrimSpace(o.Achievable) != "" {
		return lt
	}
	for _, k := range kpis {
		if NumberReadable(k.Baseline, l) {
			return lt
		}
	}
	return lt.fail(SmartMissing)
}

// R: the link to the intent or a company objective is written.
func smartRelevant(o *Objective) SmartLetter {
	lt := letter("R", RSMART4, "relevant")
	if strings.TrimSpace(o.Relevant) == "" {
		return lt.fail(SmartMissing)
	}
	return lt
}

// T: a readable deadline inside the period. A period bound that is not set
// (or unreadable) is not checked: that is the set-up step's business.
func smartTimeBound(c *Charter, o *Objective) SmartLetter {
	lt := letter("T", RSMART5, "deadline")
	text := strings.TrimSpace(string(o.Deadline))
	if text == "" {
		return lt.fail(SmartMissing)
	}
	d, ok := Date(text).Time()
	if !ok {
		return lt.fail(SmartUnreadable, text)
	}
	if start, ok := c.Period.Start.Time(); ok && d.Before(start) {
		return lt.fail(SmartBeforePeriod, text, string(c.Period.Start))
	}
	if end, ok := c.Period.End.Time(); ok && d.After(end) {
		return lt.fail(SmartAfterPeriod, text, string(c.Period.End))
	}
	return lt
}

// kpisOf returns the KPIs that measure objective id.
func kpisOf(c *Charter, id string) []*KPI {
	var out []*KPI
	if id == "" {
		return out
	}
	for i := range c.KPIs {
		if slices.Contains(c.KPIs[i].Objectives, id) {
			out = append(out, &c.KPIs[i])
		}
	}
	return out
}

func isWordBreak(r rune) bool {
	return unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0' || (unicode.IsPunct(r) && r != '\'' && r != '’' && r != '-')
}

// normalizeName lowers and squeezes a name so that "Win rate." and
// " win  RATE" compare equal.
func normalizeName(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, isWordBreak), " "))
}

// smartReason is the clause explaining an unsatisfied letter, without a
// capital or a final period.
func smartReason(l Lang, letter, reason string, args []string) string {
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	fr := l == FR
	switch letter + "/" + reason {
	case "S/" + SmartMissing:
		return tr(l, "l’énoncé spécifique n’est pas renseigné ; dites ce qui change, et pour qui",
			"the specific statement is missing; say what changes, and for whom")
	case "S/" + SmartOnlyKPIName:
		if fr {
			return "l’énoncé spécifique ne fait que nommer un indicateur (" + Quote(l, arg(0)) +
				FrenchSpaces(") ; dites ce qui change, et pour qui")
		}
		return "the specific statement only names a KPI (" + Quote(l, arg(0)) + "); say what changes, and for whom"
	case "S/" + SmartTooShort:
		if fr {
			return "l’énoncé spécifique (" + Quote(l, arg(0)) + FrenchSpaces(") est trop court ; dites ce qui change, et pour qui")
		}
		return "the specific statement (" + Quote(l, arg(0)) + ") is too short; say what changes, and for whom"
	case "M/" + SmartNoKPI:
		return tr(l, "aucun indicateur ne le mesure, il n’est donc pas mesurable",
			"no KPI measures it, so it is not measurable")
	case "M/" + SmartNoTarget:
		return tr(l, "aucun de ses indicateurs n’a de cible lisible, il n’est donc pas mesurable",
			"none of its KPIs has a readable target, so it is not measurable")
	case "A/" + SmartMissing:
		return tr(l, "rien ne dit pourquoi il est atteignable ; donnez une justification, ou une valeur de départ pour l’un de ses indicateurs",
			"nothing says why it is achievable; give a rationale, or a baseline for one of its KPIs")
	case "R/" + SmartMissing:
		return tr(l, "son lien avec l’intention ou un objectif de l’entreprise n’est pas indiqué",
			"its link to the intent or to a company objective is not stated")
	case "T/" + SmartMissing:
		return tr(l, "il n’a pas d’échéance", "it has no deadline")
	case "T/" + SmartUnreadable:
		if fr {
			return "l’échéance " + Quote(l, arg(0)) + " est illisible (date attendue, par exemple 2027-03-31)"
		}
		return "the deadline " + Quote(l, arg(0)) + " cannot be read (expected a date such as 2027-03-31)"
	case "T/" + SmartBeforePeriod:
		return tr(l, "l’échéance ("+arg(0)+") tombe avant le début de la période ("+arg(1)+")",
			"the deadline ("+arg(0)+") falls before the period starts ("+arg(1)+")")
	case "T/" + SmartAfterPeriod:
		return tr(l, "l’échéance ("+arg(0)+") tombe après la fin de la période ("+arg(1)+")",
			"the deadline ("+arg(0)+") falls after the period ends ("+arg(1)+")")
	}
	return tr(l, "la lettre "+letter+" n’est pas satisfaite", "the letter "+letter+" is not satisfied")
}
