//go:build boussole_faults

package main

import (
	"fmt"
	"os"
	"syscall"

	"boussole/storage"
)

// This file is built only into the binary of the fault tests
// (go build -tags boussole_faults): BOUSSOLE_FAIL_COMMIT=EIO (or ENOSPC,
// EROFS) makes every save fail just before its commit, as a failing disk
// would, so that the command line is tried under faults without root.
func init() {
	injectFaults = func(opts *storage.Options, env func(string) string) {
		name := env("BOUSSOLE_FAIL_COMMIT")
		if name == "" {
			return
		}
		errno, ok := map[string]syscall.Errno{"EIO": syscall.EIO, "ENOSPC": syscall.ENOSPC, "EROFS": syscall.EROFS}[name]
		if !ok {
			fmt.Fprintf(os.Stderr, "BOUSSOLE_FAIL_COMMIT=%s: unknown fault\n", name)
			os.Exit(99)
		}
		opts.FailCommit = func() error { return &os.PathError{Op: "fdatasync", Path: "boussole.db", Err: errno} }
	}
}
