package pades

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"time"

	"boussole/workshop"
)

// Status is what a PDF's last signature is.
type Status int

const (
	// None: the PDF carries no signature.
	None Status = iota
	// Valid: the signed bytes are unchanged and the CMS verifies against
	// its certificate.
	Valid
	// Invalid: the PDF carries a signature that does not verify.
	Invalid
)

func (s Status) String() string {
	switch s {
	case Valid:
		return "valid"
	case Invalid:
		return "invalid"
	}
	return "none"
}

// Result is what Verify finds of a PDF's last signature.
type Result struct {
	Status Status
	// Problem says, in English, why an Invalid signature is invalid.
	Problem string
	// Digest tells an Invalid signature whose bytes changed (the file was
	// altered inside the signed range) from one that is malformed or made
	// with another key.
	Digest bool
	// Signer is the certificate's subject common name ("Boussole —
	// computer"), Subject its whole distinguished name, Fingerprint the
	// workshop.KeyFingerprint of its public key.
	Signer, Subject, Fingerprint string
	// SelfSigned tells a certificate that is its own issuer.
	SelfSigned bool
	// Boussole tells a certificate that names Boussole as its
	// organisation, as Certificate makes them (anyone can make one: the
	// fingerprint says which key it is).
	Boussole bool
	// Time is the signature dictionary's /M (zero when absent); Name and
	// Reason its /Name and /Reason.
	Time         time.Time
	Name, Reason string
	SubFilter    string
	// Appended tells a signature whose byte range ends before the end of
	// the file: bytes were added after signing (an incremental update).
	Appended bool
	// Before is the file before the signature's incremental update: what
	// the signer wrote and then signed. The whole file when it carries no
	// signature.
	Before []byte
}

var (
	byteRangeRE = regexp.MustCompile(`/ByteRange\s*\[\s*([0-9]+)\s+([0-9]+)\s+([0-9]+)\s+([0-9]+)\s*\]`)
	subFilterRE = regexp.MustCompile(`/SubFilter\s*/([A-Za-z0-9.#_-]+)`)
)

// Verify finds the PDF's last signature (the last /ByteRange in the file)
// and checks it: the byte range must start the file and leave out exactly
// the /Contents hex string; the CMS in it must be a SignedData whose
// message digest is the SHA-256 of the byte range and whose RSA signature
// verifies against the certificate it carries. The certificate is not
// checked against any authority: a Boussole certificate is self-signed, and
// the fingerprint says which key it is.
func Verify(pdf []byte) Result {
	res := Result{Before: pdf}
	locs := byteRangeRE.FindAllSubmatchIndex(pdf, -1)
	if len(locs) == 0 {
		return res
	}
	loc := locs[len(locs)-1]
	num := func(i int) int {
		n, err := strconv.Atoi(string(pdf[loc[2*i]:loc[2*i+1]]))
		if err != nil {
			return -1
		}
		return n
	}
	a, b, c, l := num(1), num(2), num(3), num(4)
	res.Status = Invalid
	dict := sigDict(pdf, loc[0])
	res.readDict(dict)
	res.Before = before(pdf, loc[0])
	switch {
	case a != 0 || b < 0 || c < 0 || l < 0 || b >= c || c > len(pdf) || l > len(pdf)-c:
		res.Problem = "its byte range does not fit the file"
		if c+l > len(pdf) && a == 0 && b < c {
			res.Problem = "the file is shorter than the range it signed: it was cut"
			res.Digest = true
		}
		return res
	case c+l < len(pdf):
		res.Appended = true
	}
	// The gap must be the /Contents string of this signature dictionary.
	if pdf[b] != '<' || pdf[c-1] != '>' || b < loc[1] || !bytes.HasSuffix(bytes.TrimRight(pdf[loc[1]:b], " \r\n\t"), []byte("/Contents")) {
		res.Problem = "its byte range does not leave out exactly its /Contents"
		return res
	}
	raw := bytes.TrimRight(pdf[b+1:c-1], "0")
	if len(raw)%2 == 1 {
		raw = pdf[b+1 : b+2+len(raw)]
	}
	cms := make([]byte, hex.DecodedLen(len(raw)))
	if _, err := hex.Decode(cms, raw); err != nil {
		res.Problem = "its /Contents is not hexadecimal"
		return res
	}
	h := sha256.New()
	h.Write(pdf[:b])
	h.Write(pdf[c : c+l])
	if err := res.checkCMS(cms, h.Sum(nil)); err != nil {
		res.Problem = err.Error()
		return res
	}
	res.Status = Valid
	return res
}

// sigDict returns the text of the dictionary around the /ByteRange at at:
// from the "obj" before it to the "endobj" after it.
func sigDict(pdf []byte, at int) []byte {
	start := bytes.LastIndex(pdf[:at], []byte(" obj"))
	if start < 0 {
		start = max(0, at-4096)
	}
	end := bytes.Index(pdf[at:], []byte("endobj"))
	if end < 0 {
		end = min(len(pdf)-at, 4096)
	}
	return pdf[start : at+end]
}

// before returns the file up to the end of the revision before the one
// that holds the signature at at: through the last %%EOF before the
// signature object and its end of line.
func before(pdf []byte, at int) []byte {
	start := bytes.LastIndex(pdf[:at], []byte(" obj"))
	if start < 0 {
		start = at
	}
	eof := bytes.LastIndex(pdf[:start], []byte("%%EOF"))
	if eof < 0 {
		return pdf[:start]
	}
	end := eof + len("%%EOF")
	if end < len(pdf) && pdf[end] == '\r' {
		end++
	}
	if end < len(pdf) && pdf[end] == '\n' {
		end++
	}
	return pdf[:end]
}

func (r *Result) readDict(dict []byte) {
	val := func(key string) (string, bool) {
		i := bytes.Index(dict, []byte("/"+key))
		if i < 0 {
			return "", false
		}
		rest := dict[i+1+len(key):]
		if len(rest) > 0 && (rest[0] >= 'A' && rest[0] <= 'Z' || rest[0] >= 'a' && rest[0] <= 'z') {
			return "", false // another key that starts alike
		}
		return readString(rest)
	}
	if m, ok := val("M"); ok {
		r.Time, _ = parsePDFDate(m)
	}
	r.Name, _ = val("Name")
	r.Reason, _ = val("Reason")
	if m := subFilterRE.FindSubmatch(dict); m != nil {
		r.SubFilter = string(m[1])
	}
}

type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"explicit,tag:0"`
}

type signedDataASN struct {
	Version          int
	DigestAlgorithms asn1.RawValue
	EncapContentInfo asn1.RawValue
	Certificates     asn1.RawValue   `asn1:"optional,tag:0"`
	CRLs             asn1.RawValue   `asn1:"optional,tag:1"`
	SignerInfos      []signerInfoASN `asn1:"set"`
}

type signerInfoASN struct {
	Version            int
	SID                issuerAndSerial
	DigestAlgorithm    pkix.AlgorithmIdentifier
	SignedAttrs        asn1.RawValue `asn1:"optional,tag:0"`
	SignatureAlgorithm pkix.AlgorithmIdentifier
	Signature          []byte
	UnsignedAttrs      asn1.RawValue `asn1:"optional,tag:1"`
}

type issuerAndSerial struct {
	Issuer asn1.RawValue
	Serial *big.Int
}

type attributeASN struct {
	Type   asn1.ObjectIdentifier
	Values asn1.RawValue `asn1:"set"`
}

// checkCMS checks a detached CMS SignedData over a document whose SHA-256
// is digest, and fills in the signer.
func (r *Result) checkCMS(der []byte, digest []byte) error {
	var ci contentInfo
	if _, err := asn1.Unmarshal(der, &ci); err != nil || !ci.ContentType.Equal(oidSignedData) {
		return fmt.Errorf("its /Contents is not a CMS SignedData")
	}
	var sd signedDataASN
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil {
		return fmt.Errorf("its CMS SignedData is malformed (%v)", err)
	}
	if len(sd.SignerInfos) != 1 {
		return fmt.Errorf("its CMS has %d signers, Boussole checks one", len(sd.SignerInfos))
	}
	si := sd.SignerInfos[0]
	certs, err := x509.ParseCertificates(sd.Certificates.Bytes)
	if err != nil || len(certs) == 0 {
		return fmt.Errorf("its CMS carries no readable certificate")
	}
	var cert *x509.Certificate
	for _, c := range certs {
		if bytes.Equal(c.RawIssuer, si.SID.Issuer.FullBytes) && si.SID.Serial != nil && c.SerialNumber.Cmp(si.SID.Serial) == 0 {
			cert = c
		}
	}
	if cert == nil {
		return fmt.Errorf("its CMS does not carry the signer's certificate")
	}
	r.Signer = cert.Subject.CommonName
	r.Subject = cert.Subject.String()
	r.Fingerprint = workshop.KeyFingerprint(cert.RawSubjectPublicKeyInfo)
	r.Boussole = slices.Contains(cert.Subject.Organization, "Boussole")
	r.SelfSigned = bytes.Equal(cert.RawIssuer, cert.RawSubject) && cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature) == nil
	if !si.DigestAlgorithm.Algorithm.Equal(oidSHA256) {
		return fmt.Errorf("its CMS uses a digest other than SHA-256 (%v)", si.DigestAlgorithm.Algorithm)
	}
	if len(si.SignedAttrs.FullBytes) == 0 {
		return fmt.Errorf("its CMS has no signed attributes")
	}
	var gotDigest []byte
	var contentType asn1.ObjectIdentifier
	for rest := si.SignedAttrs.Bytes; len(rest) > 0; {
		var a attributeASN
		var err error
		if rest, err = asn1.Unmarshal(rest, &a); err != nil {
			return fmt.Errorf("its CMS signed attributes are malformed")
		}
		switch {
		case a.Type.Equal(oidMessageDigest):
			if _, err := asn1.Unmarshal(a.Values.Bytes, &gotDigest); err != nil {
				return fmt.Errorf("its CMS message digest is malformed")
			}
		case a.Type.Equal(oidContentType):
			if _, err := asn1.Unmarshal(a.Values.Bytes, &contentType); err != nil {
				return fmt.Errorf("its CMS content type is malformed")
			}
		}
	}
	if !contentType.Equal(oidData) {
		return fmt.Errorf("its CMS does not sign data (content type %v)", contentType)
	}
	if !bytes.Equal(gotDigest, digest) {
		r.Digest = true
		return fmt.Errorf("the signed bytes were changed: their digest does not match the signature's")
	}
	pub, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return fmt.Errorf("its certificate holds a %T key: Boussole checks RSA signatures", cert.PublicKey)
	}
	if a := si.SignatureAlgorithm.Algorithm; !a.Equal(oidRSAEncryption) && !a.Equal(oidSHA256WithRSA) {
		return fmt.Errorf("its CMS uses a signature algorithm Boussole does not check (%v)", a)
	}
	attrs := bytes.Clone(si.SignedAttrs.FullBytes)
	attrs[0] = tagSet
	sum := sha256.Sum256(attrs)
	if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], si.Signature); err != nil {
		return fmt.Errorf("its signature does not verify with the key of its certificate")
	}
	return nil
}
