// Package testmain is the TestMain of every package's tests. It chooses the cloud the
// acceptance tests run against from TF_ACC_TARGET:
//
//   - unset or "mock": every test runs, each acceptance test against a mock of its own, as
//     `make test` runs them.
//   - "cloud": only the acceptance tests that can run against the real Alibaba Cloud run, with
//     the credentials of the environment (TF_ACC is set for them). Tests that need a mock (its
//     call log, clock, faults or seeds) and unit tests do not run: they never reach the cloud,
//     and `make test` runs them. `go test -list` lists only the tests that would run against the
//     cloud.
//
// Which acceptance tests run against the cloud is decided by the tests themselves, when they
// ask for their cloud (package acctest calls CloudTest or MockOnly first thing). In cloud mode
// Main finds them with a dry run: the test binary runs itself with only the acceptance tests
// selected, each of which reports its kind and stops before doing anything.
//
// With -sweep (terraform-plugin-testing's sweepers, `make sweep`) Main runs the sweepers
// instead of the tests.
package testmain

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Environment variables.
const (
	// EnvTarget names the cloud acceptance tests run against: "mock" (the default) or "cloud".
	EnvTarget = "TF_ACC_TARGET"
	// TargetCloud is EnvTarget's value for the real Alibaba Cloud.
	TargetCloud = "cloud"
	// TargetMock is EnvTarget's value for the in-process mocks (also when EnvTarget is unset).
	TargetMock = "mock"

	// envDryRun, set by Main for the copy of the test binary it runs to find the cloud tests,
	// makes every acceptance test report its kind and stop.
	envDryRun = "TF_ACC_TARGET_DRY_RUN"
	// dryRunCloud and dryRunMock start the lines a dry run prints about each test.
	dryRunCloud = "testmain-cloud-test "
	dryRunMock  = "testmain-mock-test "
)

// notAcceptance matches the names of tests that are not acceptance tests (TestAcc followed by
// an upper-case letter: TestAccount is a unit test), and of examples and fuzz tests: a dry run
// leaves them out.
const notAcceptance = `^(?:Example|Fuzz|Test(?:$|[^A]|A$|A[^c]|Ac$|Ac[^c]|Acc$|Acc[^A-Z]))`

// dry is the dry run in progress, nil outside one.
var dry *dryRun

// dryRun is how a dry run reports the tests: to out, in list form (names of cloud tests only)
// or for Main's parent process (every acceptance test with its kind).
type dryRun struct {
	mu   sync.Mutex
	out  io.Writer
	list bool
	// run, when not nil, is the -run pattern the names listed must match too.
	run *regexp.Regexp
}

// report writes what a dry run learned of t.
func (d *dryRun) report(t *testing.T, cloud bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch {
	case d.list && cloud && (d.run == nil || d.run.MatchString(t.Name())):
		fmt.Fprintln(d.out, t.Name())
	case !d.list && cloud:
		fmt.Fprintln(d.out, dryRunCloud+t.Name())
	case !d.list:
		fmt.Fprintln(d.out, dryRunMock+t.Name())
	}
}

// Target returns TF_ACC_TARGET's value: TargetCloud or TargetMock, and an error for any other.
func Target() (string, error) {
	switch v := os.Getenv(EnvTarget); v {
	case "", TargetMock:
		return TargetMock, nil
	case TargetCloud:
		return TargetCloud, nil
	default:
		return "", fmt.Errorf("%s=%q: set it to %q to run the acceptance tests against Alibaba Cloud, or leave it unset (or %q) for the mock", EnvTarget, v, TargetCloud, TargetMock)
	}
}

// OnCloud reports whether the acceptance tests run against the real cloud.
func OnCloud() bool {
	target, err := Target()
	return err == nil && target == TargetCloud
}

// CloudTest is the first thing an acceptance test that runs against the cloud does: in a dry
// run it reports t and stops it there.
func CloudTest(t *testing.T) {
	t.Helper()
	if dry != nil {
		dry.report(t, true)
		t.SkipNow()
	}
}

// MockOnly is the first thing an acceptance test that needs a mock does: in a dry run it reports
// t and stops it there. Against the cloud such a test does not run (Main leaves it out).
func MockOnly(t *testing.T) {
	t.Helper()
	if dry != nil {
		dry.report(t, false)
		t.SkipNow()
	}
}

// Main runs m as TF_ACC_TARGET says (see the package doc) and exits with its result.
func Main(m *testing.M) {
	os.Exit(run(m))
}

// run is Main without the exit.
func run(m *testing.M) int {
	flag.Parse()
	if sweep := flag.Lookup("sweep"); sweep != nil && sweep.Value.String() != "" {
		resource.TestMain(m) // runs the sweepers; exits when one failed
		return 0
	}
	target, err := Target()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if target != TargetCloud {
		return m.Run()
	}
	if os.Getenv(resource.EnvTfAcc) == "" {
		// terraform-plugin-testing runs acceptance tests only with TF_ACC; the target asks for them.
		if err := os.Setenv(resource.EnvTfAcc, "1"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
	}
	switch {
	case os.Getenv(envDryRun) != "":
		dry = &dryRun{out: os.Stdout}
		return m.Run()
	case flagValue("test.list") != "":
		return listCloudTests(m)
	default:
		return runCloudTests(m)
	}
}

// listCloudTests answers -list in cloud mode: a dry run of the acceptance tests the -list
// pattern (and -run, when given) selects, printing the names of those that run against the
// cloud.
func listCloudTests(m *testing.M) int {
	d := &dryRun{list: true}
	if run := flagValue("test.run"); run != "" {
		re, err := regexp.Compile(run)
		if err != nil {
			fmt.Fprintf(os.Stderr, "-run %q: %v\n", run, err)
			return 2
		}
		d.run = re
	}
	if err := setFlags(map[string]string{"test.run": flagValue("test.list"), "test.list": "", "test.skip": notAcceptance, "test.v": "false"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer devNull.Close()
	// What the testing package prints itself (PASS, "no tests to run") is discarded; the list
	// goes to the real standard output.
	stdout, stderr := os.Stdout, os.Stderr
	d.out = stdout
	os.Stdout, os.Stderr = devNull, devNull
	dry = d
	code := m.Run()
	os.Stdout, os.Stderr = stdout, stderr
	if code != 0 {
		fmt.Fprintf(os.Stderr, "listing the tests that run against the cloud failed (exit status %d): run them without -list to see why\n", code)
	}
	return code
}

// runCloudTests runs, of the tests -run selects, the acceptance tests that run against the
// cloud, found by a dry run of this binary, and says which acceptance tests it leaves out.
func runCloudTests(m *testing.M) int {
	cloudTests, mockTests, err := dryRunSelf()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if len(mockTests) > 0 && flagValue("test.v") != "false" {
		fmt.Printf("%s=%s: %d acceptance test(s) need a mock and do not run against the cloud (make test runs them): %s\n",
			EnvTarget, TargetCloud, len(mockTests), strings.Join(mockTests, ", "))
	}
	selected := "^$" // no test is named so: nothing runs
	if len(cloudTests) > 0 {
		quoted := make([]string, len(cloudTests))
		for i, name := range cloudTests {
			quoted[i] = regexp.QuoteMeta(name)
		}
		selected = "^(?:" + strings.Join(quoted, "|") + ")$"
	}
	if err := setFlags(map[string]string{"test.run": selected}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return m.Run()
}

// dryRunSelf runs this test binary in a dry run of the acceptance tests -run selects and
// returns the names of those that run against the cloud and of those that need a mock.
func dryRunSelf() (cloudTests, mockTests []string, err error) {
	args := []string{"-test.count=1", "-test.skip=" + notAcceptance}
	if run := flagValue("test.run"); run != "" {
		args = append(args, "-test.run="+run)
	}
	cmd := exec.CommandContext(context.Background(), os.Args[0], args...) //nolint:gosec // this very test binary
	cmd.Env = append(os.Environ(), envDryRun+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, nil, fmt.Errorf("finding the tests that run against the cloud (a dry run of %s): %w\n%s%s", os.Args[0], err, out, stderr.Bytes())
	}
	scanner := bufio.NewScanner(bytes.NewReader(out))
	for scanner.Scan() {
		line := scanner.Text()
		if name, ok := strings.CutPrefix(line, dryRunCloud); ok && !slices.Contains(cloudTests, name) {
			cloudTests = append(cloudTests, name)
		}
		if name, ok := strings.CutPrefix(line, dryRunMock); ok && !slices.Contains(mockTests, name) {
			mockTests = append(mockTests, name)
		}
	}
	return cloudTests, mockTests, scanner.Err()
}

// flagValue returns the value of a registered flag, "" when there is none.
func flagValue(name string) string {
	if f := flag.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

// setFlags sets testing flags before m.Run reads them.
func setFlags(values map[string]string) error {
	for name, value := range values {
		if err := flag.Set(name, value); err != nil {
			return fmt.Errorf("setting -%s: %w", name, err)
		}
	}
	return nil
}
