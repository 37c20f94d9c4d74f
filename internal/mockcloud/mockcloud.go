// Package mockcloud assembles a mock Alibaba Cloud endpoint for tests and the demo: the RPC
// engine (package rpc) serving the Cbn (2017-09-12) and Ga (2019-11-20) products on one
// virtual clock, plus admin endpoints under /_mock/ (see Cloud.Handler) and JSON seed and
// state files.
//
// Seed and state files are one JSON object with the top-level keys Account (the account's
// switches, see Account), CenBandwidthPackages, BandwidthPackages, Accelerators and AccessKeys,
// each a list of objects with the API's own field names (see State); unknown top-level keys are
// rejected. Only regular files of at most DefaultMaxStateFileBytes are read. Fields a seed
// leaves out get
// the values the real service would show; fields named Mock* are the mock's own bookkeeping.
//
// The mock accepts DefaultAccessKeyID/DefaultAccessKeySecret unless Options name another
// pair, plus every pair in the seed's AccessKeys.
package mockcloud

import (
	"errors"
	"fmt"
	"log"
	mathrand "math/rand/v2"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Default key pair the mock accepts unless told otherwise.
const (
	DefaultAccessKeyID     = "LTAI5tMockAccessKeyId"
	DefaultAccessKeySecret = "MockAccessKeySecret0123456789"
)

// State is the whole mock state, the format of seed and state files.
type State struct {
	// Account is the account's switches; nil keeps those in force (at start, the zero Account).
	Account *Account `json:"Account,omitempty"`
	// CenBandwidthPackages are the Cbn bandwidth packages, as DescribeCenBandwidthPackages shows them.
	CenBandwidthPackages []cbn.Package `json:"CenBandwidthPackages"`
	// BandwidthPackages are the GA bandwidth packages, as DescribeBandwidthPackage shows them.
	BandwidthPackages []ga.BandwidthPackage `json:"BandwidthPackages"`
	// Accelerators are the GA accelerators, as DescribeAccelerator shows them.
	Accelerators []ga.Accelerator `json:"Accelerators"`
	// AccessKeys are key pairs accepted besides the Options pair.
	AccessKeys []rpc.AccessKey `json:"AccessKeys"`
}

// Options configure a Cloud.
type Options struct {
	// Delay is how long asynchronous operations take (virtual time).
	Delay time.Duration
	// AccessKeyID and AccessKeySecret form a key pair accepted besides those in Seed;
	// empty means the default pair.
	AccessKeyID, AccessKeySecret string
	// Seed is the initial state; nil starts empty.
	Seed *State
	// StateFile, when set, is loaded at start if it exists (and then takes precedence over
	// Seed) and saved after every successful mutating call and every clock advance. New
	// refuses a StateFile it could not save (a missing or read-only directory).
	StateFile string
	// MaxStateFileBytes bounds the StateFile read at start; zero means
	// DefaultMaxStateFileBytes.
	MaxStateFileBytes int64
	// RateLimits and APIRateLimits are the initial flow control (see rpc.Faults): calls per
	// second per AccessKeyId and action, and per action across keys.
	RateLimits, APIRateLimits map[string]float64
	// ReadHeaderTimeout, ReadTimeout, WriteTimeout and IdleTimeout are the timeouts of the
	// server NewHTTPServer builds (see net/http.Server); zero means the Default... value.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// Rand decides which calls the fault rates hit; nil seeds one at random. Tests that set
	// rates strictly between 0 and 1 pass a fixed seed.
	Rand *mathrand.Rand
	// CallLogLimit is how many records the call log keeps, the oldest dropped first; zero
	// keeps them all (a mock that serves one test). A long-running mock sets a limit.
	CallLogLimit int
	// CallLogBytes is the call log's byte budget (see rpc.Config.CallLogBytes), the oldest
	// records dropped first; zero means no budget. A long-running mock sets one
	// (DefaultCallLogBytes).
	CallLogBytes int64
}

// DefaultCallLogBytes is the call log's byte budget in the standalone mock: some 50,000
// ordinary calls, and never fewer than about 450 of the largest records (every record is
// bounded by rpc.MaxLoggedStringBytes and rpc.MaxLoggedParams, to about 70 kB).
const DefaultCallLogBytes = 32 << 20

// Default timeouts of the server NewHTTPServer builds: a client has 10 s to send a request's
// headers and a minute for the whole request, the mock 5 minutes to answer (a Latency fault
// longer than that closes the connection instead), and an idle connection is closed after 2
// minutes.
const (
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = time.Minute
	DefaultWriteTimeout      = 5 * time.Minute
	DefaultIdleTimeout       = 2 * time.Minute
)

// Cloud is a running mock: an http.Handler plus test controls.
type Cloud struct {
	// Clock is the virtual clock every product runs on.
	Clock *clock.Clock
	// CBN serves Cbn 2017-09-12.
	CBN *cbn.Product
	// GA serves Ga 2019-11-20.
	GA *ga.Product
	// Engine verifies, logs and dispatches the API calls.
	Engine *rpc.Server

	// optionKey is the Options key pair; it is not part of State.AccessKeys.
	optionKey rpc.AccessKey
	timeouts  [4]time.Duration // read header, read, write, idle
	stateFile string
	saveMu    sync.Mutex
	delayMu   sync.Mutex
	delay     time.Duration
}

// New assembles a Cloud.
func New(opts Options) (*Cloud, error) {
	if opts.Delay < 0 {
		return nil, fmt.Errorf("delay must not be negative, got %s", opts.Delay)
	}
	if opts.CallLogLimit < 0 {
		return nil, fmt.Errorf("call log limit must not be negative (0 keeps every call), got %d", opts.CallLogLimit)
	}
	timeouts := [4]time.Duration{DefaultReadHeaderTimeout, DefaultReadTimeout, DefaultWriteTimeout, DefaultIdleTimeout}
	for i, d := range []time.Duration{opts.ReadHeaderTimeout, opts.ReadTimeout, opts.WriteTimeout, opts.IdleTimeout} {
		switch {
		case d < 0:
			return nil, fmt.Errorf("server timeouts must not be negative, got %s", d)
		case d > 0:
			timeouts[i] = d
		}
	}
	if opts.CallLogBytes < 0 {
		return nil, fmt.Errorf("call log byte budget must not be negative (0 means none), got %d", opts.CallLogBytes)
	}
	key := rpc.AccessKey{AccessKeyId: opts.AccessKeyID, AccessKeySecret: opts.AccessKeySecret}
	switch {
	case key.AccessKeyId == "" && key.AccessKeySecret == "":
		key = rpc.AccessKey{AccessKeyId: DefaultAccessKeyID, AccessKeySecret: DefaultAccessKeySecret}
	case key.AccessKeyId == "" || key.AccessKeySecret == "":
		return nil, errors.New("the access key id and secret must be set together (or both left empty for the default pair)")
	}

	clk := clock.New()
	c := &Cloud{
		Clock:     clk,
		CBN:       cbn.New(clk, opts.Delay),
		GA:        ga.New(clk, opts.Delay),
		optionKey: key,
		timeouts:  timeouts,
		stateFile: opts.StateFile,
		delay:     opts.Delay,
	}
	c.Engine = rpc.NewServer(rpc.Config{
		Products:     []rpc.Product{c.CBN, c.GA},
		Clock:        clk,
		Keys:         map[string]string{key.AccessKeyId: key.AccessKeySecret},
		Rand:         opts.Rand,
		OnSuccess:    c.afterCall,
		CallLogLimit: opts.CallLogLimit,
		CallLogBytes: opts.CallLogBytes,
	})

	if len(opts.RateLimits) > 0 || len(opts.APIRateLimits) > 0 {
		if err := c.Engine.SetFaults(rpc.Faults{RateLimits: opts.RateLimits, APIRateLimits: opts.APIRateLimits}); err != nil {
			return nil, err
		}
	}

	seed := opts.Seed
	if opts.StateFile != "" {
		if err := checkStateFileWritable(opts.StateFile); err != nil {
			return nil, err
		}
		maxBytes := opts.MaxStateFileBytes
		if maxBytes <= 0 {
			maxBytes = DefaultMaxStateFileBytes
		}
		st, err := ReadStateFile(opts.StateFile, maxBytes)
		switch {
		case err == nil:
			seed = st
		case !errors.Is(err, os.ErrNotExist):
			return nil, err
		}
	}
	if seed != nil {
		for _, k := range seed.AccessKeys {
			if k.AccessKeyId == "" || k.AccessKeySecret == "" {
				return nil, fmt.Errorf("AccessKeys: every entry needs AccessKeyId and AccessKeySecret (entry %q)", k.AccessKeyId)
			}
			c.Engine.AddKey(k)
		}
		if err := c.restore(*seed); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// NewHTTPServer returns an HTTP server for Handler with the Options timeouts, so that a
// connection that stalls (headers or body never finished, an answer never read, idle) is
// closed. It reads request headers of up to four times rpc.DefaultMaxHeaderBytes, so that the
// engine answers those over its limit in the API's error shape; larger ones get net/http's
// plain-text 431. The standalone mock serves with it.
func (c *Cloud) NewHTTPServer() *http.Server {
	return &http.Server{
		Handler:           c.Handler(),
		MaxHeaderBytes:    4 * rpc.DefaultMaxHeaderBytes,
		ReadHeaderTimeout: c.timeouts[0],
		ReadTimeout:       c.timeouts[1],
		WriteTimeout:      c.timeouts[2],
		IdleTimeout:       c.timeouts[3],
	}
}

// restore hands the products their part of s.
func (c *Cloud) restore(s State) error {
	if a := s.Account; a != nil {
		if err := c.GA.SetAccount(a.GA); err != nil {
			return fmt.Errorf("Account: %w", err)
		}
		c.CBN.SetAccount(a.CBN)
	}
	if err := c.CBN.Restore(s.CenBandwidthPackages); err != nil {
		return fmt.Errorf("CenBandwidthPackages: %w", err)
	}
	if err := c.GA.Restore(s.BandwidthPackages, s.Accelerators); err != nil {
		return fmt.Errorf("BandwidthPackages/Accelerators: %w", err)
	}
	return nil
}

// Calls returns the call log, oldest first.
func (c *Cloud) Calls() []rpc.CallRecord { return c.Engine.Calls() }

// CallLog returns the call log, oldest first, and how many older records Options.CallLogLimit
// has dropped from it.
func (c *Cloud) CallLog() (calls []rpc.CallRecord, dropped int) { return c.Engine.CallLog() }

// Forward moves the virtual clock forward (and saves the state file, since due operations
// settle). It refuses what clock.Clock.Forward refuses: a negative d, or one that would put
// the clock more than clock.MaxOffset ahead of real time.
func (c *Cloud) Forward(d time.Duration) error {
	if err := c.Clock.Forward(d); err != nil {
		return err
	}
	c.saveLogged()
	return nil
}

// Advance is Forward for tests, which know d is valid: a d that Forward refuses is ignored.
func (c *Cloud) Advance(d time.Duration) {
	_ = c.Forward(d)
}

// SetDelay changes how long asynchronous operations take from now on.
func (c *Cloud) SetDelay(d time.Duration) {
	c.delayMu.Lock()
	c.delay = d
	c.delayMu.Unlock()
	c.CBN.SetDelay(d)
	c.GA.SetDelay(d)
}

// Delay reports how long asynchronous operations take.
func (c *Cloud) Delay() time.Duration {
	c.delayMu.Lock()
	defer c.delayMu.Unlock()
	return c.delay
}

// SetFaults replaces the fault-injection setting.
func (c *Cloud) SetFaults(f rpc.Faults) error { return c.Engine.SetFaults(f) }

// State returns the current state, pending operations settled as of the virtual clock.
// AccessKeys lists the keys from the seed or state file, not the Options pair.
func (c *Cloud) State() State {
	packages, accelerators := c.GA.Snapshot()
	s := State{
		Account:              &Account{CBN: c.CBN.Account(), GA: c.GA.Account()},
		CenBandwidthPackages: c.CBN.Snapshot(),
		BandwidthPackages:    packages,
		Accelerators:         accelerators,
		AccessKeys:           []rpc.AccessKey{},
	}
	for _, k := range c.Engine.Keys() {
		if k != c.optionKey {
			s.AccessKeys = append(s.AccessKeys, k)
		}
	}
	if s.CenBandwidthPackages == nil {
		s.CenBandwidthPackages = []cbn.Package{}
	}
	if s.BandwidthPackages == nil {
		s.BandwidthPackages = []ga.BandwidthPackage{}
	}
	if s.Accelerators == nil {
		s.Accelerators = []ga.Accelerator{}
	}
	return s
}

// ReplaceState replaces the products' state (not the keys), as a test does to change things
// behind Terraform's back. The state file, if any, is saved.
func (c *Cloud) ReplaceState(s State) error {
	if err := c.restore(s); err != nil {
		return err
	}
	return c.save()
}

// IsMutatingAction reports whether an action changes state: every action except the read
// families Describe*, List*, Get* and Query*.
func IsMutatingAction(action string) bool {
	for _, prefix := range []string{"Describe", "List", "Get", "Query"} {
		if strings.HasPrefix(action, prefix) {
			return false
		}
	}
	return true
}

// afterCall saves the state file after a successful mutating call.
func (c *Cloud) afterCall(call *rpc.Call) {
	if IsMutatingAction(call.Action) {
		c.saveLogged()
	}
}

// saveLogged saves the state file, reporting a failure on the standard logger: the API call
// that caused the save has already succeeded.
func (c *Cloud) saveLogged() {
	if err := c.save(); err != nil {
		log.Printf("mockcloud: %v", err)
	}
}

// save writes the state file atomically (temporary file + rename), if there is one.
func (c *Cloud) save() error {
	if c.stateFile == "" {
		return nil
	}
	c.saveMu.Lock()
	defer c.saveMu.Unlock()
	return writeStateFile(c.stateFile, c.State())
}
