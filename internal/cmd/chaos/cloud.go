package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// The key pair and security token the provider signs with in every run. The token is what a
// user of STS credentials would have; the mock accepts it beside the key pair.
const (
	accessKeyID     = "LTAI5tChaosAccessKeyId"
	accessKeySecret = "ChaosSecretKeyValue0123456789abc" // #nosec G101 -- the mock's test key
	securityToken   = "CAIS.chaos-security-token-value-Xq7Zp3"
	cenPackageID    = "cenbwp-chaos0000000000000001"
)

// acceleratorID names the i-th seeded accelerator.
func acceleratorID(i int) string { return fmt.Sprintf("ga-bp1chaosaccelerator%03d", i) }

// cloud is one run's mock cloud, served in-process on a free local port. It also remembers
// every signature a request carried, so that logs can be searched for them.
type cloud struct {
	*mockcloud.Cloud
	URL    string
	server *http.Server

	mu         sync.Mutex
	signatures map[string]bool
}

// newCloud starts a mock seeded with accelerators active accelerators and one subscription CEN
// bandwidth package at 100 Mbps, on an account with pay-as-you-go GA plans and CEN temporary
// upgrades enabled, whose asynchronous operations take delay.
func newCloud(accelerators int, delay time.Duration) (*cloud, error) {
	seed := mockcloud.State{
		// The features the workload needs, which a new account has off: pay-as-you-go GA plans
		// and CEN temporary upgrades. The mock's strict readings stay on.
		Account: &mockcloud.Account{
			CBN: cbn.AccountSettings{CenTempUpgradeEnabled: true},
			GA:  mockga.AccountSettings{GaPostpayEnabled: true},
		},
		CenBandwidthPackages: []cbn.Package{{
			CenBandwidthPackageId:      cenPackageID,
			Name:                       "chaos",
			Bandwidth:                  100,
			BandwidthPackageChargeType: cbn.ChargeTypePrepay,
			ExpiredTime:                time.Now().UTC().AddDate(1, 0, 0).Format(cbn.APITimeLayout),
		}},
	}
	for i := range accelerators {
		seed.Accelerators = append(seed.Accelerators, mockga.Accelerator{
			AcceleratorId: acceleratorID(i), Name: "chaos", State: mockga.AcceleratorActive,
		})
	}
	mc, err := mockcloud.New(mockcloud.Options{
		Delay: delay, Seed: &seed, AccessKeyID: accessKeyID, AccessKeySecret: accessKeySecret,
	})
	if err != nil {
		return nil, err
	}
	var lc net.ListenConfig
	listener, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	c := &cloud{Cloud: mc, URL: "http://" + listener.Addr().String(), signatures: map[string]bool{}}
	c.server = mc.NewHTTPServer()
	handler := c.server.Handler
	c.server.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.remember(r)
		handler.ServeHTTP(w, r)
	})
	go func() {
		if err := c.server.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Println("mock cloud:", err)
		}
	}()
	return c, nil
}

// remember records the signature a request carries (signature 1.0 in its parameters, V3 in its
// Authorization header).
func (c *cloud) remember(r *http.Request) {
	if err := r.ParseForm(); err != nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if sig := r.Form.Get("Signature"); sig != "" {
		c.signatures[sig] = true
	}
	if auth := r.Header.Get("Authorization"); auth != "" {
		if _, sig, ok := strings.Cut(auth, "Signature="); ok {
			c.signatures[sig] = true
		}
	}
}

// Signatures returns every signature the mock was sent.
func (c *cloud) Signatures() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]string, 0, len(c.signatures))
	for s := range c.signatures {
		out = append(out, s)
	}
	return out
}

// Close stops the server.
func (c *cloud) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = c.server.Shutdown(ctx)
}

// GAPlans returns the ids of the GA bandwidth plans the mock holds (a deleted plan is gone),
// sorted.
func (c *cloud) GAPlans() []string {
	var ids []string
	for _, bp := range c.State().BandwidthPackages {
		ids = append(ids, bp.BandwidthPackageId)
	}
	sort.Strings(ids)
	return ids
}

// callStats sums up a part of the call log.
type callStats struct {
	Total, Throttled, ServerErrors, Dropped int
	// ByAction counts the calls of each action, throttled ones included.
	ByAction map[string]int
}

// statsSince sums up the calls after seq (0: all), and returns the last seq seen.
func (c *cloud) statsSince(seq uint64) (callStats, uint64) {
	calls, _ := c.Engine.CallLogPage(seq, 0)
	s := callStats{ByAction: map[string]int{}}
	last := seq
	for _, call := range calls {
		last = call.Seq
		s.Total++
		s.ByAction[call.Action]++
		switch {
		case call.Status == 0:
			s.Dropped++
		case strings.HasPrefix(call.Code, "Throttling"):
			s.Throttled++
		case call.Status >= 500:
			s.ServerErrors++
		}
	}
	return s, last
}

// busiest returns the action called most often, and how often.
func (s callStats) busiest() (string, int) {
	name, most := "", 0
	for action, n := range s.ByAction {
		if n > most || (n == most && action < name) {
			name, most = action, n
		}
	}
	return name, most
}

// faults are the random faults of the fault scenario.
func chaosFaults(throttle, serverErrors float64) rpc.Faults {
	return rpc.Faults{
		ThrottleRate:     throttle,
		ServerErrorRate:  serverErrors,
		DropResponseRate: 0.02,
		Latency:          "20ms",
		LatencySpikeRate: 0.02,
		LatencySpike:     "2s",
	}
}
