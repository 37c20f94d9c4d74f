package rpc

import (
	"fmt"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// AnyAction is the RateLimits and ApiRateLimits key that sets the rate of every action the
// map does not name (each such action still has its own bucket).
const AnyAction = "*"

// MaxRate bounds a configured rate, in calls per second.
const MaxRate = 1e6

// maxRateLimitedAction bounds the length of an action name that gets a bucket: no real action
// is that long, and a client cannot make the mock keep buckets for megabyte-long names.
const maxRateLimitedAction = 128

// maxIdleBuckets is how many buckets the flow control keeps before it forgets the full ones,
// which it would create full again anyway.
const maxIdleBuckets = 10000

// Answers of the gateway's flow control: one key calling an action too often, and all keys
// together calling it too often.
var (
	errThrottlingUser = NewError(http.StatusBadRequest, "Throttling.User", "Request was denied due to user flow control.")
	errThrottlingAPI  = NewError(http.StatusBadRequest, "Throttling.Api", "Request was denied due to api flow control.")
)

// bucket is a token bucket: it holds up to one second's worth of calls (at least one) and
// refills at the rate, on the virtual clock.
type bucket struct {
	tokens float64
	last   time.Time
}

// burst is the capacity of a bucket for the rate.
func burst(rate float64) float64 { return math.Max(rate, 1) }

// refill adds the tokens earned since the last refill.
func (b *bucket) refill(now time.Time, rate float64) {
	if elapsed := now.Sub(b.last).Seconds(); elapsed > 0 {
		b.tokens = math.Min(burst(rate), b.tokens+elapsed*rate)
	}
	b.last = now
}

// flowControl holds the buckets of the rate limits: one per AccessKeyId and action
// (RateLimits), one per action (ApiRateLimits).
type flowControl struct {
	user, api   map[string]float64
	userBuckets map[userAction]*bucket
	apiBuckets  map[string]*bucket
}

type userAction struct{ keyID, action string }

// newFlowControl returns full buckets for the limits.
func newFlowControl(user, api map[string]float64) flowControl {
	return flowControl{user: user, api: api, userBuckets: map[userAction]*bucket{}, apiBuckets: map[string]*bucket{}}
}

// rate returns the configured rate of action in limits, and whether there is one.
func rate(limits map[string]float64, action string) (float64, bool) {
	if r, ok := limits[action]; ok {
		return r, true
	}
	r, ok := limits[AnyAction]
	return r, ok
}

// admit takes a token from the key's bucket of the action and from the action's bucket, or
// returns the answer of the one that has none (the key's first): a refused call takes no token.
func (fc *flowControl) admit(keyID, action string, now time.Time) *Error {
	if len(action) > maxRateLimitedAction {
		return nil
	}
	userRate, limitUser := rate(fc.user, action)
	apiRate, limitAPI := rate(fc.api, action)
	if limitUser || limitAPI {
		// Copies, so that a new bucket does not keep the request's query or body alive.
		keyID, action = strings.Clone(keyID), strings.Clone(action)
	}
	var userBucket, apiBucket *bucket
	if limitUser {
		userBucket = takeBucket(fc.userBuckets, userAction{keyID: keyID, action: action}, now, userRate)
		if userBucket.tokens < 1 {
			return errThrottlingUser
		}
	}
	if limitAPI {
		apiBucket = takeBucket(fc.apiBuckets, action, now, apiRate)
		if apiBucket.tokens < 1 {
			return errThrottlingAPI
		}
	}
	if userBucket != nil {
		userBucket.tokens--
	}
	if apiBucket != nil {
		apiBucket.tokens--
	}
	return nil
}

// takeBucket returns the bucket of key, refilled to now (a new one full), forgetting full
// buckets first when there are many.
func takeBucket[K comparable](buckets map[K]*bucket, key K, now time.Time, rate float64) *bucket {
	b, ok := buckets[key]
	if !ok {
		if len(buckets) >= maxIdleBuckets {
			for k, other := range buckets {
				other.refill(now, rate)
				if other.tokens >= burst(rate) {
					delete(buckets, k)
				}
			}
		}
		b = &bucket{tokens: burst(rate), last: now}
		buckets[key] = b
	}
	b.refill(now, rate)
	return b
}

// checkRates validates a RateLimits or ApiRateLimits map.
func checkRates(field string, limits map[string]float64) error {
	names := make([]string, 0, len(limits))
	for name := range limits {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		r := limits[name]
		switch {
		case strings.TrimSpace(name) == "":
			return fmt.Errorf("%s: an action name must not be empty (%q sets every other action)", field, AnyAction)
		case math.IsNaN(r) || r <= 0 || r > MaxRate:
			return fmt.Errorf("%s[%q] must be a number of calls per second above 0 and at most %g, got %v", field, name, MaxRate, r)
		}
	}
	return nil
}

// ParseRateLimits reads the -rate-limit flag's syntax: ACTION=RATE pairs separated by commas,
// RATE in calls per second (a decimal number above 0), "*" for every other action, for
// example "*=20,DescribeBandwidthPackage=10". An empty text means no limit.
func ParseRateLimits(text string) (map[string]float64, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	limits := map[string]float64{}
	for item := range strings.SplitSeq(text, ",") {
		name, value, ok := strings.Cut(item, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" {
			return nil, fmt.Errorf("%q is not ACTION=RATE (for example *=20,DescribeBandwidthPackage=10)", strings.TrimSpace(item))
		}
		if _, dup := limits[name]; dup {
			return nil, fmt.Errorf("action %q is given twice", name)
		}
		r, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return nil, fmt.Errorf("the rate of %q must be a number of calls per second, got %q", name, value)
		}
		limits[name] = r
	}
	if err := checkRates("rate limit", limits); err != nil {
		return nil, err
	}
	return limits, nil
}
