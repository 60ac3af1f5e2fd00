package storage

import (
	"os"
	"path/filepath"
	"strings"

	"boussole/workshop"
)

// GuardOutput refuses (KindInvalid) an output path that would write over
// the store of the data directory dir, its lock, a store set aside by a
// restore, a note of a backup in progress (.pending-output-…), or any file of the backups folder — however the path is spelled:
// relative, with "..", through a symbolic link (to the file or to a folder
// on the way), as a hard link, or in another case on a disk that ignores
// case. Exports and backup -o call it before writing anything.
func GuardOutput(dir, target string) error {
	if dir == "" || target == "" {
		return nil
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return nil // the write itself will say what is wrong
	}
	store := filepath.Join(dir, FileName)
	refuse := func(what, path string) error {
		return workshop.Errorf(workshop.KindInvalid,
			"%s is %s (%s): writing there would destroy Boussole's data; choose another file", target, what, path)
	}
	// The file itself, when it exists: the store or its lock under another
	// name (symbolic or hard link).
	if fi, err := os.Stat(abs); err == nil {
		for _, p := range []struct{ what, path string }{
			{"the Boussole store", store},
			{"the lock file of the Boussole store", filepath.Join(dir, LockName)},
		} {
			if pfi, err := os.Stat(p.path); err == nil && os.SameFile(fi, pfi) {
				return refuse(p.what, p.path)
			}
		}
	}
	// The folder the file goes to, and the folder of the file a symbolic
	// link leads to: the data directory or anything within its backups.
	folders := []string{filepath.Dir(abs)}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		folders = append(folders, filepath.Dir(real))
		abs = real
	}
	dataFI, err := os.Stat(dir)
	if err != nil {
		return nil // no data directory: nothing to protect
	}
	backups := filepath.Join(dir, backupDir)
	backupsFI, berr := os.Stat(backups)
	for i, folder := range folders {
		name := filepath.Base(target)
		if i == 1 {
			name = filepath.Base(abs)
		}
		fi, err := os.Stat(folder)
		if err != nil {
			continue
		}
		if os.SameFile(fi, dataFI) {
			// Names compared without case: on a disk that ignores case,
			// BOUSSOLE.DB is the store.
			switch n := strings.ToLower(name); {
			case n == FileName:
				return refuse("the Boussole store", store)
			case n == LockName:
				return refuse("the lock file of the Boussole store", filepath.Join(dir, LockName))
			case strings.HasPrefix(n, FileName+"."):
				return refuse("a Boussole store kept aside by a restore", filepath.Join(dir, name))
			case n == backupDir:
				return refuse("the backups folder", backups)
			case strings.HasPrefix(n, pendingPrefix):
				// The next start reads it as a note of a backup in
				// progress and deletes it.
				return refuse("a name Boussole keeps for its own notes", filepath.Join(dir, name))
			}
		}
		if berr != nil {
			continue
		}
		for p := folder; ; p = filepath.Dir(p) {
			if pfi, err := os.Stat(p); err == nil && os.SameFile(pfi, backupsFI) {
				return refuse("in the backups folder", backups)
			}
			if filepath.Dir(p) == p {
				break
			}
		}
	}
	return nil
}

// GuardStream refuses (KindInvalid) standard output, or any file already
// open, when it is the store of the data directory dir, its lock, a store
// set aside by a restore or a file of the backups folder: "export -o -
// 1<>DATA/boussole.db" or "backup -o - >> DATA/boussole.db" would write
// over the data through a descriptor the shell opened, with no path to
// check. Only regular files can be any of these.
func GuardStream(dir string, f *os.File) error {
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || dir == "" {
		return nil
	}
	refuse := func(what, path string) error {
		return workshop.Errorf(workshop.KindInvalid,
			"standard output is %s (%s): writing there would destroy Boussole's data; redirect it to another file", what, path)
	}
	same := func(path string) bool {
		pfi, err := os.Lstat(path)
		return err == nil && os.SameFile(fi, pfi)
	}
	if same(filepath.Join(dir, FileName)) {
		return refuse("the Boussole store", filepath.Join(dir, FileName))
	}
	if same(filepath.Join(dir, LockName)) {
		return refuse("the lock file of the Boussole store", filepath.Join(dir, LockName))
	}
	for _, folder := range []string{dir, filepath.Join(dir, backupDir)} {
		entries, _ := os.ReadDir(folder)
		for _, e := range entries {
			p := filepath.Join(folder, e.Name())
			if (folder != dir || strings.HasPrefix(e.Name(), FileName+".")) && same(p) {
				return refuse("a file Boussole keeps", p)
			}
		}
	}
	return nil
}
