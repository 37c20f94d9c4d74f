package ga

import (
	"context"
	"testing"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

// The plan-time rules of alibabacloud_ga_bandwidth_package_attachment (ModifyPlan) against
// fakeGA.

// planAttachment runs ModifyPlan of an attachment on f for a binding of packageID to
// acceleratorID (tftypes.UnknownValue for unknown), replacing prior (nil: a create), with the
// claims of the plan so far.
func planAttachment(t *testing.T, f *fakeGA, claims *conns.Claims, prior map[string]any, packageID, acceleratorID any) diag.Diagnostics {
	t.Helper()
	s := attachmentSchema(t)
	r := configured[*bandwidthPackageAttachmentResource](t, NewBandwidthPackageAttachmentResource, f)
	r.SetClaims(claims)
	raw := resourcetest.Object(t, s, map[string]any{
		"id": tftypes.UnknownValue, "status": tftypes.UnknownValue,
		"bandwidth_package_id": packageID, "accelerator_id": acceleratorID,
	})
	state := tfsdk.State{Schema: s, Raw: resourcetest.Null(s)}
	if prior != nil {
		state.Raw = resourcetest.Object(t, s, prior)
	}
	req := resource.ModifyPlanRequest{Plan: tfsdk.Plan{Schema: s, Raw: raw}, State: state, Config: tfsdk.Config{Schema: s, Raw: raw}}
	resp := resource.ModifyPlanResponse{Plan: req.Plan}
	r.ModifyPlan(context.Background(), req, &resp)
	return resp.Diagnostics
}

// packageOf is testPackage with another id and type.
func packageOf(id, packageType string) *gasdk.DescribeBandwidthPackageResponse {
	p := testPackage()
	p.BandwidthPackageId, p.Type = id, packageType
	if packageType == packageTypeCrossDomain {
		p.BandwidthType = ""
	}
	return p
}

// bound returns p bound to acceleratorID.
func bound(p *gasdk.DescribeBandwidthPackageResponse, acceleratorID string) *gasdk.DescribeBandwidthPackageResponse {
	p.Accelerators, p.State = []string{acceleratorID}, packageStateBinded
	return p
}

// expectErrorOn fails t unless diags are one error on attribute whose text holds each of wants.
func expectErrorOn(t *testing.T, diags diag.Diagnostics, attribute string, wants ...string) {
	t.Helper()
	resourcetest.ExpectError(t, diags, wants...)
	if len(diags) == 1 {
		if d, ok := diags[0].(diag.DiagnosticWithPath); !ok || !d.Path().Equal(path.Root(attribute)) {
			t.Errorf("the error is not on %s: %v", attribute, diags[0])
		}
	}
}

func TestAttachmentModifyPlan_refusals(t *testing.T) {
	unpaid := subscriptionPackage()
	unpaid.State = packageStateInit
	cases := []struct {
		name      string
		packages  []*gasdk.DescribeBandwidthPackageResponse
		packageID string
		attribute string
		wants     []string
	}{
		{"plan not found", nil, "gbwp-nope", "bandwidth_package_id", []string{"GA bandwidth plan not found", `"gbwp-nope"`, "alibabacloud_ga_bandwidth_package.<name>.id"}},
		{"unpaid subscription", []*gasdk.DescribeBandwidthPackageResponse{unpaid}, "gbwp-1", "bandwidth_package_id", []string{"awaits payment", "Order Center", "waiting does not help"}},
		{"bound elsewhere", []*gasdk.DescribeBandwidthPackageResponse{bound(testPackage(), "ga-other")}, "gbwp-1", "bandwidth_package_id", []string{"bound to accelerator ga-other", "a plan serves one accelerator", "Unbind it"}},
		{"bound here already", []*gasdk.DescribeBandwidthPackageResponse{boundTestPackage()}, "gbwp-1", "bandwidth_package_id", []string{"Binding exists already", "moved block", "terraform import <address> gbwp-1:ga-unit1"}},
		{"second Basic plan", []*gasdk.DescribeBandwidthPackageResponse{bound(packageOf("gbwp-basic", packageTypeBasic), testAcceleratorID), testPackage()}, "gbwp-1", "accelerator_id", []string{"has the Basic bandwidth plan gbwp-basic bound", "takes one Basic plan", "Change the bandwidth of gbwp-basic"}},
		{"second CrossDomain plan", []*gasdk.DescribeBandwidthPackageResponse{bound(packageOf("gbwp-basic", packageTypeBasic), testAcceleratorID), bound(packageOf("gbwp-cd", packageTypeCrossDomain), testAcceleratorID), packageOf("gbwp-1", packageTypeCrossDomain)}, "gbwp-1", "accelerator_id", []string{"CrossDomain bandwidth plan gbwp-cd"}},
		{"CrossDomain without Basic", []*gasdk.DescribeBandwidthPackageResponse{packageOf("gbwp-1", packageTypeCrossDomain)}, "gbwp-1", "bandwidth_package_id", []string{"needs a Basic plan", "depends_on"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGA(tc.packages...)
			expectErrorOn(t, planAttachment(t, f, conns.NewClaims(), nil, tc.packageID, testAcceleratorID), tc.attribute, tc.wants...)
			if len(f.Calls()) > 2 {
				t.Errorf("calls %v, want at most the two reads", f.Calls())
			}
		})
	}
	t.Run("accelerator not found", func(t *testing.T) {
		expectErrorOn(t, planAttachment(t, newFakeGA(testPackage()), conns.NewClaims(), nil, "gbwp-1", "ga-nope"),
			"accelerator_id", "GA accelerator not found", `"ga-nope"`)
	})
	t.Run("unreadable", func(t *testing.T) {
		f := newFakeGA(testPackage())
		f.FailNext(describeAcceleratorAct, resourcetest.APIError("Forbidden.RAM"))
		resourcetest.ExpectError(t, planAttachment(t, f, conns.NewClaims(), nil, "gbwp-1", testAcceleratorID),
			"Reading GA accelerator ga-unit1 to check the binding failed", "Forbidden.RAM")
	})
}

func TestAttachmentModifyPlan_accepted(t *testing.T) {
	basic := func() *gasdk.DescribeBandwidthPackageResponse {
		return bound(packageOf("gbwp-basic", packageTypeBasic), testAcceleratorID)
	}
	cases := []struct {
		name          string
		packages      []*gasdk.DescribeBandwidthPackageResponse
		prior         map[string]any
		packageID     any
		acceleratorID any
		wantCalls     int
	}{
		{"free plan, free accelerator", []*gasdk.DescribeBandwidthPackageResponse{testPackage()}, nil, "gbwp-1", testAcceleratorID, 2},
		{"CrossDomain beside a Basic plan", []*gasdk.DescribeBandwidthPackageResponse{basic(), packageOf("gbwp-1", packageTypeCrossDomain)}, nil, "gbwp-1", testAcceleratorID, 2},
		{"ids known at apply", nil, nil, tftypes.UnknownValue, tftypes.UnknownValue, 0},
		{"accelerator known at apply", []*gasdk.DescribeBandwidthPackageResponse{testPackage()}, nil, "gbwp-1", tftypes.UnknownValue, 1},
		{
			"kept as it is", []*gasdk.DescribeBandwidthPackageResponse{boundTestPackage()},
			map[string]any{"id": "gbwp-1:ga-unit1", "bandwidth_package_id": "gbwp-1", "accelerator_id": testAcceleratorID, "status": "binded"},
			"gbwp-1", testAcceleratorID, 0,
		},
		{
			// Replacing its own binding: the plan's accelerator is undone first.
			"replaced: another accelerator", []*gasdk.DescribeBandwidthPackageResponse{bound(testPackage(), "ga-old")},
			map[string]any{"id": "gbwp-1:ga-old", "bandwidth_package_id": "gbwp-1", "accelerator_id": "ga-old", "status": "binded"},
			"gbwp-1", testAcceleratorID, 2,
		},
		{
			// Swapping the accelerator's Basic plan for another one: its regions are read too.
			"swapped: another Basic plan", []*gasdk.DescribeBandwidthPackageResponse{basic(), testPackage()},
			map[string]any{"id": "gbwp-basic:ga-unit1", "bandwidth_package_id": "gbwp-basic", "accelerator_id": testAcceleratorID, "status": "binded"},
			"gbwp-1", testAcceleratorID, 3,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGA(tc.packages...)
			resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, conns.NewClaims(), tc.prior, tc.packageID, tc.acceleratorID))
			if len(f.Calls()) != tc.wantCalls {
				t.Errorf("calls %v, want %d reads", f.Calls(), tc.wantCalls)
			}
		})
	}
	t.Run("not configured", func(t *testing.T) {
		s := attachmentSchema(t)
		raw := resourcetest.Object(t, s, map[string]any{"id": tftypes.UnknownValue, "status": tftypes.UnknownValue, "bandwidth_package_id": "gbwp-1", "accelerator_id": "ga-1"})
		resp := resource.ModifyPlanResponse{}
		r, ok := NewBandwidthPackageAttachmentResource().(*bandwidthPackageAttachmentResource)
		if !ok {
			t.Fatal("not the attachment resource")
		}
		r.ModifyPlan(context.Background(),
			resource.ModifyPlanRequest{Plan: tfsdk.Plan{Schema: s, Raw: raw}, State: tfsdk.State{Schema: s, Raw: resourcetest.Null(s)}}, &resp)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
	})
	t.Run("destroy", func(t *testing.T) {
		f := boundFake()
		s := attachmentSchema(t)
		r := configured[*bandwidthPackageAttachmentResource](t, NewBandwidthPackageAttachmentResource, f)
		resp := resource.ModifyPlanResponse{}
		r.ModifyPlan(context.Background(), resource.ModifyPlanRequest{Plan: tfsdk.Plan{Schema: s, Raw: resourcetest.Null(s)}, State: attachmentState(t, "binding", nil)}, &resp)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		if len(f.Calls()) != 0 {
			t.Errorf("a destroy read %v", f.Calls())
		}
	})
}

// TestAttachmentModifyPlan_collisions: attachments of one configuration share the claims of one
// plan; the second to claim a plan, or an accelerator's place for a type, is refused, naming
// the first.
func TestAttachmentModifyPlan_collisions(t *testing.T) {
	t.Run("one plan, two accelerators", func(t *testing.T) {
		f := newFakeGA(testPackage())
		f.accelerators["ga-2"] = acceleratorStateActive
		claims := conns.NewClaims()
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, claims, nil, "gbwp-1", testAcceleratorID))
		expectErrorOn(t, planAttachment(t, f, claims, nil, "gbwp-1", "ga-2"), "bandwidth_package_id",
			"Bandwidth plan bound twice", "the binding of bandwidth plan gbwp-1 to accelerator ga-unit1", "a plan serves one accelerator")
	})
	t.Run("the same pair twice", func(t *testing.T) {
		// Indistinguishable from the same attachment planned again by a provider instance that
		// Terraform did not configure anew (terraform test, from Terraform 1.14, configures one per
		// test file): accepted at plan; a duplicate is refused at apply.
		f := newFakeGA(testPackage())
		claims := conns.NewClaims()
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, claims, nil, "gbwp-1", testAcceleratorID))
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, claims, nil, "gbwp-1", testAcceleratorID))
	})
	t.Run("a plan known at apply and one known now", func(t *testing.T) {
		f := newFakeGA(testPackage())
		claims := conns.NewClaims()
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, claims, nil, "gbwp-1", tftypes.UnknownValue))
		expectErrorOn(t, planAttachment(t, f, claims, nil, "gbwp-1", testAcceleratorID), "bandwidth_package_id",
			"the binding of bandwidth plan gbwp-1 to an accelerator known only at apply")
	})
	t.Run("two Basic plans on one accelerator", func(t *testing.T) {
		f := newFakeGA(testPackage(), packageOf("gbwp-2", packageTypeBasic))
		claims := conns.NewClaims()
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, claims, nil, "gbwp-1", testAcceleratorID))
		expectErrorOn(t, planAttachment(t, f, claims, nil, "gbwp-2", testAcceleratorID), "accelerator_id",
			"Two Basic bandwidth plans for one accelerator", "the binding of bandwidth plan gbwp-1 to accelerator ga-unit1")
	})
	t.Run("a CrossDomain plan after the Basic one it depends on", func(t *testing.T) {
		f := newFakeGA(testPackage(), packageOf("gbwp-cd", packageTypeCrossDomain))
		claims := conns.NewClaims()
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, claims, nil, "gbwp-1", testAcceleratorID))
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, claims, nil, "gbwp-cd", testAcceleratorID))
	})
	t.Run("a CrossDomain plan after a plan known at apply", func(t *testing.T) {
		f := newFakeGA(packageOf("gbwp-cd", packageTypeCrossDomain))
		claims := conns.NewClaims()
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, claims, nil, tftypes.UnknownValue, testAcceleratorID))
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, claims, nil, "gbwp-cd", testAcceleratorID))
	})
	t.Run("a new plan: fresh claims", func(t *testing.T) {
		// Each Configure (one per plan, one per apply) builds new claims: the apply plans the
		// same resources again without colliding with the plan's claims.
		f := newFakeGA(testPackage())
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, conns.NewClaims(), nil, "gbwp-1", testAcceleratorID))
		resourcetest.ExpectNoDiagnostics(t, planAttachment(t, f, conns.NewClaims(), nil, "gbwp-1", testAcceleratorID))
	})
}

// TestAttachmentModifyPlan_unpaidPurchaseInThePlan: when the plan buys a Subscription without
// automatic payment, an attachment whose plan id is known only at apply is warned that the
// binding would then be refused.
func TestAttachmentModifyPlan_unpaidPurchaseInThePlan(t *testing.T) {
	claims := conns.NewClaims()
	s := packageSchema(t)
	pkg := configured[*bandwidthPackageResource](t, NewBandwidthPackageResource, newFakeGA())
	pkg.SetClaims(claims)
	buy := func(autoPay bool) diag.Diagnostics {
		plan := planned(t, s, map[string]any{"bandwidth": 10, "type": "Basic", "bandwidth_type": "Basic",
			"payment_type": "Subscription", "duration": 1, "auto_pay": autoPay})
		resp := resource.ModifyPlanResponse{Plan: plan}
		pkg.ModifyPlan(context.Background(), resource.ModifyPlanRequest{Plan: plan, State: tfsdk.State{Schema: s, Raw: resourcetest.Null(s)}}, &resp)
		return resp.Diagnostics
	}

	buy(true)
	resourcetest.ExpectNoDiagnostics(t, planAttachment(t, newFakeGA(), claims, nil, tftypes.UnknownValue, testAcceleratorID))
	resourcetest.ExpectWarning(t, buy(false), "Subscription will be created unpaid")
	resourcetest.ExpectWarning(t, planAttachment(t, newFakeGA(), claims, nil, tftypes.UnknownValue, testAcceleratorID),
		"may be bought unpaid", "the binding will be refused then", "auto_pay = true")
	// A plan id known now is checked by reading the plan instead.
	resourcetest.ExpectNoDiagnostics(t, planAttachment(t, newFakeGA(testPackage()), claims, nil, "gbwp-1", testAcceleratorID))
}
