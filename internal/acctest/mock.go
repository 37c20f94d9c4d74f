package acctest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"

	"terraform-provider-alibabacloud/internal/acctest/testmain"
	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/provider"
)

// Mock is one test's mock cloud, served on a local httptest server. Config and Client make it a
// Target; its other methods, and those of the embedded *mockcloud.Cloud, are mock only.
type Mock struct {
	*mockcloud.Cloud
	// URL is the server's base URL, http://127.0.0.1:PORT.
	URL string

	mu         sync.Mutex
	checkpoint int
}

var _ Target = (*Mock)(nil)

// NewMock starts a mock cloud with opts for the duration of t, for a test that needs a mock
// (its call log, clock, faults or seeds): with TF_ACC_TARGET=cloud such a test does not run. A
// seed without an Account gets OpenAccount. Tests that can also run against the real cloud use
// NewEnv instead.
//
// It also clears every environment variable the provider reads (provider.EnvironmentVariables)
// for the rest of the test binary: a developer's own Alibaba Cloud settings, such as a role ARN
// to assume or a security token, must neither send a test to the real cloud nor change its
// retries. Tests run in parallel, so they configure the provider through ProviderConfig only.
func NewMock(t *testing.T, opts mockcloud.Options) *Mock {
	t.Helper()
	testmain.MockOnly(t)
	return newMock(t, opts)
}

// newMock is NewMock for a test of either kind.
func newMock(t *testing.T, opts mockcloud.Options) *Mock {
	t.Helper()
	for _, env := range provider.EnvironmentVariables() {
		if err := os.Unsetenv(env); err != nil {
			t.Fatalf("clearing %s: %v", env, err)
		}
	}
	opts.Seed = withAccount(opts.Seed, opts.Delay)
	cloud, err := mockcloud.New(opts)
	if err != nil {
		t.Fatalf("starting mock cloud: %v", err)
	}
	server := httptest.NewServer(cloud.Handler())
	t.Cleanup(server.Close)
	return &Mock{Cloud: cloud, URL: server.URL}
}

// ProviderConfig returns a provider block that talks to this mock with its default key pair.
func (m *Mock) ProviderConfig() string {
	return MockProviderConfig(m.URL)
}

// MockProviderConfig returns a provider block that talks to a mock cloud at url (an in-process
// one or the standalone command) with the mock's default key pair.
func MockProviderConfig(url string) string {
	return fmt.Sprintf(`
provider %[1]q {
  region     = "cn-hangzhou"
  access_key = %[2]q
  secret_key = %[3]q

  endpoints {
    cbn = %[4]q
    ga  = %[4]q
  }
}
`, ProviderName, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, url)
}

// Config implements Target: ProviderConfig followed by body.
func (m *Mock) Config(body string) string {
	return m.ProviderConfig() + body
}

// Client implements Target: clients of every product to this mock, configured as
// ProviderConfig configures the provider, for checks through the provider's finders. Their calls
// show in the call log like the provider's.
func (m *Mock) Client(t testing.TB) *conns.Client {
	t.Helper()
	endpoint, err := conns.ParseEndpoint(m.URL)
	if err != nil {
		t.Fatal(err)
	}
	client, err := conns.New(conns.Config{
		Region:      "cn-hangzhou",
		Credentials: credentials.NewStaticAKCredentialsProvider(mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret),
		CBNEndpoint: endpoint,
		GAEndpoint:  endpoint,
		UserAgent:   "acctest",
	})
	if err != nil {
		t.Fatal(err)
	}
	return client
}
