// Package officialstandin is a stand-in for the official alicloud provider
// (aliyun/terraform-provider-alicloud) in acceptance tests of moves from it: a small provider
// named alicloud whose alicloud_ga_bandwidth_package and alicloud_ga_bandwidth_package_attachment
// have the official resources' attributes and send the calls the official provider sends
// (recorded in internal/mockcloud/testdata), so that the state it writes is the state a user of
// the official provider has. Terraform insists that the provider of a state be installed before
// anything moves out of it; any provider served under that address will do, and the tests serve
// this one in-process.
//
// It is written from the official provider's documented schema and its recorded requests, and
// does only what those tests need: create, read and delete (an update is refused).
package officialstandin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	providerschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"terraform-provider-alibabacloud/internal/conns"
)

// TypeName is the stand-in's name in configurations: the official provider's.
const TypeName = "alicloud"

// ProtoV6ProviderServer serves a new stand-in, for terraform-plugin-testing's
// ProtoV6ProviderFactories under TypeName.
func ProtoV6ProviderServer() (tfprotov6.ProviderServer, error) {
	return providerserver.NewProtocol6WithError(&standIn{})()
}

// standIn is the provider.
type standIn struct{}

// providerModel is the provider block, as the official provider takes it against a local
// endpoint: a host without a scheme in endpoints, and protocol HTTP.
type providerModel struct {
	Region      string  `tfsdk:"region"`
	AccessKey   string  `tfsdk:"access_key"`
	SecretKey   string  `tfsdk:"secret_key"`
	Protocol    *string `tfsdk:"protocol"`
	AccountType *string `tfsdk:"account_type"`
	Endpoints   struct {
		GA  *string `tfsdk:"ga"`
		CBN *string `tfsdk:"cbn"`
	} `tfsdk:"endpoints"`
}

// Metadata implements provider.Provider.
func (p *standIn) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = "1.277.0-standin"
}

// Schema implements provider.Provider: the arguments of the official provider's block that
// these tests use.
func (p *standIn) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerschema.Schema{
		Attributes: map[string]providerschema.Attribute{
			"region":       providerschema.StringAttribute{Required: true},
			"access_key":   providerschema.StringAttribute{Required: true},
			"secret_key":   providerschema.StringAttribute{Required: true, Sensitive: true},
			"protocol":     providerschema.StringAttribute{Optional: true},
			"account_type": providerschema.StringAttribute{Optional: true},
		},
		Blocks: map[string]providerschema.Block{
			"endpoints": providerschema.SingleNestedBlock{Attributes: map[string]providerschema.Attribute{
				"ga":  providerschema.StringAttribute{Optional: true},
				"cbn": providerschema.StringAttribute{Optional: true},
			}},
		},
	}
}

// Configure implements provider.Provider: a client of the Ga endpoint, over protocol.
func (p *standIn) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	scheme := "https"
	if config.Protocol != nil && strings.EqualFold(*config.Protocol, "HTTP") {
		scheme = "http"
	}
	if config.Endpoints.GA == nil {
		resp.Diagnostics.AddError("endpoints.ga", "the stand-in talks to a local endpoint only: set endpoints { ga = ... }")
		return
	}
	endpoint, err := conns.ParseEndpoint(scheme + "://" + *config.Endpoints.GA)
	if err != nil {
		resp.Diagnostics.AddError("endpoints.ga", err.Error())
		return
	}
	client, err := conns.New(conns.Config{
		Region:      config.Region,
		Credentials: credentials.NewStaticAKCredentialsProvider(config.AccessKey, config.SecretKey),
		GAEndpoint:  endpoint,
		UserAgent:   "alicloud-standin",
	})
	if err != nil {
		resp.Diagnostics.AddError("client", err.Error())
		return
	}
	resp.ResourceData = client.GA
}

// Resources implements provider.Provider.
func (p *standIn) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{newBandwidthPackage, newAttachment}
}

// DataSources implements provider.Provider.
func (p *standIn) DataSources(context.Context) []func() datasource.DataSource { return nil }

// api sends Ga calls the way the official provider does (RpcPost): an action and its
// parameters, the answer as a JSON object.
type api struct{ service *conns.Service }

// Configure implements resource.ResourceWithConfigure for both resources: it takes the client
// out of the provider data.
func (a *api) Configure(_ context.Context, req resource.ConfigureRequest, _ *resource.ConfigureResponse) {
	if s, ok := req.ProviderData.(*conns.Service); ok {
		a.service = s
	}
}

// jsonResponse is any answer, kept as its body.
type jsonResponse struct{ *responses.BaseResponse }

// call sends action with params and decodes the answer.
func (a *api) call(ctx context.Context, action string, params map[string]string) (map[string]any, error) {
	req := &requests.RpcRequest{}
	req.InitWithApiInfo("Ga", "2019-11-20", action, "", "")
	req.Method = requests.POST
	req.RegionId = conns.GARegion
	for k, v := range params {
		req.QueryParams[k] = v
	}
	resp := &jsonResponse{&responses.BaseResponse{}}
	if err := a.service.Do(ctx, req, resp); err != nil {
		return nil, err
	}
	var out map[string]any
	if err := json.Unmarshal(resp.GetHttpContentBytes(), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// waitFor calls check every 200 ms until it reports done, for at most two minutes.
func waitFor(ctx context.Context, what string, check func() (bool, error)) error {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		done, err := check()
		if err != nil || done {
			return err
		}
		if time.Now().After(deadline) {
			return errors.New("timed out waiting for " + what)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// text renders an answer's field as the official provider's fmt.Sprint does ("" for none).
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return fmt.Sprint(v)
	}
}

// whole reads an answer's number field (0 for none).
func whole(v any) int64 {
	n, _ := strconv.ParseInt(text(v), 10, 64)
	return n
}

// stringList reads an answer's list of strings.
func stringList(v any) []string {
	items, _ := v.([]any)
	out := []string{}
	for _, item := range items {
		out = append(out, text(item))
	}
	return out
}

// tagsOf reads the tags of a ListTagResources answer.
func tagsOf(answer map[string]any) map[string]string {
	tags := map[string]string{}
	wrapper, _ := answer["TagResources"].(map[string]any)
	rows, _ := wrapper["TagResource"].([]any)
	for _, row := range rows {
		if r, ok := row.(map[string]any); ok {
			tags[text(r["TagKey"])] = text(r["TagValue"])
		}
	}
	return tags
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }
