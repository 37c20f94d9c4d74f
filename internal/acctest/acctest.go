// Package acctest gives each acceptance test its own in-process mock cloud and a provider
// configured to it, plus assertions on what the mock was asked to do.
package acctest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
	"terraform-provider-alibabacloud/internal/provider"
)

// ProviderName is the provider's type name in configurations.
const ProviderName = provider.TypeName

// ProtoV6ProviderFactories serve the provider in-process to terraform-plugin-testing. Every
// call builds a new provider instance, so tests may run in parallel.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	ProviderName: func() (tfprotov6.ProviderServer, error) {
		return providerserver.NewProtocol6WithError(provider.New("acctest")())()
	},
}

// IsMutatingAction reports whether an API action changes something in the cloud. It is the
// mock's own classification, so tests and the mock's state-file saving agree.
func IsMutatingAction(action string) bool { return mockcloud.IsMutatingAction(action) }

// Mock is one test's mock cloud, served on a local httptest server.
type Mock struct {
	*mockcloud.Cloud
	// URL is the server's base URL, http://127.0.0.1:PORT.
	URL string

	mu         sync.Mutex
	checkpoint int
}

// NewMock starts a mock cloud with opts for the duration of t.
//
// It also clears every environment variable the provider reads (provider.EnvironmentVariables)
// for the rest of the test binary: a developer's own Alibaba Cloud settings, such as a role ARN
// to assume or a security token, must neither send a test to the real cloud nor change its
// retries. Tests run in parallel, so they configure the provider through ProviderConfig only.
func NewMock(t *testing.T, opts mockcloud.Options) *Mock {
	t.Helper()
	for _, env := range provider.EnvironmentVariables() {
		if err := os.Unsetenv(env); err != nil {
			t.Fatalf("clearing %s: %v", env, err)
		}
	}
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
`, ProviderName, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, m.URL)
}

// Config returns ProviderConfig followed by body.
func (m *Mock) Config(body string) string {
	return m.ProviderConfig() + body
}

// Checkpoint remembers the current end of the call log; use it as a step's PreConfig.
func (m *Mock) Checkpoint() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.checkpoint = len(m.Calls())
}

// CallsSinceCheckpoint returns the calls logged since the last Checkpoint.
func (m *Mock) CallsSinceCheckpoint() []rpc.CallRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	calls := m.Calls()
	if m.checkpoint > len(calls) {
		return nil
	}
	return calls[m.checkpoint:]
}

// ExpectNoMutationSinceCheckpoint fails t when any mutating call reached the mock since the
// last Checkpoint, whether the mock accepted it or not: a rule enforced at plan must stop the
// call before it is sent.
func (m *Mock) ExpectNoMutationSinceCheckpoint(t *testing.T) {
	t.Helper()
	for _, c := range m.CallsSinceCheckpoint() {
		if IsMutatingAction(c.Action) {
			t.Errorf("mutating call %s reached the cloud (params %v)", c.Action, c.Params)
		}
	}
}

// CountCalls returns how many calls of action the mock has logged.
func (m *Mock) CountCalls(action string) int {
	n := 0
	for _, c := range m.Calls() {
		if c.Action == action {
			n++
		}
	}
	return n
}
