package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"boussole/storage"
	"boussole/workshop"
)

// hostileFile is a .boussole file taken apart for editing: the JSON of an
// exported session as maps and arrays.
type hostileFile map[string]any

func readHostile(t *testing.T, path string) hostileFile {
	t.Helper()
	var m hostileFile
	if err := json.Unmarshal(readFile(t, path), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// clone is a deep copy, through JSON.
func (m hostileFile) clone(t *testing.T) hostileFile {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var c hostileFile
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func (m hostileFile) rev(i int) map[string]any {
	return m["revisions"].([]any)[i].(map[string]any)
}

func (m hostileFile) charter(i int) map[string]any { return m.rev(i)["charter"].(map[string]any) }

func (m hostileFile) signatures(i int) []any {
	s, _ := m.rev(i)["signatures"].([]any)
	return s
}

// reseal gives revision i and its signatures the seal of its present
// content, as a forger who knows the algorithm would.
func (m hostileFile) reseal(t *testing.T, i int) {
	t.Helper()
	b, err := json.Marshal(m.charter(i))
	if err != nil {
		t.Fatal(err)
	}
	var c workshop.Charter
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	seal := workshop.Seal(&c)
	m.rev(i)["seal"] = seal
	for _, s := range m.signatures(i) {
		s.(map[string]any)["seal"] = seal
	}
}

func (m hostileFile) write(t *testing.T, path string) string {
	t.Helper()
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// signedSessionFile creates a session from a template in dir, signs it as
// every approver and exports it; with amend, revision 2 is opened as a
// draft before the export.
func signedSessionFile(t *testing.T, dir, out string, amend bool) string {
	t.Helper()
	id := newID(t, dir, "--template", "net-retention", "--lang", "en")
	for _, name := range approverNames(exported(t, dir, id)) {
		ok(t, dir, "sign", id, "--as", name)
	}
	if amend {
		ok(t, dir, "amend", id, "--reason", "new pricing")
	}
	path := filepath.Join(out, "signed.boussole")
	if amend {
		path = filepath.Join(out, "amended.boussole")
	}
	ok(t, dir, "export", id, "--format", "boussole", "-o", path)
	return path
}

// refusedImport imports path into dir and checks that it is refused as
// invalid input (exit 2) with a message naming the file and holding every
// want, and that the store file keeps every byte.
func refusedImport(t *testing.T, dir, path string, want ...string) result {
	t.Helper()
	db := filepath.Join(dir, storage.FileName)
	before := readFile(t, db)
	r := fails(t, dir, exitUsage, "import", path)
	if !strings.HasPrefix(r.stderr, "boussole: import: "+path+": ") {
		t.Errorf("stderr %q does not name the file", r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr %q lacks %q", r.stderr, w)
		}
	}
	if r.stdout != "" {
		t.Errorf("a refused import printed %q", r.stdout)
	}
	if len(r.stderr) > 1000 {
		t.Errorf("the message is %d bytes long: it repeats the input", len(r.stderr))
	}
	if !bytes.Equal(readFile(t, db), before) {
		t.Error("a refused import changed the store file")
	}
	inert(t, "stderr", r.stderr)
	return r
}

// TestCLIImportRefusesForgedSignOff_Issue7_9: a .boussole file whose
// signed revision carries signatures nobody gave (Mallory, a zeroed seal,
// none at all, a participant who is not an approver), a resealed revision
// with a blocking error, or a draft followed by a signed revision is
// refused by import (exit 2, what and where) and the store keeps every
// byte; the genuine file imports and verifies.
func TestCLIImportRefusesForgedSignOff_Issue7_9(t *testing.T) {
	src, dir, out := t.TempDir(), t.TempDir(), t.TempDir()
	signedPath := signedSessionFile(t, src, out, false)
	amendedPath := signedSessionFile(t, src, out, true)
	signed := readHostile(t, signedPath)
	amended := readHostile(t, amendedPath)
	newID(t, dir, "--title", "Already here") // the store is not empty
	zeros := strings.Repeat("0", 64)
	if n := len(signed.signatures(0)); n < 2 {
		t.Fatalf("the template has %d approver(s); the test needs two", n)
	}
	// A participant who is not an approver.
	approver := map[string]bool{}
	for _, s := range signed.signatures(0) {
		approver[s.(map[string]any)["participantId"].(string)] = true
	}
	var bystander map[string]any
	for _, p := range signed.charter(0)["participants"].([]any) {
		if !approver[p.(map[string]any)["id"].(string)] {
			bystander = p.(map[string]any)
			break
		}
	}
	if bystander == nil {
		t.Fatal("every participant of the template approves")
	}

	cases := []struct {
		name   string
		forge  func(m hostileFile)
		reseal bool
		want   []string
	}{
		{"mallory-added", func(m hostileFile) {
			r := m.rev(0)
			r["signatures"] = append(m.signatures(0), map[string]any{
				"participantId": "mallory", "name": "Mallory", "at": "2027-01-08T10:00:00Z", "seal": r["seal"]})
		}, false, []string{`revision 1: signatures[2] is by "Mallory" (participant "mallory"), who is not an approver`}},
		{"mallory-huge-name", func(m hostileFile) {
			s := m.signatures(0)[1].(map[string]any)
			s["participantId"], s["name"] = "mallory", "Mallory"+strings.Repeat("\x1b[2J", 100_000)
		}, false, []string{`signatures[1] is by "Mallory\x1b[2J`, "…"}},
		{"mallory-zero-seal", func(m hostileFile) {
			m.signatures(0)[1] = map[string]any{
				"participantId": "mallory", "name": "Mallory", "at": "2027-01-08T10:00:00Z", "seal": zeros}
		}, false, []string{`signatures[1] is by "Mallory"`}},
		{"zeroed-seal", func(m hostileFile) {
			m.signatures(0)[1].(map[string]any)["seal"] = zeros
		}, false, []string{"revision 1: signatures[1] by ", "does not seal this revision"}},
		{"no-signature", func(m hostileFile) {
			m.rev(0)["signatures"] = []any{}
		}, false, []string{"revision 1 is signed but holds no signature"}},
		{"one-approver-missing", func(m hostileFile) {
			m.rev(0)["signatures"] = m.signatures(0)[:1]
		}, false, []string{"revision 1 is signed but ", ", an approver, did not sign it"}},
		{"bystander-signs", func(m hostileFile) {
			s := m.signatures(0)[1].(map[string]any)
			s["participantId"], s["name"] = bystander["id"], bystander["name"]
		}, false, []string{"who is not an approver"}},
		{"approver-renamed", func(m hostileFile) {
			m.signatures(0)[0].(map[string]any)["name"] = "Mallory"
		}, false, []string{`signatures[0] is signed as "Mallory" but participant`}},
		{"error-finding-resealed", func(m hostileFile) {
			c := m.charter(0)
			c["kpis"] = c["kpis"].([]any)[:1] // R-KPI-1, and more
		}, true, []string{"revision 1 is signed but has a blocking error (R-"}},
		{"draft-then-signed", func(m hostileFile) {
			// Revision 1 a draft, revision 2 the signed content.
			revs := m["revisions"].([]any)
			r1, r2 := m.rev(0), m.clone(t).rev(0)
			r2["number"] = 2
			r1["status"] = "draft"
			delete(r1, "seal")
			delete(r1, "signedAt")
			m["revisions"] = []any{revs[0], r2}
		}, false, []string{"revisions[0] is a draft but revision 2 follows it"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := signed
			if c.name == "draft-then-signed" {
				base = amended
			}
			m := base.clone(t)
			c.forge(m)
			if c.reseal {
				m.reseal(t, 0)
			}
			refusedImport(t, dir, m.write(t, filepath.Join(out, c.name+".boussole")), c.want...)
		})
	}

	// The genuine files import, and the signed PDF verifies against them.
	ok(t, dir, "import", signedPath)
	id := strings.TrimSpace(ok(t, dir, "import", amendedPath))
	pdf := filepath.Join(out, "rev1.pdf")
	ok(t, dir, "export", id, "--format", "pdf", "--revision", "1", "-o", pdf)
	if v := ok(t, dir, "verify", pdf); strings.Contains(v, "Mallory") {
		t.Errorf("verify names Mallory: %q", v)
	}
	var list []workshop.Summary
	if err := json.Unmarshal([]byte(ok(t, dir, "list", "--json")), &list); err != nil || len(list) != 3 {
		t.Errorf("the store lists %d sessions (%v), want 3: the first and the two genuine imports", len(list), err)
	}
}

// hostileTitle holds what a terminal obeys: OSC "set window title", CSI
// "clear screen", a bell, a carriage return that rewrites the line, an
// 8-bit CSI (U+009B), DEL and a right-to-left override.
const hostileTitle = "Q1\x1b]0;pwned\x07\x1b[2J\r\u009b31mSIGNED\x7f \u202eevil"

// inert fails when out holds a character a terminal would obey (a
// control other than newline and tab, DEL, C1, a bidirectional override)
// or bytes that are not UTF-8.
func inert(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		if r == '\n' || r == '\t' {
			continue
		}
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0xfffd {
			t.Errorf("%s holds %U at byte %d: %q", what, r, i, out)
			return
		}
	}
}

// TestCLIHostileTextIsInert_Issue7_11: an imported title full of terminal
// escapes is accepted as text but printed visibly by import, list, show
// and show --json (which still decodes to the same title); ids that are not
// of Boussole's form are refused at import; a hostile file name in a
// message is made visible too.
func TestCLIHostileTextIsInert_Issue7_11(t *testing.T) {
	src, dir, out := t.TempDir(), t.TempDir(), t.TempDir()
	id := newID(t, src, "--template", "net-retention", "--lang", "en")
	good := filepath.Join(out, "good.boussole")
	ok(t, src, "export", id, "--format", "boussole", "-o", good)
	base := readHostile(t, good)
	newID(t, dir, "--title", "Already here")

	// Ids not of the form Boussole gives are refused.
	for name, bad := range map[string]string{
		"escape":    "\x1b]0;pwned\x07\x1b[2J",
		"path":      "../../etc/passwd",
		"uppercase": "0123456789ABCDEF",
		"long":      strings.Repeat("a", 17),
		"short":     "abc",
		"c1":        "0123456789abcde\u009b",
	} {
		t.Run("id-"+name, func(t *testing.T) {
			m := base.clone(t)
			m["id"] = bad
			refusedImport(t, dir, m.write(t, filepath.Join(out, "id-"+name+".boussole")),
				`"id" is `, "expected 16 characters 0-9 and a-f")
		})
	}
	m := base.clone(t)
	m["previousId"] = "\x1b[2J"
	refusedImport(t, dir, m.write(t, filepath.Join(out, "previous.boussole")), `"previousId" is "\x1b[2J"`)

	// A hostile title imports: it is text. Every print shows it inert.
	m = base.clone(t)
	m.charter(0)["title"] = hostileTitle
	m.charter(0)["participants"].([]any)[0].(map[string]any)["name"] = "Eve\x1b[8m"
	hostile := m.write(t, filepath.Join(out, "hostile.boussole"))
	r := boussole(t, nil, "--data", dir, "import", hostile)
	if r.code != 0 {
		t.Fatalf("import of a hostile title: exit %d, %s", r.code, r.stderr)
	}
	inert(t, "import", r.stdout+r.stderr)
	hid := strings.TrimSpace(r.stdout)

	// show and list keep a title on one line: the carriage return is a
	// space there.
	visibleTitle := `Q1\u001b]0;pwned\u0007\u001b[2J \u009b31mSIGNED\u007f \u202eevil`
	list := ok(t, dir, "list")
	inert(t, "list", list)
	if !strings.Contains(list, visibleTitle) {
		t.Errorf("list does not show the title visibly:\n%s", list)
	}
	show := ok(t, dir, "show", hid)
	inert(t, "show", show)
	if !strings.Contains(show, visibleTitle) || !strings.Contains(show, `Eve\u001b[8m`) {
		t.Errorf("show does not show the title and the name visibly:\n%s", show)
	}
	for _, args := range [][]string{{"show", hid, "--json"}, {"list", "--json"}, {"export", hid, "--format", "boussole", "-o", "-"}} {
		got := ok(t, dir, args...)
		inert(t, strings.Join(args, " "), got)
		if args[0] == "list" {
			continue
		}
		var s workshop.Session
		if err := json.Unmarshal([]byte(got), &s); err != nil {
			t.Fatalf("%s is not JSON: %v", args, err)
		}
		if s.Current().Charter.Title != hostileTitle {
			t.Errorf("%s: title %q, want %q: made visible, the JSON must keep its meaning", args, s.Current().Charter.Title, hostileTitle)
		}
	}
	// The .boussole file written to disk is inert too, and imports again
	// with the same title.
	again := filepath.Join(out, "again.boussole")
	ok(t, dir, "export", hid, "--format", "boussole", "-o", again)
	inert(t, "the exported file", string(readFile(t, again)))

	// A file name typed by a person is shown, not obeyed.
	r = fails(t, dir, exitUsage, "import", filepath.Join(out, "missing\x1b]0;pwned\x07.boussole"))
	inert(t, "stderr", r.stderr)
	if !strings.Contains(r.stderr, `missing\u001b]0;pwned\u0007.boussole`) {
		t.Errorf("stderr %q does not show the file name visibly", r.stderr)
	}
}

// TestVisible_Issue7_11: the one function every print goes through.
func TestVisible_Issue7_11(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "",
		"plain, accentué, 日本, שלום": "plain, accentué, 日本, שלום",
		"two\nlines\tand a tab":     "two\nlines\tand a tab",
		"\x1b[2J":                   `\u001b[2J`,
		"a\rb\x00c\x7f":             `a\u000db\u0000c\u007f`,
		"\u009b31m\u0085":           `\u009b31m\u0085`,
		"\u202eevil\u2066x\u2069":   `\u202eevil\u2066x\u2069`,
		"bad \xff\xc3 bytes":        `bad \xff\xc3 bytes`,
		"\u200fמימין":               "\u200fמימין", // a right-to-left mark reorders nothing after the line
	} {
		if got := visible(in); got != want {
			t.Errorf("visible(%q) = %q, want %q", in, got, want)
		}
	}
	// A character cut between two writes is judged whole.
	var b bytes.Buffer
	w := newTermWriter(&b)
	c1 := []byte("x\u009by")
	for _, part := range [][]byte{c1[:2], c1[2:]} {
		if _, err := w.Write(part); err != nil {
			t.Fatal(err)
		}
	}
	w.Write([]byte("é"[:1]))
	if err := w.flush(); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != `x\u009by\xc3` {
		t.Errorf("through the writer: %q", got)
	}
}
