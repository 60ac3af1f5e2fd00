package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// filledStore makes a closed store of n rich sessions in a fresh dir, with
// the day's backup taken (by a second open), and returns the dir.
func filledStore(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	for i := range n {
		if err := s.Put(richSession(fmt.Sprintf("s%03d", i))); err != nil {
			t.Fatal(err)
		}
	}
	closeNow(t, s)
	s = openAt(t, dir, Options{Now: fixedNow}) // first open of the day with data: backup
	closeNow(t, s)
	if b, _ := listBackups(dir); len(b) != 1 {
		t.Fatalf("backups = %v, want today's", b)
	}
	return dir
}

// wantCorruptUntouched opens dir and expects KindCorrupt in plain words,
// with the file byte-identical.
func wantCorruptUntouched(t *testing.T, dir string, opts Options) {
	t.Helper()
	path := filepath.Join(dir, FileName)
	before := fileSum(t, path)
	s, err := Open(dir, opts)
	if s != nil {
		s.Close()
	}
	wantKind(t, err, workshop.KindCorrupt)
	msg := workshop.Message(err)
	for _, w := range []string{path, "damaged", "left untouched", "Restore the latest backup"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q lacks %q", msg, w)
		}
	}
	if after := fileSum(t, path); after != before {
		t.Fatal("the damaged file was modified")
	}
}

func pageSize(t *testing.T, path string) int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return db.Info().PageSize
}

func usedSize(t *testing.T, path string) (n int64) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error { n = tx.Size(); return nil })
	return n
}

func TestOpen_TruncatedIsCorruptAndUntouched(t *testing.T) {
	// bbolt grows its file ahead of use: cut into the used pages (below
	// the high-water mark), not only the preallocated tail.
	for _, cut := range []string{"half", "last page"} {
		t.Run(cut, func(t *testing.T) {
			dir := filledStore(t, 40)
			path := filepath.Join(dir, FileName)
			size := usedSize(t, path) / 2
			if cut == "last page" {
				size = usedSize(t, path) - int64(pageSize(t, path))
			}
			if err := os.Truncate(path, size); err != nil {
				t.Fatal(err)
			}
			wantCorruptUntouched(t, dir, Options{Now: fixedNow})
			wantCorruptUntouched(t, dir, Options{Now: fixedNow, ReadOnly: true})
		})
	}
	t.Run("tiny", func(t *testing.T) {
		dir := filledStore(t, 1)
		if err := os.Truncate(filepath.Join(dir, FileName), 100); err != nil {
			t.Fatal(err)
		}
		wantCorruptUntouched(t, dir, Options{Now: fixedNow})
	})
}

func flip(t *testing.T, path string, offsets ...int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range offsets {
		b[o] ^= 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpen_FlippedMetaBytesIsCorrupt(t *testing.T) {
	dir := filledStore(t, 5)
	path := filepath.Join(dir, FileName)
	ps := pageSize(t, path)
	var offs []int
	for _, page := range []int{0, 1} { // both meta pages: no good copy left
		for i := 16; i < 48; i++ {
			offs = append(offs, page*ps+i)
		}
	}
	flip(t, path, offs...)
	wantCorruptUntouched(t, dir, Options{Now: fixedNow})
}

func TestOpen_FlippedPageBytesIsCorruptThenRestore(t *testing.T) {
	dir := filledStore(t, 40)
	path := filepath.Join(dir, FileName)
	ps := pageSize(t, path)
	fi, _ := os.Stat(path)
	var offs []int
	for p := 2; p < int(fi.Size())/ps; p++ { // every page header but the metas
		for i := 8; i < 12; i++ { // page flags and count
			offs = append(offs, p*ps+i)
		}
	}
	flip(t, path, offs...)
	damaged := fileSum(t, path)
	// The next day's first open checks the whole file before its backup.
	next := func() Options { return Options{Now: func() time.Time { return day.AddDate(0, 0, 1) }} }
	wantCorruptUntouched(t, dir, next())

	r, err := RestoreLatest(dir, RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := listBackups(dir); r.Backup != want[0] {
		t.Fatalf("restored %s, want %s", r.Backup, want[0])
	}
	aside, _ := filepath.Glob(path + ".damaged-*")
	if len(aside) != 1 || fileSum(t, aside[0]) != damaged {
		t.Fatalf("damaged file not kept aside intact: %v", aside)
	}
	if r.Aside != aside[0] {
		t.Errorf("RestoreLatest says the damaged file is at %q, it is at %q", r.Aside, aside[0])
	}
	s := openAt(t, dir, next())
	list, err := s.List()
	if err != nil || len(list) != 40 {
		t.Fatalf("after restore: %d sessions, %v", len(list), err)
	}
}

func TestCheck_ReportsUndecodableRecordAndOrphanSummary(t *testing.T) {
	s := openTest(t)
	if err := s.Put(richSession("good")); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketSessions).Put([]byte("bad"), []byte("{not json")); err != nil {
			return err
		}
		return tx.Bucket(bucketSummaries).Put([]byte("ghost"), []byte(`{"id":"ghost"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Check()
	wantKind(t, err, workshop.KindCorrupt)
	for _, w := range []string{`session "bad" does not decode`, `summary "ghost" has no session`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("check error %q lacks %q", err, w)
		}
	}
	_, err = s.Get("bad")
	wantKind(t, err, workshop.KindCorrupt)
	// Leave the store sound for the cleanup's check.
	_ = s.db.Update(func(tx *bolt.Tx) error {
		_ = tx.Bucket(bucketSessions).Delete([]byte("bad"))
		return tx.Bucket(bucketSummaries).Delete([]byte("ghost"))
	})
}

func TestOpen_NewerSchemaIsRefusedUntouched(t *testing.T) {
	dir := filledStore(t, 2)
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	newer := fmt.Sprint(currentVersion() + 1)
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyVersion, []byte(newer))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileSum(t, path)
	for _, ro := range []bool{false, true} {
		// A new day too: no backup, no check may touch it either.
		_, err := Open(dir, Options{ReadOnly: ro, Now: func() time.Time { return day.AddDate(0, 0, 3) }})
		wantKind(t, err, workshop.KindTooNew)
		want := fmt.Sprintf("written by a newer Boussole (schema %s, this one knows %d); update Boussole", newer, currentVersion())
		if !strings.Contains(workshop.Message(err), want) {
			t.Fatalf("message %q lacks %q", workshop.Message(err), want)
		}
	}
	if fileSum(t, path) != before {
		t.Fatal("a newer store was modified")
	}
	if b, _ := listBackups(dir); len(b) != 1 {
		t.Fatalf("backups = %v", b)
	}
}
