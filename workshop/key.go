package workshop

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// KeyFingerprint is the short, readable name of a public key, given as its
// PKIX (SubjectPublicKeyInfo) DER encoding: the first 10 bytes of its
// SHA-256 in upper-case hex, in five groups of four ("3F2A 9C01 77B2 0D4E
// A1C3"). It names an installation's key in About, `boussole --version`,
// the window, `show` and the PDF; 80 bits tell keys apart for a reader
// comparing them by eye, the signature itself checks the whole key.
func KeyFingerprint(publicKeyDER []byte) string {
	sum := sha256.Sum256(publicKeyDER)
	h := strings.ToUpper(hex.EncodeToString(sum[:10]))
	var b strings.Builder
	for i := 0; i < len(h); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(h[i : i+4])
	}
	return b.String()
}

// ShortFingerprint is the first group of KeyFingerprint ("3F2A…"), for
// lines where the whole one does not fit.
func ShortFingerprint(publicKeyDER []byte) string {
	return KeyFingerprint(publicKeyDER)[:4] + "…"
}
