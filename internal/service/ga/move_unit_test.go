package ga

import (
	"context"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

// The state movers called as Terraform 1.8 and later call them, with states as the official
// provider writes them; older Terraform versions cannot run the acceptance tests of moves.

// move runs the first mover of r (a resource of this package) on the official state json.
func move(t *testing.T, r resource.ResourceWithMoveState, s schema.Schema, sourceType, address string, version int64, json string) resource.MoveStateResponse {
	t.Helper()
	resp := resource.MoveStateResponse{TargetState: tfsdk.State{Schema: s, Raw: resourcetest.Null(s)}}
	r.MoveState(context.Background())[0].StateMover(context.Background(), resource.MoveStateRequest{
		SourceProviderAddress: address,
		SourceTypeName:        sourceType,
		SourceSchemaVersion:   version,
		SourceRawState:        &tfprotov6.RawState{JSON: []byte(json)},
	}, &resp)
	return resp
}

// officialSubscriptionJSON is the state the official provider writes for a Subscription (its
// SDK writes "" and 0 for what the API leaves out, and duration as a string).
const officialSubscriptionJSON = `{
  "id": "gbwp-moved1", "bandwidth": 10, "type": "Basic", "bandwidth_type": "Enhanced",
  "payment_type": "Subscription", "billing_type": "", "ratio": 0,
  "cbn_geographic_region_ida": "", "cbn_geographic_region_idb": "",
  "auto_pay": true, "duration": "3", "auto_use_coupon": true, "renewal_status": "AutoRenewal",
  "auto_renew_duration": 2, "promotion_option_no": "", "resource_group_id": "rg-acfm1",
  "bandwidth_package_name": "api", "description": "", "tags": {}, "status": "active",
  "timeouts": {"create": "5m", "update": null, "delete": null}
}`

func TestMoveOfficialBandwidthPackage(t *testing.T) {
	r, _ := NewBandwidthPackageResource().(resource.ResourceWithMoveState)
	s := packageSchema(t)

	t.Run("a Subscription, from both addresses", func(t *testing.T) {
		for _, address := range OfficialProviderAddresses {
			resp := move(t, r, s, officialPackageType, address, 0, officialSubscriptionJSON)
			resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
			got := resourcetest.Get[bandwidthPackageModel](t, resp.TargetState)
			if got.ID.ValueString() != "gbwp-moved1" || got.Bandwidth.ValueInt64() != 10 || got.BandwidthType.ValueString() != "Enhanced" ||
				got.Duration.ValueInt64() != 3 || !got.AutoPay.ValueBool() || !got.AutoUseCoupon.ValueBool() ||
				got.RenewalStatus.ValueString() != renewalAuto || got.AutoRenewDuration.ValueInt64() != 2 ||
				got.ResourceGroupID.ValueString() != "rg-acfm1" || got.BandwidthPackageName.ValueString() != "api" {
				t.Errorf("%s: moved %+v", address, got)
			}
			// What the official provider writes as "" or 0 for nothing is null here, as a
			// configuration that leaves it out says.
			if !got.BillingType.IsNull() || !got.Ratio.IsNull() || !got.CbnGeographicRegionIDA.IsNull() ||
				!got.PromotionOptionNo.IsNull() || !got.Tags.IsNull() || !got.PricingCycle.IsNull() {
				t.Errorf("%s: moved %+v, want nulls for the empty values", address, got)
			}
			if create, diags := got.Timeouts.Create(context.Background(), time.Hour); diags.HasError() || create != 5*time.Minute {
				t.Errorf("%s: timeouts.create %s %v, want the official state's 5m", address, create, diags)
			}
			if update, _ := got.Timeouts.Update(context.Background(), time.Hour); update != time.Hour {
				t.Errorf("%s: timeouts.update %s, want unset", address, update)
			}
		}
	})

	t.Run("pay-as-you-go: PayBy95 kept as written, the meaningless duration dropped", func(t *testing.T) {
		json := strings.NewReplacer(`"payment_type": "Subscription", "billing_type": ""`, `"payment_type": "PayAsYouGo", "billing_type": "PayBy95"`,
			`"ratio": 0`, `"ratio": 40`, `"tags": {}`, `"tags": {"env": "prod"}`, `"auto_use_coupon": true`, `"auto_use_coupon": null`).
			Replace(officialSubscriptionJSON)
		resp := move(t, r, s, officialPackageType, OfficialProviderAddresses[0], 0, json)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		got := resourcetest.Get[bandwidthPackageModel](t, resp.TargetState)
		if got.BillingType.ValueString() != "PayBy95" || got.Ratio.ValueInt64() != 40 || !got.Duration.IsNull() ||
			!got.RenewalStatus.IsNull() || !got.AutoRenewDuration.IsNull() || got.AutoUseCoupon.ValueBool() || got.AutoUseCoupon.IsNull() ||
			!maps.Equal(got.tagMap(), map[string]string{"env": "prod"}) {
			t.Errorf("moved %+v", got)
		}
	})

	t.Run("not from the official provider: left to another mover", func(t *testing.T) {
		for _, tc := range []struct{ address, typ string }{
			{"registry.terraform.io/hashicorp/aws", officialPackageType},
			{OfficialProviderAddresses[0], "alicloud_cen_bandwidth_package"},
		} {
			resp := move(t, r, s, tc.typ, tc.address, 0, officialSubscriptionJSON)
			if resp.Diagnostics.HasError() || !resp.TargetState.Raw.IsNull() {
				t.Errorf("%s %s: diagnostics %v, state set %t", tc.address, tc.typ, resp.Diagnostics, !resp.TargetState.Raw.IsNull())
			}
		}
	})

	t.Run("refused", func(t *testing.T) {
		resp := move(t, r, s, officialPackageType, OfficialProviderAddresses[1], 1, officialSubscriptionJSON)
		resourcetest.ExpectError(t, resp.Diagnostics, "schema version 1", "terraform apply -refresh-only")
		resp = move(t, r, s, officialPackageType, OfficialProviderAddresses[1], 0, strings.Replace(officialSubscriptionJSON, `"duration": "3"`, `"duration": "three"`, 1))
		resourcetest.ExpectError(t, resp.Diagnostics, `duration = "three" in the official provider's state is not a whole number`)
		resp = move(t, r, s, officialPackageType, OfficialProviderAddresses[1], 0, `[1, 2]`)
		resourcetest.ExpectError(t, resp.Diagnostics, "not a JSON object")
	})
}

func TestMoveOfficialAttachment(t *testing.T) {
	r, _ := NewBandwidthPackageAttachmentResource().(resource.ResourceWithMoveState)
	s := resourcetest.Schema(t, NewBandwidthPackageAttachmentResource())
	for name, id := range map[string]string{"their id": "ga-acc1:gbwp-plan1", "an old id (the plan's alone)": "gbwp-plan1"} {
		t.Run(name, func(t *testing.T) {
			resp := move(t, r, s, officialAttachmentType, OfficialProviderAddresses[0], 0,
				`{"id": "`+id+`", "accelerator_id": "ga-acc1", "bandwidth_package_id": "gbwp-plan1", "accelerators": ["ga-acc1"], "status": "binded", "timeouts": null}`)
			resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
			got := resourcetest.Get[bandwidthPackageAttachmentModel](t, resp.TargetState)
			if got.ID.ValueString() != "gbwp-plan1:ga-acc1" || got.AcceleratorID.ValueString() != "ga-acc1" ||
				got.BandwidthPackageID.ValueString() != "gbwp-plan1" || !got.Timeouts.IsNull() {
				t.Errorf("moved %+v", got)
			}
		})
	}
	resp := move(t, r, s, officialAttachmentType, OfficialProviderAddresses[0], 0, `{"id": "gbwp-plan1"}`)
	resourcetest.ExpectError(t, resp.Diagnostics, "lacks bandwidth_package_id or accelerator_id")
}
