package mockcloud_test

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// provenanceDoc is the table of every error code and state the mock can answer, with where each
// comes from.
const provenanceDoc = "../../docs/mock.md"

// mockPackages are the directories whose code answers API calls.
var mockPackages = []string{"rpc", "ga", "cbn"}

// answeredCodes collects from the mock's source every error code it can answer: the string
// constants named Code*, and the code argument of every NewError call written as a literal
// (or as "Prefix"+name, recorded as Prefix{Name}).
func answeredCodes(t *testing.T) map[string]string {
	t.Helper()
	codes := map[string]string{} // code -> where it was found
	eachFile(t, func(path string, file *ast.File) {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if strings.HasPrefix(name.Name, "Code") && i < len(n.Values) {
						if s, ok := stringLit(n.Values[i]); ok {
							codes[s] = path + ": " + name.Name
						}
					}
				}
			case *ast.CallExpr:
				if callName(n.Fun) == "NewError" && len(n.Args) == 3 {
					if s, ok := stringLit(n.Args[1]); ok {
						codes[s] = path + ": NewError"
					} else if b, isBinary := n.Args[1].(*ast.BinaryExpr); isBinary && b.Op == token.ADD {
						if prefix, ok := stringLit(b.X); ok {
							codes[prefix+"{Name}"] = path + ": NewError"
						}
					}
				}
			}
			return true
		})
	})
	return codes
}

// answeredStates collects the state values the mock's products define: the string constants
// named State*, Accelerator<State>, IpSet<State>, Status* and BusinessStatus* of ga and cbn.
func answeredStates(t *testing.T) map[string]bool {
	t.Helper()
	states := map[string]bool{}
	statePattern := regexp.MustCompile(`^(State|Status|BusinessStatus)[A-Z]|^(Accelerator|IpSet)(Init|Active|Configuring|Binding|Unbinding|Updating|Deleting)$`)
	eachFile(t, func(path string, file *ast.File) {
		if strings.HasPrefix(path, "rpc") {
			return
		}
		for _, decl := range file.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs, _ := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if statePattern.MatchString(name.Name) && i < len(vs.Values) {
						if s, ok := stringLit(vs.Values[i]); ok {
							states[filepath.Dir(path)+" "+s] = true
						}
					}
				}
			}
		}
	})
	return states
}

// eachFile parses every non-test Go file of the mock's packages.
func eachFile(t *testing.T, visit func(path string, file *ast.File)) {
	t.Helper()
	fset := token.NewFileSet()
	for _, dir := range mockPackages {
		paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			visit(path, file)
		}
	}
}

// stringLit returns the value of a string literal expression.
func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// callName is the name of a called function or method (NewError for rpc.NewError).
func callName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// docRows reads the first cell (in backquotes) of each row of the table under heading in the
// provenance document, and the whole rows.
func docRows(t *testing.T, heading string) (firstCells []string, rows []string) {
	t.Helper()
	f, err := os.Open(provenanceDoc)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := false
	cell := regexp.MustCompile("^\\| `([^`]+)` \\|")
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := scanner.Text()
		if strings.HasPrefix(line, "## ") {
			in = line == "## "+heading
			continue
		}
		if m := cell.FindStringSubmatch(line); in && m != nil {
			firstCells = append(firstCells, m[1])
			rows = append(rows, line)
		}
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	if len(firstCells) == 0 {
		t.Fatalf("%s has no table under %q", provenanceDoc, heading)
	}
	return firstCells, rows
}

// TestProvenanceTableCoversEveryCode keeps docs/mock.md honest: every error code the mock's
// source can answer has a row, every row names a code the source has, and every row says where
// the code comes from (a source, or "assumed").
func TestProvenanceTableCoversEveryCode(t *testing.T) {
	codes := answeredCodes(t)
	if len(codes) < 30 {
		t.Fatalf("found only %d codes in the source; the extraction is broken: %v", len(codes), codes)
	}
	documented, rows := docRows(t, "Error codes")
	for code, where := range codes {
		if !slices.Contains(documented, code) {
			t.Errorf("code %s (%s) has no row in %s", code, where, provenanceDoc)
		}
	}
	for i, code := range documented {
		if _, ok := codes[code]; !ok {
			t.Errorf("%s has a row for %s, which the mock's source does not answer", provenanceDoc, code)
		}
		if slices.Index(documented, code) != i {
			t.Errorf("%s has two rows for %s", provenanceDoc, code)
		}
		if cells := strings.Split(rows[i], "|"); len(cells) < 7 || strings.TrimSpace(cells[5]) == "" {
			t.Errorf("row of %s does not say where it comes from: %s", code, rows[i])
		}
	}
}

// TestProvenanceTableCoversEveryState does the same for the states of ga and cbn objects; a
// state row's first cell is "product state" (for example "ga deleting").
func TestProvenanceTableCoversEveryState(t *testing.T) {
	states := answeredStates(t)
	documented, _ := docRows(t, "States")
	for s := range states {
		if !slices.Contains(documented, s) {
			t.Errorf("state %q has no row in %s", s, provenanceDoc)
		}
	}
	for _, s := range documented {
		if !states[s] {
			t.Errorf("%s has a row for state %q, which the mock's source does not define", provenanceDoc, s)
		}
	}
}
