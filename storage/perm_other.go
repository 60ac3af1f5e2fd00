//go:build !unix

package storage

// tighten does nothing where files have no Unix modes: on Windows the
// per-user profile directory is the protection.
func tighten(string) []Notice { return nil }
