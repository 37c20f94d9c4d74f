package rpc

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"maps"
	mathrand "math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
)

// Signature validity: a Timestamp may differ from the server's wall clock by at most this
// much, and a SignatureNonce may not be used twice within it.
const signatureWindow = 15 * time.Minute

// Request size limits the engine answers in the API's error shape (Config can lower them).
const (
	// DefaultMaxHeaderBytes bounds a request's line and headers: a longer one is answered
	// 431 RequestHeaderFieldsTooLarge. The HTTP server must accept somewhat more than this for
	// the engine to see such a request (Cloud.NewHTTPServer accepts four times as much);
	// beyond the server's own limit net/http answers 431 in plain text.
	DefaultMaxHeaderBytes = 1 << 20
	// DefaultMaxBodyBytes bounds a request body: a longer one is answered 413
	// RequestEntityTooLarge.
	DefaultMaxBodyBytes = 1 << 20
)

// commonParams are the parameters the engine consumes; products never see them.
var commonParams = map[string]bool{
	"Action": true, "Version": true, "Format": true, "Timestamp": true, "AccessKeyId": true,
	"Signature": true, "SignatureMethod": true, "SignatureNonce": true, "SignatureVersion": true,
	"SignatureType": true, "SecurityToken": true, "BearerToken": true,
}

// loggedCommonParams are the common parameters the call log shows among the product's own;
// the others are signature fields, credentials beyond the key id, or held by the record's
// own fields (Action, Version).
var loggedCommonParams = map[string]bool{"AccessKeyId": true, "Format": true}

// requiredSignatureParams must be present on every API request, in the order they are checked.
var requiredSignatureParams = []string{
	"AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp",
}

// Config assembles a Server.
type Config struct {
	// Products are the APIs served, one per Version.
	Products []Product
	// Clock is the virtual clock products run on; nil means a fresh real-time clock.
	Clock *clock.Clock
	// Keys maps AccessKeyId to AccessKeySecret.
	Keys map[string]string
	// Rand decides which calls ThrottleRate and ServerErrorRate hit; nil seeds one at random.
	// Tests pass a fixed seed to be deterministic.
	Rand *mathrand.Rand
	// WallClock is the real time Timestamp and nonce checks use; nil means time.Now.
	WallClock func() time.Time
	// OnSuccess, when set, is called after a product handled a call without error (also when
	// its response is then dropped by a fault). It runs on the request's goroutine.
	OnSuccess func(call *Call)
	// CallLogLimit is how many records the call log keeps, the oldest dropped first; zero
	// (or a negative value) keeps every record, as a mock that serves one test wants.
	CallLogLimit int
	// MaxHeaderBytes and MaxBodyBytes bound a request's line and headers and its body; zero
	// means DefaultMaxHeaderBytes and DefaultMaxBodyBytes.
	MaxHeaderBytes, MaxBodyBytes int
	// CallLogBytes is the call log's byte budget (its records' strings plus a small overhead
	// each), the oldest records dropped first; zero (or a negative value) means no budget.
	// Every record is bounded anyway (MaxLoggedStringBytes, MaxLoggedParams).
	CallLogBytes int64
}

// Server is the protocol engine; it implements http.Handler.
type Server struct {
	products  map[string]Product // by Version
	clock     *clock.Clock
	maxHeader int
	maxBody   int
	wall      func() time.Time
	onSuccess func(call *Call)

	mu         sync.Mutex
	keys       map[string]string
	rng        *mathrand.Rand
	faults     Faults
	latency    time.Duration
	spike      time.Duration
	flow       flowControl
	nonces     map[string]time.Time
	nonceOrder []nonceEntry
	calls      callLog
}

type nonceEntry struct {
	key  string
	seen time.Time
}

// NewServer returns an engine serving the given products.
func NewServer(cfg Config) *Server {
	s := &Server{
		products:  make(map[string]Product, len(cfg.Products)),
		clock:     cfg.Clock,
		maxHeader: cmp.Or(max(cfg.MaxHeaderBytes, 0), DefaultMaxHeaderBytes),
		maxBody:   cmp.Or(max(cfg.MaxBodyBytes, 0), DefaultMaxBodyBytes),
		wall:      cfg.WallClock,
		onSuccess: cfg.OnSuccess,
		keys:      make(map[string]string, len(cfg.Keys)),
		rng:       cfg.Rand,
		nonces:    make(map[string]time.Time),
		calls:     callLog{maxRecords: max(cfg.CallLogLimit, 0), maxBytes: max(cfg.CallLogBytes, 0)},
	}
	for _, p := range cfg.Products {
		s.products[p.Version()] = p
	}
	for id, secret := range cfg.Keys {
		s.keys[id] = secret
	}
	if s.clock == nil {
		s.clock = clock.New()
	}
	if s.wall == nil {
		s.wall = time.Now
	}
	if s.rng == nil {
		s.rng = mathrand.New(mathrand.NewPCG(mathrand.Uint64(), mathrand.Uint64())) //nolint:gosec // fault rates, not security
	}
	return s
}

// SetFaults replaces the fault-injection setting. It rejects rates outside 0..1, an
// unparsable or negative Latency, and scripted faults with a negative Count or a Status that
// is not an HTTP error status, and rate limits that are not above 0 (or name no action). A
// scripted fault with Count 0 fails one call; one without Code answers 503
// ServiceUnavailable, one with a Code but no Status answers 400. Setting the faults refills
// every rate-limit bucket.
func (s *Server) SetFaults(f Faults) error {
	if f.ThrottleRate < 0 || f.ThrottleRate > 1 {
		return fmt.Errorf("ThrottleRate must be between 0 and 1, got %v", f.ThrottleRate)
	}
	if f.ServerErrorRate < 0 || f.ServerErrorRate > 1 {
		return fmt.Errorf("ServerErrorRate must be between 0 and 1, got %v", f.ServerErrorRate)
	}
	if f.LatencySpikeRate < 0 || f.LatencySpikeRate > 1 {
		return fmt.Errorf("LatencySpikeRate must be between 0 and 1, got %v", f.LatencySpikeRate)
	}
	if f.DropResponseRate < 0 || f.DropResponseRate > 1 {
		return fmt.Errorf("DropResponseRate must be between 0 and 1, got %v", f.DropResponseRate)
	}
	latency, err := parseLatency("Latency", f.Latency)
	if err != nil {
		return err
	}
	spike, err := parseLatency("LatencySpike", f.LatencySpike)
	if err != nil {
		return err
	}
	scripted := make([]ScriptedFault, 0, len(f.Scripted))
	for i, sf := range f.Scripted {
		switch {
		case sf.Count < 0:
			return fmt.Errorf("Scripted[%d].Count must not be negative, got %d", i, sf.Count) //nolint:staticcheck // field name
		case sf.Status != 0 && (sf.Status < 400 || sf.Status > 599):
			return fmt.Errorf("Scripted[%d].Status must be an HTTP error status (400-599), got %d", i, sf.Status) //nolint:staticcheck // field name
		}
		if sf.Count == 0 {
			sf.Count = 1
		}
		if !sf.DropResponse {
			if sf.Code == "" {
				sf.Code, sf.Message = errServiceUnavailable.Code, errServiceUnavailable.Message
				if sf.Status == 0 {
					sf.Status = errServiceUnavailable.Status
				}
			}
			if sf.Status == 0 {
				sf.Status = http.StatusBadRequest
			}
			if sf.Message == "" {
				sf.Message = "Scripted fault injected by the mock cloud."
			}
		}
		scripted = append(scripted, sf)
	}
	f.Scripted = scripted
	if err := checkRates("RateLimits", f.RateLimits); err != nil {
		return err
	}
	if err := checkRates("ApiRateLimits", f.APIRateLimits); err != nil {
		return err
	}
	f.RateLimits, f.APIRateLimits = maps.Clone(f.RateLimits), maps.Clone(f.APIRateLimits)

	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = f
	s.latency = latency
	s.spike = spike
	s.flow = newFlowControl(f.RateLimits, f.APIRateLimits)
	return nil
}

// Faults returns the current fault-injection setting, with the scripted faults left.
func (s *Server) Faults() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faults
	f.Scripted = slices.Clone(f.Scripted)
	f.RateLimits, f.APIRateLimits = maps.Clone(f.RateLimits), maps.Clone(f.APIRateLimits)
	return f
}

// AddKey accepts one more key pair (replacing the secret of a known AccessKeyId).
func (s *Server) AddKey(k AccessKey) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keys[k.AccessKeyId] = k.AccessKeySecret
}

// Keys lists the accepted key pairs, sorted by AccessKeyId.
func (s *Server) Keys() []AccessKey {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]AccessKey, 0, len(s.keys))
	for id, secret := range s.keys {
		keys = append(keys, AccessKey{AccessKeyId: id, AccessKeySecret: secret})
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].AccessKeyId < keys[j].AccessKeyId })
	return keys
}

// Calls returns a copy of the call log, oldest first.
func (s *Server) Calls() []CallRecord {
	calls, _ := s.CallLog()
	return calls
}

// CallLog returns a copy of the call log, oldest first, and how many older records its
// limits (Config.CallLogLimit, Config.CallLogBytes) have dropped from it.
func (s *Server) CallLog() (calls []CallRecord, dropped int) {
	calls, info := s.CallLogPage(0, 0)
	return calls, info.Dropped
}

// CallLogPage returns a copy of the records whose Seq is greater than since, oldest first, at
// most limit of them (all when limit is zero or less), and a description of the whole log.
func (s *Server) CallLogPage(since uint64, limit int) ([]CallRecord, CallLogInfo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls.page(since, limit), s.calls.info()
}

// exchange is one request being answered.
type exchange struct {
	w       http.ResponseWriter
	r       *http.Request
	format  string
	action  string // whole, where the record may hold it shortened
	keyID   string // the verified AccessKeyId
	body    []byte
	product Product
	record  CallRecord
}

// ServeHTTP implements http.Handler: it verifies the request, applies faults, dispatches the
// call to the product serving its Version and answers in the requested format.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ex := &exchange{w: w, r: r, format: formatJSON}
	ex.record = CallRecord{Time: s.clock.Now(), RequestId: newRequestID()}

	params, apiErr := s.readParams(ex)
	if apiErr != nil {
		s.answerError(ex, apiErr)
		return
	}

	if isSignatureV3(r) {
		// Signature V3 names the action and version in headers.
		ex.action = r.Header.Get(headerAction)
		ex.record.setShortened(ex.action, r.Header.Get(headerVersion), params)
	}
	product, keyID, apiErr := s.authenticate(ex, params)
	ex.product = product
	if apiErr != nil {
		s.answerError(ex, apiErr)
		return
	}
	ex.keyID = keyID

	fault, apiErr := s.injectFault(ex)
	if apiErr != nil {
		s.answerError(ex, apiErr)
		return
	}

	call := &Call{
		Action:    ex.action,
		Params:    productParams(params),
		Now:       s.clock.Now(),
		RequestID: ex.record.RequestId,
	}
	result, err := s.dispatch(product, call)
	if err == nil && s.onSuccess != nil {
		s.onSuccess(call)
	}
	if fault != nil && fault.DropResponse {
		s.drop(ex, err)
		return
	}
	if err != nil {
		s.answerError(ex, asAPIError(err))
		return
	}
	s.answer(ex, result)
}

// Answers to requests the gateway refuses before looking at their parameters.
var (
	// errUnsupportedMethod is the gateway's documented answer to a method other than GET and
	// POST.
	errUnsupportedMethod = NewError(http.StatusForbidden, "UnsupportedHTTPMethod", "This http method not supported.")
)

// readParams checks the request's method and size, reads its parameters (query and form
// body) and fills in the exchange's format, action and call record.
func (s *Server) readParams(ex *exchange) (url.Values, *Error) {
	r := ex.r
	query, queryErr := url.ParseQuery(r.URL.RawQuery)
	ex.format = responseFormat(query.Get("Format"))
	ex.action = query.Get("Action")
	ex.record.setShortened(ex.action, query.Get("Version"), query)
	switch {
	case r.Method != http.MethodGet && r.Method != http.MethodPost:
		return nil, errUnsupportedMethod
	case headerBytes(r) > s.maxHeader:
		return nil, NewError(http.StatusRequestHeaderFieldsTooLarge, "RequestHeaderFieldsTooLarge", fmt.Sprintf(
			"The request line and headers are longer than the %d bytes accepted; send long parameters in a POST body.", s.maxHeader))
	case queryErr != nil:
		return nil, NewError(http.StatusBadRequest, CodeInvalidParameter, "The query string could not be read: "+queryErr.Error())
	}

	body, err := io.ReadAll(http.MaxBytesReader(ex.w, r.Body, int64(s.maxBody)))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return nil, NewError(http.StatusRequestEntityTooLarge, "RequestEntityTooLarge",
				fmt.Sprintf("The request body is longer than the %d bytes accepted.", s.maxBody))
		}
		return nil, NewError(http.StatusBadRequest, CodeInvalidParameter, "The request body could not be read: "+err.Error())
	}
	ex.body = body
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err := r.ParseForm(); err != nil {
		return nil, NewError(http.StatusBadRequest, CodeInvalidParameter, "The request parameters could not be read: "+err.Error())
	}
	params := mergedParams(r)
	ex.format = responseFormat(params.Get("Format"))
	ex.action = params.Get("Action")
	ex.record.setShortened(ex.action, params.Get("Version"), params)
	for _, values := range []url.Values{query, r.PostForm} {
		if name := repeatedName(values); name != "" {
			short, _ := shorten(name)
			return nil, InvalidParameter(short, "it is given more than once; give each parameter once")
		}
	}
	return params, nil
}

// headerBytes is the size of a request's line and headers, as a server reads them.
func headerBytes(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + 4 + len("Host: \r\n") + len(r.Host)
	for name, values := range r.Header {
		for _, v := range values {
			n += len(name) + len(v) + 4
		}
	}
	return n
}

// repeatedName returns the first name (in sorted order) that values holds more than once, or "".
func repeatedName(values url.Values) string {
	var repeated []string
	for name, vs := range values {
		if len(vs) > 1 {
			repeated = append(repeated, name)
		}
	}
	if len(repeated) == 0 {
		return ""
	}
	sort.Strings(repeated)
	return repeated[0]
}

// useNonce records a nonce and reports whether it was unused within the signature window.
func (s *Server) useNonce(key string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	cutoff := now.Add(-signatureWindow)
	drop := 0
	for drop < len(s.nonceOrder) && s.nonceOrder[drop].seen.Before(cutoff) {
		if s.nonces[s.nonceOrder[drop].key].Equal(s.nonceOrder[drop].seen) {
			delete(s.nonces, s.nonceOrder[drop].key)
		}
		drop++
	}
	s.nonceOrder = s.nonceOrder[drop:]
	if seen, used := s.nonces[key]; used && !seen.Before(cutoff) {
		return false
	}
	s.nonces[key] = now
	s.nonceOrder = append(s.nonceOrder, nonceEntry{key: key, seen: now})
	return true
}

// parseLatency reads a duration fault field; "" is none.
func parseLatency(field, text string) (time.Duration, error) {
	if text == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(text)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%s must be a non-negative Go duration such as \"250ms\", got %q", field, text)
	}
	return d, nil
}

// droppedResponse is the fault DropResponseRate picks: the call runs, its answer is lost.
var droppedResponse = ScriptedFault{DropResponse: true}

// injectFault applies the latency (and a latency spike, at its rate) and picks the fault for
// this call: the rate limits, a scripted fault of the action (returned, so that DropResponse
// can act after the call), then the random rates.
func (s *Server) injectFault(ex *exchange) (*ScriptedFault, *Error) {
	s.mu.Lock()
	latency := s.latency
	if s.faults.LatencySpikeRate > 0 && s.rng.Float64() < s.faults.LatencySpikeRate {
		latency += s.spike
	}
	s.mu.Unlock()
	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-ex.r.Context().Done():
			t.Stop()
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if apiErr := s.flow.admit(ex.keyID, ex.action, s.clock.Now()); apiErr != nil {
		return nil, apiErr
	}
	for i := range s.faults.Scripted {
		sf := &s.faults.Scripted[i]
		if sf.Action != "" && sf.Action != ex.action {
			continue
		}
		fault := *sf
		sf.Count--
		if sf.Count <= 0 {
			s.faults.Scripted = slices.Delete(s.faults.Scripted, i, i+1)
		}
		if fault.DropResponse {
			return &fault, nil
		}
		return &fault, NewError(fault.Status, fault.Code, fault.Message)
	}
	if s.faults.ThrottleRate > 0 && s.rng.Float64() < s.faults.ThrottleRate {
		return nil, errThrottlingUser
	}
	if s.faults.ServerErrorRate > 0 && s.rng.Float64() < s.faults.ServerErrorRate {
		return nil, errServiceUnavailable
	}
	if s.faults.DropResponseRate > 0 && s.rng.Float64() < s.faults.DropResponseRate {
		fault := droppedResponse
		return &fault, nil
	}
	return nil, nil
}

// errServiceUnavailable is the real service's answer when a backend is down.
var errServiceUnavailable = NewError(http.StatusServiceUnavailable, "ServiceUnavailable",
	"The request has failed due to a temporary failure of the server.")

// internalErrorMessage is the real service's message for InternalError.
const internalErrorMessage = "The request processing has failed due to some unknown error, exception or failure."

// dispatch runs the call on the product, turning a panic into an error.
func (s *Server) dispatch(product Product, call *Call) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			result, err = nil, fmt.Errorf("product %s panicked on %s: %v", product.Name(), call.Action, p)
		}
	}()
	return product.Handle(call)
}

// asAPIError maps a product's error to the API error answered: an *Error as is, anything
// else a 500 InternalError that names the cause for whoever debugs the mock.
func asAPIError(err error) *Error {
	var apiErr *Error
	if errors.As(err, &apiErr) {
		return apiErr
	}
	return NewError(http.StatusInternalServerError, "InternalError", internalErrorMessage+" (mock: "+err.Error()+")")
}

// errorBody is the real service's error shape, in its field order.
type errorBody struct {
	RequestId string `json:"RequestId"` //nolint:revive // the API's own field name
	HostId    string `json:"HostId"`    //nolint:revive // the API's own field name
	Code      string `json:"Code"`
	Message   string `json:"Message"`
	Recommend string `json:"Recommend"`
}

// answerError writes an API error and logs the call.
func (s *Server) answerError(ex *exchange, apiErr *Error) {
	productName := ""
	if ex.product != nil {
		productName = ex.product.Name()
	}
	body := errorBody{
		RequestId: ex.record.RequestId,
		HostId:    ex.r.Host,
		Code:      apiErr.Code,
		Message:   apiErr.Message,
		Recommend: "https://api.aliyun.com/troubleshoot?q=" + url.QueryEscape(apiErr.Code) + "&product=" + productName,
	}
	s.write(ex, "Error", apiErr.Status, apiErr.Code, body)
}

// answer writes a product's successful result and logs the call.
func (s *Server) answer(ex *exchange, result any) {
	s.write(ex, ex.action+"Response", http.StatusOK, "", result)
}

// write encodes v (RequestId added first) in the exchange's format, sends it and logs the call.
func (s *Server) write(ex *exchange, xmlRoot string, status int, code string, v any) {
	var body []byte
	var err error
	eb, isErr := v.(errorBody)
	if isErr {
		body, err = marshalJSON(eb)
	} else {
		body, err = withRequestID(v, ex.record.RequestId)
	}
	if err == nil && ex.format == formatXML {
		body, err = jsonToXML(xmlRoot, body)
	}
	if err != nil {
		if isErr {
			// Encoding our own error shape cannot fail; give up on this response.
			http.Error(ex.w, "mock cloud: "+err.Error(), http.StatusInternalServerError)
			s.log(ex.record, "InternalError", http.StatusInternalServerError)
			return
		}
		s.answerError(ex, asAPIError(err))
		return
	}
	h := ex.w.Header()
	h.Set("Content-Type", contentType(ex.format))
	h.Set("x-acs-request-id", ex.record.RequestId)
	ex.w.WriteHeader(status)
	_, _ = ex.w.Write(body)
	s.log(ex.record, code, status)
}

// drop closes the connection without answering, as a network failure after the server acted.
func (s *Server) drop(ex *exchange, callErr error) {
	code := ""
	if callErr != nil {
		code = asAPIError(callErr).Code
	}
	s.log(ex.record, code, 0)
	if hj, ok := ex.w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler) // net/http aborts the response without logging
}

// log appends a finished call to the call log.
func (s *Server) log(rec CallRecord, code string, status int) {
	rec.Code, rec.Status = code, status
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls.add(rec)
}

// mergedParams merges the query and the form body from what ParseForm read (r.Form holds
// both, the body's values first). A key in both takes the body's values alone, as the
// official SDKs sign it (they build one map, form parameters last).
func mergedParams(r *http.Request) url.Values {
	params := make(url.Values, len(r.Form))
	for k, vs := range r.Form {
		if body, ok := r.PostForm[k]; ok {
			vs = body
		}
		params[k] = vs
	}
	return params
}

// productParams copies the parameters a product sees: all but the common ones.
// The strings are copied: a parameter parsed from a request shares the memory of the whole
// query or body, which a product that keeps the value would otherwise keep alive.
func productParams(params url.Values) url.Values {
	out := make(url.Values, len(params))
	for k, vs := range params {
		if !commonParams[k] {
			copied := make([]string, len(vs))
			for i, v := range vs {
				copied[i] = strings.Clone(v)
			}
			out[strings.Clone(k)] = copied
		}
	}
	return out
}

// newRequestID returns a random (version 4) UUID in upper case, like the real RequestId.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return strings.ToUpper(fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:]))
}
