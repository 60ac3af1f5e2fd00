package workshop

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"math/big"
	"testing"
	"time"
)

// keySigner is a RecordSigner over an RSA key made for the tests (the
// installation key is storage's; workshop knows only the interface).
type keySigner struct {
	k   *rsa.PrivateKey
	pub []byte
}

func (s *keySigner) PublicKeyDER() []byte { return s.pub }

func (s *keySigner) SignRecord(digest []byte) ([]byte, error) {
	return rsa.SignPKCS1v15(nil, s.k, crypto.SHA256, digest)
}

func newKeySigner() *keySigner {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		panic(err)
	}
	return &keySigner{k: k, pub: der}
}

// testSigner signs the tests' records; OtherSigner is another
// installation's key. Both exported for the package's external tests.
var (
	testSigner               = newKeySigner()
	TestSigner  RecordSigner = testSigner
	OtherSigner RecordSigner = newKeySigner()
	NewSigner                = func() RecordSigner { return newKeySigner() }
)

// The canonical sign-off record, version 1, byte for byte: a signature
// made today must verify in every later version.
func TestSignatureRecordV1Golden_Issue11_2(t *testing.T) {
	at := time.Date(2027, 1, 12, 9, 30, 0, 5, time.FixedZone("CET", 3600))
	sg := Signature{ParticipantID: "p-1", Name: "Zoé <Ø> \"Q\"", At: at, Comment: "ok\n", Seal: "ab12"}
	want := "boussole-signature/1\n" + `{"kind":"signature","revision":3,"participantId":"p-1","name":"Zoé \u003cØ\u003e \"Q\"","at":"2027-01-12T08:30:00.000000005Z","comment":"ok\n","seal":"ab12"}`
	if got := string(signatureRecord(3, &sg)); got != want {
		t.Errorf("signature record:\n got %s\nwant %s", got, want)
	}
	d := Decline{ParticipantID: "p-1", Name: "Zoé", At: at, Reason: "no", Seal: "ab12"}
	want = "boussole-signature/1\n" + `{"kind":"decline","revision":1,"participantId":"p-1","name":"Zoé","at":"2027-01-12T08:30:00.000000005Z","reason":"no","seal":"ab12"}`
	if got := string(declineRecord(1, &d)); got != want {
		t.Errorf("decline record:\n got %s\nwant %s", got, want)
	}
}

func ecdsaKeyDER(t *testing.T) []byte {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// rsaKeyDER is the PKIX DER of an RSA public key of bits bits (a public
// key only: no need to find primes, the modulus is random).
func rsaKeyDER(t *testing.T, bits int) []byte {
	n := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
	n.SetBit(n, 0, 1)
	der, err := x509.MarshalPKIXPublicKey(&rsa.PublicKey{N: n, E: 65537})
	if err != nil {
		t.Fatal(err)
	}
	return der
}

var (
	EcdsaKeyDER = ecdsaKeyDER
	RsaKeyDER   = rsaKeyDER
)
