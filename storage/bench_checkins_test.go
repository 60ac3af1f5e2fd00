package storage

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// BenchmarkAddCheckIn_800Stored: one check-in committed to a signed
// charter that already has 800 (issue 13: within 1.5 × a raw single-key
// bbolt commit of one check-in's size, BenchmarkRawBoltCommit_OneCheckIn).
func BenchmarkAddCheckIn_800Stored(b *testing.B) {
	s := openTest(b)
	sess := richSession("00000000000000b0")
	sess.CheckIns = nil
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	for i := range 800 {
		sess.CheckIns = append(sess.CheckIns, workshop.CheckIn{ID: fmt.Sprintf("ci%04d", i), KPIID: "k4", Date: workshop.DateOf(start.AddDate(0, 0, i*11/8)),
			Value: fmt.Sprint(20 + i%7), NoConfidence: true, RecordedAt: start.Add(time.Duration(i) * time.Hour)})
	}
	if err := s.Put(sess); err != nil {
		b.Fatal(err)
	}
	now := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	ci, err := sess.NewCheckIn(workshop.CheckInInput{KPI: "k4", Value: "25", Date: "2027-03-01", Note: "semaine 9"}, now)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ci.ID = fmt.Sprintf("new%08d", i)
		ci.RecordedAt = now.Add(time.Duration(i) * time.Second)
		ci.Supersedes = ""
		i++
		if err := s.AddCheckIns(sess.ID, []workshop.CheckIn{ci}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawBoltCommit_OneCheckIn is the reference: one key of a
// check-in's size put and committed (fsync) in a bare bbolt file.
func BenchmarkRawBoltCommit_OneCheckIn(b *testing.B) {
	db, err := bolt.Open(filepath.Join(b.TempDir(), "raw.db"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	v, _ := json.Marshal(toCheckIn(workshop.CheckIn{ID: "new00000000", KPIID: "k4", Date: "2027-03-01", Value: "25", Note: "semaine 9", NoConfidence: true, RecordedAt: time.Now()}))
	i := 0
	for b.Loop() {
		i++
		err := db.Update(func(tx *bolt.Tx) error {
			bk, err := tx.CreateBucketIfNotExists([]byte("raw"))
			if err != nil {
				return err
			}
			return bk.Put(fmt.Appendf(nil, "k4%030d", i), v)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
