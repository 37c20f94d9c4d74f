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

func TestParseEndpoint(t *testing.T) {
	valid := map[string]Endpoint{
		"cbn.aliyuncs.com":                    {Scheme: "https", Host: "cbn.aliyuncs.com"},
		" 127.0.0.1:8686 ":                    {Scheme: "https", Host: "127.0.0.1:8686"},
		"http://127.0.0.1:8686":               {Scheme: "http", Host: "127.0.0.1:8686"},
		"HTTP://localhost:1/":                 {Scheme: "http", Host: "localhost:1"},
		"https://ga.cn-hangzhou.aliyuncs.com": {Scheme: "https", Host: "ga.cn-hangzhou.aliyuncs.com"},
		"http://[::1]:8080":                   {Scheme: "http", Host: "[::1]:8080"},
	}
	for in, want := range valid {
		got, err := ParseEndpoint(in)
		if err != nil || got != want {
			t.Errorf("ParseEndpoint(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	invalid := []string{"", "ftp://host", "http://", "https://host/path", "host/path", "http://host?x=1",
		"http://user:pw@host", "ho st", "http://host:", "://host"}
	for _, in := range invalid {
		if got, err := ParseEndpoint(in); err == nil {
			t.Errorf("ParseEndpoint(%q) = %v, want an error", in, got)
		}
	}
}

func TestNew_defaults(t *testing.T) {
	c, err := New(Config{Region: "cn-shanghai", Credentials: credentials.NewStaticAKCredentialsProvider(testKeyID, testSecret)})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.CBN.Endpoint().String(); got != "https://cbn.aliyuncs.com" {
		t.Errorf("CBN endpoint = %s", got)
	}
	if got := c.GA.Endpoint().String(); got != "https://ga.cn-hangzhou.aliyuncs.com" {
		t.Errorf("GA endpoint = %s", got)
	}
	if c.GA.Region() != "cn-hangzhou" || c.CBN.Region() != "cn-shanghai" || c.Region != "cn-shanghai" {
		t.Errorf("regions: client %s, CBN %s, GA %s", c.Region, c.CBN.Region(), c.GA.Region())
	}
	if c.CBN.MaxRetries() != DefaultMaxRetries {
		t.Errorf("max retries = %d", c.CBN.MaxRetries())
	}
	if _, err := New(Config{Region: "cn-shanghai"}); err == nil {
		t.Error("New without credentials should fail")
	}
}

func TestNewClientToken(t *testing.T) {
	a, b := NewClientToken(), NewClientToken()
	if a == b || len(a) != 35 {
		t.Errorf("tokens %q and %q: want distinct 35-character tokens", a, b)
	}
}
