package storage

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"boussole/workshop"
)

// LockName is the lock file of the data directory. Every opening of the
// store takes it first (shared to read, exclusive to write) and so does
// restore, for its whole duration. bbolt's own lock is a lock on
// boussole.db itself, which a restore replaces by another file: a process
// that opened the old file would keep writing to it, unseen. The lock file
// is never replaced, so it orders them all.
const LockName = "boussole.lock"

// lockRetry is how often a busy lock is tried again.
const lockRetry = 50 * time.Millisecond

// dirLock is a held lock on DIR/boussole.lock; nil when the directory could
// not hold one (a read-only reader of a directory it may not write).
type dirLock struct{ f *os.File }

// errLockBusy is what tryLock returns when another process holds the lock.
var errLockBusy = errors.New("the lock is held by another process")

// lockDir takes the lock of dir, waiting at most timeout for another
// Boussole to let go of it (then KindLocked).
func lockDir(dir string, exclusive bool, timeout time.Duration) (*dirLock, error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil && !exclusive {
		// A reader in a directory it may not write (a read-only medium,
		// another user's data) still takes a lock file that exists, and
		// goes without one that does not: nobody can write there either.
		if f, err = os.Open(path); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
	}
	if err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, err, "cannot take the lock %s (%s)", path, Reason(err))
	}
	deadline := time.Now().Add(timeout)
	for {
		err := tryLock(f, exclusive)
		if err == nil {
			return &dirLock{f: f}, nil
		}
		if !errors.Is(err, errLockBusy) {
			_ = f.Close()
			return nil, workshop.Wrap(workshop.KindInternal, err, "cannot take the lock %s (%s)", path, Reason(err))
		}
		if time.Now().After(deadline) {
			_ = f.Close()
			return nil, workshop.Wrap(workshop.KindLocked, err,
				"Boussole is already open on this data (%s). Close the other window first.", dir)
		}
		time.Sleep(lockRetry)
	}
}

// release lets go of the lock (closing the file releases it).
func (l *dirLock) release() {
	if l != nil && l.f != nil {
		_ = unlock(l.f)
		_ = l.f.Close()
		l.f = nil
	}
}
