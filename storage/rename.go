package storage

import (
	"os"
	"time"
)

// replaceFile renames from over to, the last step of every swap (a new
// backup into place, a restored store over a damaged one). Windows refuses
// to replace or rename a file that another program holds open without
// sharing it for deletion — an antivirus or the search indexer reading the
// fresh file, for a moment — where Linux would not care: there the rename
// is tried again for up to renameWait before its error is returned. Boussole
// itself always closes the store before a swap (restore takes the lock and
// checks that no handle of this process maps it), since an open,
// memory-mapped file cannot be replaced on Windows at all.
func replaceFile(from, to string) error {
	return retryRename(os.Rename, renameBusy, from, to, renameWait)
}

// retryRename calls rename until it succeeds, fails for a reason busy does
// not call passing, or wait has gone by.
func retryRename(rename func(from, to string) error, busy func(error) bool, from, to string, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := rename(from, to)
		if err == nil || !busy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(renameRetry)
	}
}

// renameRetry is how often a busy rename is tried again.
const renameRetry = 25 * time.Millisecond
