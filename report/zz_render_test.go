package report

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"boussole/workshop"
)

func TestZZRender(t *testing.T) {
	dir := os.Getenv("RENDER_DIR")
	if dir == "" {
		t.Skip()
	}
	for _, info := range workshop.Templates() {
		for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
			for _, paper := range []string{"A4", "Letter"} {
				for _, signed := range []bool{false, true} {
					s, err := workshop.FromTemplate(info.ID, l, "2027-Q1", fixedNow)
					if err != nil {
						t.Fatal(err)
					}
					if signed {
						sign(t, s)
					}
					b := mustPDF(t, s, 1, PDFOptions{Paper: paper, Version: "0.1.0"})
					name := fmt.Sprintf("%s-%s-%s-%v.pdf", info.ID, l, paper, signed)
					os.WriteFile(filepath.Join(dir, name), b, 0o644)
				}
			}
		}
	}
}

func TestZZFull(t *testing.T) {
	dir := os.Getenv("RENDER_DIR")
	if dir == "" {
		t.Skip()
	}
	for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
		os.WriteFile(filepath.Join(dir, "full-"+string(l)+".pdf"), mustPDF(t, fullSession(t, l, false), 1, PDFOptions{}), 0o644)
	}
}

func TestZZLarge(t *testing.T) {
	dir := os.Getenv("RENDER_DIR")
	if dir == "" {
		t.Skip()
	}
	s, _ := largeSession(t, workshop.EN)
	os.WriteFile(filepath.Join(dir, "large-en.pdf"), mustPDF(t, s, 1, PDFOptions{}), 0o644)
}
