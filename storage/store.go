package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"boussole/workshop"
)

// FileName is the name of the store file in the data directory.
const FileName = "boussole.db"

var (
	bucketMeta      = []byte("meta")
	bucketSessions  = []byte("sessions")
	bucketSummaries = []byte("summaries")

	keyVersion = []byte("version")
	keyCreated = []byte("created")
)

// Options tune Open.
type Options struct {
	// Timeout is how long Open waits for another process to release the
	// store before it reports KindLocked (default 1 s).
	Timeout time.Duration
	// Now gives the time for backup names and the daily backup (default time.Now).
	Now func() time.Time
	// ReadOnly opens the store without writing: no migration, no backup.
	ReadOnly bool
	// KeepBackups is how many automatic backups are kept (default 7).
	KeepBackups int
	// DeferDailyBackup leaves the first backup of the day to DailyBackup,
	// so that a window can show before a large store is copied (writing
	// and syncing a 130 MB file takes a third of a second). Open still
	// checks every page first: a damaged store is refused as before. The
	// backup before a migration is never deferred.
	DeferDailyBackup bool
}

// Store is an open Boussole store. Its methods are safe for concurrent use.
type Store struct {
	db   *bolt.DB // nil for a read-only store whose file does not exist
	dir  string
	path string
	opts Options

	// bgMu guards backupDue and closed; bg counts a DailyBackup running,
	// which Close waits for.
	bgMu      sync.Mutex
	backupDue bool // Open checked the pages and deferred the daily backup
	closed    bool
	bg        sync.WaitGroup
}

// Open opens (or creates) the store in dir.
//
// Before bbolt may write anything, an existing file is opened read-only and
// inspected: a lock held by another process gives KindLocked, a damaged file
// KindCorrupt, a newer schema KindTooNew; in each case the file is left
// byte-identical.
func Open(dir string, opts Options) (s *Store, err error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.KeepBackups <= 0 {
		opts.KeepBackups = 7
	}
	if dir == "" {
		return nil, workshop.Errorf(workshop.KindInvalid, "no data directory given")
	}
	path := filepath.Join(dir, FileName)

	// bbolt panics on some damaged files, and a page beyond the end of a
	// truncated file faults: both become KindCorrupt, never a crash.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var db *bolt.DB
	files := &openFiles{}
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				_ = db.Close()
			}
			files.closeAll()
			s, err = nil, corrupt(path, fmt.Errorf("panic: %v", r))
		}
	}()

	if _, statErr := os.Stat(dir); errors.Is(statErr, os.ErrNotExist) {
		if opts.ReadOnly {
			return &Store{dir: dir, path: path, opts: opts}, nil // empty: nothing to read
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, workshop.Wrap(workshop.KindInternal, err, "cannot create the data directory %s", dir)
		}
	}

	existed := false
	version := 0
	if fi, statErr := os.Stat(path); statErr == nil && fi.Size() > 0 {
		existed = true
		if version, err = inspect(path, opts.Timeout, files); err != nil {
			return nil, err
		}
	} else if opts.ReadOnly {
		// Reading a store that does not exist yet must not create it: an
		// empty read-only store lists nothing and finds nothing.
		return &Store{dir: dir, path: path, opts: opts}, nil
	}
	if version > currentVersion() {
		return nil, workshop.Errorf(workshop.KindTooNew,
			"%s was written by a newer Boussole (schema %d, this one knows %d); update Boussole", path, version, currentVersion())
	}

	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly, OpenFile: files.open})
	if err != nil {
		return nil, openError(path, err)
	}
	s = &Store{db: db, dir: dir, path: path, opts: opts}
	if opts.ReadOnly {
		return s, nil
	}

	pending := version < currentVersion()
	if existed && (pending || !s.backedUpToday()) {
		// A backup must be good: check every page before it may push an
		// older, good backup out of the rotation. (Records are decoded by
		// Check on demand; decoding all of them would slow the start.)
		if err := checkDB(s.db, s.path, false); err != nil {
			_ = db.Close()
			return nil, err
		}
		if !pending && opts.DeferDailyBackup {
			s.backupDue = true
		} else if err := s.autoBackup(); err != nil {
			_ = db.Close()
			return nil, err
		}
	}
	if err := s.migrate(version); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// inspect opens path read-only (a shared lock, so a writer elsewhere makes
// it time out) and returns its schema version after a cheap integrity
// check: the file is as long as its meta page says and the meta and
// summaries buckets can be walked. Check does the full walk.
func inspect(path string, timeout time.Duration, files *openFiles) (version int, err error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: true, OpenFile: files.open})
	if err != nil {
		return 0, openError(path, err)
	}
	defer db.Close()
	fi, err := os.Stat(path)
	if err != nil {
		return 0, workshop.Wrap(workshop.KindInternal, err, "cannot read %s", path)
	}
	err = db.View(func(tx *bolt.Tx) error {
		if tx.Size() > fi.Size() {
			return fmt.Errorf("file is %d bytes but its pages reach %d bytes (truncated)", fi.Size(), tx.Size())
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return nil // version 0: never migrated
		}
		v := meta.Get(keyVersion)
		n, convErr := strconv.Atoi(string(v))
		if convErr != nil || n < 1 {
			return fmt.Errorf("unreadable schema version %q", v)
		}
		version = n
		if version > currentVersion() {
			return nil // too new: its layout is not ours to judge
		}
		for _, name := range [][]byte{bucketMeta, bucketSummaries} {
			if b := tx.Bucket(name); b != nil {
				if err := b.ForEach(func(k, v []byte) error { return nil }); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, corrupt(path, err)
	}
	return version, nil
}

// openFiles remembers the files bbolt opens, so that after a panic inside
// bbolt (which then never returns its DB) they can still be closed: an
// open descriptor would keep the file lock and make the way out, restoring
// a backup, report the store as in use.
type openFiles struct{ list []*os.File }

func (o *openFiles) open(name string, flag int, perm os.FileMode) (*os.File, error) {
	f, err := os.OpenFile(name, flag, perm)
	if err == nil {
		o.list = append(o.list, f)
	}
	return f, err
}

func (o *openFiles) closeAll() {
	for _, f := range o.list {
		_ = f.Close()
	}
}

// openError turns a bbolt.Open error into a person's error.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return workshop.Wrap(workshop.KindLocked, err,
			"Boussole is already open on this data (%s). Close the other window first.", filepath.Dir(path))
	case errors.Is(err, os.ErrPermission):
		return workshop.Wrap(workshop.KindInternal, err, "Boussole may not read %s (permission denied)", path)
	case errors.Is(err, os.ErrNotExist):
		return workshop.Wrap(workshop.KindNotFound, err, "there is no Boussole data in %s", filepath.Dir(path))
	}
	return corrupt(path, err)
}

// corrupt is the plain sentence for a damaged store, with the way out.
func corrupt(path string, cause error) error {
	return workshop.Wrap(workshop.KindCorrupt, cause,
		"The Boussole data file %s is damaged and was left untouched. Restore the latest backup (the app offers it; from a terminal: boussole check)", path)
}

// Close closes the store, after a daily backup still being written.
func (s *Store) Close() error {
	s.bgMu.Lock()
	s.closed = true
	s.bgMu.Unlock()
	s.bg.Wait()
	if s.db == nil {
		return nil
	}
	if err := s.db.Close(); err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot close %s", s.path)
	}
	return nil
}

// Path returns the path of the store file.
func (s *Store) Path() string { return s.path }

// Dir returns the data directory.
func (s *Store) Dir() string { return s.dir }

// writable refuses writes on a read-only store.
func (s *Store) writable() error {
	if s.opts.ReadOnly {
		return workshop.Errorf(workshop.KindForbidden, "the store %s is open read-only", s.path)
	}
	return nil
}
