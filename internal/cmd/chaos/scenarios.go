package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// scenarioFaults: o.runs runs, each creating o.plans GA plans (o.bound of them bound to
// accelerators) and a CEN upgrade, growing the plans (bound and unbound), planning, and
// destroying, while the mock throttles, fails, drops answers and slows
// down at random. Every run must succeed, hold in the mock exactly the plans in its state, and
// plan empty after each apply.
func scenarioFaults(ctx context.Context, o options, rep *report) {
	type outcome struct {
		err               error
		duplicates, lost  int
		stats             callStats
		createdIn, grewIn time.Duration
	}
	outcomes := make([]outcome, o.runs)
	sem := make(chan struct{}, max(o.jobs, 1))
	var wg sync.WaitGroup
	for i := range o.runs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			oc := &outcomes[i]
			oc.err = func() error {
				c, err := newCloud(o.bound, 2*time.Second)
				if err != nil {
					return err
				}
				defer c.Close()
				if err := c.SetFaults(chaosFaults(o.throttleRate, o.serverErrorRate)); err != nil {
					return err
				}
				w, err := newWorkspace(o.work, fmt.Sprintf("faults-%02d", i+1), o.terraform, o.providerDir, c)
				if err != nil {
					return err
				}
				created := workload{Plans: o.plans, Bound: o.bound, Bandwidth: 10, CEN: true, CENBandwidth: 500}
				// The CEN window stays as it is: the API refuses a second order while a window is
				// open.
				grown := workload{Plans: o.plans, Bound: o.bound, Bandwidth: 20, CEN: true, CENBandwidth: 500}
				for _, step := range []struct {
					name string
					wl   workload
					took *time.Duration
				}{{"create", created, &oc.createdIn}, {"grow", grown, &oc.grewIn}} {
					r := w.apply(ctx, step.wl)
					*step.took = r.Elapsed
					if r.Err != nil {
						return fmt.Errorf("%s: %w", step.name, r.Err)
					}
					dup, lost, err := compareState(ctx, w, c, o.plans)
					oc.duplicates += dup
					oc.lost += lost
					if err != nil {
						return fmt.Errorf("after %s: %w", step.name, err)
					}
					if empty, r := w.planIsEmpty(ctx, step.wl); r.Err != nil || !empty {
						return fmt.Errorf("after %s the plan is not empty (err %w):\n%s", step.name, r.Err, tail(r.Output, 30))
					}
				}
				if bad := plansNotAt(c, 20); len(bad) > 0 {
					return fmt.Errorf("after grow, plans not at 20 Mbps: %v", bad)
				}
				if r := w.destroy(ctx, grown); r.Err != nil {
					return fmt.Errorf("destroy: %w", r.Err)
				}
				if left := c.GAPlans(); len(left) > 0 {
					return fmt.Errorf("after destroy the mock still holds %d plans", len(left))
				}
				oc.stats, _ = c.statsSince(0)
				return nil
			}()
			status := "ok"
			if oc.err != nil {
				status = "FAILED: " + firstLine(oc.err.Error())
			}
			fmt.Printf("   run %2d: %s (create %s, grow %s, %d calls, %d throttled)\n", i+1, status,
				round(oc.createdIn), round(oc.grewIn), oc.stats.Total, oc.stats.Throttled)
		}()
	}
	wg.Wait()

	succeeded, duplicates, lost := 0, 0, 0
	var total callStats
	var failures []string
	for i, oc := range outcomes {
		duplicates += oc.duplicates
		lost += oc.lost
		total.Total += oc.stats.Total
		total.Throttled += oc.stats.Throttled
		total.ServerErrors += oc.stats.ServerErrors
		total.Dropped += oc.stats.Dropped
		if oc.err == nil {
			succeeded++
		} else {
			failures = append(failures, fmt.Sprintf("run %d: %s", i+1, oc.err))
		}
	}
	const name = "faults"
	rep.add(name, "workload", fmt.Sprintf("%d GA plans (%d bound) + a CEN upgrade; create, grow, plan, destroy", o.plans, o.bound))
	rep.add(name, "faults", fmt.Sprintf("%.0f%% throttled, %.0f%% 503, 2%% dropped answers, 2%% 2s latency spikes, 20ms latency",
		o.throttleRate*100, o.serverErrorRate*100))
	rep.check(name, "runs succeeded", fmt.Sprintf("%d of %d", succeeded, o.runs), "all", succeeded == o.runs)
	rep.check(name, "duplicate plans", fmt.Sprint(duplicates), "0", duplicates == 0)
	rep.check(name, "plans lost", fmt.Sprint(lost), "0", lost == 0)
	rep.add(name, "calls (all runs)", fmt.Sprintf("%d: %d throttled, %d 5xx, %d dropped", total.Total, total.Throttled, total.ServerErrors, total.Dropped))
	for _, f := range failures {
		fmt.Println("   " + f)
	}
}

// compareState compares the GA plans in w's state with those c holds: duplicates are plans
// the mock holds beyond the state, lost ones are in the state but not in the mock.
func compareState(ctx context.Context, w *workspace, c *cloud, want int) (duplicates, lost int, err error) {
	ids, err := w.stateIDs(ctx)
	if err != nil {
		return 0, 0, err
	}
	held := c.GAPlans()
	for _, id := range held {
		if !slices.Contains(ids, id) {
			duplicates++
		}
	}
	for _, id := range ids {
		if !slices.Contains(held, id) {
			lost++
		}
	}
	if duplicates > 0 || lost > 0 || len(ids) != want {
		return duplicates, lost, fmt.Errorf("state holds %d plans, the mock %d (%d not in state, %d missing), want %d",
			len(ids), len(held), duplicates, lost, want)
	}
	return 0, 0, nil
}

// plansNotAt returns the plans the mock holds at another bandwidth than mbps.
func plansNotAt(c *cloud, mbps int) []string {
	var bad []string
	for _, bp := range c.State().BandwidthPackages {
		if bp.Bandwidth != mbps {
			bad = append(bad, fmt.Sprintf("%s=%d", bp.BandwidthPackageId, bp.Bandwidth))
		}
	}
	return bad
}

// scenarioRateLimit: o.ratePlans GA plans created and destroyed with -parallelism, first
// against a mock without limits (Terraform's own time), then against one that allows o.rate
// calls per second per action.
func scenarioRateLimit(ctx context.Context, o options, rep *report) error {
	const name = "ratelimit"
	wl := workload{Plans: o.ratePlans, Bandwidth: 10}
	parallelism := fmt.Sprintf("-parallelism=%d", o.parallelism)
	type phase struct {
		wall  time.Duration
		stats callStats
	}
	measure := func(label string, limits map[string]float64) (create, destroy phase, err error) {
		c, err := newCloud(0, 2*time.Second)
		if err != nil {
			return create, destroy, err
		}
		defer c.Close()
		if err := c.SetFaults(rpc.Faults{RateLimits: limits}); err != nil {
			return create, destroy, err
		}
		w, err := newWorkspace(o.work, "ratelimit-"+label, o.terraform, o.providerDir, c)
		if err != nil {
			return create, destroy, err
		}
		r := w.apply(ctx, wl, parallelism)
		create.stats, _ = c.statsSince(0)
		create.wall = r.Elapsed
		if r.Err != nil {
			return create, destroy, r.Err
		}
		if _, _, err := compareState(ctx, w, c, o.ratePlans); err != nil {
			return create, destroy, err
		}
		_, seq := c.statsSince(0)
		r = w.destroy(ctx, wl, parallelism)
		destroy.stats, _ = c.statsSince(seq)
		destroy.wall = r.Elapsed
		if r.Err != nil {
			return create, destroy, r.Err
		}
		if left := c.GAPlans(); len(left) > 0 {
			return create, destroy, fmt.Errorf("after destroy the mock still holds %d plans", len(left))
		}
		return create, destroy, nil
	}
	freeCreate, freeDestroy, err := measure("unlimited", nil)
	if err != nil {
		return fmt.Errorf("without limits: %w", err)
	}
	rep.add(name, "workload", fmt.Sprintf("%d GA plans created and destroyed, -parallelism=%d", o.ratePlans, o.parallelism))
	rep.add(name, "without limits", fmt.Sprintf("create %s, destroy %s (Terraform's own time)", round(freeCreate.wall), round(freeDestroy.wall)))
	create, destroy, err := measure("limited", map[string]float64{rpc.AnyAction: o.rate})
	rep.check(name, "all succeeded", fmt.Sprint(err == nil), "true", err == nil)
	if err != nil {
		return err
	}
	calls := create.stats.Total + destroy.stats.Total
	throttled := create.stats.Throttled + destroy.stats.Throttled
	share := float64(throttled) / float64(calls)
	rep.check(name, "throttled calls", fmt.Sprintf("%d of %d (%.1f%%)", throttled, calls, share*100), "at most 10%", share <= 0.10)
	for _, p := range []struct {
		label     string
		limited   phase
		unlimited phase
	}{{"create", create, freeCreate}, {"destroy", destroy, freeDestroy}} {
		action, n := p.limited.stats.busiest()
		bound := time.Duration(float64(n) / o.rate * float64(time.Second))
		allowed := time.Duration(1.3*float64(bound)) + p.unlimited.wall
		rep.check(name, p.label+" wall time", fmt.Sprintf("%s (busiest: %s, %d calls = %s at %g/s; without limits %s)",
			round(p.limited.wall), action, n, round(bound), o.rate, round(p.unlimited.wall)),
			fmt.Sprintf("at most 1.3 x %s + %s = %s", round(bound), round(p.unlimited.wall), round(allowed)),
			p.limited.wall <= allowed)
		rep.add(name, p.label+" throttled", fmt.Sprintf("%d of %d calls", p.limited.stats.Throttled, p.limited.stats.Total))
	}
	return nil
}

// scenarioTrace: a small apply and destroy under random faults with TF_LOG=trace and STS
// credentials; the log is searched for the secret key, the security token and every signature
// the mock was sent.
func scenarioTrace(ctx context.Context, o options, rep *report) error {
	const name = "trace"
	c, err := newCloud(1, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.SetFaults(chaosFaults(o.throttleRate, o.serverErrorRate)); err != nil {
		return err
	}
	logPath := filepath.Join(o.work, "trace.log")
	w, err := newWorkspace(o.work, "trace", o.terraform, o.providerDir, c, "TF_LOG=trace", "TF_LOG_PATH="+logPath)
	if err != nil {
		return err
	}
	wl := workload{Plans: 3, Bound: 1, Bandwidth: 10, CEN: true, CENBandwidth: 500}
	if r := w.apply(ctx, wl); r.Err != nil {
		return r.Err
	}
	if r := w.destroy(ctx, wl); r.Err != nil {
		return r.Err
	}
	signatures := c.Signatures()
	lines, hits, err := searchLog(logPath, accessKeySecret, securityToken, signatures)
	if err != nil {
		return err
	}
	stats, _ := c.statsSince(0)
	rep.add(name, "trace log", fmt.Sprintf("%d lines, %d API calls (%d throttled, %d 5xx, %d dropped), %d signatures sent",
		lines, stats.Total, stats.Throttled, stats.ServerErrors, stats.Dropped, len(signatures)))
	for _, what := range []string{"secret key", "security token", "signatures"} {
		rep.check(name, what+" found", fmt.Sprint(hits[what]), "0", hits[what] == 0)
	}
	rep.check(name, "signatures checked", fmt.Sprint(len(signatures)), "some", len(signatures) > 0)
	return nil
}

// searchLog counts the lines of the log at path and the lines holding the secret, the token
// or any of the signatures (also URL-encoded).
func searchLog(path, secret, token string, signatures []string) (lines int, hits map[string]int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, nil, err
	}
	defer func() { _ = f.Close() }()
	hits = map[string]int{"secret key": 0, "security token": 0, "signatures": 0}
	sigs := map[string]bool{}
	for _, s := range signatures {
		sigs[s] = true
		sigs[strings.NewReplacer("+", "%2B", "/", "%2F", "=", "%3D").Replace(s)] = true
	}
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 16<<20)
	for scanner.Scan() {
		line := scanner.Text()
		lines++
		if strings.Contains(line, secret) {
			hits["secret key"]++
		}
		if strings.Contains(line, token) {
			hits["security token"]++
		}
		for s := range sigs {
			if len(s) >= 16 && strings.Contains(line, s) {
				hits["signatures"]++
				break
			}
		}
	}
	return lines, hits, scanner.Err()
}

// scenarioInterrupt: an apply of o.interruptPlans GA plans interrupted once o.interruptAfter
// were bought, first with SIGINT (Ctrl-C: the next apply must converge without buying again),
// then with SIGKILL (Terraform loses what it had not saved: the figures show what a user
// finds, see README "Interrupted applies").
func scenarioInterrupt(ctx context.Context, o options, rep *report) error {
	const name = "interrupt"
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL} {
		label := map[syscall.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGKILL: "SIGKILL"}[sig]
		c, err := newCloud(0, 3*time.Second)
		if err != nil {
			return err
		}
		w, err := newWorkspace(o.work, "interrupt-"+strings.ToLower(label), o.terraform, o.providerDir, c)
		if err != nil {
			c.Close()
			return err
		}
		wl := workload{Plans: o.interruptPlans, Bandwidth: 10}
		args := append([]string{"apply", "-auto-approve", "-input=false", "-no-color"}, wl.vars(w.endTime)...)
		interrupted := w.runWith(ctx, func(p *os.Process) {
			go func() {
				for ctx.Err() == nil {
					if purchases(c) >= o.interruptAfter {
						_ = p.Signal(sig)
						return
					}
					time.Sleep(50 * time.Millisecond)
				}
			}()
		}, args...)
		boughtBefore := purchases(c)
		inState, _ := w.stateIDs(ctx)
		orphans := len(c.GAPlans()) - len(inState)
		rep.add(name, label+": interrupted apply", fmt.Sprintf("exit %v after %s; %d plans bought, %d in state, %d not in state",
			exitOf(interrupted.Err), round(interrupted.Elapsed), boughtBefore, len(inState), orphans))
		again := w.apply(ctx, wl)
		empty, _ := w.planIsEmpty(ctx, wl)
		held := len(c.GAPlans())
		boughtAfter := purchases(c)
		if sig == syscall.SIGINT {
			ok := again.Err == nil && empty && held == o.interruptPlans && boughtAfter == o.interruptPlans
			rep.check(name, label+": next apply", fmt.Sprintf("succeeded %t, plan empty %t, %d plans held, %d bought in all",
				again.Err == nil, empty, held, boughtAfter),
				fmt.Sprintf("converges, %d held, %d bought", o.interruptPlans, o.interruptPlans), ok)
		} else {
			rep.add(name, label+": next apply", fmt.Sprintf("succeeded %t, plan empty %t, %d plans held (%d orphaned), %d bought in all",
				again.Err == nil, empty, held, held-o.interruptPlans, boughtAfter))
		}
		if again.Err != nil {
			fmt.Println(tail(again.Err.Error(), 20))
		}
		_ = w.destroy(ctx, wl)
		c.Close()
	}
	return nil
}

// purchases counts the distinct ClientTokens of the CreateBandwidthPackage calls the mock
// carried out (answered or with the answer dropped): each is one plan bought.
func purchases(c *cloud) int {
	tokens := map[string]bool{}
	for _, call := range c.Calls() {
		if call.Action == "CreateBandwidthPackage" && (call.Status == 200 || call.Status == 0) {
			tokens[call.Params["ClientToken"]] = true
		}
	}
	return len(tokens)
}

// exitOf renders how a command ended.
func exitOf(err error) string {
	if err == nil {
		return "0"
	}
	return firstLine(err.Error())
}

// scenarioSlowdown: without any throttling, the provider built from this checkout against one
// built from o.baseline, measured in turns: an apply of plans whose operations take 2 s, and
// a refresh of o.refreshPlans plans.
func scenarioSlowdown(ctx context.Context, o options, rep *report) error {
	const name = "slowdown"
	if o.baseline == "" {
		rep.add(name, "baseline", "none given (-baseline REF): skipped")
		return nil
	}
	baseDir := filepath.Join(o.work, "baseline")
	fmt.Printf("   building the baseline provider at %s ...\n", o.baseline)
	if err := buildBaseline(ctx, o.baseline, o.work, baseDir); err != nil {
		return err
	}
	binaries := map[string]string{"new": o.providerDir, "baseline": baseDir}
	order := []string{"baseline", "new"}
	rep.add(name, "baseline", o.baseline)

	// The 2 s-operation apply: 10 plans, 2 of them bound, and a CEN upgrade, from scratch.
	applyTimes := map[string][]time.Duration{}
	for round := range o.slowdownRounds {
		for _, label := range order {
			c, err := newCloud(2, 2*time.Second)
			if err != nil {
				return err
			}
			w, err := newWorkspace(o.work, fmt.Sprintf("slowdown-apply-%s-%d", label, round), o.terraform, binaries[label], c)
			if err != nil {
				c.Close()
				return err
			}
			wl := workload{Plans: 10, Bound: 2, Bandwidth: 10, CEN: true, CENBandwidth: 500}
			r := w.apply(ctx, wl)
			c.Close()
			if r.Err != nil {
				return fmt.Errorf("%s apply: %w", label, r.Err)
			}
			applyTimes[label] = append(applyTimes[label], r.Elapsed)
		}
	}

	// A refresh of many plans, each binary in turn on the same state.
	c, err := newCloud(0, 100*time.Millisecond)
	if err != nil {
		return err
	}
	defer c.Close()
	w, err := newWorkspace(o.work, "slowdown-refresh", o.terraform, o.providerDir, c)
	if err != nil {
		return err
	}
	wl := workload{Plans: o.refreshPlans, Bandwidth: 10}
	if r := w.apply(ctx, wl, "-parallelism=20"); r.Err != nil {
		return fmt.Errorf("creating %d plans: %w", o.refreshPlans, r.Err)
	}
	refreshTimes := map[string][]time.Duration{}
	for range o.slowdownRounds {
		for _, label := range order {
			wb, err := w.withProvider(binaries[label])
			if err != nil {
				return err
			}
			r := wb.run(ctx, append([]string{"plan", "-refresh-only", "-input=false", "-no-color"}, wl.vars(w.endTime)...)...)
			if r.Err != nil {
				return fmt.Errorf("%s refresh: %w", label, r.Err)
			}
			refreshTimes[label] = append(refreshTimes[label], r.Elapsed)
		}
	}
	for _, m := range []struct {
		what  string
		times map[string][]time.Duration
	}{{"2s-operation apply", applyTimes}, {fmt.Sprintf("refresh of %d plans", o.refreshPlans), refreshTimes}} {
		base, cur := median(m.times["baseline"]), median(m.times["new"])
		// Machines are shared and noisy: 10% (or half a second) of slack before calling it slower.
		ok := cur <= base+max(base/10, 500*time.Millisecond)
		rep.check(name, m.what, fmt.Sprintf("new %s vs baseline %s (medians of %s vs %s)", round(cur), round(base),
			fmtDurations(m.times["new"]), fmtDurations(m.times["baseline"])), "no slower than the baseline (slack: 10% or 0.5 s, whichever is more)", ok)
	}
	return nil
}

// median returns the median of ds.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func fmtDurations(ds []time.Duration) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = round(d).String()
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
