package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// TestPDFCreatorNamesBoussoleAndVersion_Issue10_10: pdfinfo's Creator (and
// Producer) name Boussole and the version the caller passes; a version that
// cannot be written as plain ASCII is refused with a message naming it; a
// signed PDF exported with a version verifies.
func TestPDFCreatorNamesBoussoleAndVersion_Issue10_10(t *testing.T) {
	s := fullSession(t, workshop.EN, true)
	pdf := mustPDF(t, s, 1, PDFOptions{Version: "0.1.0"})
	info := pdfinfo(t, pdf)
	if info["Creator"] != "Boussole 0.1.0" || info["Producer"] != "Boussole 0.1.0" {
		t.Errorf("Creator %q, Producer %q, want Boussole 0.1.0", info["Creator"], info["Producer"])
	}
	if got := pdfinfo(t, mustPDF(t, s, 1, PDFOptions{}))["Creator"]; got != "Boussole" {
		t.Errorf("no version: Creator %q", got)
	}
	if res := Verify(pdf, store(s)); res.Outcome != OutcomeMatch {
		t.Errorf("a PDF exported with a version: %s (%s)", res.Outcome, res.Detail)
	}
	if res := Verify(mustPDF(t, s, 1, PDFOptions{Version: "1.2.3-rc.1+abc def"}), store(s)); res.Outcome != OutcomeMatch {
		t.Errorf("a PDF exported by another version: %s (%s)", res.Outcome, res.Detail)
	}
	for _, bad := range []string{"1.0 (beta)", "1.0\\", "é", "1\n2", strings.Repeat("9", 65)} {
		_, err := CharterPDF(s, 1, PDFOptions{Version: bad})
		if workshop.KindOf(err) != workshop.KindInvalid || !strings.Contains(workshop.Message(err), "version") {
			t.Errorf("version %q: err %v, want KindInvalid naming the version", bad, err)
		}
	}
}

// TestPDFChangeListShowsTextsWhole_Issue10_7: an objective renamed with a
// long title is listed with its old and new titles whole, each on its own
// lines, where the list used to cut them at the change.
func TestPDFChangeListShowsTextsWhole_Issue10_7(t *testing.T) {
	for _, l := range []workshop.Lang{workshop.EN, workshop.FR} {
		s := fullSession(t, l, true)
		if err := s.Amend("Rename the first objective", fixedNow.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		long := "Generate qualified pipeline in the top 50 target accounts through ABM (revised after the January review with finance)"
		if err := s.Edit(fixedNow.Add(2*time.Hour), func(c *workshop.Charter) {
			c.Objectives[0].Title = long
			c.KPIs[0].Target = "112"
		}); err != nil {
			t.Fatal(err)
		}
		text := flat(pdftotext(t, mustPDF(t, s, 2, PDFOptions{}), 0))
		labels := map[workshop.Lang][2]string{workshop.EN: {"Before: ", "After: "}, workshop.FR: {"Avant : ", "Après : "}}[l]
		before, after := labels[0], labels[1]
		old := s.Revisions[0].Charter.Objectives[0].Title
		for _, want := range []string{before + workshop.Quote(l, old), after + workshop.Quote(l, long)} {
			if !strings.Contains(text, flat(want)) {
				t.Errorf("%s: the change list lacks %q", l, want)
			}
		}
		if strings.Contains(text, "…") {
			t.Errorf("%s: a text is cut in the change list", l)
		}
		// A short change keeps its one line.
		if want := map[workshop.Lang]string{workshop.EN: "NRR: target 110% → 112%", workshop.FR: "NRR : cible 110 % → 112 %"}[l]; !strings.Contains(text, flat(sanitize(want))) {
			t.Errorf("%s: the change list lacks %q", l, want)
		}
	}
}

// TestPDFWatermarkNotText_Issue10_8: the draft watermark is drawn as
// outlines, so pdftotext reads no "DR"/"AFT" (or "BROUILL"/"ON") fragment
// anywhere and the mark exactly once per page: the badge's.
func TestPDFWatermarkNotText_Issue10_8(t *testing.T) {
	for _, tc := range []struct {
		l    workshop.Lang
		mark string
	}{{workshop.EN, "DRAFT"}, {workshop.FR, "BROUILLON"}} {
		pdf := mustPDF(t, fullSession(t, tc.l, false), 1, PDFOptions{})
		qpdfCheck(t, pdf) // the outlines are well-formed paths
		pages := splitPages(pdftotextLayout(t, pdf, 0))
		if n := pageCount(t, pdf); n != len(pages)-1 {
			t.Fatalf("%d pages, pdftotext read %d", n, len(pages)-1)
		}
		for p := 1; p < len(pages); p++ {
			text := pages[p]
			count := 0
			for word := range strings.FieldsSeq(text) {
				switch {
				case word == tc.mark:
					count++
				case len(word) >= 2 && strings.Contains(tc.mark, word):
					t.Errorf("%s page %d: a fragment %q of the watermark is read as text", tc.l, p, word)
				}
			}
			if count != 1 {
				t.Errorf("%s page %d: %s read %d times, want once (the badge)", tc.l, p, tc.mark, count)
			}
		}
	}
}

// templateSessions is every template charter in both languages, as a draft
// and signed by its approvers.
func templateSessions(t *testing.T) map[string]*workshop.Session {
	t.Helper()
	out := map[string]*workshop.Session{}
	for _, info := range workshop.Templates() {
		for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
			for _, signed := range []bool{false, true} {
				s, err := workshop.FromTemplate(info.ID, l, "2027-Q1", fixedNow)
				if err != nil {
					t.Fatalf("%s %s: %v", info.ID, l, err)
				}
				name := info.ID + "/" + string(l) + "/draft"
				if signed {
					sign(t, s)
					name = info.ID + "/" + string(l) + "/signed"
				}
				out[name] = s
			}
		}
	}
	return out
}

// sectionTitles are the numbered section headings of a charter as printed.
func sectionTitles(l workshop.Lang, amended bool) []string {
	keys := []string{"sec.intent", "sec.objectives", "sec.kpis", "sec.roles", "sec.cascade", "sec.rituals", "sec.incentives", "sec.log"}
	if amended {
		keys = append(keys, "sec.changes")
	}
	keys = append(keys, "sec.signatures")
	out := make([]string, len(keys))
	for i, k := range keys {
		if k == "sec.changes" {
			out[i] = fmt.Sprintf("%d. %s", i+1, tr(l, k, 1))
			continue
		}
		out[i] = fmt.Sprintf("%d. %s", i+1, tr(l, k))
	}
	return out
}

// bodyLinesAfter counts the non-blank lines that follow the line holding
// heading on a page read with pdftotext, the footer excluded.
func bodyLinesAfter(page, heading string) (int, bool) {
	lines := strings.Split(page, "\n")
	for i, line := range lines {
		if strings.TrimSpace(flat(line)) != flat(heading) {
			continue
		}
		n := 0
		for _, rest := range lines[i+1:] {
			if strings.Contains(rest, " · ") && strings.Contains(rest, " / ") {
				break // the footer
			}
			if strings.TrimSpace(rest) != "" {
				n++
			}
		}
		return n, true
	}
	return 0, false
}

// TestPDFNoNearEmptyPages_Issue10_3: in the four templates (blank
// included), both languages, both papers, draft and signed, every page but
// the last holds at least 60 words as `pdftotext -f N -l N - | wc -w`
// counts them (header and footer included); no section heading ends a
// page (its first line follows it on its page); an objective's block,
// from its heading to its deadline, is on one page; the roles table is not
// split.
func TestPDFNoNearEmptyPages_Issue10_3(t *testing.T) {
	for name, s := range templateSessions(t) {
		c := &s.Current().Charter
		for _, paper := range []string{"A4", "Letter"} {
			t.Run(name+"/"+paper, func(t *testing.T) {
				t.Parallel()
				noNearEmptyPage(t, c, mustPDF(t, s, 1, PDFOptions{Paper: paper}))
			})
		}
	}
}

// splitPages cuts pdftotext's output at its form feeds: page p is [p]
// (pdftotext ends every page with one).
func splitPages(text string) []string {
	return append([]string{""}, strings.Split(strings.TrimSuffix(text, "\f"), "\f")...)
}

// noNearEmptyPage checks the pages of one charter PDF (see
// TestPDFNoNearEmptyPages_Issue10_3).
func noNearEmptyPage(t *testing.T, c *workshop.Charter, pdf []byte) {
	// One pdftotext run for all pages, cut at its form feeds, counts
	// what `pdftotext -f N -l N - | wc -w` counts for page N.
	plain := splitPages(pdftotext(t, pdf, 0))
	pages, n := plain, len(plain)-1
	for p := 1; p <= n; p++ {
		if words := len(strings.Fields(plain[p])); p < n && words < 60 {
			t.Errorf("page %d of %d holds %d words", p, n, words)
		}
	}
	for _, h := range sectionTitles(c.Lang, false) {
		found := false
		for p := 1; p <= n && !found; p++ {
			if after, ok := bodyLinesAfter(pages[p], h); ok {
				found = true
				if after < 1 {
					t.Errorf("heading %q ends page %d (%d lines after it)", h, p, after)
				}
			}
		}
		if !found {
			t.Errorf("heading %q not found", h)
		}
	}
	deadline := flat(tr(c.Lang, "obj.T"))
	for i := range c.Objectives {
		head := fmt.Sprintf("2.%d ", i+1)
		for p := 1; p <= n; p++ {
			at := strings.Index(flat(pages[p]), head+flat(sanitize(c.Objectives[i].Title))[:10])
			if at < 0 {
				continue
			}
			if !strings.Contains(flat(pages[p])[at:], deadline) {
				t.Errorf("objective %d starts on page %d and ends on another", i+1, p)
			}
		}
	}
	if len(c.Roles) > 0 {
		rolesPage := 0
		for p := 1; p <= n; p++ {
			if strings.Contains(flat(pages[p]), flat(sectionTitles(c.Lang, false)[3])) {
				rolesPage = p
			}
		}
		for _, pt := range c.Participants {
			if !strings.Contains(flat(pages[rolesPage]), flat(pt.Name)) {
				t.Errorf("the roles table is split: %s is not on page %d with its heading", pt.Name, rolesPage)
			}
		}
	}
}

// TestPDFKPISectionStartsOnCurrentPage_Issue10_3: a charter with one
// objective and one KPI prints the KPI section on the page of the
// objectives, not on a page of its own.
func TestPDFKPISectionStartsOnCurrentPage_Issue10_3(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	c := &s.Current().Charter
	c.Objectives = c.Objectives[:1]
	c.KPIs = c.KPIs[:1]
	c.Cascades, c.Roles = nil, nil
	c.Objectives[0].SideEffects[0].GuardrailID = ""
	pdf := mustPDF(t, s, 1, PDFOptions{})
	for p, text := range splitPages(pdftotext(t, pdf, 0)) {
		text = flat(text)
		if strings.Contains(text, "2. Collective objectives") && !strings.Contains(text, "3. KPIs and thresholds") {
			t.Errorf("page %d: the KPI section does not start on the objectives' page", p)
		}
	}
}

// TestPDFCoverIsOnePageCharter_Issue10_4: the cover gives each objective
// with its pilot and its KPIs' baseline → target (alert) — for a level to
// hold, "baseline, to stay ≥ target" —, in both languages; the detail
// follows on the next pages.
func TestPDFCoverIsOnePageCharter_Issue10_4(t *testing.T) {
	for _, l := range []workshop.Lang{workshop.EN, workshop.FR} {
		s, err := workshop.FromTemplate("net-retention", l, "2027-Q1", fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		c := &s.Current().Charter
		cover := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 1))
		for i, o := range c.Objectives {
			if !strings.Contains(cover, fmt.Sprintf("%d. %s", i+1, flat(o.Title))) {
				t.Errorf("%s: the cover lacks objective %q", l, o.Title)
			}
			var pilot string
			for _, a := range c.Roles {
				if a.ObjectiveID == o.ID && a.Role == workshop.RolePilot {
					pilot = workshop.ByID(c.Participants, a.ParticipantID).Name
				}
			}
			if want := flat(tr(l, "cover.pilot") + workshop.Colon(l) + pilot); pilot == "" || !strings.Contains(cover, want) {
				t.Errorf("%s: the cover lacks %q", l, want)
			}
			for _, k := range c.KPIs {
				if !slices.Contains(k.Objectives, o.ID) {
					continue
				}
				name := k.Name
				if k.Guardrail {
					name += " (" + tr(l, "kpi.guardrail") + ")"
				}
				values := withUnit(l, k.Baseline, k.Unit) + " → " + withUnit(l, k.Target, k.Unit)
				if k.TargetType.Holds() { // a level to hold, never an arrow down to it
					values = withUnit(l, k.Baseline, k.Unit) + map[workshop.Lang]string{workshop.EN: ", to stay ", workshop.FR: ", à maintenir "}[l] +
						map[bool]string{true: "≥", false: "≤"}[k.TargetType == workshop.StayAtOrAbove] + workshop.NBSP + withUnit(l, k.Target, k.Unit)
				}
				want := name + workshop.Colon(l) + values + " (" + tr(l, "cover.alert", withUnit(l, k.Alert, k.Unit)) + ")"
				if !strings.Contains(cover, flat(sanitize(want))) {
					t.Errorf("%s: the cover lacks %q", l, want)
				}
			}
		}
		if strings.Contains(cover, "1. "+tr(l, "sec.intent")) {
			t.Errorf("%s: a template charter's intent starts on the cover", l)
		}
	}
}

// TestPDFCoverScopeEllipsis_Issue10_5: a scope too long for the cover's
// band ends there with "…" after a whole word, and is printed in full in
// the key facts below.
func TestPDFCoverScopeEllipsis_Issue10_5(t *testing.T) {
	for _, l := range []workshop.Lang{workshop.EN, workshop.FR} {
		s := fullSession(t, l, false)
		c := &s.Current().Charter
		c.Scope = strings.Repeat("Customer success and account management across the mid-market and enterprise installed base, ", 4) + "ScopeEnd"
		pdf := mustPDF(t, s, 1, PDFOptions{})
		cover := splitPages(pdftotextLayout(t, pdf, 0))[1]
		var band string
		for line := range strings.SplitSeq(cover, "\n") {
			if strings.HasSuffix(strings.TrimSpace(line), "…") {
				band = strings.TrimSpace(line)
				break
			}
		}
		if band == "" {
			t.Fatalf("%s: no scope line ends with …:\n%s", l, cover)
		}
		// The band's lines joined: the scope up to a word boundary.
		idx := strings.Index(flat(cover), flat(strings.TrimSuffix(band, "…")))
		shown := flat(cover)[:idx] + flat(strings.TrimSuffix(band, "…"))
		start := strings.Index(shown, "Customer success")
		shown = shown[start:]
		if !strings.HasPrefix(flat(c.Scope), shown) || flat(c.Scope)[len(shown)] != ' ' {
			t.Errorf("%s: the band's scope %q does not end at a word boundary", l, shown)
		}
		if !strings.Contains(flat(pdftotext(t, pdf, 0)), "installed base, ScopeEnd") {
			t.Errorf("%s: the full scope is not printed", l)
		}
	}
}

// TestPDFTableCellsBreakAtSpacesAndHyphens_Issue10_6: the KPI table of
// every template prints its headers and words whole (no "Baselin|e", no
// "thresho|ld"); a column too narrow for a word of fewer than 12 letters
// gets a smaller font instead of splitting it.
func TestPDFTableCellsBreakAtSpacesAndHyphens_Issue10_6(t *testing.T) {
	for name, s := range templateSessions(t) {
		if strings.HasSuffix(name, "/signed") {
			continue
		}
		c := &s.Current().Charter
		l := c.Lang
		if len(c.KPIs) == 0 {
			continue
		}
		text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
		var want []string
		for _, key := range []string{"kpi.name", "kpi.kind", "kpi.type", "kpi.baseline", "kpi.target", "kpi.alert", "kpi.freq", "kpi.source", "kpi.owner"} {
			want = append(want, strings.Fields(tr(l, key))...)
		}
		for _, k := range c.KPIs {
			want = append(want, strings.Fields(k.Source)...)
			want = append(want, strings.Fields(k.Owner)...)
			want = append(want, strings.Fields(workshop.Label(l, string(k.TargetType)))...)
		}
		for _, word := range want {
			word = strings.Trim(word, "(),;.")
			if len([]rune(word)) < 12 && !strings.ContainsAny(word, "-/") && word != "" && !strings.Contains(text, word) {
				t.Errorf("%s: the word %q is split in the PDF", name, word)
			}
		}
	}
}

func TestWrapBreaksAtSpacesAndHyphens_Issue10_6(t *testing.T) {
	w := testWriter(t)
	w.font("", 8)
	width := w.measure("threshold") + 0.5
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"alert threshold", []string{"alert", "threshold"}},
		{"customer-success team", []string{"customer-", "success", "team"}},
		{"thresholds", []string{"thresholds"}}, // 10 letters: never split, even when too wide
		{"a\n\nb", []string{"a", "", "b"}},
		{"", []string{""}},
	} {
		if got := w.wrap(tc.in, width); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A word of 12 letters or more is split where the line ends.
	got := w.wrap("Internationalisation", width)
	if len(got) < 2 || strings.Join(got, "") != "Internationalisation" {
		t.Errorf("long word: %q", got)
	}
	for _, line := range got {
		if w.measure(line) > width {
			t.Errorf("long word: line %q wider than the column", line)
		}
	}
	// Columns too narrow for "thresholds" at 8 pt (twelve of them, no
	// room to widen any) get a smaller font, and the word stays whole.
	var cols []column
	var row []string
	for range 12 {
		cols = append(cols, column{"Alert threshold", 1, "L", false})
		row = append(row, "thresholds")
	}
	lay := w.layoutTable(cols, [][]string{row}, tableStyle{pt: 8, header: true})
	for i := range cols {
		if lay.pts[i] >= 8 {
			t.Errorf("narrow column %d kept its font size %v", i, lay.pts[i])
		}
		for _, line := range append(lay.header[i], lay.cells[0][i]...) {
			if line != "Alert" && line != "threshold" && line != "thresholds" {
				t.Errorf("narrow column %d: line %q", i, line)
			}
		}
	}
}

// TestPDFTypographyUnitsAndAgendaAlerts_Issue10_9: an English charter
// writes "20%" and "€60,000", a French one "20 %" with a no-break space;
// the KPI table shows the unit on every value of a row; the agenda writes
// every alert one way, "(alert below …)".
func TestPDFTypographyUnitsAndAgendaAlerts_Issue10_9(t *testing.T) {
	en := pdftotextLayout(t, mustPDF(t, fullSession(t, workshop.EN, false), 1, PDFOptions{}), 0)
	for _, want := range []string{"indexed on the collective KPIs: 20%.", "€40,000", "€60,000", "€45,000", "102%", "110%", "104%"} {
		if !strings.Contains(flat(en), want) {
			t.Errorf("EN PDF lacks %q", want)
		}
	}
	for _, bad := range []string{"20 %", "104 %", "40,000 €", "— alert", ", alert"} {
		if strings.Contains(strings.ReplaceAll(en, "\u00a0", " "), bad) {
			t.Errorf("EN PDF has %q", bad)
		}
	}
	// pdftotext reads French no-break spaces back as spaces.
	fr := strings.ReplaceAll(pdftotextLayout(t, mustPDF(t, fullSession(t, workshop.FR, false), 1, PDFOptions{}), 0), "\u00a0", " ")
	for _, want := range []string{"collectifs : 20 %.", "40 000 €", "60 000 €", "45 000 €", "102 %"} {
		if !strings.Contains(flat(fr), want) {
			t.Errorf("FR PDF lacks %q", want)
		}
	}
	// A KPI row of the table carries the unit on its baseline, target and
	// alert threshold.
	for _, tc := range []struct {
		text string
		row  []string
	}{{en, []string{"Expansion MRR", "€40,000", "€60,000", "€45,000"}}, {fr, []string{"MRR d’expansion", "40 000 €", "60 000 €", "45 000 €"}}} {
		found := false
		for line := range strings.SplitSeq(tc.text, "\n") {
			if !strings.Contains(line, tc.row[0]) || !strings.Contains(line, tc.row[1]) {
				continue
			}
			found = true
			for _, v := range tc.row[2:] {
				if !strings.Contains(line, v) {
					t.Errorf("KPI row %q lacks %q", line, v)
				}
			}
		}
		if !found {
			t.Errorf("no KPI row for %q with %q", tc.row[0], tc.row[1])
		}
	}
	// The agenda: a monthly review of a template, whose lines name alerts.
	s, err := workshop.FromTemplate("net-retention", workshop.EN, "2027-Q1", fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdftotext(t, mustPDF(t, s, 1, PDFOptions{}), 0))
	if n := strings.Count(text, "(alert below ") + strings.Count(text, "(alert above "); n < 5 {
		t.Errorf("the agenda writes %d alerts as “(alert …)”", n)
	}
	for _, bad := range []string{"— alert", ", alert"} {
		if strings.Contains(text, bad) {
			t.Errorf("an agenda line writes an alert as %q", bad)
		}
	}
}

// TestPDFHugeUnbrokenCell_Issue10_6: a cell holding a "word" of 100,000
// letters (pasted data without a space) is split across lines and pages,
// and nothing of it is lost. (Splitting costs the word's length: a
// quadratic split would hold this test for hours.)
func TestPDFHugeUnbrokenCell_Issue10_6(t *testing.T) {
	s := fullSession(t, workshop.EN, false)
	word := "HugeStart" + strings.Repeat("abcdefghij", 10000) + "HugeEnd"
	s.Current().Charter.KPIs[0].Source = word
	pdf := mustPDF(t, s, 1, PDFOptions{})
	text := strings.Join(strings.Fields(pdftotext(t, pdf, 0)), "")
	if !strings.Contains(text, "HugeStart") || !strings.Contains(text, "HugeEnd") {
		t.Error("the huge word lost its start or its end")
	}
}

// TestPDFTableNeverStartsWithFewerThanThreeRows_Issue10_3: wherever the
// decision log's heading falls on a page (the incentive note above it
// grows line by line), the page holding the heading holds at least three
// of its rows: a heading and one or two rows never sit alone at a page's
// foot.
func TestPDFTableNeverStartsWithFewerThanThreeRows_Issue10_3(t *testing.T) {
	base := fullSession(t, workshop.EN, false)
	c := &base.Current().Charter
	c.Decisions = nil
	for i := range 40 {
		c.Decisions = append(c.Decisions, workshop.Decision{ID: fmt.Sprintf("d%d", i), Date: "2027-01-02", Type: workshop.DecisionDecision, Text: fmt.Sprintf("Entry%03d decided", i), Author: "Amélie Durand"})
	}
	for extra := range 20 {
		c.Incentive.Note = strings.TrimSpace(strings.Repeat("A further line of notes on the incentive.\n", extra))
		pdf := mustPDF(t, base, 1, PDFOptions{})
		pages := splitPages(pdftotext(t, pdf, 0))
		for p, text := range pages {
			if !strings.Contains(text, "8. Decision log") {
				continue
			}
			if n := strings.Count(text, "Entry0"); n < 3 {
				t.Errorf("%d note lines: page %d holds the decision log's heading and %d of its rows", extra, p, n)
			}
		}
	}
}
