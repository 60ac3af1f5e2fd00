package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// Check-ins live in their own bucket, outside the session record, so that
// adding one writes one small key instead of the whole session (PRODUCT.md
// §5; schema 2). Layout:
//
//	checkins/<session id>/<key> → checkInV1 as JSON
//	key = KPI id length (2 bytes, big-endian) | KPI id | recorded-at | check-in id
//
// recorded-at is checkInTimeLayout in UTC, fixed width, so keys sort by KPI
// then by the time each check-in was entered. A check-in entered before
// Boussole kept that time sorts first, by its place in the session.
//
// tracking/<session id> holds the digest the home list needs (the tracked
// charter's KPIs and the last check-in of each), so the list never decodes
// a session or its check-ins.
var (
	bucketCheckIns = []byte("checkins")
	bucketTracking = []byte("tracking")
)

const checkInTimeLayout = "2006-01-02T15:04:05.000000000Z"

// maxCheckInKPILen bounds the KPI id in a key (bbolt keys may be 32 KB).
const maxCheckInKPILen = 1000

func checkInKey(ci *workshop.CheckIn, place int) []byte {
	kpi := truncKPI(ci.KPIID)
	at := ci.RecordedAt.UTC().Format(checkInTimeLayout)
	if ci.RecordedAt.IsZero() {
		at = fmt.Sprintf("0000-00-00T00:00:00.%09dZ", place)
	}
	k := make([]byte, 0, 2+len(kpi)+len(at)+len(ci.ID))
	k = binary.BigEndian.AppendUint16(k, uint16(len(kpi)))
	k = append(k, kpi...)
	k = append(k, at...)
	return append(k, ci.ID...)
}

// splitKey cuts a check-in key into its KPI id, time and check-in id; ok
// is false for a key of another shape (a damaged store).
func splitKey(k []byte) (kpi, at, id []byte, ok bool) {
	if len(k) < 2 {
		return nil, nil, nil, false
	}
	n := 2 + int(binary.BigEndian.Uint16(k))
	if n+len(checkInTimeLayout) > len(k) {
		return nil, nil, nil, false
	}
	return k[2:n], k[n : n+len(checkInTimeLayout)], k[n+len(checkInTimeLayout):], true
}

// checkInIDOf returns the check-in id at the end of a key.
func checkInIDOf(k []byte) []byte {
	_, _, id, _ := splitKey(k)
	return id
}

func toCheckIn(c workshop.CheckIn) checkInV1 {
	r := checkInV1{ID: c.ID, KPIID: c.KPIID, Date: string(c.Date), Value: c.Value, Note: c.Note, Author: c.Author, RecordedAt: c.RecordedAt.UTC(), Supersedes: c.Supersedes}
	if c.RecordedAt.IsZero() {
		r.RecordedAt = time.Time{}
	}
	if !c.NoConfidence {
		n := c.Confidence
		r.Confidence = &n
	}
	return r
}

func fromCheckIn(c checkInV1) workshop.CheckIn {
	ci := workshop.CheckIn{ID: c.ID, KPIID: c.KPIID, Date: workshop.Date(c.Date), Value: c.Value, Note: c.Note, Author: c.Author, RecordedAt: c.RecordedAt, Supersedes: c.Supersedes, NoConfidence: c.Confidence == nil}
	if c.Confidence != nil {
		ci.Confidence = *c.Confidence
	}
	return ci
}

// checkInsTx reads the check-ins of session id, in the order they were
// entered.
func checkInsTx(tx *bolt.Tx, path, id string) ([]workshop.CheckIn, error) {
	top := tx.Bucket(bucketCheckIns)
	if top == nil {
		return nil, nil
	}
	b := top.Bucket([]byte(id))
	if b == nil {
		return nil, nil
	}
	type entry struct {
		at string // the key's time: the order entered
		ci workshop.CheckIn
	}
	var all []entry
	err := b.ForEach(func(k, v []byte) error {
		var r checkInV1
		if err := json.Unmarshal(v, &r); err != nil {
			return corrupt(path, fmt.Errorf("check-in %q of session %q: %w", checkInIDOf(k), id, err))
		}
		_, at, _, _ := splitKey(k)
		all = append(all, entry{string(at), fromCheckIn(r)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Keys sort by KPI, then by the time entered; the session's history
	// runs by the time entered across KPIs (the ones from before schema 2
	// first, by their place in the session).
	slices.SortStableFunc(all, func(a, b entry) int { return strings.Compare(a.at, b.at) })
	out := make([]workshop.CheckIn, len(all))
	for i, e := range all {
		out[i] = e.ci
	}
	return out, nil
}

// putCheckInsTx stores the check-ins of sess that the store does not hold
// yet (append-only: a stored check-in is never rewritten nor removed here)
// and refreshes the session's tracking digest.
func putCheckInsTx(tx *bolt.Tx, sess *workshop.Session) error {
	if len(sess.CheckIns) > 0 {
		top, err := tx.CreateBucketIfNotExists(bucketCheckIns)
		if err != nil {
			return err
		}
		b, err := top.CreateBucketIfNotExists([]byte(sess.ID))
		if err != nil {
			return err
		}
		have := map[string]bool{}
		if err := b.ForEach(func(k, _ []byte) error { have[string(checkInIDOf(k))] = true; return nil }); err != nil {
			return err
		}
		for i := range sess.CheckIns {
			ci := &sess.CheckIns[i]
			if have[ci.ID] {
				continue
			}
			v, err := json.Marshal(toCheckIn(*ci))
			if err != nil {
				return err
			}
			if err := b.Put(checkInKey(ci, i), v); err != nil {
				return err
			}
			have[ci.ID] = true
		}
	}
	return putTrackingTx(tx, sess)
}

// deleteCheckInsTx removes a session's check-ins and digest with it.
func deleteCheckInsTx(tx *bolt.Tx, id string) error {
	if top := tx.Bucket(bucketCheckIns); top != nil && top.Bucket([]byte(id)) != nil {
		if err := top.DeleteBucket([]byte(id)); err != nil {
			return err
		}
	}
	if b := tx.Bucket(bucketTracking); b != nil {
		return b.Delete([]byte(id))
	}
	return nil
}

// AddCheckIns appends check-ins to session id: each is checked against the
// session's stored check-ins (new ids, corrections of a check-in of the
// same KPI: workshop.AddCheckIns) and all are written in one transaction,
// or none. Only the new keys and the session's small tracking digest are
// written: the session record is neither read nor rewritten. Callers make
// the check-ins with Session.NewCheckIn, which checks them against the
// charter.
func (s *Store) AddCheckIns(id string, cis []workshop.CheckIn) error {
	if err := s.writable(); err != nil {
		return err
	}
	if s.db == nil {
		return workshop.Errorf(workshop.KindNotFound, "there is no session with id %q", id)
	}
	vals := make([][]byte, len(cis))
	for i := range cis {
		v, err := json.Marshal(toCheckIn(cis[i]))
		if err != nil {
			return workshop.Wrap(workshop.KindInternal, err, "cannot encode check-in %q", cis[i].ID)
		}
		vals[i] = v
	}
	err := s.update(func(tx *bolt.Tx) error {
		if sb := tx.Bucket(bucketSessions); sb == nil || id == "" || len(id) > maxIDLen || sb.Get([]byte(id)) == nil {
			return workshop.Errorf(workshop.KindNotFound, "there is no session with id %q", id)
		}
		top, err := tx.CreateBucketIfNotExists(bucketCheckIns)
		if err != nil {
			return err
		}
		b, err := top.CreateBucketIfNotExists([]byte(id))
		if err != nil {
			return err
		}
		// The keys hold each stored check-in's KPI and id: enough to check
		// the new ones without decoding a single value.
		// Sized once: growing a slice of check-ins key by key copied
		// most of the commit's time away with 800 stored.
		n := b.Stats().KeyN
		known := workshop.Session{CheckIns: make([]workshop.CheckIn, 0, n+len(cis))}
		err = b.ForEach(func(k, _ []byte) error {
			kpi, _, cid, ok := splitKey(k)
			if !ok {
				return corrupt(s.path, fmt.Errorf("check-ins of session %q: a key of another shape", id))
			}
			known.CheckIns = append(known.CheckIns, workshop.CheckIn{KPIID: string(kpi), ID: string(cid)})
			return nil
		})
		if err != nil {
			return err
		}
		base := len(known.CheckIns)
		if err := known.AddCheckIns(cis...); err != nil {
			return err
		}
		for i := range cis {
			if err := b.Put(checkInKey(&cis[i], base+i), vals[i]); err != nil {
				return err
			}
		}
		return updateTrackingTx(tx, s.path, id, cis)
	})
	if err != nil {
		return storeError(s.path, err, "cannot save the check-ins of session %q", id)
	}
	return nil
}

// trackingV1 is the digest of a signed charter the home list computes its
// status and overdue count from: the tracked revision's period, language
// and KPIs, and each KPI's last effective check-in.
type trackingV1 struct {
	Lang   string          `json:"lang"`
	Period periodV1        `json:"period"`
	KPIs   []trackingKPIV1 `json:"kpis"`
	Last   []checkInV1     `json:"last"`
}

type trackingKPIV1 struct {
	ID         string `json:"id"`
	TargetType string `json:"targetType"`
	Baseline   string `json:"baseline"`
	Target     string `json:"target"`
	Alert      string `json:"alert"`
	Frequency  string `json:"frequency"`
}

func (d *trackingV1) charter() workshop.Charter {
	c := workshop.Charter{Lang: workshop.Lang(d.Lang), Period: workshop.Period{Label: d.Period.Label, Start: workshop.Date(d.Period.Start), End: workshop.Date(d.Period.End)}}
	for _, k := range d.KPIs {
		c.KPIs = append(c.KPIs, workshop.KPI{ID: k.ID, TargetType: workshop.TargetType(k.TargetType), Baseline: k.Baseline, Target: k.Target, Alert: k.Alert, Frequency: workshop.Frequency(k.Frequency)})
	}
	return c
}

func putTrackingTx(tx *bolt.Tx, sess *workshop.Session) error {
	r := sess.TrackedRevision()
	b, err := tx.CreateBucketIfNotExists(bucketTracking)
	if err != nil {
		return err
	}
	if !r.Frozen() {
		return b.Delete([]byte(sess.ID))
	}
	c := &r.Charter
	d := trackingV1{Lang: string(c.Lang), Period: periodV1{Label: c.Period.Label, Start: string(c.Period.Start), End: string(c.Period.End)}, KPIs: []trackingKPIV1{}, Last: []checkInV1{}}
	eff := workshop.EffectiveCheckIns(sess.CheckIns)
	for _, k := range c.KPIs {
		d.KPIs = append(d.KPIs, trackingKPIV1{ID: k.ID, TargetType: string(k.TargetType), Baseline: k.Baseline, Target: k.Target, Alert: k.Alert, Frequency: string(k.Frequency)})
		if pts := workshop.SeriesOf(eff, k.ID, c.Lang); len(pts) > 0 {
			d.Last = append(d.Last, toCheckIn(pts[len(pts)-1].CheckIn))
		}
	}
	v, err := json.Marshal(d)
	if err != nil {
		return err
	}
	if old := b.Get([]byte(sess.ID)); bytes.Equal(old, v) {
		return nil
	}
	return b.Put([]byte(sess.ID), v)
}

// updateTrackingTx brings the digest of session id up to date after cis
// were added: a draft has none; a new check-in dated on or after its KPI's
// last one replaces it. A correction that moves the last check-in to
// another date needs the whole series: the session is read again.
func updateTrackingTx(tx *bolt.Tx, path, id string, cis []workshop.CheckIn) error {
	b := tx.Bucket(bucketTracking)
	var old []byte
	if b != nil {
		old = b.Get([]byte(id))
	}
	if old == nil {
		return nil
	}
	var d trackingV1
	if err := json.Unmarshal(old, &d); err != nil {
		return corrupt(path, fmt.Errorf("tracking digest %q: %w", id, err))
	}
	full := false
	for _, ci := range cis {
		i := slices.IndexFunc(d.Last, func(c checkInV1) bool { return c.KPIID == ci.KPIID })
		if !slices.ContainsFunc(d.KPIs, func(k trackingKPIV1) bool { return k.ID == ci.KPIID }) {
			continue
		}
		if _, err := workshop.ParseNumber(ci.Value, workshop.Lang(d.Lang)); err != nil {
			continue
		}
		if _, ok := ci.Date.Time(); !ok {
			continue
		}
		switch {
		case i < 0:
			d.Last = append(d.Last, toCheckIn(ci))
		case ci.Supersedes == d.Last[i].ID && string(ci.Date) != d.Last[i].Date:
			full = true
		case string(ci.Date) >= d.Last[i].Date:
			d.Last[i] = toCheckIn(ci)
		}
	}
	if full {
		sess, err := getTx(tx, path, id)
		if err != nil {
			return err
		}
		return putTrackingTx(tx, sess)
	}
	v, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return b.Put([]byte(id), v)
}

// Attention returns, for every signed charter, its tracking digest as of
// asOf: status (the worst of its KPIs) and the number of overdue
// check-ins. Charters never signed are absent. It reads the tracking
// bucket only.
func (s *Store) Attention(asOf time.Time) (map[string]workshop.Attention, error) {
	out := map[string]workshop.Attention{}
	if s.db == nil {
		return out, nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTracking)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var d trackingV1
			if err := json.Unmarshal(v, &d); err != nil {
				return corrupt(s.path, fmt.Errorf("tracking digest %q: %w", k, err))
			}
			c := d.charter()
			sess := workshop.Session{Revisions: []workshop.Revision{{Number: 1, Status: workshop.StatusSigned, Charter: c}}}
			sess.CheckIns = unmapSlice(d.Last, fromCheckIn)
			out[string(k)] = workshop.AttentionOf(&sess, asOf)
			return nil
		})
	})
	if err != nil {
		return nil, storeError(s.path, err, "cannot read the tracking digests")
	}
	return out, nil
}

// migrate2 moves every session's check-ins out of its record into the
// check-ins bucket (in their order), rewrites the record without them,
// and writes the tracking digest of each signed charter.
func migrate2(tx *bolt.Tx, _ time.Time) error {
	if _, err := tx.CreateBucketIfNotExists(bucketCheckIns); err != nil {
		return err
	}
	if _, err := tx.CreateBucketIfNotExists(bucketTracking); err != nil {
		return err
	}
	sb := tx.Bucket(bucketSessions)
	if sb == nil {
		return nil
	}
	type move struct {
		id  []byte
		rec []byte
		s   *workshop.Session
	}
	var moves []move
	err := sb.ForEach(func(k, v []byte) error {
		var r sessionRecordV1
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("session %q does not decode: %w", k, err)
		}
		sess := fromRecord(&r)
		// Keys carry the id: a check-in without one, or sharing one (which
		// schema 1 let an import through), gets its own, so none is lost.
		ids := map[string]bool{}
		for i := range sess.CheckIns {
			if id := sess.CheckIns[i].ID; id == "" || ids[id] {
				sess.CheckIns[i].ID = workshop.NewID()
			}
			ids[sess.CheckIns[i].ID] = true
		}
		r.CheckIns = []checkInV1{}
		rec, err := json.Marshal(&r)
		if err != nil {
			return err
		}
		moves = append(moves, move{bytes.Clone(k), rec, sess})
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range moves { // bbolt forbids writing while iterating
		if err := sb.Put(m.id, m.rec); err != nil {
			return err
		}
		if err := putCheckInsTx(tx, m.s); err != nil {
			return err
		}
	}
	return nil
}

// validateCheckIns checks the check-ins of an interchange file: ids
// present and distinct, confidence 0–10 when given, and a correction names
// an earlier check-in of the same KPI.
func validateCheckIns(cis []checkInV1) error {
	seen := make(map[string]string, len(cis))
	for j, ci := range cis {
		switch {
		case ci.ID == "":
			return workshop.Errorf(workshop.KindInvalid, "checkIns[%d].id is empty", j)
		case seen[ci.ID] != "":
			return workshop.Errorf(workshop.KindInvalid, "checkIns[%d].id %s is used twice", j, quoteShort(ci.ID))
		case ci.Confidence != nil && (*ci.Confidence < 0 || *ci.Confidence > 10):
			return workshop.Errorf(workshop.KindInvalid, "checkIns[%d].confidence is %d, expected 0 to 10", j, *ci.Confidence)
		case ci.Supersedes != "" && seen[ci.Supersedes] != ci.KPIID+"\x00":
			return workshop.Errorf(workshop.KindInvalid, "checkIns[%d].supersedes %s is not an earlier check-in of the same KPI", j, quoteShort(ci.Supersedes))
		}
		seen[ci.ID] = ci.KPIID + "\x00"
	}
	return nil
}

// checkCheckIns is Check's walk of the check-ins: each session's bucket
// belongs to a stored session, every value decodes and sits under the key
// its KPI and id give; every tracking digest belongs to a session.
func checkCheckIns(tx *bolt.Tx, sessions *bolt.Bucket, add func(string, ...any)) error {
	if top := tx.Bucket(bucketCheckIns); top != nil {
		err := top.ForEach(func(sid, v []byte) error {
			b := top.Bucket(sid)
			if v != nil || b == nil {
				add("check-ins: %q is not a session's bucket", sid)
				return nil
			}
			if sessions.Get(sid) == nil {
				add("check-ins of %q have no session", sid)
			}
			return b.ForEach(func(k, v []byte) error {
				var r checkInV1
				if err := json.Unmarshal(v, &r); err != nil {
					add("check-in %q of session %q does not decode: %v", checkInIDOf(k), sid, err)
					return nil
				}
				if kpi, _, cid, ok := splitKey(k); !ok || string(kpi) != truncKPI(r.KPIID) || string(cid) != r.ID {
					add("check-in %q of session %q is stored under another KPI or id", r.ID, sid)
				}
				return nil
			})
		})
		if err != nil {
			return err
		}
	}
	if b := tx.Bucket(bucketTracking); b != nil {
		return b.ForEach(func(k, _ []byte) error {
			if sessions.Get(k) == nil {
				add("tracking digest %q has no session", k)
			}
			return nil
		})
	}
	return nil
}

func truncKPI(id string) string {
	if len(id) > maxCheckInKPILen {
		return id[:maxCheckInKPILen]
	}
	return id
}
