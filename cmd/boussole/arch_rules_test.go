package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A rule lives once, in workshop (STYLE.md, "Lessons from the first
// review"; issue 8 item 14). These tests read the source of every package
// but workshop and fail when one computes a cascade sum, counts roles per
// objective, derives an approver's state or checks a vote budget itself,
// instead of calling the domain: workshop.CheckCascade, Charter.RolesOf,
// Revision.ApproverStates and the Board's voting methods.

// goFile is one parsed source file of the module.
type goFile struct {
	path string // relative to the module root, with slashes
	fset *token.FileSet
	file *ast.File
}

// sourceFiles parses the non-test Go files of the packages outside
// workshop (ui, report, storage, cmd).
func sourceFiles(t *testing.T) []goFile {
	t.Helper()
	root := moduleRoot(t)
	var out []goFile
	for _, dir := range []string{"ui", "report", "storage", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			if strings.Contains(filepath.ToSlash(path), "/testdata/") {
				return nil
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			out = append(out, goFile{filepath.ToSlash(rel), fset, f})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d source files found outside workshop", len(out))
	}
	return out
}

func (g goFile) at(n ast.Node) string {
	p := g.fset.Position(n.Pos())
	return fmt.Sprintf("%s:%d", g.path, p.Line)
}

// selName returns the selected name of x.Name expressions ("" otherwise).
func selName(e ast.Expr) string {
	if s, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		return s.Sel.Name
	}
	return ""
}

// calls reports whether n calls a function or method called name.
func calls(n ast.Node, names ...string) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if c, ok := x.(*ast.CallExpr); ok {
			switch f := c.Fun.(type) {
			case *ast.Ident:
				found = found || slices.Contains(names, f.Name)
			case *ast.SelectorExpr:
				found = found || slices.Contains(names, f.Sel.Name)
			}
		}
		return !found
	})
	return found
}

// rangesOver calls fn for every range statement over x.<field>.
func rangesOver(n ast.Node, field string, fn func(r *ast.RangeStmt)) {
	ast.Inspect(n, func(x ast.Node) bool {
		if r, ok := x.(*ast.RangeStmt); ok && selName(r.X) == field {
			fn(r)
		}
		return true
	})
}

// retiredHelpers are the copies of domain rules that lived outside
// workshop; they must not come back under their old names.
var retiredHelpers = map[string]string{
	"approverState": "Revision.ApproverStates",
	"signedBy":      "Revision.ApproverStates",
	"removeKPI":     "Charter.RemoveKPI",
	"budget":        "Board.Budget",
	"usedVotes":     "Board.Used",
	"votesOf":       "Card.Count",
	"ranking":       "Board.Ranking",
}

func TestArchRulesLiveInWorkshop_Issue8_14(t *testing.T) {
	files := sourceFiles(t)
	for _, g := range files {
		ast.Inspect(g.file, func(n ast.Node) bool {
			if fd, ok := n.(*ast.FuncDecl); ok {
				if use, retired := retiredHelpers[fd.Name.Name]; retired {
					t.Errorf("%s: func %s is a copy of a domain rule; call workshop's %s", g.at(fd), fd.Name.Name, use)
				}
			}
			return true
		})
		for _, d := range g.file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			checkCascadeSum(t, g, fd)
			checkRoleCounts(t, g, fd)
			checkApproverState(t, g, fd)
			if !strings.HasPrefix(g.path, "storage/") { // storage maps records field by field
				checkVotes(t, g, fd)
			}
		}
	}
}

// R-CAS-1: summing the team targets means reading numbers while walking
// a cascade's lines.
func checkCascadeSum(t *testing.T, g goFile, fd *ast.FuncDecl) {
	rangesOver(fd.Body, "Lines", func(r *ast.RangeStmt) {
		if calls(r.Body, "ParseNumber", "readNumber", "NumberReadable", "parseNumber") {
			t.Errorf("%s: %s reads the numbers of a cascade's lines; call workshop.CheckCascade (R-CAS-1)", g.at(r), fd.Name.Name)
		}
	})
}

// R-ROLE-1..4: counting the roles of an objective means counting while
// walking the charter's role assignments.
func checkRoleCounts(t *testing.T, g goFile, fd *ast.FuncDecl) {
	rangesOver(fd.Body, "Roles", func(r *ast.RangeStmt) {
		ast.Inspect(r.Body, func(n ast.Node) bool {
			if inc, ok := n.(*ast.IncDecStmt); ok {
				t.Errorf("%s: %s counts role assignments; call Charter.RolesOf (R-ROLE-1..4)", g.at(inc), fd.Name.Name)
			}
			return true
		})
	})
}

// Approver state: matching signatures or declines to participants.
func checkApproverState(t *testing.T, g goFile, fd *ast.FuncDecl) {
	for _, list := range []string{"Signatures", "Declines"} {
		rangesOver(fd.Body, list, func(r *ast.RangeStmt) {
			ast.Inspect(r.Body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.BinaryExpr:
					if (x.Op == token.EQL || x.Op == token.NEQ) && (selName(x.X) == "ParticipantID" || selName(x.Y) == "ParticipantID") {
						t.Errorf("%s: %s matches %s to an approver; call Revision.ApproverStates", g.at(x), fd.Name.Name, list)
					}
				case *ast.AssignStmt:
					for _, lhs := range x.Lhs {
						if ix, ok := lhs.(*ast.IndexExpr); ok && selName(ix.Index) == "ParticipantID" {
							t.Errorf("%s: %s records who signed or declined; call Revision.ApproverStates", g.at(x), fd.Name.Name)
						}
					}
				}
				return true
			})
		})
	}
}

// Dot voting: a card's votes and the budget are read through the Board
// (Count, DotsOf, Used, Left, Budget, Give, TakeBack, SetTotal). A card's
// Votes is a map: indexing it, ranging over it or taking its length is
// reading votes (a widget field called Votes is none of these).
func checkVotes(t *testing.T, g goFile, fd *ast.FuncDecl) {
	votesMap := func(e ast.Expr) bool { return selName(e) == "Votes" }
	report := func(n ast.Node) {
		t.Errorf("%s: %s reads a card's votes; call Card.Count, Card.DotsOf or the Board's voting methods (R-VOTE-1)", g.at(n), fd.Name.Name)
	}
	assigned := map[ast.Expr]bool{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range x.Lhs {
				assigned[lhs] = true
			}
		case *ast.IndexExpr:
			if votesMap(x.X) {
				report(x)
			}
		case *ast.RangeStmt:
			if votesMap(x.X) {
				report(x)
			}
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "len" && len(x.Args) == 1 && votesMap(x.Args[0]) {
				report(x)
			}
		}
		return true
	})
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok && s.Sel.Name == "VotesPerParticipant" && !assigned[s] {
			t.Errorf("%s: %s reads the vote budget; call Board.Budget (R-VOTE-1)", g.at(s), fd.Name.Name)
		}
		return true
	})
}

// TestArchRuleCallersUseTheDomain_Issue8_14: the screens and writers that
// show a rule's verdict call the one implementation.
func TestArchRuleCallersUseTheDomain_Issue8_14(t *testing.T) {
	byPath := map[string]goFile{}
	for _, g := range sourceFiles(t) {
		byPath[g.path] = g
	}
	for _, c := range []struct {
		path  string
		funcs []string
	}{
		{"report/pdf.go", []string{"CheckCascade", "ApproverStates"}},
		{"ui/step_cascade.go", []string{"CheckCascade"}},
		{"ui/step_roles.go", []string{"RolesOf"}},
		{"ui/review.go", []string{"ApproverStates", "Awaited"}},
		{"ui/presentation.go", []string{"Ranking", "ApproverStates"}},
		{"ui/step_ideas.go", []string{"Give", "TakeBack", "SetTotal", "ToTotals", "ClearTotals", "Ranking", "Left", "Budget"}},
		{"ui/step_kpis.go", []string{"RemoveKPI"}},
		{"cmd/boussole/cli_show.go", []string{"ApproverStates"}},
		{"cmd/boussole/cli_verbs.go", []string{"Awaited"}},
	} {
		g, ok := byPath[c.path]
		if !ok {
			t.Errorf("%s is gone: move this check with its code", c.path)
			continue
		}
		for _, f := range c.funcs {
			if !calls(g.file, f) {
				t.Errorf("%s no longer calls %s: the rule must come from workshop", c.path, f)
			}
		}
	}
}
