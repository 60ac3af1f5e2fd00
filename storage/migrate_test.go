package storage

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// TestMigrationsAllTested is the guard: every migration has a test named
// TestMigration_<version>_…, and versions run 1, 2, … without gaps.
func TestMigrationsAllTested(t *testing.T) {
	tested := map[int]bool{}
	files, _ := filepath.Glob("*_test.go")
	re := regexp.MustCompile(`^TestMigration_(\d+)_`)
	for _, f := range files {
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok {
				if m := re.FindStringSubmatch(fn.Name.Name); m != nil {
					n, _ := strconv.Atoi(m[1])
					tested[n] = true
				}
			}
		}
	}
	for i, m := range migrations {
		if m.version != i+1 {
			t.Errorf("migration %d has version %d: versions must run 1, 2, … in order", i, m.version)
		}
		if !tested[m.version] {
			t.Errorf("migration %d (%s) has no TestMigration_%d_… test", m.version, m.name, m.version)
		}
	}
	if len(tested) != len(migrations) {
		t.Errorf("%d migration tests for %d migrations", len(tested), len(migrations))
	}
}

// TestMigration_1_CreatesBucketsAndStampsVersion starts from a bbolt file
// that holds no Boussole bucket (schema 0).
func TestMigration_1_CreatesBucketsAndStampsVersion(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("scratch")); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openAt(t, dir, Options{Now: fixedNow})
	if v, _ := s.SchemaVersion(); v != currentVersion() {
		t.Fatalf("version = %d, want %d", v, currentVersion())
	}
	_ = s.db.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketSessions, bucketSummaries, []byte("scratch")} {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing after migration 1", b)
			}
		}
		if c := string(tx.Bucket(bucketMeta).Get(keyCreated)); c != "2027-01-11T09:30:00Z" {
			t.Errorf("created = %q", c)
		}
		return nil
	})
	// It ran after a backup of the old file.
	b, _ := s.Backups()
	if len(b) != 1 {
		t.Fatalf("backups = %v, want one taken before the migration", b)
	}
	if err := s.Put(richSession("after")); err != nil {
		t.Fatal(err)
	}
}

func TestMigrate_PendingRunInOneTransactionAfterBackup(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = saved[:1:1] // a schema-1 store, then a migration 2 made up here
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	if err := s.Put(richSession("kept")); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)

	// A failing migration 2 (after a write): rolled back, schema stays 1.
	migrations = append(saved[:1:1], migration{2, "failing", func(tx *bolt.Tx, _ time.Time) error {
		if err := tx.Bucket(bucketMeta).Put([]byte("half"), []byte("done")); err != nil {
			return err
		}
		return errors.New("disk says no")
	}})
	later := func(h int) Options {
		return Options{Now: func() time.Time { return day.Add(time.Duration(h) * time.Hour) }}
	}
	_, err := Open(dir, later(1))
	wantKind(t, err, workshop.KindInternal)
	if !strings.Contains(workshop.Message(err), "migration 2 (failing) failed; the store was left at schema 1") {
		t.Fatalf("message = %q", workshop.Message(err))
	}
	db, err := bolt.Open(filepath.Join(dir, FileName), 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx *bolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get(keyVersion)); v != "1" {
			t.Errorf("version after failed migration = %q", v)
		}
		if tx.Bucket(bucketMeta).Get([]byte("half")) != nil {
			t.Error("a failed migration left a half write")
		}
		return nil
	})
	db.Close()
	backups, _ := listBackups(dir)
	if len(backups) != 1 || !strings.HasSuffix(backups[0], "boussole-20270111-103000.db") {
		t.Fatalf("backups = %v, want one taken before the migration", backups)
	}

	// A working migration 2 runs and stamps version 2, after another backup.
	migrations[1].fn = func(tx *bolt.Tx, _ time.Time) error {
		return tx.Bucket(bucketMeta).Put([]byte("two"), []byte("yes"))
	}
	s = openAt(t, dir, later(2))
	if v, _ := s.SchemaVersion(); v != 2 {
		t.Fatalf("version = %d", v)
	}
	if b, _ := s.Backups(); len(b) != 2 {
		t.Fatalf("backups = %v", b)
	}
	if _, err := s.Get("kept"); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)
	// The backup before migration 2 is a schema-1 store.
	v, err := func() (int, error) {
		b, _ := listBackups(dir)
		return inspect(b[0], time.Second, &openFiles{})
	}()
	if err != nil || v != 1 {
		t.Fatalf("backup schema = %d (%v), want 1", v, err)
	}
}

func TestBackups_DailyRotatingNewestFirst(t *testing.T) {
	dir := t.TempDir()
	at := func(d int) Options {
		return Options{KeepBackups: 3, Now: func() time.Time { return day.AddDate(0, 0, d) }}
	}
	s := openAt(t, dir, at(0))
	if err := s.Put(richSession("x")); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.Backups(); len(b) != 0 {
		t.Fatalf("a new store has backups: %v", b)
	}
	closeNow(t, s)
	for d := range 5 {
		for range 2 { // twice a day: one backup
			s = openAt(t, dir, at(d))
			closeNow(t, s)
		}
	}
	b, err := listBackups(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range b {
		names = append(names, filepath.Base(p))
	}
	want := "boussole-20270115-093000.db boussole-20270114-093000.db boussole-20270113-093000.db"
	if strings.Join(names, " ") != want {
		t.Fatalf("backups = %v, want %s", names, want)
	}
	for _, p := range b {
		if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %o", p, fi.Mode().Perm())
		}
		if err := checkFile(p); err != nil {
			t.Errorf("backup %s: %v", p, err)
		}
	}
}

func TestBackup_ToPathIsACompleteStore(t *testing.T) {
	s := openTest(t)
	if err := s.Put(richSession("b1")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(out, []byte("older content, replaced whole"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(out); err != nil {
		t.Fatal(err)
	}
	if err := checkFile(out); err != nil {
		t.Fatal(err)
	}
	copyDir := t.TempDir()
	if err := os.Rename(out, filepath.Join(copyDir, FileName)); err != nil {
		t.Fatal(err)
	}
	c := openAt(t, copyDir, Options{Now: fixedNow, ReadOnly: true})
	if _, err := c.Get("b1"); err != nil {
		t.Fatal(err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp*"))
	if len(leftovers) != 0 {
		t.Fatalf("temp files left: %v", leftovers)
	}
}

func TestRestoreLatestBackup_RefusedWhileOpen(t *testing.T) {
	dir := filledStore(t, 1)
	s := openAt(t, dir, Options{Now: fixedNow})
	_, err := RestoreLatestBackup(dir)
	wantKind(t, err, workshop.KindLocked)
	closeNow(t, s)
	empty := t.TempDir()
	_, err = RestoreLatestBackup(empty)
	wantKind(t, err, workshop.KindNotFound)
}
