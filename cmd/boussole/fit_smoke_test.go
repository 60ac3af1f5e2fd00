package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// TestSmokeEveryStepFits1024InFrench_Issue9_5: the real window, French
// interface and charter, sized to a 1024×700 projector, stays 1024 wide on
// every step. The headless layout test measures with the test driver; the
// real one, with its own font metrics, once needed 1066 px for the French
// header (the agenda button beside the countdown).
func TestSmokeEveryStepFits1024InFrench_Issue9_5(t *testing.T) {
	d := startXvfb(t)
	home := t.TempDir()
	data := filepath.Join(t.TempDir(), "data")
	ok(t, data, "new", "--title", "Atelier cycle de vente", "--template", "sales-cycle", "--lang", "fr")
	a := startApp(t, d, home, "fr_FR.UTF-8", binary, "--data", data)
	win := d.waitWindow(t, "Boussole")
	geometry := regexp.MustCompile(`Geometry: (\d+)x(\d+)`)
	width := func() int {
		m := geometry.FindStringSubmatch(d.x(t, 10*time.Second, "xdotool", "getwindowgeometry", win))
		if m == nil {
			t.Fatal("no window geometry")
		}
		w, _ := strconv.Atoi(m[1])
		return w
	}
	// A loaded machine may map the window and apply its own first size
	// after ours: size it again until the projector's width holds.
	for deadline := time.Now().Add(15 * time.Second); ; {
		// Without --sync, which waits for ever for a size the window
		// does not take yet.
		d.x(t, 10*time.Second, "xdotool", "windowsize", win, "1024", "700")
		d.x(t, 10*time.Second, "xdotool", "windowmove", win, "0", "0")
		time.Sleep(800 * time.Millisecond)
		if width() == 1024 || time.Now().After(deadline) {
			break
		}
	}
	click := func(x, y int, n string) {
		d.x(t, 10*time.Second, "xdotool", "mousemove", "--sync", strconv.Itoa(x), strconv.Itoa(y), "click", "--repeat", n, "--delay", "120", "1")
		time.Sleep(700 * time.Millisecond)
	}
	click(300, 97, "2") // the session's row: a double click opens it
	for step := range 11 {
		click(100, 113+40*step, "1") // the step in the navigator
		if w := width(); w > 1024 {
			t.Errorf("step %d: the window needs %d px, wider than a 1024-pixel projector", step+1, w)
		}
	}
	if code := a.quit(t, d, win); code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, a.stderr.String())
	}
}
