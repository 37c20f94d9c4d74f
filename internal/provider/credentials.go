package provider

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"terraform-provider-alibabacloud/internal/conns"
)

// credentialSettings are the resolved credential-related settings.
type credentialSettings struct {
	accessKey, secretKey, securityToken setting
	profile, sharedCredentialsFile      setting
	ecsRoleName                         setting
	roleARN, roleSessionName            setting
	sessionExpiration                   int64
	policy, externalID                  string
}

// buildCredentials picks the credentials source, strongest first, and builds it from the SDK's
// own credential providers:
//
//  1. access_key + secret_key (+ security_token): StaticAKCredentialsProvider or
//     StaticSTSCredentialsProvider;
//  2. ecs_role_name: ECSRAMRoleCredentialsProvider (instance metadata);
//  3. shared_credentials_file: the profile of that aliyun CLI config file;
//  4. profile: CLIProfileCredentialsProvider on ~/.aliyun/config.json;
//  5. otherwise the SDK's DefaultCredentialsProvider (its env variables, OIDC, the aliyun CLI
//     config, ~/.alibabacloud/credentials, ECS instance metadata).
//
// With an assume_role role ARN, the result becomes the source credentials of a
// RAMRoleARNCredentialsProvider (the STS call happens at the first API call). The source
// credentials are resolved once here so that missing credentials fail at plan.
//
// It also returns the SDK's name of the source that gave credentials, e.g.
// "default/cli_profile/static_ak", for the logs.
func buildCredentials(cs credentialSettings, diags *diag.Diagnostics) (credentials.CredentialsProvider, string) {
	base, source := baseCredentials(cs, diags)
	if diags.HasError() {
		return nil, ""
	}
	found, err := base.GetCredentials()
	if err != nil {
		addNoCredentials(cs, source, err, diags)
		return nil, ""
	}
	if !cs.roleARN.set() {
		return base, found.ProviderName
	}
	provider, err := credentials.NewRAMRoleARNCredentialsProviderBuilder().
		WithCredentialsProvider(base).
		WithRoleArn(cs.roleARN.value).
		WithRoleSessionName(cs.roleSessionName.value).
		WithDurationSeconds(int(cs.sessionExpiration)).
		WithPolicy(cs.policy).
		WithExternalId(cs.externalID).
		Build()
	if err != nil {
		diags.AddAttributeError(path.Root("assume_role"), "Invalid assume_role configuration",
			"The assume_role settings were rejected: "+conns.Redact(err.Error()))
		return nil, ""
	}
	return provider, provider.GetProviderName() + "/" + found.ProviderName
}

// credentialSource says where the source credentials come from: one of the provider's own
// settings, or the SDK's default chain.
type credentialSource struct {
	// defaultChain is true when no setting named a source and the SDK's chain looks for one.
	defaultChain bool
	// description names the source for messages, e.g. "access key from the attribute access_key".
	description string
}

// defaultChainSource is the SDK's default credential chain.
var defaultChainSource = credentialSource{defaultChain: true, description: "default chain"}

// baseCredentials returns the provider of the source credentials and where they come from.
func baseCredentials(cs credentialSettings, diags *diag.Diagnostics) (credentials.CredentialsProvider, credentialSource) {
	switch {
	case cs.accessKey.set() != cs.secretKey.set():
		have, missing := cs.accessKey, cs.secretKey
		haveWhat, missingWhat := "an access key ID", "access key secret"
		if cs.secretKey.set() {
			have, missing = cs.secretKey, cs.accessKey
			haveWhat, missingWhat = "an access key secret", "access key ID"
		}
		diags.AddAttributeError(missing.attr, "Incomplete Alibaba Cloud access key",
			fmt.Sprintf("Found %s (from the %s) but no %s. Set it with %s, or remove the other half "+
				"to use another credentials source.", haveWhat, have.from(), missingWhat, missing.places()))
		return nil, credentialSource{}
	case cs.securityToken.set() && !cs.accessKey.set():
		diags.AddAttributeError(cs.securityToken.attr, "Security token without access key",
			fmt.Sprintf("A security token was found (from the %s), but an STS token is only usable with its temporary "+
				"access key ID and secret. Set them with %s and %s.", cs.securityToken.from(), cs.accessKey.places(), cs.secretKey.places()))
		return nil, credentialSource{}
	case cs.accessKey.set() && cs.securityToken.set():
		return credentials.NewStaticSTSCredentialsProvider(cs.accessKey.value, cs.secretKey.value, cs.securityToken.value),
			credentialSource{description: "STS token from the " + cs.securityToken.from()}
	case cs.accessKey.set():
		return credentials.NewStaticAKCredentialsProvider(cs.accessKey.value, cs.secretKey.value),
			credentialSource{description: "access key from the " + cs.accessKey.from()}
	case cs.ecsRoleName.set():
		provider, err := credentials.NewECSRAMRoleCredentialsProviderBuilder().WithRoleName(cs.ecsRoleName.value).Build()
		if err != nil {
			diags.AddAttributeError(cs.ecsRoleName.attr, "ECS instance RAM role unavailable",
				fmt.Sprintf("The RAM role %q (from the %s) is read from the ECS instance metadata service, which is not "+
					"usable here: %s.", cs.ecsRoleName.value, cs.ecsRoleName.from(), err))
			return nil, credentialSource{}
		}
		return provider, credentialSource{
			description: fmt.Sprintf("ECS instance RAM role %q from the instance metadata service", cs.ecsRoleName.value),
		}
	case cs.sharedCredentialsFile.set():
		provider, err := cliFileCredentials(cs.sharedCredentialsFile.value, cs.profile.value)
		if errors.Is(err, errNotCLIConfig) && cs.sharedCredentialsFile.fromEnv(sdkCredentialsFileEnv) {
			// The SDK's own variable may name its INI credentials file, which the SDK's
			// ProfileCredentialsProvider reads from that same variable.
			return credentials.NewProfileCredentialsProviderBuilder().WithProfileName(cs.profile.value).Build(),
				credentialSource{description: "credentials file " + cs.sharedCredentialsFile.value}
		}
		if err != nil {
			diags.AddAttributeError(cs.sharedCredentialsFile.attr, "Unusable aliyun CLI config file",
				fmt.Sprintf("The file %s (from the %s) gives no credentials: %s.", cs.sharedCredentialsFile.value,
					cs.sharedCredentialsFile.from(), err))
			return nil, credentialSource{}
		}
		return provider, credentialSource{description: "aliyun CLI config file " + cs.sharedCredentialsFile.value}
	case cs.profile.set():
		return credentials.NewCLIProfileCredentialsProviderBuilder().WithProfileName(cs.profile.value).Build(),
			credentialSource{description: fmt.Sprintf("profile %q of the aliyun CLI config file %s", cs.profile.value, cliConfigPath())}
	default:
		return credentials.NewDefaultCredentialsProvider(), defaultChainSource
	}
}

// addNoCredentials reports that the chosen source gave no credentials, naming every place that
// was looked at. The SDK's own error text is left out: for a malformed CLI config file it
// quotes the file, secrets included.
func addNoCredentials(cs credentialSettings, source credentialSource, err error, diags *diag.Diagnostics) {
	if !source.defaultChain {
		if cs.profile.set() {
			diags.AddAttributeError(cs.profile.attr, "No Alibaba Cloud credentials", fmt.Sprintf("The %s (from the %s) gave no credentials: %s.", source.description, cs.profile.from(), safeCredentialError(err)))
			return
		}
		diags.AddError("No Alibaba Cloud credentials", fmt.Sprintf("The %s gave no credentials: %s.", source.description, safeCredentialError(err)))
		return
	}
	places := []string{
		"the provider attributes access_key and secret_key (and security_token)",
		fmt.Sprintf("the environment variables %s and %s (and %s)",
			strings.Join(EnvAccessKey, " / "), strings.Join(EnvSecretKey, " / "), strings.Join(EnvSecurityToken, " / ")),
		"OIDC role: the environment variables ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE",
		fmt.Sprintf("the aliyun CLI config file %s (%s), profile from the profile attribute or %s, else its current profile",
			cliConfigPath(), fileState(cliConfigPath()), strings.Join(EnvProfile, " / ")),
		fmt.Sprintf("the credentials file %s (%s)", iniCredentialsPath(), fileState(iniCredentialsPath())),
	}
	if strings.EqualFold(os.Getenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), "true") {
		places = append(places, "the ECS instance metadata service: skipped, ALIBABA_CLOUD_ECS_METADATA_DISABLED is true")
	} else {
		places = append(places, "the ECS instance metadata service at http://100.100.100.200 (RAM role of this instance): not reachable or no role attached")
	}
	diags.AddError("No Alibaba Cloud credentials found",
		"The provider looked for credentials in:\n  - "+strings.Join(places, "\n  - ")+
			"\n\nSet access_key and secret_key in the provider block (preferably through the environment variables), "+
			"or name a profile of the aliyun CLI config (profile, shared_credentials_file), or an ECS RAM role (ecs_role_name).")
}

// isOIDCLoginRole reports whether a role ARN is the SDK's OIDC login role: it comes from
// ALIBABA_CLOUD_ROLE_ARN while ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE
// are set, the variables the SDK's OIDC credentials provider reads together.
func isOIDCLoginRole(roleARN setting) bool {
	return roleARN.fromEnv("ALIBABA_CLOUD_ROLE_ARN") &&
		os.Getenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN") != "" && os.Getenv("ALIBABA_CLOUD_OIDC_TOKEN_FILE") != ""
}

// safeCredentialError shortens an SDK credentials error to what is safe to show.
func safeCredentialError(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "unmarshal aliyun cli config from"); i >= 0 {
		if j := strings.Index(msg[i:], "failed"); j >= 0 {
			msg = msg[:i+j] + "failed: the file is not valid JSON"
		}
	}
	return conns.Redact(msg)
}

func fileState(p string) string {
	if _, err := os.Stat(p); err != nil {
		return "not found"
	}
	return "found, but no usable credentials"
}

// homeDir is where the SDK's providers look for their files.
func homeDir() string {
	if runtime.GOOS == "windows" {
		return os.Getenv("USERPROFILE")
	}
	return os.Getenv("HOME")
}

// cliConfigPath is the aliyun CLI config file the SDK's CLIProfileCredentialsProvider reads.
func cliConfigPath() string { return filepath.Join(homeDir(), ".aliyun", "config.json") }

// iniCredentialsPath is the file the SDK's ProfileCredentialsProvider reads.
func iniCredentialsPath() string {
	if p := os.Getenv(sdkCredentialsFileEnv); p != "" {
		return p
	}
	return filepath.Join(homeDir(), ".alibabacloud", "credentials")
}

// sdkCredentialsFileEnv is the SDK's variable for its INI credentials file.
const sdkCredentialsFileEnv = "ALIBABA_CLOUD_CREDENTIALS_FILE"

var errNotCLIConfig = errors.New("it is not an aliyun CLI config file (JSON with \"current\" and \"profiles\")")

// cliConfig is the aliyun CLI config file (~/.aliyun/config.json) format.
type cliConfig struct {
	Current  string       `json:"current"`
	Profiles []cliProfile `json:"profiles"`
}

type cliProfile struct {
	Name            string `json:"name"`
	Mode            string `json:"mode"`
	AccessKeyID     string `json:"access_key_id"`
	AccessKeySecret string `json:"access_key_secret"`
	StsToken        string `json:"sts_token"`
	RAMRoleARN      string `json:"ram_role_arn"`
	RAMSessionName  string `json:"ram_session_name"`
	ExpiredSeconds  int    `json:"expired_seconds"`
	RAMRoleName     string `json:"ram_role_name"`
	StsRegion       string `json:"sts_region"`
	EnableVpc       bool   `json:"enable_vpc"`
	Policy          string `json:"policy"`
	ExternalID      string `json:"external_id"`
	SourceProfile   string `json:"source_profile"`
	OIDCTokenFile   string `json:"oidc_token_file"`
	OIDCProviderARN string `json:"oidc_provider_arn"`
}

// cliFileCredentials builds the SDK credentials provider for one profile of an aliyun CLI
// config file at a path of the user's choice. The SDK's CLIProfileCredentialsProvider (v1.63)
// reads only $HOME/.aliyun/config.json and keeps its parser unexported, so this reads the file
// and hands each mode to the SDK provider of the same kind, as the SDK does for its fixed path
// (plus a guard against source_profile cycles).
func cliFileCredentials(file, profileName string) (credentials.CredentialsProvider, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, errors.New("the file does not exist")
		}
		return nil, fmt.Errorf("reading it failed: %w", err)
	}
	var conf cliConfig
	if err := json.Unmarshal(data, &conf); err != nil {
		return nil, errNotCLIConfig
	}
	if profileName == "" {
		profileName = conf.Current
	}
	return cliProfileCredentials(conf, profileName, 0)
}

func cliProfileCredentials(conf cliConfig, name string, depth int) (credentials.CredentialsProvider, error) {
	if depth > 5 {
		return nil, fmt.Errorf("profile %q: source_profile chain too long", name)
	}
	var p *cliProfile
	names := make([]string, 0, len(conf.Profiles))
	for i := range conf.Profiles {
		names = append(names, conf.Profiles[i].Name)
		if conf.Profiles[i].Name == name {
			p = &conf.Profiles[i]
		}
	}
	if p == nil {
		return nil, fmt.Errorf("it has no profile %q (profiles: %s)", name, strings.Join(names, ", "))
	}
	ramRole := func(source credentials.CredentialsProvider) (credentials.CredentialsProvider, error) {
		return credentials.NewRAMRoleARNCredentialsProviderBuilder().
			WithCredentialsProvider(source).
			WithRoleArn(p.RAMRoleARN).
			WithRoleSessionName(p.RAMSessionName).
			WithDurationSeconds(p.ExpiredSeconds).
			WithStsRegion(p.StsRegion).
			WithEnableVpc(p.EnableVpc).
			WithPolicy(p.Policy).
			WithExternalId(p.ExternalID).
			Build()
	}
	var (
		provider credentials.CredentialsProvider
		err      error
	)
	switch p.Mode {
	case "AK", "":
		provider, err = credentials.NewStaticAKCredentialsProviderBuilder().
			WithAccessKeyId(p.AccessKeyID).WithAccessKeySecret(p.AccessKeySecret).Build()
	case "StsToken":
		provider, err = credentials.NewStaticSTSCredentialsProviderBuilder().
			WithAccessKeyId(p.AccessKeyID).WithAccessKeySecret(p.AccessKeySecret).WithSecurityToken(p.StsToken).Build()
	case "RamRoleArn":
		var source credentials.CredentialsProvider
		source, err = credentials.NewStaticAKCredentialsProviderBuilder().
			WithAccessKeyId(p.AccessKeyID).WithAccessKeySecret(p.AccessKeySecret).Build()
		if err == nil {
			provider, err = ramRole(source)
		}
	case "ChainableRamRoleArn":
		var source credentials.CredentialsProvider
		source, err = cliProfileCredentials(conf, p.SourceProfile, depth+1)
		if err == nil {
			provider, err = ramRole(source)
		}
	case "EcsRamRole":
		provider, err = credentials.NewECSRAMRoleCredentialsProviderBuilder().WithRoleName(p.RAMRoleName).Build()
	case "OIDC":
		provider, err = credentials.NewOIDCCredentialsProviderBuilder().
			WithOIDCTokenFilePath(p.OIDCTokenFile).
			WithOIDCProviderARN(p.OIDCProviderARN).
			WithRoleArn(p.RAMRoleARN).
			WithStsRegion(p.StsRegion).
			WithEnableVpc(p.EnableVpc).
			WithDurationSeconds(p.ExpiredSeconds).
			WithRoleSessionName(p.RAMSessionName).
			WithPolicy(p.Policy).
			Build()
	default:
		return nil, fmt.Errorf("profile %q has mode %q, which the provider does not support (AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC)", name, p.Mode)
	}
	if err != nil {
		return nil, fmt.Errorf("profile %q (mode %s): %s", name, p.Mode, conns.Redact(err.Error()))
	}
	return provider, nil
}
