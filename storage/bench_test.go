package storage

import (
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// fillSummaries writes n sessions (record and summary) in one transaction:
// a 10,000-session fixture in well under a second.
func fillSummaries(b *testing.B, s *Store, n int) {
	b.Helper()
	base := richSession("x")
	err := s.db.Update(func(tx *bolt.Tx) error {
		for i := range n {
			base.ID = fmt.Sprintf("%016x", i)
			base.Updated = day.Add(time.Duration(i) * time.Minute)
			rec, sum, err := encodeSession(base)
			if err != nil {
				return err
			}
			if err := putTx(tx, base.ID, rec, sum); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkList10000 holds the promise "session list of 10,000 in under 50 ms".
func BenchmarkList10000(b *testing.B) {
	s := openTest(b)
	fillSummaries(b, s, 10000)
	b.ResetTimer()
	for b.Loop() {
		list, err := s.List()
		if err != nil || len(list) != 10000 {
			b.Fatalf("%d, %v", len(list), err)
		}
	}
}

// BenchmarkEditCommitRatio holds the promise "an edit committed to disk
// within 1.5× a raw single-key bbolt commit": it times, in the same run and
// the same file, Put of a full session against a raw Update of one small
// key, and reports the ratio (goal ≤ 1.5). Both are dominated by fsync.
func BenchmarkEditCommitRatio(b *testing.B) {
	s := openTest(b)
	sess := richSession("edited")
	raw := []byte(`{"v":1}`)
	var put, rawT time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		sess.Revisions[1].Charter.KPIs[0].Target = fmt.Sprint(i)
		t0 := time.Now()
		if err := s.Put(sess); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := s.db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put([]byte("bench"), raw)
		}); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		put += t1.Sub(t0)
		rawT += t2.Sub(t1)
	}
	b.ReportMetric(float64(put.Nanoseconds())/float64(b.N), "put-ns/op")
	b.ReportMetric(float64(rawT.Nanoseconds())/float64(b.N), "raw-ns/op")
	b.ReportMetric(float64(put)/float64(rawT), "ratio")
}

func BenchmarkExport(b *testing.B) {
	sess := richSession("0123456789abcdef")
	for b.Loop() {
		if _, err := Export(sess); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImport(b *testing.B) {
	s := openTest(b)
	data := mustExport(b, richSession("0123456789abcdef"))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := s.Import(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	data := mustExport(b, richSession("0123456789abcdef"))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen10000 is the store's share of the start-up time with 10,000
// sessions (no daily backup: one was taken today).
func BenchmarkOpen10000(b *testing.B) {
	dir := b.TempDir()
	s := openAt(b, dir, Options{Now: fixedNow})
	fillSummaries(b, s, 10000)
	closeNow(b, s)
	s = openAt(b, dir, Options{Now: fixedNow}) // today's backup
	closeNow(b, s)
	for b.Loop() {
		s, err := Open(dir, Options{Now: fixedNow})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkOpenDaily10000 is the first open of a day with 10,000 sessions:
// page check and backup included.
func BenchmarkOpenDaily10000(b *testing.B) {
	dir := b.TempDir()
	s := openAt(b, dir, Options{Now: fixedNow})
	fillSummaries(b, s, 10000)
	closeNow(b, s)
	for i := 0; b.Loop(); i++ {
		s, err := Open(dir, Options{Now: func() time.Time { return day.AddDate(0, 0, i+1) }})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
