package storage

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"sync"
	"syscall"
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
	// FailCommit, when set, runs in every save (Put, Delete) once the
	// change is made, just before it commits; an error aborts the commit
	// as a disk that fails the write or its fsync would, and the save
	// returns it. Tests inject disk faults through it.
	FailCommit func() error
}

// Store is an open Boussole store. Its methods are safe for concurrent use.
type Store struct {
	db      *bolt.DB // nil for a read-only store whose file does not exist
	dir     string
	path    string
	opts    Options
	lock    *dirLock // the data directory's lock, held until Close
	notices []Notice

	// keyMu guards key, the installation key once SigningKey has it.
	keyMu sync.Mutex
	key   *InstallationKey

	// bgMu guards backupDue and closed; bg counts a DailyBackup running,
	// which Close waits for.
	bgMu      sync.Mutex
	backupDue bool // Open checked the pages and deferred the daily backup
	closed    bool
	bg        sync.WaitGroup
}

// Open opens (or creates) the store in dir.
//
// It first takes the data directory's lock (LockName: shared to read,
// exclusive to write), waiting at most opts.Timeout, then, before bbolt
// may write anything, opens an existing file read-only and inspects it: a
// lock held by another process gives KindLocked, a damaged, empty or
// missing store (with backups beside it) KindCorrupt, a newer schema
// KindTooNew; in each case the files are left byte-identical.
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
	var lock *dirLock
	files := &openFiles{}
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				_ = db.Close()
			}
			files.closeAll()
			s, err = nil, corrupt(path, fmt.Errorf("panic: %v", r))
		}
		if err != nil {
			lock.release()
		}
	}()

	if derr := dataDirError(dir); errors.Is(derr, os.ErrNotExist) {
		if opts.ReadOnly {
			return &Store{dir: dir, path: path, opts: opts}, nil // empty: nothing to read
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, workshop.Wrap(workshop.KindInternal, err, "cannot create the data directory %s (%s)", dir, Reason(err))
		}
	} else if derr != nil {
		return nil, derr
	}

	missing, err := storeMissing(dir, path)
	if err != nil {
		return nil, err
	}
	if missing && opts.ReadOnly {
		// Reading a store that does not exist yet must not create it: an
		// empty read-only store lists nothing and finds nothing.
		return &Store{dir: dir, path: path, opts: opts}, nil
	}
	if lock, err = lockDir(dir, !opts.ReadOnly, opts.Timeout); err != nil {
		return nil, err
	}
	if !opts.ReadOnly {
		cleanLeftovers(dir)
	}
	// Again under the lock: another process may have created it meanwhile.
	if missing, err = storeMissing(dir, path); err != nil {
		return nil, err
	}
	notices := tighten(dir)
	if missing {
		// A store about to be created: making its folder private is part
		// of creating it, not news; a folder that cannot be made private
		// still is.
		notices = slices.DeleteFunc(notices, func(n Notice) bool { return n.Err == nil })
	}

	existed := !missing
	version := 0
	if existed {
		if err := readable(path); err != nil {
			return nil, err
		}
		if version, err = inspect(path, opts.Timeout, files); err != nil {
			return nil, err
		}
	}
	if version > currentVersion() {
		return nil, workshop.Errorf(workshop.KindTooNew,
			"%s was written by a newer Boussole (schema %d, this one knows %d); update Boussole", path, version, currentVersion())
	}

	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly, OpenFile: files.open})
	if err != nil {
		if !opts.ReadOnly && (errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS)) {
			return nil, workshop.Wrap(workshop.KindInternal, err,
				"Boussole may read %s but not write it (%s): give your user write access to it and to its folder", path, Reason(err))
		}
		return nil, openError(path, err)
	}
	s = &Store{db: db, dir: dir, path: path, opts: opts, lock: lock, notices: notices}
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

// dataDirError is nil when dir is a directory Boussole may use. A directory
// that does not exist gives KindNotFound (with fs.ErrNotExist in the chain),
// one that cannot be read says why, and a file is "not a directory".
func dataDirError(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return workshop.Wrap(workshop.KindNotFound, err, "there is no Boussole data in %s (no such directory)", dir)
	case err != nil:
		return workshop.Wrap(workshop.KindInternal, err, "Boussole may not read the data directory %s (%s)", dir, Reason(err))
	case !fi.IsDir():
		return workshop.Wrap(workshop.KindInvalid, syscall.ENOTDIR,
			"the data directory %s is a file, not a directory: give a directory with --data or BOUSSOLE_DATA", dir)
	}
	return nil
}

// storeMissing reports whether there is no store file in dir. A store that
// cannot be looked at, an empty one, and a missing one while the backups
// folder holds good backups are errors: the data is not "new", and creating
// an empty store would hide it.
func storeMissing(dir, path string) (bool, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if good, _, _ := scanBackups(dir); len(good) > 0 {
			return false, workshop.Errorf(workshop.KindCorrupt,
				"The Boussole data file %s is missing, but %s holds backups of it; no empty store was created. "+RestoreAdvice,
				path, filepath.Join(dir, backupDir))
		}
		return true, nil
	case err != nil:
		return false, workshop.Wrap(workshop.KindInternal, err, "Boussole may not read the data directory %s (%s)", dir, Reason(err))
	case !fi.Mode().IsRegular():
		return false, workshop.Errorf(workshop.KindCorrupt,
			"The Boussole data file %s is not a regular file, so it cannot be read; it was left untouched. "+RestoreAdvice, path)
	case fi.Size() == 0:
		return false, workshop.Errorf(workshop.KindCorrupt,
			"The Boussole data file %s is empty (0 bytes): it is damaged, and was left untouched rather than taken for a new store. "+RestoreAdvice, path)
	}
	return false, nil
}

// readable says, when the store file cannot be opened for reading, why.
func readable(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "Boussole may not read %s (%s)", path, Reason(err))
	}
	return f.Close()
}

// inspect opens path read-only (a shared lock, so a writer elsewhere makes
// it time out) and returns its schema version after a cheap integrity
// check: the file is as long as its meta page says and the meta and
// summaries buckets can be walked. Check does the full walk.
func inspect(path string, timeout time.Duration, files *openFiles) (version int, err error) {
	in, err := inspectWith(path, timeout, files, true)
	return in.version, err
}

// inspection is what inspectFile read.
type inspection struct {
	version int
	backup  []byte // the backup record, nil when the file has none
}

// inspectFile is inspect for a backup: it reads the meta page, the size,
// the schema version and the backup record, without walking the buckets,
// and turns a panic inside bbolt into KindCorrupt.
func inspectFile(path string, timeout time.Duration) (in inspection, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	files := &openFiles{}
	defer func() {
		if r := recover(); r != nil {
			files.closeAll()
			in, err = inspection{}, corrupt(path, fmt.Errorf("panic: %v", r))
		}
	}()
	return inspectWith(path, timeout, files, false)
}

func inspectWith(path string, timeout time.Duration, files *openFiles, walk bool) (in inspection, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return in, workshop.Wrap(workshop.KindInternal, err, "cannot read %s (%s)", path, Reason(err))
	}
	if fi.Size() == 0 {
		return in, corrupt(path, errors.New("the file is empty (0 bytes)"))
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: true, OpenFile: files.open})
	if err != nil {
		return in, openError(path, err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		if tx.Size() > fi.Size() {
			return fmt.Errorf("file is %d bytes but its pages reach %d bytes (truncated)", fi.Size(), tx.Size())
		}
		if b := tx.Bucket(bucketBackup); b != nil {
			in.backup = bytes.Clone(b.Get(keyRecord))
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
		in.version = n
		if in.version > currentVersion() || !walk {
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
		return inspection{}, corrupt(path, err)
	}
	return in, nil
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
		return workshop.Wrap(workshop.KindInternal, err, "Boussole may not read %s (%s)", path, Reason(err))
	case errors.Is(err, os.ErrNotExist):
		return workshop.Wrap(workshop.KindNotFound, err, "there is no Boussole data in %s", filepath.Dir(path))
	}
	return corrupt(path, err)
}

// RestoreAdvice ends the message of a damaged store: the way out. A caller
// that knows no good backup exists replaces it.
const RestoreAdvice = "Restore the latest backup (the app offers it; from a terminal: boussole restore)"

// corrupt is the plain sentence for a damaged store, with the way out.
func corrupt(path string, cause error) error {
	return workshop.Wrap(workshop.KindCorrupt, cause,
		"The Boussole data file %s is damaged and was left untouched. "+RestoreAdvice, path)
}

// Close closes the store, after a daily backup still being written.
func (s *Store) Close() error {
	s.bgMu.Lock()
	s.closed = true
	s.bgMu.Unlock()
	s.bg.Wait()
	// The lock goes last: the store is closed before another process may
	// open it or a restore replace it (Windows cannot rename an open file).
	defer s.lock.release()
	if s.db == nil {
		return nil
	}
	if err := s.db.Close(); err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot close %s (%s)", s.path, Reason(err))
	}
	return nil
}

// Path returns the path of the store file.
func (s *Store) Path() string { return s.path }

// Dir returns the data directory.
func (s *Store) Dir() string { return s.dir }

// update runs fn in a write transaction, then the injected fault if any.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		if s.opts.FailCommit != nil {
			return s.opts.FailCommit()
		}
		return nil
	})
}

// writable refuses writes on a read-only store.
func (s *Store) writable() error {
	if s.opts.ReadOnly {
		return workshop.Errorf(workshop.KindForbidden, "the store %s is open read-only", s.path)
	}
	return nil
}
