package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"boussole/room"
	"boussole/session"
	"boussole/storage"
	"boussole/workshop"
)

// The room verb's flags (package variables so that the cli struct shared
// by the other verbs stays as it is; StringVar resets them at each parse).
var (
	roomListen    string
	roomAllowMore bool
)

// roomStdin is where `boussole room` reads the facilitator's commands.
var roomStdin io.Reader = os.Stdin

// roomVerb runs the participants' room without the window (PRODUCT.md §8):
// the join address and code on the first line, phases from standard
// input, saved through the same store, whose lock it holds while it runs.
var roomVerb = &verb{
	serves:     true,
	usage:      "ID [--listen ADDR] [--allow-more]",
	positional: []string{"ID"},
	flags: func(c *cli, set *flag.FlagSet) {
		set.StringVar(&roomListen, "listen", "", "address and port to listen on (default: the first private network address, a free port)")
		set.BoolVar(&roomAllowMore, "allow-more", false, "let more anonymous devices vote than the charter has participants")
	},
	do: func(c *cli, args []string) error {
		addr, err := listenAddr(roomListen)
		if err != nil {
			return err
		}
		return c.withStore(false, func(st *storage.Store) error {
			s, err := getSession(st, args[0])
			if err != nil {
				return err
			}
			return c.runRoom(st, s, addr)
		})
	},
}

// listenAddr checks --listen: an IP address with an optional port (0 or
// none: a free one); empty is the first private address of the computer.
func listenAddr(flagValue string) (string, error) {
	v := strings.TrimSpace(flagValue)
	if v == "" {
		return netip.AddrPortFrom(room.Interfaces()[0].Addr, 0).String(), nil
	}
	if ap, err := netip.ParseAddrPort(v); err == nil {
		return ap.String(), nil
	}
	if a, err := netip.ParseAddr(v); err == nil {
		return netip.AddrPortFrom(a, 0).String(), nil
	}
	return "", usagef("--listen %q is not an address: write an IP address and a port, e.g. 192.168.1.20:8080 or 127.0.0.1:0", flagValue)
}

// lockedWriter serialises the lines of the room's goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, format, args...)
}

func (c *cli) runRoom(st *storage.Store, s *workshop.Session, addr string) error {
	l := s.Current().Charter.Lang
	out := &lockedWriter{w: c.stdout}
	svc := session.New(s, st.Put, c.now)
	svc.OnSave(func(_ int, err error) {
		if err != nil {
			fmt.Fprintf(c.stderr, "boussole: room: %s\n", workshop.Message(err))
		}
	})
	r, err := room.Open(svc, room.Config{Addr: addr, AllowMore: roomAllowMore, Now: c.now,
		OnDevices: func(n int) { out.printf("%s%s%d\n", cliSay(l, "room.devices"), cliSay(l, "colon"), n) }})
	if err != nil {
		_ = svc.Close()
		return err
	}
	out.printf("%s%s%s (%s %s)\n", cliSay(l, "room.open"), cliSay(l, "colon"), r.URL(), cliSay(l, "room.code"), r.Code())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(roomStdin)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	for done := false; !done; {
		select {
		case <-ctx.Done():
			done = true
		case line := <-lines:
			word := strings.ToLower(strings.TrimSpace(line))
			switch p, ok := room.ParsePhase(word); {
			case word == "":
			case word == "close" || word == "quit" || word == "exit":
				done = true
			case ok:
				r.SetPhase(p)
				out.printf("%s%s%s\n", cliSay(l, "room.phase"), cliSay(l, "colon"), p)
			default:
				out.printf("%s\n", cliSay(l, "room.commands"))
			}
		}
	}
	err = r.Close()
	if serr := svc.Close(); err == nil {
		err = serr
	}
	out.printf("%s\n", cliSay(l, "room.closed"))
	return err
}
