// Package ga is the mock of the Global Accelerator API (Ga, 2019-11-20): bandwidth plans,
// accelerators and the bindings between them.
package ga

import (
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// BandwidthPackage is a GA bandwidth plan, with the field names DescribeBandwidthPackage uses.
type BandwidthPackage struct {
	BandwidthPackageId string `json:"BandwidthPackageId"` //nolint:revive // API field name
	Bandwidth          int    `json:"Bandwidth"`
	State              string `json:"State"`
	// TODO(mock-ga): the other fields of the API, plus what the mock needs to keep.
}

// Accelerator is a GA instance, with the field names DescribeAccelerator uses.
type Accelerator struct {
	AcceleratorId string `json:"AcceleratorId"` //nolint:revive // API field name
	State         string `json:"State"`
	// TODO(mock-ga): the other fields of the API.
}

// Product serves the Ga actions. It is safe for concurrent use.
type Product struct {
	clock *clock.Clock
	delay time.Duration
}

var _ rpc.Product = (*Product)(nil)

// New returns an empty Ga product whose asynchronous operations complete after delay.
func New(clk *clock.Clock, delay time.Duration) *Product {
	return &Product{clock: clk, delay: delay}
}

// Name implements rpc.Product.
func (p *Product) Name() string { return "Ga" }

// Version implements rpc.Product.
func (p *Product) Version() string { return "2019-11-20" }

// Handle implements rpc.Product.
func (p *Product) Handle(call *rpc.Call) (any, error) { return nil, rpc.ErrUnknownAction }

// SetDelay changes how long asynchronous operations take from now on.
func (p *Product) SetDelay(d time.Duration) { panic("TODO") }

// Restore replaces the state (seed or state file), filling left-out fields with the values
// the real service would show.
func (p *Product) Restore(packages []BandwidthPackage, accelerators []Accelerator) error {
	panic("TODO")
}

// Snapshot returns the state as of the clock's now (pending operations settled).
func (p *Product) Snapshot() ([]BandwidthPackage, []Accelerator) { panic("TODO") }
