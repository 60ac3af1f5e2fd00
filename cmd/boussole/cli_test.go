package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"boussole/storage"
	"boussole/workshop"
)

// binary is the boussole command built once for every test of the package.
var binary string

// holdStoreEnv makes the test binary a helper process that holds a store
// open (like a running Boussole window) until its standard input closes.
const holdStoreEnv = "BOUSSOLE_TEST_HOLD_STORE"

func TestMain(m *testing.M) {
	if dir := os.Getenv(holdStoreEnv); dir != "" {
		os.Exit(holdStore(dir))
	}
	tmp, err := os.MkdirTemp("", "boussole-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(tmp, "boussole")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building boussole:", err)
		os.RemoveAll(tmp)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// holdStore opens the store in dir, says "ready" and keeps it open until
// standard input is closed.
func holdStore(dir string) int {
	st, err := storage.Open(dir, storage.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "hold:", err)
		return 1
	}
	defer st.Close()
	fmt.Println("ready")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	return 0
}

// result is what a boussole process did.
type result struct {
	stdout, stderr string
	code           int
}

// boussole runs the binary with a clean environment (English, a private
// HOME) plus env, and returns what it printed and its exit status.
func boussole(t *testing.T, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + t.TempDir(),
		"LANG=en_US.UTF-8",
	}, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("boussole %s: %v", strings.Join(args, " "), err)
	}
	if ctx.Err() != nil {
		t.Fatalf("boussole %s: did not finish", strings.Join(args, " "))
	}
	return result{stdout: out.String(), stderr: errOut.String(), code: code}
}

// ok runs boussole --data dir args… and fails the test unless it exits 0.
func ok(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r := boussole(t, nil, append([]string{"--data", dir}, args...)...)
	if r.code != 0 {
		t.Fatalf("boussole %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("boussole %s: unexpected stderr %q", strings.Join(args, " "), r.stderr)
	}
	return r.stdout
}

// fails runs boussole --data dir args… and checks the exit status and that
// every line on stderr carries the "boussole: " prefix.
func fails(t *testing.T, dir string, want int, args ...string) result {
	t.Helper()
	r := boussole(t, nil, append([]string{"--data", dir}, args...)...)
	if r.code != want {
		t.Fatalf("boussole %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, want, r.stdout, r.stderr)
	}
	first, _, _ := strings.Cut(r.stderr, "\n")
	if !strings.HasPrefix(first, "boussole: ") {
		t.Errorf("boussole %s: stderr %q lacks the \"boussole: \" prefix", strings.Join(args, " "), r.stderr)
	}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Errorf("boussole %s: crashed: %s", strings.Join(args, " "), r.stderr)
	}
	return r
}

var idPattern = regexp.MustCompile(`^[0-9a-f]{16}$`)

// newID runs "new" and returns the id it printed.
func newID(t *testing.T, dir string, args ...string) string {
	t.Helper()
	id := strings.TrimSpace(ok(t, dir, append([]string{"new"}, args...)...))
	if !idPattern.MatchString(id) {
		t.Fatalf("new printed %q, want a 16-hex id", id)
	}
	return id
}

// exported reads a session back through "show --json".
func exported(t *testing.T, dir, id string) *workshop.Session {
	t.Helper()
	var s workshop.Session
	if err := json.Unmarshal([]byte(ok(t, dir, "show", id, "--json")), &s); err != nil {
		t.Fatalf("show --json is not a session: %v", err)
	}
	return &s
}

// approverNames lists the approvers of the current revision.
func approverNames(s *workshop.Session) []string {
	ch := s.Current().Charter
	approver := map[string]bool{}
	for _, a := range ch.Roles {
		if a.Role == workshop.RoleApprover {
			approver[a.ParticipantID] = true
		}
	}
	var names []string
	for _, p := range ch.Participants {
		if approver[p.ID] {
			names = append(names, p.Name)
		}
	}
	return names
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCLIScenario runs the journey a script would: create from a template,
// list, show, export and re-import (identical bytes, same seal), sign as
// every approver, refuse a second signature and edits of the signed
// revision, export the PDF, CSV and ICS, and verify the signed PDF.
func TestCLIScenario(t *testing.T) {
	dir := t.TempDir()
	out := t.TempDir()
	id := newID(t, dir, "--template", "net-retention", "--lang", "en", "--period", "2027-Q1")

	list := ok(t, dir, "list")
	if !strings.Contains(list, id) || !strings.Contains(list, "2027-Q1") || !strings.Contains(list, "draft") {
		t.Errorf("list does not show the new session %s:\n%s", id, list)
	}
	var summaries []workshop.Summary
	if err := json.Unmarshal([]byte(ok(t, dir, "list", "--json")), &summaries); err != nil {
		t.Fatalf("list --json: %v", err)
	}
	if len(summaries) != 1 || summaries[0].ID != id || summaries[0].Revision != 1 || summaries[0].Status != "draft" {
		t.Fatalf("list --json = %+v, want the one draft %s at revision 1", summaries, id)
	}
	title := summaries[0].Title
	if title == "" {
		t.Fatal("the template gave no title")
	}

	show := ok(t, dir, "show", id)
	for _, want := range []string{title, id, "2027-Q1", "Collective objectives", "KPIs", "Approvers", "Findings"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}

	// Export, import elsewhere, export again: the same bytes.
	first := filepath.Join(out, "first.boussole")
	ok(t, dir, "export", id, "--format", "boussole", "-o", first)
	other := t.TempDir()
	id2 := strings.TrimSpace(ok(t, other, "import", first))
	if id2 != id {
		t.Errorf("import into an empty store gave id %q, want the file's id %q kept", id2, id)
	}
	again := filepath.Join(out, "again.boussole")
	ok(t, other, "export", id2, "--format", "boussole", "-o", again)
	if !bytes.Equal(readFile(t, first), readFile(t, again)) {
		t.Error("export → import → export changed the bytes")
	}

	// Sign as every approver.
	s := exported(t, dir, id)
	names := approverNames(s)
	if len(names) == 0 {
		t.Fatal("the net-retention template has no approver")
	}
	for i, name := range names {
		got := ok(t, dir, "sign", id, "--as", name, "--comment", "ok for me")
		if i < len(names)-1 {
			if !strings.Contains(got, "signed by "+name) || !strings.Contains(got, names[len(names)-1]) {
				t.Errorf("sign as %s printed %q, want who signed and who remains", name, got)
			}
			continue
		}
		if !regexp.MustCompile(`^signed and sealed: [0-9a-f]{64}\n$`).MatchString(got) {
			t.Errorf("last signature printed %q, want \"signed and sealed: <seal>\"", got)
		}
	}
	signed := exported(t, dir, id)
	rev := signed.Current()
	if rev.Status != workshop.StatusSigned || rev.Seal != workshop.Seal(&rev.Charter) {
		t.Fatalf("after every signature: status %q seal %q, want signed with the charter's seal", rev.Status, rev.Seal)
	}
	if show := ok(t, dir, "show", id); !strings.Contains(show, rev.Seal) || !strings.Contains(show, "signed on") {
		t.Errorf("show of the signed charter lacks the seal or the signatures:\n%s", show)
	}

	// A signed revision is frozen: a second signature and an amendment
	// without reason are refused plainly, and nothing changes.
	before := ok(t, dir, "show", id, "--json")
	r := fails(t, dir, exitUsage, "sign", id, "--as", names[0])
	if !strings.HasPrefix(r.stderr, "boussole: sign: ") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("second signature: stderr %q, want one plain line", r.stderr)
	}
	fails(t, dir, exitUsage, "amend", id)
	fails(t, dir, exitUsage, "decline", id, "--as", names[0], "--reason", "too late")
	if after := ok(t, dir, "show", id, "--json"); after != before {
		t.Error("refused commands changed the session")
	}

	// The signed session travels with its seal.
	signedFile := filepath.Join(out, "signed.boussole")
	ok(t, dir, "export", id, "--format", "boussole", "-o", signedFile)
	third := t.TempDir()
	id3 := strings.TrimSpace(ok(t, third, "import", signedFile))
	if got := exported(t, third, id3).Current().Seal; got != rev.Seal {
		t.Errorf("seal after import = %q, want %q", got, rev.Seal)
	}
	again = filepath.Join(out, "signed-again.boussole")
	ok(t, third, "export", id3, "--format", "boussole", "-o", again)
	if !bytes.Equal(readFile(t, signedFile), readFile(t, again)) {
		t.Error("export → import → export of a signed session changed the bytes")
	}

	// PDF, CSV, ICS; the signed PDF verifies.
	pdf := filepath.Join(out, "charter.pdf")
	ok(t, dir, "export", id, "--format", "pdf", "-o", pdf, "--paper", "Letter")
	if b := readFile(t, pdf); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("charter.pdf does not start like a PDF: %q", b[:min(len(b), 16)])
	}
	if text, err := exec.Command("pdftotext", pdf, "-").Output(); err != nil {
		t.Errorf("pdftotext: %v", err)
	} else if !strings.Contains(string(text), rev.Seal) {
		t.Errorf("the signed PDF does not print its seal %s", rev.Seal)
	}
	csv := filepath.Join(out, "kpis.csv")
	ok(t, dir, "export", "--format", "csv", "-o", csv, id) // flags before the id too
	if lines := strings.Count(string(readFile(t, csv)), "\n"); lines < 1+len(rev.Charter.KPIs) {
		t.Errorf("kpis.csv has %d lines, want a header and one per KPI (%d)", lines, len(rev.Charter.KPIs))
	}
	ics := filepath.Join(out, "rituals.ics")
	ok(t, dir, "export", id, "--format", "ics", "-o", ics)
	if b := string(readFile(t, ics)); !strings.HasPrefix(b, "BEGIN:VCALENDAR") || !strings.Contains(b, "RRULE:") {
		t.Errorf("rituals.ics is not a calendar with recurrences:\n%.300s", b)
	}
	if v := ok(t, dir, "verify", pdf); !strings.Contains(v, "1") {
		t.Errorf("verify of the signed PDF printed %q, want the revision it matches", v)
	}
	// The other store holds the same signed session: it verifies there too.
	ok(t, third, "verify", pdf)

	// Amend opens revision 2; its draft PDF matches no signed revision.
	if got := ok(t, dir, "amend", id, "--reason", "new pricing"); !strings.Contains(got, "revision 2") {
		t.Errorf("amend printed %q, want revision 2", got)
	}
	draft := filepath.Join(out, "draft.pdf")
	ok(t, dir, "export", id, "--format", "pdf", "-o", draft)
	r = fails(t, dir, exitFailure, "verify", draft)
	if !strings.HasPrefix(r.stderr, "boussole: verify: ") {
		t.Errorf("verify of a draft: stderr %q", r.stderr)
	}
	// Revision 1 stays exportable and still verifies.
	rev1 := filepath.Join(out, "rev1.pdf")
	ok(t, dir, "export", id, "--format", "pdf", "--revision", "1", "-o", rev1)
	ok(t, dir, "verify", rev1)
	fails(t, dir, exitUsage, "export", id, "--format", "pdf", "--revision", "7", "-o", rev1)
}

// TestCLISignErrors: signing as someone who is not an approver, or a draft
// with errors, is invalid input (exit 2) and leaves the store as it was.
func TestCLISignErrors(t *testing.T) {
	dir := t.TempDir()
	id := newID(t, dir, "--template", "sales-cycle", "--lang", "fr")
	before := ok(t, dir, "show", id, "--json")
	r := fails(t, dir, exitUsage, "sign", id, "--as", "Nobody Knownhere")
	if !strings.Contains(r.stderr, "Nobody Knownhere") {
		t.Errorf("stderr %q does not name who tried to sign", r.stderr)
	}
	fails(t, dir, exitUsage, "sign", id)                              // no --as
	fails(t, dir, exitUsage, "sign", "0000000000000000", "--as", "x") // no such session
	// A blank charter has errors and no approver: nobody can sign it.
	blank := newID(t, dir, "--title", "Empty charter")
	fails(t, dir, exitUsage, "sign", blank, "--as", "Anyone")
	if after := ok(t, dir, "show", id, "--json"); after != before {
		t.Error("refused signatures changed the session")
	}
}

// TestCLIDecline: a decline sends the charter back to draft and clears the
// signatures.
func TestCLIDecline(t *testing.T) {
	dir := t.TempDir()
	id := newID(t, dir, "--template", "abm-pipeline", "--lang", "en")
	names := approverNames(exported(t, dir, id))
	if len(names) < 2 {
		t.Skipf("abm-pipeline has %d approver(s); the test needs two", len(names))
	}
	ok(t, dir, "sign", id, "--as", names[0])
	fails(t, dir, exitUsage, "decline", id, "--as", names[1]) // no reason
	got := ok(t, dir, "decline", id, "--as", names[1], "--reason", "targets too low")
	if !strings.Contains(got, "draft") {
		t.Errorf("decline printed %q", got)
	}
	rev := exported(t, dir, id).Current()
	if rev.Status != workshop.StatusDraft || len(rev.Signatures) != 0 || len(rev.Declines) != 1 || rev.Declines[0].Reason != "targets too low" {
		t.Errorf("after decline: status %q, %d signatures, declines %+v", rev.Status, len(rev.Signatures), rev.Declines)
	}
}

// TestCLILockedStore: a second Boussole on the same data exits 3 with the
// plain sentence, instead of hanging (PRODUCT.md §7 "One writer").
func TestCLILockedStore(t *testing.T) {
	dir := t.TempDir()
	newID(t, dir, "--title", "Held")
	holder := exec.Command(os.Args[0], "-test.run=^$")
	holder.Env = append(os.Environ(), holdStoreEnv+"="+dir)
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	holder.Stderr = os.Stderr
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		_ = holder.Wait()
	}()
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("the helper did not open the store: %q %v", line, err)
	}
	want := fmt.Sprintf("boussole: Boussole is already open on this data (%s). Close it and try again.\n", dir)
	for _, args := range [][]string{{"list"}, {"new", "--title", "Second"}, {"check"}} {
		r := fails(t, dir, exitLocked, args...)
		if r.stderr != want {
			t.Errorf("%s: stderr %q, want %q", args[0], r.stderr, want)
		}
	}
}

// TestCLIImportBadInput: files that are not Boussole sessions are invalid
// input (exit 2), named in the message, and the store file keeps every byte.
func TestCLIImportBadInput(t *testing.T) {
	dir := t.TempDir()
	id := newID(t, dir, "--template", "net-retention")
	files := t.TempDir()
	good := filepath.Join(files, "good.boussole")
	ok(t, dir, "export", id, "--format", "boussole", "-o", good)
	goodBytes := readFile(t, good)

	junk := make([]byte, 50<<20)
	if _, err := rand.Read(junk); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want []string // in the message, besides the file name
	}{
		{"wrong-format.boussole", bytes.Replace(goodBytes, []byte(`"boussole/2"`), []byte(`"boussole/99"`), 1), []string{"boussole/99"}},
		{"not-json.boussole", []byte("{\n  \"format\": \"boussole/1\",\n  \"id\": ]\n}\n"), []string{"line 3"}},
		{"truncated.boussole", goodBytes[:len(goodBytes)/2], nil},
		{"empty.boussole", nil, nil},
		{"charter.pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), nil},
		{"junk.bin", junk, nil},
	}
	db := filepath.Join(dir, storage.FileName)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(files, c.name)
			if err := os.WriteFile(path, c.data, 0o600); err != nil {
				t.Fatal(err)
			}
			before := readFile(t, db)
			r := fails(t, dir, exitUsage, "import", path)
			if !strings.HasPrefix(r.stderr, "boussole: import: "+path+": ") {
				t.Errorf("stderr %q does not name the file", r.stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q lacks %q", r.stderr, w)
				}
			}
			if len(r.stderr) > 1000 {
				t.Errorf("the message is %d bytes long: it repeats the input", len(r.stderr))
			}
			if !bytes.Equal(readFile(t, db), before) {
				t.Error("a refused import changed the store file")
			}
		})
	}
	fails(t, dir, exitUsage, "import", filepath.Join(files, "missing.boussole"))
	var list []workshop.Summary
	if err := json.Unmarshal([]byte(ok(t, dir, "list", "--json")), &list); err != nil || len(list) != 1 {
		t.Errorf("after refused imports the store lists %d sessions (%v), want 1", len(list), err)
	}
}

// TestCLIUsage: usage mistakes exit 2 with a message naming the mistake;
// help and version exit 0.
func TestCLIUsage(t *testing.T) {
	dir := t.TempDir()
	id := newID(t, dir, "--title", "Usage")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown verb "frobnicate"`},
		{[]string{"show"}, "missing ID"},
		{[]string{"show", id, "extra"}, `unexpected argument "extra"`},
		{[]string{"list", "--bogus"}, "bogus"},
		{[]string{"new"}, "--title is required"},
		{[]string{"new", "--title", "X", "--lang", "de"}, `--lang "de"`},
		{[]string{"new", "--title", "X", "--period", "2027-Q5"}, "2027-Q5"},
		{[]string{"new", "--template", "nope"}, "net-retention"},
		{[]string{"export", id, "-o", "x.pdf"}, "--format is required"},
		{[]string{"export", id, "--format", "docx", "-o", "x.docx"}, `"docx"`},
		{[]string{"export", id, "--format", "pdf"}, "-o PATH is required"},
		{[]string{"export", id, "--format", "pdf", "--paper", "A3", "-o", "x.pdf"}, `"A3"`},
		{[]string{"export", id, "--format", "pdf", "-o", filepath.Join(dir, "no", "such", "dir", "x.pdf")}, "cannot be written"},
		{[]string{"show", "ffffffffffffffff"}, "no session"},
		{[]string{"amend", id}, "--reason"},
		{[]string{"backup"}, "-o PATH"},
		{[]string{"verify", filepath.Join(dir, "none.pdf")}, "none.pdf"},
	} {
		r := fails(t, dir, exitUsage, c.args...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: stderr %q lacks %q", c.args, r.stderr, c.want)
		}
	}
	if r := boussole(t, nil, "-h"); r.code != 0 || !strings.Contains(r.stdout, "export ID --format") {
		t.Errorf("-h: exit %d, stdout %q", r.code, r.stdout)
	}
	if r := boussole(t, nil, "export", "-h"); r.code != 0 || !strings.Contains(r.stdout, "--format") {
		t.Errorf("export -h: exit %d, stdout %q", r.code, r.stdout)
	}
	if r := boussole(t, nil, "--version"); r.code != 0 || r.stdout != "boussole "+version+"\n" {
		t.Errorf("--version: exit %d, stdout %q", r.code, r.stdout)
	}
}

// TestCLIDataDirectory: --data, else $BOUSSOLE_DATA, else the per-user
// configuration directory; the store is private to the user.
func TestCLIDataDirectory(t *testing.T) {
	fromEnv := t.TempDir()
	r := boussole(t, []string{"BOUSSOLE_DATA=" + fromEnv}, "new", "--title", "From the environment")
	if r.code != 0 {
		t.Fatalf("new with BOUSSOLE_DATA: exit %d %s", r.code, r.stderr)
	}
	if list := ok(t, fromEnv, "list"); !strings.Contains(list, "From the environment") {
		t.Errorf("BOUSSOLE_DATA was not used:\n%s", list)
	}

	fromFlag := t.TempDir()
	r = boussole(t, []string{"BOUSSOLE_DATA=" + fromEnv}, "--data", fromFlag, "new", "--title", "From the flag")
	if r.code != 0 {
		t.Fatalf("new with --data: exit %d %s", r.code, r.stderr)
	}
	if list := ok(t, fromFlag, "list"); !strings.Contains(list, "From the flag") {
		t.Errorf("--data did not win over BOUSSOLE_DATA:\n%s", list)
	}
	if list := ok(t, fromEnv, "list"); strings.Contains(list, "From the flag") {
		t.Errorf("--data was ignored: the session went to BOUSSOLE_DATA")
	}
	// --data after the verb works too.
	if list := boussole(t, nil, "list", "--data", fromFlag); !strings.Contains(list.stdout, "From the flag") {
		t.Errorf("list --data DIR: %q %q", list.stdout, list.stderr)
	}

	home := t.TempDir()
	r = boussole(t, []string{"HOME=" + home}, "new", "--title", "Default place")
	if r.code != 0 {
		t.Fatalf("new in the default directory: exit %d %s", r.code, r.stderr)
	}
	want, err := defaultDataDir(func(k string) string {
		if k == "HOME" {
			return home
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(want, storage.FileName))
	if err != nil {
		t.Fatalf("the store is not in the per-user directory %s: %v", want, err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("store mode %v, want 0600", fi.Mode().Perm())
	}
	di, err := os.Stat(want)
	if err != nil || di.Mode().Perm() != 0o700 {
		t.Errorf("data directory mode %v (%v), want 0700", di.Mode().Perm(), err)
	}
}

// TestCLIReadingCreatesNothing: reading verbs on a data directory that
// holds no store yet answer "nothing" and create no file.
func TestCLIReadingCreatesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fresh")
	if got := ok(t, dir, "list"); got != "ID  TITLE  PERIOD  STATUS  REVISION  UPDATED\n" {
		t.Errorf("list of an empty directory = %q, want the header only", got)
	}
	if got := ok(t, dir, "list", "--json"); got != "[]\n" {
		t.Errorf("list --json of an empty directory = %q, want []", got)
	}
	if got := ok(t, dir, "check"); got != "ok\n" {
		t.Errorf("check of an empty directory = %q", got)
	}
	fails(t, dir, exitUsage, "show", "0123456789abcdef")
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("reading created %s (%v)", dir, err)
	}
}

// TestCLITemplatesLanguage: template titles follow the terminal's language.
func TestCLITemplatesLanguage(t *testing.T) {
	en := boussole(t, []string{"LANG=en_US.UTF-8"}, "templates")
	fr := boussole(t, []string{"LANG=fr_FR.UTF-8"}, "templates")
	if en.code != 0 || fr.code != 0 {
		t.Fatalf("templates: exit %d / %d: %s %s", en.code, fr.code, en.stderr, fr.stderr)
	}
	for _, id := range []string{"blank", "sales-cycle", "net-retention", "abm-pipeline"} {
		if !regexp.MustCompile(`(?m)^` + id + `\s+\S`).MatchString(en.stdout) {
			t.Errorf("templates (en) lacks %s with a title:\n%s", id, en.stdout)
		}
	}
	if !strings.Contains(fr.stdout, "Améliorer la rétention") {
		t.Errorf("templates (fr) lacks the French title of net-retention:\n%s", fr.stdout)
	}
	if en.stdout == fr.stdout {
		t.Error("templates prints the same titles in French and English")
	}
}

// TestCLICheckAndRestore: check says "ok" on a sound store; on a damaged
// one it exits 1 with the way out and leaves the file untouched; restore
// puts the latest backup back.
func TestCLICheckAndRestore(t *testing.T) {
	dir := t.TempDir()
	id := newID(t, dir, "--template", "net-retention")
	if got := ok(t, dir, "check"); got != "ok\n" {
		t.Errorf("check printed %q, want ok", got)
	}
	// The second read-write opening of the day makes the daily backup.
	newID(t, dir, "--title", "Second")
	backup := filepath.Join(t.TempDir(), "manual.db")
	ok(t, dir, "backup", "-o", backup)
	if b := readFile(t, backup); len(b) == 0 {
		t.Fatal("backup is empty")
	}

	db := filepath.Join(dir, storage.FileName)
	good := readFile(t, db)
	damaged := good[:len(good)/3]
	if err := os.WriteFile(db, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	r := fails(t, dir, exitFailure, "check")
	if !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "restore") {
		t.Errorf("check of a damaged store: %q, want the damage and the way out", r.stderr)
	}
	fails(t, dir, exitFailure, "list")
	if !bytes.Equal(readFile(t, db), damaged) {
		t.Fatal("a damaged store was modified")
	}
	restored := ok(t, dir, "restore")
	if !strings.Contains(restored, "restored") {
		t.Errorf("restore printed %q", restored)
	}
	if got := ok(t, dir, "show", id); !strings.Contains(got, id) {
		t.Errorf("after restore the session is gone:\n%s", got)
	}
}

func TestReorder(t *testing.T) {
	c := &cli{}
	set := newFlagSetFor(c, exportVerb)
	got := reorder(set, []string{"abc", "--format", "pdf", "-o=x.pdf", "--revision", "2", "--", "-weird"})
	want := []string{"--format", "pdf", "-o=x.pdf", "--revision", "2", "--", "abc", "-weird"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("reorder = %q, want %q", got, want)
	}
	set = newFlagSetFor(c, listVerb)
	got = reorder(set, []string{"--json", "extra"})
	if strings.Join(got, " ") != "--json -- extra" {
		t.Errorf("a bool flag took a value: %q", got)
	}
}

func TestUILang(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want workshop.Lang
	}{
		{map[string]string{"LANG": "fr_FR.UTF-8"}, workshop.FR},
		{map[string]string{"LANG": "fr_CA"}, workshop.FR},
		{map[string]string{"LANG": "en_US.UTF-8"}, workshop.EN},
		{map[string]string{"LANG": "de_DE.UTF-8"}, workshop.EN},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LC_ALL": "en_GB.UTF-8"}, workshop.EN},
		{map[string]string{"LANG": "C", "LC_MESSAGES": "fr_BE.UTF-8"}, workshop.FR},
		{map[string]string{}, workshop.EN},
	} {
		if got := uiLang(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("uiLang(%v) = %s, want %s", c.env, got, c.want)
		}
	}
}

func TestExitStatus(t *testing.T) {
	for kind, want := range map[workshop.ErrorKind]int{
		workshop.KindInvalid:   exitUsage,
		workshop.KindNotFound:  exitUsage,
		workshop.KindForbidden: exitUsage,
		workshop.KindConflict:  exitUsage,
		workshop.KindLocked:    exitLocked,
		workshop.KindCorrupt:   exitFailure,
		workshop.KindTooNew:    exitFailure,
		workshop.KindInternal:  exitFailure,
	} {
		if got := exitStatus(workshop.Errorf(kind, "x")); got != want {
			t.Errorf("exitStatus(%s) = %d, want %d", kind, got, want)
		}
	}
	if got := exitStatus(errors.New("disk full")); got != exitFailure {
		t.Errorf("a plain error exits %d, want 1", got)
	}
}

// TestCLIQuietUnderCLocale: under the C.UTF-8 locale of containers and CI,
// a verb prints nothing but its own messages (Fyne would otherwise log
// locale errors at start-up).
func TestCLIQuietUnderCLocale(t *testing.T) {
	dir := t.TempDir()
	r := boussole(t, []string{"LANG=C.UTF-8"}, "--data", dir, "list")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("list under LANG=C.UTF-8: exit %d, stderr %q", r.code, r.stderr)
	}
}
