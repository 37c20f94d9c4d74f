package provider

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
)

// Environment variables, in the order they are read: the first non-empty one wins, and an
// attribute set in the provider block wins over all of them.
var (
	EnvAccessKey             = []string{"ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID"}
	EnvSecretKey             = []string{"ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"}
	EnvSecurityToken         = []string{"ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN"}
	EnvRegion                = []string{"ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"}
	EnvProfile               = []string{"ALICLOUD_PROFILE", "ALIBABA_CLOUD_PROFILE"}
	EnvSharedCredentialsFile = []string{"ALICLOUD_SHARED_CREDENTIALS_FILE", "ALIBABA_CLOUD_CREDENTIALS_FILE"}
	EnvRoleARN               = []string{"ALICLOUD_ASSUME_ROLE_ARN", "ALIBABA_CLOUD_ROLE_ARN"}
	EnvRoleSessionName       = []string{"ALICLOUD_ASSUME_ROLE_SESSION_NAME", "ALIBABA_CLOUD_ROLE_SESSION_NAME"}
	EnvECSRoleName           = []string{"ALICLOUD_ECS_ROLE_NAME", "ALIBABA_CLOUD_ECS_METADATA"}
	EnvEndpointCBN           = []string{"ALIBABA_CLOUD_ENDPOINT_CBN"}
	EnvEndpointGA            = []string{"ALIBABA_CLOUD_ENDPOINT_GA"}
	EnvMaxRetries            = []string{"ALIBABA_CLOUD_MAX_RETRIES"}
	EnvRequestTimeout        = []string{"ALIBABA_CLOUD_REQUEST_TIMEOUT"}
	EnvRateLimitCBN          = []string{"ALIBABA_CLOUD_RATE_LIMIT_CBN"}
	EnvRateLimitGA           = []string{"ALIBABA_CLOUD_RATE_LIMIT_GA"}
	// The official alicloud provider's variables for the arguments of its block this one takes.
	EnvSkipRegionValidation = []string{"ALICLOUD_SKIP_REGION_VALIDATION"}
	EnvAccountType          = []string{"ALIBABA_CLOUD_ACCOUNT_TYPE"}
	EnvConfigurationSource  = []string{"TF_APPEND_USER_AGENT"}
)

// sdkCredentialEnv are variables the SDK's default credential chain reads besides those above.
var sdkCredentialEnv = []string{
	"ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE", "ALIBABA_CLOUD_CREDENTIALS_URI",
	"ALIBABA_CLOUD_CLI_PROFILE_DISABLED",
}

// EnvironmentVariables lists every environment variable that changes what the provider does:
// those above and those the SDK's default credential chain reads.
func EnvironmentVariables() []string {
	return slices.Concat(EnvAccessKey, EnvSecretKey, EnvSecurityToken, EnvRegion, EnvProfile,
		EnvSharedCredentialsFile, EnvRoleARN, EnvRoleSessionName, EnvECSRoleName, EnvEndpointCBN, EnvEndpointGA,
		EnvMaxRetries, EnvRequestTimeout, EnvRateLimitCBN, EnvRateLimitGA, EnvSkipRegionValidation, EnvAccountType,
		EnvConfigurationSource, sdkCredentialEnv)
}

// Defaults of the retry, timeout and assume_role attributes. The retry and timeout ones are
// the clients' own.
const (
	DefaultMaxRetries        = conns.DefaultMaxRetries
	DefaultRequestTimeout    = conns.DefaultRequestTimeout
	DefaultRoleSessionName   = "terraform-provider-alibabacloud"
	DefaultSessionExpiration = 3600
)

// The range of a rate_limit ceiling, in requests per second.
const (
	MinRateLimit = 0.1
	MaxRateLimit = 10000.0
)

// setting is one configuration value with where it came from, for diagnostics that name the
// place without showing the value.
type setting struct {
	value string
	// env is the environment variable that gave value; "" when the attribute did (or when unset).
	env string
	// attr is the attribute's path, for diagnostics.
	attr path.Path
	// envs are the variables that could have set it.
	envs []string
}

func (s setting) set() bool { return s.value != "" }

// fromEnv reports whether the environment variable name gave the value.
func (s setting) fromEnv(name string) bool { return s.set() && s.env == name }

// from names where the value came from, for messages: "attribute access_key" or "environment
// variable ALICLOUD_ACCESS_KEY"; "" when unset.
func (s setting) from() string {
	switch {
	case !s.set():
		return ""
	case s.env != "":
		return "environment variable " + s.env
	default:
		return "attribute " + s.attr.String()
	}
}

// places names everywhere a setting is read, for "not found" diagnostics.
func (s setting) places() string {
	return fmt.Sprintf("the %s attribute or the environment variable %s", s.attr.String(), strings.Join(s.envs, " or "))
}

// lookup resolves one string setting: the attribute when set, else the first non-empty env.
func lookup(v types.String, attr path.Path, envs ...string) setting {
	s := setting{attr: attr, envs: envs}
	if !v.IsNull() && !v.IsUnknown() && v.ValueString() != "" {
		s.value = v.ValueString()
		return s
	}
	for _, env := range envs {
		if value := strings.TrimSpace(os.Getenv(env)); value != "" {
			s.value, s.env = value, env
			return s
		}
	}
	return s
}
