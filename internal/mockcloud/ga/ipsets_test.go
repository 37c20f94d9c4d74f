package ga

import (
	"net/http"
	"strings"
	"testing"
)

// ipSets lists an accelerator's acceleration regions.
func (e *env) ipSets(acc string) []IpSet {
	e.t.Helper()
	out := e.ok(actionListIpSets, "AcceleratorId", acc)
	noMockFields(e.t, "ListIpSets", out)
	var resp listIpSetsResponse
	decode(e.t, out, &resp)
	return resp.IpSets
}

// withIpSets returns an env whose ga-1 has a 100 Mbit/s Basic plan (returned) and acceleration
// regions of 30 (cn-hangzhou) and 40 (cn-hongkong) Mbit/s.
func withIpSets(t *testing.T) (*env, string) {
	t.Helper()
	e := newEnv(t)
	basic := e.createPostpay("Bandwidth", "100")
	e.bind(basic, "ga-1")
	out := e.ok(actionCreateIpSets, "AcceleratorId", "ga-1",
		"AccelerateRegion.1.AccelerateRegionId", "cn-hangzhou", "AccelerateRegion.1.Bandwidth", "30",
		"AccelerateRegion.2.AccelerateRegionId", "cn-hongkong", "AccelerateRegion.2.Bandwidth", "40", "AccelerateRegion.2.IpVersion", "IPv6")
	var created createIpSetsResponse
	decode(t, out, &created)
	if created.AcceleratorId != "ga-1" || len(created.IpSets) != 2 || !strings.HasPrefix(created.IpSets[0].IpSetId, "ips-") {
		t.Fatalf("CreateIpSets answered %+v", created)
	}
	sets := e.ipSets("ga-1")
	if len(sets) != 2 || sets[0].State != IpSetInit || sets[1].IpVersion != "IPv6" {
		t.Fatalf("while creating: %+v", sets)
	}
	expect(t, "accelerator while creating", e.accelerator("ga-1"), map[string]any{"State": AcceleratorConfiguring})
	e.settle()
	if sets := e.ipSets("ga-1"); sets[0].State != IpSetActive || len(sets[0].IpAddressList) != 1 {
		t.Fatalf("after the delay: %+v", sets)
	}
	return e, basic
}

func TestIpSetsLifecycle(t *testing.T) {
	e, _ := withIpSets(t)
	sets := e.ipSets("ga-1")
	e.ok(actionUpdateIpSets, "IpSets.1.IpSetId", sets[0].IpSetId, "IpSets.1.Bandwidth", "60")
	if got := e.ipSets("ga-1")[0]; got.State != IpSetUpdating || got.Bandwidth != 30 {
		t.Errorf("while updating: %+v", got)
	}
	e.fails(http.StatusBadRequest, CodeNotActiveIpSet, actionUpdateIpSets, "IpSets.1.IpSetId", sets[0].IpSetId, "IpSets.1.Bandwidth", "50")
	e.settle()
	if got := e.ipSets("ga-1")[0]; got.State != IpSetActive || got.Bandwidth != 60 {
		t.Errorf("after updating: %+v", got)
	}
	e.ok(actionDeleteIpSets, "IpSetIds.1", sets[1].IpSetId)
	if got := e.ipSets("ga-1"); len(got) != 2 || got[1].State != IpSetDeleting {
		t.Errorf("while deleting: %+v", got)
	}
	e.settle()
	if got := e.ipSets("ga-1"); len(got) != 1 {
		t.Errorf("after deleting: %+v", got)
	}
	e.fails(http.StatusBadRequest, CodeNotExistIpSets, actionDeleteIpSets, "IpSetIds.1", sets[1].IpSetId)
}

func TestIpSetBandwidthComesOutOfTheBasicPlan(t *testing.T) {
	e, basic := withIpSets(t)
	sets := e.ipSets("ga-1") // 30 + 40 of 100
	msg := e.fails(http.StatusBadRequest, CodeIpSetBandwidthExceeded, actionCreateIpSets, "AcceleratorId", "ga-1",
		"AccelerateRegion.1.AccelerateRegionId", "cn-beijing", "AccelerateRegion.1.Bandwidth", "31")
	if !strings.Contains(msg, "exceeds the total bandwidth") {
		t.Errorf("message: %s", msg)
	}
	e.fails(http.StatusBadRequest, CodeIpSetBandwidthExceeded, actionUpdateIpSets, "IpSets.1.IpSetId", sets[0].IpSetId, "IpSets.1.Bandwidth", "61")
	e.ok(actionCreateIpSets, "AcceleratorId", "ga-1", "AccelerateRegion.1.AccelerateRegionId", "cn-beijing", "AccelerateRegion.1.Bandwidth", "30")
	e.settle()

	// The plan cannot go below the 100 Mbit/s the regions now have; to 100 it can.
	msg = e.fails(http.StatusBadRequest, CodeBandwidthIllegal, actionUpdate, "BandwidthPackageId", basic, "Bandwidth", "99")
	if !strings.Contains(msg, "100 Mbit/s") || !strings.Contains(msg, "ga-1") {
		t.Errorf("message does not name the allocation and the accelerator: %s", msg)
	}
	e.ok(actionUpdate, "BandwidthPackageId", basic, "Bandwidth", "150")
	e.settle()
	e.clk.Advance(2 * testDelay) // the cool-down
	e.ok(actionUpdate, "BandwidthPackageId", basic, "Bandwidth", "100")
}

func TestIpSetRefusals(t *testing.T) {
	e, _ := withIpSets(t)
	sets := e.ipSets("ga-1")
	region := func(kv ...string) []string { return append([]string{"AcceleratorId", "ga-1"}, kv...) }
	for _, tt := range []struct {
		name   string
		code   string
		action string
		kv     []string
	}{
		{"no region", CodeMissingParameter, actionCreateIpSets, region()},
		{"unknown region", CodeInvalidParameter, actionCreateIpSets, region("AccelerateRegion.1.AccelerateRegionId", "mars-1", "AccelerateRegion.1.Bandwidth", "2")},
		{"too little", CodeInvalidParameter, actionCreateIpSets, region("AccelerateRegion.1.AccelerateRegionId", "cn-beijing", "AccelerateRegion.1.Bandwidth", "1")},
		{"ip version", CodeInvalidParameter, actionCreateIpSets, region("AccelerateRegion.1.AccelerateRegionId", "cn-beijing", "AccelerateRegion.1.Bandwidth", "2", "AccelerateRegion.1.IpVersion", "IPv5")},
		{"region taken", CodeRepeatIpSets, actionCreateIpSets, region("AccelerateRegion.1.AccelerateRegionId", "cn-hangzhou", "AccelerateRegion.1.Bandwidth", "2")},
		{"region twice", CodeRepeatIpSets, actionCreateIpSets, region("AccelerateRegion.1.AccelerateRegionId", "cn-beijing", "AccelerateRegion.1.Bandwidth", "2",
			"AccelerateRegion.2.AccelerateRegionId", "cn-beijing", "AccelerateRegion.2.Bandwidth", "2")},
		{"no basic plan", CodeNotExistBasicBandwidthPackage, actionCreateIpSets, []string{"AcceleratorId", "ga-2", "AccelerateRegion.1.AccelerateRegionId", "cn-beijing", "AccelerateRegion.1.Bandwidth", "2"}},
		{"unknown accelerator", CodeNotExistAccelerator, actionCreateIpSets, []string{"AcceleratorId", "ga-nope", "AccelerateRegion.1.AccelerateRegionId", "cn-beijing", "AccelerateRegion.1.Bandwidth", "2"}},
		{"unknown ip set", CodeNotExistIpSets, actionUpdateIpSets, []string{"IpSets.1.IpSetId", "ips-nope", "IpSets.1.Bandwidth", "2"}},
		{"same ip set twice", CodeRepeatIpSets, actionUpdateIpSets, []string{"IpSets.1.IpSetId", sets[0].IpSetId, "IpSets.1.Bandwidth", "2", "IpSets.2.IpSetId", sets[0].IpSetId, "IpSets.2.Bandwidth", "3"}},
		{"update without bandwidth", CodeMissingParameter, actionUpdateIpSets, []string{"IpSets.1.IpSetId", sets[0].IpSetId}},
		{"delete nothing", CodeMissingParameter, actionDeleteIpSets, nil},
		{"list without accelerator", CodeMissingParameter, actionListIpSets, nil},
	} {
		t.Run(tt.name, func(t *testing.T) { e.fails(http.StatusBadRequest, tt.code, tt.action, tt.kv...) })
	}
	if got := e.ipSets("ga-2"); len(got) != 0 {
		t.Errorf("a refused CreateIpSets left regions on ga-2: %+v", got)
	}
	// While the accelerator is configuring, nothing else is accepted.
	e.ok(actionUpdateIpSets, "IpSets.1.IpSetId", sets[0].IpSetId, "IpSets.1.Bandwidth", "20")
	e.fails(http.StatusBadRequest, CodeStateErrorAccelerator, actionCreateIpSets, region("AccelerateRegion.1.AccelerateRegionId", "cn-beijing", "AccelerateRegion.1.Bandwidth", "2")...)
	e.fails(http.StatusBadRequest, CodeStateErrorAccelerator, actionDeleteIpSets, "IpSetIds.1", sets[1].IpSetId)
}

func TestIpSetsSurviveSnapshotAndSeed(t *testing.T) {
	e, basic := withIpSets(t)
	pkgs, accs := e.p.Snapshot()
	q := New(e.clk, testDelay)
	if err := q.Restore(pkgs, accs); err != nil {
		t.Fatal(err)
	}
	e.p = q
	if sets := e.ipSets("ga-1"); len(sets) != 2 || sets[1].Bandwidth != 40 {
		t.Fatalf("after a round trip: %+v", sets)
	}
	// A seed whose regions do not fit in the Basic plan, or have none, is refused.
	over := accs[0]
	over.IpSets = append(over.IpSets, IpSet{AccelerateRegionId: "cn-beijing", Bandwidth: 31})
	if err := New(e.clk, testDelay).Restore(pkgs, []Accelerator{over, accs[1]}); err == nil || !strings.Contains(err.Error(), basic) {
		t.Errorf("a seed over its Basic plan: %v", err)
	}
	lonely := Accelerator{AcceleratorId: "ga-3", IpSets: []IpSet{{AccelerateRegionId: "cn-beijing", Bandwidth: 2}}}
	if err := New(e.clk, testDelay).Restore(nil, []Accelerator{lonely}); err == nil {
		t.Error("a seed with acceleration regions and no Basic plan was accepted")
	}
}
