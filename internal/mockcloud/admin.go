package mockcloud

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// AdminPrefix is the path prefix of the mock's admin endpoints.
const AdminPrefix = "/_mock/"

// ClockResponse is the answer of POST /_mock/clock.
type ClockResponse struct {
	// Now is the virtual time after the advance, RFC 3339 in UTC.
	Now string `json:"Now"`
	// Offset is how far the virtual clock runs ahead of real time, as a Go duration.
	Offset string `json:"Offset"`
}

// DelayResponse is the answer of POST /_mock/delay.
type DelayResponse struct {
	// Delay is how long asynchronous operations now take, as a Go duration.
	Delay string `json:"Delay"`
}

// Response headers of GET /_mock/calls.
const (
	// CallsDroppedHeader says how many of the oldest call records the call log's limits
	// (count or bytes) have dropped.
	CallsDroppedHeader = "X-Mock-Calls-Dropped"
	// CallsLastSeqHeader is the Seq of the newest record in the log (0 before the first
	// call), whatever page was asked for: a reader that wants only later calls asks for
	// since=that value.
	CallsLastSeqHeader = "X-Mock-Calls-Last-Seq"
)

// adminError is the body of a rejected admin request.
type adminError struct {
	Error string `json:"Error"`
}

// Handler serves the API and the /_mock/ admin endpoints:
//
//	GET  /_mock/calls[?since=SEQ][&limit=N]
//	                                     the call log, a JSON array of rpc.CallRecord, oldest
//	                                     first: the records whose Seq is greater than since
//	                                     (default 0: all), at most limit of them (default: no
//	                                     limit); headers X-Mock-Calls-Dropped (how many older
//	                                     records the log's limits dropped) and
//	                                     X-Mock-Calls-Last-Seq (the newest record's Seq)
//	GET  /_mock/state                    the State (access key secrets masked)
//	POST /_mock/clock?advance=DURATION   advances the virtual clock (not back, and at most
//	                                     clock.MaxOffset ahead of real time); answers
//	                                     ClockResponse
//	GET  /_mock/faults                   the current rpc.Faults (scripted faults left)
//	POST /_mock/faults                   body: exactly one JSON object, rpc.Faults; answers
//	                                     the Faults set
//	POST /_mock/delay?value=DURATION     sets the asynchronous delay; answers DelayResponse
//	POST /_mock/pay?bandwidth_package_id=ID
//	                                     pays the GA plan's unpaid order (its purchase, or an
//	                                     upgrade ordered without AutoPay), as the Order Center
//	                                     would; answers the plan as GET /_mock/state shows it
//
// Rejected admin requests get a 400 (or 404/405) with {"Error": "..."}. Every other path goes
// to the RPC engine.
func (c *Cloud) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_mock/calls", c.handleCalls)
	mux.HandleFunc("GET /_mock/state", func(w http.ResponseWriter, _ *http.Request) {
		s := c.State()
		for i := range s.AccessKeys {
			s.AccessKeys[i].AccessKeySecret = "******"
		}
		writeAdminJSON(w, http.StatusOK, s)
	})
	mux.HandleFunc("POST /_mock/clock", func(w http.ResponseWriter, r *http.Request) {
		d, ok := durationParam(w, r, "advance")
		if !ok {
			return
		}
		if err := c.Forward(d); err != nil {
			writeAdminJSON(w, http.StatusBadRequest, adminError{Error: "parameter advance: " + err.Error()})
			return
		}
		writeAdminJSON(w, http.StatusOK, ClockResponse{
			Now:    c.Clock.Now().Format(time.RFC3339),
			Offset: c.Clock.Offset().String(),
		})
	})
	mux.HandleFunc("GET /_mock/faults", func(w http.ResponseWriter, _ *http.Request) {
		writeAdminJSON(w, http.StatusOK, c.Engine.Faults())
	})
	mux.HandleFunc("POST /_mock/faults", func(w http.ResponseWriter, r *http.Request) {
		var f rpc.Faults
		if err := decodeStrictJSON(http.MaxBytesReader(w, r.Body, 1<<20), &f); err != nil {
			writeAdminJSON(w, http.StatusBadRequest, adminError{Error: "the body must be one JSON fault setting " +
				`such as {"ThrottleRate":0.5,"ServerErrorRate":0,"Latency":"100ms","Scripted":[{"Action":"DescribeAccelerator","Count":2,"Code":"Throttling.User"}]} ` +
				`(an empty object {} clears every fault): ` + err.Error()})
			return
		}
		if err := c.SetFaults(f); err != nil {
			writeAdminJSON(w, http.StatusBadRequest, adminError{Error: err.Error()})
			return
		}
		writeAdminJSON(w, http.StatusOK, c.Engine.Faults())
	})
	mux.HandleFunc("POST /_mock/delay", func(w http.ResponseWriter, r *http.Request) {
		d, ok := durationParam(w, r, "value")
		if !ok {
			return
		}
		c.SetDelay(d)
		writeAdminJSON(w, http.StatusOK, DelayResponse{Delay: d.String()})
	})
	mux.HandleFunc("POST /_mock/pay", c.handlePay)
	mux.HandleFunc(AdminPrefix, func(w http.ResponseWriter, r *http.Request) {
		writeAdminJSON(w, http.StatusNotFound, adminError{Error: fmt.Sprintf(
			"no admin endpoint %s %s; see GET /_mock/calls, GET /_mock/state, GET|POST /_mock/faults, POST /_mock/clock?advance=D, "+
				"POST /_mock/delay?value=D, POST /_mock/pay?bandwidth_package_id=ID",
			r.Method, r.URL.Path)})
	})
	mux.Handle("/", c.Engine)
	return mux
}

// handleCalls serves GET /_mock/calls. It writes the records one at a time, so that an answer
// never needs a second copy of the log in memory, however many read it at once.
func (c *Cloud) handleCalls(w http.ResponseWriter, r *http.Request) {
	since, ok := uintParam(w, r, "since", 0)
	if !ok {
		return
	}
	limit, ok := uintParam(w, r, "limit", 1)
	if !ok {
		return
	}
	calls, info := c.Engine.CallLogPage(since, int(min(limit, math.MaxInt32)))
	h := w.Header()
	h.Set(CallsDroppedHeader, strconv.Itoa(info.Dropped))
	h.Set(CallsLastSeqHeader, strconv.FormatUint(info.LastSeq, 10))
	h.Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	if len(calls) == 0 {
		_, _ = io.WriteString(w, "[]\n")
		return
	}
	bw := bufio.NewWriter(w)
	var one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetIndent("  ", "  ")
	for i := range calls {
		one.Reset()
		if err := enc.Encode(&calls[i]); err != nil {
			return
		}
		calls[i] = rpc.CallRecord{} // written: let it go
		sep := ",\n  "
		if i == 0 {
			sep = "[\n  "
		}
		_, _ = bw.WriteString(sep)
		if _, err := bw.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n"))); err != nil {
			return // the client went away; nothing more to say
		}
	}
	_, _ = bw.WriteString("\n]\n")
	_ = bw.Flush()
}

// uintParam reads an optional non-negative integer parameter (absent: 0), answering 400 when
// it is not one or is below lowest.
func uintParam(w http.ResponseWriter, r *http.Request, name string, lowest uint64) (uint64, bool) {
	raw := r.URL.Query().Get(name)
	if raw == "" {
		return 0, true
	}
	n, err := strconv.ParseUint(raw, 10, 64)
	if err != nil || n < lowest {
		writeAdminJSON(w, http.StatusBadRequest, adminError{Error: fmt.Sprintf(
			"parameter %s must be an integer of at least %d, got %q", name, lowest, raw)})
		return 0, false
	}
	return n, true
}

// handlePay serves POST /_mock/pay: 400 without an id, 404 for an unknown plan or one with
// nothing to pay, 409 when the plan is too busy to start its upgrade.
func (c *Cloud) handlePay(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("bandwidth_package_id")
	if id == "" {
		writeAdminJSON(w, http.StatusBadRequest, adminError{Error: "parameter bandwidth_package_id must name a GA bandwidth plan (gbwp-...)"})
		return
	}
	paid, err := c.GA.PayOrder(id)
	if err != nil {
		status := http.StatusConflict
		if apiErr, ok := errors.AsType[*rpc.Error](err); ok &&
			(apiErr.Code == ga.CodeNotExistBandwidthPackage || apiErr.Code == ga.CodeNoUnpaidOrder) {
			status = http.StatusNotFound
		}
		writeAdminJSON(w, status, adminError{Error: fmt.Sprintf("cannot pay an order of bandwidth plan %q: %v", id, err)})
		return
	}
	c.saveLogged()
	writeAdminJSON(w, http.StatusOK, paid)
}

// decodeStrictJSON decodes body into v, which must be a struct: the body must hold exactly
// one JSON object with only v's fields, and nothing after it. A null, an array or a scalar,
// unknown fields, trailing garbage and a second value are errors.
func decodeStrictJSON(body io.Reader, v any) error {
	data, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return errors.New("the body is empty")
	case trimmed[0] != '{':
		return fmt.Errorf("a JSON object must start with {, got %.20q", trimmed)
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("unexpected data after the JSON object, at byte %d", dec.InputOffset())
	}
	return nil
}

// durationParam reads a non-negative Go duration parameter, answering 400 when it is not one.
func durationParam(w http.ResponseWriter, r *http.Request, name string) (time.Duration, bool) {
	raw := r.FormValue(name)
	d, err := time.ParseDuration(raw)
	if err != nil || d < 0 {
		writeAdminJSON(w, http.StatusBadRequest, adminError{Error: fmt.Sprintf(
			"parameter %s must be a non-negative Go duration such as 90m or 2h30m, got %q", name, raw)})
		return 0, false
	}
	return d, true
}

// writeAdminJSON answers an admin request with indented JSON.
func writeAdminJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(data, '\n'))
}
