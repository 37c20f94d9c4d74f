// Command testreport reads the events of `go test -json` on its standard input and prints what
// `make test` shows: each package's result, the whole output of every test that failed (and
// any build failure), then how many acceptance tests (TestAcc*) ran, passed and failed, and
// which were skipped, and why: those that need a newer Terraform than the one running them
// (tfversion.SkipBelow) apart from any others. It exits 1 when anything failed.
//
//	go test -json ./... | testreport -terraform "Terraform 1.11.4" -version-skips skipped.txt
//
// With -version-skips, it writes the names of the tests skipped for the Terraform version to
// that file, one a line, so that a second run can give them a newer Terraform.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
)

func main() {
	terraform := flag.String("terraform", "", "the Terraform the tests ran with, for the summary")
	versionSkips := flag.String("version-skips", "", "file to write the names of the tests skipped for the Terraform version to")
	flag.Parse()

	r := newReport(os.Stdout)
	if err := r.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(2)
	}
	r.summarize(*terraform)
	if *versionSkips != "" {
		var names []string
		for _, s := range r.versionSkipped() {
			names = append(names, s.name)
		}
		if err := os.WriteFile(*versionSkips, []byte(strings.Join(names, "\n")), 0o600); err != nil {
			fmt.Fprintln(os.Stderr, "testreport:", err)
			os.Exit(2)
		}
	}
	if r.failed {
		os.Exit(1)
	}
}

// event is one line of `go test -json` (see `go doc test2json`).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// skipped is a test that skipped itself, and why.
type skipped struct {
	name, pkg, reason string
}

// report accumulates what the events say.
type report struct {
	out io.Writer
	// output holds each running test's output until it ends, by package and test.
	output map[string][]string
	// failed is true once a test, a package or a build failed.
	failed bool
	// Counts of the top-level acceptance tests.
	accPassed, accFailed int
	skips                []skipped
}

func newReport(out io.Writer) *report {
	return &report{out: out, output: map[string][]string{}}
}

// read consumes the events of r. A line that is not an event (go test's own messages) is
// printed as it is.
func (r *report) read(in io.Reader) error {
	scanner := bufio.NewScanner(in)
	scanner.Buffer(make([]byte, 1<<20), 16<<20)
	for scanner.Scan() {
		var e event
		if err := json.Unmarshal(scanner.Bytes(), &e); err != nil || e.Action == "" {
			fmt.Fprintln(r.out, scanner.Text())
			continue
		}
		r.handle(e)
	}
	return scanner.Err()
}

// handle takes one event into account.
func (r *report) handle(e event) {
	key := e.Package + " " + e.Test
	switch {
	case e.Action == "build-output":
		fmt.Fprint(r.out, e.Output)
	case e.Action == "build-fail":
		r.failed = true
	case e.Test == "":
		// The package's own output: its result line, and what no test claimed (a panic in
		// TestMain, a timeout).
		if e.Action == "output" && !uninformative(e.Output) {
			fmt.Fprint(r.out, e.Output)
		}
		if e.Action == "fail" {
			r.failed = true
		}
	case e.Action == "output":
		r.output[key] = append(r.output[key], e.Output)
	case e.Action == "pass", e.Action == "fail", e.Action == "skip":
		r.testEnded(e, r.output[key])
		delete(r.output, key)
	}
}

// uninformative tells the lines of a package's output that say nothing a reader needs: PASS,
// and those of a package none of whose tests a -run selects.
func uninformative(line string) bool {
	return line == "PASS\n" || line == "testing: warning: no tests to run\n" || strings.HasSuffix(line, "[no tests to run]\n")
}

// testEnded records a test that ended with its output.
func (r *report) testEnded(e event, output []string) {
	topLevel := !strings.Contains(e.Test, "/")
	acceptance := topLevel && strings.HasPrefix(e.Test, "TestAcc")
	switch e.Action {
	case "fail":
		r.failed = true
		if acceptance {
			r.accFailed++
		}
		// Every test's own output, a subtest's included (its events carry its own name).
		fmt.Fprint(r.out, strings.Join(output, ""))
	case "pass":
		if acceptance {
			r.accPassed++
		}
	case "skip":
		if topLevel {
			r.skips = append(r.skips, skipped{name: e.Test, pkg: e.Package, reason: skipReason(output)})
		}
	}
}

// logPrefix is what testing puts before a test's log line: indentation, file and line.
var logPrefix = regexp.MustCompile(`^\s+\S+\.go:\d+: `)

// skipReason is the message a test skipped itself with: its log lines, without the file and
// line they came from, or "" without any.
func skipReason(output []string) string {
	var lines []string
	for _, line := range output {
		if logPrefix.MatchString(line) {
			lines = append(lines, strings.TrimSpace(logPrefix.ReplaceAllString(line, "")))
		}
	}
	return strings.Join(lines, " ")
}

// versionSkip tells a skip for the Terraform version (tfversion.SkipBelow's message).
var versionSkip = regexp.MustCompile(`Terraform CLI version \S+ is below minimum version`)

// versionSkipped returns the tests skipped for the Terraform version, by name.
func (r *report) versionSkipped() []skipped {
	var out []skipped
	for _, s := range r.skips {
		if versionSkip.MatchString(s.reason) {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b skipped) int { return strings.Compare(a.name, b.name) })
	return out
}

// summarize prints the counts and the skipped tests; terraform names the Terraform that ran.
func (r *report) summarize(terraform string) {
	if terraform == "" {
		terraform = "the Terraform used"
	}
	versionSkipped := r.versionSkipped()
	fmt.Fprintf(r.out, "\nWith %s: %d acceptance tests ran: %d passed, %d failed; %d skipped as they need a newer Terraform.\n",
		terraform, r.accPassed+r.accFailed, r.accPassed, r.accFailed, len(versionSkipped))
	for _, s := range versionSkipped {
		fmt.Fprintf(r.out, "  skipped %s (%s): %s\n", s.name, s.pkg, s.reason)
	}
	for _, s := range r.skips {
		if !versionSkip.MatchString(s.reason) {
			fmt.Fprintf(r.out, "  skipped for another reason: %s (%s): %s\n", s.name, s.pkg, s.reason)
		}
	}
}
