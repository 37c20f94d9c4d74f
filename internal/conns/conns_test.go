package conns

import (
	"strings"
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
		"cbn.aliyuncs.com.":                   {Scheme: "https", Host: "cbn.aliyuncs.com."},
		"http://localhost:65535":              {Scheme: "http", Host: "localhost:65535"},
		"http://mock_cloud.internal:1":        {Scheme: "http", Host: "mock_cloud.internal:1"},
		"http://10.0.0.1":                     {Scheme: "http", Host: "10.0.0.1"},
	}
	for in, want := range valid {
		got, err := ParseEndpoint(in)
		if err != nil || got != want {
			t.Errorf("ParseEndpoint(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	invalid := map[string]string{
		"": "empty", "   ": "empty", "ftp://host": `scheme "ftp"`, "http://": "no host", "https://host/path": "without path",
		"host/path": "without path", "http://host?x=1": "without path", "http://user:pw@host": "user information",
		"ho st": "neither", "http://host:": "empty port", "://host": `scheme ""`,
		// Ports out of range fail here, not later as a dial error on some resource.
		"http://127.0.0.1:99999": "port 99999 is not a port number", "http://127.0.0.1:0": "port 0",
		"127.0.0.1:65536": "port 65536", "http://host:http": "neither",
		// Numbers that are neither an IP address nor a host name.
		"http://127.0.0.1.:1": `"127.0.0.1." is neither an IP address nor a host name`, "127.1": "neither an IP address",
		"http://999.1.1.1": "neither an IP address",
		"a..b":             "empty label", ".host": "empty label", "-host.com": "hyphen", "host-.com": "hyphen",
		strings.Repeat("a", 64) + ".com": "longer than 63", "host!.com": `character '!'`,
	}
	for in, want := range invalid {
		got, err := ParseEndpoint(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseEndpoint(%q) = %v, %v; want an error containing %q", in, got, err, want)
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
