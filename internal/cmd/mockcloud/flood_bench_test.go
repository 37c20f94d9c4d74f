package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkStandalone_callLogFlood measures what the call log flood of issue 12 costs the
// standalone mock: it builds the command, starts it with its default flags, sends 120
// requests with 0.9 MB of parameters each (a long query, a long form value, and 900 form
// values of 1 kB, 40 of each; 4 senders) while six readers fetch GET /_mock/calls over and
// over, then fills the call log to its byte budget with 1000 more, and reports the process's
// peak resident memory (VmHWM) after each phase, with the size of the last full answer of
// GET /_mock/calls. Linux only (it reads /proc). Run it once:
//
//	go test -run '^$' -bench Flood -benchtime 1x ./internal/cmd/mockcloud/
func BenchmarkStandalone_callLogFlood(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("the peak RSS is read from /proc/PID/status")
	}
	bin := filepath.Join(b.TempDir(), "mockcloud")
	if out, err := exec.CommandContext(b.Context(), "go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for range b.N {
		floodOnce(b, bin)
	}
}

// floodOnce runs one standalone mock through both phases and reports the figures.
func floodOnce(b *testing.B, bin string) {
	ctx, cancel := context.WithCancel(b.Context())
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { cancel(); _ = cmd.Wait() }()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		b.Fatalf("reading the mock's first line: %v", err)
	}
	base := strings.TrimSpace(strings.TrimPrefix(line, "listening on "))
	client := &http.Client{Timeout: 2 * time.Minute}

	idleRSS := peakRSS(b, cmd.Process.Pid)
	lastAnswer := flood(b, client, base, 120)
	b.ReportMetric(idleRSS, "MB-RSS-at-start")
	b.ReportMetric(peakRSS(b, cmd.Process.Pid), "MB-peak-RSS-issue-flood")
	b.ReportMetric(float64(lastAnswer)/(1<<20), "MB-calls-answer-issue-flood")

	lastAnswer = flood(b, client, base, 1000)
	b.ReportMetric(peakRSS(b, cmd.Process.Pid), "MB-peak-RSS-log-full")
	b.ReportMetric(float64(lastAnswer)/(1<<20), "MB-calls-answer-log-full")
}

// flood sends n requests of 0.9 MB of parameters with four senders while six readers fetch
// the call log; it returns the size of the last full call log answer, read after the flood
// by six readers at once.
func flood(b *testing.B, client *http.Client, base string, n int) int64 {
	var next atomic.Int64
	var senders, readers sync.WaitGroup
	done := make(chan struct{})
	for range 4 {
		senders.Go(func() {
			for {
				i := next.Add(1)
				if i > int64(n) {
					return
				}
				send(b, client, base, int(i))
			}
		})
	}
	var lastSize atomic.Int64
	for range 6 {
		readers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				lastSize.Store(readCalls(b, client, base))
			}
		})
	}
	senders.Wait()
	close(done)
	readers.Wait()
	var final sync.WaitGroup
	for range 6 {
		final.Go(func() { lastSize.Store(readCalls(b, client, base)) })
	}
	final.Wait()
	return lastSize.Load()
}

// send sends request i: a GET with a long query, a POST with a long value, or a POST with
// many values, each about 0.9 MB, unsigned (the mock logs it with MissingAccessKeyId).
func send(b *testing.B, client *http.Client, base string, i int) {
	const size = 900_000
	params := url.Values{"Action": {"DescribeBandwidthPackage"}, "Version": {"2019-11-20"}}
	var req *http.Request
	var err error
	switch i % 3 {
	case 0:
		params.Set("BandwidthPackageId", strings.Repeat("q", size))
		req, err = http.NewRequestWithContext(b.Context(), http.MethodGet, base+"/?"+params.Encode(), nil)
	case 1:
		params.Set("Description", strings.Repeat("d", size))
		req, err = http.NewRequestWithContext(b.Context(), http.MethodPost, base+"/", strings.NewReader(params.Encode()))
	default:
		value := strings.Repeat("v", 1000)
		for j := range size / 1000 {
			params.Set("Tag."+strconv.Itoa(j)+".Value", value)
		}
		req, err = http.NewRequestWithContext(b.Context(), http.MethodPost, base+"/", strings.NewReader(params.Encode()))
	}
	if err != nil {
		b.Fatal(err)
	}
	if req.Method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := client.Do(req)
	if err != nil {
		b.Errorf("request %d: %v", i, err)
		return
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		b.Errorf("request %d answered %d, want 400 (unsigned)", i, resp.StatusCode)
	}
}

// readCalls reads the whole call log and returns the answer's size.
func readCalls(b *testing.B, client *http.Client, base string) int64 {
	req, err := http.NewRequestWithContext(b.Context(), http.MethodGet, base+"/_mock/calls", nil)
	if err != nil {
		b.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		b.Errorf("GET /_mock/calls: %v", err)
		return 0
	}
	defer resp.Body.Close()
	n, _ := io.Copy(io.Discard, resp.Body)
	return n
}

// peakRSS returns the process's peak resident memory so far, in MB (VmHWM).
func peakRSS(b *testing.B, pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				b.Fatalf("VmHWM %q: %v", rest, err)
			}
			return kb / 1024
		}
	}
	b.Fatal("no VmHWM in /proc status")
	return 0
}
