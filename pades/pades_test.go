package pades

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"boussole/report"
	"boussole/workshop"
)

var (
	keyOnce  sync.Once
	keys     [2]*rsa.PrivateKey
	signedAt = time.Date(2026, 12, 1, 11, 0, 0, 0, time.UTC)
)

// testKey returns one of two RSA keys made once for the package's tests.
func testKey(t testing.TB, i int) *rsa.PrivateKey {
	t.Helper()
	keyOnce.Do(func() {
		for j := range keys {
			k, err := rsa.GenerateKey(rand.Reader, 2048)
			if err != nil {
				panic(err)
			}
			keys[j] = k
		}
	})
	return keys[i]
}

// signedSession is a template charter signed by each of its approvers.
func signedSession(t testing.TB) *workshop.Session {
	t.Helper()
	s, err := workshop.FromTemplate("net-retention", workshop.FR, "2027-Q1", signedAt.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	s.ID = "0123456789abcdef" // a template session's id is random
	for _, p := range workshop.Approvers(&s.Current().Charter) {
		if err := s.Sign(p.Name, "", signedAt, recordSigner{testKey(t, 0)}); err != nil {
			t.Fatal(err)
		}
	}
	if s.Current().Status != workshop.StatusSigned {
		t.Fatal("the charter is not signed")
	}
	return s
}

// charter renders the signed charter as Boussole exports it before
// signing.
func charter(t testing.TB) []byte {
	t.Helper()
	pdf, err := report.CharterPDF(signedSession(t), 1, report.PDFOptions{DigitalSignature: true})
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

func options() Options {
	return Options{Host: "poste-compta", Time: signedAt, Name: "Boussole — poste-compta", Reason: "Charte signée, révision 1"}
}

func sign(t testing.TB, pdf []byte, key int) []byte {
	t.Helper()
	out, err := Sign(pdf, testKey(t, key), options())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pdfsig runs poppler's pdfsig on data and returns its output. pdfsig
// exits 0 whatever it finds: the tests read its lines.
func pdfsig(t *testing.T, data []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdfsig"); err != nil {
		t.Skip("SKIPPED: pdfsig (poppler-utils) is not installed; scripts/install-deps.sh installs it")
	}
	path := filepath.Join(t.TempDir(), "signed.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfsig", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfsig: %v\n%s", err, out)
	}
	return string(out)
}

func wantLines(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("pdfsig lacks %q:\n%s", w, out)
		}
	}
}

// TestPDFSignatureValid_Issue11_4: a signed charter is a PAdES signature
// poppler verifies, naming the certificate's computer, over the whole file;
// Verify agrees and gives back the charter as it was before signing.
func TestPDFSignatureValid_Issue11_4(t *testing.T) {
	pdf := charter(t)
	signed := sign(t, pdf, 0)
	if !bytes.HasPrefix(signed, pdf) {
		t.Fatal("the signature is not an incremental update after the charter's bytes")
	}
	out := pdfsig(t, signed)
	wantLines(t, out,
		"Signature Validation: Signature is Valid.",
		"Certificate Validation: Certificate issuer is unknown.",
		"Signature Type: ETSI.CAdES.detached",
		"Total document signed",
		"Signer Certificate Common Name: Boussole — poste-compta",
		"O=Boussole",
		"Signing Hash Algorithm: SHA-256",
		"Signing Time: Dec 01 2026 11:00:00")
	r := Verify(signed)
	fp := workshop.KeyFingerprint(mustPKIX(t, 0))
	if r.Status != Valid || r.Appended || r.Signer != "Boussole — poste-compta" || r.Fingerprint != fp || !r.SelfSigned || !r.Boussole ||
		!r.Time.Equal(signedAt) || r.Reason != "Charte signée, révision 1" || r.Name != "Boussole — poste-compta" || r.SubFilter != "ETSI.CAdES.detached" {
		t.Errorf("Verify = %+v", r.summary())
	}
	if !bytes.Equal(r.Before, pdf) {
		t.Errorf("Before is %d bytes, the charter %d", len(r.Before), len(pdf))
	}
	if update := signed[len(pdf):]; !bytes.Contains(update, []byte("/Version /1.7")) || !bytes.Contains(update, []byte("/ESIC <</BaseVersion /1.7 /ExtensionLevel 2>>")) {
		t.Error("the catalog does not declare PDF 1.7 with the ESIC extension level of PAdES")
	}
	if !strings.Contains(r.Subject, "installation key "+fp) {
		t.Errorf("the certificate's subject %q does not name the key %s", r.Subject, fp)
	}
	// The file has no signing-time attribute: the CMS holds no
	// id-signingTime.
	if bytes.Contains(cmsOf(t, signed), oid(oidSigningTime)) {
		t.Error("the CMS carries a signing-time attribute")
	}
	if !bytes.Contains(cmsOf(t, signed), oid(oidSigningCertificateV2)) {
		t.Error("the CMS lacks the ESS signing-certificate-v2 attribute PAdES requires")
	}
}

func (r Result) summary() string {
	return fmt.Sprintf("status=%v problem=%q digest=%v signer=%q fp=%q self=%v time=%v name=%q reason=%q sub=%q appended=%v before=%d",
		r.Status, r.Problem, r.Digest, r.Signer, r.Fingerprint, r.SelfSigned, r.Time, r.Name, r.Reason, r.SubFilter, r.Appended, len(r.Before))
}

func mustPKIX(t *testing.T, key int) []byte {
	t.Helper()
	c, err := Certificate(testKey(t, key), "x", signedAt)
	if err != nil {
		t.Fatal(err)
	}
	return c.RawSubjectPublicKeyInfo
}

var contentsRE = regexp.MustCompile(`/Contents <([0-9a-f]+)>`)

func cmsOf(t *testing.T, signed []byte) []byte {
	t.Helper()
	m := contentsRE.FindAllSubmatch(signed, -1)
	if m == nil {
		t.Fatal("no /Contents")
	}
	h := bytes.TrimRight(m[len(m)-1][1], "0")
	if len(h)%2 == 1 {
		h = append(h, '0')
	}
	der, err := hex.DecodeString(string(h))
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// TestPDFSignatureFlippedByte_Issue11_4: one byte changed inside either
// signed range makes the signature invalid, for poppler and for Verify.
func TestPDFSignatureFlippedByte_Issue11_4(t *testing.T) {
	signed := sign(t, charter(t), 0)
	r := Verify(signed)
	at := map[string]int{
		"in the charter":             bytes.Index(signed, []byte("/Producer")) + 2,
		"in the signature's /Reason": bytes.LastIndex(signed, []byte("/Reason")) + 3,
		"in the last trailer":        bytes.LastIndex(signed, []byte("/Size")) + 2,
	}
	for name, i := range at {
		t.Run(name, func(t *testing.T) {
			bad := bytes.Clone(signed)
			bad[i] ^= 0x01
			wantLines(t, pdfsig(t, bad), "Signature Validation: Digest Mismatch.")
			if v := Verify(bad); v.Status != Invalid || !v.Digest {
				t.Errorf("Verify = %s", v.summary())
			}
		})
	}
	// A byte changed inside the CMS: the signature no longer verifies.
	bad := bytes.Clone(signed)
	sigAt := bytes.LastIndex(bad, []byte("/Contents <")) + len("/Contents <") + 2*len(cmsOf(t, signed)) - 40
	if bad[sigAt] == 'a' {
		bad[sigAt] = 'b'
	} else {
		bad[sigAt] = 'a'
	}
	if v := Verify(bad); v.Status != Invalid {
		t.Errorf("a changed CMS: Verify = %s (was %s)", v.summary(), r.summary())
	}
}

// TestPDFSignatureAppended_Issue11_4: an incremental update appended after
// the signature leaves it valid for what it signed, and is reported as
// modified after signing: poppler says "Not total document signed".
func TestPDFSignatureAppended_Issue11_4(t *testing.T) {
	signed := sign(t, charter(t), 0)
	updated := appendUpdate(t, signed)
	wantLines(t, pdfsig(t, updated), "Not total document signed", "Signature Validation: Signature is Valid.")
	r := Verify(updated)
	if r.Status != Valid || !r.Appended {
		t.Errorf("Verify = %s", r.summary())
	}
	if !bytes.Equal(r.Before, charter(t)) {
		t.Error("Before is not the charter before the signature")
	}
	// Cut short instead: the file is shorter than what was signed.
	if r := Verify(signed[:len(signed)-10]); r.Status != Invalid {
		t.Errorf("a truncated file: Verify = %s", r.summary())
	}
}

// appendUpdate appends an incremental update that replaces the
// information dictionary's title, as an editor saving a change would.
func appendUpdate(t *testing.T, signed []byte) []byte {
	t.Helper()
	m := regexp.MustCompile(`startxref\s+([0-9]+)\s+%%EOF\s*$`).FindSubmatch(signed)
	root := regexp.MustCompile(`/Root ([0-9]+) 0 R`).FindAllSubmatch(signed, -1)
	size := regexp.MustCompile(`/Size ([0-9]+)`).FindAllSubmatch(signed, -1)
	if m == nil || root == nil || size == nil {
		t.Fatal("cannot read the signed file's trailer")
	}
	var n int
	fmt.Sscan(string(size[len(size)-1][1]), &n)
	var b bytes.Buffer
	b.Write(signed)
	off := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<</Title (Altered)>>\nendobj\n", n)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n%d 1\n%010d 00000 n \ntrailer\n<</Size %d /Root %s 0 R /Info %d 0 R /Prev %s>>\nstartxref\n%d\n%%%%EOF\n",
		n, off, n+1, root[len(root)-1][1], n, m[1], xref)
	return b.Bytes()
}

// TestPDFSignatureReproducible_Issue11_4: the same charter, key and
// options sign to the same bytes, whenever it is done; another key or
// another time does not.
func TestPDFSignatureReproducible_Issue11_4(t *testing.T) {
	pdf := charter(t)
	a := sign(t, pdf, 0)
	time.Sleep(1100 * time.Millisecond) // a clock read anywhere would show
	if b := sign(t, charter(t), 0); !bytes.Equal(a, b) {
		t.Error("two signatures of the same charter differ")
	}
	if b := sign(t, pdf, 1); bytes.Equal(a, b) {
		t.Error("another key gives the same bytes")
	}
	o := options()
	o.Time = o.Time.Add(time.Minute)
	if b, err := Sign(pdf, testKey(t, 0), o); err != nil || bytes.Equal(a, b) {
		t.Errorf("another signing time gives the same bytes (%v)", err)
	}
	c1, _ := Certificate(testKey(t, 0), "poste-compta", signedAt)
	c2, _ := Certificate(testKey(t, 0), "poste-compta", signedAt.Add(3*time.Hour))
	if !bytes.Equal(c1.Raw, c2.Raw) {
		t.Error("the certificate of the same day differs")
	}
	if c1.NotBefore != time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) || c1.NotAfter.Year() != 2056 || c1.SerialNumber.Sign() <= 0 {
		t.Errorf("certificate validity %v–%v, serial %v", c1.NotBefore, c1.NotAfter, c1.SerialNumber)
	}
}

// TestPDFSignatureQPDFCheck_Issue11_4: qpdf finds nothing wrong with the
// signed file's structure.
func TestPDFSignatureQPDFCheck_Issue11_4(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("SKIPPED: qpdf is not installed; scripts/install-deps.sh installs it")
	}
	path := filepath.Join(t.TempDir(), "signed.pdf")
	if err := os.WriteFile(path, sign(t, charter(t), 0), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// TestPDFSignatureFirstPageWithLinks_Issue11_4: a first page that already
// has annotations (links) keeps them and gains the signature field.
func TestPDFSignatureFirstPageWithLinks_Issue11_4(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.CellFormat(40, 10, "Link", "", 1, "L", false, 0, "https://example.com")
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/Annots")) {
		t.Fatal("fpdf wrote no annotation")
	}
	signed := sign(t, buf.Bytes(), 1)
	wantLines(t, pdfsig(t, signed), "Signature Validation: Signature is Valid.", "Total document signed")
	if v := Verify(signed); v.Status != Valid {
		t.Errorf("Verify = %s", v.summary())
	}
	if !regexp.MustCompile(`/Annots \[[0-9]+ 0 R \[?`).Match(signed[len(buf.Bytes()):]) {
		t.Error("the page's annotations were not kept with the field")
	}
}

// TestPDFSignRefusesWhatItDidNotWrite_Issue11_4: a PDF already updated
// (signed), or not a PDF, is refused with a reason, without a panic.
func TestPDFSignRefusesWhatItDidNotWrite_Issue11_4(t *testing.T) {
	signed := sign(t, charter(t), 0)
	for name, data := range map[string][]byte{
		"signed twice": signed, "empty": nil, "text": []byte("hello"),
		"cut": signed[:len(signed)/2], "no xref": []byte("%PDF-1.4\nstartxref\n5\n%%EOF\n"),
	} {
		if _, err := Sign(data, testKey(t, 0), options()); err == nil {
			t.Errorf("%s: signed", name)
		}
	}
	if _, err := Sign(charter(t), testKey(t, 0), Options{Host: "x"}); err == nil {
		t.Error("signed without a signing time")
	}
}

// TestPDFVerifyHostile_Issue11_5: files that lie about their signature
// (ranges past the end, overlapping, not around /Contents, non-hex, a CMS
// of random bytes, every prefix of a signed file) are invalid or unsigned,
// never a panic, and never valid.
func TestPDFVerifyHostile_Issue11_5(t *testing.T) {
	signed := sign(t, charter(t), 0)
	br := regexp.MustCompile(`/ByteRange \[0 [0-9 ]+\]`)
	loc := br.FindIndex(signed)
	replaceRange := func(s string) []byte {
		s = fmt.Sprintf("%-*s", loc[1]-loc[0], s)
		return join(signed[:loc[0]], []byte(s), signed[loc[1]:])
	}
	cases := map[string][]byte{
		"range past the end":   replaceRange("/ByteRange [0 10 20 99999999999]"),
		"range not at 0":       replaceRange("/ByteRange [5 10 20 30]"),
		"ranges overlap":       replaceRange("/ByteRange [0 100 50 30]"),
		"gap not the contents": replaceRange("/ByteRange [0 100 200 300]"),
		"huge numbers":         replaceRange("/ByteRange [0 9999999999 99999999999 9]"),
		"non-hex contents":     bytes.Replace(signed, []byte("/Contents <3"), []byte("/Contents <z"), 1),
		"random cms":           randomCMS(t, signed),
	}
	for name, data := range cases {
		if v := Verify(data); v.Status != Invalid {
			t.Errorf("%s: Verify = %s", name, v.summary())
		}
	}
	for n := 0; n < len(signed); n += 97 {
		if v := Verify(signed[:n]); v.Status == Valid {
			t.Fatalf("a prefix of %d bytes verifies", n)
		}
	}
	if v := Verify(charter(t)); v.Status != None || !bytes.Equal(v.Before, charter(t)) {
		t.Errorf("an unsigned charter: %s", v.summary())
	}
}

func join(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func randomCMS(t *testing.T, signed []byte) []byte {
	t.Helper()
	out := bytes.Clone(signed)
	i := bytes.LastIndex(out, []byte("/Contents <")) + len("/Contents <")
	junk := make([]byte, 600)
	if _, err := rand.Read(junk); err != nil {
		t.Fatal(err)
	}
	copy(out[i:], fmt.Sprintf("%x", append([]byte{0x30, 0x82, 0x02, 0x54}, junk...)))
	return out
}

// TestCertificateHost_Issue11_4: the computer's name is put in the
// certificate on one line, without control or bidi characters, shortened;
// an empty one is named as unknown.
func TestCertificateHost_Issue11_4(t *testing.T) {
	for in, want := range map[string]string{
		"":                              "unknown computer",
		"poste\x1b]0;evil\x07-compta\n": "poste]0;evil-compta",
		"\u202eatpmoc-etsop":            "atpmoc-etsop",
		"Łódź-Ω  Жук":                   "Łódź-Ω Жук",
		strings.Repeat("h", 300):        strings.Repeat("h", 47) + "…",
	} {
		if got := CleanHost(in); got != want {
			t.Errorf("CleanHost(%q) = %q, want %q", in, got, want)
		}
	}
	c, err := Certificate(testKey(t, 0), strings.Repeat("é", 300), signedAt)
	if err != nil || len([]rune(c.Subject.CommonName)) > 64 {
		t.Errorf("a long name: %v, %q", err, c.Subject.CommonName)
	}
}

// BenchmarkSignedCharterPDF is the charter PDF as `boussole export` makes
// it for a signed revision: rendered, then signed (issue 11: under 60 ms).
func BenchmarkSignedCharterPDF(b *testing.B) {
	s := signedSession(b)
	key := testKey(b, 0)
	for b.Loop() {
		pdf, err := report.CharterPDF(s, 1, report.PDFOptions{DigitalSignature: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Sign(pdf, key, options()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignPDF is the signature alone, on a rendered charter.
func BenchmarkSignPDF(b *testing.B) {
	pdf := charter(b)
	key := testKey(b, 0)
	for b.Loop() {
		if _, err := Sign(pdf, key, options()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyPDFSignature is Verify on a signed charter.
func BenchmarkVerifyPDFSignature(b *testing.B) {
	signed := sign(b, charter(b), 0)
	for b.Loop() {
		if Verify(signed).Status != Valid {
			b.Fatal("not valid")
		}
	}
}

// TestPDFSignatureOpenSSLVerifiesTheCMS_Issue11_4: OpenSSL, another
// implementation than poppler's NSS, verifies the CMS over the signed byte
// ranges and finds the three signed attributes and no signing time.
func TestPDFSignatureOpenSSLVerifiesTheCMS_Issue11_4(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("SKIPPED: openssl is not installed")
	}
	signed := sign(t, charter(t), 0)
	m := byteRangeRE.FindAllSubmatch(signed, -1)
	var b, c, l int
	last := m[len(m)-1]
	fmt.Sscan(string(last[2]), &b)
	fmt.Sscan(string(last[3]), &c)
	fmt.Sscan(string(last[4]), &l)
	dir := t.TempDir()
	content, cms := filepath.Join(dir, "content"), filepath.Join(dir, "cms.der")
	if err := os.WriteFile(content, join(signed[:b], signed[c:c+l]), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cms, cmsOf(t, signed), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("openssl", "cms", "-verify", "-inform", "DER", "-in", cms, "-binary", "-content", content, "-noverify", "-out", os.DevNull).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Verification successful") {
		t.Errorf("openssl cms -verify: %v\n%s", err, out)
	}
	printed, err := exec.Command("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", cms).CombinedOutput()
	if err != nil {
		t.Fatalf("openssl cms -print: %v\n%s", err, printed)
	}
	for _, want := range []string{"contentType", "messageDigest", "signingCertificateV2"} {
		if !strings.Contains(string(printed), want) {
			t.Errorf("the CMS lacks %s", want)
		}
	}
	if strings.Contains(string(printed), "signingTime") {
		t.Error("the CMS carries a signing time")
	}
}

// recordSigner signs the test session's sign-off records with a test key.
type recordSigner struct{ k *rsa.PrivateKey }

func (r recordSigner) PublicKeyDER() []byte {
	der, err := x509.MarshalPKIXPublicKey(&r.k.PublicKey)
	if err != nil {
		panic(err)
	}
	return der
}

func (r recordSigner) SignRecord(digest []byte) ([]byte, error) {
	return rsa.SignPKCS1v15(nil, r.k, crypto.SHA256, digest)
}
