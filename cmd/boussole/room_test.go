package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"boussole/storage"
	"boussole/workshop"
)

// roomSession stores a session with three participants and returns its id.
func roomSession(t *testing.T, dir string, anonymous bool) string {
	t.Helper()
	s, err := workshop.NewSession("Room", workshop.EN, "2027-Q1", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	s.Revisions[len(s.Revisions)-1].Charter.Participants = []workshop.Participant{{ID: "p1", Name: "Ana"}, {ID: "p2", Name: "Bo"}, {ID: "p3", Name: "Cy"}}
	s.Board.Anonymous = anonymous
	st, err := storage.Open(dir, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Put(s); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// roomProc is a running `boussole room`.
type roomProc struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
	url   string
	code  string
}

func startRoom(t *testing.T, dir, id string) *roomProc {
	t.Helper()
	cmd := exec.Command(binary, "--data", dir, "room", id, "--listen", "127.0.0.1:0")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "LANG=en_US.UTF-8"}
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &roomProc{cmd: cmd, stdin: stdin, lines: make(chan string, 64)}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		close(p.lines)
	}()
	first := p.next(t)
	m := regexp.MustCompile(`^Room open: (http://127\.0\.0\.1:\d+/r/([2-9A-Z]{8})/) \(code ([2-9A-Z]{8})\)$`).FindStringSubmatch(first)
	if m == nil || m[2] != m[3] {
		t.Fatalf("first line %q: want the join address and code", first)
	}
	p.url, p.code = m[1], m[3]
	return p
}

func (p *roomProc) next(t *testing.T) string {
	t.Helper()
	select {
	case l, ok := <-p.lines:
		if !ok {
			t.Fatal("boussole room ended")
		}
		return l
	case <-time.After(20 * time.Second):
		t.Fatal("boussole room said nothing")
	}
	return ""
}

// waitFor reads lines until one is want.
func (p *roomProc) waitFor(t *testing.T, want string) {
	t.Helper()
	for {
		if l := p.next(t); l == want {
			return
		}
	}
}

// roomClient is a phone: its own cookie jar.
type roomClient struct {
	t    *testing.T
	base string
	http *http.Client
}

func newRoomClient(t *testing.T, base string) *roomClient {
	jar, _ := cookiejar.New(nil)
	c := &roomClient{t: t, base: base, http: &http.Client{Jar: jar, Timeout: 10 * time.Second}}
	resp, err := c.http.Get(base)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("join %s: %v %v", base, resp, err)
	}
	resp.Body.Close()
	return c
}

func (c *roomClient) post(what string, body any) (int, map[string]any) {
	c.t.Helper()
	b, _ := json.Marshal(body)
	resp, err := c.http.Post(c.base+"api/"+what, "application/json", strings.NewReader(string(b)))
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func (c *roomClient) must(what string, body any) map[string]any {
	c.t.Helper()
	code, out := c.post(what, body)
	if code != 200 {
		c.t.Fatalf("POST %s: %d %v", what, code, out)
	}
	return out
}

// The real binary runs the room: first line the address and code, phases
// from standard input, the store locked meanwhile ("in use"), what phones
// send saved, and SIGTERM closes it within 2 s with the port refusing.
func TestRoomCommandEndToEnd_Issue12_5(t *testing.T) {
	dir := t.TempDir()
	id := roomSession(t, dir, true)
	p := startRoom(t, dir, id)

	// The store is held: another Boussole is told it is in use.
	r := boussole(t, nil, "--data", dir, "show", id)
	if r.code != exitLocked || !strings.Contains(r.stderr, "already open") {
		t.Fatalf("show while the room runs: exit %d %q", r.code, r.stderr)
	}

	a, b := newRoomClient(t, p.url), newRoomClient(t, p.url)
	a.must("who", map[string]any{"participant": ""})
	b.must("who", map[string]any{"participant": ""})
	a.must("card", map[string]any{"text": "Ship weekly"})
	state := b.must("card", map[string]any{"text": "<b>Fewer meetings</b>", "kind": "kpi"})
	cards := state["cards"].([]any)
	first := cards[0].(map[string]any)["id"].(string)

	io.WriteString(p.stdin, "vote\n")
	p.waitFor(t, "phase: vote")
	a.must("vote", map[string]any{"card": first})
	b.must("vote", map[string]any{"card": first})
	a.must("vote", map[string]any{"card": first})
	a.must("unvote", map[string]any{"card": first})
	io.WriteString(p.stdin, "nonsense\n")
	p.waitFor(t, "Commands: collect, vote, reveal, close.")
	io.WriteString(p.stdin, "reveal\n")
	p.waitFor(t, "phase: reveal")
	if code, _ := a.post("vote", map[string]any{"card": first}); code != 409 {
		t.Errorf("vote after the reveal: %d", code)
	}

	host := strings.TrimPrefix(strings.Split(p.url, "/r/")[0], "http://")
	start := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err := p.cmd.Wait()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("SIGTERM: exited after %v", d)
	}
	if err != nil {
		t.Fatalf("exit after SIGTERM: %v", err)
	}
	if _, err := net.DialTimeout("tcp", host, time.Second); err == nil {
		t.Error("the port still accepts connections")
	}

	s := storedSession(t, dir, id)
	if len(s.Board.Cards) != 2 || s.Board.Cards[1].Text != "<b>Fewer meetings</b>" || s.Board.Cards[1].Kind != workshop.CardKPI {
		t.Fatalf("stored cards %+v", s.Board.Cards)
	}
	c := s.Board.Cards[0]
	if c.Count() != 2 || c.Author != "" || c.Votes["device:1"] != 1 || c.Votes["device:2"] != 1 {
		t.Fatalf("stored card %+v: want 2 votes from device slots 1 and 2, no author", c)
	}
}

// `close` on standard input closes the room and exits 0; a wrong --listen
// is a usage error; an unknown session is not found.
func TestRoomCommandCloseAndErrors_Issue12_5(t *testing.T) {
	dir := t.TempDir()
	id := roomSession(t, dir, false)
	p := startRoom(t, dir, id)
	c := newRoomClient(t, p.url)
	c.must("who", map[string]any{"participant": "p2"})
	c.must("card", map[string]any{"text": "named"})
	c.must("card", map[string]any{"text": "unsigned", "anonymous": true})
	io.WriteString(p.stdin, "close\n")
	p.waitFor(t, "Room closed.")
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("exit after close: %v", err)
	}
	// The export holds the named card's author and nothing of the
	// anonymous card's (anonymity: no author in the store or the export).
	out := ok(t, dir, "show", id, "--json")
	if n := strings.Count(strings.ReplaceAll(out, `": "`, `":"`), `"author":"Bo"`); n != 1 {
		t.Errorf("the export names Bo %d times, want once (the named card only): %s", n, out)
	}
	if r := fails(t, dir, exitUsage, "room", id, "--listen", "not-an-address"); !strings.Contains(r.stderr, "is not an address") {
		t.Errorf("bad --listen: %q", r.stderr)
	}
	fails(t, dir, exitUsage, "room", "nope", "--listen", "127.0.0.1:0")
}

// storedSession reads session id from the store in dir, read-only, as the
// commands left it.
func storedSession(t *testing.T, dir, id string) *workshop.Session {
	t.Helper()
	st, err := storage.Open(dir, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
