package ui

import (
	"errors"
	"io/fs"
	"syscall"
)

// reasonKey names, as a translation key, why a file operation failed — a
// full disk, a refused permission, a read-only file system, an I/O error,
// a file where a folder was expected — or "" when the error says none of
// these. The window says the reason in the person's language; the store's
// English message stays below it as the technical detail.
func reasonKey(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, syscall.ENOSPC) || isDiskFull(err):
		return "reason.diskfull"
	case errors.Is(err, syscall.EDQUOT):
		return "reason.quota"
	case errors.Is(err, syscall.EROFS):
		return "reason.readonly"
	case errors.Is(err, syscall.EIO):
		return "reason.io"
	case errors.Is(err, syscall.ENOTDIR):
		return "reason.notdir"
	case errors.Is(err, fs.ErrPermission):
		return "reason.permission"
	}
	return ""
}
