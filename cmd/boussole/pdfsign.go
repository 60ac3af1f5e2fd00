package main

import (
	"fmt"
	"os"
	"time"

	"boussole/pades"
	"boussole/report"
	"boussole/storage"
	"boussole/workshop"
)

// carriesPDFSignature is the one place that decides whether the PDF of a
// revision carries a digital signature (issue 11 item 4): a signed
// revision's does; a draft's does not; nor does that of a revision signed
// before installations had keys, whose page says so instead.
//
// A revision whose sign-off records carry no cryptographic signature (made
// before installation keys existed, or imported unverified) carries none.
func carriesPDFSignature(r *workshop.Revision) bool {
	if r.Status != workshop.StatusSigned || pdfSigningTime(r).IsZero() {
		return false
	}
	for i := range r.Signatures {
		if !r.Signatures[i].Signed() {
			return false
		}
	}
	return true
}

// pdfSigningTime is the time a revision's PDF signature carries (/M, and
// the certificate's first day): when its last approver signed.
func pdfSigningTime(r *workshop.Revision) time.Time {
	if !r.SignedAt.IsZero() {
		return r.SignedAt.UTC()
	}
	var last time.Time
	for _, sg := range r.Signatures {
		if sg.At.After(last) {
			last = sg.At
		}
	}
	return last.UTC()
}

// hostName is the computer's name the PDF certificate carries.
func hostName() string {
	h, _ := os.Hostname()
	return pades.CleanHost(h)
}

// charterPDF renders revision rev of s and, when that revision carries a
// PDF signature, signs it with key (key is only read then; nil there is
// an internal error).
func charterPDF(s *workshop.Session, rev int, paper string, key *storage.InstallationKey) ([]byte, error) {
	r, err := s.Revision(rev)
	if err != nil {
		return nil, err
	}
	digital := carriesPDFSignature(r)
	data, err := report.CharterPDF(s, rev, report.PDFOptions{Paper: paper, DigitalSignature: digital, Version: version})
	if err != nil || !digital {
		return data, err
	}
	if key == nil {
		return nil, workshop.Errorf(workshop.KindInternal, "the PDF of revision %d is to be signed and there is no installation key", rev)
	}
	host := hostName()
	signed, err := pades.Sign(data, key.Private, pades.Options{
		Host:   host,
		Time:   pdfSigningTime(r),
		Name:   "Boussole — " + host,
		Reason: report.DigitalSignatureReason(r),
	})
	if err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, err, "the charter PDF could not be signed: %s", err)
	}
	return signed, nil
}

// exportKey returns the installation key that signs the PDF of revision
// rev of s, or nil when that PDF carries no digital signature. The key is
// read from its file without the store's lock; when there is none yet it
// is made (SigningKey, the store opened for writing).
func (c *cli) exportKey(s *workshop.Session, rev int) (*storage.InstallationKey, error) {
	r, err := s.Revision(rev)
	if err != nil || !carriesPDFSignature(r) {
		return nil, err
	}
	key, err := storage.ReadKey(c.dir)
	if err != nil || key != nil {
		return key, err
	}
	err = c.withStore(false, func(st *storage.Store) error {
		key, _, err = st.SigningKey()
		return err
	})
	return key, err
}

// maxSigner bounds the certificate name verify prints.
const maxSigner = 120

// verdict is what verify says: the seal check (report's sentence), then the
// PDF signature in plain words. good is true when both hold: the PDF is
// the signed revision as exported, and its digital signature is valid, made
// with a Boussole installation's certificate and covers the whole file (or
// it carries none, as revisions signed before installation keys do).
func verdict(l workshop.Lang, res report.VerifyResult, sig pades.Result, mine string) (msg string, good bool) {
	seal := res.Message(l)
	// French puts no-break spaces before its colons and semicolons; the
	// values filled in afterwards are left as they are.
	punct := func(s string) string {
		if l == workshop.FR {
			return workshop.FrenchPunctuation(s)
		}
		return s
	}
	var line string
	when := ""
	if !sig.Time.IsZero() {
		when = sig.Time.UTC().Format("2006-01-02 15:04 UTC")
	}
	who := func() string {
		// The certificate comes from the file: one line, shortened (the
		// terminal writer shows its control characters as escapes).
		signer := []rune(oneLine(sig.Signer))
		if len(signer) > maxSigner {
			signer = append(signer[:maxSigner-1], '…')
		}
		return fmt.Sprintf(punct(cliSay(l, "pdfsig.signer")), string(signer), sig.Fingerprint, when)
	}
	switch {
	case sig.Status == pades.None && res.Outcome == report.OutcomeMatch:
		line = punct(cliSay(l, "pdfsig.none.earlier"))
	case sig.Status == pades.None:
		line = punct(cliSay(l, "pdfsig.none"))
	case sig.Status == pades.Invalid && sig.Digest:
		line = punct(cliSay(l, "pdfsig.changed"))
	case sig.Status == pades.Invalid:
		line = punct(cliSay(l, "pdfsig.invalid"))
	case sig.Appended:
		line = fmt.Sprintf(punct(cliSay(l, "pdfsig.appended")), who())
	case sig.Fingerprint != "" && sig.Fingerprint == mine:
		line = fmt.Sprintf(punct(cliSay(l, "pdfsig.valid.here")), who())
	case !sig.Boussole:
		line = fmt.Sprintf(punct(cliSay(l, "pdfsig.valid.foreign")), who())
	default:
		line = fmt.Sprintf(punct(cliSay(l, "pdfsig.valid.other")), who())
	}
	if sig.Status == pades.Valid && !sig.Appended && res.Outcome == report.OutcomeUnknownSession {
		line += " " + punct(cliSay(l, "pdfsig.import"))
	}
	good = res.Outcome == report.OutcomeMatch && (sig.Status == pades.None || sig.Status == pades.Valid && sig.Boussole && !sig.Appended)
	return seal + "\n" + line, good
}
