package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework/validators"
)

// The official alicloud provider's block has arguments this provider has no use for. A block
// copied from it should not fail with Terraform's bare "Unsupported argument": the schema
// declares each of them, and refuses it at validate with why it is not taken and what to write
// instead (validators.Unsupported). The arguments of theirs that mean something here are
// ordinary attributes (protocol, skip_region_validation, account_type, configuration_source,
// assume_role.external_id); a test keeps the whole list of their arguments in step with the
// schema (compat_test.go).

// The arguments of the official provider's block that this provider takes.
const (
	protocolHTTPS = "HTTPS"
	protocolHTTP  = "HTTP"
	// maxConfigurationSource is the longest configuration_source the official provider takes.
	maxConfigurationSource = 1024
)

// accountTypes are the values of account_type (compared in any case, as the official provider
// does).
var accountTypes = []string{"Domestic", "International"}

// configurationSourceProblem says why s cannot go into a User-Agent header, or "" when it can.
func configurationSourceProblem(s string) string {
	if len(s) > maxConfigurationSource {
		return fmt.Sprintf("has %d characters, more than %d", len(s), maxConfigurationSource)
	}
	if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return "contains a line break or another control character, which no header can hold"
	}
	return ""
}

// printable is a validator refusing text that cannot go into a header.
var printable = validators.StringCheck("no line breaks or other control characters", func(p path.Path, value string) (string, string) {
	if problem := configurationSourceProblem(value); problem != "" {
		return "Invalid " + p.String(), p.String() + " " + problem + "."
	}
	return "", ""
})

// knownRegionUnlessSkipped is the validator of region: a known region id, unless
// skip_region_validation is true in the configuration (its environment variable is read at
// Configure).
type knownRegionUnlessSkipped struct{}

// Description implements validator.String.
func (knownRegionUnlessSkipped) Description(context.Context) string {
	return "value must be a known Alibaba Cloud region id, unless skip_region_validation is true"
}

// MarkdownDescription implements validator.String.
func (v knownRegionUnlessSkipped) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

// ValidateString implements validator.String.
func (knownRegionUnlessSkipped) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	var skip types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("skip_region_validation"), &skip)...)
	if skip.IsUnknown() || skip.ValueBool() {
		return
	}
	validators.Region().ValidateString(ctx, req, resp)
}

// officialOnlyModel holds the official provider's arguments this provider refuses; their values
// only matter to the validators.
type officialOnlyModel struct {
	AccountID            types.String `tfsdk:"account_id"`
	AssumeRoleWithOIDC   types.List   `tfsdk:"assume_role_with_oidc"`
	ClientConnectTimeout types.Int64  `tfsdk:"client_connect_timeout"`
	ClientReadTimeout    types.Int64  `tfsdk:"client_read_timeout"`
	CredentialsURI       types.String `tfsdk:"credentials_uri"`
	FC                   types.String `tfsdk:"fc"`
	Features             types.List   `tfsdk:"features"`
	LogEndpoint          types.String `tfsdk:"log_endpoint"`
	MaxRetryTimeout      types.Int64  `tfsdk:"max_retry_timeout"`
	MNSEndpoint          types.String `tfsdk:"mns_endpoint"`
	OTSInstanceName      types.String `tfsdk:"ots_instance_name"`
	SecureTransport      types.String `tfsdk:"secure_transport"`
	SecurityTransport    types.String `tfsdk:"security_transport"`
	SignVersion          types.Set    `tfsdk:"sign_version"`
	SourceIP             types.String `tfsdk:"source_ip"`
}

// Why each argument of the official provider's block is refused, and what to write instead.
const (
	unsupportedOtherProduct = "it configures a product this provider does not manage (it manages CEN and Global " +
		"Accelerator bandwidth only). Remove it from this provider's block."
	unsupportedClientTimeout = "this provider has one timeout per request attempt: write request_timeout = \"60s\" " +
		"(a duration) instead, and remove it."
	unsupportedTransport = "calls go over HTTPS unless protocol = \"HTTP\" says otherwise, and this provider sends no " +
		"transport header for RAM conditions. Remove it."
)

// unsupportedDetails are the refused arguments of the official provider, by name.
var unsupportedDetails = map[string]string{
	"account_id": "no Global Accelerator or CEN call needs the account ID. Remove it.",
	"assume_role_with_oidc": "this provider takes OIDC (RRSA) credentials through the Alibaba Cloud SDK's default chain: " +
		"set the environment variables ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE, ALIBABA_CLOUD_ROLE_ARN " +
		"(and ALIBABA_CLOUD_ROLE_SESSION_NAME) instead, and remove the block.",
	"client_connect_timeout": unsupportedClientTimeout,
	"client_read_timeout":    unsupportedClientTimeout,
	"credentials_uri": "set the environment variable ALIBABA_CLOUD_CREDENTIALS_URI instead, which the Alibaba Cloud SDK's " +
		"default credential chain reads, and remove it.",
	"fc":           unsupportedOtherProduct,
	"features":     "it holds settings of the official provider's alicloud_instance. Remove the block.",
	"log_endpoint": unsupportedOtherProduct,
	"max_retry_timeout": "a create, update or delete retries until its resource's timeouts value runs out, and other " +
		"calls max_retries times: set timeouts blocks on the resources, or max_retries here, instead, and remove it.",
	"mns_endpoint":       unsupportedOtherProduct,
	"ots_instance_name":  unsupportedOtherProduct,
	"secure_transport":   unsupportedTransport,
	"security_transport": unsupportedTransport,
	"sign_version": "it sets the signature version of OSS and SLS calls, products this provider does not call. Remove " +
		"the block.",
	"source_ip": "this provider does not send a source IP to the API. Remove it.",
}

// unsupportedDescription documents a refused argument.
func unsupportedDescription(name string) string {
	return "Not supported (an argument of the official `alicloud` provider, refused at plan so that a copied block " +
		"says what to do): " + unsupportedDetails[name]
}

// unsupportedAttributes returns the schema of the refused attributes.
func unsupportedAttributes() map[string]schema.Attribute {
	attributes := map[string]schema.Attribute{}
	for name := range unsupportedDetails {
		refuse := validators.Unsupported(unsupportedDetails[name])
		switch name {
		case "client_connect_timeout", "client_read_timeout", "max_retry_timeout":
			attributes[name] = schema.Int64Attribute{Optional: true, MarkdownDescription: unsupportedDescription(name),
				Validators: []validator.Int64{refuse}}
		case "assume_role_with_oidc", "features", "sign_version":
			// blocks, below
		default:
			attributes[name] = schema.StringAttribute{Optional: true, MarkdownDescription: unsupportedDescription(name),
				Validators: []validator.String{refuse}}
		}
	}
	return attributes
}

// unsupportedBlocks returns the schema of the refused blocks, with the official provider's
// nested arguments, so that a copied block parses and gets the refusal.
func unsupportedBlocks() map[string]schema.Block {
	optionalStrings := func(names ...string) map[string]schema.Attribute {
		attributes := map[string]schema.Attribute{}
		for _, n := range names {
			attributes[n] = schema.StringAttribute{Optional: true}
		}
		return attributes
	}
	oidc := optionalStrings("oidc_provider_arn", "oidc_token_file", "oidc_token", "role_arn", "role_session_name", "policy")
	oidc["session_expiration"] = schema.Int64Attribute{Optional: true}
	refuse := func(name string) validators.UnsupportedValidator {
		return validators.Unsupported(unsupportedDetails[name])
	}
	return map[string]schema.Block{
		"assume_role_with_oidc": schema.ListNestedBlock{
			MarkdownDescription: unsupportedDescription("assume_role_with_oidc"),
			NestedObject:        schema.NestedBlockObject{Attributes: oidc},
			Validators:          []validator.List{refuse("assume_role_with_oidc")},
		},
		"features": schema.ListNestedBlock{
			MarkdownDescription: unsupportedDescription("features"),
			NestedObject: schema.NestedBlockObject{Blocks: map[string]schema.Block{
				"ecs_instance": schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"replace_on_image_update": schema.BoolAttribute{Optional: true},
				}}},
			}},
			Validators: []validator.List{refuse("features")},
		},
		"sign_version": schema.SetNestedBlock{
			MarkdownDescription: unsupportedDescription("sign_version"),
			NestedObject:        schema.NestedBlockObject{Attributes: optionalStrings("oss", "sls")},
			Validators:          []validator.Set{refuse("sign_version")},
		},
	}
}
