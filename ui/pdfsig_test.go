package ui

import (
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// TestExportSaysWhatThePDFSignatureProves_Issue11_4: once a signed
// revision's PDF is written, the window says that it carries a digital
// signature made with this installation's key (its fingerprint, from the
// real store's key) and that the key proves the installation that sealed
// the charter, not each approver; a revision whose PDF carries none says
// so; a draft says nothing of it.
func TestExportSaysWhatThePDFSignatureProves_Issue11_4(t *testing.T) {
	env := newTestEnv(t)
	env.UI.d.PDFKey = func(s *workshop.Session, rev int) (string, error) {
		if r, _ := s.Revision(rev); r.Status != workshop.StatusSigned {
			return "", nil
		}
		k, _, err := env.Store.SigningKey()
		if err != nil {
			return "", err
		}
		return k.Fingerprint, nil
	}
	s, err := workshop.FromTemplate("net-retention", workshop.EN, "2027-Q1", env.Now)
	if err != nil {
		t.Fatal(err)
	}
	if note := env.UI.pdfSignatureNote(s, s.Current()); note != "" {
		t.Errorf("a draft's note: %q", note)
	}
	for _, p := range workshop.Approvers(&s.Current().Charter) {
		if err := s.Sign(p.Name, "", env.Now.Add(time.Hour), testSigner); err != nil {
			t.Fatal(err)
		}
	}
	key, _, err := env.Store.SigningKey()
	if err != nil {
		t.Fatal(err)
	}
	note := env.UI.pdfSignatureNote(s, s.Current())
	for _, want := range []string{"digital signature", key.Fingerprint, "proves which installation sealed the charter, not each approver's identity"} {
		if !strings.Contains(note, want) {
			t.Errorf("note %q lacks %q", note, want)
		}
	}
	path := tempFile(t, "charter.pdf")
	env.UI.exportNoted(path, func() ([]byte, string, error) { return []byte("%PDF-test"), note, nil })
	env.UI.Wait()
	if txt := renderedText(env.Win); !strings.Contains(txt, key.Fingerprint) || !strings.Contains(txt, "charter.pdf") {
		t.Errorf("the export dialog does not show the note: %q", txt)
	}

	env.UI.d.PDFKey = func(*workshop.Session, int) (string, error) { return "", nil }
	if note := env.UI.pdfSignatureNote(s, s.Current()); !strings.Contains(note, "carries no digital signature") {
		t.Errorf("a signed revision without a PDF signature: %q", note)
	}
}
