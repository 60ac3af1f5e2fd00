package main

import (
	"bufio"
	"context"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rssMB is the resident memory of process pid, in MB (Linux).
func rssMB(tb testing.TB, pid int) float64 {
	tb.Helper()
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		tb.Skipf("no /proc: %v", err)
	}
	m := regexp.MustCompile(`VmRSS:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		tb.Fatal("no VmRSS")
	}
	kb, _ := strconv.Atoi(string(m[1]))
	return float64(kb) / 1024
}

// BenchmarkRoomMemory60Devices: the resident memory of `boussole room`
// (the real binary, the room open on loopback) with no device, then with
// 60 devices joined and their event streams open; the difference is what
// the room's devices cost.
func BenchmarkRoomMemory60Devices(b *testing.B) {
	for b.Loop() {
		dir := b.TempDir()
		id := roomSession(&testing.T{}, dir, true)
		cmd := exec.Command(binary, "--data", dir, "room", id, "--listen", "127.0.0.1:0", "--allow-more")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + b.TempDir(), "LANG=en_US.UTF-8"}
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		sc.Scan()
		m := regexp.MustCompile(`(http://\S+/)`).FindStringSubmatch(sc.Text())
		if m == nil {
			b.Fatalf("first line %q", sc.Text())
		}
		go func() {
			for sc.Scan() { // device counts
			}
		}()
		base := m[1]
		time.Sleep(500 * time.Millisecond)
		before := rssMB(b, cmd.Process.Pid)
		ctx, cancel := context.WithCancel(context.Background())
		for range 60 {
			// 60 phones share 127.0.0.1 here: join at the pace the
			// per-address limit allows (20 requests a second).
			time.Sleep(200 * time.Millisecond)
			jar, _ := cookiejar.New(nil)
			c := &http.Client{Jar: jar}
			if resp, err := c.Get(base); err != nil {
				b.Fatal(err)
			} else {
				resp.Body.Close()
			}
			resp, err := c.Post(base+"api/who", "application/json", strings.NewReader(`{"participant":""}`))
			if err != nil || resp.StatusCode != 200 {
				b.Fatalf("who: %v %v", resp, err)
			}
			resp.Body.Close()
			if resp, err := c.Post(base+"api/card", "application/json", strings.NewReader(`{"text":"an idea from a phone"}`)); err == nil {
				resp.Body.Close()
			}
			req, _ := http.NewRequestWithContext(ctx, "GET", base+"api/events", nil)
			es, err := c.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			go func() {
				defer es.Body.Close()
				r := bufio.NewReader(es.Body)
				for {
					if _, err := r.ReadString('\n'); err != nil {
						return
					}
				}
			}()
		}
		time.Sleep(2 * time.Second)
		after := rssMB(b, cmd.Process.Pid)
		cancel()
		stdin.Write([]byte("close\n"))
		_ = cmd.Wait()
		b.ReportMetric(before, "rss-0dev-MB")
		b.ReportMetric(after, "rss-60dev-MB")
		b.ReportMetric(after-before, "room-60dev-MB")
	}
}
