package report

import (
	"fmt"
	"strings"
	"testing"

	"boussole/workshop"
)

// megabyte is a text of about 1 MB made of words, starting and ending with
// markers so that a test can see it printed whole.
func megabyte(tag string) string {
	return tag + "Start " + strings.Repeat("lorem ipsum dolor ", 1<<20/18) + tag + "End"
}

// megabyteSession puts a 1 MB text in one field of a full charter.
func megabyteSession(t testing.TB, field string) *workshop.Session {
	s := fullSession(t, workshop.EN, false)
	c := &s.Current().Charter
	text := megabyte("Mega")
	switch field {
	case "title":
		c.Title = text
	case "statement":
		c.Intent.Statement = text
	case "objective title":
		c.Objectives[0].Title = text
	case "KPI name":
		c.KPIs[0].Name = text
	case "participant name":
		c.Participants[0].Name = text
	case "decision text":
		c.Decisions[0].Text = text
	case "KPI target":
		c.KPIs[0].Target = text
	case "one word":
		c.Objectives[1].Title = strings.Repeat("x", 1<<20)
	case "scope":
		c.Scope = text
	default:
		t.Fatalf("no field %q", field)
	}
	return s
}

// TestCharterPDF_MegabyteInAnyField_Issue7_8: a text of 1 MB in any field
// (the title, which the running header used to shorten one character at a
// time on every page; an objective title, which as the head of a roles
// column sent the table from page to page forever) exports, and a text
// that is defined in the field is printed whole. How fast is held by
// BenchmarkCharterPDF_MegabyteTitle.
func TestCharterPDF_MegabyteInAnyField_Issue7_8(t *testing.T) {
	t.Parallel() // the longest test of the package: its cases run beside the others
	for _, field := range []string{"title", "statement", "objective title", "KPI name", "participant name", "decision text", "KPI target", "one word", "scope"} {
		t.Run(field, func(t *testing.T) {
			t.Parallel()
			pdf := mustPDF(t, megabyteSession(t, field), 1, PDFOptions{})
			if field != "title" {
				return // reading back hundreds of pages costs seconds
			}
			text := pdftotext(t, pdf, 0)
			for _, m := range []string{"MegaStart", "MegaEnd"} {
				if !strings.Contains(text, m) {
					t.Errorf("the %s lacks %q in the PDF: text was lost", field, m)
				}
			}
		})
	}
}

// TestCharterPDF_LongObjectiveTitleInRolesHeader_Issue7_8: a 2,000-character
// objective title used to hang the roles table; its header is cut with "…"
// and the title is printed whole in its own section.
func TestCharterPDF_LongObjectiveTitleInRolesHeader_Issue7_8(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	c := &s.Current().Charter
	c.Objectives[0].Title = "RolesHead " + strings.Repeat("objective ", 200) + "TitleTail"
	text := pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0)
	if !strings.Contains(text, "TitleTail") {
		t.Error("the long objective title is not printed whole anywhere")
	}
	if !strings.Contains(text, "…") {
		t.Error("no shortened reference (…) in the PDF")
	}
}

// TestCharterPDF_RunningHeaderShortened_Issue7_8: the header of every page
// after the cover shows the start of a long title and "…", on one line.
func TestCharterPDF_RunningHeaderShortened_Issue7_8(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	s.Current().Charter.Title = "HeaderStart " + strings.Repeat("très long titre ", 400) + "\nsecond line"
	pdf := mustPDF(t, s, 1, PDFOptions{})
	page := pdftotext(t, pdf, 3)
	first, _, _ := strings.Cut(strings.TrimLeft(page, " \n\f"), "\n")
	if !strings.HasPrefix(first, "HeaderStart très long titre") || !strings.Contains(first, "…") {
		t.Errorf("running header of page 3 = %q, want the start of the title and …", first)
	}
}

// TestCharterPDF_HostileText_Issue7_8: right-to-left text, control
// characters and NUL never fail an export.
func TestCharterPDF_HostileText_Issue7_8(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	c := &s.Current().Charter
	c.Title = "\u202eטקסט מימין לשמאל\u202c عربي \x00\x1b[2J\x07 end"
	c.Intent.Statement = strings.Repeat("\x00\x01\x1b]0;owned\x07", 1000)
	c.Participants[0].Name = "\u200f\u202bאבג\u202c"
	mustPDF(t, s, 1, PDFOptions{})
}

// BenchmarkCharterPDF_MegabyteTitle: a charter whose title is 1 MB. Goal:
// under 1 s (issue 7, item 8).
func BenchmarkCharterPDF_MegabyteTitle(b *testing.B) {
	s := megabyteSession(b, "title")
	b.ResetTimer()
	for b.Loop() {
		if _, err := CharterPDF(s, 1, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCharterPDF_40People5Objectives60Decisions: 40 participants, 5
// objectives whose texts are 2,000 characters, 60 decision-log entries.
// Goal: under 100 ms (issue 7).
func BenchmarkCharterPDF_40People5Objectives60Decisions(b *testing.B) {
	s := fullSession(b, workshop.FR, false)
	c := &s.Current().Charter
	long := func(tag string) string {
		return strings.Join(words(tag, 400), " ")[:2000]
	}
	c.Participants = nil
	for i := range 40 {
		c.Participants = append(c.Participants, workshop.Participant{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Personne %02d Éloïse", i),
			Function: workshop.Functions[i%len(workshop.Functions)], Email: fmt.Sprintf("p%d@example.com", i)})
	}
	c.Objectives = nil
	c.Roles = nil
	for i := range 5 {
		id := fmt.Sprintf("o%d", i+1)
		c.Objectives = append(c.Objectives, workshop.Objective{ID: id, Title: fmt.Sprintf("Objectif %d", i+1),
			Specific: long("spec"), Achievable: long("ach"), Relevant: long("rel"), Deadline: "2027-03-31",
			SideEffects: []workshop.SideEffect{{ID: "s" + id, Description: long("side")}}})
		for j, p := range c.Participants {
			c.Roles = append(c.Roles, workshop.Assignment{ParticipantID: p.ID, ObjectiveID: id, Role: workshop.Roles[j%4]})
		}
	}
	for k := range c.KPIs {
		c.KPIs[k].Objectives = []string{"o1"}
	}
	c.Decisions = nil
	for i := range 60 {
		c.Decisions = append(c.Decisions, workshop.Decision{ID: fmt.Sprintf("d%d", i), Date: "2027-01-02", Type: workshop.DecisionTypes[i%4],
			Text: fmt.Sprintf("Décision %d : on garde le cap", i), Author: "Personne 01 Éloïse", LinkID: "o1"})
	}
	if _, err := CharterPDF(s, 1, PDFOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := CharterPDF(s, 1, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify_MegabyteTitle: verifying the PDF of a signed charter
// whose title is 1 MB (a re-render and a byte comparison). Goal: under 1 s
// (issue 7, item 8).
func BenchmarkVerify_MegabyteTitle(b *testing.B) {
	s := megabyteSession(b, "title")
	sign(b, s)
	pdf, err := CharterPDF(s, 1, PDFOptions{})
	if err != nil {
		b.Fatal(err)
	}
	get := func(string) (*workshop.Session, error) { return s, nil }
	b.ResetTimer()
	for b.Loop() {
		if res := Verify(pdf, get); res.Outcome != OutcomeMatch {
			b.Fatalf("outcome %s: %s", res.Outcome, res.Detail)
		}
	}
}
