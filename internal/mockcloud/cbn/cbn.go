// Package cbn is the mock of the Cloud Enterprise Network API (Cbn, 2017-09-12): CEN
// bandwidth packages and their temporary upgrades.
package cbn

import (
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Package is a CEN bandwidth package, with the field names DescribeCenBandwidthPackages uses.
type Package struct {
	CenBandwidthPackageId string `json:"CenBandwidthPackageId"` //nolint:revive // API field name
	Bandwidth             int64  `json:"Bandwidth"`
	// TODO(mock-cbn): the other fields of the API, plus what the mock needs to keep.
}

// Product serves the Cbn actions. It is safe for concurrent use.
type Product struct {
	clock *clock.Clock
	delay time.Duration
}

var _ rpc.Product = (*Product)(nil)

// New returns an empty Cbn product whose asynchronous operations complete after delay.
func New(clk *clock.Clock, delay time.Duration) *Product {
	return &Product{clock: clk, delay: delay}
}

// Name implements rpc.Product.
func (p *Product) Name() string { return "Cbn" }

// Version implements rpc.Product.
func (p *Product) Version() string { return "2017-09-12" }

// Handle implements rpc.Product.
func (p *Product) Handle(call *rpc.Call) (any, error) { return nil, rpc.ErrUnknownAction }

// SetDelay changes how long asynchronous operations take from now on.
func (p *Product) SetDelay(d time.Duration) { panic("TODO") }

// Restore replaces the state with packages (seed or state file), filling left-out fields with
// the values the real service would show.
func (p *Product) Restore(packages []Package) error { panic("TODO") }

// Snapshot returns the state as of the clock's now (pending operations settled).
func (p *Product) Snapshot() []Package { panic("TODO") }
