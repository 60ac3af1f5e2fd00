package storage

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// Reason says in plain words why a file operation failed — "the disk is
// full", "permission denied", "the file system is read-only", "input/output
// error" — so that a message never drops the cause. The window translates
// the same causes (ui recognises the errors themselves).
func Reason(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, syscall.ENOSPC) || isDiskFull(err):
		return "the disk is full"
	case errors.Is(err, syscall.EDQUOT):
		return "the disk quota is exceeded"
	case errors.Is(err, syscall.EROFS):
		return "the file system is read-only"
	case errors.Is(err, syscall.EIO):
		return "input/output error: the disk or its connection may be failing"
	case errors.Is(err, syscall.ENOTDIR):
		return "not a directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
