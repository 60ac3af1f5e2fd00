package workshop

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"unicode/utf8"
)

// Seal returns the seal of a charter content: the hex SHA-256 of its
// canonical record (sealRecord). Signatures, late decisions and the board
// are not part of the Charter and so never change the seal.
func Seal(c *Charter) string {
	sum := sha256.Sum256(sealRecord(c))
	return hex.EncodeToString(sum[:])
}

// sealTagV1 opens version 1 of the canonical record.
const sealTagV1 = "boussole-seal/1\n"

// sealRecord returns the canonical record of c that the seal hashes,
// version 1: the tag, then one JSON object written member by member here,
// so that renaming a Go field or a JSON tag of Charter can never change a
// seal. The bytes are those the first releases hashed (json.Marshal of the
// Charter with empty slices for nil ones, HTML characters escaped), as the
// golden seals of seal_golden_test.go prove.
//
// Rules for what comes later:
//   - members are written in this order, each always, except those marked
//     optional, which are left out when empty (the first releases had them
//     as omitempty);
//   - a field added to Charter is added here as an optional member, so
//     that every revision written before it (where it is empty) keeps its
//     seal; old revisions are never back-filled with a default value;
//   - a change that must alter existing records needs a new version with
//     its own tag, and Seal must then keep sealing old revisions as
//     version 1.
func sealRecord(c *Charter) []byte {
	w := recordWriter{b: make([]byte, 0, 4096)}
	w.b = append(w.b, sealTagV1...)
	w.open('{')
	w.str("title", c.Title)
	w.str("scope", c.Scope)
	w.object("period", func() {
		w.str("label", c.Period.Label)
		w.str("start", string(c.Period.Start))
		w.str("end", string(c.Period.End))
	})
	w.str("lang", string(c.Lang))
	w.optStr("timeZone", c.TimeZone) // optional: added after the first releases
	w.str("facilitator", c.Facilitator)
	w.list("participants", len(c.Participants), func(i int) {
		p := c.Participants[i]
		w.str("id", p.ID)
		w.str("name", p.Name)
		w.str("function", string(p.Function))
		w.optStr("email", p.Email)
	})
	w.object("readiness", func() {
		r := c.Readiness
		w.boolean("baselinesKnown", r.BaselinesKnown)
		w.boolean("lastResultsAtHand", r.LastResultsAtHand)
		w.boolean("constraintsListed", r.ConstraintsListed)
		w.boolean("participantsConfirmed", r.ParticipantsConfirmed)
	})
	w.object("intent", func() {
		w.str("purpose", string(c.Intent.Purpose))
		w.str("statement", c.Intent.Statement)
		w.strs("companyObjectives", c.Intent.CompanyObjectives)
		w.strs("hypotheses", c.Intent.Hypotheses)
	})
	w.list("objectives", len(c.Objectives), func(i int) {
		o := c.Objectives[i]
		w.str("id", o.ID)
		w.str("title", o.Title)
		w.str("specific", o.Specific)
		w.str("achievable", o.Achievable)
		w.str("relevant", o.Relevant)
		w.str("deadline", string(o.Deadline))
		w.list("sideEffects", len(o.SideEffects), func(j int) {
			se := o.SideEffects[j]
			w.str("id", se.ID)
			w.str("description", se.Description)
			w.optStr("guardrailId", se.GuardrailID)
		})
	})
	w.list("kpis", len(c.KPIs), func(i int) {
		k := c.KPIs[i]
		w.str("id", k.ID)
		w.optStr("libraryId", k.LibraryID)
		w.str("name", k.Name)
		w.str("definition", k.Definition)
		w.str("kind", string(k.Kind))
		w.str("unit", string(k.Unit))
		w.str("targetType", string(k.TargetType))
		w.str("baseline", k.Baseline)
		w.str("target", k.Target)
		w.str("alert", k.Alert)
		w.str("frequency", string(k.Frequency))
		w.str("source", k.Source)
		w.str("owner", k.Owner)
		w.strs("objectives", k.Objectives)
		w.optBool("guardrail", k.Guardrail)
	})
	w.list("roles", len(c.Roles), func(i int) {
		a := c.Roles[i]
		w.str("participantId", a.ParticipantID)
		w.str("objectiveId", a.ObjectiveID)
		w.str("role", string(a.Role))
	})
	w.list("cascades", len(c.Cascades), func(i int) {
		cas := c.Cascades[i]
		w.str("id", cas.ID)
		w.str("kpiId", cas.KPIID)
		w.str("dimension", string(cas.Dimension))
		w.list("lines", len(cas.Lines), func(j int) {
			w.str("team", cas.Lines[j].Team)
			w.str("target", cas.Lines[j].Target)
		})
	})
	w.list("rituals", len(c.Rituals), func(i int) {
		r := c.Rituals[i]
		w.str("id", r.ID)
		w.str("kind", string(r.Kind))
		w.str("name", r.Name)
		w.str("cadence", string(r.Cadence))
		w.integer("weekday", int(r.Weekday))
		w.str("time", r.Time)
		w.integer("minutes", r.Minutes)
		w.strs("attendees", r.Attendees)
		w.strs("agenda", r.Agenda)
	})
	w.object("incentive", func() {
		w.boolean("enabled", c.Incentive.Enabled)
		w.str("share", c.Incentive.Share)
		w.str("note", c.Incentive.Note)
	})
	w.list("decisions", len(c.Decisions), func(i int) {
		d := c.Decisions[i]
		w.str("id", d.ID)
		w.str("date", string(d.Date))
		w.str("type", string(d.Type))
		w.str("text", d.Text)
		w.str("author", d.Author)
		w.optStr("linkId", d.LinkID)
	})
	w.close('}')
	return w.b
}

// recordWriter writes the canonical record: JSON without spaces, members
// in the order written, nil and empty lists alike ("[]").
type recordWriter struct {
	b     []byte
	first bool // no member written yet in the open object or list
}

func (w *recordWriter) open(c byte) {
	w.b = append(w.b, c)
	w.first = true
}

func (w *recordWriter) close(c byte) {
	w.b = append(w.b, c)
	w.first = false
}

func (w *recordWriter) comma() {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
}

func (w *recordWriter) key(k string) {
	w.comma()
	w.b = appendRecordString(w.b, k)
	w.b = append(w.b, ':')
}

func (w *recordWriter) str(k, v string) {
	w.key(k)
	w.b = appendRecordString(w.b, v)
}

// optStr writes an optional member: nothing when v is empty.
func (w *recordWriter) optStr(k, v string) {
	if v != "" {
		w.str(k, v)
	}
}

func (w *recordWriter) boolean(k string, v bool) {
	w.key(k)
	w.b = strconv.AppendBool(w.b, v)
}

// optBool writes an optional member: nothing when v is false.
func (w *recordWriter) optBool(k string, v bool) {
	if v {
		w.boolean(k, v)
	}
}

func (w *recordWriter) integer(k string, v int) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
}

func (w *recordWriter) strs(k string, vs []string) {
	w.key(k)
	w.open('[')
	for _, v := range vs {
		w.comma()
		w.b = appendRecordString(w.b, v)
	}
	w.close(']')
}

func (w *recordWriter) object(k string, members func()) {
	w.key(k)
	w.open('{')
	members()
	w.close('}')
}

// list writes a list of n objects, element i's members written by members(i).
func (w *recordWriter) list(k string, n int, members func(i int)) {
	w.key(k)
	w.open('[')
	for i := range n {
		w.comma()
		w.open('{')
		members(i)
		w.close('}')
	}
	w.close(']')
}

// appendRecordString appends s as a quoted string, escaped as the first
// releases' json.Marshal did: quote and backslash, the short escapes \b \f
// \n \r \t, other control characters and the HTML characters < > & as
// \u00XX (lower-case hex), invalid UTF-8 as \ufffd, and U+2028 and U+2029
// (which break JavaScript) as \u2028 and \u2029. Everything else is written
// as is, in UTF-8.
func appendRecordString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
