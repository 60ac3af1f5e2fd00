package workshop

import (
	"errors"
	"io/fs"
	"syscall"
)

// Cause is why a file operation failed, in the terms a person can act on.
// storage says it in English at the end of its messages; the window says
// it in the person's language (its catalog key is "reason." + the cause).
type Cause string

const (
	CauseDiskFull   Cause = "diskfull"   // no space left (ENOSPC, Windows' disk-full codes)
	CauseQuota      Cause = "quota"      // the user's disk quota is used up
	CauseReadOnly   Cause = "readonly"   // a read-only file system
	CauseIO         Cause = "io"         // an input/output error: a failing disk or connection
	CauseNotDir     Cause = "notdir"     // a file where a folder was expected
	CausePermission Cause = "permission" // permission denied
)

// CauseOf recognises the cause of err, or returns "" when it is none of
// the above.
func CauseOf(err error) Cause {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, syscall.ENOSPC) || isDiskFull(err):
		return CauseDiskFull
	case errors.Is(err, syscall.EDQUOT):
		return CauseQuota
	case errors.Is(err, syscall.EROFS):
		return CauseReadOnly
	case errors.Is(err, syscall.EIO):
		return CauseIO
	case errors.Is(err, syscall.ENOTDIR):
		return CauseNotDir
	case errors.Is(err, fs.ErrPermission):
		return CausePermission
	}
	return ""
}
