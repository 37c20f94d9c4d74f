// Package conns builds and holds the Alibaba Cloud API clients a provider instance shares:
// credentials from the SDK's provider chain, endpoints and scheme, the retry policy and call
// logging.
package conns

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Default endpoints of the real cloud (from the SDK's endpoint data: Cbn is a central product,
// Ga a regional one served from cn-hangzhou only).
const (
	DefaultCBNEndpoint = "cbn.aliyuncs.com"
	DefaultGAEndpoint  = "ga.cn-hangzhou.aliyuncs.com"
	// GARegion is the only region the Ga API is served from.
	GARegion = "cn-hangzhou"
)

// Retry and timeout defaults.
const (
	DefaultMaxRetries     = 10
	DefaultRequestTimeout = 30 * time.Second
	DefaultRetryBase      = 200 * time.Millisecond
	DefaultRetryCap       = 10 * time.Second
)

// Product names as the logs show them.
const (
	ProductCBN = "Cbn"
	ProductGA  = "Ga"
)

// Client is what every resource of one provider instance receives as provider data.
// It is safe for concurrent use.
type Client struct {
	// Region is the provider's region.
	Region string
	// CBN is the Cloud Enterprise Network API (Cbn 2017-09-12).
	CBN *Service
	// GA is the Global Accelerator API (Ga 2019-11-20); its calls always go to cn-hangzhou.
	GA *Service
	// Claims records what the resources of the plan (or apply) this client serves claim for
	// themselves alone, so that two resources of one configuration claiming the same thing
	// are refused at plan.
	Claims *Claims
}

// Caller is what product code calls on a product's API: *Service's Do. Each product package
// declares its own interface from it (cbnAPI, gaAPI), which its unit tests fake.
type Caller interface {
	Do(ctx context.Context, request requests.AcsRequest, response responses.AcsResponse) error
}

var _ Caller = (*Service)(nil)

// Endpoint is where one product's API is reached.
type Endpoint struct {
	// Scheme is "https" or "http".
	Scheme string
	// Host is a host name or address, with an optional ":port".
	Host string
}

// String renders the endpoint as a URL.
func (e Endpoint) String() string { return e.Scheme + "://" + e.Host }

// ParseEndpoint reads an endpoint given as a bare host ("cbn.aliyuncs.com", "127.0.0.1:8686",
// HTTPS implied) or as a URL whose scheme, http or https, is honored ("http://127.0.0.1:8686").
// The host is an IP address (IPv6 in brackets) or a DNS name (labels of letters, digits, "-" and
// "_", with an optional final dot), whose last label is not all digits: "127.0.0.1." or
// "127.1" is neither an address nor a name, and would only fail later at the dial. A port is 1
// to 65535. The empty string is an error; callers apply their default first, and must not take
// an empty value for "the default" (an empty variable would send calls meant for a mock to the
// real cloud).
func ParseEndpoint(s string) (Endpoint, error) {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return Endpoint{}, errors.New("the endpoint is empty")
	}
	scheme := "https"
	rest := raw
	if i := strings.Index(raw, "://"); i >= 0 {
		scheme = strings.ToLower(raw[:i])
		rest = raw[i+3:]
		if scheme != "http" && scheme != "https" {
			return Endpoint{}, fmt.Errorf("the scheme %q is not supported: write http:// or https://, or a bare host for HTTPS", raw[:i])
		}
	}
	u, err := url.Parse(scheme + "://" + rest)
	if err != nil {
		return Endpoint{}, errors.New("it is neither a host name nor a URL")
	}
	switch {
	case u.Host == "" || u.Hostname() == "":
		return Endpoint{}, errors.New("it has no host")
	case u.User != nil:
		return Endpoint{}, errors.New("it must not contain user information")
	case u.Path != "" && u.Path != "/", u.RawQuery != "", u.Fragment != "", strings.HasSuffix(rest, "?"):
		return Endpoint{}, errors.New("it must be a host or a scheme and host, without path, query or fragment")
	}
	if err := checkPort(u); err != nil {
		return Endpoint{}, err
	}
	if err := checkHost(u.Hostname()); err != nil {
		return Endpoint{}, err
	}
	return Endpoint{Scheme: scheme, Host: u.Host}, nil
}

// checkPort accepts no port, or a port from 1 to 65535.
func checkPort(u *url.URL) error {
	port := u.Port()
	if port == "" {
		if strings.HasSuffix(u.Host, ":") {
			return errors.New("it has an empty port")
		}
		return nil
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("the port %s is not a port number (1 to 65535)", port)
	}
	return nil
}

// checkHost accepts an IP address or a DNS name whose last label is not all digits.
func checkHost(host string) error {
	if net.ParseIP(host) != nil {
		return nil
	}
	name := strings.TrimSuffix(host, ".")
	if len(name) > 253 {
		return fmt.Errorf("the host name is %d characters long, more than a DNS name's 253", len(name))
	}
	labels := strings.Split(name, ".")
	for _, label := range labels {
		switch {
		case label == "":
			return fmt.Errorf("the host %q has an empty label (two dots in a row, or a leading dot)", host)
		case len(label) > 63:
			return fmt.Errorf("the host %q has a label longer than 63 characters", host)
		case strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-"):
			return fmt.Errorf("the host %q has a label that starts or ends with a hyphen", host)
		}
		for _, r := range label {
			if !validHostRune(r) {
				return fmt.Errorf("the host has the character %q, which no host name or IP address has", r)
			}
		}
	}
	if last := labels[len(labels)-1]; strings.Trim(last, "0123456789") == "" {
		return fmt.Errorf("the host %q is neither an IP address nor a host name (a name's last label is not all "+
			"digits); write an IP address without a final dot, such as 127.0.0.1", host)
	}
	return nil
}

// validHostRune reports whether r may appear in a label of a host name.
func validHostRune(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	}
	return r == '-' || r == '_'
}

// Config is the resolved provider configuration the clients are built from.
type Config struct {
	// Region is the provider's region (Cbn calls carry it; Ga calls always use GARegion).
	Region string
	// Credentials signs every call. It is called concurrently through a lock, so providers of
	// the SDK that cache and refresh session credentials are safe to use.
	Credentials credentials.CredentialsProvider
	// CBNEndpoint and GAEndpoint override the default endpoints (zero: the real cloud, HTTPS).
	CBNEndpoint, GAEndpoint Endpoint
	// MaxRetries is how many times a retryable failure is retried outside an operation's retry
	// deadline (see WithRetryDeadline; inside one, the deadline alone ends the retries)
	// (negative: never; zero: DefaultMaxRetries). Use NoRetries to disable retrying.
	MaxRetries int
	// CBNRateLimit and GARateLimit are fixed ceilings of each product's calls per second, for
	// all resources together (zero: none; the adaptive rate limiting applies either way).
	CBNRateLimit, GARateLimit float64
	// RequestTimeout bounds each attempt (zero: DefaultRequestTimeout).
	RequestTimeout time.Duration
	// UserAgent is appended to the SDK's User-Agent, e.g. "terraform-provider-alibabacloud/1.0.0".
	UserAgent string
	// RetryBase and RetryCap shape the backoff: attempt n sleeps a uniformly random duration in
	// [0, min(RetryCap, RetryBase*2^n)) (zero: DefaultRetryBase, DefaultRetryCap).
	RetryBase, RetryCap time.Duration
	// Sleep waits d or until ctx is done (nil: a real timer). Tests inject a fake.
	Sleep func(ctx context.Context, d time.Duration) error
	// Rand returns a number in [0, 1) for the jitter (nil: math/rand/v2).
	Rand func() float64
	// Now is the clock of the retry deadlines and the rate limiter (nil: time.Now). Tests
	// inject a fake, moved by their Sleep.
	Now func() time.Time
	// HTTPClient sends the requests (nil: a client of its own per product, proxy settings from
	// the environment).
	HTTPClient *http.Client
}

// NoRetries as Config.MaxRetries disables retrying.
const NoRetries = -1

// New builds the clients of one provider instance.
func New(cfg Config) (*Client, error) {
	if cfg.Credentials == nil {
		return nil, errors.New("no credentials provider configured")
	}
	if cfg.Region == "" {
		return nil, errors.New("no region configured")
	}
	cfg.Credentials = &lockedCredentials{inner: cfg.Credentials}
	if cfg.CBNEndpoint == (Endpoint{}) {
		cfg.CBNEndpoint = Endpoint{Scheme: "https", Host: DefaultCBNEndpoint}
	}
	if cfg.GAEndpoint == (Endpoint{}) {
		cfg.GAEndpoint = Endpoint{Scheme: "https", Host: DefaultGAEndpoint}
	}
	c := &Client{
		Region: cfg.Region,
		CBN:    newService(ProductCBN, cfg.Region, cfg.CBNEndpoint, cfg.CBNRateLimit, cfg),
		GA:     newService(ProductGA, GARegion, cfg.GAEndpoint, cfg.GARateLimit, cfg),
		Claims: NewClaims(),
	}
	// A call that changes something means Terraform is applying: claims made before it were
	// made for an earlier plan.
	c.CBN.changed, c.GA.changed = c.Claims.Changed, c.Claims.Changed
	return c, nil
}

// lockedCredentials serializes calls to a credentials provider: the SDK's providers cache and
// refresh session credentials without locking. Only the retrieval is serialized (a map lookup
// once credentials are cached), never the API calls themselves.
type lockedCredentials struct {
	mu    sync.Mutex
	inner credentials.CredentialsProvider
}

// GetCredentials implements credentials.CredentialsProvider.
func (l *lockedCredentials) GetCredentials() (*credentials.Credentials, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.inner.GetCredentials()
}

// GetProviderName implements credentials.CredentialsProvider.
func (l *lockedCredentials) GetProviderName() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.inner.GetProviderName()
}

// sleepCtx waits d, or less when ctx is done first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// NewClientToken returns a fresh idempotency token for the ClientToken parameter of create and
// modify actions: set it once on the request before Do, and every retry Do makes sends the same
// token, so the API performs the operation at most once.
func NewClientToken() string {
	var b [16]byte
	_, _ = crand.Read(b[:]) // crypto/rand.Read never fails on supported platforms.
	return "tf-" + hex.EncodeToString(b[:])
}

// FromProviderData returns the client a resource's Configure receives as provider data. It
// returns nil without a diagnostic while the provider is not configured yet (data is nil, as
// during validation or when provider values are unknown at plan), and nil with an error
// diagnostic for data of any other type.
func FromProviderData(data any, diags *diag.Diagnostics) *Client {
	if data == nil {
		return nil
	}
	client, ok := data.(*Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *conns.Client, got %T. This is a bug in the provider; please report it.", data))
	}
	return client
}
