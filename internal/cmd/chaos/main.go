// Command chaos is the fault suite behind `make chaos`: it builds the provider, runs real
// Terraform against in-process mock clouds that throttle, fail, drop answers and slow down,
// and prints figures: how many runs succeeded, duplicates, throttled calls, wall times, secrets
// found in trace logs, what an interrupted apply leaves, and the provider's speed without
// throttling beside a baseline build (an older commit). It exits non-zero when a figure misses
// its goal (issue 7's "done means").
//
//	go run ./internal/cmd/chaos [-only faults,ratelimit,trace,interrupt,slowdown] [-baseline REF]
//
// Timings are figures to read, never assertions in `make test`: the machines are shared.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// options are the command line.
type options struct {
	terraform   string
	providerDir string
	baseline    string
	work        string
	keep        bool
	only        []string

	runs, plans, bound, jobs       int
	ratePlans, parallelism         int
	rate                           float64
	refreshPlans, slowdownRounds   int
	throttleRate, serverErrorRate  float64
	interruptPlans, interruptAfter int
}

// scenarios in the order they run.
var scenarios = []string{"faults", "ratelimit", "trace", "interrupt", "slowdown"}

func main() {
	var o options
	only := flag.String("only", strings.Join(scenarios, ","), "scenarios to run, comma-separated: "+strings.Join(scenarios, ", "))
	flag.StringVar(&o.terraform, "terraform", "terraform", "the Terraform CLI")
	flag.StringVar(&o.providerDir, "provider-dir", "", "a directory holding the provider binary to test (default: build it from this checkout)")
	flag.StringVar(&o.baseline, "baseline", "", "a git ref to build the baseline provider from, for the slowdown scenario (empty: skip the comparison)")
	flag.StringVar(&o.work, "work", "", "working directory (default: a new temporary one)")
	flag.BoolVar(&o.keep, "keep", false, "keep the working directory (logs, states)")
	flag.IntVar(&o.runs, "runs", 20, "faults: how many runs")
	flag.IntVar(&o.plans, "plans", 20, "faults: GA plans per run")
	flag.IntVar(&o.bound, "bound", 5, "faults: how many of them are bound to accelerators")
	flag.IntVar(&o.jobs, "jobs", 4, "faults: runs at a time")
	flag.Float64Var(&o.throttleRate, "throttle-rate", 0.3, "faults: share of calls answered Throttling.User")
	flag.Float64Var(&o.serverErrorRate, "server-error-rate", 0.05, "faults: share of calls answered ServiceUnavailable (503)")
	flag.IntVar(&o.ratePlans, "rate-plans", 50, "ratelimit: GA plans")
	flag.IntVar(&o.parallelism, "parallelism", 10, "ratelimit: terraform -parallelism")
	flag.Float64Var(&o.rate, "rate", 10, "ratelimit: the mock's limit, calls per second per action")
	flag.IntVar(&o.refreshPlans, "refresh-plans", 200, "slowdown: GA plans refreshed")
	flag.IntVar(&o.slowdownRounds, "rounds", 3, "slowdown: measurements of each binary")
	flag.IntVar(&o.interruptPlans, "interrupt-plans", 25, "interrupt: GA plans")
	flag.IntVar(&o.interruptAfter, "interrupt-after", 3, "interrupt: signal terraform once this many plans were bought")
	flag.Parse()
	o.only = strings.Split(*only, ",")

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	report, err := run(ctx, o)
	fmt.Println()
	fmt.Print(report.String())
	if err != nil {
		fmt.Fprintln(os.Stderr, "chaos:", err)
		os.Exit(2)
	}
	if !report.passed() {
		os.Exit(1)
	}
}

// run builds what is needed and runs the chosen scenarios.
func run(ctx context.Context, o options) (*report, error) {
	rep := &report{}
	for _, s := range o.only {
		if !slices.Contains(scenarios, s) {
			return rep, fmt.Errorf("unknown scenario %q (known: %s)", s, strings.Join(scenarios, ", "))
		}
	}
	if o.work == "" {
		dir, err := os.MkdirTemp("", "chaos-")
		if err != nil {
			return rep, err
		}
		o.work = dir
		if !o.keep {
			defer func() { _ = os.RemoveAll(dir) }()
		}
	}
	terraform, err := exec.LookPath(o.terraform)
	if err != nil {
		return rep, err
	}
	o.terraform = terraform
	if out, err := exec.CommandContext(ctx, terraform, "version").Output(); err == nil {
		rep.add("setup", "terraform", strings.SplitN(string(out), "\n", 2)[0])
	}
	if o.providerDir == "" {
		o.providerDir = filepath.Join(o.work, "provider")
		fmt.Println("building the provider ...")
		if err := buildProvider(ctx, ".", o.providerDir); err != nil {
			return rep, err
		}
	}
	o.providerDir, _ = filepath.Abs(o.providerDir)
	rep.add("setup", "provider", o.providerDir)
	rep.add("setup", "work", o.work)

	for _, name := range scenarios {
		if !slices.Contains(o.only, name) {
			continue
		}
		fmt.Printf("== %s\n", name)
		start := time.Now()
		var err error
		switch name {
		case "faults":
			scenarioFaults(ctx, o, rep)
		case "ratelimit":
			err = scenarioRateLimit(ctx, o, rep)
		case "trace":
			err = scenarioTrace(ctx, o, rep)
		case "interrupt":
			err = scenarioInterrupt(ctx, o, rep)
		case "slowdown":
			err = scenarioSlowdown(ctx, o, rep)
		}
		if err != nil {
			rep.fail(name, "error", err.Error())
		}
		rep.add(name, "scenario time", round(time.Since(start)).String())
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
	}
	return rep, nil
}

// buildProvider builds the provider of the checkout in src into dir.
func buildProvider(ctx context.Context, src, dir string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", filepath.Join(dir, "terraform-provider-alibabacloud"), ".")
	cmd.Dir = src
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building the provider in %s: %w", src, err)
	}
	return nil
}

// buildBaseline builds the provider as it was at ref into dir (from `git archive`, so the
// checkout is not touched).
func buildBaseline(ctx context.Context, ref, work, dir string) error {
	src := filepath.Join(work, "baseline-src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return err
	}
	archive := exec.CommandContext(ctx, "sh", "-c", fmt.Sprintf("git archive --format=tar %q | tar -x -C %q", ref, src))
	archive.Stderr = os.Stderr
	if err := archive.Run(); err != nil {
		return fmt.Errorf("extracting %s: %w", ref, err)
	}
	return buildProvider(ctx, src, dir)
}

// report collects the figures, and whether each goal was met.
type report struct {
	lines []reportLine
}

type reportLine struct {
	scenario, name, value, goal string
	failed                      bool
}

// add records a figure that has no goal.
func (r *report) add(scenario, name, value string) {
	r.lines = append(r.lines, reportLine{scenario: scenario, name: name, value: value})
	fmt.Printf("   %-34s %s\n", name, value)
}

// check records a figure with its goal and whether it was met.
func (r *report) check(scenario, name, value, goal string, ok bool) {
	r.lines = append(r.lines, reportLine{scenario: scenario, name: name, value: value, goal: goal, failed: !ok})
	verdict := "ok"
	if !ok {
		verdict = "MISSED"
	}
	fmt.Printf("   %-34s %s (goal: %s) %s\n", name, value, goal, verdict)
}

// fail records a failure.
func (r *report) fail(scenario, name, value string) {
	r.check(scenario, name, value, "none", false)
}

func (r *report) passed() bool {
	for _, l := range r.lines {
		if l.failed {
			return false
		}
	}
	return true
}

// String renders the figures as a table.
func (r *report) String() string {
	var b strings.Builder
	b.WriteString("CHAOS SUITE FIGURES\n")
	last := ""
	for _, l := range r.lines {
		if l.scenario != last {
			fmt.Fprintf(&b, "\n[%s]\n", l.scenario)
			last = l.scenario
		}
		line := fmt.Sprintf("  %-34s %s", l.name, l.value)
		if l.goal != "" {
			verdict := "ok"
			if l.failed {
				verdict = "MISSED"
			}
			line += fmt.Sprintf("   (goal: %s: %s)", l.goal, verdict)
		}
		b.WriteString(line + "\n")
	}
	verdict := "every goal met"
	if !r.passed() {
		verdict = "SOME GOALS MISSED"
	}
	fmt.Fprintf(&b, "\n%s\n", verdict)
	return b.String()
}

// round rounds a duration for display.
func round(d time.Duration) time.Duration { return d.Round(100 * time.Millisecond) }
