//go:build windows

package storage

import (
	"errors"
	"time"

	"golang.org/x/sys/windows"
)

// renameWait is how long a rename refused because another program has the
// file open is tried again.
const renameWait = 2 * time.Second

// renameBusy reports whether a rename failed because another program holds
// the file open for a moment: access denied (a handle without delete
// sharing), a sharing or lock violation.
func renameBusy(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
