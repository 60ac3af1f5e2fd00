package storage

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// The helper process is this test binary run again with an env var: a real
// second Boussole process holding or writing the store.
const (
	helperEnv    = "BOUSSOLE_STORAGE_HELPER"
	helperDirEnv = "BOUSSOLE_STORAGE_DIR"
)

func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("only run as a helper process")
	}
	dir := os.Getenv(helperDirEnv)
	s, err := Open(dir, Options{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	switch mode {
	case "hold":
		fmt.Println("ready")
		// Hold the store until the parent closes our stdin.
		_, _ = io.Copy(io.Discard, os.Stdin)
	case "commit":
		for i := 1; i <= 100000; i++ {
			sess := richSession(fmt.Sprintf("c%06d", i))
			sess.Updated = time.Now().UTC()
			if err := s.Put(sess); err != nil {
				fmt.Println("error:", err)
				os.Exit(1)
			}
			// Put returned: the commit is acknowledged.
			fmt.Println(i)
		}
	}
	_ = s.Close()
	os.Exit(0)
}

func helper(t *testing.T, mode, dir string) (*exec.Cmd, *bufio.Scanner, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperDirEnv+"="+dir)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return cmd, bufio.NewScanner(stdout), stdin
}

func TestOpen_LockedBySecondProcess(t *testing.T) {
	dir := t.TempDir()
	// An existing store, so both the read-only inspection and the open meet the lock.
	s := openAt(t, dir, Options{Now: fixedNow})
	if err := s.Put(richSession("held")); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)

	cmd, out, stdin := helper(t, "hold", dir)
	if !out.Scan() || out.Text() != "ready" {
		t.Fatalf("helper did not get the store: %q", out.Text())
	}
	type result struct {
		s   *Store
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := Open(dir, Options{})
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		if r.s != nil {
			r.s.Close()
		}
		wantKind(t, r.err, workshop.KindLocked)
		if msg := workshop.Message(r.err); !strings.Contains(msg, "already open on this data ("+dir+")") || !strings.Contains(msg, "Close the other window") {
			t.Fatalf("message = %q", msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Open hangs while another process holds the store")
	}

	// Once the other process is gone, the store opens.
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v", err)
	}
	s = openAt(t, dir, Options{Now: fixedNow})
	if _, err := s.Get("held"); err != nil {
		t.Fatal(err)
	}
}

func TestDurability_SIGKILLLosesNoAcknowledgedCommit(t *testing.T) {
	dir := t.TempDir()
	cmd, out, _ := helper(t, "commit", dir)
	acked := 0
	for out.Scan() {
		n, err := strconv.Atoi(out.Text())
		if err != nil {
			t.Fatalf("helper: %s", out.Text())
		}
		acked = n
		if n == 50 {
			if err := cmd.Process.Kill(); err != nil { // SIGKILL
				t.Fatal(err)
			}
		}
	}
	_ = cmd.Wait()
	if acked < 50 {
		t.Fatalf("only %d commits acknowledged", acked)
	}
	s := openAt(t, dir, Options{Now: fixedNow})
	for i := 1; i <= acked; i++ {
		if _, err := s.Get(fmt.Sprintf("c%06d", i)); err != nil {
			t.Fatalf("acknowledged commit %d of %d lost: %v", i, acked, err)
		}
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) < acked {
		t.Fatalf("list has %d sessions, %d were acknowledged", len(list), acked)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}
