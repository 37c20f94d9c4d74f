// Package provider implements the alibabacloud provider: its schema, its configuration, and the
// list of resources it serves.
package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"terraform-provider-alibabacloud/internal/conns"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
	"terraform-provider-alibabacloud/internal/framework/validators"
	"terraform-provider-alibabacloud/internal/service/cen"
	"terraform-provider-alibabacloud/internal/service/ga"
)

// sessionNamePattern is what STS AssumeRole takes as RoleSessionName.
var sessionNamePattern = regexp.MustCompile(`^[A-Za-z0-9.@_-]+$`)

// Address is the provider's registry address.
const Address = "registry.terraform.io/alibabacloud/alibabacloud"

// TypeName is the provider's name in configurations.
const TypeName = "alibabacloud"

var (
	_ provider.Provider                  = (*alibabaCloudProvider)(nil)
	_ provider.ProviderWithActions       = (*alibabaCloudProvider)(nil)
	_ provider.ProviderWithListResources = (*alibabaCloudProvider)(nil)
)

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &alibabaCloudProvider{version: version} }
}

type alibabaCloudProvider struct {
	version string
}

// providerModel is the provider block.
type providerModel struct {
	AccessKey             types.String  `tfsdk:"access_key"`
	AccountType           types.String  `tfsdk:"account_type"`
	AssumeRole            types.Object  `tfsdk:"assume_role"`
	ConfigurationSource   types.String  `tfsdk:"configuration_source"`
	ECSRoleName           types.String  `tfsdk:"ecs_role_name"`
	Endpoints             types.Object  `tfsdk:"endpoints"`
	MaxRetries            fwtypes.Int64 `tfsdk:"max_retries"`
	Profile               types.String  `tfsdk:"profile"`
	Protocol              types.String  `tfsdk:"protocol"`
	RateLimit             types.Object  `tfsdk:"rate_limit"`
	Region                types.String  `tfsdk:"region"`
	RequestTimeout        types.String  `tfsdk:"request_timeout"`
	SecretKey             types.String  `tfsdk:"secret_key"`
	SecurityToken         types.String  `tfsdk:"security_token"`
	SharedCredentialsFile types.String  `tfsdk:"shared_credentials_file"`
	SkipRegionValidation  types.Bool    `tfsdk:"skip_region_validation"`
	officialOnlyModel
}

type assumeRoleModel struct {
	ExternalID        types.String  `tfsdk:"external_id"`
	Policy            types.String  `tfsdk:"policy"`
	RoleARN           types.String  `tfsdk:"role_arn"`
	SessionExpiration fwtypes.Int64 `tfsdk:"session_expiration"`
	SessionName       types.String  `tfsdk:"session_name"`
}

type endpointsModel struct {
	CBN types.String `tfsdk:"cbn"`
	GA  types.String `tfsdk:"ga"`
}

type rateLimitModel struct {
	CBN types.Float64 `tfsdk:"cbn"`
	GA  types.Float64 `tfsdk:"ga"`
}

// Metadata implements provider.Provider: the type name and the version.
func (p *alibabaCloudProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func envDoc(envs []string) string {
	quoted := make([]string, len(envs))
	for i, e := range envs {
		quoted[i] = "`" + e + "`"
	}
	return strings.Join(quoted, " or ")
}

// Schema implements provider.Provider: the provider block, whose descriptions become the docs.
func (p *alibabaCloudProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Alibaba Cloud provider manages Cloud Enterprise Network (CEN) and Global Accelerator (GA) " +
			"bandwidth. Every attribute can also be set through environment variables; an attribute in the provider block " +
			"wins over them. Credentials are looked for, strongest first: `access_key`/`secret_key`, `ecs_role_name`, " +
			"`shared_credentials_file`, `profile`, then the Alibaba Cloud SDK's default chain (its environment variables, " +
			"OIDC, `~/.aliyun/config.json`, `~/.alibabacloud/credentials`, the ECS instance metadata service).",
		Attributes: map[string]schema.Attribute{
			"access_key": schema.StringAttribute{
				MarkdownDescription: "Access key ID. Also read from " + envDoc(EnvAccessKey) + ".",
				Optional:            true,
			},
			"account_type": schema.StringAttribute{
				MarkdownDescription: "`Domestic` or `International` (in any case), the Alibaba Cloud site of the account, as for " +
					"the official `alicloud` provider. Global Accelerator and CEN have the same endpoints on both sites, so it " +
					"changes no call; it is checked and logged. Also read from " + envDoc(EnvAccountType) + ".",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOfCaseInsensitive(accountTypes...)},
			},
			"configuration_source": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Text appended to the User-Agent of every API call, up to %d characters, for "+
					"example the repository a configuration comes from, as for the official `alicloud` provider. Also read "+
					"from %s.", maxConfigurationSource, envDoc(EnvConfigurationSource)),
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtMost(maxConfigurationSource), printable},
			},
			"protocol": schema.StringAttribute{
				MarkdownDescription: "`HTTPS` (the default) or `HTTP`: the scheme of every endpoint given without one, the " +
					"default endpoints included, as for the official `alicloud` provider. An endpoint written as a URL keeps " +
					"its own scheme, which must then agree with `protocol` when both are set. `HTTP` to Alibaba Cloud's own " +
					"endpoints sends every request and answer unencrypted (requests stay signed, the secret never leaves), " +
					"and plans warn about it.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(protocolHTTPS, protocolHTTP)},
			},
			"skip_region_validation": schema.BoolAttribute{
				MarkdownDescription: "Accept a `region` that is not in this provider's list of known regions (a region newer " +
					"than this provider), as for the official `alicloud` provider. Default `false`. Also read from " +
					envDoc(EnvSkipRegionValidation) + ".",
				Optional: true,
			},
			"ecs_role_name": schema.StringAttribute{
				MarkdownDescription: "Name of the RAM role attached to the ECS instance Terraform runs on; credentials are " +
					"read from the instance metadata service. Also read from " + envDoc(EnvECSRoleName) + ".",
				Optional: true,
			},
			"max_retries": schema.Int64Attribute{
				CustomType: fwtypes.Int64Type{},
				MarkdownDescription: fmt.Sprintf("How many times a throttled, 5xx or network-failed API call is retried, with "+
					"exponential backoff and jitter, when it is made outside a create, update or delete: the reads of a "+
					"refresh, of a plan, of an import. `0` disables those retries. Inside a create, update or delete, such "+
					"failures are retried until the operation's `timeouts` value runs out, however many attempts that "+
					"takes. Default `%d`. Also read from %s.",
					DefaultMaxRetries, envDoc(EnvMaxRetries)),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 100)},
			},
			"profile": schema.StringAttribute{
				MarkdownDescription: "Profile of the aliyun CLI config file (`~/.aliyun/config.json`, or " +
					"`shared_credentials_file`) to take credentials from; default: the file's current profile. Also read " +
					"from " + envDoc(EnvProfile) + ".",
				Optional: true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Region id, e.g. `cn-shanghai`: a known one unless `skip_region_validation` "+
					"is set. Default `%s`. Global Accelerator calls always go to `cn-hangzhou`. Also read from %s.",
					DefaultRegion, envDoc(EnvRegion)),
				Optional:   true,
				Validators: []validator.String{knownRegionUnlessSkipped{}},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Timeout of each API request (each retry has its own), as a duration such as "+
					"`30s` or `2m`. Default `%s`. Also read from %s.", DefaultRequestTimeout, envDoc(EnvRequestTimeout)),
				Optional:   true,
				Validators: []validator.String{validators.PositiveDuration()},
			},
			"secret_key": schema.StringAttribute{
				MarkdownDescription: "Access key secret. Also read from " + envDoc(EnvSecretKey) + ".",
				Optional:            true,
				Sensitive:           true,
			},
			"security_token": schema.StringAttribute{
				MarkdownDescription: "STS security token, for temporary access keys. Also read from " + envDoc(EnvSecurityToken) + ".",
				Optional:            true,
				Sensitive:           true,
			},
			"shared_credentials_file": schema.StringAttribute{
				MarkdownDescription: "Path of an aliyun CLI config file (the JSON format of `~/.aliyun/config.json`) to take " +
					"the credentials of `profile` from. Also read from " + envDoc(EnvSharedCredentialsFile) + ".",
				Optional: true,
			},
		},
		Blocks: map[string]schema.Block{
			"assume_role": schema.SingleNestedBlock{
				MarkdownDescription: "Assume a RAM role with STS on top of the credentials found. The temporary credentials " +
					"are fetched at the first API call and refreshed before they expire.",
				Attributes: map[string]schema.Attribute{
					"external_id": schema.StringAttribute{
						MarkdownDescription: "The external ID the role's trust policy asks of whoever assumes it " +
							"(`sts:ExternalId`), as for the official `alicloud` provider.",
						Optional: true,
					},
					"policy": schema.StringAttribute{
						MarkdownDescription: "A JSON policy further restricting the role's permissions.",
						Optional:            true,
					},
					"role_arn": schema.StringAttribute{
						MarkdownDescription: "ARN of the role, e.g. `acs:ram::123456789012:role/terraform`. Also read from " +
							envDoc(EnvRoleARN) + ", which assume the role even without this block; except that, without " +
							"the block, `ALIBABA_CLOUD_ROLE_ARN` next to `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` and " +
							"`ALIBABA_CLOUD_OIDC_TOKEN_FILE` (RRSA) is the role the SDK's OIDC login already assumed.",
						Optional: true,
					},
					"session_expiration": schema.Int64Attribute{
						CustomType: fwtypes.Int64Type{},
						MarkdownDescription: fmt.Sprintf("Lifetime of the session in seconds, 900 to 43200 (not above the "+
							"role's maximum session duration). Default `%d`.", DefaultSessionExpiration),
						Optional:   true,
						Validators: []validator.Int64{int64validator.Between(900, 43200)},
					},
					"session_name": schema.StringAttribute{
						MarkdownDescription: fmt.Sprintf("Session name, shown in the audit trail. Default `%s`. Also read from %s.",
							DefaultRoleSessionName, envDoc(EnvRoleSessionName)),
						Optional: true,
						Validators: []validator.String{
							stringvalidator.UTF8LengthBetween(2, 64),
							validators.Shortened(stringvalidator.RegexMatches(sessionNamePattern,
								"may contain only letters, digits, periods (.), at signs (@), hyphens (-) and underscores (_)")),
						},
					},
				},
			},
			"rate_limit": schema.SingleNestedBlock{
				MarkdownDescription: "A fixed ceiling on the provider's API calls, in requests per second per product, for all " +
					"resources together. Without it, the provider paces itself: each action is unlimited until the API " +
					"throttles it (`Throttling.User`, `Throttling.Api`), then its rate drops and climbs back on success, " +
					"settling just under the account's flow control. Set a ceiling when other automation shares the " +
					"account's flow control and should keep part of it.",
				Attributes: map[string]schema.Attribute{
					"cbn": schema.Float64Attribute{
						MarkdownDescription: "Most Cloud Enterprise Network calls per second, e.g. `10`; fractions such as " +
							"`0.5` are allowed. Default: no ceiling. Also read from " + envDoc(EnvRateLimitCBN) + ".",
						Optional:   true,
						Validators: []validator.Float64{float64validator.Between(MinRateLimit, MaxRateLimit)},
					},
					"ga": schema.Float64Attribute{
						MarkdownDescription: "Most Global Accelerator calls per second, e.g. `10`. Default: no ceiling. Also " +
							"read from " + envDoc(EnvRateLimitGA) + ".",
						Optional:   true,
						Validators: []validator.Float64{float64validator.Between(MinRateLimit, MaxRateLimit)},
					},
				},
			},
			"endpoints": schema.SingleNestedBlock{
				MarkdownDescription: "Custom API endpoints, e.g. a local mock. Each is a host (`cbn.aliyuncs.com`, reached over " +
					"`protocol`, HTTPS by default) or a URL whose `http` or `https` scheme is honored (`http://127.0.0.1:8686`): " +
					"an IP address or a host name, and a port from 1 to 65535. They are checked at `terraform plan`. (The " +
					"official `alicloud` provider's endpoints of other products are not taken: remove them.)",
				Attributes: map[string]schema.Attribute{
					"cbn": schema.StringAttribute{
						MarkdownDescription: fmt.Sprintf("Cloud Enterprise Network endpoint. Default `%s` (when left out, "+
							"or null; an empty string is an error). Also read from %s.", conns.DefaultCBNEndpoint, envDoc(EnvEndpointCBN)),
						Optional:   true,
						Validators: []validator.String{validators.Endpoint(conns.DefaultCBNEndpoint)},
					},
					"ga": schema.StringAttribute{
						MarkdownDescription: fmt.Sprintf("Global Accelerator endpoint. Default `%s` (when left out, "+
							"or null; an empty string is an error). Also read from %s.", conns.DefaultGAEndpoint, envDoc(EnvEndpointGA)),
						Optional:   true,
						Validators: []validator.String{validators.Endpoint(conns.DefaultGAEndpoint)},
					},
				},
			},
		},
	}
	maps.Copy(resp.Schema.Attributes, unsupportedAttributes())
	maps.Copy(resp.Schema.Blocks, unsupportedBlocks())
}

// Configure implements provider.Provider: it resolves attributes and environment variables,
// finds credentials and hands every resource the shared *conns.Client.
func (p *alibabaCloudProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if unknown := unknownAttributes(req.Config.Raw); len(unknown) > 0 {
		// Values computed from other resources are only known at apply; Terraform configures the
		// provider again then. Resources get no client until that happens.
		tflog.Info(ctx, "Provider configuration not yet known; deferring client setup", map[string]any{"unknown": unknown})
		return
	}
	cfg, diags := p.resolve(ctx, config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, err := conns.New(cfg)
	if err != nil {
		resp.Diagnostics.AddError("Cannot create the Alibaba Cloud clients", conns.Redact(err.Error()))
		return
	}
	tflog.Info(ctx, "Configured the Alibaba Cloud provider", map[string]any{
		"region":          cfg.Region,
		"cbn_endpoint":    client.CBN.Endpoint().String(),
		"ga_endpoint":     client.GA.Endpoint().String(),
		"max_retries":     client.CBN.MaxRetries(),
		"cbn_rate_limit":  client.CBN.RateLimit(),
		"ga_rate_limit":   client.GA.RateLimit(),
		"request_timeout": cfg.RequestTimeout.String(),
	})
	resp.ResourceData = client
	resp.DataSourceData = client
	resp.ListResourceData = client
	resp.ActionData = client
}

// resolve merges attributes and environment variables into the clients' configuration.
func (p *alibabaCloudProvider) resolve(ctx context.Context, config providerModel) (conns.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	cfg := conns.Config{UserAgent: "terraform-provider-alibabacloud/" + p.version}

	region := lookup(config.Region, path.Root("region"), EnvRegion...)
	cfg.Region = region.value
	skipRegionValidation := resolveBool(config.SkipRegionValidation, path.Root("skip_region_validation"), EnvSkipRegionValidation, &diags)
	if !region.set() {
		cfg.Region = DefaultRegion
	} else if !conns.IsKnownRegion(region.value) && !skipRegionValidation {
		diags.AddAttributeError(region.attr, "Unknown Alibaba Cloud region", validators.UnknownRegionDetail(region.value, region.from())+
			" If it is a region newer than this provider, set skip_region_validation = true.")
	}
	if accountType := lookup(config.AccountType, path.Root("account_type"), EnvAccountType...); accountType.set() {
		if !slices.ContainsFunc(accountTypes, func(t string) bool { return strings.EqualFold(t, accountType.value) }) {
			diags.AddAttributeError(accountType.attr, "Invalid account_type",
				fmt.Sprintf("The %s must be %s, got %q.", accountType.from(), validators.QuotedList(accountTypes), accountType.value))
		}
		tflog.Debug(ctx, "Account type (no effect on the Global Accelerator and CEN endpoints)", map[string]any{"account_type": accountType.value})
	}
	if source := lookup(config.ConfigurationSource, path.Root("configuration_source"), EnvConfigurationSource...); source.set() {
		if problem := configurationSourceProblem(source.value); problem != "" {
			diags.AddAttributeError(source.attr, "Invalid configuration_source", fmt.Sprintf("The %s %s.", source.from(), problem))
		}
		cfg.UserAgent += " " + source.value
	}

	var endpoints endpointsModel
	if !config.Endpoints.IsNull() {
		diags.Append(config.Endpoints.As(ctx, &endpoints, basetypes.ObjectAsOptions{})...)
	}
	protocol := config.Protocol.ValueString()
	cfg.CBNEndpoint = resolveEndpoint(endpoints.CBN, path.Root("endpoints").AtName("cbn"), conns.DefaultCBNEndpoint, EnvEndpointCBN, protocol, &diags)
	cfg.GAEndpoint = resolveEndpoint(endpoints.GA, path.Root("endpoints").AtName("ga"), conns.DefaultGAEndpoint, EnvEndpointGA, protocol, &diags)

	var rateLimit rateLimitModel
	if !config.RateLimit.IsNull() {
		diags.Append(config.RateLimit.As(ctx, &rateLimit, basetypes.ObjectAsOptions{})...)
	}
	cfg.CBNRateLimit = resolveRateLimit(rateLimit.CBN, path.Root("rate_limit").AtName("cbn"), EnvRateLimitCBN, &diags)
	cfg.GARateLimit = resolveRateLimit(rateLimit.GA, path.Root("rate_limit").AtName("ga"), EnvRateLimitGA, &diags)
	cfg.MaxRetries = resolveMaxRetries(config.MaxRetries, &diags)
	cfg.RequestTimeout = resolveRequestTimeout(config.RequestTimeout, &diags)

	var assumeRole assumeRoleModel
	if !config.AssumeRole.IsNull() {
		diags.Append(config.AssumeRole.As(ctx, &assumeRole, basetypes.ObjectAsOptions{})...)
	}
	if diags.HasError() {
		return cfg, diags
	}
	cs := credentialSettings{
		accessKey:             lookup(config.AccessKey, path.Root("access_key"), EnvAccessKey...),
		secretKey:             lookup(config.SecretKey, path.Root("secret_key"), EnvSecretKey...),
		securityToken:         lookup(config.SecurityToken, path.Root("security_token"), EnvSecurityToken...),
		profile:               lookup(config.Profile, path.Root("profile"), EnvProfile...),
		sharedCredentialsFile: lookup(config.SharedCredentialsFile, path.Root("shared_credentials_file"), EnvSharedCredentialsFile...),
		ecsRoleName:           lookup(config.ECSRoleName, path.Root("ecs_role_name"), EnvECSRoleName...),
		roleARN:               lookup(assumeRole.RoleARN, path.Root("assume_role").AtName("role_arn"), EnvRoleARN...),
		roleSessionName:       lookup(assumeRole.SessionName, path.Root("assume_role").AtName("session_name"), EnvRoleSessionName...),
		sessionExpiration:     DefaultSessionExpiration,
		policy:                assumeRole.Policy.ValueString(),
		externalID:            assumeRole.ExternalID.ValueString(),
	}
	if config.AssumeRole.IsNull() && isOIDCLoginRole(cs.roleARN) {
		// RRSA (ACK) and other OIDC setups: the SDK's default chain already logs in as this role
		// with AssumeRoleWithOIDC; assuming it once more would need a trust policy on itself.
		tflog.Debug(ctx, "Role ARN from the environment belongs to the SDK's OIDC login; not assuming it again")
		cs.roleARN = setting{}
	}
	if !cs.roleSessionName.set() {
		cs.roleSessionName.value = DefaultRoleSessionName
	}
	if !assumeRole.SessionExpiration.IsNull() {
		cs.sessionExpiration = assumeRole.SessionExpiration.ValueInt64()
	}
	if cs.policy != "" && !json.Valid([]byte(cs.policy)) {
		diags.AddAttributeError(path.Root("assume_role").AtName("policy"), "Invalid assume_role policy",
			"The policy must be a JSON policy document.")
	}
	if !config.AssumeRole.IsNull() && !cs.roleARN.set() {
		diags.AddAttributeError(path.Root("assume_role").AtName("role_arn"), "Missing role ARN",
			"The assume_role block needs a role ARN: set role_arn or the environment variable "+strings.Join(EnvRoleARN, " or ")+".")
	}
	if diags.HasError() {
		return cfg, diags
	}
	var source string
	cfg.Credentials, source = buildCredentials(cs, &diags)
	if cfg.Credentials != nil {
		tflog.Debug(ctx, "Found Alibaba Cloud credentials", map[string]any{"credentials_source": source})
	}
	return cfg, diags
}

// resolveEndpoint reads one product's endpoint from its attribute or environment variables;
// the zero Endpoint (the default) when neither is set. An empty attribute is an error, never
// the default: it usually comes from an empty Terraform variable, and the calls meant for a
// test endpoint would go to the real cloud. (An empty environment variable counts as unset, as
// every variable the provider reads does: that is how a shell clears one.)
//
// protocol ("HTTP", "HTTPS" or "" when unset) is the scheme of an endpoint given as a bare host,
// the default one included; an endpoint written as a URL keeps its scheme, which must agree
// with a protocol that is set.
func resolveEndpoint(v types.String, attr path.Path, def string, envs []string, protocol string, diags *diag.Diagnostics) conns.Endpoint {
	if !v.IsNull() && !v.IsUnknown() && strings.TrimSpace(v.ValueString()) == "" {
		summary, detail := validators.EndpointProblem("", "attribute "+attr.String(), attr.String(), def)
		diags.AddAttributeError(attr, summary, detail)
		return conns.Endpoint{}
	}
	s := lookup(v, attr, envs...)
	if !s.set() {
		if protocol == protocolHTTP {
			diags.AddAttributeWarning(path.Root("protocol"), "Unencrypted calls to Alibaba Cloud",
				fmt.Sprintf("protocol = %q sends the calls to %s, Alibaba Cloud's own endpoint, over plain HTTP: every request "+
					"and answer can be read on the way (requests stay signed; the secret key is never sent). Remove protocol "+
					"to use HTTPS.", protocolHTTP, def))
			return conns.Endpoint{Scheme: "http", Host: def}
		}
		return conns.Endpoint{}
	}
	e, err := conns.ParseEndpoint(s.value)
	if err != nil {
		summary, detail := validators.EndpointProblem(s.value, s.from(), attr.String(), def)
		diags.AddAttributeError(s.attr, summary, detail)
		return e
	}
	switch written := strings.Contains(s.value, "://"); {
	case protocol == "":
	case !written:
		e.Scheme = strings.ToLower(protocol)
	case !strings.EqualFold(e.Scheme, protocol):
		diags.AddAttributeError(s.attr, "Endpoint and protocol disagree",
			fmt.Sprintf("The %s is %s, an %s URL, and protocol = %q. Write the endpoint without a scheme (%s) to use "+
				"protocol, or remove protocol, or make them agree.", s.from(), s.value, e.Scheme, protocol, e.Host))
	}
	return e
}

// resolveBool reads a boolean setting: the attribute, else the first of envs set ("true",
// "1", ...; anything strconv.ParseBool does not read is an error).
func resolveBool(v types.Bool, attr path.Path, envs []string, diags *diag.Diagnostics) bool {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueBool()
	}
	s := lookup(types.StringNull(), attr, envs...)
	if !s.set() {
		return false
	}
	b, err := strconv.ParseBool(s.value)
	if err != nil {
		diags.AddAttributeError(attr, "Invalid "+attr.String(), fmt.Sprintf("The %s must be true or false, got %q.", s.from(), s.value))
	}
	return b
}

func resolveMaxRetries(v fwtypes.Int64, diags *diag.Diagnostics) int {
	n := int64(DefaultMaxRetries)
	if !v.IsNull() {
		n = v.ValueInt64()
	} else if s := lookup(types.StringNull(), path.Root("max_retries"), EnvMaxRetries...); s.set() {
		parsed, err := strconv.ParseInt(s.value, 10, 64)
		if err != nil || parsed < 0 || parsed > 100 {
			diags.AddAttributeError(s.attr, "Invalid max_retries",
				fmt.Sprintf("The %s must be a whole number from 0 to 100, got %q.", s.from(), s.value))
			return 0
		}
		n = parsed
	}
	if n == 0 {
		return conns.NoRetries
	}
	return int(n)
}

// resolveRateLimit reads one product's fixed ceiling of calls per second: the attribute, else
// the first environment variable set; 0 when neither is.
func resolveRateLimit(v types.Float64, attr path.Path, envs []string, diags *diag.Diagnostics) float64 {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueFloat64()
	}
	s := lookup(types.StringNull(), attr, envs...)
	if !s.set() {
		return 0
	}
	parsed, err := strconv.ParseFloat(s.value, 64)
	if err != nil || math.IsNaN(parsed) || parsed < MinRateLimit || parsed > MaxRateLimit {
		diags.AddAttributeError(attr, "Invalid rate_limit",
			fmt.Sprintf("The %s must be a number of requests per second from %g to %g, got %q.", s.from(), MinRateLimit, MaxRateLimit, s.value))
		return 0
	}
	return parsed
}

func resolveRequestTimeout(v types.String, diags *diag.Diagnostics) time.Duration {
	s := lookup(v, path.Root("request_timeout"), EnvRequestTimeout...)
	if !s.set() {
		return DefaultRequestTimeout
	}
	d, err := validators.ParsePositiveDuration(s.value)
	if err != nil {
		diags.AddAttributeError(s.attr, "Invalid request_timeout", fmt.Sprintf("The %s: %s.", s.from(), err))
	}
	return d
}

// unknownAttributes names the configuration values that are not known yet, as dotted paths
// ("region", "endpoints.ga"). It walks the raw configuration, so it needs no update when the
// schema grows.
func unknownAttributes(config tftypes.Value) []string {
	var unknown []string
	_ = tftypes.Walk(config, func(p *tftypes.AttributePath, v tftypes.Value) (bool, error) {
		if v.IsKnown() {
			return true, nil
		}
		names := make([]string, 0, len(p.Steps()))
		for _, step := range p.Steps() {
			names = append(names, fmt.Sprint(step))
		}
		unknown = append(unknown, strings.Join(names, "."))
		return false, nil
	})
	sort.Strings(unknown)
	return unknown
}

// Resources implements provider.Provider.
func (p *alibabaCloudProvider) Resources(_ context.Context) []func() resource.Resource {
	return append(cen.Resources(), ga.Resources()...)
}

// ListResources implements provider.ProviderWithListResources.
func (p *alibabaCloudProvider) ListResources(_ context.Context) []func() list.ListResource {
	return append(cen.ListResources(), ga.ListResources()...)
}

// Actions implements provider.ProviderWithActions.
func (p *alibabaCloudProvider) Actions(_ context.Context) []func() action.Action {
	return cen.Actions()
}

// DataSources implements provider.Provider.
func (p *alibabaCloudProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return append(cen.DataSources(), ga.DataSources()...)
}
