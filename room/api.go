package room

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"boussole/workshop"
)

// csp allows the room's own page, script and style, and nothing else: no
// third party, no inline script, no frame.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const cookieName = "boussole_device"

// Handler is the room's HTTP handler (what Open serves; tests call it
// with httptest and an explicit RemoteAddr).
func (r *Room) Handler() http.Handler { return http.HandlerFunc(r.serve) }

func (r *Room) serve(w http.ResponseWriter, req *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer") // the code is in the address
	h.Set("Cache-Control", "no-store")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")

	api := strings.Contains(req.URL.Path, "/api/")
	ap, err := netip.ParseAddrPort(req.RemoteAddr)
	if err != nil || !allowed(ap.Addr(), r.nets) {
		r.fail(w, api, refuse("address"))
		return
	}
	addr := ap.Addr().Unmap()
	now := r.cfg.Now()
	if p := r.admitAddress(addr, now); p != nil {
		r.fail(w, api, p)
		return
	}
	rest, ok := strings.CutPrefix(req.URL.Path, "/r/")
	if !ok {
		r.fail(w, api, refuse("notfound"))
		return
	}
	code, rest, _ := strings.Cut(rest, "/")
	if p := r.checkCode(addr, code, now); p != nil {
		r.fail(w, api, p)
		return
	}
	if req.Method == http.MethodPost {
		r.post(w, req, rest, now)
		return
	}
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		r.fail(w, api, refuse("method"))
		return
	}
	switch rest {
	case "":
		r.page(w, req)
	case "app.js", "app.css":
		serveAsset(w, rest)
	case "api/state":
		dev := r.deviceOf(req)
		if dev == nil {
			r.fail(w, true, refuse("cookie"))
			return
		}
		b, _ := r.state(dev)
		writeRaw(w, b)
	case "api/events":
		r.events(w, req)
	default:
		r.fail(w, api, refuse("notfound"))
	}
}

// admitAddress spends one of the address's requests.
func (r *Room) admitAddress(a netip.Addr, now time.Time) *problem {
	r.mu.Lock()
	defer r.mu.Unlock()
	st := r.addrs[a]
	if st == nil {
		st = &addrState{}
		r.addrs[a] = st
	}
	if !st.bucket.take(now, r.lim.AddressRate, r.lim.AddressBurst) {
		return refuse("rate")
	}
	return nil
}

// checkCode compares the code; an address that tried too many wrong codes
// in the last minute is refused even the right one until the minute ends.
func (r *Room) checkCode(a netip.Addr, code string, now time.Time) *problem {
	r.mu.Lock()
	defer r.mu.Unlock()
	st := r.addrs[a]
	recent := st.wrong[:0]
	for _, t := range st.wrong {
		if now.Sub(t) < time.Minute {
			recent = append(recent, t)
		}
	}
	st.wrong = recent
	if len(st.wrong) >= r.lim.WrongCodes {
		return refuse("tries")
	}
	if r.closed {
		return refuse("code")
	}
	if !strings.EqualFold(code, r.code) {
		st.wrong = append(st.wrong, now)
		return refuse("code")
	}
	return nil
}

// deviceOf is the device of the request's cookie, nil when it has none
// the room knows.
func (r *Room) deviceOf(req *http.Request) *device {
	c, err := req.Cookie(cookieName)
	if err != nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.devices[c.Value]
}

// page serves the participant page, giving a new device its cookie.
func (r *Room) page(w http.ResponseWriter, req *http.Request) {
	if r.deviceOf(req) == nil {
		r.mu.Lock()
		if len(r.devices) >= r.lim.MaxDevices {
			r.mu.Unlock()
			r.fail(w, false, refuse("full"))
			return
		}
		d := &device{token: newToken()}
		r.devices[d.token] = d
		r.mu.Unlock()
		http.SetCookie(w, &http.Cookie{Name: cookieName, Value: d.token, Path: "/r/" + r.code + "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	serveAsset(w, "index.html")
}

// fail answers with the problem: JSON for the page's script, a small page
// in both languages for a browser.
func (r *Room) fail(w http.ResponseWriter, api bool, p *problem) {
	if p.Status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "5")
	}
	if api {
		writeJSON(w, p.Status, p)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(p.Status)
	fmt.Fprintf(w, errorPage, htmlEscape(p.FR), htmlEscape(p.EN))
}

const errorPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8">` +
	`<meta name="viewport" content="width=device-width, initial-scale=1"><title>Boussole</title></head>` +
	`<body style="font-family:sans-serif;max-width:34em;margin:2em auto;padding:0 1em;line-height:1.5">` +
	`<h1>Boussole</h1><p lang="fr">%s</p><p lang="en">%s</p></body></html>`

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace(s)
}

// writeRaw answers 200 with JSON already encoded.
func writeRaw(w http.ResponseWriter, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v) // json escapes <, > and & as \u003c …
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"code":"internal"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// The JSON the phones send.
type (
	whoReq struct {
		Participant string `json:"participant"` // "" to stay anonymous
	}
	cardReq struct {
		Text      string `json:"text"`
		Kind      string `json:"kind"`
		Anonymous bool   `json:"anonymous"`
	}
	voteReq struct {
		Card string `json:"card"`
	}
)

// post runs one of the phone's writes.
func (r *Room) post(w http.ResponseWriter, req *http.Request, rest string, now time.Time) {
	if ct := req.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		r.fail(w, true, refuse("json"))
		return
	}
	if o := req.Header.Get("Origin"); o != "" && o != "http://"+req.Host {
		r.fail(w, true, refuse("cookie"))
		return
	}
	dev := r.deviceOf(req)
	if dev == nil {
		r.fail(w, true, refuse("cookie"))
		return
	}
	r.mu.Lock()
	ok := dev.bucket.take(now, r.lim.DeviceRate, r.lim.DeviceBurst)
	r.mu.Unlock()
	if !ok {
		r.fail(w, true, refuse("rate"))
		return
	}
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(now.Add(10 * time.Second)) // a slow body is cut
	body := http.MaxBytesReader(w, req.Body, r.lim.BodyBytes)
	var p *problem
	switch rest {
	case "api/who":
		var in whoReq
		if p = decode(body, r.lim.BodyBytes, &in); p == nil {
			p = r.who(dev, in)
		}
	case "api/card":
		var in cardReq
		if p = decode(body, r.lim.BodyBytes, &in); p == nil {
			p = r.card(req, dev, in)
		}
	case "api/vote", "api/unvote":
		var in voteReq
		if p = decode(body, r.lim.BodyBytes, &in); p == nil {
			p = r.vote(req, dev, in.Card, rest == "api/vote")
		}
	default:
		p = refuse("notfound")
	}
	if p != nil {
		r.fail(w, true, p)
		return
	}
	b, _ := r.state(dev)
	writeRaw(w, b)
}

// who says who the device is: a participant (when the room is not
// anonymous, and nobody else chose them) or an anonymous device slot.
func (r *Room) who(dev *device, in whoReq) *problem {
	var p *problem
	r.svc.Read(func(s *workshop.Session) {
		parts := s.Current().Charter.Participants
		r.mu.Lock()
		defer r.mu.Unlock()
		if dev.voter != "" {
			if dev.participant == strings.TrimSpace(in.Participant) {
				return // said again
			}
			p = refuse("who")
			p.FR, p.EN = frenchSpaces("Vous avez déjà dit qui vous êtes sur cet appareil."), "You already said who you are on this device."
			return
		}
		if in.Participant == "" {
			n := r.slots + 1
			v, err := workshop.OpenDeviceSlot(n, len(parts), r.cfg.AllowMore)
			if err != nil {
				p = refuse("slots")
				return
			}
			r.slots, dev.voter = n, v
			return
		}
		if s.Board.Anonymous {
			p = refuse("named")
			return
		}
		if workshop.ByID(parts, in.Participant) == nil {
			p = refuse("nobody")
			return
		}
		for _, d := range r.devices {
			if d.participant == in.Participant {
				p = refuse("taken")
				return
			}
		}
		dev.participant, dev.voter = in.Participant, workshop.ParticipantVoter(in.Participant)
	})
	return p
}

// cleanCard is a card's text as stored: control characters become
// spaces, the ends are trimmed; empty or too long is refused.
func (r *Room) cleanCard(text string) (string, *problem) {
	text = strings.Map(func(c rune) rune {
		if unicode.IsControl(c) || c == '\u2028' || c == '\u2029' {
			return ' '
		}
		return c
	}, text)
	text = strings.TrimSpace(text)
	if text == "" {
		return "", refuse("empty")
	}
	if utf8.RuneCountInString(text) > r.lim.CardRunes {
		return "", refuse("long", r.lim.CardRunes)
	}
	return text, nil
}

func (r *Room) card(req *http.Request, dev *device, in cardReq) *problem {
	text, p := r.cleanCard(in.Text)
	if p != nil {
		return p
	}
	kind := workshop.CardKind(in.Kind)
	switch kind {
	case "":
		kind = workshop.CardObjective
	case workshop.CardObjective, workshop.CardKPI, workshop.CardSideEffect:
	default:
		return refuse("kind")
	}
	r.mu.Lock()
	phase, pid := r.phase, dev.participant
	joined := dev.voter != ""
	r.mu.Unlock()
	if p := r.writable(phase, Collect, joined); p != nil {
		return p
	}
	var name string // the author, when the participant signs the card
	if pid != "" && !in.Anonymous {
		r.svc.Read(func(s *workshop.Session) {
			if p := workshop.ByID(s.Current().Charter.Participants, pid); p != nil {
				name = p.Name
			}
		})
	}
	id := workshop.NewID()
	err := r.svc.Remote(req.Context(), func(b *workshop.Board) error {
		card := workshop.Card{ID: id, Kind: kind, Text: text}
		if !b.Anonymous { // an anonymous board's card holds no author, ever
			card.Author = name
		}
		b.Cards = append(b.Cards, card)
		return nil
	})
	return r.problemOf(err)
}

// writable refuses a write outside its phase, before the device joined,
// or on a signed charter.
func (r *Room) writable(phase, want Phase, joined bool) *problem {
	signed := false
	r.svc.Read(func(s *workshop.Session) { signed = s.Current().Frozen() })
	switch {
	case signed:
		return refuse("signed")
	case phase == Closed || phase == Reveal:
		return refuse("closed")
	case phase != want && want == Collect:
		return refuse("notcollect")
	case phase != want:
		return refuse("notvote")
	case !joined:
		return refuse("who")
	}
	return nil
}

func (r *Room) vote(req *http.Request, dev *device, cardID string, give bool) *problem {
	r.mu.Lock()
	phase, voter := r.phase, dev.voter
	r.mu.Unlock()
	if p := r.writable(phase, Vote, voter != ""); p != nil {
		return p
	}
	if r.svc.Hidden(cardID) {
		return refuse("nocard")
	}
	err := r.svc.Remote(req.Context(), func(b *workshop.Board) error {
		if give {
			return b.Give(cardID, voter)
		}
		return b.TakeBack(cardID, voter)
	})
	return r.problemOf(err)
}

// problemOf says a refused change in the phone's words.
func (r *Room) problemOf(err error) *problem {
	if err == nil {
		return nil
	}
	if v, ok := workshop.RefusalOf(err); ok {
		switch v.Reason {
		case workshop.RefusedBudget:
			return refuse("budget", v.Limit)
		case workshop.RefusedCap:
			return refuse("cap", v.Limit)
		case workshop.RefusedNoDot:
			return refuse("nodot")
		case workshop.RefusedTotal:
			return refuse("total")
		}
		return refuse("who")
	}
	switch workshop.KindOf(err) {
	case workshop.KindNotFound:
		return refuse("nocard")
	case workshop.KindForbidden:
		return refuse("signed")
	}
	var p *problem
	if errors.As(err, &p) {
		return p
	}
	return refuse("busy")
}

// The JSON the phones receive: the room's state, the same for every
// device of one version (built and encoded once per version, however many
// phones listen), joined with the device's own part. Before the reveal it
// holds no count but the device's own dots ("mine", "left").
type (
	shared struct {
		V         uint64     `json:"v"`
		Phase     Phase      `json:"phase"`
		Signed    bool       `json:"signed"`
		Title     string     `json:"title"`
		Lang      string     `json:"lang"`
		Anonymous bool       `json:"anonymous"` // the room is anonymous only
		People    []person   `json:"people,omitempty"`
		Budget    int        `json:"budget"`
		Cap       int        `json:"cap"`
		Cards     []cardView `json:"cards"`
		Ranking   []rankView `json:"ranking,omitempty"`
		Timer     *timerView `json:"timer,omitempty"`
	}
	own struct {
		Me   me             `json:"me"`
		Left int            `json:"left"`
		Mine map[string]int `json:"mine,omitempty"` // card id → the device's dots
	}
	// view is both parts, as the tests read a response.
	view struct {
		shared
		own
	}
	person struct {
		ID    string `json:"id"`
		Name  string `json:"name"`
		Taken bool   `json:"taken,omitempty"` // chosen on a device
	}
	me struct {
		Joined    bool   `json:"joined"`
		Name      string `json:"name,omitempty"`
		Anonymous bool   `json:"anonymous,omitempty"`
	}
	cardView struct {
		ID     string `json:"id"`
		Kind   string `json:"kind"`
		Text   string `json:"text"`
		Author string `json:"author,omitempty"`
	}
	rankView struct {
		ID     string `json:"id"`
		Kind   string `json:"kind"`
		Text   string `json:"text"`
		Author string `json:"author,omitempty"`
		Count  int    `json:"count"`
	}
	timerView struct {
		Step    string `json:"step"`
		Running bool   `json:"running"`
		Seconds int    `json:"seconds"` // left
	}
)

// state is the device's view, encoded, and its version.
func (r *Room) state(dev *device) ([]byte, uint64) {
	var sh []byte
	var o own
	var version uint64
	r.svc.Read(func(s *workshop.Session) {
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.cacheBytes == nil || r.cacheV != r.version {
			r.cacheBytes, _ = json.Marshal(r.sharedLocked(s))
			r.cacheV = r.version
		}
		sh, version = r.cacheBytes, r.cacheV
		o = r.ownLocked(s, dev)
	})
	ob, _ := json.Marshal(o)
	out := make([]byte, 0, len(ob)+len(sh))
	out = append(out, ob[:len(ob)-1]...)
	out = append(out, ',')
	return append(out, sh[1:]...), version
}

// sharedLocked is the room's state for every device. Under svc's lock
// and r.mu.
func (r *Room) sharedLocked(s *workshop.Session) shared {
	cur := s.Current()
	v := shared{V: r.version, Phase: r.phase, Signed: cur.Frozen(), Title: cur.Charter.Title, Lang: string(cur.Charter.Lang),
		Anonymous: s.Board.Anonymous, Budget: s.Board.Budget(), Cap: s.Board.CapPerCard, Cards: []cardView{}}
	if !s.Board.Anonymous {
		taken := map[string]bool{}
		for _, d := range r.devices {
			if d.participant != "" {
				taken[d.participant] = true
			}
		}
		for _, p := range cur.Charter.Participants {
			v.People = append(v.People, person{ID: p.ID, Name: p.Name, Taken: taken[p.ID]})
		}
	}
	for _, c := range s.Board.Cards {
		if !r.svc.HiddenLocked(c.ID) {
			v.Cards = append(v.Cards, cardView{ID: c.ID, Kind: string(c.Kind), Text: c.Text, Author: c.Author})
		}
	}
	if r.phase == Reveal {
		for _, c := range s.Board.Ranking() {
			if !r.svc.HiddenLocked(c.ID) {
				v.Ranking = append(v.Ranking, rankView{ID: c.ID, Kind: string(c.Kind), Text: c.Text, Author: c.Author, Count: c.Count()})
			}
		}
	}
	if t := r.svc.TimerLocked(); t.Step != "" {
		left := t.Left
		if t.Running {
			left = t.End.Sub(r.cfg.Now())
		}
		v.Timer = &timerView{Step: t.Step, Running: t.Running, Seconds: max(0, int(left.Round(time.Second)/time.Second))}
	}
	return v
}

// ownLocked is the device's part: who it is, its dots left and where its
// dots are. Under svc's lock and r.mu.
func (r *Room) ownLocked(s *workshop.Session, dev *device) own {
	o := own{Left: s.Board.Budget()}
	o.Me.Joined = dev.voter != ""
	o.Me.Anonymous = o.Me.Joined && dev.participant == ""
	if p := workshop.ByID(s.Current().Charter.Participants, dev.participant); p != nil {
		o.Me.Name = p.Name
	}
	if dev.voter == "" {
		return o
	}
	o.Left = s.Board.Left(dev.voter)
	for _, c := range s.Board.Cards {
		if n := c.DotsOf(dev.voter); n > 0 && !r.svc.HiddenLocked(c.ID) {
			if o.Mine == nil {
				o.Mine = map[string]int{}
			}
			o.Mine[c.ID] = n
		}
	}
	return o
}

// events is the device's stream of states: the whole state at once (or
// after a reconnection whose Last-Event-ID is not the current one), then
// after each change; a comment every 20 s keeps the phone's connection.
// It ends when the phone leaves or the room closes.
func (r *Room) events(w http.ResponseWriter, req *http.Request) {
	dev := r.deviceOf(req)
	if dev == nil {
		r.fail(w, true, refuse("cookie"))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	ch := make(chan struct{}, 1)
	r.mu.Lock()
	r.streams[ch] = dev
	dev.streams++
	if dev.streams == 1 {
		r.connected++
	}
	n := r.connected
	last := strconv.FormatUint(r.version, 10)
	r.mu.Unlock()
	r.devicesChanged(n)
	defer func() {
		r.mu.Lock()
		delete(r.streams, ch)
		dev.streams--
		if dev.streams == 0 {
			r.connected--
		}
		n := r.connected
		r.mu.Unlock()
		r.devicesChanged(n)
	}()
	if _, err := fmt.Fprint(w, "retry: 2000\n\n"); err != nil {
		return
	}
	if req.Header.Get("Last-Event-ID") != last {
		ch <- struct{}{}
	} else if rc.Flush() != nil {
		return
	}
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-req.Context().Done():
			return
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		case <-ch:
			b, version := r.state(dev)
			if _, err := fmt.Fprintf(w, "id: %d\nevent: state\ndata: %s\n\n", version, b); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

func (r *Room) devicesChanged(n int) {
	if r.cfg.OnDevices != nil {
		r.cfg.OnDevices(n)
	}
}
