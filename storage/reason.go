package storage

import (
	"errors"
	"io/fs"
	"os"

	"boussole/workshop"
)

// causeWords are the causes of workshop.CauseOf in plain English.
var causeWords = map[workshop.Cause]string{
	workshop.CauseDiskFull:   "the disk is full",
	workshop.CauseQuota:      "the disk quota is exceeded",
	workshop.CauseReadOnly:   "the file system is read-only",
	workshop.CauseIO:         "input/output error: the disk or its connection may be failing",
	workshop.CauseNotDir:     "not a directory",
	workshop.CausePermission: "permission denied",
}

// Reason says in plain words why a file operation failed — "the disk is
// full", "permission denied", "the file system is read-only", "input/output
// error" — so that a message never drops the cause. The window says the
// same causes (workshop.CauseOf) in the person's language.
func Reason(err error) string {
	if err == nil {
		return ""
	}
	if w, ok := causeWords[workshop.CauseOf(err)]; ok {
		return w
	}
	if errors.Is(err, fs.ErrNotExist) {
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
