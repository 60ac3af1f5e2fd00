package storage

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"boussole/workshop"
)

// TestBackups_ClockSetBackKeepsTheNewest_Issue7_2: backups recorded in the
// future and junk named like backups never push out the backup just taken.
func TestBackups_ClockSetBackKeepsTheNewest_Issue7_2(t *testing.T) {
	dir := t.TempDir()
	at := func(tm time.Time) Options { return Options{KeepBackups: 3, Now: func() time.Time { return tm }} }
	s := openAt(t, dir, at(day))
	if err := s.Put(richSession("a")); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)
	future := time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := range 4 {
		closeNow(t, openAt(t, dir, at(future.AddDate(0, 0, d))))
	}
	junk := filepath.Join(dir, backupDir, "boussole-29991231-000000.db")
	if err := os.WriteFile(junk, []byte("not a store"), 0o600); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, dir, at(future.AddDate(0, 0, 3)))
	if err := s.Put(richSession("b")); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)
	// The clock is set back to day+1: the backup taken now holds "b".
	closeNow(t, openAt(t, dir, at(day.AddDate(0, 0, 1))))
	good, bad, err := scanBackups(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(good) != 3 || !good[0].Taken.Equal(day.AddDate(0, 0, 1)) || good[0].Sequence != 5 {
		t.Fatalf("good backups = %+v, want 3, the newest taken %s (sequence 5)", good, day.AddDate(0, 0, 1))
	}
	if len(bad) != 1 || bad[0].path != junk {
		t.Errorf("rejected = %+v, want the junk file", bad)
	}
	if _, err := os.Stat(junk); err != nil {
		t.Errorf("the junk file was deleted: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := RestoreLatest(dir, RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Backup != good[0].Path || !r.Taken.Equal(good[0].Taken) {
		t.Errorf("restored %+v, want %s", r, good[0].Path)
	}
	s = openAt(t, dir, Options{Now: fixedNow, ReadOnly: true})
	if _, err := s.Get("b"); err != nil {
		t.Errorf("the restored store lacks the newest session: %v", err)
	}
	if in, err := inspectFile(s.Path(), time.Second); err != nil || in.backup != nil {
		t.Errorf("the restored store carries a backup record: %q %v", in.backup, err)
	}
}

// TestRestore_SoundStoreNeedsForce_Issue7_3 and the lock of Issue7_4.
func TestRestore_SoundStoreNeedsForce_Issue7_3(t *testing.T) {
	dir := filledStore(t, 2)
	path := filepath.Join(dir, FileName)
	before := fileSum(t, path)
	_, err := RestoreLatest(dir, RestoreOptions{})
	wantKind(t, err, workshop.KindConflict)
	if fileSum(t, path) != before {
		t.Fatal("a refused restore changed the store")
	}
	// An open store holds the lock: restore is told so.
	s := openAt(t, dir, Options{Now: fixedNow})
	_, err = RestoreLatest(dir, RestoreOptions{Force: true, Timeout: 100 * time.Millisecond})
	wantKind(t, err, workshop.KindLocked)
	closeNow(t, s)
	before = fileSum(t, path) // the open wrote a transaction
	r, err := RestoreLatest(dir, RestoreOptions{Force: true, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Replaced || r.Aside != path+".replaced-20270111-093000" || fileSum(t, r.Aside) != before {
		t.Errorf("forced restore: %+v", r)
	}
}

func TestGuardOutput_Issue7_1(t *testing.T) {
	dir := filledStore(t, 1)
	list, _ := listBackups(dir)
	other := t.TempDir()
	link := filepath.Join(other, "data")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		filepath.Join(dir, FileName), filepath.Join(dir, LockName), list[0],
		filepath.Join(dir, backupDir, "x.pdf"), filepath.Join(dir, backupDir, "..", "Boussole.DB"),
		filepath.Join(link, FileName), filepath.Join(link, backupDir, "x.csv"), filepath.Join(dir, FileName+".damaged-1"),
	} {
		if err := GuardOutput(dir, p); workshop.KindOf(err) != workshop.KindInvalid {
			t.Errorf("GuardOutput(%s) = %v, want a refusal", p, err)
		}
	}
	for _, p := range []string{filepath.Join(other, "x.pdf"), filepath.Join(dir, "export.pdf"), "-"} {
		if err := GuardOutput(dir, p); err != nil {
			t.Errorf("GuardOutput(%s) = %v, want nil", p, err)
		}
	}
}

// A backup written before backups recorded themselves (no record) still
// counts, by its file's time, below every recorded one.
func TestBackups_LegacyWithoutRecordCountsLast(t *testing.T) {
	dir := filledStore(t, 1)
	legacy := filepath.Join(dir, backupDir, "boussole-20200101-000000.db")
	s := openAt(t, dir, Options{Now: fixedNow, ReadOnly: true})
	if err := s.Backup(filepath.Join(t.TempDir(), "x.db")); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(legacy); workshop.KindOf(err) != workshop.KindInvalid {
		t.Fatalf("a backup into backups/ was not refused: %v", err)
	}
	closeNow(t, s)
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(legacy, data, 0o600); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2031, 5, 6, 7, 8, 9, 0, time.UTC)
	if err := os.Chtimes(legacy, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	good, err := GoodBackups(dir)
	if err != nil || len(good) != 2 {
		t.Fatalf("good = %+v %v", good, err)
	}
	if good[1].Path != legacy || good[1].Sequence != 0 || !good[1].Taken.Equal(mtime) {
		t.Errorf("legacy backup read as %+v, want last, sequence 0, taken at its file's time", good[1])
	}
}
