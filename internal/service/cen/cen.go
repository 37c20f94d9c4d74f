// Package cen holds the Cloud Enterprise Network resources.
package cen

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"terraform-provider-alibabacloud/internal/conns"
)

// Resources lists the constructors of this package's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewBandwidthTempUpgradeResource,
	}
}

// DataSources lists the constructors of this package's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewBandwidthPackagesDataSource,
	}
}

// ListResources lists the constructors of this package's list resources.
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{
		NewBandwidthTempUpgradeListResource,
	}
}

// Actions lists the constructors of this package's actions.
func Actions() []func() action.Action {
	return []func() action.Action{
		NewTempUpgradeBandwidthPackageAction,
	}
}

// cbnAPI is the part of the Cloud Enterprise Network client (*conns.Service) this package
// calls; unit tests substitute a fake.
type cbnAPI interface{ conns.Caller }

// cbnClient picks the Cloud Enterprise Network API out of the provider's clients.
func cbnClient(c *conns.Client) cbnAPI { return c.CBN }
