package resourcetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/conns"
)

func TestFakeAPI(t *testing.T) {
	f := NewFakeAPI()
	f.Handle("DescribeCenBandwidthPackages", func(_ requests.AcsRequest, response responses.AcsResponse) error {
		out, ok := response.(*cbn.DescribeCenBandwidthPackagesResponse)
		if !ok {
			return errors.New("wrong response type")
		}
		out.TotalCount = 7
		return nil
	})
	f.FailNext("DescribeCenBandwidthPackages", APIError("Throttling.User"))
	describe := func() (*cbn.DescribeCenBandwidthPackagesResponse, error) {
		resp := cbn.CreateDescribeCenBandwidthPackagesResponse()
		return resp, f.Do(context.Background(), cbn.CreateDescribeCenBandwidthPackagesRequest(), resp)
	}
	if _, err := describe(); !conns.IsErrorCode(err, "Throttling.User") || conns.RequestID(err) != "REQ-1" {
		t.Errorf("first call: %v, want the queued error", err)
	}
	if resp, err := describe(); err != nil || resp.TotalCount != 7 {
		t.Errorf("second call: %v, %v; want the handler's answer", resp, err)
	}
	if err := f.Do(context.Background(), cbn.CreateTempUpgradeCenBandwidthPackageSpecRequest(), cbn.CreateTempUpgradeCenBandwidthPackageSpecResponse()); err == nil {
		t.Error("an action without a handler succeeded")
	}
	want := []string{"DescribeCenBandwidthPackages", "DescribeCenBandwidthPackages", "TempUpgradeCenBandwidthPackageSpec"}
	if !slices.Equal(f.Calls(), want) || f.CallCount("DescribeCenBandwidthPackages") != 2 {
		t.Errorf("calls %v", f.Calls())
	}
}

type testModel struct {
	Name  types.String `tfsdk:"name"`
	Count types.Int64  `tfsdk:"count"`
	Note  types.String `tfsdk:"-"`
}

func TestExpectModelMatchesSchema(t *testing.T) {
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"name":  schema.StringAttribute{Required: true},
		"count": schema.Int64Attribute{Optional: true},
	}}
	ExpectModelMatchesSchema(t, s, testModel{})

	var rec recorder
	wrong := schema.Schema{Attributes: map[string]schema.Attribute{
		"name":  schema.StringAttribute{Required: true},
		"count": schema.StringAttribute{Optional: true},
		"extra": schema.BoolAttribute{Optional: true},
	}}
	ExpectModelMatchesSchema(&rec, wrong, &testModel{})
	for _, want := range []string{`attribute "count": model field of type basetypes.Int64Value, schema value type basetypes.StringValue`, `schema attribute "extra" has no model field`} {
		if !strings.Contains(rec.msg, want) {
			t.Errorf("mismatch report %q lacks %q", rec.msg, want)
		}
	}
}

// recorder is a testing.TB that keeps what Errorf reports.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) { r.msg += fmt.Sprintf(format, args...) }

func TestStateAndObject(t *testing.T) {
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"name":  schema.StringAttribute{Required: true},
		"count": schema.Int64Attribute{Optional: true},
	}}
	st := State(t, s, &testModel{Name: types.StringValue("a"), Count: types.Int64Value(2)})
	if got := Get[testModel](t, st); got.Name.ValueString() != "a" || got.Count.ValueInt64() != 2 {
		t.Errorf("round trip gave %+v", got)
	}
	if !State(t, s, nil).Raw.IsNull() || !Plan(t, s, (*testModel)(nil)).Raw.IsNull() || !Null(s).IsNull() {
		t.Error("a nil model is a null state")
	}
	obj := Object(t, s, map[string]any{"name": "b", "count": tftypes.UnknownValue})
	var name types.String
	st.Raw = obj
	st.GetAttribute(context.Background(), path.Root("name"), &name)
	if name.ValueString() != "b" {
		t.Errorf("Object gave name %s", name)
	}
}
