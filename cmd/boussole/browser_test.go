package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// roomScreenshots writes the phone page's screenshots into docs/.
var roomScreenshots = flag.Bool("room-screenshots", false, "write docs/room-phone-{en,fr}.png from the browser test")

// chromiumPath is Debian's chromium, installed by scripts/install-deps.sh;
// chromedp never downloads a browser.
const chromiumPath = "/usr/bin/chromium"

// The participants' room end to end in a real browser: `boussole room` on
// loopback, three phones (390×844, each in its own browser context, so
// each has its own device cookie) join by the address, write cards (one
// anonymous, one holding markup that must stay text), vote with their dots
// (the totals hidden), the facilitator reveals from standard input, and
// the store holds exactly what was sent, vote counts included.
func TestRoomInRealBrowser_Issue12_6(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is required in CI (scripts/install-deps.sh): %v", err)
		}
		t.Skipf("chromium not installed: %v", err)
	}
	dir := t.TempDir()
	id := roomSession(t, dir, false)
	p := startRoom(t, dir, id)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Headless,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(390, 844),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Run(browser); err != nil {
		t.Fatalf("start chromium: %v", err)
	}

	type phoneTab struct {
		name string
		ctx  context.Context
	}
	run := func(ph phoneTab, what string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ph.ctx, actions...); err != nil {
			t.Fatalf("%s: %s: %v", ph.name, what, err)
		}
	}
	var phones []phoneTab
	for _, name := range []string{"Ana", "Bo", "anonymous"} {
		c, cancel := newBrowserContext(t, browser)
		defer cancel()
		ph := phoneTab{name, c}
		run(ph, "join", chromedp.EmulateViewport(390, 844), chromedp.Navigate(p.url), chromedp.WaitVisible("#who"))
		phones = append(phones, ph)
	}
	ana, bo, anon := phones[0], phones[1], phones[2]
	run(ana, "pick Ana", chromedp.Click(`//ul[@id="people"]//button[normalize-space()="Ana"]`, chromedp.BySearch), chromedp.WaitVisible("#write"))
	run(bo, "pick Bo", chromedp.Click(`//ul[@id="people"]//button[normalize-space()="Bo"]`, chromedp.BySearch), chromedp.WaitVisible("#write"))
	run(anon, "stay anonymous", chromedp.Click("#anon", chromedp.ByID), chromedp.WaitVisible("#write"))

	evil := `<img src=x onerror="window.pwned=1">`
	write := func(ph phoneTab, text string, anonymous bool) {
		t.Helper()
		acts := []chromedp.Action{chromedp.SetValue("#card-text", text, chromedp.ByID)}
		if anonymous {
			acts = append(acts, chromedp.Click("#anon-card", chromedp.ByID))
		}
		acts = append(acts, chromedp.Click("#card-send", chromedp.ByID),
			chromedp.WaitVisible(`//p[@id="message" and normalize-space()="Card added."]`, chromedp.BySearch))
		run(ph, "write "+text, acts...)
	}
	write(ana, "Ship every week", false)
	write(bo, evil, true)
	write(anon, "Fewer meetings", false)
	for _, ph := range phones {
		waitJS(t, ph.ctx, ph.name+" sees three cards", `document.querySelectorAll("#cards li").length === 3`)
		var pwned bool
		run(ph, "markup stays text", chromedp.Evaluate(`window.pwned === 1 || document.querySelector("#cards img") !== null`, &pwned))
		if pwned {
			t.Fatalf("%s: a card's markup was run as HTML", ph.name)
		}
	}
	var shownText string
	run(bo, "read the markup card", chromedp.Text(`//ul[@id="cards"]/li[2]/p[@class="card-text"]`, &shownText, chromedp.BySearch))
	if shownText != evil {
		t.Errorf("card shown as %q, want the text as typed", shownText)
	}

	io.WriteString(p.stdin, "vote\n")
	p.waitFor(t, "phase: vote")
	give := func(ph phoneTab, card string, left int) {
		t.Helper()
		run(ph, "vote for "+card,
			chromedp.WaitEnabled(fmt.Sprintf(`button[aria-label="Give a dot to: %s"]`, card), chromedp.ByQuery),
			chromedp.Click(fmt.Sprintf(`button[aria-label="Give a dot to: %s"]`, card), chromedp.ByQuery))
		waitJS(t, ph.ctx, ph.name+" dots left", fmt.Sprintf(`document.getElementById("dots-text").textContent.indexOf("%d of 3 dots left") === 0`, left))
	}
	give(ana, "Fewer meetings", 2)
	give(ana, "Fewer meetings", 1)
	give(ana, "Ship every week", 0)
	give(bo, "Fewer meetings", 2)
	give(anon, "Ship every week", 2)
	give(anon, "Ship every week", 1)
	give(anon, "Ship every week", 0)
	run(anon, "take a dot back", chromedp.Click(`button[aria-label="Take a dot back from: Ship every week"]`, chromedp.ByQuery))
	waitJS(t, anon.ctx, "dot taken back", `document.getElementById("dots-text").textContent.indexOf("1 of 3 dots left") === 0`)

	// Before the reveal no phone shows a total.
	var body string
	run(bo, "read the page", chromedp.Text("body", &body, chromedp.ByQuery))
	if strings.Contains(body, "dots ·") || !strings.Contains(body, "2 of 3 dots left") {
		t.Errorf("before the reveal the page shows %q", body)
	}
	shots := t.TempDir()
	if *roomScreenshots {
		shots = filepath.Join(moduleRoot(t), "docs")
	}
	var png []byte
	run(ana, "screenshot EN", chromedp.FullScreenshot(&png, 100))
	writeShot(t, filepath.Join(shots, "room-phone-en.png"), png)
	run(ana, "switch to French", chromedp.Click("#lang", chromedp.ByID),
		chromedp.WaitVisible(`//h2[@id="cards-title" and normalize-space()="Les cartes de la salle"]`, chromedp.BySearch),
		chromedp.FullScreenshot(&png, 100))
	writeShot(t, filepath.Join(shots, "room-phone-fr.png"), png)

	io.WriteString(p.stdin, "reveal\n")
	p.waitFor(t, "phase: reveal")
	waitJS(t, bo.ctx, "the ranking", `document.querySelectorAll("#ranking li").length === 3`)
	var first string
	run(bo, "read the ranking", chromedp.Text(`#ranking li:first-child`, &first, chromedp.ByQuery))
	if first != "3 dots · Fewer meetings" && first != "3 dots · Ship every week" {
		t.Errorf("first of the ranking %q", first)
	}

	io.WriteString(p.stdin, "close\n")
	p.waitFor(t, "Room closed.")
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("boussole room: %v", err)
	}
	s := storedSession(t, dir, id)
	type want struct {
		author string
		votes  map[string]int
	}
	wants := map[string]want{
		"Ship every week": {"Ana", map[string]int{"p1": 1, "device:1": 2}},
		evil:              {"", nil},
		"Fewer meetings":  {"", map[string]int{"p1": 2, "p2": 1}},
	}
	if len(s.Board.Cards) != len(wants) {
		t.Fatalf("store holds %d cards: %+v", len(s.Board.Cards), s.Board.Cards)
	}
	for _, c := range s.Board.Cards {
		w, ok := wants[c.Text]
		if !ok {
			t.Errorf("unexpected card %q", c.Text)
			continue
		}
		if c.Author != w.author || fmt.Sprint(c.Votes) != fmt.Sprint(w.votes) {
			t.Errorf("card %q: author %q votes %v, want %q %v", c.Text, c.Author, c.Votes, w.author, w.votes)
		}
	}
}

// newBrowserContext is a tab in a browser context of its own (its own
// cookies: one device each). It does what chromedp.WithNewBrowserContext
// does, but opens the context's first tab in a new window: Chromium 156's
// headless mode refuses a first tab without one ("Failed to open new tab -
// no browser is open"), and chromedp v0.15.1 does not ask for it.
func newBrowserContext(t *testing.T, browser context.Context) (context.Context, context.CancelFunc) {
	t.Helper()
	ex := cdp.WithExecutor(browser, chromedp.FromContext(browser).Browser)
	bc, err := target.CreateBrowserContext().WithDisposeOnDetach(true).Do(ex)
	if err != nil {
		t.Fatalf("create a browser context: %v", err)
	}
	id, err := target.CreateTarget("about:blank").WithBrowserContextID(bc).WithNewWindow(true).Do(ex)
	if err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return chromedp.NewContext(browser, chromedp.WithTargetID(id))
}

// waitJS polls a JavaScript condition in the tab.
func waitJS(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		var ok bool
		if err := chromedp.Run(ctx, chromedp.Evaluate(cond, &ok)); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func writeShot(t *testing.T, path string, png []byte) {
	t.Helper()
	if len(png) == 0 {
		t.Fatalf("empty screenshot %s", path)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
