package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"boussole/pades"
	"boussole/report"
	"boussole/storage"
	"boussole/workshop"
)

// pdfsigOf runs poppler's pdfsig on path. It exits 0 whatever it finds
// in a signature: the tests read its lines.
func pdfsigOf(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdfsig"); err != nil {
		t.Skip("SKIPPED: pdfsig (poppler-utils) is not installed; scripts/install-deps.sh installs it")
	}
	// It exits 2 for a file without signatures, saying so.
	out, err := exec.Command("pdfsig", path).CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("pdfsig %s: %v\n%s", path, err, out)
	}
	return string(out)
}

func contains(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

// signedInA makes a charter from a template in dir, signs it as each
// approver with the real binary and returns its id.
func signedInA(t *testing.T, dir string) string {
	t.Helper()
	id := newID(t, dir, "--template", "sales-cycle", "--lang", "fr")
	for _, name := range approverNames(exported(t, dir, id)) {
		ok(t, dir, "sign", id, "--as", name)
	}
	if st := exported(t, dir, id).Current().Status; st != workshop.StatusSigned {
		t.Fatalf("status %s after every approver signed", st)
	}
	return id
}

// TestPDFSignatureAcrossStores_Issue11_4_5: the PDF of a revision signed in
// data directory A carries a PAdES signature poppler finds valid (naming
// the certificate of A's computer); two exports are byte-identical; verify
// says both checks in A (this installation) and, once the session is
// imported, in B (another installation); before the import B says the
// signature is valid and the session is not in its data. B's own export is
// signed with B's key and verifies in A.
func TestPDFSignatureAcrossStores_Issue11_4_5(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	out := t.TempDir()
	id := signedInA(t, a)
	pdf := filepath.Join(out, "a.pdf")
	ok(t, a, "export", id, "--format", "pdf", "-o", pdf)
	again := filepath.Join(out, "a-again.pdf")
	ok(t, a, "export", id, "--format", "pdf", "-o", again)
	if cmp, err := exec.Command("cmp", pdf, again).CombinedOutput(); err != nil {
		t.Errorf("two exports of the same signed revision differ: %v %s", err, cmp)
	}
	host, _ := os.Hostname()
	contains(t, "pdfsig", pdfsigOf(t, pdf),
		"Signature Validation: Signature is Valid.",
		"Certificate Validation: Certificate issuer is unknown.",
		"Signature Type: ETSI.CAdES.detached",
		"Total document signed",
		"Signer Certificate Common Name: Boussole — "+pades.CleanHost(host))
	if _, err := exec.LookPath("qpdf"); err == nil {
		if b, err := exec.Command("qpdf", "--check", pdf).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, b)
		}
	}
	keyA, err := storage.ReadKeyFingerprint(a)
	if err != nil || keyA == "" {
		t.Fatalf("A has no installation key after a signed export (%q, %v)", keyA, err)
	}

	v := ok(t, a, "verify", pdf)
	contains(t, "verify in A", v, "Match: ", "revision 1", "PDF signature: valid, made by this installation of Boussole", keyA,
		"not each approver's identity")

	// B before the import: the signature is valid, the session unknown.
	r := fails(t, b, exitFailure, "verify", pdf)
	contains(t, "verify in B before the import", r.stderr, "Unknown: the charter of this PDF",
		"PDF signature: valid, made by another installation of Boussole, on another computer", keyA,
		"Its session is not in this data: import its .boussole file")

	file := filepath.Join(out, "s.boussole")
	ok(t, a, "export", id, "--format", "boussole", "-o", file)
	idB := strings.TrimSpace(ok(t, b, "import", file))
	v = ok(t, b, "verify", pdf)
	contains(t, "verify in B", v, "Match: ", "PDF signature: valid, made by another installation of Boussole", keyA)

	// B's own export is signed with B's key, and verifies in A too.
	pdfB := filepath.Join(out, "b.pdf")
	ok(t, b, "export", idB, "--format", "pdf", "-o", pdfB)
	keyB, _ := storage.ReadKeyFingerprint(b)
	if keyB == "" || keyB == keyA {
		t.Fatalf("B's key %q, A's %q", keyB, keyA)
	}
	contains(t, "pdfsig of B's export", pdfsigOf(t, pdfB), "Signature Validation: Signature is Valid.")
	contains(t, "verify of B's export in A", ok(t, a, "verify", pdfB), "Match: ", "made by another installation", keyB)
	contains(t, "verify of B's export in B", ok(t, b, "verify", pdfB), "made by this installation", keyB)

	// French.
	fr := boussole(t, []string{"LANG=fr_FR.UTF-8"}, "--data", a, "verify", pdf)
	if fr.code != 0 || !strings.Contains(fr.stdout, "Signature PDF\u00a0: valide") && !strings.Contains(fr.stdout, "Signature PDF : valide") {
		t.Errorf("French: exit %d, %q", fr.code, fr.stdout)
	}
}

// TestPDFSignatureChangedAfterExport_Issue11_4_5: a byte flipped inside
// the signed range is a digest mismatch for poppler and an invalid
// signature for verify (exit 1); an incremental update appended after the
// signature is "Not total document signed" for poppler and "bytes were
// added after signing" for verify (exit 1), though the charter before it
// still matches its seal.
func TestPDFSignatureChangedAfterExport_Issue11_4_5(t *testing.T) {
	dir := t.TempDir()
	_, pdf, seal := signedPDF(t, dir, nil)
	data := readFile(t, pdf)

	flipped := bytes.Clone(data)
	i := bytes.Index(flipped, []byte("/Producer")) + 2
	flipped[i] ^= 1
	path := filepath.Join(t.TempDir(), "flipped.pdf")
	if err := os.WriteFile(path, flipped, 0o600); err != nil {
		t.Fatal(err)
	}
	contains(t, "pdfsig of a flipped byte", pdfsigOf(t, path), "Signature Validation: Digest Mismatch.")
	r := fails(t, dir, exitFailure, "verify", path)
	contains(t, "verify of a flipped byte", r.stderr, "PDF signature: invalid, the signed bytes have changed since signing")

	appended := appendUpdate(t, data)
	path = filepath.Join(t.TempDir(), "appended.pdf")
	if err := os.WriteFile(path, appended, 0o600); err != nil {
		t.Fatal(err)
	}
	contains(t, "pdfsig of an appended update", pdfsigOf(t, path), "Not total document signed", "Signature Validation: Signature is Valid.")
	r = fails(t, dir, exitFailure, "verify", path)
	contains(t, "verify of an appended update", r.stderr, "Match: ", seal, "bytes were added to the file after signing")
	fr := boussole(t, []string{"LANG=fr_FR.UTF-8"}, "--data", dir, "verify", path)
	if fr.code != exitFailure || !strings.Contains(fr.stderr, "des octets ont été ajoutés au fichier après la signature") {
		t.Errorf("French: exit %d, %q", fr.code, fr.stderr)
	}
}

// appendUpdate appends an incremental update replacing the document's
// information dictionary, as an editor saving a change does.
func appendUpdate(t *testing.T, signed []byte) []byte {
	t.Helper()
	m := regexp.MustCompile(`startxref\s+([0-9]+)\s+%%EOF\s*$`).FindSubmatch(signed)
	root := regexp.MustCompile(`/Root ([0-9]+) 0 R`).FindAllSubmatch(signed, -1)
	size := regexp.MustCompile(`/Size ([0-9]+)`).FindAllSubmatch(signed, -1)
	if m == nil || root == nil || size == nil {
		t.Fatal("cannot read the signed file's trailer")
	}
	n := string(size[len(size)-1][1])
	var b bytes.Buffer
	b.Write(signed)
	off := b.Len()
	b.WriteString(n + " 0 obj\n<</Title (Altered)>>\nendobj\n")
	xref := b.Len()
	b.WriteString("xref\n" + n + " 1\n" + pad10(off) + " 00000 n \ntrailer\n<</Size " + n + "1 /Root " + string(root[len(root)-1][1]) +
		" 0 R /Info " + n + " 0 R /Prev " + string(m[1]) + ">>\nstartxref\n" + pad10(xref) + "\n%%EOF\n")
	return b.Bytes()
}

func pad10(n int) string { return fmt.Sprintf("%010d", n) }

// TestPDFSignatureNoneForDrafts_Issue11_4: a draft's PDF carries no
// digital signature and no key is made for it.
func TestPDFSignatureNoneForDrafts_Issue11_4(t *testing.T) {
	dir := t.TempDir()
	id := newID(t, dir, "--template", "sales-cycle", "--lang", "en")
	pdf := filepath.Join(t.TempDir(), "draft.pdf")
	ok(t, dir, "export", id, "--format", "pdf", "-o", pdf)
	contains(t, "pdfsig of a draft", pdfsigOf(t, pdf), "does not contain any signatures")
	if fp, _ := storage.ReadKeyFingerprint(dir); fp != "" {
		t.Errorf("a draft export made a key %s", fp)
	}
	r := fails(t, dir, exitFailure, "verify", pdf)
	contains(t, "verify of a draft", r.stderr, "Draft: ", "PDF signature: none.")
}

// TestVerdictSignedBeforeKeys_Issue11_5: a revision signed before
// installation keys exported without a digital signature (its page says
// so) verifies: the seal matches, and verify says the PDF has no signature
// and why; the same bytes claiming the page of a signed PDF do not.
func TestVerdictSignedBeforeKeys_Issue11_5(t *testing.T) {
	s := templateSession(t, true, nil)
	get := func(string) (*workshop.Session, error) { return s, nil }
	pdf, err := report.CharterPDF(s, 1, report.PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sig := pades.Verify(pdf)
	msg, good := verdict(workshop.EN, report.Verify(pdf, get), sig, "")
	if sig.Status != pades.None || !good || !strings.Contains(msg, "PDF signature: none; this revision was signed before Boussole's installation keys") {
		t.Errorf("good=%v %q", good, msg)
	}
	if _, good := verdict(workshop.EN, report.VerifySigned(pdf, pdf, get), sig, ""); good {
		t.Error("a PDF without the signed page verified as one to be signed")
	}
}

// TestVerdictNamesWhatSignedThePDF_Issue11_5: the PDF signature's line
// tells this installation's key from another Boussole installation's and
// from a certificate that is not Boussole's at all (a PDF re-signed in
// another program), whose verdict is never good.
func TestVerdictNamesWhatSignedThePDF_Issue11_5(t *testing.T) {
	match := report.VerifyResult{Outcome: report.OutcomeMatch, Title: "T", Revision: 1, Seal: "abc"}
	at := time.Date(2027, 1, 3, 9, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		sig  pades.Result
		want string
		good bool
	}{
		{pades.Result{Status: pades.Valid, Boussole: true, Signer: "Boussole — here", Fingerprint: "AAAA", Time: at}, "made by this installation of Boussole (Boussole — here, key AAAA, on 2027-01-03 09:30 UTC)", true},
		{pades.Result{Status: pades.Valid, Boussole: true, Signer: "Boussole — there", Fingerprint: "BBBB", Time: at}, "made by another installation of Boussole, on another computer (Boussole — there, key BBBB", true},
		{pades.Result{Status: pades.Valid, Signer: "Mallory\n" + strings.Repeat("x", 500), Fingerprint: "CCCC", Time: at}, "not a Boussole installation's (Mallory " + strings.Repeat("x", maxSigner-len("Mallory ")-1) + "…, key CCCC", false},
		{pades.Result{Status: pades.Valid, Boussole: true, Appended: true, Fingerprint: "AAAA"}, "bytes were added to the file after signing", false},
		{pades.Result{Status: pades.Invalid, Digest: true}, "the signed bytes have changed since signing", false},
		{pades.Result{Status: pades.Invalid}, "does not verify with the key of its certificate or it is malformed", false},
	} {
		msg, good := verdict(workshop.EN, match, c.sig, "AAAA")
		if !strings.Contains(msg, c.want) || good != c.good {
			t.Errorf("good=%v (want %v) %q, want %q", good, c.good, msg, c.want)
		}
	}
}
