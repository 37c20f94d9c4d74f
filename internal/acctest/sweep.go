package acctest

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/provider"
)

// The sweepers (make sweep: go test -sweep, terraform-plugin-testing's) delete what acceptance
// tests left in the real cloud: what a test names with ResourcePrefix or tags SweepTagKey =
// SweepTagValue. They delete through the resources' own Delete, so that a sweep unbinds,
// waits and refuses as terraform destroy would.

// SweeperClient returns clients configured from the environment, as an empty provider block
// is: the cloud the sweepers clean.
func SweeperClient(ctx context.Context) (*conns.Client, error) {
	cfg, diags := provider.ConfigFromEnvironment(ctx, "sweeper")
	if diags.HasError() {
		var msgs []string
		for _, d := range diags.Errors() {
			msgs = append(msgs, d.Summary()+": "+d.Detail())
		}
		return nil, fmt.Errorf("the sweepers clean the cloud of the environment's credentials, but: %s", strings.Join(msgs, "; "))
	}
	return conns.New(cfg)
}

// SweepWith deletes, with r's own Delete on client, the object whose state holds attributes
// (the others null). It returns the warnings Delete gave (for example a Subscription that only
// leaves the state) and its errors as one error.
func SweepWith(ctx context.Context, r resource.Resource, client *conns.Client, attributes map[string]string) (warnings []string, err error) {
	if c, ok := r.(resource.ResourceWithConfigure); ok {
		var resp resource.ConfigureResponse
		c.Configure(ctx, resource.ConfigureRequest{ProviderData: client}, &resp)
		if err := diagnosticsError(resp.Diagnostics.Errors()); err != nil {
			return nil, err
		}
	}
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	for name, value := range attributes {
		if diags := state.SetAttribute(ctx, path.Root(name), value); diags.HasError() {
			return nil, diagnosticsError(diags.Errors())
		}
	}
	resp := resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)
	for _, w := range resp.Diagnostics.Warnings() {
		warnings = append(warnings, w.Summary()+": "+w.Detail())
	}
	return warnings, diagnosticsError(resp.Diagnostics.Errors())
}

// diagnosticsError joins error diagnostics into one error; nil when there are none.
func diagnosticsError[D interface {
	Summary() string
	Detail() string
}](diags []D) error {
	var errs []error
	for _, d := range diags {
		errs = append(errs, fmt.Errorf("%s: %s", d.Summary(), d.Detail()))
	}
	return errors.Join(errs...)
}
