package ga

import (
	"context"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

// The CRUD of alibabacloud_ga_bandwidth_package_attachment against fakeGA.

// attachmentSchema returns the attachment resource's schema.
func attachmentSchema(t *testing.T) schema.Schema {
	t.Helper()
	return resourcetest.Schema(t, NewBandwidthPackageAttachmentResource())
}

// attachmentState is the state of the binding of gbwp-1 to testAcceleratorID, with status and
// timeouts.
func attachmentState(t *testing.T, status string, timeouts map[string]any) tfsdk.State {
	t.Helper()
	s := attachmentSchema(t)
	return tfsdk.State{Schema: s, Raw: resourcetest.Object(t, s, map[string]any{
		"id": "gbwp-1:" + testAcceleratorID, "bandwidth_package_id": "gbwp-1", "accelerator_id": testAcceleratorID,
		"status": status, "timeouts": timeouts,
	})}
}

// boundFake is a fake holding plan gbwp-1 bound to testAcceleratorID.
func boundFake() *fakeGA { return newFakeGA(boundTestPackage()) }

func TestAttachmentCreate(t *testing.T) {
	s := attachmentSchema(t)
	attach := func(f *fakeGA, timeouts map[string]any) resource.CreateResponse {
		plan := tfsdk.Plan{Schema: s, Raw: resourcetest.Object(t, s, map[string]any{
			"id": tftypes.UnknownValue, "status": tftypes.UnknownValue, "timeouts": timeouts,
			"bandwidth_package_id": "gbwp-1", "accelerator_id": testAcceleratorID,
		})}
		resp := resource.CreateResponse{State: resourcetest.State(t, s, nil)}
		configured[*bandwidthPackageAttachmentResource](t, NewBandwidthPackageAttachmentResource, f).Create(context.Background(), resource.CreateRequest{Plan: plan}, &resp)
		return resp
	}

	t.Run("bound and waited for", func(t *testing.T) {
		f := newFakeGA(testPackage())
		f.FailNext(addAcceleratorAct, resourcetest.APIError(errCodeStateErrorAccelerator)) // busy: retried
		f.showStates(testAcceleratorID, acceleratorStateBinding)
		resp := attach(f, nil)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		got := resourcetest.Get[bandwidthPackageAttachmentModel](t, resp.State)
		if got.ID.ValueString() != "gbwp-1:"+testAcceleratorID || got.Status.ValueString() != "binded" {
			t.Errorf("state %+v", got)
		}
		if f.CallCount(addAcceleratorAct) != 2 || f.CallCount(describeAcceleratorAct) != 2 {
			t.Errorf("calls %v", f.Calls())
		}
	})
	t.Run("refused", func(t *testing.T) {
		f := newFakeGA(testPackage())
		f.FailNext(addAcceleratorAct, resourcetest.APIError(errCodeNotExistBasicBandwidthPackage))
		resp := attach(f, nil)
		resourcetest.ExpectError(t, resp.Diagnostics, "Binding GA bandwidth plan gbwp-1 to accelerator ga-unit1 failed", "Bind a Basic plan first")
		if !resp.State.Raw.IsNull() {
			t.Error("a refused binding saved a state")
		}
	})
	t.Run("bound elsewhere: the advice of a bind", func(t *testing.T) {
		f := newFakeGA(testPackage())
		f.FailNext(addAcceleratorAct, resourcetest.APIError(errCodeBindExistBandwidthPackage))
		resp := attach(f, nil)
		resourcetest.ExpectError(t, resp.Diagnostics, "conflicts with one that exists", "import it with terraform import")
		if text := resp.Diagnostics[0].Detail(); strings.Contains(text, "then destroy it") {
			t.Errorf("a refused bind gets the advice of a delete: %s", text)
		}
	})
	t.Run("unpaid: refused at once, not retried until the timeout", func(t *testing.T) {
		unpaid := subscriptionPackage()
		unpaid.State = packageStateInit
		f := newFakeGA(unpaid)
		f.Handle(addAcceleratorAct, func(requests.AcsRequest, responses.AcsResponse) error {
			return resourcetest.APIError(errCodeStateErrorBandwidthPackage)
		})
		resp := attach(f, map[string]any{"create": "3s"})
		resourcetest.ExpectError(t, resp.Diagnostics, "is not paid yet", "Order Center", "waiting does not help")
		if n := f.CallCount(addAcceleratorAct); n != 1 {
			t.Errorf("BandwidthPackageAddAccelerator called %d times, want 1", n)
		}
	})
	t.Run("binding slower than the timeout: saved, binding", func(t *testing.T) {
		f := newFakeGA(testPackage())
		f.Handle(addAcceleratorAct, func(requests.AcsRequest, responses.AcsResponse) error { return nil }) // never shows
		resp := attach(f, map[string]any{"create": "1s"})
		resourcetest.ExpectError(t, resp.Diagnostics, "to finish binding bandwidth plan gbwp-1 failed", "did not finish within 1s")
		if got := resourcetest.Get[bandwidthPackageAttachmentModel](t, resp.State); got.Status.ValueString() != "binding" {
			t.Errorf("state %+v, want the binding kept (tainted)", got)
		}
	})
	t.Run("unreadable timeout", func(t *testing.T) {
		f := newFakeGA(testPackage())
		if resp := attach(f, map[string]any{"create": "soon"}); !resp.Diagnostics.HasError() || len(f.Calls()) != 0 {
			t.Errorf("diags %v, calls %v", resp.Diagnostics, f.Calls())
		}
	})
	t.Run("zero timeout: nothing bound (was: bound, then tainted)", func(t *testing.T) {
		f := newFakeGA(testPackage())
		resp := attach(f, map[string]any{"create": "0s"})
		resourcetest.ExpectError(t, resp.Diagnostics, `timeouts.create = "0s" is not a positive duration`)
		if len(f.Calls()) != 0 {
			t.Errorf("calls %v", f.Calls())
		}
	})
}

func TestAttachmentRead(t *testing.T) {
	read := func(f *fakeGA) resource.ReadResponse {
		st := attachmentState(t, "binded", nil)
		resp := resource.ReadResponse{State: st}
		configured[*bandwidthPackageAttachmentResource](t, NewBandwidthPackageAttachmentResource, f).Read(context.Background(), resource.ReadRequest{State: st}, &resp)
		return resp
	}
	resp := read(boundFake())
	resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
	if got := resourcetest.Get[bandwidthPackageAttachmentModel](t, resp.State); got.Status.ValueString() != "binded" {
		t.Errorf("state %+v", got)
	}

	for name, f := range map[string]*fakeGA{"unbound": newFakeGA(testPackage()), "plan gone": newFakeGA()} {
		resp := read(f)
		resourcetest.ExpectWarning(t, resp.Diagnostics, "no longer exists", "not bound to accelerator ga-unit1 any more")
		if !resp.State.Raw.IsNull() {
			t.Errorf("%s: the attachment stayed in the state", name)
		}
	}

	f := boundFake()
	f.FailNext(describePackageAct, resourcetest.APIError("Forbidden.RAM"))
	resourcetest.ExpectError(t, read(f).Diagnostics, "Reading the GA bandwidth plan attachment failed")
}

func TestAttachmentDelete(t *testing.T) {
	detach := func(f *fakeGA) resource.DeleteResponse {
		st := attachmentState(t, "binded", map[string]any{"delete": "2s"})
		resp := resource.DeleteResponse{State: st}
		configured[*bandwidthPackageAttachmentResource](t, NewBandwidthPackageAttachmentResource, f).Delete(context.Background(), resource.DeleteRequest{State: st}, &resp)
		return resp
	}

	t.Run("unbound and waited for", func(t *testing.T) {
		f := boundFake()
		f.showStates("gbwp-1", packageStateBinded, packageStateUnbinding)
		resourcetest.ExpectNoDiagnostics(t, detach(f).Diagnostics)
		if p := f.packages["gbwp-1"]; len(p.Accelerators) != 0 || f.CallCount(removeAcceleratorAct) != 1 {
			t.Errorf("accelerators %v after calls %v", p.Accelerators, f.Calls())
		}
	})
	t.Run("a binding under way is waited for first", func(t *testing.T) {
		f := boundFake()
		f.showStates("gbwp-1", packageStateBinding)
		resourcetest.ExpectNoDiagnostics(t, detach(f).Diagnostics)
		if f.CallCount(removeAcceleratorAct) != 1 {
			t.Errorf("calls %v", f.Calls())
		}
	})
	t.Run("nothing to unbind", func(t *testing.T) {
		for name, f := range map[string]*fakeGA{"unbound": newFakeGA(testPackage()), "plan gone": newFakeGA()} {
			resourcetest.ExpectNoDiagnostics(t, detach(f).Diagnostics)
			if f.CallCount(removeAcceleratorAct) != 0 {
				t.Errorf("%s: unbound anyway", name)
			}
		}
	})
	// An answer of the API to one call, and what Delete makes of it.
	for _, tc := range []struct {
		name, action, code, wantError string
	}{
		{"gone while unbinding", removeAcceleratorAct, errCodeNotExistAccelerator, ""},
		{"unreadable", describePackageAct, "Forbidden.RAM", "Reading GA bandwidth plan gbwp-1 before unbinding it failed"},
		{"refused", removeAcceleratorAct, "Forbidden.RAM", "Unbinding GA bandwidth plan gbwp-1 from accelerator ga-unit1 failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := boundFake()
			f.FailNext(tc.action, resourcetest.APIError(tc.code))
			if diags := detach(f).Diagnostics; tc.wantError == "" {
				resourcetest.ExpectNoDiagnostics(t, diags)
			} else {
				resourcetest.ExpectError(t, diags, tc.wantError)
			}
		})
	}
	t.Run("the wait fails", func(t *testing.T) {
		f := boundFake()
		f.Handle(removeAcceleratorAct, func(request requests.AcsRequest, response responses.AcsResponse) error {
			f.FailNext(describePackageAct, resourcetest.APIError("Forbidden.RAM"))
			return f.bind(request, response)
		})
		resourcetest.ExpectError(t, detach(f).Diagnostics, "to be unbound from accelerator ga-unit1 failed")
	})
}

func TestAttachmentUpdateImportAndMetadata(t *testing.T) {
	s := attachmentSchema(t)
	r := configured[*bandwidthPackageAttachmentResource](t, NewBandwidthPackageAttachmentResource, newFakeGA())

	// Only the timeouts can change in place: no call, the status kept.
	state := attachmentState(t, "binded", nil)
	plan := tfsdk.Plan{Schema: s, Raw: resourcetest.Object(t, s, map[string]any{
		"id": "gbwp-1:" + testAcceleratorID, "bandwidth_package_id": "gbwp-1", "accelerator_id": testAcceleratorID,
		"status": tftypes.UnknownValue, "timeouts": map[string]any{"create": "20m"},
	})}
	uresp := resource.UpdateResponse{State: state}
	r.Update(context.Background(), resource.UpdateRequest{Plan: plan, State: state}, &uresp)
	resourcetest.ExpectNoDiagnostics(t, uresp.Diagnostics)
	if got := resourcetest.Get[bandwidthPackageAttachmentModel](t, uresp.State); got.Status.ValueString() != "binded" {
		t.Errorf("status after the update %s, want it kept", got.Status)
	}

	importID := func(id string) resource.ImportStateResponse {
		resp := resource.ImportStateResponse{State: tfsdk.State{Schema: s, Raw: resourcetest.Null(s)}}
		r.ImportState(context.Background(), resource.ImportStateRequest{ID: id}, &resp)
		return resp
	}
	resp := importID("gbwp-1:ga-2")
	resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
	if got := resourcetest.Get[bandwidthPackageAttachmentModel](t, resp.State); got.BandwidthPackageID.ValueString() != "gbwp-1" || got.AcceleratorID.ValueString() != "ga-2" {
		t.Errorf("imported %+v", got)
	}
	resourcetest.ExpectError(t, importID("gbwp-1").Diagnostics, "Invalid import ID", "<bandwidth_package_id>:<accelerator_id>")

	var meta resource.MetadataResponse
	r.Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "alibabacloud"}, &meta)
	if meta.TypeName != "alibabacloud_ga_bandwidth_package_attachment" {
		t.Errorf("type name %s", meta.TypeName)
	}
}
