//go:build !unix && !windows

package storage

import "os"

// Systems without file locks (plan9, wasm) rely on bbolt's own lock.
func tryLock(*os.File, bool) error { return nil }

func unlock(*os.File) error { return nil }
