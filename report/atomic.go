package report

import (
	"os"
	"path/filepath"

	"boussole/workshop"
)

// WriteFileAtomic writes data to path so that the file is either the old
// one or the complete new one, never a mix: it writes a temporary file in
// the same directory, syncs it, renames it over path and syncs the
// directory. On any failure the temporary file is removed and an existing
// file at path is left untouched. (Fyne's save dialog truncates the chosen
// file before its callback runs: render into memory, then call this.)
func WriteFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	perm := os.FileMode(0o600)
	if fi, statErr := os.Stat(path); statErr == nil {
		if !fi.Mode().IsRegular() {
			return workshop.Errorf(workshop.KindInvalid, "%s is not a regular file", path)
		}
		perm = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return workshop.Wrap(workshop.KindInvalid, err, "cannot write in %s", dir)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write %s", path)
	}
	if err = tmp.Chmod(perm); err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write %s", path)
	}
	if err = tmp.Sync(); err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write %s", path)
	}
	if err = tmp.Close(); err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write %s", path)
	}
	if err = os.Rename(name, path); err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write %s", path)
	}
	if d, derr := os.Open(dir); derr == nil {
		// The rename is durable only once the directory is synced; a file
		// system that cannot sync directories still has the complete file.
		d.Sync()
		d.Close()
	}
	return nil
}
