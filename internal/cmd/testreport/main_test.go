package main

import (
	"strings"
	"testing"
)

// events is go test -json output of a package with a passing, a failing and two skipped
// acceptance tests, one of them for the Terraform version.
const events = `{"Action":"start","Package":"p"}
{"Action":"run","Package":"p","Test":"TestAccA_basic"}
{"Action":"output","Package":"p","Test":"TestAccA_basic","Output":"=== RUN   TestAccA_basic\n"}
{"Action":"pass","Package":"p","Test":"TestAccA_basic"}
{"Action":"run","Package":"p","Test":"TestAccA_broken"}
{"Action":"output","Package":"p","Test":"TestAccA_broken","Output":"    a_test.go:12: Step 1/2 error: boom\n"}
{"Action":"run","Package":"p","Test":"TestAccA_broken/sub"}
{"Action":"output","Package":"p","Test":"TestAccA_broken/sub","Output":"    a_test.go:20: sub failed too\n"}
{"Action":"fail","Package":"p","Test":"TestAccA_broken/sub"}
{"Action":"fail","Package":"p","Test":"TestAccA_broken"}
{"Action":"run","Package":"p","Test":"TestAccA_identity"}
{"Action":"output","Package":"p","Test":"TestAccA_identity","Output":"    a_test.go:30: Terraform CLI version 1.5.7 is below minimum version 1.12.0: skipping test (needs resource identity, Terraform 1.12.0)\n"}
{"Action":"output","Package":"p","Test":"TestAccA_identity","Output":"--- SKIP: TestAccA_identity (0.01s)\n"}
{"Action":"skip","Package":"p","Test":"TestAccA_identity"}
{"Action":"run","Package":"p","Test":"TestAccA_other"}
{"Action":"output","Package":"p","Test":"TestAccA_other","Output":"    a_test.go:40: not today\n"}
{"Action":"skip","Package":"p","Test":"TestAccA_other"}
{"Action":"output","Package":"p","Output":"FAIL\tp\t1.0s\n"}
{"Action":"fail","Package":"p"}
not an event
`

func TestReport(t *testing.T) {
	var out strings.Builder
	r := newReport(&out)
	if err := r.read(strings.NewReader(events)); err != nil {
		t.Fatal(err)
	}
	r.summarize("Terraform 1.5.7")
	got := out.String()
	for _, want := range []string{
		"a_test.go:12: Step 1/2 error: boom", // a failed test's whole output
		"sub failed too",
		"FAIL\tp\t1.0s",
		"not an event",
		"With Terraform 1.5.7: 2 acceptance tests ran: 1 passed, 1 failed; 1 skipped as they need a newer Terraform.",
		"skipped TestAccA_identity (p): Terraform CLI version 1.5.7 is below minimum version 1.12.0: skipping test (needs resource identity, Terraform 1.12.0)",
		"skipped for another reason: TestAccA_other (p): not today",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "=== RUN   TestAccA_basic") {
		t.Errorf("report shows a passing test's output:\n%s", got)
	}
	if strings.Count(got, "sub failed too") != 1 {
		t.Errorf("a failed subtest's output shows more than once:\n%s", got)
	}
	if !r.failed {
		t.Error("a failed test did not fail the report")
	}
	if skips := r.versionSkipped(); len(skips) != 1 || skips[0].name != "TestAccA_identity" {
		t.Errorf("version skips %v", skips)
	}
}
