package storage

import (
	"strings"
	"testing"

	"boussole/report"
	"boussole/workshop"
)

// addHostileSeeds adds to FuzzDecode sessions whose texts attack the
// exports: control characters and a CR/LF in an e-mail (ICS forging),
// right-to-left text, formulas behind blanks (CSV) and long texts.
func addHostileSeeds(f *testing.F) {
	s := richSession("00000000000000aa")
	c := &s.Revisions[0].Charter
	c.Title = "\u202eטקסט\u202c \x00\x1b]0;owned\x07 " + strings.Repeat("titre long ", 400)
	if len(c.Participants) > 0 {
		c.Participants[0].Email = "a@example.com\r\nATTENDEE;ROLE=CHAIR:mailto:evil@example.com"
		c.Participants[0].Name = "Ève\r\n\x1b[2J"
	}
	if len(c.KPIs) > 0 {
		c.KPIs[0].Source = " =cmd|' /C calc'!A0"
		c.KPIs[0].Name = "\t@SUM(1)" + strings.Repeat("x", 3000)
	}
	if len(c.Objectives) > 0 {
		c.Objectives[0].Title = strings.Repeat("objectif ", 300)
	}
	// Revision 1 stays signed: its seal and signature follow the new text.
	seal := workshop.Seal(c)
	s.Revisions[0].Seal = seal
	for i := range s.Revisions[0].Signatures {
		s.Revisions[0].Signatures[i].Seal = seal
		if err := workshop.SignSignature(1, &s.Revisions[0].Signatures[i], testKey); err != nil {
			f.Fatal(err)
		}
	}
	data, err := Export(s)
	if err != nil {
		f.Fatalf("the hostile seed does not export: %v", err)
	}
	f.Add(data)
}

// exportsAndVerifies runs a decoded session through every export: each
// revision renders as PDF and CSV without failing, the calendar either
// renders or is refused as invalid input (a bad time, an e-mail that is not
// an address), nothing panics, and verify recognises each PDF: a match for
// a signed revision whose content matches its seal, a draft otherwise.
func exportsAndVerifies(t *testing.T, s *workshop.Session) {
	get := func(id string) (*workshop.Session, error) {
		if id == s.ID {
			return s, nil
		}
		return nil, workshop.Errorf(workshop.KindNotFound, "no session %s", id)
	}
	for _, r := range s.Revisions {
		pdf, err := report.CharterPDF(s, r.Number, report.PDFOptions{})
		if err != nil {
			t.Fatalf("revision %d does not export as PDF: %v", r.Number, err)
		}
		if _, err := report.KPICSV(s, r.Number); err != nil {
			t.Fatalf("revision %d does not export as CSV: %v", r.Number, err)
		}
		if ics, err := report.RitualsICS(s, r.Number); err != nil {
			if workshop.KindOf(err) != workshop.KindInvalid {
				t.Fatalf("revision %d: calendar fails with kind %s: %v", r.Number, workshop.KindOf(err), err)
			}
		} else {
			for line := range strings.SplitSeq(strings.TrimSuffix(string(ics), "\r\n"), "\r\n") {
				if len(line) > 75 || strings.ContainsAny(line, "\r\n\x00\x1b") {
					t.Fatalf("revision %d: raw calendar line %q", r.Number, line)
				}
			}
		}
		res := report.Verify(pdf, get)
		switch {
		case r.Status != workshop.StatusSigned:
			if res.Outcome != report.OutcomeDraft {
				t.Fatalf("draft revision %d verifies as %s (%s)", r.Number, res.Outcome, res.Detail)
			}
		case workshop.Seal(&r.Charter) == r.Seal:
			if res.Outcome != report.OutcomeMatch {
				t.Fatalf("signed revision %d verifies as %s (%s)", r.Number, res.Outcome, res.Detail)
			}
		case res.Outcome == report.OutcomeMatch:
			t.Fatalf("revision %d matches although its content no longer matches its seal", r.Number)
		}
		_ = res.Message(workshop.FR)
	}
}
