package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"boussole/workshop"
)

// store is a map-backed lookup, as the CLI's store.Get would be.
func store(ss ...*workshop.Session) func(string) (*workshop.Session, error) {
	return func(id string) (*workshop.Session, error) {
		for _, s := range ss {
			if s.ID == id {
				return s, nil
			}
		}
		return nil, workshop.Errorf(workshop.KindNotFound, "session %s not found", id)
	}
}

func TestVerify_UntouchedSignedExportMatches(t *testing.T) {
	s := fullSession(t, workshop.EN, true)
	pdf := mustPDF(t, s, 1, PDFOptions{Paper: "Letter"})
	res := Verify(pdf, store(s))
	if res.Outcome != OutcomeMatch {
		t.Fatalf("outcome %q (%s), want match", res.Outcome, res.Detail)
	}
	if res.Revision != 1 || res.SessionID != s.ID || res.Seal != s.Current().Seal || len(res.Signatures) != 1 || res.Title != s.Current().Charter.Title {
		t.Errorf("result %+v", res)
	}
	msg := res.Message(workshop.EN)
	want := "Match: “Improve retention — a shared effort”, revision 1, signed by Amélie Durand (2027-01-03). Seal " + s.Current().Seal + "."
	if msg != want {
		t.Errorf("message %q, want %q", msg, want)
	}
	if fr := res.Message(workshop.FR); !strings.HasPrefix(fr, "Conforme\u00a0: “Improve") && !strings.HasPrefix(fr, "Conforme\u00a0: «") {
		t.Errorf("French message %q", fr)
	}
}

func TestVerify_LateDecisionsKeepTheMatch(t *testing.T) {
	s := fullSession(t, workshop.FR, true)
	if err := s.AppendDecision(workshop.Decision{ID: "l1", Date: "2027-01-20", Type: workshop.DecisionResult, Text: "Mesure de janvier", Author: "Bruno Œhler"}, fixedNow); err != nil {
		t.Fatal(err)
	}
	pdf := mustPDF(t, s, 1, PDFOptions{})
	if !bytes.Contains(pdf, []byte("late=1 layout=")) {
		t.Fatal("the stamp does not count the late entry")
	}
	// Another entry appended after this export: the PDF still matches
	// what it printed.
	if err := s.AppendDecision(workshop.Decision{ID: "l2", Date: "2027-02-20", Type: workshop.DecisionResult, Text: "Mesure de février", Author: "Bruno Œhler"}, fixedNow); err != nil {
		t.Fatal(err)
	}
	if res := Verify(pdf, store(s)); res.Outcome != OutcomeMatch {
		t.Errorf("outcome %q (%s), want match", res.Outcome, res.Detail)
	}
}

func TestVerify_AlteredTargetIsAMismatch(t *testing.T) {
	s := fullSession(t, workshop.EN, true)
	// The forger re-renders the charter with another target but keeps the
	// stamp (same session, revision and seal).
	forged := fullSession(t, workshop.EN, true)
	forged.Current().Charter.KPIs[0].Target = "150"
	pdf := mustPDF(t, forged, 1, PDFOptions{})
	if !strings.Contains(pdftotext(t, pdf, 0), "150") {
		t.Fatal("the forged PDF does not show the altered target")
	}
	res := Verify(pdf, store(s))
	if res.Outcome != OutcomeMismatch {
		t.Fatalf("outcome %q, want mismatch", res.Outcome)
	}
	seal := s.Current().Seal
	if msg := res.Message(workshop.EN); msg != "Not the exported file: this PDF is not, byte for byte, the file Boussole exported for revision 1 of “Improve retention — a shared effort”, "+
		"so its content cannot be vouched for (another program may have re-saved it, or it was altered). Its stamp names revision 1, signed in this data by Amélie Durand; "+
		"the seal of that revision in this data is "+seal+". Ask for the original file to verify it." {
		t.Errorf("message %q", msg)
	}
	if msg := res.Message(workshop.FR); !strings.Contains(msg, "octet pour octet") || !strings.Contains(msg, seal) || !strings.Contains(msg, "Demandez le fichier original") {
		t.Errorf("message %q", msg)
	}
	// Flipping one byte of the genuine file is a mismatch too.
	good := mustPDF(t, s, 1, PDFOptions{})
	bad := append([]byte(nil), good...)
	i := bytes.Index(bad, []byte("/Creator"))
	bad[i+10] ^= 1
	if res := Verify(bad, store(s)); res.Outcome != OutcomeMismatch {
		t.Errorf("flipped byte: outcome %q", res.Outcome)
	}
}

func TestVerify_StoredContentChangedBehindTheSeal(t *testing.T) {
	s := fullSession(t, workshop.EN, true)
	pdf := mustPDF(t, s, 1, PDFOptions{})
	s.Current().Charter.KPIs[0].Alert = "90" // edited in the store without re-sealing
	res := Verify(pdf, store(s))
	if res.Outcome != OutcomeMismatch || !strings.Contains(res.Message(workshop.EN), "no longer matches its seal") {
		t.Errorf("outcome %q, message %q", res.Outcome, res.Message(workshop.EN))
	}
}

func TestVerify_DraftUnknownAndForeign(t *testing.T) {
	s := fullSession(t, workshop.FR, false)
	draft := mustPDF(t, s, 1, PDFOptions{})
	res := Verify(draft, store(s))
	if res.Outcome != OutcomeDraft || res.Revision != 1 {
		t.Errorf("draft: %+v", res)
	}
	if !strings.Contains(res.Message(workshop.FR), "brouillon") {
		t.Errorf("draft message %q", res.Message(workshop.FR))
	}

	signed := mustPDF(t, fullSession(t, workshop.FR, true), 1, PDFOptions{})
	if res := Verify(signed, store()); res.Outcome != OutcomeUnknownSession || res.SessionID != "0123456789abcdef" {
		t.Errorf("unknown session: %+v", res)
	}

	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.Cell(40, 10, "Hello")
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	res = Verify(buf.Bytes(), store(s))
	if res.Outcome != OutcomeNotBoussole {
		t.Errorf("foreign PDF: %+v", res)
	}
	if res.Message(workshop.EN) != "This file is a PDF but not a charter exported by Boussole: it carries no Boussole stamp." {
		t.Errorf("message %q", res.Message(workshop.EN))
	}
	for _, data := range [][]byte{nil, []byte("hello"), {0xff, 0xd8, 0xff, 0xe0}, bytes.Repeat([]byte{0}, 4096)} {
		if res := Verify(data, store(s)); res.Outcome != OutcomeNotPDF || res.Message(workshop.EN) != "This file is not a PDF." {
			t.Errorf("%.10q: %+v", data, res)
		}
	}
}

// TestVerify_EarlierLayoutSaysSo_Issue10_3: a PDF whose stamp names
// another page layout (one exported before the layout changed) cannot be
// compared byte for byte: verify says so, never "match", and never that
// the file was altered; a stamp without "layout=" is layout 1.
func TestVerify_EarlierLayoutSaysSo_Issue10_3(t *testing.T) {
	s := fullSession(t, workshop.EN, true)
	pdf := mustPDF(t, s, 1, PDFOptions{})
	for _, old := range [][]byte{
		bytes.Replace(pdf, fmt.Appendf(nil, " layout=%d)", LayoutVersion), []byte(")          "), 1),
		bytes.Replace(pdf, fmt.Appendf(nil, " layout=%d)", LayoutVersion), []byte(" layout=1)"), 1),
	} {
		if bytes.Equal(old, pdf) {
			t.Fatal("no layout in the stamp")
		}
		res := Verify(old, store(s))
		if res.Outcome != OutcomeMismatch || res.why != whyLayout {
			t.Fatalf("outcome %q/%q (%s), want a mismatch of layout", res.Outcome, res.why, res.Detail)
		}
		if msg := res.Message(workshop.EN); !strings.HasPrefix(msg, "Other version: ") || !strings.Contains(msg, "cannot be vouched for") || !strings.Contains(msg, s.Current().Seal) {
			t.Errorf("message %q", msg)
		}
		if msg := res.Message(workshop.FR); !strings.HasPrefix(msg, "Autre version\u00a0: ") || !strings.Contains(msg, "Exportez de nouveau") {
			t.Errorf("message %q", msg)
		}
	}
}
