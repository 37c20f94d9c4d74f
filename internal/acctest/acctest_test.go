package acctest

import (
	"os"
	"testing"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/provider"
)

// TestNewMock_clearsProviderEnvironment: a role ARN, a security token or retry settings in the
// developer's environment would send acceptance tests to the real STS or change their retries.
func TestNewMock_clearsProviderEnvironment(t *testing.T) {
	for _, env := range provider.EnvironmentVariables() {
		t.Setenv(env, "set-by-the-developer")
	}
	m := NewMock(t, mockcloud.Options{})
	for _, env := range provider.EnvironmentVariables() {
		if v, set := os.LookupEnv(env); set {
			t.Errorf("%s = %q after NewMock, want it unset", env, v)
		}
	}
	if m.URL == "" {
		t.Error("NewMock returned no URL")
	}
}
