package ga

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// testDelay is long enough that the real time a test takes never completes an operation:
// only Advance does.
const testDelay = time.Hour

// openAccount has every gate on, downgrades to spare and the cool-down these tests were
// written for (twice the delay); the account tests start from the zero value instead.
var openAccount = AccountSettings{
	GaPostpayEnabled: true, GaPayBY95Enabled: true, GaDowngradeQuota: 100, GaUpdateCooldown: (2 * testDelay).String(),
}

// env is a product on a clock the test advances, seeded with two idle accelerators, its
// account open (openAccount).
type env struct {
	t   *testing.T
	clk *clock.Clock
	p   *Product
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{t: t, clk: clock.NewStopped(time.Now())}
	e.p = New(e.clk, testDelay)
	if err := e.p.Restore(nil, []Accelerator{{AcceleratorId: "ga-1"}, {AcceleratorId: "ga-2"}}); err != nil {
		t.Fatal(err)
	}
	if err := e.p.SetAccount(openAccount); err != nil {
		t.Fatal(err)
	}
	return e
}

// handle calls the product as the engine would, with RegionId=cn-hangzhou unless kv sets it.
// kv alternates parameter names and values.
func (e *env) handle(action string, kv ...string) (map[string]any, error) {
	e.t.Helper()
	params := url.Values{"RegionId": {Region}}
	for i := 0; i+1 < len(kv); i += 2 {
		params.Set(kv[i], kv[i+1])
	}
	resp, err := e.p.Handle(&rpc.Call{Action: action, Params: params, Now: e.clk.Now(), RequestID: "test"})
	if err != nil {
		return nil, err
	}
	raw, mErr := json.Marshal(resp)
	if mErr != nil {
		e.t.Fatalf("%s: response does not marshal: %v", action, mErr)
	}
	var out map[string]any
	if uErr := json.Unmarshal(raw, &out); uErr != nil {
		e.t.Fatalf("%s: response is not a JSON object: %s", action, raw)
	}
	return out, nil
}

// ok calls an action that must succeed.
func (e *env) ok(action string, kv ...string) map[string]any {
	e.t.Helper()
	out, err := e.handle(action, kv...)
	if err != nil {
		e.t.Fatalf("%s %v: %v", action, kv, err)
	}
	return out
}

// create calls CreateBandwidthPackage, which must succeed, and returns the new plan's id.
func (e *env) create(kv ...string) string {
	e.t.Helper()
	return str(e.t, e.ok(actionCreate, kv...), "BandwidthPackageId")
}

// str returns a string field of a response.
func str(t *testing.T, m map[string]any, key string) string {
	t.Helper()
	s, ok := m[key].(string)
	if !ok {
		t.Fatalf("%s = %#v, want a string", key, m[key])
	}
	return s
}

// fails calls an action that must fail with code and HTTP status, and returns the message.
func (e *env) fails(status int, code, action string, kv ...string) string {
	e.t.Helper()
	_, err := e.handle(action, kv...)
	return assertAPIError(e.t, err, status, code)
}

func assertAPIError(t *testing.T, err error, status int, code string) string {
	t.Helper()
	var apiErr *rpc.Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("error = %v, want API error %s", err, code)
	}
	if apiErr.Code != code || apiErr.Status != status {
		t.Fatalf("error = %d %s (%s), want %d %s", apiErr.Status, apiErr.Code, apiErr.Message, status, code)
	}
	return apiErr.Message
}

// settle moves the clock past one delay.
func (e *env) settle() { e.clk.Advance(testDelay + time.Second) }

// createPostpay buys an active pay-as-you-go Basic plan and returns its id.
func (e *env) createPostpay(kv ...string) string {
	e.t.Helper()
	params := append([]string{"Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay}, kv...)
	id := e.create(params...)
	e.settle()
	return id
}

// createCrossDomain buys an active cross-border plan and returns its id.
func (e *env) createCrossDomain() string {
	e.t.Helper()
	id := e.create("Bandwidth", "10", "Type", TypeCrossDomain, "ChargeType", ChargePostpay)
	e.settle()
	return id
}

// bind binds a plan and waits until it is bound.
func (e *env) bind(bp, acc string) {
	e.t.Helper()
	e.ok(actionAddAccelerator, "BandwidthPackageId", bp, "AcceleratorId", acc)
	e.settle()
}

func (e *env) describe(id string) map[string]any {
	e.t.Helper()
	return e.ok(actionDescribe, "BandwidthPackageId", id)
}

func (e *env) accelerator(id string) map[string]any {
	e.t.Helper()
	return e.ok(actionDescribeAcc, "AcceleratorId", id)
}

// expect asserts fields of a response; numbers compare as float64 after the JSON round trip.
func expect(t *testing.T, what string, got map[string]any, want map[string]any) {
	t.Helper()
	for k, v := range want {
		if n, isInt := v.(int); isInt {
			v = float64(n)
		}
		if g := got[k]; !jsonEqual(g, v) {
			t.Errorf("%s: %s = %v, want %v", what, k, g, v)
		}
	}
}

// decode converts a response into a typed value.
func decode(t *testing.T, m map[string]any, v any) {
	t.Helper()
	raw, err := json.Marshal(m)
	if err == nil {
		err = json.Unmarshal(raw, v)
	}
	if err != nil {
		t.Fatalf("decoding %v: %v", m, err)
	}
}

func jsonEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// noMockFields asserts that an API response carries none of the mock's bookkeeping.
func noMockFields(t *testing.T, what string, resp map[string]any) {
	t.Helper()
	raw, _ := json.Marshal(resp)
	if strings.Contains(string(raw), `"Mock`) {
		t.Errorf("%s leaks mock-only fields: %s", what, raw)
	}
}

// payErr pays id's unpaid order and returns only the error.
func (e *env) payErr(id string) error {
	_, err := e.p.PayOrder(id)
	return err
}
