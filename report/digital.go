package report

import "boussole/workshop"

// DigitalSignatureReason is the /Reason of a signed revision's PDF
// signature, in the charter's language, as a PDF reader's signature panel
// shows it: the revision and its seal (not the title, which may be long or
// hold anything).
func DigitalSignatureReason(r *workshop.Revision) string {
	l := r.Charter.Lang
	if !l.Valid() {
		l = workshop.EN
	}
	return tr(l, "sig.pdfReason", r.Number, r.Seal)
}
