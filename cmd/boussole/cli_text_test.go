package main

import (
	"bytes"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

var updateShow = flag.Bool("update-show", false, "rewrite testdata/show/*.txt from the current show")

// The summary `show` prints, in both charter languages, for a draft with a
// signature and a refusal, a signed revision with its seal and an amended
// one: byte for byte what it printed before its words moved into the
// command line's catalog (testdata/show, written by the code of d0ccab1),
// plus, since issue 10 item 11, the time zone line ("—": these charters,
// like every one made before, have none, and keep their seals) and its
// R-TZ-2 warning.
func TestShowGolden_Issue8_12(t *testing.T) {
	at := func(day int) time.Time { return time.Date(2027, 1, day, 9, 0, 0, 0, time.UTC) }
	for _, l := range []workshop.Lang{workshop.FR, workshop.EN} {
		s, err := workshop.FromTemplate("sales-cycle", l, "2027-Q1", at(10))
		if err != nil {
			t.Fatal(err)
		}
		s.ID = "0123456789abcdef"
		approvers := workshop.Approvers(&s.Current().Charter)
		if len(approvers) < 2 {
			t.Fatalf("the template has %d approvers, want 2 or more", len(approvers))
		}
		if err := s.Decline(approvers[1].Name, "Target too high", at(11), testSigner); err != nil {
			t.Fatal(err)
		}
		if err := s.Sign(approvers[0].Name, "Agreed", at(12), testSigner); err != nil {
			t.Fatal(err)
		}
		checkShow(t, s, s.Current(), "draft."+string(l)+".txt")
		for _, a := range approvers[1:] {
			if err := s.Sign(a.Name, "", at(13), testSigner); err != nil {
				t.Fatal(err)
			}
		}
		checkShow(t, s, s.Current(), "signed."+string(l)+".txt")
		if err := s.Amend("New hire", at(14)); err != nil {
			t.Fatal(err)
		}
		checkShow(t, s, s.Current(), "amended."+string(l)+".txt")
	}
}

func checkShow(t *testing.T, s *workshop.Session, rev *workshop.Revision, name string) {
	t.Helper()
	var out bytes.Buffer
	if err := showRevision(&out, s, rev, testSigner.PublicKeyDER()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "show", name)
	if *updateShow {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("show differs from %s:\n--- got\n%s\n--- want\n%s", path, out.String(), want)
	}
}

// Every key the command line asks of its catalog exists, in French and in
// English, and every key of the catalog is asked for.
func TestCLITextKeys_Issue8_12(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := call.Fun.(*ast.Ident)
			if !ok || (fn.Name != "tr" && fn.Name != "cliSay") || len(call.Args) == 0 {
				return true
			}
			arg := call.Args[len(call.Args)-1]
			if _, forwards := arg.(*ast.Ident); forwards {
				return true // tr passing its key on to cliSay
			}
			lit, ok := arg.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: %s takes a literal key", fset.Position(call.Pos()), fn.Name)
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			used[key] = true
			if _, ok := cliText[key]; !ok {
				t.Errorf("%s: key %q is not in cliText", fset.Position(lit.Pos()), key)
			}
			return true
		})
	}
	for key, text := range cliText {
		if !used[key] {
			t.Errorf("cliText key %q is never used", key)
		}
		if text[0] == "" || text[1] == "" {
			t.Errorf("cliText key %q lacks its French or English text", key)
		}
	}
	if cliSay(workshop.FR, "seal") != "sceau" || cliSay(workshop.EN, "seal") != "seal" || cliSay("", "seal") != "seal" {
		t.Error("cliSay does not answer in the charter's language, English by default")
	}
}
