package resourcetest

import (
	"context"
	"fmt"
	"sync"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
)

// Handler answers one call: it reads the SDK request and fills the SDK response, or returns
// the API's error.
type Handler func(request requests.AcsRequest, response responses.AcsResponse) error

// FakeAPI stands in for a product's API client (anything with Do): it answers each action with
// its Handler and records every call. Errors queued with FailNext answer first, one per call.
// An action without a handler fails the call. Recording and queueing are safe for concurrent
// use; handlers run outside the fake's lock, so they may queue failures (FailNext) for later
// calls, and must themselves guard any state calls from several goroutines share.
type FakeAPI struct {
	mu       sync.Mutex
	handlers map[string]Handler
	failures map[string][]error
	calls    []requests.AcsRequest
}

// NewFakeAPI returns a fake with no handlers.
func NewFakeAPI() *FakeAPI {
	return &FakeAPI{handlers: map[string]Handler{}, failures: map[string][]error{}}
}

// Handle makes h answer the calls of action (replacing any earlier handler).
func (f *FakeAPI) Handle(action string, h Handler) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handlers[action] = h
}

// FailNext queues errs to answer the next calls of action, one each, before its handler does.
func (f *FakeAPI) FailNext(action string, errs ...error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failures[action] = append(f.failures[action], errs...)
}

// Do implements the product API: it records the call, then answers it.
func (f *FakeAPI) Do(_ context.Context, request requests.AcsRequest, response responses.AcsResponse) error {
	f.mu.Lock()
	action := request.GetActionName()
	f.calls = append(f.calls, request)
	if queued := f.failures[action]; len(queued) > 0 {
		f.failures[action] = queued[1:]
		f.mu.Unlock()
		return queued[0]
	}
	h, ok := f.handlers[action]
	f.mu.Unlock()
	if !ok {
		return fmt.Errorf("fake API: unexpected action %s", action)
	}
	return h(request, response)
}

// Calls returns the actions called, in order.
func (f *FakeAPI) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	actions := make([]string, len(f.calls))
	for i, c := range f.calls {
		actions[i] = c.GetActionName()
	}
	return actions
}

// Requests returns the requests of action, in order.
func (f *FakeAPI) Requests(action string) []requests.AcsRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []requests.AcsRequest
	for _, c := range f.calls {
		if c.GetActionName() == action {
			out = append(out, c)
		}
	}
	return out
}

// CallCount returns how many calls of action the fake has received.
func (f *FakeAPI) CallCount(action string) int { return len(f.Requests(action)) }
