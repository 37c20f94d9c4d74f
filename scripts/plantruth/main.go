// Command plantruth measures how many bad configurations real Terraform refuses at plan, before
// any call that changes something, and how many it leaves for apply: it runs each case of a
// fixed list (bad configurations of the kinds issue 12 found, and valid ones at the edges)
// through `terraform plan` and, when the plan passes, `terraform apply`, each against a
// standalone mock cloud of its own, and counts the mutating calls the mock received.
//
//	go run ./scripts/plantruth                          # the provider and mock built from this tree
//	go run ./scripts/plantruth -terraform /path/to/terraform-1.5.7 -run 'endpoint|timeout'
//	go run ./scripts/plantruth -provider-dir /tmp/old   # another build of the provider
//
// It prints one line per case and the totals; it exits 1 when a bad case was applied or a
// valid one refused.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud"
)

// testCase is one configuration: bad ones must be refused, good ones applied.
type testCase struct {
	name string
	bad  bool
	// setup, when set, is applied first (it must succeed); config is then planned and applied
	// in the same directory, so that it changes what setup created.
	setup string
	// config is the configuration's resources; {{URL}} is the mock's address. A case that
	// brings its own provider block sets ownProvider.
	config      string
	ownProvider bool
}

// outcome is what Terraform did with a case.
type outcome struct {
	c              testCase
	stage          string // "plan", "apply" (refused there) or "applied"
	mutatingPlan   int    // mutating calls the mock got during the plan
	mutatingApply  int    // ... during the apply
	message        string // the first error's summary
	setupFailed    string
	harnessFailure string
}

func main() {
	terraform := flag.String("terraform", "terraform", "the Terraform CLI")
	providerDir := flag.String("provider-dir", "", "a directory holding the provider binary (default: built from this tree)")
	mockBin := flag.String("mock", "", "the mock cloud binary (default: built from this tree)")
	filter := flag.String("run", "", "only the cases whose name matches this regular expression")
	parallel := flag.Int("parallel", 2, "cases run at once")
	verbose := flag.Bool("v", false, "print Terraform's output of every case")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	work, err := os.MkdirTemp("", "plantruth-")
	check(err)
	defer func() { _ = os.RemoveAll(work) }()
	if *providerDir == "" {
		*providerDir = filepath.Join(work, "bin")
		run(ctx, "go", "build", "-o", filepath.Join(*providerDir, "terraform-provider-alibabacloud"), ".")
	}
	if *mockBin == "" {
		*mockBin = filepath.Join(work, "mockcloud")
		run(ctx, "go", "build", "-o", *mockBin, "./internal/cmd/mockcloud")
	}
	abs, err := filepath.Abs(*providerDir)
	check(err)
	cliConfig := filepath.Join(work, "terraformrc")
	check(os.WriteFile(cliConfig, []byte(fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/alibabacloud/alibabacloud" = %q
  }
  direct {}
}
`, abs)), 0o600))
	seed := filepath.Join(work, "seed.json")
	check(os.WriteFile(seed, []byte(seedJSON), 0o600))

	re := regexp.MustCompile(*filter)
	var selected []testCase
	for _, c := range cases() {
		if re.MatchString(c.name) {
			selected = append(selected, c)
		}
	}
	outcomes := make([]outcome, len(selected))
	sem := make(chan struct{}, *parallel)
	var wg sync.WaitGroup
	for i, c := range selected {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			dir := filepath.Join(work, fmt.Sprintf("case%03d", i))
			outcomes[i] = runCase(ctx, c, dir, *terraform, cliConfig, *mockBin, seed, *verbose)
		}()
	}
	wg.Wait()
	code := report(ctx, outcomes, *terraform)
	stop()
	os.Exit(code)
}

// runCase runs one case in dir against a mock of its own.
func runCase(ctx context.Context, c testCase, dir, terraform, cliConfig, mockBin, seed string, verbose bool) outcome {
	o := outcome{c: c}
	check(os.MkdirAll(dir, 0o700))
	url, stop, err := startMock(ctx, mockBin, seed, dir)
	if err != nil {
		o.harnessFailure = err.Error()
		return o
	}
	defer stop()
	tf := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, terraform, append(args, "-no-color", "-input=false")...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
		out, err := cmd.CombinedOutput()
		if verbose {
			fmt.Printf("---- %s: terraform %s\n%s\n", c.name, strings.Join(args, " "), out)
		}
		return string(out), err
	}
	write := func(body string, own bool) {
		text := "terraform {\n  required_providers {\n    alibabacloud = { source = \"alibabacloud/alibabacloud\" }\n  }\n}\n"
		if !own {
			text += providerBlock
		}
		text += body
		check(os.WriteFile(filepath.Join(dir, "main.tf"), []byte(strings.ReplaceAll(text, "{{URL}}", url)), 0o600))
	}
	if c.setup != "" {
		write(c.setup, false)
		if out, err := tf("apply", "-auto-approve"); err != nil {
			o.setupFailed = firstError(out)
			return o
		}
	}
	write(c.config, c.ownProvider)
	seq := lastSeq(ctx, url)
	out, err := tf("plan")
	o.mutatingPlan = mutatingSince(ctx, url, seq)
	if err != nil {
		o.stage, o.message = "plan", firstError(out)
		return o
	}
	seq = lastSeq(ctx, url)
	out, err = tf("apply", "-auto-approve")
	o.mutatingApply = mutatingSince(ctx, url, seq)
	if err != nil {
		o.stage, o.message = "apply", firstError(out)
		return o
	}
	o.stage = "applied"
	return o
}

// report prints the outcomes and the totals, and returns the exit code.
func report(ctx context.Context, outcomes []outcome, terraform string) int {
	version, _ := exec.CommandContext(ctx, terraform, "version").Output()
	fmt.Printf("Terraform: %s\n", strings.SplitN(string(version), "\n", 2)[0])
	var badPlan, badPlanMutating, badApply, badApplyMutating, badApplied, good, goodRefused, broken int
	for _, o := range outcomes {
		kind := "valid"
		if o.c.bad {
			kind = "bad"
		}
		verdict := ""
		switch {
		case o.harnessFailure != "" || o.setupFailed != "":
			broken++
			verdict = "HARNESS: " + o.harnessFailure + o.setupFailed
		case o.c.bad && o.stage == "plan":
			badPlan++
			verdict = "refused at plan"
			if o.mutatingPlan > 0 {
				badPlanMutating++
				verdict += fmt.Sprintf(" AFTER %d MUTATING CALLS", o.mutatingPlan)
			}
		case o.c.bad && o.stage == "apply":
			badApply++
			verdict = fmt.Sprintf("refused at APPLY (%d mutating calls)", o.mutatingApply)
			if o.mutatingApply > 0 {
				badApplyMutating++
			}
		case o.c.bad:
			badApplied++
			verdict = "APPLIED"
		case o.stage == "applied":
			good++
			verdict = "applied"
		default:
			goodRefused++
			verdict = "REFUSED at " + o.stage
		}
		fmt.Printf("%-5s %-58s %-36s %s\n", kind, o.c.name, verdict, o.message)
	}
	fmt.Printf("\nbad: %d refused at plan (%d after a mutating call), %d refused at apply (%d after a mutating call), %d applied\n",
		badPlan, badPlanMutating, badApply, badApplyMutating, badApplied)
	fmt.Printf("valid: %d applied, %d refused; harness failures: %d\n", good, goodRefused, broken)
	if badApplied > 0 || goodRefused > 0 || broken > 0 {
		return 1
	}
	return 0
}

// startMock starts a mock cloud on a free port with the seed and returns its URL.
func startMock(ctx context.Context, mockBin, seed, dir string) (string, func(), error) {
	ctx, cancel := context.WithCancel(ctx)
	cmd := exec.CommandContext(ctx, mockBin, "-addr", "127.0.0.1:0", "-seed", seed, "-delay", "1s")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		cancel()
		return "", nil, err
	}
	logFile, err := os.Create(filepath.Join(dir, "mock.log"))
	if err != nil {
		cancel()
		return "", nil, err
	}
	cmd.Stderr = logFile
	if err := cmd.Start(); err != nil {
		cancel()
		return "", nil, err
	}
	stop := func() {
		cancel()
		_ = cmd.Wait()
		_ = logFile.Close()
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "listening on ") {
		stop()
		return "", nil, fmt.Errorf("the mock did not start: %q: %w", line, err)
	}
	url := strings.Fields(strings.TrimPrefix(line, "listening on "))[0]
	go func() { _, _ = bufio.NewReader(stdout).WriteTo(logFile) }()
	return url, stop, nil
}

// getCalls reads the mock's call log after seq; limit 1 when only its headers matter.
func getCalls(ctx context.Context, url string, seq, limit int) *http.Response {
	query := fmt.Sprintf("%s/_mock/calls?since=%d", url, seq)
	if limit > 0 {
		query += fmt.Sprintf("&limit=%d", limit)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, query, nil)
	check(err)
	resp, err := http.DefaultClient.Do(req)
	check(err)
	return resp
}

// lastSeq is the number of the newest call the mock logged.
func lastSeq(ctx context.Context, url string) int {
	resp := getCalls(ctx, url, 1<<62, 1)
	defer func() { _ = resp.Body.Close() }()
	n, _ := strconv.Atoi(resp.Header.Get("X-Mock-Calls-Last-Seq"))
	return n
}

// mutatingSince counts the calls after seq of actions that change something.
func mutatingSince(ctx context.Context, url string, seq int) int {
	resp := getCalls(ctx, url, seq, 0)
	defer func() { _ = resp.Body.Close() }()
	var calls []struct{ Action string }
	check(json.NewDecoder(resp.Body).Decode(&calls))
	n := 0
	for _, c := range calls {
		if mockcloud.IsMutatingAction(c.Action) {
			n++
		}
	}
	return n
}

// sourceLine matches the configuration lines Terraform quotes in a diagnostic.
var sourceLine = regexp.MustCompile(`^\d+:`)

// firstError returns the summary of Terraform's first error, and the line after it.
func firstError(out string) string {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "Error: ") {
			summary := strings.TrimPrefix(strings.TrimSpace(l), "Error: ")
			for _, next := range lines[i+1:] {
				if t := strings.TrimSpace(next); t != "" && !strings.HasPrefix(t, "with ") && !strings.HasPrefix(t, "on ") &&
					!sourceLine.MatchString(t) {
					return cut(summary+": "+t, 140)
				}
			}
			return cut(summary, 140)
		}
	}
	return cut(strings.TrimSpace(out), 140)
}

func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "..."
	}
	return s
}

func run(ctx context.Context, name string, args ...string) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	check(cmd.Run())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// endIn is an end_time d from now, to the minute.
func endIn(d time.Duration) string {
	return time.Now().UTC().Add(d).Truncate(time.Minute).Format("2006-01-02T15:04:05Z")
}
