// Package provider implements the alibabacloud provider: its schema, its configuration, and the
// list of resources it serves.
package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/provider"
)

// Address is the provider's registry address.
const Address = "registry.terraform.io/alibabacloud/alibabacloud"

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider { panic("TODO") }
