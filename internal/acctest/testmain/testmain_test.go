package testmain

import (
	"bytes"
	"regexp"
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
