//go:build linux

package main

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupOnAFullDiskLeavesNothing_Issue7_5: backup -o with the data
// directory's disk full used to leave an empty .pending-output-… note
// beside the store; it says the disk is full and leaves the folder as it was.
func TestBackupOnAFullDiskLeavesNothing_Issue7_5(t *testing.T) {
	disk := tmpfs(t, 512<<10)
	dir := filepath.Join(disk, "data")
	newID(t, dir, "--title", "Full")
	before, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, disk)
	r := exe(t, runOpts{}, "--data", dir, "backup", "-o", filepath.Join(disk, "copy.db"))
	want(t, r, exitFailure, []string{"the disk is full"})
	after, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range after {
		names = append(names, e.Name())
	}
	if len(after) != len(before) {
		t.Errorf("the data directory now holds %s", strings.Join(names, ", "))
	}
}

// TestStandardOutputOnTheStoreRefused_Issue7_1: "-o -" with standard output
// opened by the shell on the store (1<> or >>), its lock or a backup used to
// write there and exit 0, leaving a damaged store. Refused now, exit 2, and
// every file is untouched.
func TestStandardOutputOnTheStoreRefused_Issue7_1(t *testing.T) {
	dir := t.TempDir()
	id := withBackup(t, dir)[0]
	entries, err := os.ReadDir(filepath.Join(dir, "backups"))
	if err != nil || len(entries) == 0 {
		t.Fatal(entries, err)
	}
	for _, target := range []string{
		filepath.Join(dir, "boussole.db"),
		filepath.Join(dir, "boussole.lock"),
		filepath.Join(dir, "backups", entries[0].Name()),
	} {
		for _, args := range [][]string{
			{"export", id, "--format", "csv", "-o", "-"},
			{"backup", "-o", "-"},
		} {
			before := sum(t, target)
			for _, flag := range []int{os.O_WRONLY, os.O_WRONLY | os.O_APPEND} {
				f, err := os.OpenFile(target, flag, 0)
				if err != nil {
					t.Fatal(err)
				}
				r := exe(t, runOpts{stdout: f}, append([]string{"--data", dir}, args...)...)
				f.Close()
				want(t, r, exitUsage, []string{"standard output is ", target, "would destroy Boussole's data"})
				if sum(t, target) != before {
					t.Fatalf("%v wrote into %s", args, target)
				}
			}
		}
	}
	ok(t, dir, "check")
	// Standard output on another file still works.
	out, err := os.Create(filepath.Join(t.TempDir(), "copy.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	want(t, exe(t, runOpts{stdout: out}, "--data", dir, "backup", "-o", "-"), 0, nil)
	if fi, _ := out.Stat(); fi.Size() == 0 {
		t.Error("backup -o - wrote nothing")
	}
}

// TestNoGoodBackupNeverAdvisesRestore_Issue7_16: when every backup is
// damaged (random bytes, not a 3-byte stub), the reasons restore lists for
// them used to end with each backup's own "Restore the latest backup …
// boussole restore" advice; they say only what is wrong now.
func TestNoGoodBackupNeverAdvisesRestore_Issue7_16(t *testing.T) {
	dir := t.TempDir()
	withBackup(t, dir)
	backups := filepath.Join(dir, "backups")
	entries, _ := os.ReadDir(backups)
	junk := make([]byte, 5000)
	for _, name := range []string{entries[0].Name(), "boussole-20991231-000000.db"} {
		if _, err := rand.Read(junk); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(backups, name), junk, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "boussole.db"), junk, 0o600); err != nil {
		t.Fatal(err)
	}
	r := exe(t, runOpts{}, "--data", dir, "restore")
	want(t, r, exitFailure, []string{"no good backup exists", "boussole-20991231-000000.db: ", "is damaged"},
		"Restore the latest backup", "boussole restore")
}

// TestImportFailsUnderInjectedFault_Issue7_7: import saved outside the
// injectable commit, so a failing commit was never tried on it. Under the
// fault it prints no id, says the reason, and the store lists nothing new.
func TestImportFailsUnderInjectedFault_Issue7_7(t *testing.T) {
	dir := t.TempDir()
	newID(t, dir, "--title", "Kept")
	before := ok(t, dir, "list", "--json")
	file := filepath.Join(t.TempDir(), "in.boussole")
	if err := os.WriteFile(file, []byte(ok(t, dir, "show", strings.TrimSpace(ids(t, filepath.Join(dir, "boussole.db"))[0]), "--json")), 0o600); err != nil {
		t.Fatal(err)
	}
	r := exe(t, runOpts{bin: faultBinary(t), env: []string{"BOUSSOLE_FAIL_COMMIT=ENOSPC"}}, "--data", dir, "import", file)
	want(t, r, exitFailure, []string{"boussole: import: ", "the disk is full"})
	if r.stdout != "" {
		t.Errorf("import under a failing commit printed %q", r.stdout)
	}
	if ok(t, dir, "list", "--json") != before {
		t.Error("the failed import stored a session")
	}
}
