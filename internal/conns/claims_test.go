package conns

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
)

func TestClaims(t *testing.T) {
	c := NewClaims()
	if _, ok := c.Claim("plan gbwp-1", "the binding of gbwp-1 to ga-1"); !ok {
		t.Fatal("the first claim was refused")
	}
	earlier, ok := c.Claim("plan gbwp-1", "the binding of gbwp-1 to ga-2")
	if ok || earlier != "the binding of gbwp-1 to ga-1" {
		t.Errorf("a second claim: %q, %t; want refused, naming the first holder", earlier, ok)
	}
	if holder, ok := c.Holder("plan gbwp-1"); !ok || holder != "the binding of gbwp-1 to ga-1" {
		t.Errorf("holder %q, %t; the refused claim must not replace the first", holder, ok)
	}
	if _, ok := c.Holder("plan gbwp-2"); ok {
		t.Error("an unclaimed key has a holder")
	}
	// The same resource planned again by an instance Terraform did not configure anew (the
	// apply's plan, in terraform test from 1.14) claims its key again.
	if earlier, ok := c.Claim("plan gbwp-1", "the binding of gbwp-1 to ga-1"); !ok {
		t.Errorf("the holder's own second claim was refused, naming %q", earlier)
	}

	// A nil registry (no provider configured) accepts everything and records nothing.
	var none *Claims
	if _, ok := none.Claim("k", "h"); !ok {
		t.Error("a nil registry refused a claim")
	}
	if _, ok := none.Holder("k"); ok {
		t.Error("a nil registry holds a claim")
	}
}

// TestClaims_concurrent: Terraform plans resources in parallel; exactly one of many claims of a
// key wins (run with -race).
func TestClaims_concurrent(t *testing.T) {
	c := NewClaims()
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for i := range 32 {
		wg.Go(func() {
			if _, ok := c.Claim("package cenbwp-1", fmt.Sprint("upgrade ", i)); ok {
				mu.Lock()
				won++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if won != 1 {
		t.Errorf("%d claims of one key won, want 1", won)
	}
}

func TestAdviceWith(t *testing.T) {
	base := Advice{"A": "a", "B": "b"}
	got := base.With(Advice{"B": "b for this action", "C": "c"})
	if got["A"] != "a" || got["B"] != "b for this action" || got["C"] != "c" {
		t.Errorf("With = %v", got)
	}
	if base["B"] != "b" || len(base) != 2 {
		t.Errorf("With changed the advice it extends: %v", base)
	}
}

// TestClaims_laterPlan: claims belong to the plan in which they were made. A call that changes
// something ends that plan, as an apply does between the plans of a terraform test file's runs,
// which share one provider instance: the next plan's claims replace the stale ones, while
// before any change another holder is still refused.
func TestClaims_laterPlan(t *testing.T) {
	c := NewClaims()
	c.Claim("package cenbwp-1", "the upgrade to 500 Mbps")
	if _, ok := c.Claim("package cenbwp-1", "the upgrade to 600 Mbps"); ok {
		t.Fatal("another holder in the same plan was accepted")
	}
	c.Changed()
	if _, ok := c.Holder("package cenbwp-1"); ok {
		t.Error("a claim of an earlier plan is still held")
	}
	if earlier, ok := c.Claim("package cenbwp-1", "the upgrade to 600 Mbps"); !ok {
		t.Fatalf("the next plan's claim was refused, naming %q", earlier)
	}
	if earlier, ok := c.Claim("package cenbwp-1", "the upgrade to 700 Mbps"); ok || earlier != "the upgrade to 600 Mbps" {
		t.Errorf("another holder in the next plan: %q, %t; want refused, naming the 600 Mbps upgrade", earlier, ok)
	}
}

// TestClient_changesEndThePlanOfClaims: the client tells its claims of every call that changes
// something (the plan's reads do not).
func TestClient_changesEndThePlanOfClaims(t *testing.T) {
	f := newFakeAPI(t, func(int, *http.Request) (int, string) { return http.StatusOK, okBody })
	c, _ := newTestClient(t, f, nil)
	c.Claims.Claim("package cenbwp-1", "the upgrade to 500 Mbps")
	if _, err := describe(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Claims.Holder("package cenbwp-1"); !ok {
		t.Fatal("a read ended the plan of the claims")
	}
	req := cbn.CreateTempUpgradeCenBandwidthPackageSpecRequest()
	req.CenBandwidthPackageId, req.Bandwidth, req.EndTime = "cenbwp-1", "600", "2026-12-01T08:00Z"
	if err := c.CBN.Do(context.Background(), req, cbn.CreateTempUpgradeCenBandwidthPackageSpecResponse()); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Claims.Holder("package cenbwp-1"); ok {
		t.Error("a call that changes something left the claims of the plan before it")
	}
}
