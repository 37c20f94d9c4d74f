package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"terraform-provider-alibabacloud/internal/conns"
)

// ConfigFromEnvironment resolves the clients' configuration an empty provider block gets: every
// setting from the environment (variables, the aliyun CLI config, the instance's RAM role), by
// the same rules and in the same order as Configure. Tools that talk to the cloud the
// provider would talk to use it (the acceptance tests' finders against the real cloud, the
// sweepers); like Configure, it fails when no credentials are found, naming every place looked
// at.
func ConfigFromEnvironment(ctx context.Context, version string) (conns.Config, diag.Diagnostics) {
	p := alibabaCloudProvider{version: version}
	return p.resolve(ctx, providerModel{})
}
