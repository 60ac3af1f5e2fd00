package workshop

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"time"
)

// RecordSigner signs sign-off records: the installation key
// (storage.InstallationKey). Workshop knows it only by this interface.
type RecordSigner interface {
	// PublicKeyDER is the public key as PKIX (SubjectPublicKeyInfo) DER.
	PublicKeyDER() []byte
	// SignRecord signs a SHA-256 digest: RSA PKCS#1 v1.5 (deterministic).
	SignRecord(digest []byte) ([]byte, error)
}

// signatureTagV1 opens version 1 of the canonical sign-off record, the
// bytes an installation key signs for a signature or a decline.
const signatureTagV1 = "boussole-signature/1\n"

// signatureRecord is the canonical record of a signature given on
// revision rev, version 1: the tag, then one JSON object written member by
// member (recordWriter, as the seal's record): kind, revision, participant
// id, name, time (RFC 3339 in UTC, to the nanosecond), comment and the seal
// of the content signed. The revision number binds the record to its
// revision, the seal to its content: a record copied elsewhere no longer
// verifies. A change of these bytes needs a new version with its own tag.
func signatureRecord(rev int, sg *Signature) []byte {
	w := recordWriter{b: make([]byte, 0, 256)}
	w.b = append(w.b, signatureTagV1...)
	w.open('{')
	w.str("kind", "signature")
	w.integer("revision", rev)
	w.str("participantId", sg.ParticipantID)
	w.str("name", sg.Name)
	w.str("at", recordTime(sg.At))
	w.str("comment", sg.Comment)
	w.str("seal", sg.Seal)
	w.close('}')
	return w.b
}

// declineRecord is the canonical record of a decline on revision rev,
// version 1, as signatureRecord with kind "decline" and the reason.
func declineRecord(rev int, d *Decline) []byte {
	w := recordWriter{b: make([]byte, 0, 256)}
	w.b = append(w.b, signatureTagV1...)
	w.open('{')
	w.str("kind", "decline")
	w.integer("revision", rev)
	w.str("participantId", d.ParticipantID)
	w.str("name", d.Name)
	w.str("at", recordTime(d.At))
	w.str("reason", d.Reason)
	w.str("seal", d.Seal)
	w.close('}')
	return w.b
}

func recordTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// signRecord signs rec with signer and checks the result against the
// public key it gives, so that a record never carries a key that does not
// verify it.
func signRecord(signer RecordSigner, rec []byte) (pub, sig []byte, err error) {
	if signer == nil {
		return nil, nil, Errorf(KindInternal, "no installation key to sign with")
	}
	sum := sha256.Sum256(rec)
	sig, err = signer.SignRecord(sum[:])
	if err != nil {
		return nil, nil, Wrap(KindInternal, err, "cannot sign with the installation key")
	}
	pub = bytes.Clone(signer.PublicKeyDER())
	if err := verifyRecord(pub, sig, rec); err != nil {
		return nil, nil, Wrap(KindInternal, err, "the installation key made a signature that does not verify")
	}
	return pub, sig, nil
}

// maxKeyBits bounds the RSA keys a record may carry (Boussole makes 2048
// bits): a hostile file of thousands of records must not make an import
// cost minutes.
const maxKeyBits = 4096

// verifyRecord checks sig over rec with the PKIX public key pub.
func verifyRecord(pub, sig, rec []byte) error {
	k, err := x509.ParsePKIXPublicKey(pub)
	if err != nil {
		return Wrap(KindInvalid, err, "its public key cannot be read (not a PKIX DER public key)")
	}
	rk, ok := k.(*rsa.PublicKey)
	if !ok {
		return Errorf(KindInvalid, "its public key is not an RSA key (Boussole signs with RSA)")
	}
	if n := rk.N.BitLen(); n < 2048 || n > maxKeyBits {
		return Errorf(KindInvalid, "its public key is an RSA key of %d bits (Boussole's have 2048 to %d)", n, maxKeyBits)
	}
	sum := sha256.Sum256(rec)
	if err := rsa.VerifyPKCS1v15(rk, crypto.SHA256, sum[:], sig); err != nil {
		return Errorf(KindInvalid, "its signature does not verify with the key it carries")
	}
	return nil
}

// Signed reports whether the record carries a cryptographic signature.
func (sg *Signature) Signed() bool { return len(sg.KeySig) > 0 }

// Verify checks the record's cryptographic signature as given on
// revision rev. A record without one is an error too.
func (sg *Signature) Verify(rev int) error {
	if !sg.Signed() {
		return Errorf(KindInvalid, "it carries no cryptographic signature")
	}
	return verifyRecord(sg.PublicKey, sg.KeySig, signatureRecord(rev, sg))
}

// Signed reports whether the record carries a cryptographic signature.
func (d *Decline) Signed() bool { return len(d.KeySig) > 0 }

// Verify checks the decline's cryptographic signature as given on
// revision rev.
func (d *Decline) Verify(rev int) error {
	if !d.Signed() {
		return Errorf(KindInvalid, "it carries no cryptographic signature")
	}
	return verifyRecord(d.PublicKey, d.KeySig, declineRecord(rev, d))
}

// Trust is what can be said of a sign-off record, as the window, `show`
// and the PDF say it.
type Trust string

// Trusts.
const (
	// TrustThisComputer: signed with this installation's key, verified.
	TrustThisComputer Trust = "this-computer"
	// TrustOtherComputer: signed with another installation's key, verified.
	TrustOtherComputer Trust = "other-computer"
	// TrustEarlier: no cryptographic signature, made by this store before
	// installation keys existed ("unsigned (made with an earlier version)").
	TrustEarlier Trust = "earlier-version"
	// TrustUnverified: imported without a cryptographic signature (an
	// older file, or one stripped of it): never shown as signed.
	TrustUnverified Trust = "unverified"
	// TrustInvalid: the cryptographic signature does not verify (the
	// store was altered by hand).
	TrustInvalid Trust = "invalid"
)

// SignatureTrust says what can be said of signature sg of revision r,
// own being this installation's public key (PKIX DER; nil when it has
// none yet).
func (r *Revision) SignatureTrust(sg *Signature, own []byte) Trust {
	switch {
	case !sg.Signed() && sg.Unverified:
		return TrustUnverified
	case !sg.Signed():
		return TrustEarlier
	case sg.Verify(r.Number) != nil:
		return TrustInvalid
	case own != nil && bytes.Equal(sg.PublicKey, own):
		return TrustThisComputer
	}
	return TrustOtherComputer
}

// DeclineTrust is SignatureTrust for a decline.
func (r *Revision) DeclineTrust(d *Decline, own []byte) Trust {
	switch {
	case !d.Signed() && d.Unverified:
		return TrustUnverified
	case !d.Signed():
		return TrustEarlier
	case d.Verify(r.Number) != nil:
		return TrustInvalid
	case own != nil && bytes.Equal(d.PublicKey, own):
		return TrustThisComputer
	}
	return TrustOtherComputer
}

// CheckImportedSignatures checks the cryptographic signature of every
// signature and decline of an imported session, and marks the records
// that carry none as unverified (an older file, or one stripped of its
// signatures: never shown, nor counted, as signed). A record whose
// signature does not verify, or that was copied from another revision, is
// refused (KindInvalid) with a message naming the revision, the person and
// what is wrong; who may sign which seal is CheckSignedRevision's.
func CheckImportedSignatures(s *Session) error {
	copiedFrom := func(verify func(rev int) error, at int) int {
		for _, other := range s.Revisions {
			if other.Number != at && verify(other.Number) == nil {
				return other.Number
			}
		}
		return 0
	}
	for i := range s.Revisions {
		rev := &s.Revisions[i]
		for j := range rev.Signatures {
			sg := &rev.Signatures[j]
			if !sg.Signed() {
				sg.Unverified, sg.PublicKey = true, nil
				continue
			}
			sg.Unverified = false
			if err := sg.Verify(rev.Number); err != nil {
				if k := copiedFrom(sg.Verify, rev.Number); k != 0 {
					return Errorf(KindInvalid, "revision %d: the signature of %s (signatures[%d]) was copied from revision %d: it signs that revision, not this one",
						rev.Number, quoteCut(sg.Name), j, k)
				}
				return Errorf(KindInvalid, "revision %d: the signature of %s (signatures[%d]) is forged or altered: %s (key %s)",
					rev.Number, quoteCut(sg.Name), j, Message(err), safeFingerprint(sg.PublicKey))
			}
		}
		for j := range rev.Declines {
			d := &rev.Declines[j]
			if !d.Signed() {
				d.Unverified, d.PublicKey = true, nil
				continue
			}
			d.Unverified = false
			if err := d.Verify(rev.Number); err != nil {
				if k := copiedFrom(d.Verify, rev.Number); k != 0 {
					return Errorf(KindInvalid, "revision %d: the decline of %s (declines[%d]) was copied from revision %d: it declines that revision, not this one",
						rev.Number, quoteCut(d.Name), j, k)
				}
				return Errorf(KindInvalid, "revision %d: the decline of %s (declines[%d]) is forged or altered: %s (key %s)",
					rev.Number, quoteCut(d.Name), j, Message(err), safeFingerprint(d.PublicKey))
			}
		}
	}
	return nil
}

// safeFingerprint is ShortFingerprint, or "none" for an empty key.
func safeFingerprint(der []byte) string {
	if len(der) == 0 {
		return "none"
	}
	return ShortFingerprint(der)
}

// SignSignature signs sg, given on revision rev, with signer: it sets the
// record's PublicKey and KeySig (and clears Unverified). Sign does it for
// the signatures it records.
func SignSignature(rev int, sg *Signature, signer RecordSigner) error {
	pub, sig, err := signRecord(signer, signatureRecord(rev, sg))
	if err != nil {
		return err
	}
	sg.PublicKey, sg.KeySig, sg.Unverified = pub, sig, false
	return nil
}

// SignDecline is SignSignature for a decline.
func SignDecline(rev int, d *Decline, signer RecordSigner) error {
	pub, sig, err := signRecord(signer, declineRecord(rev, d))
	if err != nil {
		return err
	}
	d.PublicKey, d.KeySig, d.Unverified = pub, sig, false
	return nil
}
