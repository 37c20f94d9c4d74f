package testmain

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMain runs these tests as every package's are run.
func TestMain(m *testing.M) { Main(m) }

// TestNotAcceptance: a dry run leaves out every test but the acceptance tests, whose names are
// TestAcc followed by an upper-case letter.
func TestNotAcceptance(t *testing.T) {
	re := regexp.MustCompile(notAcceptance)
	for _, name := range []string{"TestAccGABandwidthPackage_payAsYouGo", "TestAccCENBandwidthTempUpgrade_basic", "TestAccProvider_x"} {
		if re.MatchString(name) {
			t.Errorf("%s, an acceptance test, is left out of a dry run", name)
		}
	}
	for _, name := range []string{"Test", "TestA", "TestAc", "TestAcc", "TestAccount", "TestAccountJSONIsOneFlatObject",
		"TestUnit", "TestAc_x", "ExampleFoo", "FuzzParse", "TestNotAcceptance"} {
		if !re.MatchString(name) {
			t.Errorf("%s, not an acceptance test, would run in a dry run", name)
		}
	}
}

// TestDryRunReport: a list names the cloud tests that -run selects too; a dry run for Main names
// every acceptance test with its kind.
func TestDryRunReport(t *testing.T) {
	var out bytes.Buffer
	d := &dryRun{out: &out, list: true, run: regexp.MustCompile("NoSuchTest")}
	d.report(t, true)
	if out.Len() != 0 {
		t.Errorf("a test -run does not select was listed: %q", out.String())
	}
	d.run = nil
	d.report(t, false)
	d.report(t, true)
	if got := out.String(); got != t.Name()+"\n" {
		t.Errorf("list %q, want only the cloud test", got)
	}
	out.Reset()
	d = &dryRun{out: &out}
	d.report(t, true)
	d.report(t, false)
	if want := dryRunCloud + t.Name() + "\n" + dryRunMock + t.Name() + "\n"; out.String() != want {
		t.Errorf("dry run reported %q, want %q", out.String(), want)
	}
}

func TestTarget(t *testing.T) {
	for value, want := range map[string]string{"": TargetMock, "mock": TargetMock, "cloud": TargetCloud} {
		t.Setenv(EnvTarget, value)
		if got, err := Target(); err != nil || got != want {
			t.Errorf("%s=%q: %q, %v; want %q", EnvTarget, value, got, err, want)
		}
	}
	t.Setenv(EnvTarget, "Cloud")
	if _, err := Target(); err == nil {
		t.Error("an unknown target was accepted")
	}
}

// TestEveryPackageRunsThroughMain: every package with tests has a TestMain that calls
// testmain.Main, so that with TF_ACC_TARGET=cloud no test of it runs unless it runs against the
// cloud, and go test -list lists only those.
func TestEveryPackageRunsThroughMain(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	withTests := map[string]bool{} // directory -> has a TestMain calling Main
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "tools") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dir := filepath.Dir(path)
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		callsMain := false
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Name.Name != "TestMain" || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					switch f := call.Fun.(type) {
					case *ast.SelectorExpr:
						callsMain = callsMain || (f.Sel.Name == "Main" && fmt.Sprint(f.X) == "testmain")
					case *ast.Ident:
						callsMain = callsMain || (f.Name == "Main" && file.Name.Name == "testmain")
					}
				}
				return true
			})
		}
		withTests[dir] = withTests[dir] || callsMain
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(withTests) < 10 {
		t.Fatalf("found only %d packages with tests: the walk is broken", len(withTests))
	}
	for dir, ok := range withTests {
		if !ok {
			t.Errorf("%s has tests but no TestMain calling testmain.Main (add a main_test.go like the other packages')", dir)
		}
	}
}
