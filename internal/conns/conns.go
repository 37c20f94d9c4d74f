// Package conns builds and holds the Alibaba Cloud API clients a provider instance shares:
// credentials from the SDK's provider chain, endpoints and scheme, the retry policy and call
// logging.
package conns

import (
	"context"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
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
}

// Service is one product's API client with the provider's endpoint, retry policy and call
// logging.
type Service struct{}

// Do sends request and decodes the answer into response. It sets the endpoint, scheme and
// per-request timeout, retries throttling, 5xx and network errors with exponential backoff and
// jitter, stops early when ctx is done, and logs every attempt through tflog. Errors from the
// API are *errors.ServerError of the SDK.
func (s *Service) Do(ctx context.Context, request requests.AcsRequest, response responses.AcsResponse) error {
	panic("TODO")
}

// ErrorCode returns the API error code carried by err, or "" when err is not an API error.
func ErrorCode(err error) string { panic("TODO") }

// IsErrorCode reports whether err is an API error with one of codes.
func IsErrorCode(err error, codes ...string) bool { panic("TODO") }
