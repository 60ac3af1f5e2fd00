package storage

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// nextDayDeferred opens as on the day after the fixed day, deferring the daily
// backup the way the window does.
func nextDayDeferred() Options {
	return Options{Now: func() time.Time { return day.AddDate(0, 0, 1) }, DeferDailyBackup: true}
}

// The window's first open of a day takes no backup before it returns (the
// window shows first); DailyBackup then writes the day's backup once, a
// complete store holding what was written meanwhile, and removes the temp
// file of a copy cut short by a kill.
func TestBackups_DailyDeferredUntilDailyBackup(t *testing.T) {
	dir := filledStore(t, 3)
	orphan := filepath.Join(dir, backupDir, ".boussole-20270111-235959.db.tmp-4242")
	if err := os.WriteFile(orphan, []byte("a copy cut short"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, dir, nextDayDeferred())
	if b, _ := listBackups(dir); len(b) != 1 {
		t.Fatalf("backups after a deferred open = %v, want only yesterday's", b)
	}
	if err := s.Put(richSession("written-before-the-backup")); err != nil {
		t.Fatal(err)
	}
	if err := s.DailyBackup(); err != nil {
		t.Fatal(err)
	}
	b, _ := listBackups(dir)
	if len(b) != 2 || filepath.Base(b[0]) != "boussole-20270112-093000.db" {
		t.Fatalf("backups = %v, want today's first", b)
	}
	if err := checkFile(b[0]); err != nil {
		t.Fatalf("today's backup: %v", err)
	}
	if n := sessionsIn(t, b[0]); n != 4 {
		t.Fatalf("today's backup holds %d sessions, want 4", n)
	}
	if err := s.DailyBackup(); err != nil { // already done: nothing more
		t.Fatal(err)
	}
	if again, _ := listBackups(dir); len(again) != 2 {
		t.Fatalf("a second DailyBackup wrote again: %v", again)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, backupDir, ".*tmp*"))
	if len(leftovers) != 0 {
		t.Fatalf("temp files left: %v", leftovers)
	}
}

// Deferring the backup does not defer the check: a damaged store is still
// refused by Open, untouched, before any window shows.
func TestBackups_DeferredOpenStillRefusesDamage(t *testing.T) {
	dir := filledStore(t, 40)
	path := filepath.Join(dir, FileName)
	ps := pageSize(t, path)
	var offs []int
	for p := 2; p < int(usedSize(t, path))/ps; p++ {
		for i := 8; i < 12; i++ {
			offs = append(offs, p*ps+i)
		}
	}
	flip(t, path, offs...)
	wantCorruptUntouched(t, dir, nextDayDeferred())
	if b, _ := listBackups(dir); len(b) != 1 {
		t.Fatalf("backups = %v: the damage must not enter the rotation", b)
	}
}

// A backup already taken today, a new store and a read-only store leave
// DailyBackup nothing to do.
func TestBackups_DailyBackupOnlyWhenDue(t *testing.T) {
	dir := filledStore(t, 1) // today's backup taken
	s := openAt(t, dir, Options{Now: fixedNow, DeferDailyBackup: true})
	if err := s.DailyBackup(); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)
	ro := openAt(t, dir, Options{Now: func() time.Time { return day.AddDate(0, 0, 1) }, ReadOnly: true, DeferDailyBackup: true})
	if err := ro.DailyBackup(); err != nil {
		t.Fatal(err)
	}
	fresh := t.TempDir()
	n := openAt(t, fresh, Options{Now: fixedNow, DeferDailyBackup: true})
	if err := n.DailyBackup(); err != nil {
		t.Fatal(err)
	}
	if b, _ := listBackups(dir); len(b) != 1 {
		t.Fatalf("backups = %v, want only the first", b)
	}
	if b, _ := listBackups(fresh); len(b) != 0 {
		t.Fatalf("a new store was backed up: %v", b)
	}
}

// The backup before a migration is never deferred: the migration must not
// run before the old file is copied.
func TestBackups_MigrationBackupNotDeferred(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	if err := s.Put(richSession("kept")); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)
	migrations = append(saved[:len(saved):len(saved)], migration{len(saved) + 1, "noop", func(*bolt.Tx, time.Time) error { return nil }})
	s = openAt(t, dir, Options{Now: fixedNow, DeferDailyBackup: true})
	b, _ := listBackups(dir)
	if len(b) != 1 {
		t.Fatalf("backups = %v, want the one taken before the migration", b)
	}
	if v, err := inspect(b[0], time.Second, &openFiles{}); err != nil || v != len(saved) {
		t.Fatalf("backup schema = %d (%v), want %d", v, err, len(saved))
	}
	if err := s.DailyBackup(); err != nil {
		t.Fatal(err)
	}
	if again, _ := listBackups(dir); len(again) != 1 {
		t.Fatalf("DailyBackup after a migration backup wrote again: %v", again)
	}
}

// Close waits for a daily backup being written, so the copy is whole; a
// DailyBackup called after Close does nothing.
func TestBackups_CloseWaitsForDailyBackup(t *testing.T) {
	for _, order := range []string{"backup first", "close first"} {
		t.Run(order, func(t *testing.T) {
			dir := filledStore(t, 40)
			s, err := Open(dir, Options{Now: func() time.Time { return day.AddDate(0, 0, 1) }, DeferDailyBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			var berr error
			wg.Add(1)
			start := func() {
				go func() { defer wg.Done(); berr = s.DailyBackup() }()
			}
			if order == "backup first" {
				start()
				time.Sleep(time.Millisecond)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if order == "close first" {
				start()
			}
			wg.Wait()
			if berr != nil {
				t.Fatalf("DailyBackup: %v", berr)
			}
			list, _ := listBackups(dir)
			for _, p := range list {
				if err := checkFile(p); err != nil {
					t.Errorf("backup %s: %v", p, err)
				}
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, backupDir, ".*tmp*"))
			if len(leftovers) != 0 {
				t.Fatalf("temp files left: %v", leftovers)
			}
			if order == "close first" && len(list) != 1 {
				t.Fatalf("a DailyBackup after Close wrote: %v", list)
			}
		})
	}
}

// sessionsIn counts the sessions in a store file, read from a copy.
func sessionsIn(t *testing.T, path string) int {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, dir, Options{Now: fixedNow, ReadOnly: true})
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}
