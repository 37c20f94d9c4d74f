// Package ga holds the Global Accelerator resources.
package ga

import "github.com/hashicorp/terraform-plugin-framework/resource"

// Resources lists the constructors of this package's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewBandwidthPackageResource,
		NewBandwidthPackageAttachmentResource,
	}
}
