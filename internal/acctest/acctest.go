// Package acctest runs the provider's acceptance tests: real terraform against a cloud, today
// an in-process mock per test (NewMock).
//
// Its helpers are of two kinds, and tests keep them apart so that they can also run against
// the real cloud:
//
//   - For any cloud (Target): the provider configuration (Config), an API client (Client) for
//     checks that read the cloud through the provider's own finders (each service package
//     exports them to its tests in exports_test.go), ExpectError for plan and apply errors, and
//     the state helpers (PrimaryID, CheckNotInState).
//   - Mock only: every method of *Mock beyond Target (the call log and its checks, mutation
//     guards, the virtual clock, scripted faults, the mock's state) and the Seed* builders. Their
//     doc comments begin "Mock only".
package acctest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/conns"
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

// Target is what an acceptance test may use of the cloud it runs against, whichever it is.
type Target interface {
	// Config returns a provider block for this cloud followed by body.
	Config(body string) string
	// Client returns API clients to this cloud, for checks through the provider's finders.
	Client(t testing.TB) *conns.Client
}

// ExpectError compiles pattern for a step's ExpectError, each space matching any run of white
// space (Terraform wraps long diagnostic lines) and "." matching newlines too.
func ExpectError(pattern string) *regexp.Regexp {
	return regexp.MustCompile("(?s)" + strings.ReplaceAll(pattern, " ", `\s+`))
}

// PrimaryID returns the id of the resource at address in s.
func PrimaryID(s *terraform.State, address string) (string, error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok {
		return "", fmt.Errorf("%s is not in the state", address)
	}
	return rs.Primary.ID, nil
}

// PrimaryIDs returns the ids of the resources of type resourceType in s.
func PrimaryIDs(s *terraform.State, resourceType string) []string {
	var ids []string
	for _, rs := range s.RootModule().Resources {
		if rs.Type == resourceType {
			ids = append(ids, rs.Primary.ID)
		}
	}
	return ids
}

// CheckNotInState checks that no resource is at address in the state.
func CheckNotInState(address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if _, ok := s.RootModule().Resources[address]; ok {
			return fmt.Errorf("%s is still in the state", address)
		}
		return nil
	}
}

// Check runs check as a PreConfig or any other function without a place to return an error,
// failing t when it fails.
func Check(t testing.TB, check resource.TestCheckFunc) {
	t.Helper()
	if err := check(nil); err != nil {
		t.Error(err)
	}
}
