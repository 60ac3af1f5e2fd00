package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A Notice is something Open did or found about the data's permissions
// that the person should hear once: a file or folder open to other users,
// made private (Err nil), or left open because Boussole could not change it.
type Notice struct {
	Path string
	Was  fs.FileMode // permission bits found
	Now  fs.FileMode // permission bits after (Was when they could not change)
	Err  error       // why they could not be tightened; nil when they were
}

// errNotOwner is why Boussole does not change another user's file.
var errNotOwner = errors.New("it belongs to another user")

// errShared is why Boussole does not change a folder shared by all users.
var errShared = errors.New("it is a folder shared by all users (sticky bit), which Boussole does not take over")

func (n Notice) String() string {
	if n.Err == nil {
		return fmt.Sprintf("%s was open to other users (mode %04o); Boussole made it private (mode %04o)", n.Path, n.Was, n.Now)
	}
	return fmt.Sprintf("%s is open to other users (mode %04o) and Boussole cannot make it private (%s): "+
		"keep Boussole's data in a folder only you can read", n.Path, n.Was, Reason(n.Err))
}

// Notices returns what Open did or found about the permissions of the data
// directory, the store, its lock and the backups.
func (s *Store) Notices() []Notice { return s.notices }

// permTargets are the data directory's files and folders with the mode
// they must not exceed (PRODUCT.md §7: 0600 files in a 0700 directory).
func permTargets(dir string) []struct {
	path string
	max  fs.FileMode
} {
	type target = struct {
		path string
		max  fs.FileMode
	}
	list := []target{{dir, 0o700}, {filepath.Join(dir, FileName), 0o600}, {filepath.Join(dir, LockName), 0o600}, {filepath.Join(dir, KeyName), 0o600}}
	backups := filepath.Join(dir, backupDir)
	if entries, err := os.ReadDir(backups); err == nil {
		list = append(list, target{backups, 0o700})
		for _, e := range entries {
			if n := e.Name(); e.Type().IsRegular() && strings.HasPrefix(n, backupPrefix) && strings.HasSuffix(n, backupSuffix) {
				list = append(list, target{filepath.Join(backups, n), 0o600})
			}
		}
	}
	return list
}
