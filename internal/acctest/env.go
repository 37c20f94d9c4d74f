package acctest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"terraform-provider-alibabacloud/internal/acctest/testmain"
	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/provider"
)

// Environment variables of the acceptance tests against the real cloud (besides TF_ACC_TARGET,
// testmain.EnvTarget, and the provider's own variables, which give region and credentials).
const (
	// EnvAllowSubscription, set to 1, lets tests that buy a Subscription run against the cloud.
	// A Subscription cannot be deleted before it expires: it stays billed for its whole term.
	EnvAllowSubscription = "TF_ACC_ALLOW_SUBSCRIPTION"
	// EnvCENPackageIDs lists (comma-separated) subscription CEN bandwidth packages the tests may
	// upgrade temporarily, one per test: a package has one window at a time, and a window stays
	// open for at least 3 hours.
	EnvCENPackageIDs = "TF_ACC_CEN_BANDWIDTH_PACKAGE_IDS"
	// EnvAcceleratorID names an active GA accelerator with no bandwidth plan bound, to which
	// tests bind the plans they buy, one test at a time.
	EnvAcceleratorID = "TF_ACC_GA_ACCELERATOR_ID"
)

// What the acceptance tests give what they create, so that the sweepers (make sweep) find what
// a test left behind in the cloud: a name that starts with ResourcePrefix and, where the
// resource takes tags, the tag SweepTagKey = SweepTagValue.
const (
	ResourcePrefix = "tf-acc-"
	SweepTagKey    = "tf-acc"
	SweepTagValue  = "sweep"
)

// CloudTest says how an acceptance test runs against the real cloud (TF_ACC_TARGET=cloud). A
// test that needs a mock (its call log, clock, faults or seeds) gives NeedsMock.
type CloudTest struct {
	// Cost is what the test spends there: what it buys, how much of it and for how long, so
	// that whoever runs it knows the price (printed with -v). Empty: the test needs the mock.
	Cost string
	// Subscription says that the test buys a Subscription, which cannot be deleted before it
	// expires. Such a test runs against the cloud only with TF_ACC_ALLOW_SUBSCRIPTION=1;
	// otherwise it runs only on its mock (make test).
	Subscription bool
	// CENPackages is how many of the subscription CEN bandwidth packages of
	// TF_ACC_CEN_BANDWIDTH_PACKAGE_IDS the test upgrades; on the mock, the first ones of its seed.
	CENPackages int
	// Accelerator says that the test binds plans to the accelerator of TF_ACC_GA_ACCELERATOR_ID
	// (tests take it one at a time); on the mock, the first one of its seed.
	Accelerator bool
}

// NeedsMock is the CloudTest of a test that runs only on its mock: with TF_ACC_TARGET=cloud it
// does not run.
var NeedsMock = CloudTest{}

// onCloud reports whether a test described by ct runs against the real cloud in this run.
func (ct CloudTest) onCloud() bool {
	return testmain.OnCloud() && ct.Cost != "" && (!ct.Subscription || os.Getenv(EnvAllowSubscription) == "1")
}

// Env is the cloud an acceptance test runs against, and what the test may use of it.
type Env struct {
	// Target is the cloud: the real one or the test's mock.
	Target
	// Mock is the test's mock, nil against the real cloud. Its checks (call counts, mutation
	// guards, ...) check nothing when it is nil: what only a mock can tell is asked of the mock
	// only.
	Mock *Mock
	// CENPackageIDs are the CEN bandwidth packages the test may upgrade (CloudTest.CENPackages).
	CENPackageIDs []string
	// AcceleratorID is the accelerator the test may bind plans to (CloudTest.Accelerator).
	AcceleratorID string
}

// OnCloud reports whether e is the real cloud.
func (e *Env) OnCloud() bool { return e.Mock == nil }

// MutationGuard returns a guard for the steps of t: on the mock it asserts that refused steps
// make no mutating call; against the cloud only that they are refused.
func (e *Env) MutationGuard(t *testing.T) *MutationGuard {
	return &MutationGuard{t: t, target: e.Target, m: e.Mock}
}

// NewEnv returns the cloud t runs against, and makes t parallel (use resource.Test, not
// resource.ParallelTest, in such a test).
//
// With TF_ACC_TARGET=cloud, that is the real cloud, reached with the credentials of the
// environment, unless the test needs the mock or buys a Subscription without
// TF_ACC_ALLOW_SUBSCRIPTION=1 (then the test does not run); it fails at once when no credentials
// are found or the seeded objects the test needs are not named by their variables. Otherwise
// it is a mock started with opts (a seed without an Account gets OpenAccount), whose seed must
// hold the objects the test needs. Either way the test's cost on the cloud is logged.
func NewEnv(t *testing.T, ct CloudTest, opts mockcloud.Options) *Env {
	t.Helper()
	if !ct.onCloud() {
		testmain.MockOnly(t)
		t.Parallel()
		return newMockEnv(t, ct, opts)
	}
	testmain.CloudTest(t)
	t.Parallel()
	return newCloudEnv(t, ct)
}

// Variant is one reading of the mock under which a test runs (Variants), with what the test
// needs to know of it.
type Variant[V any] struct {
	// Name names the subtest.
	Name string
	// Options starts the mock.
	Options mockcloud.Options
	// Reading is handed to the test.
	Reading V
}

// Variants runs test once against the real cloud, which takes one reading of whatever the API
// pages leave open (the test gets the zero V: it must pass under any), or on the mock once per
// variant, as parallel subtests: a test that passes under the mock's strict and lenient
// readings passes whichever the cloud takes.
func Variants[V any](t *testing.T, ct CloudTest, variants []Variant[V], test func(t *testing.T, e *Env, reading V)) {
	t.Helper()
	if ct.onCloud() {
		var unknown V
		test(t, NewEnv(t, ct, mockcloud.Options{}), unknown)
		return
	}
	testmain.MockOnly(t)
	t.Parallel()
	for _, v := range variants {
		t.Run(v.Name, func(t *testing.T) {
			test(t, NewEnv(t, ct, v.Options), v.Reading)
		})
	}
}

// newMockEnv starts t's mock with opts and takes the seeded objects the test needs.
func newMockEnv(t *testing.T, ct CloudTest, opts mockcloud.Options) *Env {
	t.Helper()
	m := newMock(t, opts)
	e := &Env{Target: m, Mock: m}
	var seed mockcloud.State
	if opts.Seed != nil {
		seed = *opts.Seed
	}
	if len(seed.CenBandwidthPackages) < ct.CENPackages {
		t.Fatalf("the test upgrades %d CEN bandwidth packages, its seed holds %d", ct.CENPackages, len(seed.CenBandwidthPackages))
	}
	for _, p := range seed.CenBandwidthPackages[:ct.CENPackages] {
		e.CENPackageIDs = append(e.CENPackageIDs, p.CenBandwidthPackageId)
	}
	if ct.Accelerator {
		if len(seed.Accelerators) == 0 {
			t.Fatal("the test binds plans to an accelerator, its seed holds none")
		}
		e.AcceleratorID = seed.Accelerators[0].AcceleratorId
	}
	if ct.Cost == "" {
		t.Log("target: its own mock (the test needs the mock)")
	} else {
		t.Logf("target: its own mock (against Alibaba Cloud, %s=%s, it costs: %s)", testmain.EnvTarget, testmain.TargetCloud, ct.Cost)
	}
	return e
}

// newCloudEnv is the real cloud, with the seeded objects of the environment.
func newCloudEnv(t *testing.T, ct CloudTest) *Env {
	t.Helper()
	c := cloudTarget(t)
	e := &Env{Target: c}
	if ct.CENPackages > 0 {
		e.CENPackageIDs = takeCENPackages(t, ct.CENPackages)
	}
	if ct.Accelerator {
		e.AcceleratorID = takeAccelerator(t)
	}
	t.Logf("target: Alibaba Cloud, region %s; cost: %s", c.cfg.Region, ct.Cost)
	return e
}

// cloud is the real Alibaba Cloud, reached as an empty provider block reaches it: every
// setting from the environment.
type cloud struct {
	cfg conns.Config
}

var _ Target = (*cloud)(nil)

// Config implements Target: an empty provider block, which takes region and credentials from
// the environment as a user's shell gives them, followed by body.
func (c *cloud) Config(body string) string {
	return fmt.Sprintf("provider %q {}\n", ProviderName) + body
}

// Client implements Target: clients configured from the environment, as the provider is.
func (c *cloud) Client(t testing.TB) *conns.Client {
	t.Helper()
	client, err := conns.New(c.cfg)
	if err != nil {
		t.Fatalf("%s=%s: %v", testmain.EnvTarget, testmain.TargetCloud, err)
	}
	return client
}

var (
	cloudOnce sync.Once
	theCloud  *cloud
	cloudErr  error
)

// cloudTarget returns the real cloud, failing t when the environment gives no credentials (or a
// bad setting): once for the whole test binary.
func cloudTarget(t *testing.T) *cloud {
	t.Helper()
	cloudOnce.Do(func() {
		cfg, diags := provider.ConfigFromEnvironment(context.Background(), "acctest")
		if diags.HasError() {
			var msgs []string
			for _, d := range diags.Errors() {
				msgs = append(msgs, d.Summary()+": "+d.Detail())
			}
			cloudErr = fmt.Errorf("%s=%s runs the acceptance tests against Alibaba Cloud with the credentials of the "+
				"environment (as the provider finds them: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, "+
				"ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY, a profile of the aliyun CLI, an ECS RAM role, ...), but:\n%s\n"+
				"Set credentials, or leave %s unset to run the tests against the mock",
				testmain.EnvTarget, testmain.TargetCloud, strings.Join(msgs, "\n"), testmain.EnvTarget)
			return
		}
		theCloud = &cloud{cfg: cfg}
	})
	if cloudErr != nil {
		t.Fatal(cloudErr)
	}
	return theCloud
}

// The seeded objects of the cloud: CEN packages are handed out one test each, the accelerator
// to one test at a time.
var (
	seededMu        sync.Mutex
	cenPackagesUsed int
	acceleratorMu   sync.Mutex
)

// takeCENPackages hands t the next n packages of TF_ACC_CEN_BANDWIDTH_PACKAGE_IDS.
func takeCENPackages(t *testing.T, n int) []string {
	t.Helper()
	var ids []string
	for _, id := range strings.Split(os.Getenv(EnvCENPackageIDs), ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	seededMu.Lock()
	defer seededMu.Unlock()
	if len(ids) == 0 {
		t.Fatalf("%s is not set: against the cloud this test upgrades %d subscription CEN bandwidth package(s) of yours "+
			"temporarily. Set %s to the ids (cenbwp-..., comma-separated) of subscription packages with no temporary "+
			"upgrade open; each test of a run takes its own, since a package has one window at a time and a window "+
			"lasts at least 3 hours", EnvCENPackageIDs, n, EnvCENPackageIDs)
	}
	if cenPackagesUsed+n > len(ids) {
		t.Fatalf("%s lists %d CEN bandwidth package(s), and the tests of this run have taken %d; this test needs %d "+
			"more. Add packages (each test takes its own: a window lasts at least 3 hours), or run fewer tests with -run",
			EnvCENPackageIDs, len(ids), cenPackagesUsed, n)
	}
	taken := ids[cenPackagesUsed : cenPackagesUsed+n]
	cenPackagesUsed += n
	return taken
}

// takeAccelerator hands t the accelerator of TF_ACC_GA_ACCELERATOR_ID until it ends.
func takeAccelerator(t *testing.T) string {
	t.Helper()
	id := strings.TrimSpace(os.Getenv(EnvAcceleratorID))
	if id == "" {
		t.Fatalf("%s is not set: against the cloud this test binds the bandwidth plans it buys to an accelerator of "+
			"yours. Set %s to the id (ga-...) of an active accelerator that has no bandwidth plan bound", EnvAcceleratorID, EnvAcceleratorID)
	}
	acceleratorMu.Lock()
	t.Cleanup(acceleratorMu.Unlock)
	return id
}
