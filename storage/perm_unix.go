//go:build unix

package storage

import (
	"os"
	"syscall"
)

// tighten makes the data directory, the store, its lock and the backups
// private to their owner when this user owns them, and reports what it
// changed or could not change. Symbolic links are followed for the
// directory only.
func tighten(dir string) []Notice {
	var out []Notice
	uid := os.Geteuid()
	for i, t := range permTargets(dir) {
		stat := os.Lstat
		if i == 0 {
			stat = os.Stat
		}
		fi, err := stat(t.path)
		if err != nil || fi.Mode()&os.ModeSymlink != 0 {
			continue
		}
		was := fi.Mode().Perm()
		if was&^t.max == 0 {
			continue
		}
		n := Notice{Path: t.path, Was: was, Now: was}
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != uid {
			n.Err = errNotOwner
		} else if fi.Mode()&os.ModeSticky != 0 {
			// A folder every user may write in with the sticky bit (/tmp,
			// a team's drop folder) belongs to all: making it private,
			// as root or as its owner, would lock everyone else out.
			n.Err = errShared
		} else if err := os.Chmod(t.path, was&t.max); err != nil {
			n.Err = err
		} else {
			n.Now = was & t.max
		}
		out = append(out, n)
	}
	return out
}
