package main

import (
	"bytes"
	"crypto/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"boussole/storage"
	"boussole/workshop"
)

// importSession writes s as a .boussole file, imports it into the store
// in dir with the real binary and returns its id.
func importSession(t *testing.T, dir string, s *workshop.Session) string {
	t.Helper()
	data, err := storage.Export(s)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "in.boussole")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(ok(t, dir, "import", file))
}

// templateSession is the net-retention template in English, edited by fn
// and signed by every approver when signed is true.
func templateSession(t *testing.T, signed bool, fn func(c *workshop.Charter)) *workshop.Session {
	t.Helper()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	s, err := workshop.FromTemplate("net-retention", workshop.EN, "2027-Q1", now)
	if err != nil {
		t.Fatal(err)
	}
	if fn != nil {
		if err := s.Edit(now, fn); err != nil {
			t.Fatal(err)
		}
	}
	if signed {
		for _, name := range approverNames(s) {
			if err := s.Sign(name, "", now.Add(time.Hour), testSigner); err != nil {
				t.Fatalf("sign as %s: %v", name, err)
			}
		}
	}
	return s
}

// signedPDF imports a signed charter into dir and exports its PDF.
func signedPDF(t *testing.T, dir string, fn func(c *workshop.Charter)) (id, pdf, seal string) {
	t.Helper()
	s := templateSession(t, true, fn)
	id = importSession(t, dir, s)
	pdf = filepath.Join(t.TempDir(), "charter.pdf")
	ok(t, dir, "export", id, "--format", "pdf", "-o", pdf)
	return id, pdf, s.Current().Seal
}

// TestCLIMegabyteTitleExportsAndVerifies_Issue7_8: a charter whose title is
// 1 MB (which used to take minutes, holding the store's lock) exports as
// PDF, CSV and ICS and its PDF verifies, with the real binary. The time is
// held by BenchmarkCharterPDF_MegabyteTitle and BenchmarkVerify_MegabyteTitle.
func TestCLIMegabyteTitleExportsAndVerifies_Issue7_8(t *testing.T) {
	dir := t.TempDir()
	title := "MegaStart " + strings.Repeat("lorem ipsum dolor ", 1<<20/18) + "MegaEnd"
	id, pdf, seal := signedPDF(t, dir, func(c *workshop.Charter) { c.Title = title })
	out := ok(t, dir, "verify", pdf)
	if !strings.HasPrefix(out, "Match: “MegaStart lorem ipsum") || !strings.Contains(out, seal) || len(out) > 2000 {
		t.Errorf("verify printed %.300q (%d bytes), want a match with a shortened title", out, len(out))
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !bytes.Contains(text, []byte("MegaEnd")) {
		t.Errorf("the PDF lacks the end of the title (%v)", err)
	}
	for _, format := range []string{"csv", "ics"} {
		ok(t, dir, "export", id, "--format", format, "-o", filepath.Join(t.TempDir(), "out."+format))
	}
}

// TestCLIICSRefusesForgingEmail_Issue7_10: an imported charter whose
// e-mail holds a CR/LF and a forged ATTENDEE line: show reports the R-PEO-1
// finding, the calendar export is refused (exit 2, naming the participant)
// and writes nothing; once the e-mail is gone the export works and holds
// no forged line.
func TestCLIICSRefusesForgingEmail_Issue7_10(t *testing.T) {
	dir := t.TempDir()
	var who string
	s := templateSession(t, false, func(c *workshop.Charter) {
		c.Participants[0].Email = "lead@example.com\r\nATTENDEE;ROLE=CHAIR:mailto:evil@example.com"
		who = c.Participants[0].Name
	})
	id := importSession(t, dir, s)
	show := ok(t, dir, "show", id)
	if !strings.Contains(show, "the e-mail address") || !strings.Contains(show, "is not valid") || strings.Contains(show, "\r\nATTENDEE") {
		t.Errorf("show does not report the bad e-mail as a finding:\n%s", show)
	}
	ics := filepath.Join(t.TempDir(), "rituals.ics")
	r := fails(t, dir, exitUsage, "export", id, "--format", "ics", "-o", ics)
	if !strings.Contains(r.stderr, who) || !strings.Contains(r.stderr, "not a valid address") || strings.Contains(r.stderr, "\r") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr %q", r.stderr)
	}
	if _, err := os.Stat(ics); !os.IsNotExist(err) {
		t.Error("a refused calendar export wrote a file")
	}

	// Control characters typed in names and titles reach the file inert.
	s2 := templateSession(t, false, func(c *workshop.Charter) {
		c.Title = "Title\x00\x1b[2J\r\nBEGIN:VEVENT"
		c.Participants[0].Name = "Lead\r\nATTENDEE;ROLE=CHAIR:mailto:evil@example.com"
		c.Participants[0].Email = "lead@example.com"
	})
	id2 := importSession(t, dir, s2)
	ok(t, dir, "export", id2, "--format", "ics", "-o", ics)
	data := string(readFile(t, ics))
	for i, line := range strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n") {
		if strings.HasPrefix(line, "ATTENDEE;ROLE=CHAIR") || strings.ContainsAny(line, "\x00\x1b\r\n") || len(line) > 75 {
			t.Errorf("line %d is raw: %q", i, line)
		}
	}
}

// TestCLICSVDefusesFormulaAfterBlanks_Issue7_13: a KPI source " =cmd" or
// "\t@SUM" exported as CSV by the real binary starts with an apostrophe.
func TestCLICSVDefusesFormulaAfterBlanks_Issue7_13(t *testing.T) {
	dir := t.TempDir()
	s := templateSession(t, false, func(c *workshop.Charter) {
		c.KPIs[0].Source = " =cmd|' /C calc'!A0"
		c.KPIs[1].Source = "\t@SUM(1+1)"
	})
	id := importSession(t, dir, s)
	csv := filepath.Join(t.TempDir(), "kpis.csv")
	ok(t, dir, "export", id, "--format", "csv", "-o", csv)
	data := string(readFile(t, csv))
	for _, want := range []string{`' =cmd|' /C calc'!A0`, "'\t@SUM(1+1)"} {
		if !strings.Contains(data, want) {
			t.Errorf("the CSV lacks the defused %q:\n%s", want, data)
		}
	}
	for _, bad := range []string{", =cmd", ",\t@SUM", `," =cmd`, ",\"\t@SUM"} {
		if strings.Contains(data, bad) {
			t.Errorf("the CSV holds %q raw", bad)
		}
	}
}

// TestCLIVerifyRefusesWhatIsNotAPDFFile_Issue7_18: a FIFO (which used to
// hang verify), a directory, a file over the size cap (refused before a
// byte is read) and files that are not PDFs exit 2 saying so; a PDF
// without a Boussole stamp exits 1 saying so.
func TestCLIVerifyRefusesWhatIsNotAPDFFile_Issue7_18(t *testing.T) {
	dir := t.TempDir()
	ok(t, dir, "new", "--title", "Store")
	files := t.TempDir()

	fifo := filepath.Join(files, "fifo.pdf")
	if err := mkfifo(fifo); err == nil {
		start := time.Now()
		r := fails(t, dir, exitUsage, "verify", fifo)
		if !strings.Contains(r.stderr, "not a regular file (a named pipe)") || time.Since(start) > time.Minute {
			t.Errorf("FIFO: stderr %q after %v", r.stderr, time.Since(start))
		}
	} else {
		t.Logf("NOT TRIED: no named pipe on this system (%v)", err)
	}
	r := fails(t, dir, exitUsage, "verify", files)
	if !strings.Contains(r.stderr, "is a directory") {
		t.Errorf("directory: stderr %q", r.stderr)
	}

	huge := filepath.Join(files, "huge.pdf")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("%PDF-1.7\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(81 << 20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()
	r = fails(t, dir, exitUsage, "verify", huge)
	if !strings.Contains(r.stderr, "larger than 80 MB") || !strings.Contains(r.stderr, "20 MB") {
		t.Errorf("huge file: stderr %q", r.stderr)
	}

	random := make([]byte, 4096)
	if _, err := rand.Read(random); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"empty.pdf": nil, "random.pdf": random, "text.pdf": []byte("just some text\n")} {
		path := filepath.Join(files, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		r := fails(t, dir, exitUsage, "verify", path)
		if !strings.Contains(r.stderr, name+": not a PDF") {
			t.Errorf("%s: stderr %q", name, r.stderr)
		}
	}

	foreign := fpdf.New("P", "mm", "A4", "")
	foreign.AddPage()
	foreign.SetFont("Helvetica", "", 12)
	foreign.Cell(40, 10, "Hello")
	path := filepath.Join(files, "foreign.pdf")
	if err := foreign.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	r = fails(t, dir, exitFailure, "verify", path)
	if !strings.Contains(r.stderr, "a PDF but not a charter exported by Boussole: it carries no Boussole stamp") {
		t.Errorf("foreign PDF: stderr %q", r.stderr)
	}
}

// TestCLIVerifyResavedPDF_Issue7_19: a signed charter re-saved by qpdf,
// unchanged or linearised, is not called altered: verify (exit 1) says the
// file is not byte for byte the one Boussole exported, that its stamp names
// a signed revision of this store, and the store's seal, and asks for the
// original.
func TestCLIVerifyResavedPDF_Issue7_19(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("SKIPPED: qpdf is not installed (scripts/install-deps.sh installs it); a re-saved PDF was not tried")
	}
	dir := t.TempDir()
	_, pdf, seal := signedPDF(t, dir, nil)
	ok(t, dir, "verify", pdf)
	for name, args := range map[string][]string{"unchanged": nil, "linearised": {"--linearize"}} {
		out := filepath.Join(t.TempDir(), name+".pdf")
		if b, err := exec.Command("qpdf", append(args, pdf, out)...).CombinedOutput(); err != nil {
			t.Fatalf("qpdf %s: %v\n%s", name, err, b)
		}
		if bytes.Equal(readFile(t, out), readFile(t, pdf)) {
			t.Fatalf("qpdf %s left the bytes as they were", name)
		}
		r := fails(t, dir, exitFailure, "verify", out)
		for _, want := range []string{"not, byte for byte, the file Boussole exported for revision 1", "Its stamp names revision 1, signed in this data by",
			"the seal of that revision in this data is " + seal, "Ask for the original file"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", name, want, r.stderr)
			}
		}
		if strings.Contains(r.stderr, "it was altered.") {
			t.Errorf("%s: a re-saved file is called altered: %s", name, r.stderr)
		}
	}
	// French, as the window and a French terminal show it.
	out := filepath.Join(t.TempDir(), "fr.pdf")
	if b, err := exec.Command("qpdf", pdf, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	r := boussole(t, []string{"LANG=fr_FR.UTF-8", "LANGUAGE=fr"}, "--data", dir, "verify", out)
	if r.code != exitFailure || !strings.Contains(r.stderr, "octet pour octet") || !strings.Contains(r.stderr, seal) {
		t.Errorf("French: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestCLIExportLeavesTheStoreFreeWhileRendering_Issue7_8: while the PDF of
// a charter with four texts of 1 MB is laid out, other commands use the store
// (a writer used to get "already open", exit 3, for as long as it took): at
// least one "new" started during the export succeeds before it ends.
func TestCLIExportLeavesTheStoreFreeWhileRendering_Issue7_8(t *testing.T) {
	dir := t.TempDir()
	mb := strings.Repeat("lorem ipsum dolor ", 1<<20/18)
	s := templateSession(t, false, func(c *workshop.Charter) {
		// Four megabytes to lay out: a few seconds of work.
		c.Title, c.Intent.Statement, c.Objectives[0].Specific, c.Scope = mb, mb, mb, mb
	})
	id := importSession(t, dir, s)
	export := exec.Command(binary, "--data", dir, "export", id, "--format", "pdf", "-o", filepath.Join(t.TempDir(), "big.pdf"))
	export.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "LANG=en_US.UTF-8"}
	var stderr bytes.Buffer
	export.Stderr = &stderr
	if err := export.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- export.Wait() }()
	time.Sleep(200 * time.Millisecond) // let it read the session first
	var during []int
	for running := true; running; {
		r := boussole(t, nil, "--data", dir, "new", "--title", "Beside the export")
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("export: %v\n%s", err, stderr.String())
			}
			running = false
		default:
			during = append(during, r.code) // list finished while the export still ran
		}
	}
	succeeded := 0
	for _, code := range during {
		if code == 0 {
			succeeded++
		}
	}
	if len(during) == 0 {
		t.Skip("SKIPPED: the export finished before another command could run beside it")
	}
	if succeeded == 0 {
		t.Errorf("every new run during the export failed (exit statuses %v): the export held the store while rendering", during)
	}
}

// TestCLITimeZone_Issue10_11: "new" records the computer's zone; the charter
// keeps it when opened on a computer in another zone (show, the calendar);
// a charter from before zones were recorded keeps none, its seal, and a
// floating calendar, with the R-TZ-2 warning in show.
func TestCLITimeZone_Issue10_11(t *testing.T) {
	dir := t.TempDir()
	in := func(zone string, args ...string) result {
		t.Helper()
		r := boussole(t, []string{"TZ=" + zone}, append([]string{"--data", dir}, args...)...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("TZ=%s boussole %s: exit %d\n%s%s", zone, strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
		return r
	}
	id := strings.TrimSpace(in("America/New_York", "new", "--template", "sales-cycle", "--lang", "en").stdout)
	show := in("Asia/Tokyo", "show", id).stdout
	if showField(show, "time zone") != "America/New_York" || strings.Contains(show, "R-TZ") {
		t.Errorf("show in Tokyo:\n%s", show)
	}
	ics := filepath.Join(t.TempDir(), "rituals.ics")
	in("Asia/Tokyo", "export", id, "--format", "ics", "-o", ics)
	data := string(readFile(t, ics))
	if !strings.Contains(data, "DTSTART;TZID=America/New_York:") || !strings.Contains(data, "TZID:America/New_York\r\n") || strings.Contains(data, "Tokyo") {
		t.Errorf("calendar made in Tokyo of a New York charter:\n%s", data)
	}
	if fr := strings.TrimSpace(in("Europe/Paris", "new", "--template", "blank", "--title", "T", "--lang", "fr").stdout); showField(in("UTC", "show", fr).stdout, "fuseau") != "Europe/Paris" {
		t.Error("a French charter made in Paris does not show its zone")
	}

	// Made before: no zone, the seal it was signed with, a floating calendar.
	old := templateSession(t, true, nil)
	seal := old.Current().Seal
	oldID := importSession(t, dir, old)
	show = in("Europe/Paris", "show", oldID).stdout
	if showField(show, "time zone") != "—" || !strings.Contains(show, "R-TZ-2") || showField(show, "seal") != seal {
		t.Errorf("show of a charter without a zone:\n%s", show)
	}
	in("Europe/Paris", "export", oldID, "--format", "ics", "-o", ics)
	if data := string(readFile(t, ics)); strings.Contains(data, "TZID") || !strings.Contains(data, "ORGANIZER;CN=") {
		t.Errorf("floating calendar:\n%s", data)
	}
	if s := exported(t, dir, oldID); s.Current().Charter.TimeZone != "" || workshop.Seal(&s.Current().Charter) != seal {
		t.Error("a charter without a zone was back-filled")
	}
}

// showField is the value of a field of show's summary ("  label   value").
func showField(show, label string) string {
	for line := range strings.SplitSeq(show, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), label+" "); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}
