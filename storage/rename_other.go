//go:build !windows

package storage

import "time"

// Elsewhere a rename does not depend on who has the file open: a failure is
// final.
const renameWait = time.Duration(0)

func renameBusy(error) bool { return false }
