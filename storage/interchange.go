package storage

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// Format is the format tag of the interchange files this Boussole writes
// and reads: boussole/2, whose signature and decline records carry the
// installation's public key and signature. FormatV1 files (records without
// them) still import, their records as unverified.
const (
	Format   = "boussole/2"
	FormatV1 = "boussole/1"
)

// Limits of Decode: what a real session never reaches and a hostile or
// broken file must not make us spend memory on.
const (
	MaxFileSize = 20 << 20
	MaxDepth    = 64
)

// fileV1 is a .boussole file: the session record behind a format tag.
type fileV1 struct {
	Format string `json:"format"`
	sessionRecordV1
}

// Export encodes a session with every revision, its board and check-ins as
// a .boussole file: deterministic, indented by two spaces, ending with a
// newline. It refuses (KindInvalid) what Decode would refuse, so that
// every exported file imports.
func Export(s *workshop.Session) ([]byte, error) {
	if s == nil {
		return nil, workshop.Errorf(workshop.KindInvalid, "no session to export")
	}
	f := fileV1{Format: Format, sessionRecordV1: toRecord(s)}
	if err := validate(&f.sessionRecordV1); err != nil {
		return nil, err
	}
	// Every record's signature verifies, as Decode will check (on a copy:
	// checking marks the records without one as unverified).
	if err := workshop.CheckImportedSignatures(fromRecord(&f.sessionRecordV1)); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&f); err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, err, "cannot encode session %q", s.ID)
	}
	return escapeInvisible(buf.Bytes()), nil
}

// escapeInvisible writes as \u escapes the characters that encoding/json
// leaves raw but a terminal obeys or that reorder a line: DEL, the C1
// controls and the bidirectional embeddings, overrides and isolates. They
// only occur inside JSON strings, where the escape means the same
// character, so the file decodes to the same session and is safe to print.
func escapeInvisible(b []byte) []byte {
	invisible := func(r rune) bool {
		return (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
	}
	if bytes.IndexFunc(b, invisible) < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if invisible(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

// Decode reads a .boussole file strictly: size, UTF-8, nesting depth,
// format tag, unknown fields, types, required fields, enum values and the
// seals of signed revisions. Every failure is KindInvalid with a message
// naming what and where.
func Decode(data []byte) (*workshop.Session, error) {
	if len(data) > MaxFileSize {
		return nil, workshop.Errorf(workshop.KindInvalid, "file is too large (%.1f MB; a Boussole file is at most %d MB)", float64(len(data))/(1<<20), MaxFileSize>>20)
	}
	if !utf8.Valid(data) {
		off := invalidUTF8At(data)
		return nil, workshop.Errorf(workshop.KindInvalid, "file is not valid UTF-8 text: invalid byte at offset %d (%s)", off, lineCol(data, off))
	}
	if off, deep := tooDeep(data); deep {
		return nil, workshop.Errorf(workshop.KindInvalid, "file nests more than %d levels deep (%s)", MaxDepth, lineCol(data, off))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, workshop.Errorf(workshop.KindInvalid, "file is empty")
	}

	// The format first, leniently: a boussole/2 file has fields this
	// version does not know, and the useful message is "update".
	var head struct {
		Format *json.RawMessage `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(data, err, -1)
	}
	if err := checkFormat(head.Format); err != nil {
		return nil, err
	}

	var f fileV1
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, jsonError(data, err, dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, workshop.Errorf(workshop.KindInvalid, "unexpected data after the session (%s)", lineCol(data, dec.InputOffset()))
	}
	if err := validate(&f.sessionRecordV1); err != nil {
		return nil, err
	}
	// Ids are checked on the way in only: Export writes what the store holds.
	if !workshop.ValidID(f.ID) {
		return nil, workshop.Errorf(workshop.KindInvalid, "\"id\" is %s, expected 16 characters 0-9 and a-f (the form Boussole gives session ids)", quoteShort(f.ID))
	}
	if f.PreviousID != "" && !workshop.ValidID(f.PreviousID) {
		return nil, workshop.Errorf(workshop.KindInvalid, "\"previousId\" is %s, expected 16 characters 0-9 and a-f (the id of the session it follows)", quoteShort(f.PreviousID))
	}
	if f.Format == FormatV1 {
		if err := onlyV1Fields(&f.sessionRecordV1); err != nil {
			return nil, err
		}
	}
	// Every cryptographic signature verifies (from whatever installation);
	// the records without one are marked unverified, never signed.
	sess := fromRecord(&f.sessionRecordV1)
	if err := workshop.CheckImportedSignatures(sess); err != nil {
		return nil, err
	}
	return sess, nil
}

// onlyV1Fields refuses, in a boussole/1 file, the fields boussole/2 added
// to sign-off records: a file says which format it is.
func onlyV1Fields(r *sessionRecordV1) error {
	for i, rev := range r.Revisions {
		for j, sg := range rev.Signatures {
			if sg.PublicKey != nil || sg.KeySig != nil || sg.Unverified {
				return workshop.Errorf(workshop.KindInvalid, "revisions[%d].signatures[%d] has publicKey, keySignature or unverified, which format %q does not have (they came with %q)", i, j, FormatV1, Format)
			}
		}
		for j, d := range rev.Declines {
			if d.Seal != "" || d.PublicKey != nil || d.KeySig != nil || d.Unverified {
				return workshop.Errorf(workshop.KindInvalid, "revisions[%d].declines[%d] has seal, publicKey, keySignature or unverified, which format %q does not have (they came with %q)", i, j, FormatV1, Format)
			}
		}
	}
	return nil
}

func checkFormat(raw *json.RawMessage) error {
	if raw == nil {
		return workshop.Errorf(workshop.KindInvalid, "not a Boussole file: the \"format\" field is missing (expected %q)", Format)
	}
	var v string
	if err := json.Unmarshal(*raw, &v); err != nil {
		return workshop.Errorf(workshop.KindInvalid, "not a Boussole file: \"format\" is %s, expected the text %q", *raw, Format)
	}
	if v == Format || v == FormatV1 {
		return nil
	}
	if n, ok := strings.CutPrefix(v, "boussole/"); ok {
		if k, err := strconv.Atoi(n); err == nil && k > 2 {
			return workshop.Errorf(workshop.KindInvalid, "format %q needs a newer Boussole (this one reads %q); update Boussole", v, Format)
		}
	}
	return workshop.Errorf(workshop.KindInvalid, "unknown format %q (expected %q)", v, Format)
}

// quoteShort quotes a value read from a file for a message: escaped (no
// control character reaches the terminal) and cut after 40 characters.
func quoteShort(v string) string {
	if r := []rune(v); len(r) > 40 {
		return strconv.Quote(string(r[:40])) + "…"
	}
	return strconv.Quote(v)
}

// jsonError turns a decoding error into a sentence with a line and column.
func jsonError(data []byte, err error, at int64) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var b64 base64.CorruptInputError
	switch {
	case errors.As(err, &b64):
		// The decoder does not say which value: the records' keys and
		// signatures are the only base64 of a Boussole file.
		return workshop.Errorf(workshop.KindInvalid, "a \"publicKey\" or \"keySignature\" of a signature or a decline is not base64 text (its byte %d)", int64(b64))
	case errors.As(err, &syn):
		// Offset counts the bytes read, the offending one included.
		return workshop.Errorf(workshop.KindInvalid, "not valid JSON at %s: %s", lineCol(data, syn.Offset-1), syn.Error())
	case errors.As(err, &typ):
		if typ.Field == "" {
			return workshop.Errorf(workshop.KindInvalid, "a Boussole file holds one JSON object, found %s (%s)", typ.Value, lineCol(data, typ.Offset))
		}
		field := strings.TrimPrefix(typ.Field, "sessionRecordV1.")
		return workshop.Errorf(workshop.KindInvalid, "field %q at %s: expected %s, found %s", field, lineCol(data, typ.Offset), jsonTypeName(typ.Type.String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return workshop.Errorf(workshop.KindInvalid, "the file ends too early: the JSON is incomplete")
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if name, ok := strings.CutPrefix(msg, "unknown field "); ok {
		// The decoder does not say where; the key's first use as a key does.
		if loc := regexp.MustCompile(regexp.QuoteMeta(name) + `\s*:`).FindIndex(data); loc != nil {
			at = int64(loc[0])
		}
		return workshop.Errorf(workshop.KindInvalid, "unknown field %s at %s (this version of Boussole does not know it)", name, lineCol(data, at))
	}
	if at >= 0 {
		return workshop.Errorf(workshop.KindInvalid, "%s (%s)", msg, lineCol(data, at))
	}
	return workshop.Errorf(workshop.KindInvalid, "%s", msg)
}

// jsonTypeName says a Go type of the record in JSON words.
func jsonTypeName(goType string) string {
	switch {
	case goType == "[]uint8":
		return "a base64 text"
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case strings.HasPrefix(goType, "map["), strings.HasPrefix(goType, "storage."), goType == "struct {}":
		return "an object"
	case goType == "string", goType == "time.Time":
		return "a text"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "float"):
		return "a whole number"
	}
	return goType
}

// lineCol says where offset is, as "line L, column C" (1-based, columns in
// characters).
func lineCol(data []byte, offset int64) string {
	if offset < 0 {
		offset = 0
	}
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	col := utf8.RuneCount(before[start:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}

func invalidUTF8At(data []byte) int64 {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return int64(i)
		}
		i += n
	}
	return int64(len(data))
}

// tooDeep scans the bytes for object/array nesting beyond MaxDepth,
// before the decoder is allowed to recurse into it.
func tooDeep(data []byte) (offset int64, deep bool) {
	depth := 0
	inString, escaped := false, false
	for i, c := range data {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
			if depth > MaxDepth {
				return int64(i), true
			}
		case '}', ']':
			depth--
		}
	}
	return 0, false
}

// enums are the accepted values of the string constants; "" means unset
// (a draft may leave a choice open). Units are open: any text is a custom unit.
var enums = map[string][]string{
	"function":   enumOf(workshop.Functions),
	"purpose":    enumOf(workshop.Purposes),
	"kind":       enumOf([]workshop.KPIKind{workshop.KindResult, workshop.KindEffort}),
	"targetType": enumOf(workshop.TargetTypes),
	"frequency":  enumOf(workshop.Frequencies),
	"role":       enumOf(workshop.Roles),
	"dimension":  enumOf(workshop.Dimensions),
	"cadence":    enumOf(workshop.Cadences),
	"ritualKind": enumOf([]workshop.RitualKind{workshop.RitualWeeklySync, workshop.RitualMonthlyReview, workshop.RitualQBR, workshop.RitualCustom}),
	"type":       enumOf(workshop.DecisionTypes),
	"cardKind":   enumOf([]workshop.CardKind{workshop.CardObjective, workshop.CardKPI, workshop.CardSideEffect}),
}

func enumOf[T ~string](vs []T) []string {
	out := []string{""}
	for _, v := range vs {
		out = append(out, string(v))
	}
	return out
}

// validate checks what the types cannot: required fields, numbering, enum
// values, ranges, the order of revisions (only the last may be a draft) and
// their sign-off (workshop.CheckSignedRevision: a signed revision's content
// still has its seal, is free of errors and is signed by its approvers only).
func validate(r *sessionRecordV1) error {
	bad := func(format string, args ...any) error {
		return workshop.Errorf(workshop.KindInvalid, format, args...)
	}
	oneOf := func(path, enum, v string) error {
		if slices.Contains(enums[enum], v) {
			return nil
		}
		return bad("%s: unknown value %q (expected one of %s)", path, v, strings.Join(enums[enum][1:], ", "))
	}
	if r.ID == "" {
		return bad("required field \"id\" is missing or empty")
	}
	if len(r.ID) > maxIDLen {
		return bad("\"id\" is longer than %d bytes", maxIDLen)
	}
	if len(r.Revisions) == 0 {
		return bad("required field \"revisions\" is missing or empty: a session has at least one revision")
	}
	for i := range r.Revisions {
		rev := &r.Revisions[i]
		at := fmt.Sprintf("revisions[%d]", i)
		if rev.Number != i+1 {
			return bad("%s.number is %d, expected %d (revisions are numbered 1, 2, … in order)", at, rev.Number, i+1)
		}
		if rev.Status != string(workshop.StatusDraft) && rev.Status != string(workshop.StatusSigned) {
			return bad("%s.status: unknown value %q (expected draft or signed)", at, rev.Status)
		}
		c := &rev.Charter
		if !c.Title.Set {
			return bad("%s.charter: required field \"title\" is missing", at)
		}
		if c.Lang != string(workshop.FR) && c.Lang != string(workshop.EN) {
			return bad("%s.charter.lang: unknown value %q (expected fr or en)", at, c.Lang)
		}
		if rev.Status == string(workshop.StatusSigned) {
			if rev.Seal == "" {
				return bad("revision %d is signed but has no seal", rev.Number)
			}
		}
		if rev.Status != string(workshop.StatusSigned) && i < len(r.Revisions)-1 {
			return bad("%s is a draft but revision %d follows it: only the last revision may be a draft (a revision is amended only once signed)", at, i+2)
		}
		// A participant id names one person: two with one id, or a role
		// held by an id nobody has, would make who approves (and so who
		// must sign) depend on which one a lookup meets first.
		ids := map[string]int{}
		for j, p := range c.Participants {
			if err := oneOf(fmt.Sprintf("%s.charter.participants[%d].function", at, j), "function", p.Function); err != nil {
				return err
			}
			if p.ID == "" {
				return bad("%s.charter.participants[%d]: required field \"id\" is missing or empty", at, j)
			}
			if k, dup := ids[p.ID]; dup {
				return bad("%s.charter.participants[%d] and participants[%d] have the same id %s: each participant has its own", at, k, j, quoteShort(p.ID))
			}
			ids[p.ID] = j
		}
		for j, a := range c.Roles {
			if _, known := ids[a.ParticipantID]; !known {
				return bad("%s.charter.roles[%d] is held by participant %s, who is not in the charter's participants", at, j, quoteShort(a.ParticipantID))
			}
		}
		if err := oneOf(at+".charter.intent.purpose", "purpose", c.Intent.Purpose); err != nil {
			return err
		}
		for j, k := range c.KPIs {
			p := fmt.Sprintf("%s.charter.kpis[%d].", at, j)
			for _, e := range [][3]string{{"kind", "kind", k.Kind}, {"targetType", "targetType", k.TargetType}, {"frequency", "frequency", k.Frequency}} {
				if err := oneOf(p+e[0], e[1], e[2]); err != nil {
					return err
				}
			}
		}
		for j, a := range c.Roles {
			if err := oneOf(fmt.Sprintf("%s.charter.roles[%d].role", at, j), "role", a.Role); err != nil {
				return err
			}
		}
		for j, cs := range c.Cascades {
			if err := oneOf(fmt.Sprintf("%s.charter.cascades[%d].dimension", at, j), "dimension", cs.Dimension); err != nil {
				return err
			}
		}
		for j, rt := range c.Rituals {
			p := fmt.Sprintf("%s.charter.rituals[%d].", at, j)
			if err := oneOf(p+"kind", "ritualKind", rt.Kind); err != nil {
				return err
			}
			if err := oneOf(p+"cadence", "cadence", rt.Cadence); err != nil {
				return err
			}
			if rt.Weekday < 0 || rt.Weekday > 6 {
				return bad("%sweekday is %d, expected 0 (Sunday) to 6 (Saturday)", p, rt.Weekday)
			}
			if rt.Minutes < 0 {
				return bad("%sminutes is %d, expected 0 or more", p, rt.Minutes)
			}
		}
		for j, d := range c.Decisions {
			if err := oneOf(fmt.Sprintf("%s.charter.decisions[%d].type", at, j), "type", d.Type); err != nil {
				return err
			}
		}
		for j, d := range rev.LateDecisions {
			if err := oneOf(fmt.Sprintf("%s.lateDecisions[%d].type", at, j), "type", d.Type); err != nil {
				return err
			}
		}
	}
	// The sign-off last, on the domain's own values: every enum is known by now.
	for i := range r.Revisions {
		rev := fromRevision(&r.Revisions[i])
		if err := workshop.CheckSignedRevision(&rev); err != nil {
			return err
		}
	}
	for j, cd := range r.Board.Cards {
		if err := oneOf(fmt.Sprintf("board.cards[%d].kind", j), "cardKind", cd.Kind); err != nil {
			return err
		}
		for who, n := range cd.Votes {
			if n < 0 {
				return bad("board.cards[%d].votes[%q] is %d, expected 0 or more", j, who, n)
			}
		}
	}
	if r.Board.VotesPerParticipant < 0 || r.Board.CapPerCard < 0 {
		return bad("board: votesPerParticipant and capPerCard must be 0 or more")
	}
	if err := validateCheckIns(r.CheckIns); err != nil {
		return err
	}
	return nil
}

// Import decodes a .boussole file and stores its session, keeping its id
// when no stored session has it and giving it a new one otherwise. Nothing
// is written unless the whole file decodes.
func (s *Store) Import(data []byte) (id string, err error) {
	if err := s.writable(); err != nil {
		return "", err
	}
	sess, err := Decode(data)
	if err != nil {
		return "", err
	}
	err = s.update(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketSessions); b != nil {
			for b.Get([]byte(sess.ID)) != nil {
				sess.ID = workshop.NewID()
			}
		}
		rec, sum, err := encodeSession(sess)
		if err != nil {
			return err
		}
		if err := putTx(tx, sess.ID, rec, sum); err != nil {
			return err
		}
		return putCheckInsTx(tx, sess)
	})
	if err != nil {
		return "", storeError(s.path, err, "cannot import the session")
	}
	return sess.ID, nil
}
