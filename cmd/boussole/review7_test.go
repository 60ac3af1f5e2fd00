package main

// Review of issue 7: variations the first implementation missed, tried
// with the real binary.

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"boussole/storage"
	"boussole/workshop"
)

// TestImportRefusesWhatIsNotARegularFile_Issue7_18: import, like verify,
// refuses a FIFO (it used to hang), a device (/dev/zero used to be read to
// 256 MB) and a file over the size import accepts, before reading a byte;
// exit 2 saying what the file is, and the store is not even opened.
func TestImportRefusesWhatIsNotARegularFile_Issue7_18(t *testing.T) {
	dir := t.TempDir()
	files := t.TempDir()
	cases := map[string]string{files: "is a directory"}
	fifo := filepath.Join(files, "fifo.boussole")
	if err := mkfifo(fifo); err == nil {
		cases[fifo] = "not a regular file (a named pipe)"
		link := filepath.Join(files, "link.boussole")
		if err := os.Symlink(fifo, link); err != nil {
			t.Fatal(err)
		}
		cases[link] = "not a regular file (a named pipe)"
	} else {
		t.Logf("NOT TRIED: no named pipe on this system (%v)", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases["/dev/zero"] = "not a regular file (a character device)"
	}
	huge := filepath.Join(files, "huge.boussole")
	if err := os.WriteFile(huge, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 21<<20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	cases[huge] = "larger than 20 MB"
	for path, says := range cases {
		r := fails(t, dir, exitUsage, "import", path)
		if !strings.Contains(r.stderr, path+": ") || !strings.Contains(r.stderr, says) {
			t.Errorf("import %s: stderr %q, want %q", path, r.stderr, says)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "boussole.db")); err == nil {
		t.Error("a refused import created a store")
	}
}

// TestOutputRefusesANoteName_Issue7_1: backup -o or export -o to
// DATA/.pending-output-… used to exit 0, and the next start took the file
// for the note of an interrupted backup and deleted it. Refused now, exit 2.
func TestOutputRefusesANoteName_Issue7_1(t *testing.T) {
	dir := t.TempDir()
	id := newID(t, dir, "--title", "Notes")
	out := filepath.Join(dir, ".pending-output-mine")
	for _, args := range [][]string{
		{"backup", "-o", out},
		{"export", id, "--format", "csv", "-o", out},
	} {
		r := fails(t, dir, exitUsage, args...)
		if !strings.Contains(r.stderr, out) || !strings.Contains(r.stderr, "would destroy Boussole's data") {
			t.Errorf("%v: stderr %q", args, r.stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%v wrote %s", args, out)
		}
	}
	// A name merely like it is written, and kept at the next start.
	kept := filepath.Join(dir, "pending-output-mine.db")
	ok(t, dir, "backup", "-o", kept)
	ok(t, dir, "new", "--title", "Second")
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("the copy was lost: %v", err)
	}
}

// TestSharedFolderNotTakenOver_Issue7_12: a data directory every user may
// write in, with the sticky bit (/tmp, a team's drop folder), is not made
// private: that would lock every other user out of it (boussole --data
// /tmp as root turned /tmp into 0700). Boussole warns instead, and still
// makes its own files private.
func TestSharedFolderNotTakenOver_Issue7_12(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes on Windows")
	}
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	r := boussole(t, nil, "--data", dir, "new", "--title", "Shared")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, dir+" is open to other users") || !strings.Contains(r.stderr, "shared by all users") {
		t.Errorf("stderr %q lacks the warning", r.stderr)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o777 || fi.Mode()&os.ModeSticky == 0 {
		t.Errorf("the shared folder is now %v", fi.Mode())
	}
	if fi, err := os.Stat(filepath.Join(dir, "boussole.db")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("store: %v %v", fi, err)
	}
}

// TestNewlineInANameForgesNoRow_Issue7_11: an imported approver whose name
// holds a newline ("Mallory: signed on …\n  - Nathalie Petit") used to print
// a forged approver row in show, and sign/decline printed it on two lines.
// Names and comments stay on their row now.
func TestNewlineInANameForgesNoRow_Issue7_11(t *testing.T) {
	dir := t.TempDir()
	forged := "Mallory: signed on 2026-12-01\n  - Nathalie Petit"
	s := templateSession(t, false, func(c *workshop.Charter) {
		for i := range c.Participants {
			if c.Participants[i].Name == "Nathalie Petit" {
				c.Participants[i].Name = forged
			}
		}
	})
	id := importSession(t, dir, s)
	show := ok(t, dir, "show", id)
	for l := range strings.SplitSeq(show, "\n") {
		if strings.HasPrefix(l, "  - Nathalie Petit") {
			t.Errorf("show prints a forged row %q:\n%s", l, show)
		}
	}
	if !strings.Contains(show, "  - Mallory: signed on 2026-12-01 - Nathalie Petit: ") {
		t.Errorf("show lacks the approver on one row:\n%s", show)
	}
	out := ok(t, dir, "sign", id, "--as", "Isabelle Moreau", "--comment", "fine\n  - Eve: signed on 2026-12-01")
	if strings.Count(out, "\n") != 1 {
		t.Errorf("sign printed %q, want one line", out)
	}
	show = ok(t, dir, "show", id)
	if strings.Contains(show, "\n  - Eve") {
		t.Errorf("a comment forged a row:\n%s", show)
	}
	out = ok(t, dir, "decline", id, "--as", forged, "--reason", "no")
	if strings.Count(out, "\n") != 1 {
		t.Errorf("decline printed %q, want one line", out)
	}
}

// TestCSVDefusesFormulaAfterAnyBlank_Issue7_13: a formula behind a vertical
// tab, a form feed, a byte order mark, a zero-width or an ideographic
// space, a NUL, or written with a full-width sign, used to reach the CSV
// raw; every such cell starts with an apostrophe now, and a signed number
// stays a number.
func TestCSVDefusesFormulaAfterAnyBlank_Issue7_13(t *testing.T) {
	hostile := []string{"\v=1+1", "\f@SUM(A1)", "\ufeff=1+1", "\u200b=1+1", "\u3000=1+1", "\u2003-A1", "\x00=1+1", "\uff1d1+1", "\uff0bA1"}
	dir := t.TempDir()
	s := templateSession(t, false, func(c *workshop.Charter) {
		for i := range c.KPIs {
			c.KPIs[i].Source = hostile[i]
			c.KPIs[i].Owner = hostile[len(c.KPIs)+i%(len(hostile)-len(c.KPIs))]
		}
		c.KPIs[0].Baseline = "-5"
	})
	id := importSession(t, dir, s)
	out := ok(t, dir, "export", id, "--format", "csv", "-o", "-")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]bool{}
	for _, row := range rows {
		for _, c := range row {
			cells[c] = true
		}
	}
	for _, h := range hostile {
		if cells[h] {
			t.Errorf("the CSV holds %q raw", h)
		}
		if !cells["'"+h] {
			t.Errorf("the CSV lacks the defused %q", "'"+h)
		}
	}
	if !cells["-5"] {
		t.Error("the signed number -5 was changed")
	}
}

// TestOnePersonCannotSignForAHomonym_Issue7_9: two approvers whose names
// differ only by case (or not at all) used to be signed, one after the
// other, by the same "sign --as" typed twice: a charter sealed with two
// signatures from one person. The name is refused as ambiguous (exit 2,
// nothing stored); each approver signs by participant id.
func TestOnePersonCannotSignForAHomonym_Issue7_9(t *testing.T) {
	for _, other := range []string{"isabelle  MOREAU", "Isabelle Moreau"} {
		dir := t.TempDir()
		s := templateSession(t, false, func(c *workshop.Charter) {
			for i := range c.Participants {
				if c.Participants[i].Name == "Nathalie Petit" {
					c.Participants[i].Name = other
				}
			}
		})
		id := importSession(t, dir, s)
		before := ok(t, dir, "show", id, "--json")
		for _, verb := range [][]string{{"sign", id, "--as", "Isabelle Moreau"}, {"decline", id, "--as", "Isabelle Moreau", "--reason", "no"}} {
			r := fails(t, dir, exitUsage, verb...)
			if !strings.Contains(r.stderr, "2 approvers are called Isabelle Moreau") {
				t.Errorf("%s: stderr %q", verb[0], r.stderr)
			}
		}
		if ok(t, dir, "show", id, "--json") != before {
			t.Error("a refused sign-off changed the session")
		}
		var approvers []string
		for _, p := range s.Current().Charter.Participants {
			if p.Name == other || p.Name == "Isabelle Moreau" {
				approvers = append(approvers, p.ID)
			}
		}
		ok(t, dir, "sign", id, "--as", approvers[0])
		if out := ok(t, dir, "sign", id, "--as", approvers[1]); !strings.HasPrefix(out, "signed and sealed: ") {
			t.Errorf("the second approver's signature printed %q", out)
		}
	}
}

// TestImportRefusesDuplicateParticipantIDs_Issue7_9: a file where two
// participants share an id (the second approver then silently vanished from
// the sign-off and the charter was sealed by one signature) or where a role
// is held by an id no participant has is refused, exit 2, nothing stored.
func TestImportRefusesDuplicateParticipantIDs_Issue7_9(t *testing.T) {
	for name, c := range map[string]struct {
		edit func(charter map[string]any)
		says string
	}{
		"duplicate id": {func(ch map[string]any) {
			ps := ch["participants"].([]any)
			ps[1].(map[string]any)["id"] = ps[0].(map[string]any)["id"]
		}, "have the same id"},
		"unknown holder": {func(ch map[string]any) {
			ch["roles"] = append(ch["roles"].([]any), map[string]any{"participantId": "p-ghost", "objectiveId": "obj-1", "role": "approver"})
		}, `held by participant "p-ghost", who is not in the charter's participants`},
	} {
		dir := t.TempDir()
		data, err := storage.Export(templateSession(t, false, nil))
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		c.edit(doc["revisions"].([]any)[0].(map[string]any)["charter"].(map[string]any))
		if data, err = json.Marshal(doc); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "in.boussole")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		r := fails(t, dir, exitUsage, "import", file)
		if !strings.Contains(r.stderr, c.says) {
			t.Errorf("%s: stderr %q", name, r.stderr)
		}
		if got := ok(t, dir, "list", "--json"); got != "[]\n" {
			t.Errorf("%s: the store holds %s", name, got)
		}
	}
}
