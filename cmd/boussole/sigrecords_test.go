package main

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"boussole/storage"
	"boussole/workshop"
)

// keyOf opens dir's store in this process and returns its installation key.
func keyOf(t *testing.T, dir string) *storage.InstallationKey {
	t.Helper()
	st, err := storage.Open(dir, storage.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	k, _, err := st.SigningKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// record reads signature j of revision i of a hostile file as a record.
func (m hostileFile) record(t *testing.T, i, j int) workshop.Signature {
	t.Helper()
	s := m.signatures(i)[j].(map[string]any)
	at, err := time.Parse(time.RFC3339Nano, s["at"].(string))
	if err != nil {
		t.Fatal(err)
	}
	comment, _ := s["comment"].(string)
	return workshop.Signature{ParticipantID: s["participantId"].(string), Name: s["name"].(string), At: at, Comment: comment, Seal: s["seal"].(string)}
}

// put writes a record's fields and key signature into signature j of revision i.
func (m hostileFile) put(i, j int, sg workshop.Signature) {
	s := m.signatures(i)[j].(map[string]any)
	s["participantId"], s["name"], s["seal"] = sg.ParticipantID, sg.Name, sg.Seal
	s["publicKey"] = base64.StdEncoding.EncodeToString(sg.PublicKey)
	s["keySignature"] = base64.StdEncoding.EncodeToString(sg.KeySig)
}

// TestCLIImportChecksSignatures_Issue11_3: a forged signature (valid
// structure but another key; the right key over another seal; a
// non-approver signed with the right key; a signature copied from another
// revision) is refused with exit 2, naming the revision, the person and
// what is wrong, and the store keeps every byte. A session signed in
// another data directory imports and `show` says where it was signed; a
// record stripped of its signature, or a boussole/1 file, imports as
// unverified, never as signed.
func TestCLIImportChecksSignatures_Issue11_3(t *testing.T) {
	src, other, dir, out := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	signedPath := signedSessionFile(t, src, out, false)
	amendedPath := signedSessionFile(t, src, out, true)
	signed, amended := readHostile(t, signedPath), readHostile(t, amendedPath)
	srcKey := keyOf(t, src)
	otherKey := keyOf(t, other)
	// The receiving store has a key of its own and a session.
	mine := newID(t, dir, "--template", "abm-pipeline", "--lang", "en")
	ok(t, dir, "sign", mine, "--as", approverNames(exported(t, dir, mine))[0])
	dirKey := keyOf(t, dir)

	approvers := map[string]bool{}
	for _, s := range signed.signatures(0) {
		approvers[s.(map[string]any)["participantId"].(string)] = true
	}
	var bystander map[string]any
	for _, p := range signed.charter(0)["participants"].([]any) {
		if !approvers[p.(map[string]any)["id"].(string)] {
			bystander = p.(map[string]any)
			break
		}
	}
	sign := func(rev int, sg workshop.Signature, k *storage.InstallationKey) workshop.Signature {
		if err := workshop.SignSignature(rev, &sg, k); err != nil {
			t.Fatal(err)
		}
		return sg
	}
	name1 := signed.record(t, 0, 1).Name

	cases := []struct {
		name  string
		base  hostileFile
		forge func(m hostileFile)
		want  []string
	}{
		{"wrong-key", signed, func(m hostileFile) {
			// Well formed, signed by another installation, but carrying
			// the source's key.
			sg := sign(1, m.record(t, 0, 1), otherKey)
			sg.PublicKey = srcKey.PublicDER
			m.put(0, 1, sg)
		}, []string{"revision 1: the signature of \"" + name1 + "\"", "forged or altered", "does not verify"}},
		{"right-key-wrong-seal", signed, func(m hostileFile) {
			sg := m.record(t, 0, 1)
			sg.Seal = strings.Repeat("0", 64)
			sg = sign(1, sg, srcKey) // the right key, over another seal
			sg.Seal = m.rev(0)["seal"].(string)
			m.put(0, 1, sg)
		}, []string{"revision 1: the signature of \"" + name1 + "\"", "forged or altered"}},
		{"right-key-sealing-another-seal", signed, func(m hostileFile) {
			sg := m.record(t, 0, 1)
			sg.Seal = strings.Repeat("0", 64)
			m.put(0, 1, sign(1, sg, srcKey)) // verifies, but seals another content
		}, []string{"revision 1: signatures[1] by \"" + name1 + "\" does not seal this revision"}},
		{"non-approver-right-key", signed, func(m hostileFile) {
			sg := m.record(t, 0, 1)
			sg.ParticipantID, sg.Name = bystander["id"].(string), bystander["name"].(string)
			m.put(0, 1, sign(1, sg, srcKey))
		}, []string{"revision 1: signatures[1] is by \"" + bystander["name"].(string) + "\"", "who is not an approver"}},
		{"copied-from-revision-1", amended, func(m hostileFile) {
			// Revision 2 still has revision 1's content: the copy has the
			// right seal and still names its revision.
			m.rev(1)["signatures"] = []any{m.clone(t).signatures(0)[0]}
		}, []string{"revision 2: the signature of \"", "was copied from revision 1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := c.base.clone(t)
			c.forge(m)
			refusedImport(t, dir, m.write(t, filepath.Join(out, c.name+".boussole")), c.want...)
		})
	}

	// Signed on another computer: accepted, and said so with its key.
	id := strings.TrimSpace(ok(t, dir, "import", signedPath))
	show := ok(t, dir, "show", id)
	short := workshop.ShortFingerprint(srcKey.PublicDER)
	if n := strings.Count(show, "signed on another computer — key "+short); n != 2 {
		t.Errorf("show names the other computer %d times, want 2:\n%s", n, show)
	}
	if !strings.Contains(show, "status       Signed, revision 1/1") {
		t.Errorf("show:\n%s", show)
	}
	// This computer's own signatures carry no such note.
	if s := ok(t, dir, "show", mine); strings.Contains(s, "another computer") || !strings.Contains(s, "signed on ") {
		t.Errorf("own signature:\n%s", s)
	}
	if short == workshop.ShortFingerprint(dirKey.PublicDER) {
		t.Skip("the two keys share their first four hex digits")
	}

	// Stripped of its signature: imported, unverified, not signed.
	stripped := signed.clone(t)
	s0 := stripped.signatures(0)[0].(map[string]any)
	delete(s0, "keySignature")
	id = strings.TrimSpace(ok(t, dir, "import", stripped.write(t, filepath.Join(out, "stripped.boussole"))))
	show = ok(t, dir, "show", id)
	for _, w := range []string{"status       Signed, unverified, revision 1/1", "unverified signature of ", "signed on another computer — key " + short} {
		if !strings.Contains(show, w) {
			t.Errorf("stripped: show lacks %q:\n%s", w, show)
		}
	}
	if s := exported(t, dir, id).Revisions[0].Signatures[0]; !s.Unverified || s.PublicKey != nil {
		t.Errorf("stripped record stored as %+v", s)
	}

	// boussole/1: every record unverified.
	v1 := signed.clone(t)
	v1["format"] = "boussole/1"
	for _, s := range v1.signatures(0) {
		delete(s.(map[string]any), "publicKey")
		delete(s.(map[string]any), "keySignature")
	}
	id = strings.TrimSpace(ok(t, dir, "import", v1.write(t, filepath.Join(out, "v1.boussole"))))
	if show = ok(t, dir, "show", id); strings.Count(show, "unverified signature of ") != 2 || !strings.Contains(show, "Signed, unverified") {
		t.Errorf("boussole/1 file:\n%s", show)
	}
	// … and a boussole/1 file does not carry boussole/2's fields.
	v1bad := signed.clone(t)
	v1bad["format"] = "boussole/1"
	refusedImport(t, dir, v1bad.write(t, filepath.Join(out, "v1bad.boussole")), `which format "boussole/1" does not have`)
}

// TestVersionFingerprint_Issue11_1: --version prints the fingerprint of
// the installation key as its second line when the data directory has
// one; it reads the key file only: with the store held by another process
// (the window) it answers at once, and a data directory that does not
// exist stays so (no store, no key made).
func TestVersionFingerprint_Issue11_1(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nothing-here")
	r := boussole(t, nil, "--data", missing, "--version")
	if r.code != 0 || r.stdout != "boussole "+version+"\n" || r.stderr != "" {
		t.Errorf("no data directory: %+v", r)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("--version made %s", missing)
	}
	dir := t.TempDir()
	newID(t, dir, "--title", "T")
	r = boussole(t, nil, "--data", dir, "--version")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("a store without key: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, storage.KeyName)); !os.IsNotExist(err) {
		t.Error("--version made a key")
	}
	k := keyOf(t, dir)
	st, err := storage.Open(dir, storage.Options{Timeout: time.Second}) // the window holds the store
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r = boussole(t, nil, "--data", dir, "--version") // a lock taken would say "in use" (exit 3)
	want := "boussole " + version + "\ninstallation key " + k.Fingerprint + "\n"
	if r.code != 0 || r.stdout != want || r.stderr != "" {
		t.Errorf("--version = %+v, want %q", r, want)
	}
	// A damaged key is said, and --version still answers.
	if err := os.WriteFile(filepath.Join(dir, storage.KeyName), []byte("junk"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = boussole(t, nil, "--data", dir, "--version")
	if r.code != 0 || r.stdout != "boussole "+version+"\n" || !strings.Contains(r.stderr, "the installation key") || !strings.Contains(r.stderr, "is damaged") {
		t.Errorf("damaged key: %+v", r)
	}
}

// `show` says, in the charter's language, where each sign-off record was
// made: another computer (with its key), an earlier version, unverified,
// or a signature that does not verify; this computer's need no note.
func TestShowTrust_Issue11_2(t *testing.T) {
	other := newTestKey()
	want := map[workshop.Lang][]string{
		workshop.FR: {"signé sur un autre ordinateur — clé " + workshop.ShortFingerprint(other.PublicDER), "non signé (fait avec une version antérieure)",
			"a refusé le 2027-01-11 — « Trop haut » — la signature ne se vérifie pas"},
		workshop.EN: {"signed on another computer — key " + workshop.ShortFingerprint(other.PublicDER), "unsigned (made with an earlier version)",
			"declined on 2027-01-11 — “Trop haut” — the signature does not verify"},
	}
	unverified := map[workshop.Lang]string{workshop.FR: "signature non vérifiée du 2027-01-12 — à signer de nouveau", workshop.EN: "unverified signature of 2027-01-12 — to sign again"}
	for l, lines := range want {
		at := func(day int) time.Time { return time.Date(2027, 1, day, 9, 0, 0, 0, time.UTC) }
		s, err := workshop.FromTemplate("sales-cycle", l, "2027-Q1", at(10))
		if err != nil {
			t.Fatal(err)
		}
		a := workshop.Approvers(&s.Current().Charter)
		r := s.Current()
		if err := s.Decline(a[1].Name, "Trop haut", at(11), testSigner); err != nil {
			t.Fatal(err)
		}
		r.Declines[0].At = at(11).Add(time.Second) // altered after signing
		if err := s.Sign(a[0].Name, "", at(12), other); err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		if err := showRevision(&out, s, r, testSigner.PublicDER); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		for _, w := range lines[:1] {
			if !strings.Contains(got, w) {
				t.Errorf("%s: show lacks %q:\n%s", l, w, got)
			}
		}
		if !strings.Contains(got, lines[2]) {
			t.Errorf("%s: show lacks %q:\n%s", l, lines[2], got)
		}
		r.Signatures[0].KeySig, r.Signatures[0].PublicKey = nil, nil // made before keys
		out.Reset()
		_ = showRevision(&out, s, r, testSigner.PublicDER)
		if !strings.Contains(out.String(), lines[1]) {
			t.Errorf("%s: show lacks %q:\n%s", l, lines[1], out.String())
		}
		r.Signatures[0].Unverified = true // imported without signature
		out.Reset()
		_ = showRevision(&out, s, r, testSigner.PublicDER)
		if !strings.Contains(out.String(), unverified[l]) {
			t.Errorf("%s: show lacks %q:\n%s", l, unverified[l], out.String())
		}
	}
}
