package officialstandin

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
)

// timeoutsBlock is the timeouts block every official resource has.
func timeoutsBlock() schema.Block {
	return schema.SingleNestedBlock{Attributes: map[string]schema.Attribute{
		"create": schema.StringAttribute{Optional: true},
		"update": schema.StringAttribute{Optional: true},
		"delete": schema.StringAttribute{Optional: true},
	}}
}

// timeoutsModel is the timeouts block's value.
type timeoutsModel struct {
	Create types.String `tfsdk:"create"`
	Update types.String `tfsdk:"update"`
	Delete types.String `tfsdk:"delete"`
}

// waitForPlanState waits until DescribeBandwidthPackage shows the plan id in state; what names
// the wait in its error.
func (a *api) waitForPlanState(ctx context.Context, what, id, state string) error {
	return waitFor(ctx, what, func() (bool, error) {
		bp, err := a.call(ctx, "DescribeBandwidthPackage", map[string]string{"BandwidthPackageId": id})
		return err == nil && text(bp["State"]) == state, err
	})
}

// readState is the Read of both resources: the model in the state, refreshed by read.
func readState[M any](ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, read func(context.Context, *M) diag.Diagnostics) {
	var m M
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(read(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// noUpdate refuses every update: the stand-in only creates, reads and deletes.
type noUpdate struct{}

// Update implements resource.Resource.
func (noUpdate) Update(_ context.Context, _ resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError("Not supported", "the stand-in of the official provider does not update")
}

// bandwidthPackage is alicloud_ga_bandwidth_package. The attributes the official Read sets from
// the API are Optional and Computed here: the official SDKv2 provider may write them whatever
// the configuration says, the framework lets only computed ones differ.
type bandwidthPackage struct {
	api
	noUpdate
}

func newBandwidthPackage() resource.Resource { return &bandwidthPackage{} }

// packageModel holds the official resource's attributes.
type packageModel struct {
	ID                     types.String   `tfsdk:"id"`
	Bandwidth              types.Int64    `tfsdk:"bandwidth"`
	Type                   types.String   `tfsdk:"type"`
	BandwidthType          types.String   `tfsdk:"bandwidth_type"`
	PaymentType            types.String   `tfsdk:"payment_type"`
	BillingType            types.String   `tfsdk:"billing_type"`
	Ratio                  types.Int64    `tfsdk:"ratio"`
	CbnGeographicRegionIDA types.String   `tfsdk:"cbn_geographic_region_ida"`
	CbnGeographicRegionIDB types.String   `tfsdk:"cbn_geographic_region_idb"`
	AutoPay                types.Bool     `tfsdk:"auto_pay"`
	Duration               types.String   `tfsdk:"duration"`
	AutoUseCoupon          types.Bool     `tfsdk:"auto_use_coupon"`
	RenewalStatus          types.String   `tfsdk:"renewal_status"`
	AutoRenewDuration      types.Int64    `tfsdk:"auto_renew_duration"`
	PromotionOptionNo      types.String   `tfsdk:"promotion_option_no"`
	ResourceGroupID        types.String   `tfsdk:"resource_group_id"`
	BandwidthPackageName   types.String   `tfsdk:"bandwidth_package_name"`
	Description            types.String   `tfsdk:"description"`
	Tags                   types.Map      `tfsdk:"tags"`
	Status                 types.String   `tfsdk:"status"`
	Timeouts               *timeoutsModel `tfsdk:"timeouts"`
}

func (r *bandwidthPackage) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "alicloud_ga_bandwidth_package"
}

func (r *bandwidthPackage) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	optional := func() schema.StringAttribute { return schema.StringAttribute{Optional: true} }
	read := func() schema.StringAttribute { return schema.StringAttribute{Optional: true, Computed: true} }
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":                        schema.StringAttribute{Computed: true},
			"bandwidth":                 schema.Int64Attribute{Required: true},
			"type":                      schema.StringAttribute{Required: true},
			"bandwidth_type":            read(),
			"payment_type":              schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("Subscription")},
			"billing_type":              read(),
			"ratio":                     schema.Int64Attribute{Optional: true, Computed: true},
			"cbn_geographic_region_ida": read(),
			"cbn_geographic_region_idb": read(),
			"auto_pay":                  schema.BoolAttribute{Optional: true},
			"duration":                  optional(),
			"auto_use_coupon":           schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false)},
			"renewal_status":            read(),
			"auto_renew_duration":       schema.Int64Attribute{Optional: true, Computed: true},
			"promotion_option_no":       optional(),
			"resource_group_id":         read(),
			"bandwidth_package_name":    read(),
			"description":               read(),
			"tags":                      schema.MapAttribute{Optional: true, Computed: true, ElementType: types.StringType},
			"status":                    schema.StringAttribute{Computed: true},
		},
		Blocks: map[string]schema.Block{"timeouts": timeoutsBlock()},
	}
}

// Create sends what the official provider sends: CreateBandwidthPackage (PricingCycle Month for
// a Subscription), a wait until the plan is active, then its update: tags, renewal, name and
// description, resource group. Then it reads the plan back.
func (r *bandwidthPackage) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m packageModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	params := map[string]string{
		"ClientToken": conns.NewClientToken(), "Bandwidth": fmt.Sprint(m.Bandwidth.ValueInt64()), "Type": m.Type.ValueString(),
		"AutoUseCoupon": fmt.Sprint(m.AutoUseCoupon.ValueBool()), "ChargeType": "PREPAY",
	}
	if m.PaymentType.ValueString() == "PayAsYouGo" {
		params["ChargeType"] = "POSTPAY"
	} else {
		params["PricingCycle"] = "Month"
	}
	for name, v := range map[string]types.String{
		"BandwidthType": m.BandwidthType, "BillingType": m.BillingType, "CbnGeographicRegionIdA": m.CbnGeographicRegionIDA,
		"CbnGeographicRegionIdB": m.CbnGeographicRegionIDB, "Duration": m.Duration, "PromotionOptionNo": m.PromotionOptionNo,
		"ResourceGroupId": m.ResourceGroupID,
	} {
		if v.ValueString() != "" {
			params[name] = v.ValueString()
		}
	}
	if m.Ratio.ValueInt64() != 0 {
		params["Ratio"] = fmt.Sprint(m.Ratio.ValueInt64())
	}
	if !m.AutoPay.IsNull() && !m.AutoPay.IsUnknown() {
		params["AutoPay"] = fmt.Sprint(m.AutoPay.ValueBool())
	}
	answer, err := r.call(ctx, "CreateBandwidthPackage", params)
	if err != nil {
		resp.Diagnostics.AddError("CreateBandwidthPackage", err.Error())
		return
	}
	id := text(answer["BandwidthPackageId"])
	err = r.waitForPlanState(ctx, "the plan to be active", id, "active")
	if err == nil && !m.Tags.IsNull() && !m.Tags.IsUnknown() && len(m.Tags.Elements()) > 0 {
		params := map[string]string{"ResourceType": "bandwidthpackage", "ResourceId.1": id, "ClientToken": conns.NewClientToken()}
		var tags map[string]string
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &tags, false)...)
		for i, k := range sortedKeys(tags) {
			params[fmt.Sprintf("Tag.%d.Key", i+1)], params[fmt.Sprintf("Tag.%d.Value", i+1)] = k, tags[k]
		}
		_, err = r.call(ctx, "TagResources", params)
	}
	if err == nil && (m.RenewalStatus.ValueString() != "" || m.AutoRenewDuration.ValueInt64() != 0) {
		params := map[string]string{"InstanceId": id, "ClientToken": conns.NewClientToken()}
		if m.RenewalStatus.ValueString() != "" {
			params["RenewalStatus"] = m.RenewalStatus.ValueString()
		}
		if m.AutoRenewDuration.ValueInt64() != 0 {
			params["AutoRenewDuration"] = fmt.Sprint(m.AutoRenewDuration.ValueInt64())
		}
		_, err = r.call(ctx, "UpdateBandwidthPackagaAutoRenewAttribute", params)
	}
	if err == nil && (m.BandwidthPackageName.ValueString() != "" || m.Description.ValueString() != "") {
		params := map[string]string{"BandwidthPackageId": id}
		if m.BandwidthPackageName.ValueString() != "" {
			params["Name"] = m.BandwidthPackageName.ValueString()
		}
		if m.Description.ValueString() != "" {
			params["Description"] = m.Description.ValueString()
		}
		_, err = r.call(ctx, "UpdateBandwidthPackage", params)
	}
	if err != nil {
		resp.Diagnostics.AddError("creating the plan", err.Error())
		return
	}
	m.ID = types.StringValue(id)
	resp.Diagnostics.Append(r.read(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// read sets what the official Read sets: DescribeBandwidthPackage,
// DescribeBandwidthPackageAutoRenewAttribute (auto_renew_duration only when not 0) and
// ListTagResources.
func (r *bandwidthPackage) read(ctx context.Context, m *packageModel) (diags diag.Diagnostics) {
	id := m.ID.ValueString()
	bp, err := r.call(ctx, "DescribeBandwidthPackage", map[string]string{"BandwidthPackageId": id})
	if err != nil {
		diags.AddError("DescribeBandwidthPackage", err.Error())
		return diags
	}
	m.Bandwidth = types.Int64Value(whole(bp["Bandwidth"]))
	m.Type = types.StringValue(text(bp["Type"]))
	m.BandwidthType = types.StringValue(text(bp["BandwidthType"]))
	m.PaymentType = types.StringValue(map[string]string{"POSTPAY": "PayAsYouGo", "PREPAY": "Subscription"}[text(bp["ChargeType"])])
	m.BillingType = types.StringValue(text(bp["BillingType"]))
	m.Ratio = types.Int64Value(whole(bp["Ratio"]))
	m.CbnGeographicRegionIDA = types.StringValue(text(bp["CbnGeographicRegionIdA"]))
	m.CbnGeographicRegionIDB = types.StringValue(text(bp["CbnGeographicRegionIdB"]))
	m.ResourceGroupID = types.StringValue(text(bp["ResourceGroupId"]))
	m.BandwidthPackageName = types.StringValue(text(bp["Name"]))
	m.Description = types.StringValue(text(bp["Description"]))
	m.Status = types.StringValue(text(bp["State"]))
	renewal, err := r.call(ctx, "DescribeBandwidthPackageAutoRenewAttribute", map[string]string{"InstanceId": id})
	if err != nil {
		diags.AddError("DescribeBandwidthPackageAutoRenewAttribute", err.Error())
		return diags
	}
	m.RenewalStatus = types.StringValue(text(renewal["RenewalStatus"]))
	if n := whole(renewal["AutoRenewDuration"]); n != 0 {
		m.AutoRenewDuration = types.Int64Value(n)
	} else if m.AutoRenewDuration.IsUnknown() {
		m.AutoRenewDuration = types.Int64Value(0)
	}
	tags, err := r.call(ctx, "ListTagResources", map[string]string{"ResourceType": "bandwidthpackage", "ResourceId.1": id})
	if err != nil {
		diags.AddError("ListTagResources", err.Error())
		return diags
	}
	value, d := types.MapValueFrom(ctx, types.StringType, tagsOf(tags))
	diags.Append(d...)
	m.Tags = value
	return diags
}

func (r *bandwidthPackage) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readState(ctx, req, resp, r.read)
}

// Delete does what the official provider does: a Subscription only leaves the state; a
// pay-as-you-go plan is deleted and waited for.
func (r *bandwidthPackage) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m packageModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.PaymentType.ValueString() == "Subscription" {
		return
	}
	id := m.ID.ValueString()
	if _, err := r.call(ctx, "DeleteBandwidthPackage", map[string]string{"BandwidthPackageId": id, "ClientToken": conns.NewClientToken()}); err != nil {
		resp.Diagnostics.AddError("DeleteBandwidthPackage", err.Error())
		return
	}
	err := waitFor(ctx, "the plan to be deleted", func() (bool, error) {
		_, err := r.call(ctx, "DescribeBandwidthPackage", map[string]string{"BandwidthPackageId": id})
		if conns.IsErrorCode(err, "NotExist.BandwidthPackage") {
			return true, nil
		}
		return false, err
	})
	if err != nil {
		resp.Diagnostics.AddError("deleting the plan", err.Error())
	}
}

// attachment is alicloud_ga_bandwidth_package_attachment: its id is
// <accelerator_id>:<bandwidth_package_id>.
type attachment struct {
	api
	noUpdate
}

func newAttachment() resource.Resource { return &attachment{} }

// attachmentModel holds the official resource's attributes.
type attachmentModel struct {
	ID                 types.String   `tfsdk:"id"`
	AcceleratorID      types.String   `tfsdk:"accelerator_id"`
	BandwidthPackageID types.String   `tfsdk:"bandwidth_package_id"`
	Accelerators       types.List     `tfsdk:"accelerators"`
	Status             types.String   `tfsdk:"status"`
	Timeouts           *timeoutsModel `tfsdk:"timeouts"`
}

func (r *attachment) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "alicloud_ga_bandwidth_package_attachment"
}

func (r *attachment) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":                   schema.StringAttribute{Computed: true},
			"accelerator_id":       schema.StringAttribute{Required: true},
			"bandwidth_package_id": schema.StringAttribute{Required: true},
			"accelerators":         schema.ListAttribute{Computed: true, ElementType: types.StringType},
			"status":               schema.StringAttribute{Computed: true},
		},
		Blocks: map[string]schema.Block{"timeouts": timeoutsBlock()},
	}
}

// Create binds (BandwidthPackageAddAccelerator) and waits until the plan is binded.
func (r *attachment) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m attachmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	packageID, acceleratorID := m.BandwidthPackageID.ValueString(), m.AcceleratorID.ValueString()
	_, err := r.call(ctx, "BandwidthPackageAddAccelerator", map[string]string{"AcceleratorId": acceleratorID, "BandwidthPackageId": packageID})
	if err == nil {
		err = r.waitForPlanState(ctx, "the binding", packageID, "binded") //nolint:misspell // the API's spelling
	}
	if err != nil {
		resp.Diagnostics.AddError("binding", err.Error())
		return
	}
	m.ID = types.StringValue(acceleratorID + ":" + packageID)
	resp.Diagnostics.Append(r.read(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// read sets the status and accelerators of a binding as the official Read does.
func (r *attachment) read(ctx context.Context, m *attachmentModel) (diags diag.Diagnostics) {
	bp, err := r.call(ctx, "DescribeBandwidthPackage", map[string]string{"BandwidthPackageId": m.BandwidthPackageID.ValueString()})
	if err != nil {
		diags.AddError("DescribeBandwidthPackage", err.Error())
		return diags
	}
	if !slices.Contains(stringList(bp["Accelerators"]), m.AcceleratorID.ValueString()) {
		diags.AddError("binding gone", "the plan is not bound to the accelerator")
		return diags
	}
	list, d := types.ListValueFrom(ctx, types.StringType, []string{m.AcceleratorID.ValueString()})
	diags.Append(d...)
	m.Accelerators, m.Status = list, types.StringValue(text(bp["State"]))
	return diags
}

func (r *attachment) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readState(ctx, req, resp, r.read)
}

// Delete unbinds (BandwidthPackageRemoveAccelerator) and waits until the plan is active.
func (r *attachment) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m attachmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	packageID := m.BandwidthPackageID.ValueString()
	_, err := r.call(ctx, "BandwidthPackageRemoveAccelerator", map[string]string{"AcceleratorId": m.AcceleratorID.ValueString(), "BandwidthPackageId": packageID})
	if err == nil {
		err = r.waitForPlanState(ctx, "the unbinding", packageID, "active")
	}
	if err != nil {
		resp.Diagnostics.AddError("unbinding", err.Error())
	}
}
