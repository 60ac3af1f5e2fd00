package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"boussole/assets"
)

// goList runs "go list" from the module root and returns its lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list", "-e"}, args...)...)
	cmd.Dir = moduleRoot(t)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var lines []string
	for l := range strings.SplitSeq(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

// TestArchWorkshopStandardLibraryOnly: the domain depends on the standard
// library and the embedded assets only — no Fyne, no bbolt, no PDF library —
// so it stays testable without cgo or OpenGL (STYLE.md, "The layout"); its
// tests do not pull those in either.
func TestArchWorkshopStandardLibraryOnly(t *testing.T) {
	nonStd := "{{if not .Standard}}{{.ImportPath}}{{end}}"
	for _, d := range goList(t, "-deps", "-f", nonStd, "./workshop") {
		if d != "boussole/workshop" && d != "boussole/assets" {
			t.Errorf("workshop depends on %s; it may use the standard library and boussole/assets only", d)
		}
	}
	for _, d := range goList(t, "-deps", "-test", "-f", nonStd, "./workshop") {
		for _, banned := range []string{"fyne.io/", "go.etcd.io/bbolt", "codeberg.org/go-pdf/", "github.com/jung-kurt/", "github.com/go-gl/"} {
			if strings.HasPrefix(d, banned) {
				t.Errorf("workshop's tests depend on %s", d)
			}
		}
	}
}

// TestArchLayers: storage, report and ui depend on workshop and not on each
// other; only cmd/boussole wires them together, and only it creates the Fyne
// app (fyne.io/fyne/v2/app), tests included. Tests may use another layer
// (the ui tests run against a real store).
func TestArchLayers(t *testing.T) {
	lines := goList(t, "-f", `{{.ImportPath}}|{{join .Imports ","}}|{{join .TestImports ","}}|{{join .XTestImports ","}}`, "./...")
	layer := regexp.MustCompile(`^boussole/(storage|report|ui|pades)(/|$)`)
	for _, line := range lines {
		parts := strings.Split(line, "|")
		pkg := parts[0]
		for i, list := range parts[1:] {
			if list == "" {
				continue
			}
			for imp := range strings.SplitSeq(list, ",") {
				if imp == "fyne.io/fyne/v2/app" && pkg != "boussole/cmd/boussole" {
					t.Errorf("%s imports fyne.io/fyne/v2/app; only cmd/boussole may create the app", pkg)
				}
				if i == 0 { // the package itself, not its tests
					checkLayer(t, layer, pkg, imp)
				}
			}
		}
	}
}

// checkLayer reports an import of one layer by another.
func checkLayer(t *testing.T, layer *regexp.Regexp, pkg, imp string) {
	t.Helper()
	m := layer.FindStringSubmatch(pkg)
	if m == nil {
		return
	}
	if n := layer.FindStringSubmatch(imp); n != nil && n[1] != m[1] {
		t.Errorf("%s imports %s: storage, report, ui and pades depend on workshop, not on each other", pkg, imp)
	}
	if strings.HasPrefix(imp, "boussole/cmd/") {
		t.Errorf("%s imports %s: nothing depends on the command", pkg, imp)
	}
}

// TestArchMetadataMatchesFyneApp: the metadata the binary installs at start
// (id, name, fyneDo migration) is FyneApp.toml's, the Makefile packages
// with the same id, name and icon (make package and make dist pass them as
// flags), and the version has one source, the git tag: FyneApp.toml
// carries none (issue 14 item 2).
func TestArchMetadataMatchesFyneApp(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(moduleRoot(t), "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if regexp.MustCompile(`(?m)^\s*(Version|Build)\s*=`).Match(b) {
		t.Error("FyneApp.toml has a Version or Build: the version is the git tag (scripts/version.sh), written nowhere else")
	}
	mk, err := os.ReadFile(filepath.Join(moduleRoot(t), "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	makeVar := func(name string) string {
		m := regexp.MustCompile(`(?m)^` + name + ` := (.+)$`).FindSubmatch(mk)
		if m == nil {
			t.Fatalf("the Makefile has no %s := line", name)
		}
		return string(m[1])
	}
	value := func(key string) string {
		m := regexp.MustCompile(`(?m)^\s*` + key + `\s*=\s*"?([^"\n]+)"?\s*$`).FindSubmatch(b)
		if m == nil {
			t.Fatalf("FyneApp.toml has no %s", key)
		}
		return string(m[1])
	}
	meta := appMetadata()
	for _, c := range []struct{ key, got string }{
		{"ID", meta.ID},
		{"Name", meta.Name},
		{"fyneDo", fmt.Sprint(meta.Migrations["fyneDo"])},
		{"ID", makeVar("APP_ID")},
		{"Name", makeVar("APP_NAME")},
		{"Icon", makeVar("APP_ICON")},
	} {
		if want := value(c.key); c.got != want {
			t.Errorf("FyneApp.toml says %s = %s, the binary or the Makefile says %s", c.key, want, c.got)
		}
	}
	if meta.Version != version {
		t.Errorf("the metadata's version is %s, --version says %s", meta.Version, version)
	}
	if meta.Icon == nil || !bytes.Equal(meta.Icon.Content(), assets.Icon) {
		t.Error("the binary's icon is not assets/icon.png")
	}
	icon, err := os.ReadFile(filepath.Join(moduleRoot(t), value("Icon")))
	if err != nil || !bytes.Equal(icon, assets.Icon) {
		t.Errorf("FyneApp.toml's icon %s is not the embedded icon (%v)", value("Icon"), err)
	}
}

// TestArchSessionDependsOnWorkshopOnly: session (the open session's undo
// history) sits on the domain: the standard library and workshop, no Fyne,
// no bbolt, no PDF (STYLE.md, "The layout"), so ui and a future room
// server can share it.
func TestArchSessionDependsOnWorkshopOnly(t *testing.T) {
	dependsOnly(t, "session", "the standard library and workshop only", "workshop", "assets")
}

// TestArchPadesDependsOnWorkshopOnly: the PDF signature (issue 11 item 4)
// is written with the standard library: no PDF or CMS library, no Fyne, no
// bbolt; only workshop, for the key's fingerprint. Its tests may render a
// charter with report.
func TestArchPadesDependsOnWorkshopOnly(t *testing.T) {
	dependsOnly(t, "pades", "the standard library and workshop only", "workshop", "assets")
}

// TestArchRoomDependsOnWorkshopAndSessionOnly: the participants' room is
// net/http of the standard library on the domain and the session's owner:
// no Fyne, no bbolt, no PDF (issue 12).
func TestArchRoomDependsOnWorkshopAndSessionOnly(t *testing.T) {
	dependsOnly(t, "room", "the standard library, workshop and session only", "session", "workshop", "assets")
}

// dependsOnly fails t for every package outside the standard library that
// pkg depends on, but pkg itself and the allowed ones of the module;
// may says what pkg may use, for the message.
func dependsOnly(t *testing.T, pkg, may string, allowed ...string) {
	t.Helper()
	ok := map[string]bool{"boussole/" + pkg: true}
	for _, a := range allowed {
		ok["boussole/"+a] = true
	}
	for _, d := range goList(t, "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./"+pkg) {
		if !ok[d] {
			t.Errorf("%s depends on %s; it may use %s", pkg, d, may)
		}
	}
}
