package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCLIPDFCreatorNamesVersion_Issue10_10: the PDF the real binary exports
// names Boussole and the binary's version in its Creator (pdfinfo), and a
// signed one still verifies.
func TestCLIPDFCreatorNamesVersion_Issue10_10(t *testing.T) {
	dir := t.TempDir()
	_, pdf, seal := signedPDF(t, dir, nil)
	out, err := exec.Command("pdfinfo", pdf).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	creator := ""
	for line := range strings.SplitSeq(string(out), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && k == "Creator" {
			creator = strings.TrimSpace(v)
		}
	}
	if want := "Boussole " + version; creator != want {
		t.Errorf("Creator %q, want %q", creator, want)
	}
	if v := ok(t, dir, "verify", pdf); !strings.HasPrefix(v, "Match: ") || !strings.Contains(v, seal) {
		t.Errorf("verify printed %q", v)
	}
}

// BenchmarkExportPDFProcess times the whole `boussole export ID --format pdf`
// process, start to exit, for a template charter (goal under 100 ms on two
// cores; CharterPDF alone is BenchmarkCharterPDF in report).
func BenchmarkExportPDFProcess(b *testing.B) {
	dir := b.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + b.TempDir(), "LANG=en_US.UTF-8"}
	run := func(args ...string) string {
		cmd := exec.Command(binary, append([]string{"--data", dir}, args...)...)
		cmd.Env = env
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("boussole %s: %v", strings.Join(args, " "), err)
		}
		return strings.TrimSpace(string(out))
	}
	id := run("new", "--template", "net-retention", "--lang", "fr", "--period", "2027-Q1")
	pdf := filepath.Join(b.TempDir(), "charter.pdf")
	run("export", id, "--format", "pdf", "-o", pdf) // a first run fills the page cache
	var total time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		run("export", id, "--format", "pdf", "-o", pdf)
		total += time.Since(start)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/export")
}
