package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"terraform-provider-alibabacloud/internal/conns"
)

// ClientOf picks one product's API out of the provider's clients, for example
//
//	func(c *conns.Client) gaAPI { return c.GA }
//
// where gaAPI is the small interface of *conns.Service the product's code calls.
type ClientOf[API any] func(*conns.Client) API

// withClient holds one product's API and the provider's region, once the provider is
// configured. Its methods are promoted by the exported mixins below.
type withClient[API any] struct {
	clientOf   ClientOf[API]
	api        API
	region     string
	claims     *conns.Claims
	configured bool
}

// configure takes the API out of the provider data. Before the provider is configured (data
// nil: during validation, or while provider values are unknown at plan) it leaves the holder
// unconfigured, without a diagnostic.
func (w *withClient[API]) configure(data any, diags *diag.Diagnostics) {
	client := conns.FromProviderData(data, diags)
	if client == nil {
		return
	}
	w.SetAPI(w.clientOf(client), client.Region)
	w.claims = client.Claims
}

// API returns the product's API; until Configured, one whose calls answer
// conns.ErrNotConfigured.
func (w *withClient[API]) API() API { return w.api }

// Region returns the provider's region; "" until Configured.
func (w *withClient[API]) Region() string { return w.region }

// Configured reports whether the provider has been configured, so that API calls can be made.
// Plan-time reads skip cleanly when it has not.
func (w *withClient[API]) Configured() bool { return w.configured }

// Claims returns the registry of what the resources of this plan (or apply) claim for
// themselves alone (see conns.Claims); nil, which accepts every claim, until Configured.
func (w *withClient[API]) Claims() *conns.Claims { return w.claims }

// SetAPI gives the holder its API and region directly, with a registry of claims of its own;
// unit tests pass a fake.
func (w *withClient[API]) SetAPI(api API, region string) {
	w.api, w.region, w.configured = api, region, true
	w.claims = conns.NewClaims()
}

// SetClaims makes the holder share claims with other resources, as the resources of one plan
// do; unit tests of collisions use it.
func (w *withClient[API]) SetClaims(claims *conns.Claims) { w.claims = claims }

// ResourceWithClient is embedded by a resource (or a list resource, which is configured the
// same way) to hold its product's API: it implements Configure.
type ResourceWithClient[API any] struct {
	withClient[API]
}

// NewResourceWithClient returns the mixin for the product clientOf picks.
func NewResourceWithClient[API any](clientOf ClientOf[API]) ResourceWithClient[API] {
	return ResourceWithClient[API]{newWithClient(clientOf)}
}

// newWithClient returns an unconfigured holder whose API is the product's of no client: a nil
// *conns.Service, whose calls answer conns.ErrNotConfigured instead of crashing the provider
// should Terraform apply without configuring it (it does, in terraform test, when the values of
// the provider block are not known).
func newWithClient[API any](clientOf ClientOf[API]) withClient[API] {
	return withClient[API]{clientOf: clientOf, api: clientOf(&conns.Client{})}
}

// Configure implements resource.ResourceWithConfigure and list.ListResourceWithConfigure.
func (r *ResourceWithClient[API]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

// DataSourceWithClient is embedded by a data source to hold its product's API: it implements
// Configure.
type DataSourceWithClient[API any] struct {
	withClient[API]
}

// NewDataSourceWithClient returns the mixin for the product clientOf picks.
func NewDataSourceWithClient[API any](clientOf ClientOf[API]) DataSourceWithClient[API] {
	return DataSourceWithClient[API]{newWithClient(clientOf)}
}

// Configure implements datasource.DataSourceWithConfigure.
func (d *DataSourceWithClient[API]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

// ActionWithClient is embedded by an action to hold its product's API: it implements Configure.
type ActionWithClient[API any] struct {
	withClient[API]
}

// NewActionWithClient returns the mixin for the product clientOf picks.
func NewActionWithClient[API any](clientOf ClientOf[API]) ActionWithClient[API] {
	return ActionWithClient[API]{newWithClient(clientOf)}
}

// Configure implements action.ActionWithConfigure.
func (a *ActionWithClient[API]) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.configure(req.ProviderData, &resp.Diagnostics)
}
