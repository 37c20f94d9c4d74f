package provider

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/validators"
)

// officialProviderArguments are the arguments of the official alicloud provider's block
// (aliyun/terraform-provider-alicloud, alicloud/provider.go, v1.277.0), nested ones as
// block.argument, each with what this provider does with it: "accepted" with the same meaning,
// or "refused" at plan with a message saying what to write instead. endpoints takes about 160
// products there; only cbn and ga mean something here, and the others are left to Terraform's
// "Unsupported argument" (the migration guide says to remove them).
var officialProviderArguments = map[string]string{
	"access_key": "accepted", "secret_key": "accepted", "security_token": "accepted", "ecs_role_name": "accepted",
	"region": "accepted", "shared_credentials_file": "accepted", "profile": "accepted",
	"skip_region_validation": "accepted", "protocol": "accepted", "account_type": "accepted",
	"configuration_source": "accepted",
	"assume_role":          "accepted", "assume_role.role_arn": "accepted", "assume_role.session_name": "accepted",
	"assume_role.policy": "accepted", "assume_role.session_expiration": "accepted", "assume_role.external_id": "accepted",
	"endpoints": "accepted", "endpoints.cbn": "accepted", "endpoints.ga": "accepted",
	"ots_instance_name": "refused", "log_endpoint": "refused", "mns_endpoint": "refused", "fc": "refused",
	"account_id": "refused", "sign_version": "refused", "assume_role_with_oidc": "refused", "features": "refused",
	"client_read_timeout": "refused", "client_connect_timeout": "refused", "source_ip": "refused",
	"security_transport": "refused", "secure_transport": "refused", "credentials_uri": "refused",
	"max_retry_timeout": "refused",
}

// schemaEntry finds an attribute or block of s by a name of officialProviderArguments.
func schemaEntry(s schema.Schema, name string) (any, bool) {
	parent, child, nested := strings.Cut(name, ".")
	if !nested {
		if a, ok := s.Attributes[name]; ok {
			return a, true
		}
		b, ok := s.Blocks[name]
		return b, ok
	}
	block, ok := s.Blocks[parent].(schema.SingleNestedBlock)
	if !ok {
		return nil, false
	}
	a, ok := block.Attributes[child]
	return a, ok
}

// refuses reports whether a schema entry carries the Unsupported validator.
func refuses(entry any) bool {
	var found []any
	switch e := entry.(type) {
	case schema.StringAttribute:
		for _, v := range e.Validators {
			found = append(found, v)
		}
	case schema.Int64Attribute:
		for _, v := range e.Validators {
			found = append(found, v)
		}
	case schema.ListNestedBlock:
		for _, v := range e.Validators {
			found = append(found, v)
		}
	case schema.SetNestedBlock:
		for _, v := range e.Validators {
			found = append(found, v)
		}
	}
	return slices.ContainsFunc(found, func(v any) bool {
		_, ok := v.(validators.UnsupportedValidator)
		return ok
	})
}

// TestOfficialProviderArgumentsInStep keeps the list of the official provider's arguments and
// the schema in step: each is in the schema, accepted ones as ordinary arguments, refused ones
// refused; and nothing else is refused.
func TestOfficialProviderArgumentsInStep(t *testing.T) {
	var resp provider.SchemaResponse
	New("test")().Schema(context.Background(), provider.SchemaRequest{}, &resp)
	for _, name := range slices.Sorted(maps.Keys(officialProviderArguments)) {
		entry, ok := schemaEntry(resp.Schema, name)
		switch {
		case !ok:
			t.Errorf("%s, an argument of the official provider, is not in the schema", name)
		case officialProviderArguments[name] == "refused" && !refuses(entry):
			t.Errorf("%s should be refused with a message (validators.Unsupported)", name)
		case officialProviderArguments[name] == "accepted" && refuses(entry):
			t.Errorf("%s is listed as accepted but refused", name)
		}
	}
	for name := range unsupportedDetails {
		if officialProviderArguments[name] != "refused" {
			t.Errorf("%s is refused but not listed as an argument of the official provider", name)
		}
	}
}

// validateProviderConfig runs ValidateProviderConfig on the served provider for a block of
// values (attribute name: value, as tftypes values), the rest null.
func validateProviderConfig(t *testing.T, values map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	t.Helper()
	server := providerserver.NewProtocol6(New("test")())()
	schemaResp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ := schemaResp.Provider.ValueType()
	object, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("provider schema type %T", typ)
	}
	attrs := map[string]tftypes.Value{}
	for name, at := range object.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
		if v, ok := values[name]; ok {
			attrs[name] = v
		}
	}
	config, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.ValidateProviderConfig(context.Background(), &tfprotov6.ValidateProviderConfigRequest{Config: &config})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Diagnostics
}

// TestOfficialProviderArgumentsRefusedWithAFix: each refused argument, set, is an error on it
// that says what to do (remove it, or what to write instead), before anything is configured.
func TestOfficialProviderArgumentsRefusedWithAFix(t *testing.T) {
	values := map[string]tftypes.Value{
		"client_read_timeout": tftypes.NewValue(tftypes.Number, 60000),
		"assume_role_with_oidc": tftypes.NewValue(tftypes.List{ElementType: tftypes.Object{AttributeTypes: map[string]tftypes.Type{
			"oidc_provider_arn": tftypes.String, "oidc_token_file": tftypes.String, "oidc_token": tftypes.String,
			"role_arn": tftypes.String, "role_session_name": tftypes.String, "policy": tftypes.String, "session_expiration": tftypes.Number,
		}}}, []tftypes.Value{tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{
			"oidc_provider_arn": tftypes.String, "oidc_token_file": tftypes.String, "oidc_token": tftypes.String,
			"role_arn": tftypes.String, "role_session_name": tftypes.String, "policy": tftypes.String, "session_expiration": tftypes.Number,
		}}, map[string]tftypes.Value{
			"oidc_provider_arn": tftypes.NewValue(tftypes.String, "acs:ram::1:oidc-provider/x"), "oidc_token_file": tftypes.NewValue(tftypes.String, nil),
			"oidc_token": tftypes.NewValue(tftypes.String, nil), "role_arn": tftypes.NewValue(tftypes.String, "acs:ram::1:role/x"),
			"role_session_name": tftypes.NewValue(tftypes.String, nil), "policy": tftypes.NewValue(tftypes.String, nil),
			"session_expiration": tftypes.NewValue(tftypes.Number, nil),
		})}),
		"source_ip":         tftypes.NewValue(tftypes.String, "192.0.2.1"),
		"secure_transport":  tftypes.NewValue(tftypes.String, "true"),
		"credentials_uri":   tftypes.NewValue(tftypes.String, "http://169.254.0.1/creds"),
		"max_retry_timeout": tftypes.NewValue(tftypes.Number, 120),
		"account_id":        tftypes.NewValue(tftypes.String, "1234567890"),
	}
	diags := validateProviderConfig(t, values)
	for name := range values {
		found := slices.ContainsFunc(diags, func(d *tfprotov6.Diagnostic) bool {
			return d.Severity == tfprotov6.DiagnosticSeverityError && d.Attribute != nil &&
				strings.HasPrefix(d.Attribute.String(), "AttributeName(\""+name+"\")") &&
				strings.Contains(d.Detail, name+" is not supported by this provider") &&
				(strings.Contains(d.Detail, "instead") || strings.Contains(d.Detail, "Remove"))
		})
		if !found {
			t.Errorf("%s: no error on it saying what to do, got %v", name, diags)
		}
	}
	if errs := slices.DeleteFunc(slices.Clone(diags), func(d *tfprotov6.Diagnostic) bool { return d.Severity != tfprotov6.DiagnosticSeverityError }); len(errs) != len(values) {
		t.Errorf("%d errors for %d refused arguments: %v", len(errs), len(values), diags)
	}
	if diags := validateProviderConfig(t, map[string]tftypes.Value{
		"protocol": tftypes.NewValue(tftypes.String, "HTTP"), "account_type": tftypes.NewValue(tftypes.String, "domestic"),
		"skip_region_validation": tftypes.NewValue(tftypes.Bool, true), "region": tftypes.NewValue(tftypes.String, "xx-newregion-1"),
		"configuration_source": tftypes.NewValue(tftypes.String, "github.com/example/infra"),
	}); len(diags) != 0 {
		t.Errorf("accepted arguments: %v", diags)
	}
}

// TestConfigure_protocol: protocol is the scheme of the endpoints given without one, the default
// ones included; a URL keeps its own, which must agree with a protocol set.
func TestConfigure_protocol(t *testing.T) {
	for _, tc := range []struct {
		name, protocol, ga string
		want               string // the GA endpoint, or the error's detail
		wantErr, wantWarn  bool
	}{
		{name: "no protocol: a bare host is HTTPS", ga: "127.0.0.1:8686", want: "https://127.0.0.1:8686"},
		{name: "HTTP on a bare host", protocol: "HTTP", ga: "127.0.0.1:8686", want: "http://127.0.0.1:8686"},
		{name: "HTTPS on a bare host", protocol: "HTTPS", ga: "ga.example.com", want: "https://ga.example.com"},
		{name: "a URL agreeing", protocol: "HTTP", ga: "http://127.0.0.1:8686", want: "http://127.0.0.1:8686"},
		{name: "a URL disagreeing", protocol: "HTTPS", ga: "http://127.0.0.1:8686", wantErr: true,
			want: "Write the endpoint without a scheme (127.0.0.1:8686) to use protocol"},
		{name: "HTTP to the default endpoint: warned", protocol: "HTTP", want: "http://" + conns.DefaultGAEndpoint, wantWarn: true},
		{name: "HTTPS to the default endpoint", protocol: "HTTPS", want: "https://" + conns.DefaultGAEndpoint},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cleanEnv(t)
			attrs := keys()
			if tc.protocol != "" {
				attrs["protocol"] = str(tc.protocol)
			}
			if tc.ga != "" {
				// cbn too, or a protocol HTTP would send its calls to the real cloud unencrypted
				// (warned about); when it is a URL, it agrees with any protocol.
				attrs["endpoints"] = map[string]tftypes.Value{"ga": str(tc.ga), "cbn": str(strings.TrimPrefix(tc.ga, "http://"))}
			}
			resp := configure(t, attrs)
			if tc.wantErr {
				d := expectError(t, resp.Diagnostics, "Endpoint and protocol disagree", tc.want)
				if attrPath(d) != "endpoints.ga" {
					t.Errorf("path %q", attrPath(d))
				}
				return
			}
			if got := clientOf(t, resp).GA.Endpoint().String(); got != tc.want {
				t.Errorf("GA endpoint %s, want %s", got, tc.want)
			}
			if warned := resp.Diagnostics.WarningsCount() > 0; warned != tc.wantWarn {
				t.Errorf("warnings %v, want warned=%t", resp.Diagnostics, tc.wantWarn)
			}
		})
	}
}

func TestConfigure_skipRegionValidation(t *testing.T) {
	cleanEnv(t)
	attrs := keys()
	attrs["region"] = str("xx-newregion-1")
	expectError(t, configure(t, attrs).Diagnostics, "Unknown Alibaba Cloud region", "set skip_region_validation = true")
	attrs["skip_region_validation"] = tftypes.NewValue(tftypes.Bool, true)
	if c := clientOf(t, configure(t, attrs)); c.Region != "xx-newregion-1" {
		t.Errorf("region %s", c.Region)
	}
	delete(attrs, "skip_region_validation")
	t.Setenv("ALICLOUD_SKIP_REGION_VALIDATION", "true")
	clientOf(t, configure(t, attrs))
	t.Setenv("ALICLOUD_SKIP_REGION_VALIDATION", "sometimes")
	attrs["region"] = str("cn-shanghai")
	expectError(t, configure(t, attrs).Diagnostics, "Invalid skip_region_validation", "ALICLOUD_SKIP_REGION_VALIDATION", `"sometimes"`)
}

func TestConfigure_accountTypeAndConfigurationSource(t *testing.T) {
	cleanEnv(t)
	var userAgent string
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		userAgent = r.Header.Get("User-Agent")
		_, _ = fmt.Fprint(w, `{"RequestId":"R","TotalCount":0}`)
	}))
	t.Cleanup(server.Close)
	attrs := keys()
	attrs["endpoints"] = map[string]tftypes.Value{"ga": str(server.URL)}
	attrs["configuration_source"] = str("github.com/example/infra")
	t.Setenv("ALIBABA_CLOUD_ACCOUNT_TYPE", "international")
	c := clientOf(t, configure(t, attrs))
	if err := c.GA.Do(context.Background(), ga.CreateListBandwidthPackagesRequest(), ga.CreateListBandwidthPackagesResponse()); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(userAgent, "terraform-provider-alibabacloud/test github.com/example/infra") {
		t.Errorf("User-Agent %q", userAgent)
	}
	t.Setenv("ALIBABA_CLOUD_ACCOUNT_TYPE", "Galactic")
	expectError(t, configure(t, attrs).Diagnostics, "Invalid account_type", "ALIBABA_CLOUD_ACCOUNT_TYPE", `"Domestic" or "International"`)
	t.Setenv("ALIBABA_CLOUD_ACCOUNT_TYPE", "")
	t.Setenv("TF_APPEND_USER_AGENT", "two\nlines")
	delete(attrs, "configuration_source")
	expectError(t, configure(t, attrs).Diagnostics, "Invalid configuration_source", "TF_APPEND_USER_AGENT", "line break")
}
