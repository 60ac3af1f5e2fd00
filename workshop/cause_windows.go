//go:build windows

package workshop

import (
	"errors"
	"syscall"
)

// isDiskFull recognises Windows' own "disk full" errors, which are not
// ENOSPC: ERROR_DISK_FULL (112) and ERROR_HANDLE_DISK_FULL (39).
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.Errno(112)) || errors.Is(err, syscall.Errno(39))
}
