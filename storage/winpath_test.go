package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// TestDataInPathWithSpacesAndNonASCII_Issue14_4: a user profile such as
// C:\Users\Zoë Martin-Ångström\AppData\Roaming holds the store, its lock,
// its backups and a restore's swap like any other folder (run on Windows
// by the test binary make dist-check compiles for it, and here).
func TestDataInPathWithSpacesAndNonASCII_Issue14_4(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Zoë Martin-Ångström", "AppData Roaming", "boussole 山田 ✓")
	s := openAt(t, dir, Options{Now: fixedNow})
	if err := s.Put(richSession("a")); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)
	s = openAt(t, dir, Options{Now: fixedNow}) // the day's first open with data: a backup
	// The open store holds the lock: a restore waits, then says so.
	_, err := RestoreLatest(dir, RestoreOptions{Force: true, Timeout: 100 * time.Millisecond})
	wantKind(t, err, workshop.KindLocked)
	closeNow(t, s)
	good, err := GoodBackups(dir)
	if err != nil || len(good) != 1 || !strings.HasPrefix(good[0].Path, BackupFolder(dir)) {
		t.Fatalf("backups in %s: %v %v", dir, good, err)
	}
	r, err := RestoreLatest(dir, RestoreOptions{Force: true, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Replaced || filepath.Dir(r.Aside) != dir {
		t.Errorf("restore: %+v", r)
	}
	s = openAt(t, dir, Options{Now: fixedNow, ReadOnly: true})
	if _, err := s.Get("a"); err != nil {
		t.Errorf("after the restore: %v", err)
	}
}

// TestRetryRename_Issue14_4: the swap's rename is tried again while
// renameBusy says another program holds the file (Windows: an antivirus
// reading it), and fails at once for any other reason or after the wait.
func TestRetryRename_Issue14_4(t *testing.T) {
	errBusy := errors.New("busy")
	busy := func(err error) bool { return errors.Is(err, errBusy) }
	dir := t.TempDir()
	from, to := filepath.Join(dir, "from"), filepath.Join(dir, "to")
	if err := os.WriteFile(from, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	calls := 0
	flaky := func(a, b string) error {
		if calls++; calls <= 2 {
			return errBusy
		}
		return os.Rename(a, b)
	}
	if err := retryRename(flaky, busy, from, to, time.Second); err != nil || calls != 3 {
		t.Fatalf("busy twice: %v after %d calls", err, calls)
	}
	if b, err := os.ReadFile(to); err != nil || string(b) != "new" {
		t.Fatalf("renamed file: %q %v", b, err)
	}

	calls = 0
	other := errors.New("disk gone")
	if err := retryRename(func(string, string) error { calls++; return other }, busy, from, to, time.Second); !errors.Is(err, other) || calls != 1 {
		t.Errorf("another error: %v after %d calls, want it at once", err, calls)
	}

	calls = 0
	if err := retryRename(func(string, string) error { calls++; return errBusy }, busy, from, to, 60*time.Millisecond); !errors.Is(err, errBusy) || calls < 2 {
		t.Errorf("always busy: %v after %d calls", err, calls)
	}
}
