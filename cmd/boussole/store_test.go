//go:build linux

package main

// Issue 7: nothing lost, nothing forged — the store, its backups, restore
// and every output path, tried with the real binary on real files.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"boussole/storage"
	"boussole/workshop"
)

// runOpts tune exe: the working directory, extra environment, and whether
// the binary runs as the unprivileged user nobody (root ignores file
// permissions, so permission tests run the binary as nobody when root).
type runOpts struct {
	cwd    string
	env    []string
	nobody bool
	stdout io.Writer // default: captured in result.stdout
	bin    string    // default: binary
}

// exe runs the binary with opts and returns what it printed and its status.
func exe(t *testing.T, o runOpts, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	bin := binary
	if o.nobody {
		bin = nobodyBinary(t)
	}
	if o.bin != "" {
		bin = o.bin
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = o.cwd
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir(), "LANG=en_US.UTF-8"}, o.env...)
	if o.nobody && os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobodyID, Gid: nobodyID}}
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if o.stdout != nil {
		cmd.Stdout = o.stdout
	}
	err := cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("boussole %s: %v", strings.Join(args, " "), err)
	}
	return result{stdout: out.String(), stderr: errOut.String(), code: code}
}

// want checks a result's exit status and that its output has every string
// of has and none of hasNot.
func want(t *testing.T, r result, code int, has []string, hasNot ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	all := r.stdout + r.stderr
	for _, h := range has {
		if !strings.Contains(all, h) {
			t.Errorf("output lacks %q\nstdout: %s\nstderr: %s", h, r.stdout, r.stderr)
		}
	}
	for _, h := range hasNot {
		if strings.Contains(all, h) {
			t.Errorf("output has %q\nstdout: %s\nstderr: %s", h, r.stdout, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Errorf("crashed: %s", r.stderr)
	}
}

const nobodyID = 65534

var (
	nobodyOnce sync.Once
	nobodyErr  error
)

// nobodyBinary makes the binary reachable by nobody (its folder 0755).
func nobodyBinary(t *testing.T) string {
	t.Helper()
	nobodyOnce.Do(func() { nobodyErr = os.Chmod(filepath.Dir(binary), 0o755) })
	if nobodyErr != nil {
		t.Fatal(nobodyErr)
	}
	return binary
}

// userDir makes a directory the binary may use when it runs as nobody:
// under a 0755 folder, owned by nobody when the test runs as root.
func userDir(t *testing.T) string {
	t.Helper()
	base, err := os.MkdirTemp("", "boussole-user-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = filepath.Walk(base, func(p string, _ os.FileInfo, _ error) error { _ = os.Chmod(p, 0o700); return nil })
		os.RemoveAll(base)
	})
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(base, "data")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	chownNobody(t, dir)
	return dir
}

func chownNobody(t *testing.T, paths ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	for _, p := range paths {
		if err := os.Lchown(p, nobodyID, nobodyID); err != nil {
			t.Fatal(err)
		}
	}
}

// requireRoot skips, loudly, a test that needs root (to mount a tmpfs).
func requireRoot(t *testing.T, why string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skipf("SKIPPED, NOT VERIFIED: %s needs root (CI runs as root)", why)
	}
}

// tmpfs mounts a tmpfs of size bytes on a fresh directory for the test.
func tmpfs(t *testing.T, size int, extra ...string) string {
	t.Helper()
	requireRoot(t, "mounting a tmpfs")
	dir := t.TempDir()
	opts := strings.Join(append([]string{fmt.Sprintf("size=%d", size), "mode=0700"}, extra...), ",")
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("SKIPPED, NOT VERIFIED: cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// fill writes a file until the disk is full.
func fill(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return
		}
	}
}

// withBackup makes a store in dir with sessions and today's backup (the
// second read-write opening of a day takes it) and returns the ids.
func withBackup(t *testing.T, dir string) []string {
	t.Helper()
	a := newID(t, dir, "--template", "net-retention", "--lang", "en")
	b := newID(t, dir, "--title", "Second")
	if good, err := storage.GoodBackups(dir); err != nil || len(good) != 1 {
		t.Fatalf("backups = %v (%v), want today's", good, err)
	}
	return []string{a, b}
}

func sum(t *testing.T, path string) string {
	t.Helper()
	return string(readFile(t, path))
}

// ids lists the session ids of the store file at path (opened read-only
// from a copy, so that nothing in dir changes).
func ids(t *testing.T, path string) []string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, storage.FileName), readFile(t, path), 0o600); err != nil {
		t.Fatal(err)
	}
	var list []workshop.Summary
	if err := json.Unmarshal([]byte(ok(t, dir, "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

// TestOutputNeverOverwritesTheStore_Issue7_1: no -o of export or backup
// writes over the store, its lock or a file of backups/, whatever the
// spelling of the path: exit 2 with the reason, every file untouched.
func TestOutputNeverOverwritesTheStore_Issue7_1(t *testing.T) {
	dir := t.TempDir()
	id := withBackup(t, dir)[0]
	db := filepath.Join(dir, storage.FileName)
	backup := storage.BackupFolder(dir)
	entries, _ := os.ReadDir(backup)
	backupFile := filepath.Join(backup, entries[0].Name())
	other := t.TempDir()
	linkDir := filepath.Join(other, "link-to-data")
	linkFile := filepath.Join(other, "link-to-store.csv")
	for old, new := range map[string]string{dir: linkDir, db: linkFile} {
		if err := os.Symlink(old, new); err != nil {
			t.Fatal(err)
		}
	}
	hard := filepath.Join(dir, "hard-link.db")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	protected := []string{db, filepath.Join(dir, storage.LockName), backupFile}
	before := map[string]string{}
	for _, p := range protected {
		before[p] = sum(t, p)
	}
	for _, c := range []struct{ cwd, path string }{
		{"", db},
		{dir, storage.FileName},            // relative
		{backup, "../" + storage.FileName}, // ..
		{"", filepath.Join(backup, "..", storage.FileName)},
		{"", filepath.Join(linkDir, storage.FileName)}, // through a linked folder
		{"", linkFile},                          // a link to the store
		{"", hard},                              // a hard link to the store
		{"", filepath.Join(dir, "BOUSSOLE.DB")}, // another case
		{"", filepath.Join(dir, storage.LockName)},
		{"", backupFile},
		{"", filepath.Join(backup, "new-file.csv")},
		{"", filepath.Join(linkDir, "backups", entries[0].Name())},
		{backup, entries[0].Name()},
	} {
		for _, args := range [][]string{
			{"export", id, "--format", "csv", "-o", c.path},
			{"export", id, "--format", "pdf", "-o", c.path},
			{"backup", "-o", c.path},
		} {
			r := exe(t, runOpts{cwd: c.cwd}, append([]string{"--data", dir}, args...)...)
			want(t, r, exitUsage, []string{"boussole: ", c.path, "would destroy Boussole's data"})
		}
	}
	for _, p := range protected {
		if sum(t, p) != before[p] {
			t.Errorf("%s was changed", p)
		}
	}
	if _, err := os.Stat(filepath.Join(backup, "new-file.csv")); err == nil {
		t.Error("a file was written into the backups folder")
	}
	// A plain file elsewhere is still written.
	ok(t, dir, "export", id, "--format", "csv", "-o", filepath.Join(other, "kpis.csv"))
	ok(t, dir, "backup", "-o", filepath.Join(other, "copy.db"))
}

// TestBackupRotationByRecordedTime_Issue7_2: backups recorded as taken in
// 2099 (a clock that ran ahead, then was set back) and junk files named
// like backups never push out the backup just taken, nor any good backup;
// restore brings back the newest data.
func TestBackupRotationByRecordedTime_Issue7_2(t *testing.T) {
	dir := t.TempDir()
	first := newID(t, dir, "--title", "Before the clock went back")
	// Seven good backups, each taken on a day of 2099.
	for d := range 7 {
		st, err := storage.Open(dir, storage.Options{Now: func() time.Time { return time.Date(2099, 1, 1+d, 12, 0, 0, 0, time.UTC) }})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	future, err := storage.GoodBackups(dir)
	if err != nil || len(future) != 7 {
		t.Fatalf("future backups: %v %v", future, err)
	}
	// Junk named like backups, dated after all of them.
	backups := storage.BackupFolder(dir)
	var junk []string
	for i := range 10 {
		p := filepath.Join(backups, fmt.Sprintf("boussole-2099%02d01-000000.db", i+2))
		if err := os.WriteFile(p, bytes.Repeat([]byte("junk"), 1000*(i+1)), 0o600); err != nil {
			t.Fatal(err)
		}
		junk = append(junk, p)
	}
	// Still in 2099, a session is added (no backup: 2099-01-07 has one).
	st, err := storage.Open(dir, storage.Options{Now: func() time.Time { return time.Date(2099, 1, 7, 13, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	mid, err := workshop.NewSession("Added in 2099", workshop.EN, "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Put(mid); err != nil {
		t.Fatal(err)
	}
	st.Close()
	second := mid.ID
	// The clock is back to today: the next command takes today's backup,
	// which holds that session, and the 2099 ones do not.
	third := newID(t, dir, "--title", "After today's backup")
	good, err := storage.GoodBackups(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(good) != 7 {
		t.Errorf("%d good backups kept, want 7", len(good))
	}
	if time.Since(good[0].Taken) > time.Hour {
		t.Fatalf("the newest backup is %s taken %s, want the one just taken", good[0].Path, good[0].Taken)
	}
	if got := ids(t, good[0].Path); !slices.Contains(got, second) || !slices.Contains(got, first) {
		t.Errorf("the newest backup holds %v, want %s and %s", got, first, second)
	}
	for _, j := range junk {
		if _, err := os.Stat(j); err != nil {
			t.Errorf("junk %s was deleted or counted: %v", j, err)
		}
	}
	// The store is damaged: restore puts back today's backup, not 2099's.
	db := filepath.Join(dir, storage.FileName)
	if err := os.WriteFile(db, []byte("damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := exe(t, runOpts{}, "--data", dir, "restore")
	want(t, r, exitOK, []string{"restored the backup " + good[0].Path, "taken " + good[0].Taken.Local().Format("2006-01-02")})
	got := ids(t, db)
	if !slices.Contains(got, second) || slices.Contains(got, third) {
		t.Errorf("restored sessions %v, want %s (and not %s, made after the backup)", got, second, third)
	}
}

// TestRestoreRefusesASoundStore_Issue7_3: restore on a healthy store exits
// 2 saying it is sound and changes nothing; --force replaces it and keeps
// it as .replaced-…, never .damaged-….
func TestRestoreRefusesASoundStore_Issue7_3(t *testing.T) {
	dir := t.TempDir()
	withBackup(t, dir)
	later := newID(t, dir, "--title", "After the backup")
	db := filepath.Join(dir, storage.FileName)
	before := sum(t, db)
	r := exe(t, runOpts{}, "--data", dir, "restore")
	want(t, r, exitUsage, []string{"is sound", "--force", "nothing was changed"}, ".damaged-")
	if sum(t, db) != before {
		t.Error("a refused restore changed the store")
	}
	if aside, _ := filepath.Glob(db + ".*"); len(aside) != 0 {
		t.Errorf("a refused restore set files aside: %v", aside)
	}
	r = exe(t, runOpts{}, "--data", dir, "restore", "--force")
	want(t, r, exitOK, []string{"restored the backup", "was sound", ".replaced-"}, "damaged store")
	aside, _ := filepath.Glob(db + ".replaced-*")
	if len(aside) != 1 || sum(t, aside[0]) != before {
		t.Fatalf("set aside: %v, want the sound store, byte for byte", aside)
	}
	if damaged, _ := filepath.Glob(db + ".damaged-*"); len(damaged) != 0 {
		t.Errorf("a sound store was labelled damaged: %v", damaged)
	}
	if slices.Contains(ids(t, db), later) {
		t.Error("the forced restore did not put the backup back")
	}
}

// TestRestoreHoldsTheLock_Issue7_4: restore takes the data directory's
// lock file: a store open elsewhere makes restore answer "in use" (3), and
// while restore works every other command gets the same answer.
func TestRestoreHoldsTheLock_Issue7_4(t *testing.T) {
	dir := t.TempDir()
	withBackup(t, dir)
	db := filepath.Join(dir, storage.FileName)
	if err := os.WriteFile(db, []byte("damaged"), 0o600); err != nil {
		t.Fatal(err)
	}

	// Another Boussole holds the lock: restore says so and waits no longer.
	lock, err := os.OpenFile(filepath.Join(dir, storage.LockName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_SH); err != nil {
		t.Fatal(err)
	}
	want(t, exe(t, runOpts{}, "--data", dir, "restore"), exitLocked, []string{"already open on this data"})
	lock.Close()

	// While a restore works (paused before its swap), list, new, check,
	// backup and a second restore are told the data is in use.
	paused := make(chan struct{})
	resume := make(chan struct{})
	done := make(chan error, 1)
	var res storage.Restored
	go func() {
		var err error
		res, err = storage.RestoreLatest(dir, storage.RestoreOptions{BeforeSwap: func() {
			close(paused)
			<-resume
		}})
		done <- err
	}()
	<-paused
	for _, args := range [][]string{{"list"}, {"new", "--title", "During the restore"}, {"check"}, {"backup", "-o", filepath.Join(t.TempDir(), "b.db")}, {"restore"}} {
		r := exe(t, runOpts{}, append([]string{"--data", dir}, args...)...)
		want(t, r, exitLocked, []string{"already open on this data"})
	}
	close(resume)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Aside, ".damaged-") {
		t.Errorf("aside %q", res.Aside)
	}

	// Commands racing a forced restore: each is either done before it
	// (its session is in the store set aside), after it (in the restored
	// store), or told the data is in use. None is lost.
	var acked []string
	var mu sync.Mutex
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				r := exe(t, runOpts{}, "--data", dir, "new", "--title", fmt.Sprintf("Racer %d", i))
				switch r.code {
				case exitOK:
					mu.Lock()
					acked = append(acked, strings.TrimSpace(r.stdout))
					mu.Unlock()
				case exitLocked:
				default:
					t.Errorf("new during restore: exit %d %s", r.code, r.stderr)
				}
			}
		})
	}
	time.Sleep(300 * time.Millisecond)
	r := exe(t, runOpts{}, "--data", dir, "restore", "--force")
	time.Sleep(300 * time.Millisecond)
	close(stop)
	wg.Wait()
	if r.code != exitOK && r.code != exitLocked {
		t.Fatalf("restore --force: exit %d %s", r.code, r.stderr)
	}
	everywhere := ids(t, db)
	aside, _ := filepath.Glob(db + ".replaced-*")
	for _, a := range aside {
		everywhere = append(everywhere, ids(t, a)...)
	}
	for _, id := range acked {
		if !slices.Contains(everywhere, id) {
			t.Errorf("session %s was acknowledged and then lost", id)
		}
	}
	t.Logf("%d sessions created during the race, restore exit %d", len(acked), r.code)
}

// TestRestoreAlwaysLeavesAStore_Issue7_5: at every instant of a restore
// there is a store at boussole.db, and what an interrupted restore or
// backup -o leaves behind is removed at the next start.
func TestRestoreAlwaysLeavesAStore_Issue7_5(t *testing.T) {
	dir := t.TempDir()
	withBackup(t, dir)
	db := filepath.Join(dir, storage.FileName)
	if err := os.WriteFile(db, []byte("damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A watcher looks for a moment without a store while restore runs.
	stop := make(chan struct{})
	gaps := make(chan int, 1)
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				gaps <- n
				return
			default:
			}
			if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
				n++
			}
		}
	}()
	want(t, exe(t, runOpts{}, "--data", dir, "restore"), exitOK, []string{"restored the backup", "the damaged store is kept as"})
	close(stop)
	if n := <-gaps; n != 0 {
		t.Errorf("%d looks found no store at %s during the restore", n, db)
	}

	// A restore interrupted just before its swap (the process dies) leaves
	// its copy; the store is still there, and the next start removes it.
	helper := exec.Command(os.Args[0], "-test.run=^$")
	helper.Env = append(os.Environ(), restoreDieEnv+"="+dir)
	if out, err := helper.CombinedOutput(); err == nil || !strings.Contains(string(out), "dying") {
		t.Fatalf("the interrupted restore: %v %s", err, out)
	}
	left, _ := filepath.Glob(db + ".restoring.tmp-*")
	if len(left) != 1 {
		t.Fatalf("the interrupted restore left %v", left)
	}
	// An interrupted backup -o: killed while it copies a large store.
	big := bigStore(t)
	out := t.TempDir()
	target := filepath.Join(out, "copy.db")
	var tmp string
	for attempt := 0; attempt < 5 && tmp == ""; attempt++ {
		cmd := exec.Command(binary, "--data", big, "backup", "-o", target)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
	poll:
		for {
			select {
			case <-exited:
				break poll
			default:
			}
			if m, _ := filepath.Glob(filepath.Join(out, ".copy.db.tmp-*")); len(m) > 0 {
				_ = cmd.Process.Kill()
				tmp = m[0]
				break
			}
		}
		<-exited
		if tmp == "" {
			os.Remove(target)
		}
	}
	if tmp == "" {
		t.Fatal("could not interrupt backup -o while it copied")
	}
	ok(t, dir, "new", "--title", "Next start")
	if left, _ := filepath.Glob(db + ".restoring.tmp-*"); len(left) != 0 {
		t.Errorf("the next start left %v", left)
	}
	ok(t, big, "new", "--title", "Next start")
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the next start left the interrupted backup's %s (%v)", tmp, err)
	}
}

// restoreDieEnv makes the test binary a restore that dies before its swap.
const restoreDieEnv = "BOUSSOLE_TEST_RESTORE_DIE"

func init() {
	if dir := os.Getenv(restoreDieEnv); dir != "" {
		_, err := storage.RestoreLatest(dir, storage.RestoreOptions{Force: true, BeforeSwap: func() {
			fmt.Println("dying")
			os.Exit(9)
		}})
		fmt.Println("restore returned:", err)
		os.Exit(1)
	}
}

// bigStore makes a store of about 60 MB, so that copying it takes a while.
func bigStore(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st, err := storage.Open(dir, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range 60 {
		s, err := workshop.NewSession(fmt.Sprintf("Big %d", i), workshop.EN, "", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Edit(time.Now(), func(ch *workshop.Charter) { ch.Scope = strings.Repeat("x", 1<<20) }); err != nil {
			t.Fatal(err)
		}
		if err := st.Put(s); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestEmptyOrUnreadableStoreIsDamaged_Issue7_6: a zero-byte store, a store
// of garbage and a missing store beside its backups are reported as
// damaged with the way out, never taken as new.
func TestEmptyOrUnreadableStoreIsDamaged_Issue7_6(t *testing.T) {
	for _, c := range []struct {
		name    string
		content []byte // nil: no store file
		says    string
	}{
		{"zero-byte", []byte{}, "empty (0 bytes)"},
		{"garbage", bytes.Repeat([]byte("not a store "), 2000), "damaged"},
		{"missing", nil, "is missing"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			first := withBackup(t, dir)[0]
			db := filepath.Join(dir, storage.FileName)
			if c.content == nil {
				os.Remove(db)
			} else if err := os.WriteFile(db, c.content, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"check"}, {"list"}, {"new", "--title", "Over it"}} {
				r := exe(t, runOpts{}, append([]string{"--data", dir}, args...)...)
				want(t, r, exitFailure, []string{c.says, "restore"}, "ok\n")
			}
			if c.content == nil {
				if _, err := os.Stat(db); err == nil {
					t.Fatal("an empty store was created in place of the missing one")
				}
			} else if !bytes.Equal(readFile(t, db), c.content) {
				t.Fatal("the damaged store was changed")
			}
			want(t, exe(t, runOpts{}, "--data", dir, "restore"), exitOK, []string{"restored the backup"})
			if got := ok(t, dir, "list"); !strings.Contains(got, first) {
				t.Errorf("after restore:\n%s", got)
			}
		})
	}
}

// TestSignPrintsOnlyAfterTheCommit_Issue7_7: on a full disk sign and
// decline fail with the reason and print no success; what they print is
// exactly what the store holds once space is back.
func TestSignPrintsOnlyAfterTheCommit_Issue7_7(t *testing.T) {
	dir := filepath.Join(tmpfs(t, 2<<20), "data")
	id := newID(t, dir, "--template", "abm-pipeline", "--lang", "en")
	newID(t, dir, "--title", "Second") // today's backup, before the disk fills
	names := approverNames(exported(t, dir, id))
	if len(names) < 2 {
		t.Fatalf("abm-pipeline has %d approvers", len(names))
	}
	ok(t, dir, "sign", id, "--as", names[0])
	fill(t, filepath.Dir(dir))
	// Each command makes the session's record larger than the pages the
	// store has free: the commit must grow into the full disk.
	failed := 0
	for _, args := range [][]string{
		{"decline", id, "--as", names[1], "--reason", strings.Repeat("too low ", 4000)},
		{"sign", id, "--as", names[1], "--comment", strings.Repeat("fine ", 8000)},
	} {
		r := exe(t, runOpts{}, append([]string{"--data", dir}, args...)...)
		if r.code == exitOK {
			t.Logf("%s went through on the full disk (bbolt found room in pages it had): %q", args[0], r.stdout)
			continue
		}
		failed++
		want(t, r, exitFailure, []string{"the disk is full"}, "signed", "declined")
		if r.stdout != "" {
			t.Errorf("%s printed %q before failing", args[0], r.stdout)
		}
	}
	if failed == 0 {
		t.Fatal("no command failed on the full disk: the test proves nothing")
	}
	os.Remove(filepath.Join(filepath.Dir(dir), "filler"))
	rev := exported(t, dir, id).Current()
	t.Logf("after the full disk: %d signatures, %d declines", len(rev.Signatures), len(rev.Declines))
	if failed == 2 && (len(rev.Signatures) != 1 || len(rev.Declines) != 0) {
		t.Errorf("the store holds %d signatures and %d declines, want what was acknowledged: 1 and 0", len(rev.Signatures), len(rev.Declines))
	}
}

// TestPermissionsTightened_Issue7_12: a store 0644 in a 0777 folder is made
// 0600 / 0700, said once; files of another user are left alone with a
// warning at each start.
func TestPermissionsTightened_Issue7_12(t *testing.T) {
	dir := t.TempDir()
	withBackup(t, dir)
	db := filepath.Join(dir, storage.FileName)
	if err := os.Chmod(db, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	r := exe(t, runOpts{}, "--data", dir, "list")
	want(t, r, exitOK, []string{"boussole: note: " + dir + " was open to other users (mode 0777); Boussole made it private (mode 0700)",
		db + " was open to other users (mode 0644); Boussole made it private (mode 0600)"})
	for p, m := range map[string]os.FileMode{dir: 0o700, db: 0o600} {
		if fi, _ := os.Stat(p); fi.Mode().Perm() != m {
			t.Errorf("%s mode %04o, want %04o", p, fi.Mode().Perm(), m)
		}
	}
	ok(t, dir, "list") // said once: nothing on stderr now

	requireRoot(t, "a store owned by another user")
	if err := os.Chmod(db, 0o644); err != nil {
		t.Fatal(err)
	}
	chownNobody(t, db)
	for range 2 {
		r := exe(t, runOpts{}, "--data", dir, "list")
		want(t, r, exitOK, []string{"boussole: note: " + db + " is open to other users (mode 0644) and Boussole cannot make it private (it belongs to another user)"})
	}
}

// TestMessagesKeepTheReason_Issue7_14: a full disk, a read-only file
// system and a refused permission are said in plain words.
func TestMessagesKeepTheReason_Issue7_14(t *testing.T) {
	t.Run("disk full", func(t *testing.T) {
		dir := filepath.Join(tmpfs(t, 1<<20), "data")
		newID(t, dir, "--title", "Small")
		fill(t, filepath.Dir(dir))
		r := exe(t, runOpts{}, "--data", dir, "new", "--template", "net-retention")
		want(t, r, exitFailure, []string{"the disk is full"})
	})
	t.Run("backup folder on a full disk", func(t *testing.T) {
		dir := t.TempDir()
		newID(t, dir, "--title", "Small")
		backups := storage.BackupFolder(dir)
		if err := os.Mkdir(backups, 0o700); err != nil {
			t.Fatal(err)
		}
		mounted := tmpfs(t, 16<<10)
		if out, err := exec.Command("mount", "--bind", mounted, backups).CombinedOutput(); err != nil {
			t.Skipf("SKIPPED, NOT VERIFIED: bind mount: %v %s", err, out)
		}
		t.Cleanup(func() { _ = exec.Command("umount", backups).Run() })
		fill(t, backups)
		r := exe(t, runOpts{}, "--data", dir, "new", "--title", "Second")
		want(t, r, exitFailure, []string{"cannot write the backup", "the disk is full"})
	})
	t.Run("read-only file system", func(t *testing.T) {
		mount := tmpfs(t, 4<<20)
		dir := filepath.Join(mount, "data")
		newID(t, dir, "--title", "Small")
		if out, err := exec.Command("mount", "-o", "remount,ro", mount).CombinedOutput(); err != nil {
			t.Skipf("SKIPPED, NOT VERIFIED: remount ro: %v %s", err, out)
		}
		r := exe(t, runOpts{}, "--data", dir, "new", "--title", "Second")
		want(t, r, exitFailure, []string{"read-only"})
		want(t, exe(t, runOpts{}, "--data", dir, "list"), exitOK, []string{"Small"})
	})
	t.Run("permission denied", func(t *testing.T) {
		dir := userDir(t)
		want(t, exe(t, runOpts{nobody: true}, "--data", dir, "new", "--title", "Mine"), exitOK, nil)
		other := filepath.Join(t.TempDir(), "out.csv")
		r := exe(t, runOpts{nobody: true}, "--data", dir, "backup", "-o", other)
		want(t, r, exitUsage, []string{"cannot write the backup", "permission denied"})
	})
}

// TestDataDirectoryProblems_Issue7_15: a data directory that is a file is
// "not a directory" (no talk of damage or restore); one that may not be
// read is an error, not an empty list; a read-only store says the problem
// is writing.
func TestDataDirectoryProblems_Issue7_15(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"new", "--title", "X"}, {"check"}, {"restore"}} {
		r := exe(t, runOpts{}, append([]string{"--data", file}, args...)...)
		want(t, r, exitUsage, []string{"is a file, not a directory"}, "damaged", "restore  ")
	}
	if b := readFile(t, file); string(b) != "hello" {
		t.Error("the file was changed")
	}

	dir := userDir(t)
	want(t, exe(t, runOpts{nobody: true}, "--data", dir, "new", "--title", "Mine"), exitOK, nil)
	if err := os.Chmod(dir, 0o000); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"check"}} {
		r := exe(t, runOpts{nobody: true}, append([]string{"--data", dir}, args...)...)
		want(t, r, exitFailure, []string{"may not read the data directory", "permission denied"}, "ID  TITLE", "[]", "ok")
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, storage.FileName)
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	r := exe(t, runOpts{nobody: true}, "--data", dir, "new", "--title", "Second")
	want(t, r, exitFailure, []string{"may read " + db + " but not write it", "permission denied"}, "may not read")
	want(t, exe(t, runOpts{nobody: true}, "--data", dir, "list"), exitOK, []string{"Mine"})
	// A store it may not read at all says so (not "damaged").
	if err := os.Chmod(db, 0o000); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"new", "--title", "Third"}} {
		r := exe(t, runOpts{nobody: true}, append([]string{"--data", dir}, args...)...)
		want(t, r, exitFailure, []string{"may not read " + db, "permission denied"}, "damaged")
	}
}

// TestNoGoodBackupSaysSo_Issue7_16: when every backup fails its check,
// neither restore nor check sends the person to restore: they say no good
// backup exists and where the damaged files are kept.
func TestNoGoodBackupSaysSo_Issue7_16(t *testing.T) {
	dir := t.TempDir()
	withBackup(t, dir)
	backups := storage.BackupFolder(dir)
	entries, _ := os.ReadDir(backups)
	for _, e := range entries {
		if err := os.WriteFile(filepath.Join(backups, e.Name()), []byte("bad"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, storage.FileName)
	if err := os.WriteFile(db, []byte("damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := exe(t, runOpts{}, "--data", dir, "restore")
	want(t, r, exitFailure, []string{"no good backup exists", "damaged backups are kept in " + backups}, "restore  ", "run  boussole")
	if string(readFile(t, db)) != "damaged" {
		t.Error("the store was changed")
	}
	r = exe(t, runOpts{}, "--data", dir, "check")
	want(t, r, exitFailure, []string{"damaged", "No good backup exists in " + backups}, "restore  ")
}

// TestBackupToStandardOutput_Issue7_17: backup -o - writes the store to
// standard output, not to a file named "-".
func TestBackupToStandardOutput_Issue7_17(t *testing.T) {
	dir := t.TempDir()
	id := withBackup(t, dir)[0]
	cwd := t.TempDir()
	copyPath := filepath.Join(t.TempDir(), "from-stdout.db")
	f, err := os.Create(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	r := exe(t, runOpts{cwd: cwd, stdout: f}, "--data", dir, "backup", "-o", "-")
	f.Close()
	want(t, r, exitOK, nil)
	if _, err := os.Stat(filepath.Join(cwd, "-")); err == nil {
		t.Error("backup -o - wrote a file named -")
	}
	if got := ids(t, copyPath); !slices.Contains(got, id) {
		t.Errorf("the copy on standard output holds %v, want %s", got, id)
	}
	// On a terminal it refuses rather than print the store's bytes.
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("SKIPPED, NOT VERIFIED: no script(1) to give the binary a terminal")
	}
	cmd := exec.Command("script", "-qec", shellQuote(binary)+" --data "+shellQuote(dir)+" backup -o -", "/dev/null")
	cmd.Dir = cwd
	out, _ := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != exitUsage || !strings.Contains(string(out), "standard output is a terminal") {
		t.Errorf("backup -o - on a terminal: exit %d, %q", code, out)
	}
	if bytes.Contains(out, []byte("\x00")) {
		t.Error("the store's bytes reached the terminal")
	}
}

var (
	faultsOnce   sync.Once
	faultsBinary string
	faultsErr    error
)

// faultBinary builds, once, the binary with the fault hook (build tag
// boussole_faults): BOUSSOLE_FAIL_COMMIT=EIO fails every save at its commit.
func faultBinary(t *testing.T) string {
	t.Helper()
	faultsOnce.Do(func() {
		faultsBinary = filepath.Join(filepath.Dir(binary), "boussole-faults")
		out, err := exec.Command("go", "build", "-tags", "boussole_faults", "-o", faultsBinary, ".").CombinedOutput()
		if err != nil {
			faultsErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	if faultsErr != nil {
		t.Fatal(faultsErr)
	}
	return faultsBinary
}

// TestSaveFailsUnderInjectedFault_Issue7_7: with the commit failing (an
// I/O error or a full disk injected into the store, no root needed), sign,
// decline and amend print no success, say the reason in plain words, and
// the store keeps what it had.
func TestSaveFailsUnderInjectedFault_Issue7_7(t *testing.T) {
	dir := t.TempDir()
	id := newID(t, dir, "--template", "abm-pipeline", "--lang", "en")
	names := approverNames(exported(t, dir, id))
	ok(t, dir, "sign", id, "--as", names[0])
	before := ok(t, dir, "show", id, "--json")
	bin := faultBinary(t)
	for fault, says := range map[string]string{"EIO": "input/output error", "ENOSPC": "the disk is full", "EROFS": "read-only"} {
		env := []string{"BOUSSOLE_FAIL_COMMIT=" + fault}
		for _, args := range [][]string{
			{"sign", id, "--as", names[1]},
			{"decline", id, "--as", names[1], "--reason", "no"},
			{"new", "--title", "Lost?"},
		} {
			r := exe(t, runOpts{bin: bin, env: env}, append([]string{"--data", dir}, args...)...)
			want(t, r, exitFailure, []string{"boussole: " + args[0] + ": cannot save session", says})
			if r.stdout != "" {
				t.Errorf("%s under %s printed %q", args[0], fault, r.stdout)
			}
		}
	}
	if after := ok(t, dir, "show", id, "--json"); after != before {
		t.Error("a failed save changed the session")
	}
	// Without the fault the same binary saves.
	r := exe(t, runOpts{bin: bin}, "--data", dir, "sign", id, "--as", names[1])
	want(t, r, exitOK, []string{"signed and sealed"})
}

// TestWindowExportGuarded_Issue7_1: the window's save dialog may point at
// the store: the window's writer refuses it as -o does.
func TestWindowExportGuarded_Issue7_1(t *testing.T) {
	dir := t.TempDir()
	withBackup(t, dir)
	st, err := storage.Open(dir, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := filepath.Join(dir, storage.FileName)
	before := sum(t, db)
	write := windowDeps(st).WriteFileAtomic
	if err := write(db, []byte("a,csv\n")); workshop.KindOf(err) != workshop.KindInvalid {
		t.Errorf("the window wrote over the store: %v", err)
	}
	if sum(t, db) != before {
		t.Error("the store was changed")
	}
	if err := write(filepath.Join(t.TempDir(), "kpis.csv"), []byte("a,csv\n")); err != nil {
		t.Error(err)
	}
}
