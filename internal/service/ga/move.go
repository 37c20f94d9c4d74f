package ga

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// This file moves the state of the official alicloud provider's GA resources to ours, for
// `moved` blocks across providers (Terraform 1.8 and later): Terraform hands our provider the
// source resource's raw state, and MoveState rewrites it in our schema without any API call.
// The refresh that follows reads what the API reports; what it cannot report (the purchase
// options auto_pay, auto_use_coupon, duration, promotion_option_no, and the timeouts) comes
// from here, so that a configuration saying the same thing plans empty.

var (
	_ resource.ResourceWithMoveState = (*bandwidthPackageResource)(nil)
	_ resource.ResourceWithMoveState = (*bandwidthPackageAttachmentResource)(nil)
)

// OfficialProviderAddresses are the registry addresses of the official alicloud provider whose
// state the GA resources accept in a moved block: its current one and the older HashiCorp one.
var OfficialProviderAddresses = []string{
	"registry.terraform.io/aliyun/alicloud",
	"registry.terraform.io/hashicorp/alicloud",
}

// The official provider's resource types we move from, and the only schema version of theirs
// we read (the one both have had since they were added).
const (
	officialPackageType    = "alicloud_ga_bandwidth_package"
	officialAttachmentType = "alicloud_ga_bandwidth_package_attachment"
	officialSchemaVersion  = 0
)

// officialState is a resource's state as the official provider writes it: each attribute's JSON
// value, by name. Its SDK writes numbers as JSON numbers and duration as a string, but the
// readers accept either, and null or missing for anything.
type officialState map[string]json.RawMessage

// readOfficialState returns the source state of a move from typeName of the official provider;
// ok is false when the move comes from anything else (so another mover may take it) or when
// the state cannot be read (then diags say why).
func readOfficialState(req resource.MoveStateRequest, typeName string, diags *diag.Diagnostics) (officialState, bool) {
	if req.SourceTypeName != typeName || !slices.Contains(OfficialProviderAddresses, req.SourceProviderAddress) {
		return nil, false
	}
	if req.SourceSchemaVersion != officialSchemaVersion {
		diags.AddError("Unsupported state version of "+typeName,
			fmt.Sprintf("The state of %s was written by schema version %d of %s; this provider moves state of "+
				"version %d, the only one that resource has had. Refresh it with the official provider first "+
				"(terraform apply -refresh-only), then apply the moved block again.",
				typeName, req.SourceSchemaVersion, req.SourceProviderAddress, officialSchemaVersion))
		return nil, false
	}
	if req.SourceRawState == nil || len(req.SourceRawState.JSON) == 0 {
		diags.AddError("No state to move", fmt.Sprintf("Terraform sent no state of %s to move.", typeName))
		return nil, false
	}
	var s officialState
	if err := json.Unmarshal(req.SourceRawState.JSON, &s); err != nil {
		diags.AddError("Unreadable state of "+typeName,
			fmt.Sprintf("The state of %s is not a JSON object of attributes (%s).", typeName, err))
		return nil, false
	}
	return s, true
}

// raw returns the JSON value of name; nil when it is missing or null.
func (s officialState) raw(name string) json.RawMessage {
	v := s[name]
	if string(v) == "null" {
		return nil
	}
	return v
}

// text returns the string attribute name as it is ("" when missing or null, or not a string).
func (s officialState) text(name string) string {
	var v string
	if raw := s.raw(name); raw != nil {
		_ = json.Unmarshal(raw, &v)
	}
	return v
}

// string returns the string attribute name; null when missing, null or empty (the official
// provider writes "" for what the API leaves out).
func (s officialState) string(name string) types.String {
	return stringOrNull(s.text(name))
}

// number returns the whole-number attribute name, written as a JSON number or a string of
// digits; null when missing, null, empty or 0 (what the official provider writes for what the
// API leaves out). Anything else is an error naming the attribute.
func (s officialState) number(name string, diags *diag.Diagnostics) fwtypes.Int64 {
	raw := s.raw(name)
	if raw == nil {
		return fwtypes.Int64Null()
	}
	var n json.Number
	var text string
	switch {
	case json.Unmarshal(raw, &n) == nil:
		text = n.String()
	case json.Unmarshal(raw, &text) == nil:
	default:
		text = string(raw)
	}
	if text == "" || text == "0" {
		return fwtypes.Int64Null()
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		diags.AddAttributeError(path.Root(name), "Unreadable value in the moved state",
			fmt.Sprintf("%s = %s in the official provider's state is not a whole number.", name, raw))
		return fwtypes.Int64Null()
	}
	return fwtypes.Int64Value(v)
}

// bool returns the boolean attribute name; null when missing or null.
func (s officialState) bool(name string) types.Bool {
	var v bool
	raw := s.raw(name)
	if raw == nil || json.Unmarshal(raw, &v) != nil {
		return types.BoolNull()
	}
	return types.BoolValue(v)
}

// tags returns the map attribute tags; null when missing or empty (the official provider
// writes an empty map for a plan without tags, which a configuration without tags says too).
func (s officialState) tags(ctx context.Context, diags *diag.Diagnostics) types.Map {
	var tags map[string]string
	if raw := s.raw("tags"); raw != nil {
		if err := json.Unmarshal(raw, &tags); err != nil {
			diags.AddAttributeError(path.Root("tags"), "Unreadable value in the moved state",
				fmt.Sprintf("tags in the official provider's state is not a map of strings (%s).", err))
		}
	}
	if len(tags) == 0 {
		return types.MapNull(types.StringType)
	}
	m, d := types.MapValueFrom(ctx, types.StringType, tags)
	diags.Append(d...)
	return m
}

// timeouts returns the timeouts block in the shape of target's schema, with the official state's
// values for the operations it has; null when the official state has none.
func (s officialState) timeouts(ctx context.Context, target tfsdk.State, diags *diag.Diagnostics) timeouts.Value {
	typ, d := target.Schema.TypeAtPath(ctx, path.Root("timeouts"))
	diags.Append(d...)
	block, ok := typ.(timeouts.Type)
	if !ok {
		diags.AddError("Cannot move the timeouts", fmt.Sprintf("The timeouts block is a %T; please report this to the provider developers.", typ))
		return timeouts.Value{}
	}
	var theirs map[string]*string
	if raw := s.raw("timeouts"); raw != nil {
		_ = json.Unmarshal(raw, &theirs)
	}
	if len(theirs) == 0 {
		return timeouts.Value{Object: types.ObjectNull(block.AttrTypes)}
	}
	values := map[string]attr.Value{}
	for name := range block.AttrTypes {
		values[name] = types.StringNull()
		if v := theirs[name]; v != nil && *v != "" {
			values[name] = types.StringValue(*v)
		}
	}
	object, d := types.ObjectValue(block.AttrTypes, values)
	diags.Append(d...)
	return timeouts.Value{Object: object}
}

// MoveState implements resource.ResourceWithMoveState: the state of the official provider's
// alicloud_ga_bandwidth_package.
func (r *bandwidthPackageResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{{StateMover: moveOfficialBandwidthPackage}}
}

// moveOfficialBandwidthPackage rewrites the official provider's state of a bandwidth plan.
func moveOfficialBandwidthPackage(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
	s, ok := readOfficialState(req, officialPackageType, &resp.Diagnostics)
	if !ok {
		return
	}
	m := officialBandwidthPackage(ctx, s, &resp.Diagnostics)
	m.Timeouts = s.timeouts(ctx, resp.TargetState, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.TargetState.Set(ctx, m)...)
	framework.SetIdentityFromState(ctx, resp.TargetState, resp.TargetIdentity, &resp.Diagnostics)
}

// officialBandwidthPackage is our model of a bandwidth plan the official state s describes. The
// attributes the refresh reads are set as well, so that the state is whole before it.
func officialBandwidthPackage(ctx context.Context, s officialState, diags *diag.Diagnostics) bandwidthPackageModel {
	paymentType := s.text("payment_type")
	if paymentType == "" {
		paymentType = paymentTypeSubscription // the official provider's default too
	}
	subscription := paymentType == paymentTypeSubscription
	m := bandwidthPackageModel{
		Accelerators:           types.SetNull(types.StringType),
		AutoPay:                s.bool("auto_pay"),
		AutoRenewDuration:      fwtypes.Int64Null(),
		AutoUseCoupon:          s.bool("auto_use_coupon"),
		Bandwidth:              s.number("bandwidth", diags),
		BandwidthPackageName:   types.StringValue(s.text("bandwidth_package_name")),
		BandwidthType:          s.string("bandwidth_type"),
		BillingType:            billingTypeOrNull(s.text("billing_type")),
		CbnGeographicRegionIDA: s.string("cbn_geographic_region_ida"),
		CbnGeographicRegionIDB: s.string("cbn_geographic_region_idb"),
		CreateTime:             types.StringNull(),
		Description:            types.StringValue(s.text("description")),
		Duration:               fwtypes.Int64Null(),
		ExpiredTime:            types.StringNull(),
		ID:                     s.string("id"),
		PaymentType:            types.StringValue(paymentType),
		PricingCycle:           types.StringNull(),
		PromotionOptionNo:      s.string("promotion_option_no"),
		Ratio:                  s.number("ratio", diags),
		RenewalStatus:          types.StringNull(),
		ResourceGroupID:        s.string("resource_group_id"),
		Status:                 s.string("status"),
		Tags:                   s.tags(ctx, diags),
		Type:                   s.string("type"),
	}
	if m.AutoUseCoupon.IsNull() {
		m.AutoUseCoupon = types.BoolValue(false) // the official provider's default, and ours
	}
	if subscription {
		// The official provider accepts duration with PayAsYouGo too, where it means nothing;
		// this provider refuses it there, so it is carried over for Subscriptions only.
		m.Duration = s.number("duration", diags)
		m.RenewalStatus = s.string("renewal_status")
		m.AutoRenewDuration = s.number("auto_renew_duration", diags)
	}
	if m.ID.IsNull() {
		diags.AddError("No id in the moved state", "The official provider's state of alicloud_ga_bandwidth_package has no id.")
	}
	return m
}

// MoveState implements resource.ResourceWithMoveState: the state of the official provider's
// alicloud_ga_bandwidth_package_attachment.
func (r *bandwidthPackageAttachmentResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{{StateMover: moveOfficialAttachment}}
}

// moveOfficialAttachment rewrites the official provider's state of a binding. Its id is
// <accelerator_id>:<bandwidth_package_id> (or, in old states, the plan's id alone); ours is
// built from the two attributes, which every version of theirs holds.
func moveOfficialAttachment(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
	s, ok := readOfficialState(req, officialAttachmentType, &resp.Diagnostics)
	if !ok {
		return
	}
	packageID, acceleratorID := s.text("bandwidth_package_id"), s.text("accelerator_id")
	if packageID == "" || acceleratorID == "" {
		resp.Diagnostics.AddError("Incomplete state to move",
			fmt.Sprintf("The official provider's state of alicloud_ga_bandwidth_package_attachment (id %q) lacks "+
				"bandwidth_package_id or accelerator_id. Refresh it with the official provider first (terraform apply "+
				"-refresh-only), then apply the moved block again.", s.text("id")))
		return
	}
	m := bandwidthPackageAttachmentModel{
		AcceleratorID:      types.StringValue(acceleratorID),
		BandwidthPackageID: types.StringValue(packageID),
		ID:                 types.StringValue(attachmentID(packageID, acceleratorID)),
		Status:             s.string("status"),
		Timeouts:           s.timeouts(ctx, resp.TargetState, &resp.Diagnostics),
	}
	m.setAccelerators()
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.TargetState.Set(ctx, m)...)
	framework.SetIdentityFromState(ctx, resp.TargetState, resp.TargetIdentity, &resp.Diagnostics)
}
