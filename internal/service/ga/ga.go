// Package ga holds the Global Accelerator resources.
package ga

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"terraform-provider-alibabacloud/internal/conns"
)

// Resources lists the constructors of this package's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewBandwidthPackageResource,
		NewBandwidthPackageAttachmentResource,
	}
}

// withClient is embedded by this package's resources: it holds the provider's client and
// implements resource.ResourceWithConfigure for them.
type withClient struct {
	client *conns.Client
}

// Configure implements resource.ResourceWithConfigure.
func (r *withClient) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = conns.FromProviderData(req.ProviderData, &resp.Diagnostics)
}
