// Package mockcloud assembles a mock Alibaba Cloud endpoint for tests and the demo: the RPC
// engine (package rpc) serving the Cbn and Ga products on one virtual clock, plus admin
// endpoints under /_mock/ and JSON seed and state files.
package mockcloud

import (
	"net/http"
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
	CenBandwidthPackages []cbn.Package         `json:"CenBandwidthPackages"`
	BandwidthPackages    []ga.BandwidthPackage `json:"BandwidthPackages"`
	Accelerators         []ga.Accelerator      `json:"Accelerators"`
	AccessKeys           []rpc.AccessKey       `json:"AccessKeys"`
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
	// StateFile, when set, is loaded at start if it exists and saved after every mutating call.
	StateFile string
}

// Cloud is a running mock: an http.Handler plus test controls.
type Cloud struct {
	Clock  *clock.Clock
	CBN    *cbn.Product
	GA     *ga.Product
	Engine *rpc.Server
}

// New assembles a Cloud.
func New(opts Options) (*Cloud, error) { panic("TODO") }

// LoadStateFile reads a seed or state file.
func LoadStateFile(path string) (*State, error) { panic("TODO") }

// Handler serves the API and the /_mock/ admin endpoints.
func (c *Cloud) Handler() http.Handler { panic("TODO") }

// Calls returns the call log.
func (c *Cloud) Calls() []rpc.CallRecord { return c.Engine.Calls() }

// Advance moves the virtual clock forward.
func (c *Cloud) Advance(d time.Duration) { c.Clock.Advance(d) }

// SetDelay changes how long asynchronous operations take from now on.
func (c *Cloud) SetDelay(d time.Duration) { panic("TODO") }

// SetFaults replaces the fault-injection setting.
func (c *Cloud) SetFaults(f rpc.Faults) error { return c.Engine.SetFaults(f) }

// State returns the current state.
func (c *Cloud) State() State { panic("TODO") }

// ReplaceState replaces the products' state (not the keys), as a test does to change things
// behind Terraform's back.
func (c *Cloud) ReplaceState(s State) error { panic("TODO") }
