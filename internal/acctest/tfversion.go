package acctest

import (
	"context"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The lowest Terraform the provider supports is MinimumTerraform: `make test` passes with it.
// A test of a feature that came later declares it with SkipBelow, which skips the test, and
// says why, on an older Terraform; `make test` runs those tests again with a newer Terraform
// when one is at hand (TF_ACC_TERRAFORM_LATEST).

// MinimumTerraform is the lowest Terraform version the provider supports, the open-source
// release `make test` builds where no terraform is installed.
var MinimumTerraform = version.Must(version.NewVersion("1.5.7"))

// Feature is something of Terraform that some tests need, and the version that brought it.
type Feature struct {
	// Name says what the feature is, in a skip message.
	Name string
	// Since is the first Terraform version that has it.
	Since *version.Version
}

// Features of Terraform newer than MinimumTerraform that tests use.
var (
	// RemovedBlocks: `removed` blocks, which forget a resource without destroying it.
	RemovedBlocks = Feature{Name: "removed blocks", Since: tfversion.Version1_7_0}
	// CrossProviderMoves: moved blocks from another provider's resource type
	// (MoveResourceState).
	CrossProviderMoves = Feature{Name: "moved blocks across providers", Since: tfversion.Version1_8_0}
	// ResourceIdentity: resource identity, and import blocks with an identity.
	ResourceIdentity = Feature{Name: "resource identity", Since: tfversion.Version1_12_0}
	// ListResources: list resources and terraform query.
	ListResources = Feature{Name: "list resources (terraform query)", Since: tfversion.Version1_14_0}
	// Actions: actions, action_trigger and terraform apply -invoke.
	Actions = Feature{Name: "actions", Since: tfversion.Version1_14_0}
)

// SkipBelow is tfversion.SkipBelow(f.Since) with the feature named in its skip message, for a
// test case's TerraformVersionChecks.
func SkipBelow(f Feature) tfversion.TerraformVersionCheck {
	return skipBelow{feature: f}
}

// skipBelow implements SkipBelow.
type skipBelow struct{ feature Feature }

// CheckTerraformVersion implements tfversion.TerraformVersionCheck.
func (s skipBelow) CheckTerraformVersion(ctx context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	tfversion.SkipBelow(s.feature.Since).CheckTerraformVersion(ctx, req, resp)
	if resp.Skip != "" {
		resp.Skip += " (needs " + s.feature.Name + ", Terraform " + s.feature.Since.String() + ")"
	}
}
