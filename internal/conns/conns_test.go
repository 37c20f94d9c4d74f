package conns

import (
	"sync"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
)

// TestNewConcurrently builds clients from several goroutines at once, as parallel provider
// configurations do, starting from the SDK's unfilled endpoint tables. Run with -race: the
// SDK fills those tables without synchronization.
func TestNewConcurrently(t *testing.T) {
	cbn.EndpointMap, ga.EndpointMap = nil, nil
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
