package ui

import "boussole/workshop"

// reasonKey names, as a translation key, why a file operation failed — a
// full disk, a refused permission, a read-only file system, an I/O error,
// a file where a folder was expected (workshop.CauseOf) — or "" when the
// error says none of these. The window says the reason in the person's
// language; the store's English message stays below it as the technical
// detail.
func reasonKey(err error) string {
	if c := workshop.CauseOf(err); c != "" {
		return "reason." + string(c)
	}
	return ""
}
