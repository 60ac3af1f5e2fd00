package main

import (
	"fmt"
	"io"
)

// version is the application version. make build and make dist stamp it
// from the last git tag (scripts/version.sh) with
// -ldflags "-X main.version=…"; a plain go build says 0.0.0+dev.
var version = "0.0.0+dev"

// printVersion is --version: the version line first, for scripts that read
// the first line; further facts about this installation follow it, one a
// line.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "boussole %s\n", version)
}
