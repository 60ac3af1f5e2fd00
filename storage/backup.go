package storage

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
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

	// restoringPrefix names the copy of a backup that restore is putting in
	// place; one left by an interrupted restore is removed at the next start.
	restoringPrefix = FileName + ".restoring.tmp-"
	// pendingPrefix names the note, in the data directory, of a temporary
	// file that backup -o is writing elsewhere: an interrupted backup -o
	// leaves the note, and the next start removes the file it names.
	pendingPrefix = ".pending-output-"
)

// An automatic backup records when it was taken in its own bucket,
// backup/record (backupRecordV1). The store itself never carries that
// bucket: restore removes it from the copy it puts in place.
var (
	bucketBackup = []byte("backup")
	keyRecord    = []byte("record")
)

// backupRecordV1 is what an automatic backup records about itself. Backups
// are ordered by Sequence (one more than the highest of the backups beside
// it when it was taken), then by Taken: a clock set back gives an earlier
// Taken but never a lower Sequence, so the backup just taken is the newest.
type backupRecordV1 struct {
	Taken    time.Time `json:"taken"`
	Sequence int64     `json:"sequence"`
}

// BackupInfo is one automatic backup that passes the check.
type BackupInfo struct {
	Path string
	// Taken is when the backup was taken, as recorded inside it (for a
	// backup written before Boussole recorded it: the file's time).
	Taken time.Time
	// Sequence orders the backups (0 for one without a record).
	Sequence int64
}

// Backup writes a consistent copy of the store to path: into a temporary
// file in the same directory, synced, then renamed over path. An existing
// file at path is replaced only once the copy is complete. A path that
// names the store, its lock or a file of the backups folder is refused
// (GuardOutput).
func (s *Store) Backup(path string) error {
	if s.db == nil {
		return workshop.Errorf(workshop.KindNotFound, "there is no Boussole data in %s to back up", s.dir)
	}
	if err := GuardOutput(s.dir, path); err != nil {
		return err
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		return writeAtomic(path, tx.WriteTo, nil, s.notePending)
	})
	if err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write the backup %s (%s)", path, Reason(err))
	}
	return nil
}

// BackupTo writes a consistent copy of the store to w (standard output).
func (s *Store) BackupTo(w io.Writer) error {
	if s.db == nil {
		return workshop.Errorf(workshop.KindNotFound, "there is no Boussole data in %s to back up", s.dir)
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(w)
		return err
	})
	if err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write the backup (%s)", Reason(err))
	}
	return nil
}

// notePending records, in the data directory, the temporary file tmp that
// a backup is about to write, and returns what removes the note. Without a
// note (a data directory it may not write) an interrupted copy leaves its
// temporary file, as any program would.
func (s *Store) notePending(tmp string) (done func()) {
	abs, err := filepath.Abs(tmp)
	if err != nil {
		return func() {}
	}
	note := filepath.Join(s.dir, pendingPrefix+randomSuffix())
	if err := os.WriteFile(note, []byte(abs), 0o600); err != nil {
		_ = os.Remove(note) // a full disk leaves it created but empty
		return func() {}
	}
	syncDir(s.dir)
	return func() { _ = os.Remove(note) }
}

// tmpName matches the temporary files writeAtomic creates: .NAME.tmp-HEX.
var tmpName = regexp.MustCompile(`^\..+\.tmp-[0-9a-f]{16}$`)

func randomSuffix() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// writeAtomic writes through fill into a temp file next to path, syncs it,
// lets finish complete it (nil: nothing to do), renames it to path and
// syncs the directory. announce, when given, is told the temp file's name
// before it exists and returns what to call once it is gone.
func writeAtomic(path string, fill func(io.Writer) (int64, error), finish func(tmp string) error, announce func(tmp string) func()) (err error) {
	dir := filepath.Dir(path)
	tmp := filepath.Join(dir, "."+filepath.Base(path)+".tmp-"+randomSuffix())
	if announce != nil {
		defer announce(tmp)()
	}
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	w := &firstError{w: f}
	if _, err = fill(w); err != nil {
		if w.err != nil {
			err = w.err // bbolt's WriteTo hides the cause (%s): keep it
		}
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if finish != nil {
		if err = finish(tmp); err != nil {
			return err
		}
	}
	if err = replaceFile(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// firstError is a writer that keeps the first error of its writer, with
// its type (a full disk stays recognisable as ENOSPC).
type firstError struct {
	w   io.Writer
	err error
}

func (f *firstError) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}

// syncDir makes a rename durable; not every system can sync a directory,
// and the rename itself is already done, so a failure is not an error.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Backups returns the paths of the automatic backups that pass the check,
// newest first.
func (s *Store) Backups() ([]string, error) { return listBackups(s.dir) }

func listBackups(dir string) ([]string, error) {
	good, _, err := scanBackups(dir)
	var out []string
	for _, b := range good {
		out = append(out, b.Path)
	}
	return out, err
}

// GoodBackups returns the automatic backups of the data directory dir that
// pass the check, newest first.
func GoodBackups(dir string) ([]BackupInfo, error) {
	good, _, err := scanBackups(dir)
	return good, err
}

// rejected is a file of the backups folder that is not a good backup.
type rejected struct {
	path   string
	reason string
}

// scanBackups reads every file of DIR/backups named like a backup
// (boussole-*.db): the good ones, newest first, and the others with why.
// The check opens each file read-only and reads its meta page, its size and
// its record: a file that is not a store, is cut short, was written by a
// newer Boussole or is not a backup is never counted as one. (Restore runs
// the full check on the one it puts back.)
func scanBackups(dir string) (good []BackupInfo, bad []rejected, err error) {
	folder := filepath.Join(dir, backupDir)
	entries, err := os.ReadDir(folder)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, workshop.Wrap(workshop.KindInternal, err, "cannot list the backups in %s (%s)", folder, Reason(err))
	}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, backupPrefix) || !strings.HasSuffix(n, backupSuffix) {
			continue
		}
		p := filepath.Join(folder, n)
		if !e.Type().IsRegular() {
			bad = append(bad, rejected{p, "not a regular file"})
			continue
		}
		info, err := readBackup(p)
		if err != nil {
			bad = append(bad, rejected{p, workshop.Message(err)})
			continue
		}
		good = append(good, info)
	}
	slices.SortFunc(good, func(a, b BackupInfo) int {
		if a.Sequence != b.Sequence {
			return cmpInt64(b.Sequence, a.Sequence)
		}
		if c := b.Taken.Compare(a.Taken); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
	return good, bad, nil
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// readBackup checks a backup file cheaply and reads its record.
func readBackup(path string) (info BackupInfo, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return info, workshop.Wrap(workshop.KindNotFound, err, "cannot read %s (%s)", path, Reason(err))
	}
	in, err := inspectFile(path, time.Second)
	if err != nil {
		return info, err
	}
	if in.version > currentVersion() {
		return info, workshop.Errorf(workshop.KindTooNew, "%s was written by a newer Boussole (schema %d)", path, in.version)
	}
	info = BackupInfo{Path: path, Taken: fi.ModTime()}
	if in.backup != nil {
		var r backupRecordV1
		if err := json.Unmarshal(in.backup, &r); err != nil || r.Taken.IsZero() || r.Sequence < 1 {
			return BackupInfo{}, corrupt(path, fmt.Errorf("unreadable backup record %q", in.backup))
		}
		info.Taken, info.Sequence = r.Taken, r.Sequence
	}
	return info, nil
}

// backedUpToday reports whether a good automatic backup was taken today.
func (s *Store) backedUpToday() bool {
	good, _, err := scanBackups(s.dir)
	if err != nil {
		return false
	}
	now := s.opts.Now()
	y, m, d := now.Date()
	for _, b := range good {
		if by, bm, bd := b.Taken.In(now.Location()).Date(); by == y && bm == m && bd == d {
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

// autoBackup writes DIR/backups/boussole-YYYYMMDD-HHMMSS.db with its record
// and keeps the newest KeepBackups good backups. The name is for people to
// read: the order comes from the record. Files of the folder that are not
// good backups are neither counted nor deleted.
func (s *Store) autoBackup() error {
	dir := filepath.Join(s.dir, backupDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot create the backup folder %s (%s)", dir, Reason(err))
	}
	good, _, err := scanBackups(s.dir)
	if err != nil {
		return err
	}
	rec := backupRecordV1{Taken: s.opts.Now().UTC(), Sequence: 1}
	for _, b := range good {
		rec.Sequence = max(rec.Sequence, b.Sequence+1)
	}
	stamp := s.opts.Now().Format(stampLayout)
	path := filepath.Join(dir, backupPrefix+stamp+backupSuffix)
	for i := 2; fileExists(path); i++ {
		path = filepath.Join(dir, fmt.Sprintf("%s%s-%d%s", backupPrefix, stamp, i, backupSuffix))
	}
	record, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		return writeAtomic(path, tx.WriteTo, func(tmp string) error { return setBackupRecord(tmp, record) }, nil)
	})
	if err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write the backup %s (%s)", path, Reason(err))
	}
	// The new backup must pass the check before it may push an older one out.
	if info, err := readBackup(path); err != nil || info.Sequence != rec.Sequence {
		return workshop.Errorf(workshop.KindInternal, "the backup just written, %s, fails its check (%v); no older backup was removed", path, err)
	}
	good, _, err = scanBackups(s.dir)
	if err != nil {
		return err
	}
	for _, old := range good[min(len(good), s.opts.KeepBackups):] {
		if old.Path == path {
			continue // never the backup just taken
		}
		if err := os.Remove(old.Path); err != nil {
			return workshop.Wrap(workshop.KindInternal, err, "cannot remove the old backup %s (%s)", old.Path, Reason(err))
		}
	}
	return nil
}

// setBackupRecord writes (record != nil) or removes the backup record of
// the store file at path, which nobody else has open.
func setBackupRecord(path string, record []byte) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		if record == nil {
			if tx.Bucket(bucketBackup) == nil {
				return nil
			}
			return tx.DeleteBucket(bucketBackup)
		}
		b, err := tx.CreateBucketIfNotExists(bucketBackup)
		if err != nil {
			return err
		}
		return b.Put(keyRecord, record)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// RestoreOptions tune RestoreLatest.
type RestoreOptions struct {
	// Force replaces a store that passes the check (by default restore
	// refuses: it is for a damaged store).
	Force bool
	// Timeout is how long restore waits for another Boussole to let go of
	// the data (default 1 s), then KindLocked.
	Timeout time.Duration
	// Now gives the time in the name of the set-aside store (default time.Now).
	Now func() time.Time
	// BeforeSwap, when set, runs with the lock held and the backup copied,
	// just before it replaces the store (tests try a second process there).
	BeforeSwap func()
}

// Restored tells what RestoreLatest did, so the person can be told which
// backup came back, when it was taken and where the old store is.
type Restored struct {
	Backup string    // path of the backup put in place
	Taken  time.Time // when that backup was taken
	Aside  string    // where the old store was set aside; "" when there was no store file
	// Replaced is set when the old store was sound (a forced restore): it
	// was set aside as boussole.db.replaced-…, not .damaged-….
	Replaced bool
}

// ErrNoGoodBackup is in the chain of RestoreLatest's error when the backups
// folder holds files but none passes its check.
var ErrNoGoodBackup = errors.New("no good backup")

// RestoreLatestBackup replaces a damaged store in dir by the newest backup
// that passes a full check and returns the path of that backup.
func RestoreLatestBackup(dir string) (restored string, err error) {
	r, err := RestoreLatest(dir, RestoreOptions{})
	return r.Backup, err
}

// RestoreLatest replaces the store in dir by the newest backup that passes
// a full check. It holds the data directory's lock throughout (another
// Boussole gets KindLocked, and so does restore while one is open). A store
// that passes the check is left alone (KindConflict) unless opts.Force. The
// old store is kept aside, never deleted: boussole.db.damaged-<time>, or
// .replaced-<time> when it was sound. At every moment there is a store at
// boussole.db: the old one until the backup, complete and synced, is
// renamed over it.
func RestoreLatest(dir string, opts RestoreOptions) (Restored, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	path := filepath.Join(dir, FileName)
	if err := dataDirError(dir); err != nil {
		return Restored{}, err
	}
	lock, err := lockDir(dir, true, opts.Timeout)
	if err != nil {
		return Restored{}, err
	}
	defer lock.release()
	if err := ensureClosed(path); err != nil {
		return Restored{}, err
	}
	cleanLeftovers(dir)

	// What is there now?
	exists := true
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		exists = false
	} else if err != nil {
		return Restored{}, workshop.Wrap(workshop.KindInternal, err, "cannot read %s (%s)", path, Reason(err))
	}
	damaged := !exists
	if exists {
		switch cerr := checkFile(path); {
		case cerr == nil:
			if !opts.Force {
				return Restored{}, workshop.Errorf(workshop.KindConflict,
					"the store %s is sound (it passes the check): restore only replaces a damaged store, and nothing was changed. "+
						"To go back to the latest backup anyway, run restore --force; the current store is then kept aside as %s.replaced-<time>", path, FileName)
			}
		case workshop.KindOf(cerr) == workshop.KindCorrupt:
			damaged = true
		case !opts.Force:
			return Restored{}, cerr
		}
	}

	good, bad, err := scanBackups(dir)
	if err != nil {
		return Restored{}, err
	}
	var chosen BackupInfo
	for _, b := range good {
		if err := checkFile(b.Path); err != nil {
			bad = append(bad, rejected{b.Path, workshop.Message(err)})
			continue
		}
		chosen = b
		break
	}
	folder := filepath.Join(dir, backupDir)
	if chosen.Path == "" {
		if len(bad) == 0 {
			return Restored{}, workshop.Errorf(workshop.KindNotFound, "there is no backup in %s: nothing to restore, and nothing was changed", folder)
		}
		var reasons []string
		for _, r := range bad {
			// A backup's own check advises restoring, the very thing
			// that cannot help here: say only what is wrong with it.
			why := strings.TrimSuffix(strings.TrimSpace(strings.ReplaceAll(r.reason, RestoreAdvice, "")), ".")
			reasons = append(reasons, filepath.Base(r.path)+": "+why)
		}
		return Restored{}, workshop.Wrap(workshop.KindCorrupt, ErrNoGoodBackup,
			"no good backup exists: none of the %d files in %s passes its check. Nothing was changed: the store is still %s, "+
				"and the damaged backups are kept in %s (%s)",
			len(bad), folder, path, folder, strings.Join(reasons, "; "))
	}

	// Copy first, under a temporary name: the old store is replaced only
	// when the good copy is complete on disk.
	src, err := os.Open(chosen.Path)
	if err != nil {
		return Restored{}, workshop.Wrap(workshop.KindInternal, err, "cannot read the backup %s (%s)", chosen.Path, Reason(err))
	}
	defer src.Close()
	tmp := filepath.Join(dir, restoringPrefix+randomSuffix())
	if err := copyInto(tmp, src, func() error { return setBackupRecord(tmp, nil) }); err != nil {
		return Restored{}, workshop.Wrap(workshop.KindInternal, err, "cannot copy the backup %s (%s); nothing was changed", chosen.Path, Reason(err))
	}
	if opts.BeforeSwap != nil {
		opts.BeforeSwap()
	}
	r := Restored{Backup: chosen.Path, Taken: chosen.Taken, Replaced: exists && !damaged}
	if exists {
		label := ".damaged-"
		if r.Replaced {
			label = ".replaced-"
		}
		stamp := opts.Now().Format(stampLayout)
		r.Aside = path + label + stamp
		for i := 2; fileExists(r.Aside); i++ {
			r.Aside = fmt.Sprintf("%s%s%s-%d", path, label, stamp, i)
		}
		// A second name for the old store (a hard link, else a copy): the
		// store stays at boussole.db until the rename below replaces it.
		if err := os.Link(path, r.Aside); err != nil {
			old, oerr := os.Open(path)
			if oerr == nil {
				err = copyInto(r.Aside, old, nil)
				old.Close()
			} else {
				err = oerr
			}
			if err != nil {
				_ = os.Remove(tmp)
				return Restored{}, workshop.Wrap(workshop.KindInternal, err, "cannot keep the current store aside (%s); nothing was changed", Reason(err))
			}
		}
	}
	if err := replaceFile(tmp, path); err != nil {
		_ = os.Remove(tmp)
		if r.Aside != "" {
			_ = os.Remove(r.Aside)
		}
		return Restored{}, workshop.Wrap(workshop.KindInternal, err, "cannot put the backup in place (%s); nothing was changed", Reason(err))
	}
	syncDir(dir)
	return r, nil
}

// copyInto copies src into a new file at path (0600), lets finish complete
// it, and syncs it; on failure the file is removed.
func copyInto(path string, src io.Reader, finish func() error) (err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(path)
		}
	}()
	if _, err = io.Copy(f, src); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && finish != nil {
		err = finish()
	}
	return err
}

// cleanLeftovers removes what an interrupted restore, automatic backup or
// backup -o left behind. Call it with the exclusive lock held: nobody else
// is writing any of these then.
func cleanLeftovers(dir string) {
	for _, pattern := range []string{
		filepath.Join(dir, restoringPrefix+"*"),
		filepath.Join(dir, "."+FileName+".restoring.tmp-*"), // older Boussole
		filepath.Join(dir, backupDir, "."+backupPrefix+"*"+backupSuffix+".tmp-*"),
	} {
		list, _ := filepath.Glob(pattern)
		for _, p := range list {
			_ = os.Remove(p)
		}
	}
	notes, _ := filepath.Glob(filepath.Join(dir, pendingPrefix+"*"))
	for _, note := range notes {
		b, err := os.ReadFile(note)
		if err != nil {
			continue
		}
		tmp := string(b)
		if fi, err := os.Lstat(tmp); err == nil && fi.Mode().IsRegular() && tmpName.MatchString(filepath.Base(tmp)) && filepath.IsAbs(tmp) {
			_ = os.Remove(tmp)
		}
		_ = os.Remove(note)
	}
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
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
		return workshop.Wrap(workshop.KindNotFound, err, "cannot read %s (%s)", path, Reason(err))
	}
	if fi.Size() == 0 {
		return corrupt(path, errors.New("the file is empty (0 bytes)"))
	}
	if err := readable(path); err != nil {
		return err
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

// BackupFolder is the folder of the automatic backups of the data directory dir.
func BackupFolder(dir string) string { return filepath.Join(dir, backupDir) }
