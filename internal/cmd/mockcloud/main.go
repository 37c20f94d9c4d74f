// Command mockcloud serves the mock Alibaba Cloud endpoint (Cbn and Ga RPC APIs plus the
// /_mock/ admin endpoints) on a local address, for the demo and for manual testing.
//
//	go run ./internal/cmd/mockcloud -addr 127.0.0.1:0 -seed examples/demo/seed.json
//
// The first line on standard output is "listening on http://HOST:PORT". SIGINT or SIGTERM
// stops the server cleanly.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// defaultCallLogLimit bounds the call log of a mock that may run for days (a few megabytes).
const defaultCallLogLimit = 10000

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0) // -h: the usage is printed already
		}
		fmt.Fprintln(os.Stderr, "mockcloud:", err)
		os.Exit(1)
	}
}

// run parses args, serves until ctx is done and then shuts the server down.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("mockcloud", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8686", "address to listen on (port 0 picks a free port)")
	seedFile := fs.String("seed", "", "JSON seed file (CenBandwidthPackages, BandwidthPackages, Accelerators, AccessKeys)")
	stateFile := fs.String("state", "", "JSON state file: loaded at start if it exists (instead of -seed), saved after every change")
	delay := fs.Duration("delay", 2*time.Second, "how long asynchronous operations take (virtual time)")
	keyID := fs.String("access-key-id", mockcloud.DefaultAccessKeyID, "AccessKeyId accepted besides the seed's keys")
	keySecret := fs.String("access-key-secret", mockcloud.DefaultAccessKeySecret, "AccessKeySecret of -access-key-id")
	callLogLimit := fs.Int("call-log-limit", defaultCallLogLimit, "how many calls GET /_mock/calls keeps, the oldest dropped first (0: no limit)")
	callLogBytes := byteSize(mockcloud.DefaultCallLogBytes)
	fs.Var(&callLogBytes, "call-log-bytes", "the call log's byte budget, the oldest calls dropped first: bytes, or a number with KiB, MiB or GiB (0: no budget)")
	rateLimit := fs.String("rate-limit", "", "flow control per AccessKeyId: ACTION=RATE pairs in calls per second, * for every other action, "+
		"for example '*=20,DescribeBandwidthPackage=10'; a key's call beyond its rate is answered Throttling.User")
	apiRateLimit := fs.String("api-rate-limit", "", "flow control per action across all keys, in the -rate-limit syntax; a call beyond it is answered Throttling.Api")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q; every setting is a flag (see -h)", fs.Args())
	}

	rateLimits, err := rpc.ParseRateLimits(*rateLimit)
	if err != nil {
		return fmt.Errorf("-rate-limit: %w", err)
	}
	apiRateLimits, err := rpc.ParseRateLimits(*apiRateLimit)
	if err != nil {
		return fmt.Errorf("-api-rate-limit: %w", err)
	}
	opts := mockcloud.Options{
		RateLimits:      rateLimits,
		APIRateLimits:   apiRateLimits,
		Delay:           *delay,
		AccessKeyID:     *keyID,
		AccessKeySecret: *keySecret,
		StateFile:       *stateFile,
		CallLogLimit:    *callLogLimit,
		CallLogBytes:    int64(callLogBytes),
	}
	if *seedFile != "" {
		seed, err := mockcloud.LoadStateFile(*seedFile)
		if err != nil {
			return err
		}
		opts.Seed = seed
	}
	cloud, err := mockcloud.New(opts)
	if err != nil {
		return err
	}

	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", *addr)
	if err != nil {
		return err
	}
	server := cloud.NewHTTPServer()
	if _, err := fmt.Fprintf(stdout, "listening on http://%s\n", ln.Addr()); err != nil {
		_ = ln.Close()
		return err
	}

	served := make(chan error, 1)
	go func() { served <- server.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := server.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("stopping: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// byteSize is a flag value in bytes, written as a plain number or with a binary unit suffix
// (KiB, MiB, GiB), for example 32MiB.
type byteSize int64

// String implements flag.Value.
func (b *byteSize) String() string {
	switch n := int64(*b); {
	case n != 0 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + "GiB"
	case n != 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MiB"
	case n != 0 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KiB"
	default:
		return strconv.FormatInt(n, 10)
	}
}

// Set implements flag.Value.
func (b *byteSize) Set(text string) error {
	number, shift := text, 0
	for _, unit := range []struct {
		suffix string
		shift  int
	}{{"KiB", 10}, {"MiB", 20}, {"GiB", 30}} {
		if rest, ok := strings.CutSuffix(text, unit.suffix); ok {
			number, shift = rest, unit.shift
			break
		}
	}
	n, err := strconv.ParseInt(number, 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64>>shift {
		return fmt.Errorf("want a number of bytes such as 33554432 or 32MiB, got %q", text)
	}
	*b = byteSize(n << shift)
	return nil
}
