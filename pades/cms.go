package pades

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"math/big"
	"slices"
)

// Object identifiers of the CMS (RFC 5652), ESS (RFC 5035) and PKCS #1
// structures written and read here.
var (
	oidData                 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidContentType          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningTime          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}
	oidSigningCertificateV2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidSHA256               = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidRSAEncryption        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidSHA256WithRSA        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11}
)

// DER building blocks. Every structure is written by hand, field by field,
// so that the bytes are the same on every run and every Go version.

// tlv encodes one DER element of the given tag with the contents.
func tlv(tag byte, contents ...[]byte) []byte {
	n := 0
	for _, c := range contents {
		n += len(c)
	}
	out := make([]byte, 0, n+6)
	out = append(out, tag)
	switch {
	case n < 0x80:
		out = append(out, byte(n))
	case n < 0x100:
		out = append(out, 0x81, byte(n))
	case n < 0x10000:
		out = append(out, 0x82, byte(n>>8), byte(n))
	default:
		out = append(out, 0x83, byte(n>>16), byte(n>>8), byte(n))
	}
	for _, c := range contents {
		out = append(out, c...)
	}
	return out
}

const (
	tagInteger     = 0x02
	tagOctetString = 0x04
	tagNull        = 0x05
	tagSequence    = 0x30
	tagSet         = 0x31
	tagContext0    = 0xa0 // [0], constructed
	tagContext4    = 0xa4 // [4], constructed (directoryName)
)

func seq(contents ...[]byte) []byte { return tlv(tagSequence, contents...) }

// setOf encodes a DER SET OF: its elements sorted by their encodings.
func setOf(tag byte, elems ...[]byte) []byte {
	sorted := slices.Clone(elems)
	slices.SortFunc(sorted, func(a, b []byte) int { return compareDER(a, b) })
	return tlv(tag, sorted...)
}

// compareDER orders encodings as X.690 §11.6 does: as octet strings, the
// shorter one padded with zeros.
func compareDER(a, b []byte) int {
	for i := range max(len(a), len(b)) {
		var x, y byte
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return int(x) - int(y)
		}
	}
	return 0
}

func oid(o asn1.ObjectIdentifier) []byte {
	b, err := asn1.Marshal(o)
	if err != nil {
		panic(err) // the identifiers above are constants
	}
	return b
}

func integer(n *big.Int) []byte {
	b, err := asn1.Marshal(n)
	if err != nil {
		panic(err) // a big.Int always marshals
	}
	return b
}

func smallInt(n int) []byte { return tlv(tagInteger, []byte{byte(n)}) }

func octets(b []byte) []byte { return tlv(tagOctetString, b) }

// sha256Algorithm is the AlgorithmIdentifier of SHA-256, its parameters
// absent (RFC 5754 §2).
func sha256Algorithm() []byte { return seq(oid(oidSHA256)) }

// attribute encodes an Attribute: its type and a SET of one value.
func attribute(t asn1.ObjectIdentifier, value []byte) []byte {
	return seq(oid(t), tlv(tagSet, value))
}

// signedAttributes are the attributes PAdES requires (ETSI EN 319 142-1
// §5.2): content-type, message-digest and signing-certificate-v2 naming
// the certificate by its SHA-256 and its issuer and serial. There is no
// signing-time attribute: the signature dictionary's /M carries the time,
// so the same revision signs to the same bytes.
func signedAttributes(cert *x509.Certificate, digest []byte) [][]byte {
	certHash := sha256.Sum256(cert.Raw)
	issuerSerial := seq(seq(tlv(tagContext4, cert.RawIssuer)), integer(cert.SerialNumber))
	// ESSCertIDv2: hashAlgorithm is left out, SHA-256 being its default.
	essCertID := seq(octets(certHash[:]), issuerSerial)
	return [][]byte{
		attribute(oidContentType, oid(oidData)),
		attribute(oidMessageDigest, octets(digest)),
		attribute(oidSigningCertificateV2, seq(seq(essCertID))),
	}
}

// signedData builds the detached CMS SignedData (RFC 5652 §5) of a
// document whose SHA-256 is digest: one signer, identified by issuer and
// serial, with its certificate, RSA PKCS #1 v1.5 over SHA-256 of the
// signed attributes. PKCS #1 v1.5 is deterministic: the same inputs give
// the same bytes.
func signedData(key *rsa.PrivateKey, cert *x509.Certificate, digest []byte) ([]byte, error) {
	attrs := signedAttributes(cert, digest)
	// The signature covers the attributes encoded as a SET OF (RFC 5652
	// §5.4); the SignerInfo carries the same bytes under the [0] tag.
	toSign := setOf(tagSet, attrs...)
	h := sha256.Sum256(toSign)
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, h[:])
	if err != nil {
		return nil, err
	}
	signed := append([]byte{tagContext0}, toSign[1:]...)
	signerInfo := seq(
		smallInt(1),
		seq(cert.RawIssuer, integer(cert.SerialNumber)),
		sha256Algorithm(),
		signed,
		seq(oid(oidRSAEncryption), tlv(tagNull)),
		octets(sig),
	)
	sd := seq(
		smallInt(1),
		tlv(tagSet, sha256Algorithm()),
		seq(oid(oidData)), // detached: no eContent
		tlv(tagContext0, cert.Raw),
		tlv(tagSet, signerInfo),
	)
	return seq(oid(oidSignedData), tlv(tagContext0, sd)), nil
}
