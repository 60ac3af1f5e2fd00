package report

import (
	"strings"
	"testing"

	"boussole/workshop"
)

// TestPDFSaysWhatItsDigitalSignatureProves_Issue11_4: the page of a signed
// revision to be signed says that the key proves the installation that
// sealed the charter, not each approver; one rendered without a digital
// signature (signed before installation keys) says it carries none; a
// draft says neither. In both languages.
func TestPDFSaysWhatItsDigitalSignatureProves_Issue11_4(t *testing.T) {
	want := map[workshop.Lang][2]string{
		workshop.EN: {"It proves which installation sealed the charter and that no byte has changed since; it does not prove each approver’s identity.",
			"This PDF carries no digital signature: this revision was signed with an earlier version of Boussole, before installation keys."},
		workshop.FR: {"Elle prouve quelle installation a scellé la charte et qu’aucun octet n’a changé depuis\u00a0; elle ne prouve pas l’identité de chaque approbateur.",
			"Ce PDF ne porte pas de signature numérique\u00a0: cette révision a été signée avec une version antérieure de Boussole, avant les clés d’installation."},
	}
	for l, w := range want {
		signed := fullSession(t, l, true)
		digital := flat(pdftotext(t, mustPDF(t, signed, 1, PDFOptions{DigitalSignature: true}), 0))
		earlier := flat(pdftotext(t, mustPDF(t, signed, 1, PDFOptions{}), 0))
		draft := flat(pdftotext(t, mustPDF(t, fullSession(t, l, false), 1, PDFOptions{DigitalSignature: true}), 0))
		if !strings.Contains(digital, flat(w[0])) || strings.Contains(digital, flat(w[1])) {
			t.Errorf("%s: the PDF to be signed does not say what its signature proves:\n%s", l, tail(digital))
		}
		if !strings.Contains(earlier, flat(w[1])) || strings.Contains(earlier, flat(w[0])) {
			t.Errorf("%s: the PDF without a digital signature does not say so:\n%s", l, tail(earlier))
		}
		if strings.Contains(draft, flat(w[0])) || strings.Contains(draft, flat(w[1])) {
			t.Errorf("%s: a draft speaks of a digital signature", l)
		}
		if r := DigitalSignatureReason(signed.Current()); !strings.Contains(r, signed.Current().Seal) {
			t.Errorf("%s: /Reason %q does not name the seal", l, r)
		}
	}
}

// TestVerifySignedComparesTheBytesBeforeTheSignature_Issue11_5: the bytes
// before a signature's update are compared with the charter rendered to be
// signed; the same bytes given as unsigned do not match (the page differs).
func TestVerifySignedComparesTheBytesBeforeTheSignature_Issue11_5(t *testing.T) {
	s := fullSession(t, workshop.EN, true)
	pdf := mustPDF(t, s, 1, PDFOptions{DigitalSignature: true})
	withUpdate := append(append([]byte(nil), pdf...), "1 0 obj\n<<>>\nendobj\n"...)
	if res := VerifySigned(withUpdate, pdf, store(s)); res.Outcome != OutcomeMatch {
		t.Errorf("VerifySigned: %s (%s)", res.Outcome, res.Detail)
	}
	if res := Verify(pdf, store(s)); res.Outcome != OutcomeMismatch {
		t.Errorf("a PDF rendered to be signed, verified as unsigned: %s", res.Outcome)
	}
}

func tail(s string) string { return s[max(0, len(s)-600):] }
