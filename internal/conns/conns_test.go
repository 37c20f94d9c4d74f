package conns

import (
	"sync"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
)

// TestNewConcurrently builds clients from several goroutines at once, as parallel provider
// configurations do. Run with -race: New shares no state between provider instances (it builds
// no SDK product client, whose constructors fill package-level endpoint tables unsynchronized).
func TestNewConcurrently(t *testing.T) {
	creds := credentials.NewStaticAKCredentialsProvider("LTAI-test", "test-secret")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := New(Config{Region: "cn-hangzhou", Credentials: creds}); err != nil {
				t.Errorf("New: %v", err)
			}
		})
	}
	wg.Wait()
}
