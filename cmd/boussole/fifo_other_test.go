//go:build !unix

package main

import "errors"

// mkfifo: named pipes in the file system are a Unix thing.
func mkfifo(string) error { return errors.ErrUnsupported }
