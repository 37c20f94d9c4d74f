package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// TestCLIFileCredentials_modes: every mode the SDK's own CLI profile provider knows maps to the
// SDK provider of that kind (built only: OIDC and role modes call STS at the first use).
func TestCLIFileCredentials_modes(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cli.json")
	content := `{"current":"oidc","profiles":[
		{"name":"oidc","mode":"OIDC","ram_role_arn":"acs:ram::1:role/t","oidc_provider_arn":"acs:ram::1:oidc-provider/p",
		 "oidc_token_file":"/var/run/token","ram_session_name":"s"},
		{"name":"base","mode":"AK","access_key_id":"LTAIbase","access_key_secret":"x"},
		{"name":"chain","mode":"ChainableRamRoleArn","source_profile":"base","ram_role_arn":"acs:ram::1:role/t",
		 "ram_session_name":"s","external_id":"abc"},
		{"name":"loop","mode":"ChainableRamRoleArn","source_profile":"loop","ram_role_arn":"acs:ram::1:role/t"}]}`
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := cliFileCredentials(file, "")
	if _, ok := p.(*credentials.OIDCCredentialsProvider); err != nil || !ok {
		t.Errorf("OIDC profile: %T, %v; want *credentials.OIDCCredentialsProvider", p, err)
	}
	p, err = cliFileCredentials(file, "chain")
	if _, ok := p.(*credentials.RAMRoleARNCredentialsProvider); err != nil || !ok {
		t.Errorf("chained profile: %T, %v; want *credentials.RAMRoleARNCredentialsProvider", p, err)
	}
	if _, err := cliFileCredentials(file, "loop"); err == nil || !strings.Contains(err.Error(), "source_profile chain too long") {
		t.Errorf("a source_profile cycle: err = %v", err)
	}
}

func TestBuildCredentials_kinds(t *testing.T) {
	cleanEnv(t)
	ak := setting{value: "LTAIkey", attr: path.Root("access_key")}
	sk := setting{value: secretValue, attr: path.Root("secret_key")}
	cases := map[string]struct {
		cs   credentialSettings
		want string
	}{
		"access key": {credentialSettings{accessKey: ak, secretKey: sk}, "static_ak"},
		"sts":        {credentialSettings{accessKey: ak, secretKey: sk, securityToken: setting{value: tokenValue, attr: path.Root("security_token")}}, "static_sts"},
		"assume role": {credentialSettings{accessKey: ak, secretKey: sk, roleARN: setting{value: "acs:ram::1:role/t"},
			roleSessionName: setting{value: "s"}, sessionExpiration: 3600}, "ram_role_arn"},
	}
	for name, c := range cases {
		var diags diag.Diagnostics
		p, source := buildCredentials(c.cs, &diags)
		if diags.HasError() || p == nil {
			t.Fatalf("%s: %v", name, diags)
		}
		if p.GetProviderName() != c.want || !strings.HasPrefix(source, c.want) {
			t.Errorf("%s: provider %s (source %s), want %s", name, p.GetProviderName(), source, c.want)
		}
	}
	var diags diag.Diagnostics
	p, _ := buildCredentials(credentialSettings{accessKey: ak, secretKey: sk, roleARN: setting{value: "acs:ram::1:role/t"},
		roleSessionName: setting{value: "s"}, sessionExpiration: 3600}, &diags)
	if _, ok := p.(*credentials.RAMRoleARNCredentialsProvider); !ok {
		t.Errorf("assume role provider is %T", p)
	}
}
