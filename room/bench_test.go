package room

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"boussole/session"
	"boussole/workshop"
)

// benchDevices is the room of the benchmark: 60 participants.
const benchDevices = 60

// benchPace is ten times a real room's pace: a participant acts about
// every 10 s in a real room (a card, a dot); here every second.
const benchPace = time.Second

// benchSeconds is how long the room runs (BOUSSOLE_ROOM_BENCH_SECONDS
// shortens it while working).
func benchSeconds() time.Duration {
	if s, err := strconv.Atoi(os.Getenv("BOUSSOLE_ROOM_BENCH_SECONDS")); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return 30 * time.Second
}

// benchDevice is a simulated phone: its cookie, its event stream's
// arrivals (event id, when), and the votes the room accepted from it.
type benchDevice struct {
	client *http.Client
	mu     sync.Mutex
	got    []arrival
	voter  workshop.Voter
	net    map[string]int // card → dots accepted, minus taken back
}

type arrival struct {
	id uint64
	at time.Time
}

// action is one POST: when it was sent, the state version its answer
// holds (the change is in every event from then on), and who sent it.
type action struct {
	sent    time.Time
	version uint64
	from    int
}

// BenchmarkRoom60Participants: 60 devices on loopback, each with its event
// stream open, write cards and then vote (and take votes back) at ten
// times a real room's pace for 30 s. Reported: p50 and p99 of the time
// from a POST to its change reaching every other device, and the votes
// lost (accepted by the room but not on the board at the end: must be 0).
func BenchmarkRoom60Participants(b *testing.B) {
	for b.Loop() {
		p50, p99, lost, actions := runRoomBench(b)
		b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(lost), "votes-lost")
		b.ReportMetric(float64(actions), "posts")
		if lost != 0 {
			b.Fatalf("%d votes lost", lost)
		}
	}
}

func runRoomBench(b *testing.B) (p50, p99 time.Duration, lost, posts int) {
	b.Helper()
	s := &workshop.Session{ID: "bench"}
	s.Revisions = []workshop.Revision{{Number: 1}}
	for i := range benchDevices {
		s.Revisions[0].Charter.Participants = append(s.Revisions[0].Charter.Participants,
			workshop.Participant{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("P%d", i)})
	}
	s.Board.Anonymous, s.Board.VotesPerParticipant = true, 3
	svc := session.New(s, func(*workshop.Session) error { return nil }, time.Now)
	defer svc.Close()
	lim := DefaultLimits
	lim.AddressRate, lim.AddressBurst = 1e6, 1e6 // 60 phones share 127.0.0.1 here
	r, err := Open(svc, Config{Addr: "127.0.0.1:0", Limits: lim})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	base := "http://" + r.Addr() + "/r/" + r.Code() + "/"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	devs := make([]*benchDevice, benchDevices)
	var streams sync.WaitGroup
	for i := range devs {
		jar, _ := cookiejar.New(nil)
		d := &benchDevice{client: &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: 4}}, net: map[string]int{}}
		devs[i] = d
		if resp, err := d.client.Get(base); err != nil || resp.StatusCode != 200 {
			b.Fatalf("join: %v", err)
		} else {
			resp.Body.Close()
		}
		var v view
		if code := benchPost(d, base, "who", `{"participant":""}`, &v); code != 200 {
			b.Fatalf("who: %d", code)
		}
		req, _ := http.NewRequestWithContext(ctx, "GET", base+"api/events", nil)
		resp, err := d.client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		streams.Go(func() {
			defer resp.Body.Close()
			sc := bufio.NewScanner(resp.Body)
			sc.Buffer(make([]byte, 1<<20), 1<<22)
			for sc.Scan() {
				if id, ok := strings.CutPrefix(sc.Text(), "id: "); ok {
					n, _ := strconv.ParseUint(id, 10, 64)
					d.mu.Lock()
					d.got = append(d.got, arrival{n, time.Now()})
					d.mu.Unlock()
				}
			}
		})
	}
	for i, d := range devs {
		d.voter = workshop.DeviceVoter(i + 1) // the slots open in the order the devices said "anonymous"
	}

	// Each device acts once per benchPace, at its own offset: two cards
	// each in the first fifth of the time, then dots given and taken back.
	duration := benchSeconds()
	r.SetPhase(Collect)
	var mu sync.Mutex
	var acts []action
	start := time.Now()
	var wg sync.WaitGroup
	phaseSwitch := start.Add(duration / 5)
	var switched sync.Once
	for i, d := range devs {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			next := start.Add(time.Duration(rng.Int64N(int64(benchPace))))
			cards := 0
			for next.Before(start.Add(duration)) {
				time.Sleep(time.Until(next))
				next = next.Add(benchPace)
				var v view
				sent := time.Now()
				var code int
				if sent.Before(phaseSwitch) {
					if cards >= 2 {
						continue
					}
					cards++
					code = benchPost(d, base, "card", fmt.Sprintf(`{"text":"idea %d of device %d"}`, cards, i), &v)
				} else {
					switched.Do(func() { r.SetPhase(Vote) })
					card, give := d.pick(rng, r)
					if card == "" {
						continue
					}
					what := "unvote"
					if give {
						what = "vote"
					}
					code = benchPost(d, base, what, `{"card":"`+card+`"}`, &v)
					if code == 200 {
						if give {
							d.net[card]++
						} else {
							d.net[card]--
						}
					}
				}
				if code == 200 {
					mu.Lock()
					acts = append(acts, action{sent: sent, version: v.V, from: i})
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	time.Sleep(300 * time.Millisecond) // the last events arrive
	cancel()
	streams.Wait()

	var lat []time.Duration
	for _, a := range acts {
		worst := time.Duration(0)
		for j, d := range devs {
			if j == a.from {
				continue
			}
			k := sort.Search(len(d.got), func(k int) bool { return d.got[k].id >= a.version })
			if k == len(d.got) {
				worst = time.Hour // never arrived
				break
			}
			worst = max(worst, d.got[k].at.Sub(a.sent))
		}
		lat = append(lat, worst)
	}
	slices.Sort(lat)
	if len(lat) == 0 {
		b.Fatal("no action")
	}
	p50, p99 = lat[len(lat)/2], lat[len(lat)*99/100]
	svc.Read(func(s *workshop.Session) {
		for _, d := range devs {
			for card, n := range d.net {
				if got := s.Board.Card(card).DotsOf(d.voter); got != n {
					lost += abs(n - got)
				}
			}
		}
	})
	return p50, p99, lost, len(acts)
}

// pick chooses a card and whether to give a dot (else take one back),
// from what the device knows it placed.
func (d *benchDevice) pick(rng *rand.Rand, r *Room) (string, bool) {
	var ids []string
	r.svc.Read(func(s *workshop.Session) {
		for _, c := range s.Board.Cards {
			ids = append(ids, c.ID)
		}
	})
	if len(ids) == 0 {
		return "", false
	}
	used := 0
	for _, n := range d.net {
		used += n
	}
	if used > 0 && (used >= 3 || rng.IntN(3) == 0) {
		for card, n := range d.net {
			if n > 0 {
				return card, false
			}
		}
	}
	return ids[rng.IntN(len(ids))], true
}

func benchPost(d *benchDevice, base, what, body string, v *view) int {
	resp, err := d.client.Post(base+"api/"+what, "application/json", strings.NewReader(body))
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	_ = json.NewDecoder(resp.Body).Decode(v)
	return resp.StatusCode
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
