package room

import (
	"bufio"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"boussole/session"
	"boussole/workshop"
)

// memStore is the store's Put.
type memStore struct {
	mu   sync.Mutex
	last *workshop.Session
}

func (m *memStore) put(s *workshop.Session) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last = s
	return nil
}

func testSession() *workshop.Session {
	s := &workshop.Session{ID: "s1"}
	s.Revisions = []workshop.Revision{{Number: 1}}
	s.Revisions[0].Charter.Title = "Q1"
	s.Revisions[0].Charter.Participants = []workshop.Participant{{ID: "p1", Name: "Ana"}, {ID: "p2", Name: "Bo"}, {ID: "p3", Name: "Cy"}}
	s.Board.VotesPerParticipant = 3
	s.Board.Anonymous = true
	return s
}

var lan = netip.MustParsePrefix("192.168.1.0/24")

// openRoom opens a room on loopback accepting lan too, for the handler's
// tests (which set RemoteAddr) and real connections on 127.0.0.1.
func openRoom(t *testing.T, s *workshop.Session, cfg Config) (*Room, *session.Service, *memStore) {
	t.Helper()
	st := &memStore{}
	svc := session.New(s, st.put, time.Now)
	cfg.Addr = "127.0.0.1:0"
	if cfg.Subnets == nil {
		cfg.Subnets = []netip.Prefix{lan}
	}
	r, err := Open(svc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); svc.Close() })
	return r, svc, st
}

// phone is a device talking to the room's handler from addr.
type phone struct {
	t      *testing.T
	r      *Room
	addr   string
	cookie *http.Cookie
}

func newPhone(t *testing.T, r *Room, addr string) *phone {
	return &phone{t: t, r: r, addr: addr}
}

func (p *phone) do(req *http.Request) *httptest.ResponseRecorder {
	req.RemoteAddr = p.addr
	if p.cookie != nil {
		req.AddCookie(p.cookie)
	}
	w := httptest.NewRecorder()
	p.r.Handler().ServeHTTP(w, req)
	return w
}

func (p *phone) get(path string) *httptest.ResponseRecorder {
	return p.do(httptest.NewRequest("GET", path, nil))
}

// join opens the page and keeps the device cookie.
func (p *phone) join() *httptest.ResponseRecorder {
	w := p.get("/r/" + p.r.Code() + "/")
	for _, c := range w.Result().Cookies() {
		if c.Name == cookieName {
			p.cookie = c
		}
	}
	return w
}

func (p *phone) post(what, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/r/"+p.r.Code()+"/api/"+what, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return p.do(req)
}

// must posts and fails the test unless it was accepted.
func (p *phone) must(what, body string) view {
	p.t.Helper()
	w := p.post(what, body)
	if w.Code != 200 {
		p.t.Fatalf("POST %s %s: %d %s", what, body, w.Code, w.Body)
	}
	var v view
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		p.t.Fatal(err)
	}
	return v
}

// refused posts and checks the refusal's status and code.
func (p *phone) refused(what, body string, status int, code string) {
	p.t.Helper()
	w := p.post(what, body)
	if w.Code != status {
		p.t.Fatalf("POST %s %s: status %d, want %d (%s)", what, body, w.Code, status, w.Body)
	}
	var pr problem
	if err := json.Unmarshal(w.Body.Bytes(), &pr); err != nil || pr.Code != code || pr.FR == "" || pr.EN == "" {
		p.t.Fatalf("POST %s: body %s, want code %q with both sentences", what, w.Body, code)
	}
}

func (p *phone) state() (view, string) {
	p.t.Helper()
	w := p.get("/r/" + p.r.Code() + "/api/state")
	if w.Code != 200 {
		p.t.Fatalf("state: %d %s", w.Code, w.Body)
	}
	var v view
	_ = json.Unmarshal(w.Body.Bytes(), &v)
	return v, w.Body.String()
}

func TestAddressFilter_Issue12_4(t *testing.T) {
	r, _, _ := openRoom(t, testSession(), Config{})
	for _, tc := range []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:5000", true},
		{"[::1]:5000", true},
		{"192.168.1.7:5000", true},
		{"[::ffff:192.168.1.7]:5000", true}, // mapped: compared unmapped
		{"192.0.2.1:1234", false},           // httptest's default
		{"192.168.2.7:5000", false},         // another subnet
		{"10.0.0.5:5000", false},
		{"100.64.3.4:5000", false},          // CGNAT
		{"[2001:db8::1]:5000", false},       // a global IPv6
		{"[::ffff:100.64.3.4]:5000", false}, // mapped CGNAT
		{"garbage", false},
	} {
		w := newPhone(t, r, tc.addr).join()
		if (w.Code == 200) != tc.ok {
			t.Errorf("%s: status %d, want allowed=%v", tc.addr, w.Code, tc.ok)
		}
		if !tc.ok && (w.Code != 403 || !strings.Contains(w.Body.String(), "same Wi-Fi")) {
			t.Errorf("%s: %d %q, want 403 with a plain sentence", tc.addr, w.Code, w.Body)
		}
	}
	// httptest's default RemoteAddr, untouched.
	w := httptest.NewRecorder()
	r.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/r/"+r.Code()+"/", nil))
	if w.Code != 403 {
		t.Errorf("192.0.2.1 (httptest's default): %d, want 403", w.Code)
	}
}

func TestJoinCookieAndHeaders_Issue12_4(t *testing.T) {
	r, _, _ := openRoom(t, testSession(), Config{})
	w := newPhone(t, r, "192.168.1.7:5000").join()
	if w.Code != 200 || !strings.Contains(w.Body.String(), "<html") {
		t.Fatalf("page: %d", w.Code)
	}
	h := w.Result().Header
	if c := h.Get("Content-Security-Policy"); !strings.Contains(c, "default-src 'none'") || !strings.Contains(c, "script-src 'self'") || strings.Contains(c, "unsafe") {
		t.Errorf("CSP %q", c)
	}
	if h.Get("Referrer-Policy") != "no-referrer" || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("headers %v", h)
	}
	var c *http.Cookie
	for _, k := range w.Result().Cookies() {
		if k.Name == cookieName {
			c = k
		}
	}
	if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || len(c.Value) < 32 {
		t.Fatalf("cookie %+v: want HttpOnly, SameSite=Strict, 128 bits", c)
	}
	if len(r.Code()) != CodeLen || !strings.Contains(r.URL(), "/r/"+r.Code()+"/") {
		t.Errorf("code %q url %q", r.Code(), r.URL())
	}
	// Nothing but the room's own page is served.
	for _, path := range []string{"/", "/r/" + r.Code() + "/../../etc/passwd", "/r/" + r.Code() + "/page/index.html", "/favicon.ico"} {
		if w := newPhone(t, r, "192.168.1.8:1").get(path); w.Code == 200 {
			t.Errorf("%s served", path)
		}
	}
}

func TestWrongCodeSlowedDown_Issue12_4(t *testing.T) {
	r, _, _ := openRoom(t, testSession(), Config{})
	p := newPhone(t, r, "192.168.1.9:5000")
	for i := range DefaultLimits.WrongCodes {
		if w := p.get("/r/WRONG" + string(rune('A'+i)) + "/"); w.Code != 404 {
			t.Fatalf("wrong code %d: %d", i, w.Code)
		}
	}
	if w := p.join(); w.Code != 429 || !strings.Contains(w.Body.String(), "Wait a minute") {
		t.Fatalf("right code after %d wrong tries: %d, want 429", DefaultLimits.WrongCodes, w.Code)
	}
	if w := newPhone(t, r, "192.168.1.10:5000").join(); w.Code != 200 {
		t.Fatalf("another address: %d", w.Code)
	}
}

func TestClosedRoomChangesCodeAndStopsListening_Issue12_4(t *testing.T) {
	s := testSession()
	r, svc, _ := openRoom(t, s, Config{})
	// A real phone on loopback with an open event stream.
	jar := newPhone(t, r, "127.0.0.1:1").join().Result().Cookies()
	req, _ := http.NewRequest("GET", "http://"+r.Addr()+"/r/"+r.Code()+"/api/events", nil)
	for _, c := range jar {
		req.AddCookie(c)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	if _, err := br.ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	old := r.Code()
	start := time.Now()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("close took %v", d)
	}
	if _, err := net.DialTimeout("tcp", r.Addr(), time.Second); err == nil {
		t.Fatal("the port still accepts connections after Close")
	}
	if w := newPhone(t, r, "127.0.0.1:1").get("/r/" + old + "/"); w.Code != 404 {
		t.Errorf("old code after close: %d", w.Code)
	}
	r2, err := Open(svc, Config{Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	if r2.Code() == old {
		t.Error("reopening kept the code")
	}
}

func TestDeviceCap_Issue12_4(t *testing.T) {
	lim := DefaultLimits
	lim.MaxDevices = 2
	r, _, _ := openRoom(t, testSession(), Config{Limits: lim})
	for i, want := range []int{200, 200, 403} {
		w := newPhone(t, r, "192.168.1.20:1").join()
		if w.Code != want {
			t.Fatalf("device %d: %d, want %d", i+1, w.Code, want)
		}
	}
}

func TestSizeAndJSONLimits_Issue12_4(t *testing.T) {
	r, _, _ := openRoom(t, testSession(), Config{})
	p := newPhone(t, r, "192.168.1.7:1")
	p.join()
	p.must("who", `{"participant":""}`)
	p.refused("card", `{"text":"`+strings.Repeat("a", 5000)+`"}`, 413, "size")
	p.refused("card", `{"text":"x"`, 400, "json")
	p.refused("card", `{"text":"x","author":"me"}`, 400, "json") // unknown field
	p.refused("card", `{"text":"x"} {"text":"y"}`, 400, "json")
	p.refused("card", "{\"text\":\"\xff\"}", 400, "json")
	p.refused("card", `[]`, 400, "json")
	p.refused("card", `{"text":"`+strings.Repeat("é", 281)+`"}`, 400, "long")
	p.refused("card", `{"text":"  \n "}`, 400, "empty")
	p.refused("card", `{"text":"x","kind":"evil"}`, 400, "kind")
	req := httptest.NewRequest("POST", "/r/"+r.Code()+"/api/card", strings.NewReader(`{"text":"x"}`))
	req.Header.Set("Content-Type", "text/plain") // a cross-site form
	if w := p.do(req); w.Code != 400 {
		t.Errorf("text/plain POST: %d", w.Code)
	}
	// Without the cookie.
	q := newPhone(t, r, "192.168.1.7:1")
	q.refused("card", `{"text":"x"}`, 403, "cookie")
}

func TestRateLimits_Issue12_4(t *testing.T) {
	lim := DefaultLimits
	lim.DeviceBurst, lim.DeviceRate = 3, 0.001
	clock := time.Now()
	r, _, _ := openRoom(t, testSession(), Config{Limits: lim, Now: func() time.Time { return clock }})
	p := newPhone(t, r, "192.168.1.7:1")
	p.join()
	for range 3 {
		p.must("who", `{"participant":""}`)
	}
	p.refused("who", `{"participant":""}`, 429, "rate")
	// Per address: another device of the same address has its own dots
	// but the address's requests run out.
	q := newPhone(t, r, "192.168.1.8:1")
	n := 0
	for q.get("/r/"+r.Code()+"/").Code == 200 {
		n++
		if n > 1000 {
			t.Fatal("no limit per address")
		}
	}
	if n != int(DefaultLimits.AddressBurst) {
		t.Errorf("address served %d requests, want its burst %v", n, DefaultLimits.AddressBurst)
	}
}

// R-VOTE-1 through the room: the budget and the cap, a vote taken back,
// and nothing counted twice.
func TestRoomVotesBudgetCapTakeBack_R_VOTE_1(t *testing.T) {
	s := testSession()
	s.Board.CapPerCard = 2
	r, svc, _ := openRoom(t, s, Config{})
	p := newPhone(t, r, "192.168.1.7:1")
	p.join()
	p.must("who", `{"participant":""}`)
	p.must("card", `{"text":"A"}`)
	p.must("card", `{"text":"B"}`)
	p.refused("vote", `{"card":"x"}`, 409, "notvote")
	r.SetPhase(Vote)
	p.refused("card", `{"text":"C"}`, 409, "notcollect")
	v, _ := p.state()
	a, b := v.Cards[0].ID, v.Cards[1].ID
	p.must("vote", `{"card":"`+a+`"}`)
	v = p.must("vote", `{"card":"`+a+`"}`)
	if v.Left != 1 || v.Mine[a] != 2 {
		t.Fatalf("left %d mine %v", v.Left, v.Mine)
	}
	q := newPhone(t, r, "192.168.1.8:1")
	q.join()
	q.must("who", `{"participant":""}`)
	q.refused("vote", `{"card":"`+a+`"}`, 409, "cap")
	p.must("vote", `{"card":"`+b+`"}`)
	p.refused("vote", `{"card":"`+b+`"}`, 409, "budget")
	v = p.must("unvote", `{"card":"`+a+`"}`)
	if v.Left != 1 {
		t.Fatalf("left after taking back: %d", v.Left)
	}
	q.refused("unvote", `{"card":"`+b+`"}`, 409, "nodot")
	q.refused("vote", `{"card":"nope"}`, 404, "nocard")
	svc.Read(func(s *workshop.Session) {
		if s.Board.Card(a).Count() != 1 || s.Board.Card(b).Count() != 1 {
			t.Errorf("counts %d %d", s.Board.Card(a).Count(), s.Board.Card(b).Count())
		}
		if s.Board.Card(a).Votes[string(workshop.DeviceVoter(1))] != 1 {
			t.Errorf("votes %v: want device slot 1", s.Board.Card(a).Votes)
		}
	})
}

// Totals stay hidden until the reveal: before it, no response holds any
// count but the device's own dots.
func TestHiddenTotalsBeforeReveal_Issue12_3(t *testing.T) {
	r, _, _ := openRoom(t, testSession(), Config{})
	p, q := newPhone(t, r, "192.168.1.7:1"), newPhone(t, r, "192.168.1.8:1")
	for _, x := range []*phone{p, q} {
		x.join()
		x.must("who", `{"participant":""}`)
	}
	p.must("card", `{"text":"A"}`)
	r.SetPhase(Vote)
	v, _ := p.state()
	p.must("vote", `{"card":"`+v.Cards[0].ID+`"}`)
	p.must("vote", `{"card":"`+v.Cards[0].ID+`"}`)
	_, raw := q.state()
	for _, bad := range []string{"count", "total", "votes", `"mine"`, "device:"} {
		if strings.Contains(raw, bad) {
			t.Fatalf("another phone's state before the reveal holds %q: %s", bad, raw)
		}
	}
	r.SetPhase(Reveal)
	v, raw = q.state()
	if len(v.Ranking) != 1 || v.Ranking[0].Count != 2 || strings.Contains(raw, "device:") {
		t.Fatalf("ranking after the reveal: %s", raw)
	}
	q.refused("vote", `{"card":"`+v.Cards[0].ID+`"}`, 409, "closed")
}

// An anonymous card stores and sends no author; a named participant's
// card carries the name unless they chose to stay anonymous.
func TestAnonymity_Issue12_3(t *testing.T) {
	s := testSession()
	s.Board.Anonymous = false
	r, svc, st := openRoom(t, s, Config{})
	p, q := newPhone(t, r, "192.168.1.7:1"), newPhone(t, r, "192.168.1.8:1")
	p.join()
	q.join()
	p.must("who", `{"participant":"p1"}`)
	q.refused("who", `{"participant":"p1"}`, 409, "taken")
	q.refused("who", `{"participant":"zz"}`, 400, "nobody")
	q.must("who", `{"participant":""}`)
	p.must("card", `{"text":"named"}`)
	p.must("card", `{"text":"secret","anonymous":true}`)
	q.must("card", `{"text":"from q"}`)
	if err := svc.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, c := range st.last.Board.Cards {
		want := ""
		if c.Text == "named" {
			want = "Ana"
		}
		if c.Author != want {
			t.Errorf("stored card %q author %q, want %q", c.Text, c.Author, want)
		}
	}
	_, raw := q.state()
	if strings.Count(raw, `"author"`) != 1 {
		t.Errorf("state: %s", raw)
	}
	// On an anonymous board nobody names themselves.
	svc.Apply(func(s *workshop.Session, now time.Time) error {
		return s.EditBoard(now, func(b *workshop.Board) { b.Anonymous = true })
	})
	x := newPhone(t, r, "192.168.1.9:1")
	x.join()
	x.refused("who", `{"participant":"p2"}`, 409, "named")
}

// Anonymous devices get one voter slot each, no more than the
// participants unless the facilitator allows it.
func TestDeviceSlots_R_VOTE_1(t *testing.T) {
	for _, more := range []bool{false, true} {
		r, _, _ := openRoom(t, testSession(), Config{AllowMore: more})
		for i := range 4 {
			p := newPhone(t, r, "192.168.1.7:1")
			p.join()
			w := p.post("who", `{"participant":""}`)
			if want := i < 3 || more; (w.Code == 200) != want {
				t.Errorf("allowMore %v, device %d: %d %s", more, i+1, w.Code, w.Body)
			}
		}
	}
}

func TestSignedCharterReadOnly_Issue12_3(t *testing.T) {
	s := testSession()
	s.Board.Cards = []workshop.Card{{ID: "a", Text: "A"}}
	s.Revisions[0].Status = workshop.StatusSigned
	r, svc, _ := openRoom(t, s, Config{})
	p := newPhone(t, r, "192.168.1.7:1")
	p.join()
	p.must("who", `{"participant":""}`)
	p.refused("card", `{"text":"x"}`, 409, "signed")
	r.SetPhase(Vote)
	p.refused("vote", `{"card":"a"}`, 409, "signed")
	v, _ := p.state()
	if !v.Signed {
		t.Error("state does not say signed")
	}
	svc.Read(func(s *workshop.Session) {
		if len(s.Board.Cards) != 1 || s.Board.Cards[0].Count() != 0 {
			t.Error("the signed board changed")
		}
	})
}

// Text is sent as data, never as markup: JSON escapes <, > and &, and the
// page inserts it with textContent (checked in the browser test).
func TestHTMLEscaping_Issue12_4(t *testing.T) {
	r, svc, _ := openRoom(t, testSession(), Config{})
	p := newPhone(t, r, "192.168.1.7:1")
	p.join()
	p.must("who", `{"participant":""}`)
	evil := `<img src=x onerror=alert(1)>`
	w := p.post("card", `{"text":"`+evil+`"}`)
	if w.Code != 200 || strings.Contains(w.Body.String(), "<img") || !strings.Contains(w.Body.String(), `\u003cimg`) {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	svc.Read(func(s *workshop.Session) {
		if s.Board.Cards[0].Text != evil {
			t.Errorf("stored %q, want the text as typed", s.Board.Cards[0].Text)
		}
	})
	// The error page escapes too.
	if w := newPhone(t, r, "10.1.1.1:1").get("/r/" + r.Code() + "/"); strings.Contains(w.Body.String(), "<script") {
		t.Error("error page holds a script")
	}
}

func TestHiddenCardNotSent_Issue12_3(t *testing.T) {
	s := testSession()
	s.Board.Cards = []workshop.Card{{ID: "a", Text: "rude"}, {ID: "b", Text: "fine"}}
	r, svc, _ := openRoom(t, s, Config{})
	svc.Hide("a", true)
	p := newPhone(t, r, "192.168.1.7:1")
	p.join()
	p.must("who", `{"participant":""}`)
	_, raw := p.state()
	if strings.Contains(raw, "rude") {
		t.Fatal("hidden card sent")
	}
	r.SetPhase(Vote)
	p.refused("vote", `{"card":"a"}`, 404, "nocard")
}

// Every refusal is a plain sentence in French and English.
func TestProblemsArePlainSentences_Issue12_4(t *testing.T) {
	for code := range problems {
		var p *problem
		if strings.Contains(problems[code].EN, "%d") {
			p = refuse(code, 3)
		} else {
			p = refuse(code)
		}
		for _, s := range []string{p.FR, p.EN} {
			if s == "" || !strings.HasSuffix(s, ".") || strings.Contains(s, "%!") || strings.Contains(s, "goroutine") {
				t.Errorf("%s: %q", code, s)
			}
		}
	}
}

// The event stream sends the state at once and after each change; a
// reconnection with the current Last-Event-ID gets no resend.
func TestEventStream_Issue12_2(t *testing.T) {
	r, _, _ := openRoom(t, testSession(), Config{})
	p := newPhone(t, r, "127.0.0.1:1")
	p.join()
	p.must("who", `{"participant":""}`)
	req, _ := http.NewRequest("GET", "http://"+r.Addr()+"/r/"+r.Code()+"/api/events", nil)
	req.AddCookie(p.cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("content type %q", ct)
	}
	events := make(chan view, 8)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var v view
				_ = json.Unmarshal([]byte(d), &v)
				events <- v
			}
		}
		close(events)
	}()
	next := func() view {
		select {
		case v := <-events:
			return v
		case <-time.After(5 * time.Second):
			t.Fatal("no event")
		}
		return view{}
	}
	first := next()
	if !first.Me.Joined {
		t.Fatalf("first state %+v", first)
	}
	if r.Devices() != 1 {
		t.Errorf("devices %d", r.Devices())
	}
	q := newPhone(t, r, "127.0.0.1:2")
	q.join()
	q.must("who", `{"participant":""}`)
	q.must("card", `{"text":"live"}`)
	for {
		v := next()
		if len(v.Cards) == 1 && v.Cards[0].Text == "live" {
			break
		}
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	for range events { // the stream ends
	}
}

// The room's phones (real HTTP on loopback) and the window's keyboard
// (Apply on its own goroutine, which the room's changes also run on) change
// the board together: under -race nothing races, every change arrives and
// the store holds them all.
func TestRoomAndKeyboardTogether_Issue12_1(t *testing.T) {
	s := testSession()
	st := &memStore{}
	svc := session.New(s, st.put, time.Now)
	loop := make(chan func(), 64)
	loopDone := make(chan struct{})
	go func() { // the window's UI goroutine
		defer close(loopDone)
		for f := range loop {
			f()
		}
	}()
	svc.SetLoop(func(f func()) { loop <- f }, func() {})
	lim := DefaultLimits
	lim.AddressRate, lim.AddressBurst, lim.DeviceBurst = 1e6, 1e6, 100
	r, err := Open(svc, Config{Addr: "127.0.0.1:0", Limits: lim, AllowMore: true})
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + r.Addr() + "/r/" + r.Code() + "/"
	const phones, each = 5, 8
	var wg sync.WaitGroup
	for i := range phones {
		wg.Go(func() {
			p := newPhone(t, r, "127.0.0.1:1")
			p.join()
			c := &http.Client{}
			post := func(what, body string) {
				req, _ := http.NewRequest("POST", base+"api/"+what, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.AddCookie(p.cookie)
				resp, err := c.Do(req)
				if err != nil || resp.StatusCode != 200 {
					t.Errorf("phone %d %s: %v %v", i, what, resp, err)
					return
				}
				resp.Body.Close()
			}
			post("who", `{"participant":""}`)
			for k := range each {
				post("card", `{"text":"phone `+strconv.Itoa(i)+` card `+strconv.Itoa(k)+`"}`)
			}
		})
	}
	wg.Go(func() { // the keyboard
		for k := range each {
			done := make(chan error)
			loop <- func() {
				done <- svc.Apply(func(s *workshop.Session, now time.Time) error {
					return s.EditBoard(now, func(b *workshop.Board) {
						b.Cards = append(b.Cards, workshop.Card{ID: "kbd" + strconv.Itoa(k), Text: "typed"})
					})
				})
			}
			if err := <-done; err != nil {
				t.Error(err)
			}
		}
	})
	wg.Wait()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	close(loop)
	<-loopDone
	if err := svc.Close(); err != nil {
		t.Fatal(err)
	}
	if n := len(st.last.Board.Cards); n != phones*each+each {
		t.Fatalf("store holds %d cards, want %d", n, phones*each+each)
	}
}

// The timebox the phones show is read through the session's owner: its
// step, whether it runs and the seconds left.
func TestRoomTimer_Issue12_2(t *testing.T) {
	now := time.Date(2027, 1, 12, 10, 0, 0, 0, time.UTC)
	r, svc, _ := openRoom(t, testSession(), Config{Now: func() time.Time { return now }})
	p := newPhone(t, r, "192.168.1.7:1")
	p.join()
	if v, _ := p.state(); v.Timer != nil {
		t.Fatalf("timer %+v before any", v.Timer)
	}
	svc.SetTimer(session.Timer{Step: workshop.StepIdeas, Running: true, End: now.Add(90 * time.Second)})
	if v, _ := p.state(); v.Timer == nil || !v.Timer.Running || v.Timer.Seconds != 90 {
		t.Fatalf("timer %+v, want 90 s running", v.Timer)
	}
	svc.SetTimer(session.Timer{Step: workshop.StepIdeas, Left: 30 * time.Second})
	if v, _ := p.state(); v.Timer == nil || v.Timer.Running || v.Timer.Seconds != 30 {
		t.Fatalf("timer %+v, want 30 s paused", v.Timer)
	}
}

// A phone that reconnects with the Last-Event-ID it last saw gets no
// resend of the same state, and the next change as usual.
func TestEventStreamReconnect_Issue12_2(t *testing.T) {
	r, _, _ := openRoom(t, testSession(), Config{})
	p := newPhone(t, r, "127.0.0.1:1")
	p.join()
	p.must("who", `{"participant":""}`)
	_, version := r.state(r.deviceOf(cookieOf(p)))
	req, _ := http.NewRequest("GET", "http://"+r.Addr()+"/r/"+r.Code()+"/api/events", nil)
	req.AddCookie(p.cookie)
	req.Header.Set("Last-Event-ID", strconv.FormatUint(version, 10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ids := make(chan string, 8)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if id, ok := strings.CutPrefix(sc.Text(), "id: "); ok {
				ids <- id
			}
		}
	}()
	select {
	case id := <-ids:
		t.Fatalf("state %s resent to a phone that had it", id)
	case <-time.After(300 * time.Millisecond):
	}
	p.must("card", `{"text":"after the reconnection"}`)
	select {
	case id := <-ids:
		if n, _ := strconv.ParseUint(id, 10, 64); n <= version {
			t.Fatalf("event %s after %d", id, version)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no event after the change")
	}
}

func cookieOf(p *phone) *http.Request {
	req := httptest.NewRequest("GET", "/", nil)
	req.AddCookie(p.cookie)
	return req
}
