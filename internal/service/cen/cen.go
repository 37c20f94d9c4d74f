// Package cen holds the Cloud Enterprise Network resources.
package cen

import "github.com/hashicorp/terraform-plugin-framework/resource"

// Resources lists the constructors of this package's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewBandwidthTempUpgradeResource,
	}
}
