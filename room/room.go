// Package room is the participants' room (PRODUCT.md §8): a small web
// server inside the app, on the local network, where participants write
// idea cards and vote with their dots from their own phones, with no
// account and no cloud. It serves one embedded page, an event stream of
// the room's state (server-sent events) and small JSON writes.
//
// Every change goes through the session's one owner (session.Service:
// the board's own methods, the autosave writer and the findings the
// keyboard uses). The room is safe by default: a join code in the address,
// clients only from loopback and the listening interface's subnet, small
// requests at a human rate, a device cookie (HttpOnly, SameSite=Strict), a
// cap on devices, a strict Content-Security-Policy, totals hidden until
// the reveal, no author stored or sent for an anonymous card, and a signed
// charter's board read-only. Closing cancels the event streams and stops
// listening; the next opening has a new code.
//
// It depends on workshop and session only (net/http of the standard
// library; no Fyne, no bbolt).
package room

import (
	"context"
	"crypto/rand"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"boussole/session"
	"boussole/workshop"
)

// Phase is where the room is: collecting cards, voting, showing the
// ranking, or closed to writes. The facilitator switches it.
type Phase string

// Phases, in order.
const (
	Collect Phase = "collect"
	Vote    Phase = "vote"
	Reveal  Phase = "reveal"
	Closed  Phase = "closed"
)

// ParsePhase reads a phase's name.
func ParsePhase(s string) (Phase, bool) {
	switch p := Phase(strings.ToLower(strings.TrimSpace(s))); p {
	case Collect, Vote, Reveal, Closed:
		return p, true
	}
	return "", false
}

// Limits are the room's rates and sizes. The zero value takes the
// defaults (DefaultLimits).
type Limits struct {
	MaxDevices   int     // devices that may join
	BodyBytes    int64   // a POST's body
	DeviceRate   float64 // writes per second per device, after the burst
	DeviceBurst  float64
	AddressRate  float64 // requests per second per address, after the burst
	AddressBurst float64
	WrongCodes   int // wrong codes an address may try per minute
	CardRunes    int // a card's text
}

// DefaultLimits fit a meeting room of a dozen people, with room to spare.
var DefaultLimits = Limits{
	MaxDevices: 100, BodyBytes: 4 << 10,
	DeviceRate: 2, DeviceBurst: 10,
	AddressRate: 20, AddressBurst: 60,
	WrongCodes: 5, CardRunes: 280,
}

// Config is how a room opens.
type Config struct {
	// Addr is where it listens: an address of the computer with a port
	// ("192.168.1.20:0" for a free port). Empty: 127.0.0.1:0.
	Addr string
	// Subnets are the client addresses accepted besides loopback. Nil:
	// the subnet of the interface that holds Addr's address.
	Subnets []netip.Prefix
	// AllowMore lets more anonymous devices vote than the charter has
	// participants (R-VOTE-1's slots).
	AllowMore bool
	Limits    Limits
	Now       func() time.Time
	// OnDevices is told the number of connected devices when it changes
	// (from the room's goroutines).
	OnDevices func(n int)
}

// Room is an open room. Its methods are safe for concurrent use.
type Room struct {
	svc    *session.Service
	cfg    Config
	lim    Limits
	code   string
	url    string
	ln     net.Listener
	srv    *http.Server
	ctx    context.Context
	cancel context.CancelFunc
	served chan struct{}
	nets   []netip.Prefix
	unsub  func()

	mu        sync.Mutex
	phase     Phase
	version   uint64
	devices   map[string]*device // by cookie token
	slots     int                // anonymous device slots opened
	addrs     map[netip.Addr]*addrState
	streams   map[chan struct{}]*device
	connected int
	closed    bool

	cacheV     uint64 // the version cacheBytes encodes
	cacheBytes []byte // the shared state of cacheV, encoded once for every phone
}

type device struct {
	token       string
	voter       workshop.Voter // "" until the device said who it is
	participant string         // the participant's id, "" when anonymous
	bucket      bucket
	streams     int
}

type addrState struct {
	bucket bucket
	wrong  []time.Time // wrong codes tried in the last minute
}

// Open starts a room on the session svc owns. It listens at once.
func Open(svc *session.Service, cfg Config) (*Room, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	lim := cfg.Limits
	if lim == (Limits{}) {
		lim = DefaultLimits
	}
	code, err := newCode()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, workshop.Wrap(workshop.KindConflict, err, "the room cannot listen on %s", cfg.Addr)
	}
	host := ln.Addr().(*net.TCPAddr).AddrPort()
	nets := cfg.Subnets
	if nets == nil {
		nets = SubnetsOf(host.Addr())
	}
	r := &Room{svc: svc, cfg: cfg, lim: lim, code: code, ln: ln, nets: nets, phase: Collect,
		devices: map[string]*device{}, addrs: map[netip.Addr]*addrState{}, streams: map[chan struct{}]*device{},
		served: make(chan struct{})}
	r.url = "http://" + joinHost(host) + "/r/" + code + "/"
	r.ctx, r.cancel = context.WithCancel(context.Background())
	r.srv = &http.Server{
		Handler:           r.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    8 << 10,
		BaseContext:       func(net.Listener) context.Context { return r.ctx },
		// No WriteTimeout: it would cut the event streams.
	}
	r.unsub = svc.Subscribe(r.bump)
	go func() {
		defer close(r.served)
		_ = r.srv.Serve(ln)
	}()
	return r, nil
}

// joinHost is the address's host:port as a URL writes it.
func joinHost(ap netip.AddrPort) string {
	a := ap.Addr().Unmap()
	if a.IsUnspecified() {
		if ifs := Interfaces(); len(ifs) > 0 {
			a = ifs[0].Addr
		}
	}
	return netip.AddrPortFrom(a, ap.Port()).String()
}

// URL is the join address, code included.
func (r *Room) URL() string { return r.url }

// Code is the join code.
func (r *Room) Code() string { return r.code }

// Addr is the address the room listens on.
func (r *Room) Addr() string { return r.ln.Addr().String() }

// Phase is the room's phase.
func (r *Room) Phase() Phase {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.phase
}

// SetPhase switches the phase and tells every phone.
func (r *Room) SetPhase(p Phase) {
	r.mu.Lock()
	r.phase = p
	r.mu.Unlock()
	r.bump()
}

// Devices is the number of devices with an open event stream.
func (r *Room) Devices() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.connected
}

// Joined is the number of devices that joined.
func (r *Room) Joined() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.devices)
}

// bump tells every stream that the state changed.
func (r *Room) bump() {
	r.mu.Lock()
	r.version++
	for ch := range r.streams {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
	r.mu.Unlock()
}

// Close stops the room: the event streams end, the listener closes (the
// port refuses connections on return), and the code is forgotten. It
// returns within about 2 s whatever the clients do.
func (r *Room) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed = true
	r.mu.Unlock()
	r.unsub()
	r.cancel() // every request's context: the streams return
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	err := r.srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = r.srv.Close()
	}
	<-r.served
	return err
}

// codeAlphabet has no look-alike characters (0/O, 1/I/L).
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// CodeLen characters of 31: about 40 bits, with wrong tries slowed down
// per address.
const CodeLen = 8

func newCode() (string, error) {
	out := make([]byte, 0, CodeLen)
	buf := make([]byte, 2*CodeLen)
	for len(out) < CodeLen {
		if _, err := rand.Read(buf); err != nil {
			return "", workshop.Wrap(workshop.KindInternal, err, "no random numbers for the room's code")
		}
		for _, c := range buf {
			// 248 = 8×31: the bytes above would favour the first letters.
			if int(c) < 248 && len(out) < CodeLen {
				out = append(out, codeAlphabet[int(c)%len(codeAlphabet)])
			}
		}
	}
	return string(out), nil
}

func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (crypto/rand's contract since Go 1.24)
	const hex = "0123456789abcdef"
	out := make([]byte, 32)
	for i, c := range b {
		out[2*i], out[2*i+1] = hex[c>>4], hex[c&15]
	}
	return string(out)
}

// bucket is a token bucket.
type bucket struct {
	tokens float64
	last   time.Time
}

// take spends one token, refilled at rate per second up to burst.
func (b *bucket) take(now time.Time, rate, burst float64) bool {
	if b.last.IsZero() {
		b.tokens = burst
	} else {
		b.tokens = min(burst, b.tokens+now.Sub(b.last).Seconds()*rate)
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
