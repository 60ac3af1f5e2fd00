package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// rawValue returns a copy of bucket/key's bytes.
func rawValue(t testing.TB, s *Store, bucket []byte, key string) []byte {
	t.Helper()
	var out []byte
	_ = s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucket); b != nil {
			out = bytes.Clone(b.Get([]byte(key)))
		}
		return nil
	})
	return out
}

// TestMigration_2_MovesCheckInsToTheirBucket starts from a schema-1 store
// whose session records hold their check-ins (two of them sharing an id,
// which schema 1 let an import through).
func TestMigration_2_MovesCheckInsToTheirBucket(t *testing.T) {
	saved := migrations
	dir := t.TempDir()
	migrations = saved[:1:1]
	s := openAt(t, dir, Options{Now: fixedNow})
	closeNow(t, s)
	migrations = saved

	sess := richSession("old")
	for i := range sess.CheckIns {
		sess.CheckIns[i].RecordedAt = time.Time{} // schema 1 did not keep it
	}
	sess.CheckIns = append(sess.CheckIns, workshop.CheckIn{ID: "ci2", KPIID: "k4", Date: "2027-02-02", Value: "23", Confidence: 0})
	db, err := bolt.Open(filepath.Join(dir, FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := json.Marshal(toRecord(sess))
	sum, _ := json.Marshal(toSummary(sess.Summary()))
	if err := db.Update(func(tx *bolt.Tx) error { return putTx(tx, sess.ID, rec, sum) }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s = openAt(t, dir, Options{Now: fixedNow})
	if v, _ := s.SchemaVersion(); v != 2 {
		t.Fatalf("schema %d, want 2", v)
	}
	var r sessionRecordV1
	if err := json.Unmarshal(rawValue(t, s, bucketSessions, "old"), &r); err != nil || len(r.CheckIns) != 0 {
		t.Fatalf("the record still holds %d check-ins (%v)", len(r.CheckIns), err)
	}
	got, err := s.Get("old")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.CheckIns) != 4 {
		t.Fatalf("%d check-ins after the migration, want 4: %+v", len(got.CheckIns), got.CheckIns)
	}
	// In their order, the one sharing an id renamed, nothing else changed.
	renamed := got.CheckIns[3]
	if renamed.ID == "ci2" || renamed.Value != "23" || renamed.NoConfidence {
		t.Fatalf("the duplicate id was not renamed or changed: %+v", renamed)
	}
	renamed.ID = "ci2"
	got.CheckIns[3] = renamed
	if !reflect.DeepEqual(got.CheckIns, sess.CheckIns) {
		t.Fatalf("check-ins changed:\n got %+v\nwant %+v", got.CheckIns, sess.CheckIns)
	}
	// Revision 1 is signed: the home list has its digest.
	att, err := s.Attention(time.Date(2027, 2, 3, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if a := att["old"]; !a.Tracked || a.Status == "" {
		t.Fatalf("attention %+v", att)
	}
}

// TestCheckIns_AddWritesKeysNotTheSession_Issue13_1: adding check-ins writes
// new keys only (the session record and its summary are byte-identical),
// all or nothing, and Get gives them back in the order entered.
func TestCheckIns_AddWritesKeysNotTheSession_Issue13_1(t *testing.T) {
	fail := false
	s := openAt(t, t.TempDir(), Options{Now: fixedNow, FailCommit: func() error {
		if fail {
			return errors.New("disk full")
		}
		return nil
	}})
	sess := richSession("abcdef0123456789")
	if err := s.Put(sess); err != nil {
		t.Fatal(err)
	}
	rec, sum := rawValue(t, s, bucketSessions, sess.ID), rawValue(t, s, bucketSummaries, sess.ID)
	now := time.Date(2027, 2, 10, 9, 0, 0, 0, time.UTC)
	var added []workshop.CheckIn
	for i := range 5 {
		ci, err := sess.NewCheckIn(workshop.CheckInInput{KPI: "Deals signés", Value: fmt.Sprintf("2%d", i), Date: fmt.Sprintf("2027-02-0%d", i+1)}, now.Add(time.Duration(i)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		added = append(added, ci)
	}
	if err := s.AddCheckIns(sess.ID, added[:2]); err != nil {
		t.Fatal(err)
	}
	if err := s.AddCheckIns(sess.ID, added[2:]); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(rec, rawValue(t, s, bucketSessions, sess.ID)) || !bytes.Equal(sum, rawValue(t, s, bucketSummaries, sess.ID)) {
		t.Fatal("adding check-ins rewrote the session record or its summary")
	}
	got, err := s.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := append(append([]workshop.CheckIn{}, sess.CheckIns...), added...)
	if !reflect.DeepEqual(got.CheckIns, want) {
		t.Fatalf("check-ins\n got %+v\nwant %+v", got.CheckIns, want)
	}

	before := fileSum(t, s.Path())
	// A batch with a duplicate id, a correction of another KPI's check-in,
	// an unknown session, or a failing disk stores nothing.
	dup := added[0]
	wrong := added[1]
	wrong.ID, wrong.KPIID, wrong.Supersedes = "new", "k2", added[0].ID
	for name, tc := range map[string]struct {
		id   string
		cis  []workshop.CheckIn
		kind workshop.ErrorKind
	}{
		"duplicate":      {sess.ID, []workshop.CheckIn{{ID: "fresh", KPIID: "k4", Date: "2027-02-09", Value: "1"}, dup}, workshop.KindConflict},
		"other KPI":      {sess.ID, []workshop.CheckIn{wrong}, workshop.KindInvalid},
		"unknown":        {"nope", added[:1], workshop.KindNotFound},
		"failing commit": {sess.ID, []workshop.CheckIn{{ID: "fresh", KPIID: "k4", Date: "2027-02-09", Value: "1"}}, workshop.KindInternal},
	} {
		fail = name == "failing commit"
		wantKind(t, s.AddCheckIns(tc.id, tc.cis), tc.kind)
		fail = false
		if fileSum(t, s.Path()) != before {
			t.Fatalf("%s: the store changed", name)
		}
	}

	// A full Put of the session (an edit of the charter) keeps them all
	// and adds none twice; Delete removes them with the session.
	got.Updated = got.Updated.Add(time.Hour)
	if err := s.Put(got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Get(sess.ID)
	if len(again.CheckIns) != len(want) {
		t.Fatalf("%d check-ins after a Put, want %d", len(again.CheckIns), len(want))
	}
	if err := s.Delete(sess.ID); err != nil {
		t.Fatal(err)
	}
	_ = s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketCheckIns).Bucket([]byte(sess.ID)) != nil || tx.Bucket(bucketTracking).Get([]byte(sess.ID)) != nil {
			t.Error("Delete left the check-ins or the digest")
		}
		return nil
	})
}

// TestCheckIns_ExportImportKeepsThem_Issue13_1: every field, the superseded
// one included, survives export → import → export, byte for byte.
func TestCheckIns_ExportImportKeepsThem_Issue13_1(t *testing.T) {
	s := openTest(t)
	sess := richSession("0123456789abcdef")
	if err := s.Put(sess); err != nil {
		t.Fatal(err)
	}
	ci, err := sess.NewCheckIn(workshop.CheckInInput{KPI: "k1", Value: "57", Date: "31/01/2027", Confidence: "0", Note: "corrigé"}, time.Date(2027, 2, 2, 7, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if ci.Supersedes != "ci3" {
		t.Fatalf("the correction supersedes %q, want ci3 (the last of that day)", ci.Supersedes)
	}
	if err := s.AddCheckIns(sess.ID, []workshop.CheckIn{ci}); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Get(sess.ID)
	first, err := Export(stored)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Import(first)
	if err != nil {
		t.Fatal(err)
	}
	imported, _ := s.Get(id)
	imported.ID = sess.ID
	second, _ := Export(imported)
	if !bytes.Equal(first, second) {
		t.Fatalf("export → import → export differs:\n%s\n---\n%s", first, second)
	}
	if len(imported.CheckIns) != 4 || imported.CheckIns[3].Confidence != 0 || imported.CheckIns[3].NoConfidence || !imported.CheckIns[2].NoConfidence {
		t.Fatalf("%+v", imported.CheckIns)
	}
	// A file whose correction names no earlier check-in of its KPI is refused.
	bad := bytes.Replace(first, []byte(`"supersedes": "ci1"`), []byte(`"supersedes": "ci2"`), 1)
	if _, err := Decode(bad); err == nil || !bytes.Contains([]byte(err.Error()), []byte("checkIns[2].supersedes")) {
		t.Fatalf("bad correction: %v", err)
	}
}

// TestAttention_FollowsCheckIns_Issue13_4: the home list's digest follows
// each added check-in without reading the session.
func TestAttention_FollowsCheckIns_Issue13_4(t *testing.T) {
	s := openTest(t)
	sess := richSession("00000000000000aa")
	sess.CheckIns = nil
	if err := s.Put(sess); err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2027, 2, 15, 12, 0, 0, 0, time.UTC)
	att, _ := s.Attention(asOf)
	if a := att[sess.ID]; a.Status != workshop.StatusNoData || a.Overdue != 3 { // the quarterly KPI is due on 2 April
		t.Fatalf("before any check-in: %+v", a)
	}
	add := func(kpi, value, date string) {
		t.Helper()
		cur, _ := s.Get(sess.ID)
		ci, err := cur.NewCheckIn(workshop.CheckInInput{KPI: kpi, Value: value, Date: date}, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddCheckIns(sess.ID, []workshop.CheckIn{ci}); err != nil {
			t.Fatal(err)
		}
	}
	add("k1", "61", "2027-02-14") // decrease 62 → 53, alert 60: alert
	add("k2", "70 %", "2027-02-14")
	add("k3", "11 %", "2027-02-14")
	add("k4", "25", "2027-02-14")
	att, _ = s.Attention(asOf)
	if a := att[sess.ID]; a.Status != workshop.StatusAlert || a.Overdue != 0 {
		t.Fatalf("with an alert: %+v", a)
	}
	add("k1", "55", "2027-02-14") // the correction of the same day
	att, _ = s.Attention(asOf)
	full, _ := s.Get(sess.ID)
	if a, b := att[sess.ID], workshop.AttentionOf(full, asOf); a != b || a.Status != workshop.StatusOnTrack {
		t.Fatalf("digest %+v, from the whole session %+v", a, b)
	}
}

// TestCheck_FindsDamagedCheckIns_Issue13_1: the integrity check walks the
// check-ins: a value that does not decode, or check-ins of no session,
// are reported.
func TestCheck_FindsDamagedCheckIns_Issue13_1(t *testing.T) {
	s, err := Open(t.TempDir(), Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Put(richSession("00000000000000cc")); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCheckIns).Bucket([]byte("00000000000000cc"))
		k, _ := b.Cursor().First()
		if err := b.Put(k, []byte("{not json")); err != nil {
			return err
		}
		orphan, err := tx.Bucket(bucketCheckIns).CreateBucket([]byte("ghost"))
		if err != nil {
			return err
		}
		return orphan.Put([]byte("x"), []byte("{}"))
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Check()
	wantKind(t, err, workshop.KindCorrupt)
	for _, want := range []string{"does not decode", `check-ins of "ghost" have no session`} {
		if !bytes.Contains([]byte(err.Error()), []byte(want)) {
			t.Errorf("check says %q, lacking %q", err, want)
		}
	}
}
