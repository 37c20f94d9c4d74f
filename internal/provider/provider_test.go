package provider

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"terraform-provider-alibabacloud/internal/acctest/testmain"
	"terraform-provider-alibabacloud/internal/conns"
)

const (
	secretValue = "SeCrEt-value-never-shown"
	tokenValue  = "ToKeN-value-never-shown"
)

// TestMain runs the tests against the target TF_ACC_TARGET names (package testmain). On the
// mock it keeps every test away from the ECS instance metadata service: no test may send traffic
// off this machine.
func TestMain(m *testing.M) {
	if !testmain.OnCloud() {
		if err := os.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"); err != nil {
			panic(err)
		}
	}
	testmain.Main(m)
}

// cleanEnv empties every variable the provider reads and points HOME at an empty folder.
func cleanEnv(t *testing.T) string {
	t.Helper()
	for _, env := range EnvironmentVariables() {
		t.Setenv(env, "")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	return home
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

// configValue builds the provider block's value: attrs given, every other attribute null.
// Nested blocks are given as map[string]tftypes.Value.
func configValue(t *testing.T, attrs map[string]any) (tftypes.Object, tftypes.Value) {
	t.Helper()
	ctx := context.Background()
	var schemaResp provider.SchemaResponse
	New("test")().Schema(ctx, provider.SchemaRequest{}, &schemaResp)
	typ, ok := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the provider schema is not an object")
	}
	vals := map[string]tftypes.Value{}
	for name, attrType := range typ.AttributeTypes {
		switch v := attrs[name].(type) {
		case nil:
			vals[name] = tftypes.NewValue(attrType, nil)
		case tftypes.Value:
			vals[name] = v
		case map[string]tftypes.Value:
			objType, ok := attrType.(tftypes.Object)
			if !ok {
				t.Fatalf("%s is not a block", name)
			}
			inner := map[string]tftypes.Value{}
			for innerName, innerType := range objType.AttributeTypes {
				if iv, ok := v[innerName]; ok {
					inner[innerName] = iv
				} else {
					inner[innerName] = tftypes.NewValue(innerType, nil)
				}
			}
			vals[name] = tftypes.NewValue(objType, inner)
		default:
			t.Fatalf("unsupported value for %s: %T", name, v)
		}
	}
	for name := range attrs {
		if _, ok := typ.AttributeTypes[name]; !ok {
			t.Fatalf("schema has no attribute %q", name)
		}
	}
	return typ, tftypes.NewValue(typ, vals)
}

// configure calls the provider's Configure directly.
func configure(t *testing.T, attrs map[string]any) *provider.ConfigureResponse {
	t.Helper()
	resp, _ := configureLogged(t, attrs)
	return resp
}

// configureLogged is configure that also returns what Configure logged.
func configureLogged(t *testing.T, attrs map[string]any) (*provider.ConfigureResponse, string) {
	t.Helper()
	ctx := context.Background()
	p := New("test")()
	var schemaResp provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &schemaResp)
	_, value := configValue(t, attrs)
	resp := &provider.ConfigureResponse{}
	var logs bytes.Buffer
	p.Configure(tflogtest.RootLogger(ctx, &logs), provider.ConfigureRequest{Config: tfsdk.Config{Raw: value, Schema: schemaResp.Schema}}, resp)
	assertNoSecrets(t, resp.Diagnostics)
	if resp.ResourceData != nil && !strings.Contains(logs.String(), "Configured the Alibaba Cloud provider") {
		t.Errorf("Configure logged nothing about its setup: %s", logs.String())
	}
	for _, secret := range []string{secretValue, tokenValue} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("Configure logs show a secret: %s", logs.String())
		}
	}
	return resp, logs.String()
}

func assertNoSecrets(t *testing.T, diags diag.Diagnostics) {
	t.Helper()
	for _, d := range diags {
		for _, secret := range []string{secretValue, tokenValue} {
			if strings.Contains(d.Summary(), secret) || strings.Contains(d.Detail(), secret) {
				t.Errorf("diagnostic %q shows a secret: %s", d.Summary(), d.Detail())
			}
		}
	}
}

func clientOf(t *testing.T, resp *provider.ConfigureResponse) *conns.Client {
	t.Helper()
	if resp.Diagnostics.HasError() {
		t.Fatalf("Configure: %v", resp.Diagnostics)
	}
	c, ok := resp.ResourceData.(*conns.Client)
	if !ok {
		t.Fatalf("ResourceData = %T, want *conns.Client", resp.ResourceData)
	}
	if resp.DataSourceData != resp.ResourceData {
		t.Error("DataSourceData differs from ResourceData")
	}
	return c
}

// expectError asserts one error diagnostic whose summary and detail contain every want.
func expectError(t *testing.T, diags diag.Diagnostics, summary string, wants ...string) diag.Diagnostic {
	t.Helper()
	errs := diags.Errors()
	if len(errs) != 1 {
		t.Fatalf("want one error %q, got %v", summary, diags)
	}
	d := errs[0]
	if d.Summary() != summary {
		t.Errorf("summary = %q, want %q", d.Summary(), summary)
	}
	for _, want := range wants {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, d.Detail())
		}
	}
	return d
}

func attrPath(d diag.Diagnostic) string {
	if wp, ok := d.(diag.DiagnosticWithPath); ok {
		return wp.Path().String()
	}
	return ""
}

func keys() map[string]any {
	return map[string]any{"access_key": str("LTAIkey"), "secret_key": str(secretValue)}
}

func TestConfigure_staticKeysAndDefaults(t *testing.T) {
	cleanEnv(t)
	c := clientOf(t, configure(t, keys()))
	if c.Region != DefaultRegion || c.CBN.Region() != DefaultRegion || c.GA.Region() != conns.GARegion {
		t.Errorf("regions %s / %s / %s", c.Region, c.CBN.Region(), c.GA.Region())
	}
	if c.CBN.Endpoint().String() != "https://"+conns.DefaultCBNEndpoint || c.GA.Endpoint().String() != "https://"+conns.DefaultGAEndpoint {
		t.Errorf("default endpoints %s, %s", c.CBN.Endpoint(), c.GA.Endpoint())
	}
	if c.CBN.MaxRetries() != DefaultMaxRetries {
		t.Errorf("max retries %d", c.CBN.MaxRetries())
	}
}

func TestConfigure_attributes(t *testing.T) {
	cleanEnv(t)
	attrs := keys()
	attrs["region"] = str("cn-shanghai")
	attrs["max_retries"] = tftypes.NewValue(tftypes.Number, 0)
	attrs["request_timeout"] = str("5s")
	attrs["endpoints"] = map[string]tftypes.Value{"cbn": str("http://127.0.0.1:8686"), "ga": str("ga.example.com:8443")}
	c := clientOf(t, configure(t, attrs))
	if c.Region != "cn-shanghai" || c.GA.Region() != "cn-hangzhou" {
		t.Errorf("region %s, GA region %s", c.Region, c.GA.Region())
	}
	if got := c.CBN.Endpoint().String(); got != "http://127.0.0.1:8686" {
		t.Errorf("CBN endpoint %s", got)
	}
	if got := c.GA.Endpoint().String(); got != "https://ga.example.com:8443" {
		t.Errorf("GA endpoint %s", got)
	}
	if c.CBN.MaxRetries() != 0 {
		t.Errorf("max_retries = 0 should disable retries, got %d", c.CBN.MaxRetries())
	}
}

func TestConfigure_envVariables(t *testing.T) {
	cleanEnv(t)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secretValue)
	t.Setenv("ALIBABA_CLOUD_REGION", "cn-beijing")
	t.Setenv("ALIBABA_CLOUD_ENDPOINT_CBN", "http://127.0.0.1:1")
	t.Setenv("ALIBABA_CLOUD_ENDPOINT_GA", "http://127.0.0.1:2")
	t.Setenv("ALIBABA_CLOUD_MAX_RETRIES", "2")
	c := clientOf(t, configure(t, nil))
	if c.Region != "cn-beijing" || c.CBN.Endpoint().String() != "http://127.0.0.1:1" || c.GA.Endpoint().String() != "http://127.0.0.1:2" || c.CBN.MaxRetries() != 2 {
		t.Errorf("from env: region %s, endpoints %s %s, retries %d", c.Region, c.CBN.Endpoint(), c.GA.Endpoint(), c.CBN.MaxRetries())
	}

	// ALICLOUD_* is read before ALIBABA_CLOUD_*.
	t.Setenv("ALICLOUD_REGION", "cn-shenzhen")
	if c := clientOf(t, configure(t, nil)); c.Region != "cn-shenzhen" {
		t.Errorf("ALICLOUD_REGION should win over ALIBABA_CLOUD_REGION, region %s", c.Region)
	}

	// Attributes win over the environment.
	attrs := map[string]any{
		"region":    str("cn-qingdao"),
		"endpoints": map[string]tftypes.Value{"cbn": str("http://127.0.0.1:3")},
	}
	c = clientOf(t, configure(t, attrs))
	if c.Region != "cn-qingdao" || c.CBN.Endpoint().String() != "http://127.0.0.1:3" || c.GA.Endpoint().String() != "http://127.0.0.1:2" {
		t.Errorf("attribute precedence: region %s, endpoints %s %s", c.Region, c.CBN.Endpoint(), c.GA.Endpoint())
	}
}

// TestConfigure_signsWithConfiguredKeys checks the whole path: provider block -> client ->
// a signed request at the configured endpoint.
func TestConfigure_signsWithConfiguredKeys(t *testing.T) {
	cleanEnv(t)
	var got http.Header
	var form map[string]string
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		got = r.Header
		form = map[string]string{"AccessKeyId": r.Form.Get("AccessKeyId"), "SecurityToken": r.Form.Get("SecurityToken"), "RegionId": r.Form.Get("RegionId")}
		_, _ = fmt.Fprint(w, `{"RequestId":"R","TotalCount":0}`)
	}))
	t.Cleanup(server.Close)
	attrs := keys()
	attrs["security_token"] = str(tokenValue)
	attrs["region"] = str("cn-shanghai")
	attrs["endpoints"] = map[string]tftypes.Value{"cbn": str(server.URL)}
	c := clientOf(t, configure(t, attrs))
	if err := c.CBN.Do(context.Background(), cbn.CreateDescribeCenBandwidthPackagesRequest(), cbn.CreateDescribeCenBandwidthPackagesResponse()); err != nil {
		t.Fatalf("Do: %v", err)
	}
	if form["AccessKeyId"] != "LTAIkey" || form["SecurityToken"] != tokenValue || form["RegionId"] != "cn-shanghai" {
		t.Errorf("signed parameters %v", form)
	}
	if ua := got.Get("User-Agent"); !strings.Contains(ua, "terraform-provider-alibabacloud/test") {
		t.Errorf("User-Agent %q", ua)
	}
}

func TestConfigure_halfSetCredentials(t *testing.T) {
	cleanEnv(t)
	d := expectError(t, configure(t, map[string]any{"access_key": str("LTAIkey")}).Diagnostics,
		"Incomplete Alibaba Cloud access key", "attribute access_key", "secret_key", "ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET")
	if attrPath(d) != "secret_key" {
		t.Errorf("path %q, want secret_key", attrPath(d))
	}

	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secretValue)
	d = expectError(t, configure(t, nil).Diagnostics,
		"Incomplete Alibaba Cloud access key", "environment variable ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID")
	if attrPath(d) != "access_key" {
		t.Errorf("path %q, want access_key", attrPath(d))
	}
}

func TestConfigure_securityTokenWithoutKeys(t *testing.T) {
	cleanEnv(t)
	t.Setenv("ALICLOUD_SECURITY_TOKEN", tokenValue)
	expectError(t, configure(t, nil).Diagnostics, "Security token without access key", "ALICLOUD_SECURITY_TOKEN")
}

func TestConfigure_noCredentials(t *testing.T) {
	home := cleanEnv(t)
	expectError(t, configure(t, nil).Diagnostics, "No Alibaba Cloud credentials found",
		"access_key", "secret_key", "ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
		filepath.Join(home, ".aliyun", "config.json"), filepath.Join(home, ".alibabacloud", "credentials"),
		"ECS instance metadata service", "ALIBABA_CLOUD_ECS_METADATA_DISABLED")
}

func TestConfigure_malformedEndpoint(t *testing.T) {
	cleanEnv(t)
	attrs := keys()
	attrs["endpoints"] = map[string]tftypes.Value{"cbn": str("ftp://example.com")}
	d := expectError(t, configure(t, attrs).Diagnostics, "Malformed endpoint", "attribute endpoints.cbn", "ftp")
	if attrPath(d) != "endpoints.cbn" {
		t.Errorf("path %q", attrPath(d))
	}

	t.Setenv("ALIBABA_CLOUD_ENDPOINT_GA", "http://host/with/path")
	expectError(t, configure(t, keys()).Diagnostics, "Malformed endpoint", "environment variable ALIBABA_CLOUD_ENDPOINT_GA", "path")
}

// TestConfigure_emptyEndpoint: an empty endpoint (from an empty variable) is an error, never
// the production endpoint; an empty environment variable counts as unset.
func TestConfigure_emptyEndpoint(t *testing.T) {
	cleanEnv(t)
	attrs := keys()
	attrs["endpoints"] = map[string]tftypes.Value{"ga": str("")}
	d := expectError(t, configure(t, attrs).Diagnostics, "Empty endpoint", "attribute endpoints.ga is empty",
		"does not mean the default", "leave endpoints.ga out for the production endpoint ga.cn-hangzhou.aliyuncs.com")
	if attrPath(d) != "endpoints.ga" {
		t.Errorf("path %q", attrPath(d))
	}
	t.Setenv("ALIBABA_CLOUD_ENDPOINT_GA", "")
	if c := clientOf(t, configure(t, keys())); c.GA.Endpoint().String() != "https://"+conns.DefaultGAEndpoint {
		t.Errorf("an empty variable: GA endpoint %s", c.GA.Endpoint())
	}
}

// TestProtocol_validateEndpoints: endpoints are checked at validate (so at plan), on the
// attribute they are set in: an empty one, a port out of range, an address with a final dot.
func TestProtocol_validateEndpoints(t *testing.T) {
	cleanEnv(t)
	for value, want := range map[string]string{
		"":                       "The attribute endpoints.ga is empty",
		"http://127.0.0.1:99999": "the port 99999 is not a port number (1 to 65535)",
		"127.0.0.1:0":            "the port 0 is not a port number",
		"http://127.0.0.1.:1":    `"127.0.0.1." is neither an IP address nor a host name`,
		"ftp://x":                `the scheme "ftp" is not supported`,
	} {
		attrs := keys()
		attrs["endpoints"] = map[string]tftypes.Value{"cbn": str("http://127.0.0.1:8686"), "ga": str(value)}
		resp, err := protoServer(t).ValidateProviderConfig(context.Background(), &tfprotov6.ValidateProviderConfigRequest{Config: protoConfig(t, attrs)})
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.Diagnostics) != 1 || !strings.Contains(resp.Diagnostics[0].Detail, want) ||
			resp.Diagnostics[0].Attribute.String() != tftypes.NewAttributePath().WithAttributeName("endpoints").WithAttributeName("ga").String() {
			t.Errorf("endpoints.ga = %q: want one error on endpoints.ga containing %q, got:\n%s", value, want, protoDiagText(resp.Diagnostics))
		}
	}
}

func TestConfigure_unknownRegion(t *testing.T) {
	cleanEnv(t)
	t.Setenv("ALICLOUD_REGION", "cn-hangzhuo")
	d := expectError(t, configure(t, keys()).Diagnostics, "Unknown Alibaba Cloud region",
		`"cn-hangzhuo"`, "environment variable ALICLOUD_REGION", "cn-hangzhou")
	if attrPath(d) != "region" {
		t.Errorf("path %q", attrPath(d))
	}
}

func TestConfigure_invalidRequestTimeoutFromEnv(t *testing.T) {
	cleanEnv(t)
	t.Setenv("ALIBABA_CLOUD_REQUEST_TIMEOUT", "soon")
	expectError(t, configure(t, keys()).Diagnostics, "Invalid request_timeout", "ALIBABA_CLOUD_REQUEST_TIMEOUT", `"soon"`)
}

func TestConfigure_unknownValuesDeferred(t *testing.T) {
	cleanEnv(t)
	attrs := keys()
	attrs["region"] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	attrs["endpoints"] = map[string]tftypes.Value{"ga": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}
	resp, logs := configureLogged(t, attrs)
	if resp.Diagnostics.HasError() {
		t.Fatalf("unknown values must not fail Configure: %v", resp.Diagnostics)
	}
	if resp.ResourceData != nil {
		t.Errorf("ResourceData = %v, want nil until the values are known", resp.ResourceData)
	}
	if !strings.Contains(logs, `"unknown":["endpoints.ga","region"]`) {
		t.Errorf("the deferral log should name the unknown values: %s", logs)
	}
}

func TestConfigure_ecsRoleName(t *testing.T) {
	cleanEnv(t)
	t.Setenv("ALICLOUD_ECS_ROLE_NAME", "terraform-role")
	d := expectError(t, configure(t, nil).Diagnostics, "ECS instance RAM role unavailable",
		`"terraform-role"`, "environment variable ALICLOUD_ECS_ROLE_NAME", "instance metadata", "disabled")
	if attrPath(d) != "ecs_role_name" {
		t.Errorf("path %q", attrPath(d))
	}
}

func writeCLIConfig(t *testing.T, file string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	content := fmt.Sprintf(`{"current":"main","profiles":[
		{"name":"main","mode":"AK","access_key_id":"LTAImain","access_key_secret":%q,"region_id":"cn-hangzhou"},
		{"name":"sts","mode":"StsToken","access_key_id":"STS.x","access_key_secret":%q,"sts_token":%q},
		{"name":"role","mode":"RamRoleArn","access_key_id":"LTAIrole","access_key_secret":%q,"ram_role_arn":"acs:ram::1:role/t","ram_session_name":"s"},
		{"name":"weird","mode":"External"}]}`, secretValue, secretValue, tokenValue, secretValue)
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestConfigure_sharedCredentialsFile(t *testing.T) {
	cleanEnv(t)
	file := filepath.Join(t.TempDir(), "cli.json")
	writeCLIConfig(t, file)

	clientOf(t, configure(t, map[string]any{"shared_credentials_file": str(file)}))
	clientOf(t, configure(t, map[string]any{"shared_credentials_file": str(file), "profile": str("sts")}))

	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_FILE", file)
	t.Setenv("ALIBABA_CLOUD_PROFILE", "nope")
	d := expectError(t, configure(t, nil).Diagnostics, "Unusable aliyun CLI config file",
		file, "environment variable ALIBABA_CLOUD_CREDENTIALS_FILE", `no profile "nope"`, "main, sts, role, weird")
	if attrPath(d) != "shared_credentials_file" {
		t.Errorf("path %q", attrPath(d))
	}
	expectError(t, configure(t, map[string]any{"profile": str("weird")}).Diagnostics, "Unusable aliyun CLI config file", `mode "External"`)

	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"profiles": [ {"access_key_secret": "`+secretValue+`"`), 0o600); err != nil {
		t.Fatal(err)
	}
	expectError(t, configure(t, map[string]any{"shared_credentials_file": str(bad)}).Diagnostics,
		"Unusable aliyun CLI config file", "not an aliyun CLI config file")
	expectError(t, configure(t, map[string]any{"shared_credentials_file": str(filepath.Join(t.TempDir(), "missing.json"))}).Diagnostics,
		"Unusable aliyun CLI config file", "does not exist")
}

func TestConfigure_iniCredentialsFileFromSDKVariable(t *testing.T) {
	cleanEnv(t)
	file := filepath.Join(t.TempDir(), "credentials")
	ini := "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = " + secretValue + "\n"
	if err := os.WriteFile(file, []byte(ini), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_FILE", file)
	clientOf(t, configure(t, nil))

	// The same INI file named by the attribute is not an aliyun CLI config file.
	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_FILE", "")
	expectError(t, configure(t, map[string]any{"shared_credentials_file": str(file)}).Diagnostics,
		"Unusable aliyun CLI config file", "not an aliyun CLI config file")
}

func TestConfigure_profileInHomeCLIConfig(t *testing.T) {
	home := cleanEnv(t)
	writeCLIConfig(t, filepath.Join(home, ".aliyun", "config.json"))
	clientOf(t, configure(t, map[string]any{"profile": str("sts")}))
	// No profile: the SDK's default chain finds the CLI config's current profile.
	clientOf(t, configure(t, nil))

	expectError(t, configure(t, map[string]any{"profile": str("absent")}).Diagnostics,
		"No Alibaba Cloud credentials", `profile "absent"`, filepath.Join(home, ".aliyun", "config.json"))
}

func TestConfigure_profileFileNotJSONKeepsSecrets(t *testing.T) {
	home := cleanEnv(t)
	file := filepath.Join(home, ".aliyun", "config.json")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(`{"profiles":[{"access_key_secret":"`+secretValue+`"`), 0o600); err != nil {
		t.Fatal(err)
	}
	// configure asserts that no diagnostic shows the secret the SDK's error would quote.
	expectError(t, configure(t, map[string]any{"profile": str("main")}).Diagnostics, "No Alibaba Cloud credentials", "not valid JSON")
}

func TestConfigure_assumeRole(t *testing.T) {
	cleanEnv(t)
	attrs := keys()
	attrs["assume_role"] = map[string]tftypes.Value{"session_name": str("tf")}
	expectError(t, configure(t, attrs).Diagnostics, "Missing role ARN", "role_arn", "ALIBABA_CLOUD_ROLE_ARN")

	attrs["assume_role"] = map[string]tftypes.Value{"role_arn": str("acs:ram::1:role/t"), "policy": str("{not json")}
	expectError(t, configure(t, attrs).Diagnostics, "Invalid assume_role policy")

	attrs["assume_role"] = map[string]tftypes.Value{"role_arn": str("acs:ram::1:role/t"), "session_expiration": tftypes.NewValue(tftypes.Number, 1800)}
	clientOf(t, configure(t, attrs)) // the STS call waits for the first API call
}

// TestConfigure_oidcRoleNotAssumedTwice: in RRSA setups ALIBABA_CLOUD_ROLE_ARN is the role the
// SDK's OIDC login assumes; the provider must not stack an assume_role of the same role on it.
func TestConfigure_oidcRoleNotAssumedTwice(t *testing.T) {
	cleanEnv(t)
	t.Setenv("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/rrsa")
	_, logs := configureLogged(t, keys())
	if !strings.Contains(logs, "ram_role_arn/") {
		t.Fatalf("ALIBABA_CLOUD_ROLE_ARN alone should assume the role: %s", logs)
	}

	t.Setenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::1:oidc-provider/ack")
	t.Setenv("ALIBABA_CLOUD_OIDC_TOKEN_FILE", filepath.Join(t.TempDir(), "token"))
	resp, logs := configureLogged(t, keys())
	clientOf(t, resp)
	if strings.Contains(logs, "ram_role_arn") {
		t.Errorf("with the OIDC variables the role ARN is the SDK's login role, assumed again: %s", logs)
	}

	// An assume_role block asks for the role explicitly.
	attrs := keys()
	attrs["assume_role"] = map[string]tftypes.Value{"session_name": str("tf")}
	if _, logs = configureLogged(t, attrs); !strings.Contains(logs, "ram_role_arn/") {
		t.Errorf("an assume_role block should take its role ARN from the environment: %s", logs)
	}
}

// protoServer serves the provider over protocol 6, as Terraform talks to it.
func protoServer(t *testing.T) tfprotov6.ProviderServer {
	t.Helper()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	return server
}

func protoConfig(t *testing.T, attrs map[string]any) *tfprotov6.DynamicValue {
	t.Helper()
	typ, value := configValue(t, attrs)
	dv, err := tfprotov6.NewDynamicValue(typ, value)
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

func protoDiagText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "%v: %s: %s\n", d.Severity, d.Summary, d.Detail)
	}
	return b.String()
}

func TestProtocol_configure(t *testing.T) {
	cleanEnv(t)
	ctx := context.Background()
	server := protoServer(t)
	schemaResp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemaResp.Diagnostics) > 0 {
		t.Fatalf("GetProviderSchema: %v %v", err, schemaResp.Diagnostics)
	}
	attrs := schemaResp.Provider.Block.Attributes
	for i := 1; i < len(attrs); i++ {
		if attrs[i-1].Name > attrs[i].Name {
			t.Errorf("attributes out of order: %s before %s", attrs[i-1].Name, attrs[i].Name)
		}
	}
	for _, a := range attrs {
		if a.Description == "" {
			t.Errorf("attribute %s has no description", a.Name)
		}
		if (a.Name == "secret_key" || a.Name == "security_token") != a.Sensitive {
			t.Errorf("attribute %s sensitive = %v", a.Name, a.Sensitive)
		}
	}

	ok, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.0", Config: protoConfig(t, keys())})
	if err != nil || len(ok.Diagnostics) > 0 {
		t.Fatalf("ConfigureProvider: %v\n%s", err, protoDiagText(ok.Diagnostics))
	}

	half, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.0",
		Config: protoConfig(t, map[string]any{"secret_key": str(secretValue), "security_token": str(tokenValue)})})
	if err != nil {
		t.Fatal(err)
	}
	text := protoDiagText(half.Diagnostics)
	if !strings.Contains(text, "Incomplete Alibaba Cloud access key") {
		t.Errorf("diagnostics:\n%s", text)
	}
	if strings.Contains(text, secretValue) || strings.Contains(text, tokenValue) {
		t.Errorf("diagnostics show a secret:\n%s", text)
	}
}

func TestProtocol_validateRegionAndTimeout(t *testing.T) {
	cleanEnv(t)
	ctx := context.Background()
	server := protoServer(t)
	attrs := keys()
	attrs["region"] = str("mars-north-1")
	attrs["request_timeout"] = str("-3s")
	resp, err := server.ValidateProviderConfig(ctx, &tfprotov6.ValidateProviderConfigRequest{Config: protoConfig(t, attrs)})
	if err != nil {
		t.Fatal(err)
	}
	text := protoDiagText(resp.Diagnostics)
	for _, want := range []string{"Unknown Alibaba Cloud region", `"mars-north-1"`, "cn-hangzhou", "Invalid request_timeout"} {
		if !strings.Contains(text, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, secretValue) {
		t.Errorf("diagnostics show a secret:\n%s", text)
	}
}

// TestConfigure_rateLimit: the rate_limit block sets each product's fixed ceiling; the
// environment does when the block leaves it out; none by default.
func TestConfigure_rateLimit(t *testing.T) {
	cleanEnv(t)
	if c := clientOf(t, configure(t, keys())); c.CBN.RateLimit() != 0 || c.GA.RateLimit() != 0 {
		t.Errorf("default ceilings %v, %v, want none", c.CBN.RateLimit(), c.GA.RateLimit())
	}
	t.Setenv("ALIBABA_CLOUD_RATE_LIMIT_GA", "2.5")
	t.Setenv("ALIBABA_CLOUD_RATE_LIMIT_CBN", "7")
	attrs := keys()
	attrs["rate_limit"] = map[string]tftypes.Value{"cbn": tftypes.NewValue(tftypes.Number, 20)}
	c := clientOf(t, configure(t, attrs))
	if c.CBN.RateLimit() != 20 || c.GA.RateLimit() != 2.5 {
		t.Errorf("ceilings cbn %v (attribute 20), ga %v (environment 2.5)", c.CBN.RateLimit(), c.GA.RateLimit())
	}
	t.Setenv("ALIBABA_CLOUD_RATE_LIMIT_GA", "fast")
	d := expectError(t, configure(t, keys()).Diagnostics, "Invalid rate_limit", "ALIBABA_CLOUD_RATE_LIMIT_GA", `"fast"`)
	if attrPath(d) != "rate_limit.ga" {
		t.Errorf("diagnostic path %q", attrPath(d))
	}
}
