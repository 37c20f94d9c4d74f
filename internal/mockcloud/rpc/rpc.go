// Package rpc is the mock cloud's protocol engine: it speaks Alibaba Cloud's RPC style
// (GET or POST, query or form parameters, signature version 1.0, JSON or XML responses),
// injects faults, keeps the call log, and hands each verified call to the Product that serves
// its API version.
package rpc

import (
	"net/http"
	"net/url"
	"time"
)

// Product serves the actions of one API product at one version.
type Product interface {
	// Name is the product code, for example "Cbn".
	Name() string
	// Version is the API version the product answers, for example "2017-09-12".
	Version() string
	// Handle runs one verified call. It returns the response fields (any value that
	// encoding/json can marshal into an object; the engine adds RequestId) or an error,
	// normally an *Error. An action the product does not know returns ErrUnknownAction.
	Handle(call *Call) (any, error)
}

// Call is one verified request as a product sees it.
type Call struct {
	// Action is the Action parameter.
	Action string
	// Params holds every request parameter except the common signature parameters
	// (Signature, SignatureMethod, SignatureNonce, SignatureVersion, SignatureType,
	// AccessKeyId, Timestamp, Format, Version, Action).
	Params url.Values
	// Now is the virtual time at which the call arrived.
	Now time.Time
	// RequestID is the id the response will carry.
	RequestID string
}

// Error is an API error in the real service's shape.
type Error struct {
	// Status is the HTTP status code the real service answers with.
	Status int
	// Code is the API error code, for example "NotExist.BandwidthPackage".
	Code string
	// Message is the human-readable message.
	Message string
}

// Error implements error.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// NewError returns an API error.
func NewError(status int, code, message string) *Error {
	return &Error{Status: status, Code: code, Message: message}
}

// ErrUnknownAction is returned by a Product for an action it does not serve.
var ErrUnknownAction = NewError(http.StatusNotFound, "InvalidAction.NotFound",
	"Specified api is not found, please check your url and method.")

// AccessKey is a key pair the mock accepts.
type AccessKey struct {
	AccessKeyId     string `json:"AccessKeyId"`     //nolint:revive // the API's own field name
	AccessKeySecret string `json:"AccessKeySecret"` //nolint:revive // the API's own field name
}

// ScriptedFault makes the next Count calls of Action fail (or lose their response).
type ScriptedFault struct {
	// Action is the action to fail; "" matches every action.
	Action string `json:"Action"`
	// Count is how many calls fail before the fault is used up.
	Count int `json:"Count"`
	// Status, Code and Message form the error returned instead of the real answer.
	Status int `json:"Status,omitempty"`
	// Code is the error code (see Status).
	Code string `json:"Code,omitempty"`
	// Message is the error message (see Status).
	Message string `json:"Message,omitempty"`
	// DropResponse runs the action for real and then closes the connection without
	// answering, as a network failure after the server acted would.
	DropResponse bool `json:"DropResponse,omitempty"`
}

// Faults is the fault-injection setting, as posted to /_mock/faults.
type Faults struct {
	// ThrottleRate is the share (0 to 1) of calls answered with Throttling.User.
	ThrottleRate float64 `json:"ThrottleRate"`
	// ServerErrorRate is the share (0 to 1) of calls answered with a 503 ServiceUnavailable.
	ServerErrorRate float64 `json:"ServerErrorRate"`
	// Latency is added before every answer, as a Go duration string ("250ms").
	Latency string `json:"Latency,omitempty"`
	// LatencySpikeRate is the share (0 to 1) of calls delayed by LatencySpike more (a Go
	// duration string), as a congested network or a slow backend would.
	LatencySpikeRate float64 `json:"LatencySpikeRate,omitempty"`
	// LatencySpike is the extra delay of a spike (see LatencySpikeRate).
	LatencySpike string `json:"LatencySpike,omitempty"`
	// DropResponseRate is the share (0 to 1) of calls that are carried out and then lose their
	// answer (the connection closes), as a network failure after the server acted would.
	DropResponseRate float64 `json:"DropResponseRate,omitempty"`
	// Scripted faults are consumed in order, per action.
	Scripted []ScriptedFault `json:"Scripted,omitempty"`
	// RateLimits is the gateway's flow control per AccessKeyId: how many calls per second
	// one key may make of an action (AnyAction "*": of every action not named, each with its
	// own bucket). A key's call beyond it is answered Throttling.User (HTTP 400). The
	// buckets hold one second's worth of calls (at least one) and refill on the virtual
	// clock; a refused call takes no token.
	RateLimits map[string]float64 `json:"RateLimits,omitempty"`
	// APIRateLimits is the flow control of an action across all keys, in the same shape:
	// a call beyond it is answered Throttling.Api (HTTP 400). A call must pass both.
	APIRateLimits map[string]float64 `json:"ApiRateLimits,omitempty"`
}

// CallRecord is one entry of the call log.
type CallRecord struct {
	// Seq numbers the records: 1 for the first call a server answered, then one more for each
	// call. A reader that saw Seq n asks for the calls after it with since=n.
	Seq uint64 `json:"Seq"`
	// Time is the virtual time the call arrived.
	Time time.Time `json:"Time"`
	// Action is the Action parameter.
	Action string `json:"Action"`
	// Version is the Version parameter, which picks the product.
	Version string `json:"Version"`
	// Params are the other parameters (first value of each), without signature fields,
	// shortened as MaxLoggedStringBytes and MaxLoggedParams say.
	Params map[string]string `json:"Params"`
	// RequestId is the id the answer carried.
	RequestId string `json:"RequestId"` //nolint:revive // the API's own field name
	// Code is the error code answered, "" on success.
	Code string `json:"Code"`
	// Status is the HTTP status answered (0 when the response was dropped).
	Status int `json:"Status"`
	// Truncated says that the log shortened this record: a string longer than
	// MaxLoggedStringBytes was cut (it ends with TruncatedSuffix and its original size), or
	// parameters beyond MaxLoggedParams were left out.
	Truncated bool `json:"Truncated,omitempty"`
}
