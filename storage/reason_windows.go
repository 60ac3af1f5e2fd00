//go:build windows

package storage

import (
	"errors"

	"golang.org/x/sys/windows"
)

// isDiskFull recognises Windows' own "disk full" errors, which are not ENOSPC.
func isDiskFull(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL)
}
