package report

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"strings"
	"testing"

	"boussole/workshop"
)

// keySigner signs sign-off records with an RSA key made for the test.
type keySigner struct {
	k   *rsa.PrivateKey
	pub []byte
}

func (s keySigner) PublicKeyDER() []byte { return s.pub }

func (s keySigner) SignRecord(digest []byte) ([]byte, error) {
	return rsa.SignPKCS1v15(nil, s.k, crypto.SHA256, digest)
}

// TestPDFSaysWhichKeySignedEachRecord_Issue11_3: the sign-off table names
// the key that signed each record (its fingerprint, the same on every
// computer), and an unverified record (imported without a signature) or
// one made before keys says so, never passing for a signed one.
func TestPDFSaysWhichKeySignedEachRecord_Issue11_3(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalPKIXPublicKey(&k.PublicKey)
	signer := keySigner{k, der}
	for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
		s, err := workshop.FromTemplate("net-retention", l, "2027-Q1", fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		approvers := workshop.Approvers(&s.Current().Charter)
		for _, p := range approvers {
			if err := s.Sign(p.Name, "", fixedNow.Add(1), signer); err != nil {
				t.Fatal(err)
			}
		}
		text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
		fp := workshop.KeyFingerprint(der)[:14]
		want := map[workshop.Lang]string{workshop.FR: "clé " + fp, workshop.EN: "key " + fp}[l]
		if n := strings.Count(text, flat(want)); n != len(approvers) {
			t.Errorf("%s: %q printed %d times, want once per approver (%d):\n%s", l, want, n, len(approvers), text)
		}
		// The same revision with its records stripped of their signatures
		// and marked unverified, as an import of an older file does.
		r := s.Current()
		for i := range r.Signatures {
			r.Signatures[i].KeySig, r.Signatures[i].PublicKey, r.Signatures[i].Unverified = nil, nil, true
		}
		text = flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
		if strings.Contains(text, flat(want)) {
			t.Errorf("%s: an unverified record still names a key", l)
		}
		if u := map[workshop.Lang]string{workshop.FR: "non vérifiée", workshop.EN: "unverified"}[l]; !strings.Contains(text, u) {
			t.Errorf("%s: an unverified record is not said to be (%q)", l, u)
		}
	}
}
