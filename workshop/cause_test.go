package workshop

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

// TestCauseOf_Issue7_14: the causes a message must never drop are
// recognised through wrapping (PathError, fmt %w), one place for the
// command line and the window.
func TestCauseOf_Issue7_14(t *testing.T) {
	wrap := func(e error) error {
		return fmt.Errorf("save: %w", &os.PathError{Op: "write", Path: "/d/boussole.db", Err: e})
	}
	for _, tc := range []struct {
		err  error
		want Cause
	}{
		{nil, ""},
		{wrap(syscall.ENOSPC), CauseDiskFull},
		{wrap(syscall.EDQUOT), CauseQuota},
		{wrap(syscall.EROFS), CauseReadOnly},
		{wrap(syscall.EIO), CauseIO},
		{wrap(syscall.ENOTDIR), CauseNotDir},
		{wrap(syscall.EACCES), CausePermission},
		{wrap(fs.ErrNotExist), ""},
		{fmt.Errorf("something else"), ""},
	} {
		if got := CauseOf(tc.err); got != tc.want {
			t.Errorf("CauseOf(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
