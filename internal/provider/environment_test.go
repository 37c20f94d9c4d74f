package provider

import (
	"strings"
	"testing"
)

// TestConfigFromEnvironment: tools that reach the cloud an empty provider block reaches (the
// acceptance tests against the real cloud, the sweepers) get the environment's region and
// credentials by the provider's own rules, and the provider's error, naming every place looked
// at, when there are none.
func TestConfigFromEnvironment(t *testing.T) {
	cleanEnv(t)
	t.Setenv("ALIBABA_CLOUD_REGION", "cn-shanghai")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI-from-env")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secretValue)
	cfg, diags := ConfigFromEnvironment(t.Context(), "test")
	if diags.HasError() {
		t.Fatalf("diagnostics: %v", diags)
	}
	creds, err := cfg.Credentials.GetCredentials()
	if err != nil || creds.AccessKeyId != "LTAI-from-env" {
		t.Errorf("credentials %+v, %v; want the access key of the environment", creds, err)
	}
	if cfg.Region != "cn-shanghai" || cfg.UserAgent != "terraform-provider-alibabacloud/test" {
		t.Errorf("region %q, user agent %q", cfg.Region, cfg.UserAgent)
	}

	cleanEnv(t)
	_, diags = ConfigFromEnvironment(t.Context(), "test")
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "ALIBABA_CLOUD_ACCESS_KEY_ID") {
		t.Errorf("without credentials: %v; want the provider's error naming where it looked", diags)
	}
}
