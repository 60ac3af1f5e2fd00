package ui

import (
	"os"
	"testing"
)

// TestMain refreshes the widgets at once after a typed change in the
// package's tests: the test driver runs fyne.Do on the calling goroutine,
// so a refresh fired by the coalescing timer would race with the test.
// The coalescing itself is tested with a timer that never fires and an
// explicit flushRefresh (TestTypingRefreshIsCoalesced).
func TestMain(m *testing.M) {
	typingRefreshDelay = 0
	os.Exit(m.Run())
}
