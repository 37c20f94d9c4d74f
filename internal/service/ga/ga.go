// Package ga holds the Global Accelerator resources.
package ga

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
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

// DataSources lists the constructors of this package's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewBandwidthPackagesDataSource,
		NewAcceleratorsDataSource,
	}
}

// ListResources lists the constructors of this package's list resources.
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{
		NewBandwidthPackageListResource,
		NewBandwidthPackageAttachmentListResource,
	}
}

// gaAPI is the part of the Global Accelerator client (*conns.Service) this package calls; unit
// tests substitute a fake.
type gaAPI interface{ conns.Caller }

// gaClient picks the Global Accelerator API out of the provider's clients.
func gaClient(c *conns.Client) gaAPI { return c.GA }
