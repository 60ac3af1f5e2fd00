package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"boussole/workshop"
)

const (
	backupDir    = "backups"
	backupPrefix = "boussole-"
	backupSuffix = ".db"
	stampLayout  = "20060102-150405"
)

// Backup writes a consistent copy of the store to path: into a temporary
// file in the same directory, synced, then renamed over path. An existing
// file at path is replaced only once the copy is complete.
func (s *Store) Backup(path string) error {
	if s.db == nil {
		return workshop.Errorf(workshop.KindNotFound, "there is no Boussole data in %s to back up", s.dir)
	}
	err := s.db.View(func(tx *bolt.Tx) error { return writeAtomic(path, tx.WriteTo) })
	if err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write the backup %s", path)
	}
	return nil
}

// writeAtomic writes through fill into a temp file next to path, syncs it,
// renames it to path and syncs the directory.
func writeAtomic(path string, fill func(io.Writer) (int64, error)) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	if _, err = fill(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable; not every system can sync a directory,
// and the rename itself is already done, so a failure is not an error.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Backups returns the paths of the automatic backups, newest first.
func (s *Store) Backups() ([]string, error) { return listBackups(s.dir) }

func listBackups(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, backupDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, err, "cannot list the backups in %s", dir)
	}
	var out []string
	for _, e := range entries {
		if n := e.Name(); e.Type().IsRegular() && isBackupName(n) {
			out = append(out, filepath.Join(dir, backupDir, n))
		}
	}
	// The names sort by time; newest first.
	slices.Sort(out)
	slices.Reverse(out)
	return out, nil
}

func isBackupName(n string) bool {
	if !strings.HasPrefix(n, backupPrefix) || !strings.HasSuffix(n, backupSuffix) {
		return false
	}
	_, err := time.Parse(stampLayout, strings.TrimSuffix(strings.TrimPrefix(n, backupPrefix), backupSuffix))
	return err == nil
}

// backedUpToday reports whether an automatic backup carries today's date.
func (s *Store) backedUpToday() bool {
	list, err := listBackups(s.dir)
	if err != nil {
		return false
	}
	today := backupPrefix + s.opts.Now().Format("20060102") + "-"
	for _, p := range list {
		if strings.HasPrefix(filepath.Base(p), today) {
			return true
		}
	}
	return false
}

// DailyBackup writes the first backup of the day when Open left it to this
// call (Options.DeferDailyBackup); otherwise it does nothing. The copy is
// made in a read transaction, so the store stays usable meanwhile; Close
// waits for it. Run it off the UI goroutine once the window is up. The
// pages were checked by Open, so the copy may push an older backup out of
// the rotation.
func (s *Store) DailyBackup() error {
	s.bgMu.Lock()
	if s.closed || !s.backupDue {
		s.bgMu.Unlock()
		return nil
	}
	s.backupDue = false
	s.bg.Add(1)
	s.bgMu.Unlock()
	defer s.bg.Done()
	return s.autoBackup()
}

// autoBackup writes DIR/backups/boussole-YYYYMMDD-HHMMSS.db and keeps the
// newest KeepBackups.
func (s *Store) autoBackup() error {
	dir := filepath.Join(s.dir, backupDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot create the backup folder %s", dir)
	}
	// A copy cut short (the process killed while a backup ran behind the
	// window) leaves its temp file; only the holder of the store's lock
	// writes here, so any such file is an orphan.
	if orphans, _ := filepath.Glob(filepath.Join(dir, "."+backupPrefix+"*"+backupSuffix+".tmp-*")); len(orphans) > 0 {
		for _, o := range orphans {
			_ = os.Remove(o)
		}
	}
	path := filepath.Join(dir, backupPrefix+s.opts.Now().Format(stampLayout)+backupSuffix)
	if _, err := os.Stat(path); err != nil {
		if err := s.Backup(path); err != nil {
			return err
		}
	}
	list, err := listBackups(s.dir)
	if err != nil {
		return err
	}
	for _, old := range list[min(len(list), s.opts.KeepBackups):] {
		if err := os.Remove(old); err != nil {
			return workshop.Wrap(workshop.KindInternal, err, "cannot remove the old backup %s", old)
		}
	}
	return nil
}

// RestoreLatestBackup replaces the store in dir by the newest backup that
// passes a full check. The store must be closed. The damaged file is moved
// aside to boussole.db.damaged-<time>, never deleted. It returns the path of
// the backup restored.
func RestoreLatestBackup(dir string) (restored string, err error) {
	r, err := RestoreLatest(dir)
	return r.Backup, err
}

// Restored tells what RestoreLatest did, so the person can be told which
// backup came back and where the damaged file is.
type Restored struct {
	Backup string // path of the backup put in place
	Aside  string // where the damaged store was moved; "" when there was no store file
}

// RestoreLatest is RestoreLatestBackup, also telling where the damaged
// store was set aside.
func RestoreLatest(dir string) (Restored, error) {
	var restored, aside string
	path := filepath.Join(dir, FileName)
	if err := ensureClosed(path); err != nil {
		return Restored{}, err
	}
	list, err := listBackups(dir)
	if err != nil {
		return Restored{}, err
	}
	var reasons []string
	for _, b := range list {
		if err := checkFile(b); err != nil {
			reasons = append(reasons, filepath.Base(b)+": "+workshop.Message(err))
			continue
		}
		restored = b
		break
	}
	if restored == "" {
		if len(list) == 0 {
			return Restored{}, workshop.Errorf(workshop.KindNotFound, "there is no backup in %s", filepath.Join(dir, backupDir))
		}
		return Restored{}, workshop.Errorf(workshop.KindCorrupt, "no backup in %s passes the check (%s)", filepath.Join(dir, backupDir), strings.Join(reasons, "; "))
	}

	src, err := os.Open(restored)
	if err != nil {
		return Restored{}, workshop.Wrap(workshop.KindInternal, err, "cannot read the backup %s", restored)
	}
	defer src.Close()
	// Copy first, under a temporary name: the damaged file moves aside only
	// when the good copy is complete on disk.
	tmp := path + ".restoring"
	if err := writeAtomic(tmp, func(w io.Writer) (int64, error) { return io.Copy(w, src) }); err != nil {
		_ = os.Remove(tmp)
		return Restored{}, workshop.Wrap(workshop.KindInternal, err, "cannot copy the backup %s", restored)
	}
	if _, err := os.Stat(path); err == nil {
		aside = path + ".damaged-" + time.Now().Format(stampLayout)
		for i := 2; fileExists(aside); i++ {
			aside = fmt.Sprintf("%s.damaged-%s-%d", path, time.Now().Format(stampLayout), i)
		}
		if err := os.Rename(path, aside); err != nil {
			_ = os.Remove(tmp)
			return Restored{}, workshop.Wrap(workshop.KindInternal, err, "cannot move the damaged store aside")
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return Restored{}, workshop.Wrap(workshop.KindInternal, err, "cannot put the backup in place")
	}
	syncDir(dir)
	return Restored{Backup: restored, Aside: aside}, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// ensureClosed fails with KindLocked when another Boussole holds the store.
// bbolt takes the lock before it reads a byte, so a damaged file that merely
// fails to open is not locked.
func ensureClosed(path string) (err error) {
	files := &openFiles{}
	defer func() {
		if r := recover(); r != nil {
			files.closeAll()
			err = nil // the lock was free; bbolt tripped on the damage after it
		}
	}()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 500 * time.Millisecond, ReadOnly: true, OpenFile: files.open})
	if errors.Is(err, berrors.ErrTimeout) {
		return openError(path, err)
	}
	if db != nil {
		_ = db.Close()
	}
	return nil
}

// checkFile opens a store file read-only and runs the full check on it.
func checkFile(path string) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	files := &openFiles{}
	defer func() {
		if r := recover(); r != nil {
			files.closeAll()
			err = corrupt(path, fmt.Errorf("panic: %v", r))
		}
	}()
	fi, err := os.Stat(path)
	if err != nil {
		return workshop.Wrap(workshop.KindNotFound, err, "cannot read %s", path)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true, OpenFile: files.open})
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	var size int64
	_ = db.View(func(tx *bolt.Tx) error { size = tx.Size(); return nil })
	if size > fi.Size() {
		return corrupt(path, fmt.Errorf("file is %d bytes but its pages reach %d bytes (truncated)", fi.Size(), size))
	}
	return checkDB(db, path, true)
}
