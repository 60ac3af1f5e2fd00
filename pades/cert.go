package pades

import (
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"boussole/workshop"
)

// maxHost bounds the computer's name in a certificate: a common name is at
// most 64 characters (RFC 5280, ub-common-name), and "Boussole — " takes
// some.
const maxHost = 48

// validity is how long a charter's certificate is valid from the day the
// charter was signed: longer than any pay period the charter settles.
const validityYears = 30

// CleanHost is the computer's name as a certificate names it: one line,
// without control or invisible format characters, at most 48 characters;
// "unknown computer" when empty.
func CleanHost(host string) string {
	host = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, strings.ToValidUTF8(host, ""))
	host = strings.Join(strings.Fields(host), " ")
	if utf8.RuneCountInString(host) > maxHost {
		host = string([]rune(host)[:maxHost-1]) + "…"
	}
	if host == "" {
		host = "unknown computer"
	}
	return host
}

// Certificate makes the self-signed X.509 certificate of an installation
// key for a charter signed at signedAt on the computer host. Nothing in it
// comes from the clock or a random source, so the same key, host and time
// give the same bytes:
//   - subject and issuer: CN "Boussole — host", O "Boussole", OU the key's
//     fingerprint;
//   - serial: the first 16 bytes of SHA-256 over the public key and the
//     host (positive, non-zero);
//   - validity: from the UTC day of signedAt to 30 years later;
//   - key usage: digital signature and non-repudiation (content commitment).
//
// The certificate proves which installation of Boussole sealed the charter,
// not the identity of the people who approved it.
func Certificate(key *rsa.PrivateKey, host string, signedAt time.Time) (*x509.Certificate, error) {
	if key == nil {
		return nil, fmt.Errorf("no key to certify")
	}
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return nil, err
	}
	host = CleanHost(host)
	h := sha256.New()
	h.Write(pub)
	h.Write([]byte{0})
	h.Write([]byte(host))
	sum := h.Sum(nil)
	serial := new(big.Int).SetBytes(sum[:16])
	serial.SetBit(serial, 127, 0) // positive on 16 bytes
	if serial.Sign() == 0 {
		serial.SetInt64(1)
	}
	day := signedAt.UTC().Truncate(24 * time.Hour)
	name := pkix.Name{
		CommonName:         "Boussole — " + host,
		Organization:       []string{"Boussole"},
		OrganizationalUnit: []string{"installation key " + workshop.KeyFingerprint(pub)},
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               name,
		Issuer:                name,
		NotBefore:             day,
		NotAfter:              day.AddDate(validityYears, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
		SignatureAlgorithm:    x509.SHA256WithRSA,
	}
	// RSA PKCS #1 v1.5 reads nothing from the random source: a reader that
	// fails says so should that ever change.
	der, err := x509.CreateCertificate(noRandom{}, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// noRandom is a random source that refuses to be read: the certificate
// must not depend on one.
type noRandom struct{}

func (noRandom) Read([]byte) (int, error) {
	return 0, fmt.Errorf("the certificate of a charter must not depend on random bytes")
}
