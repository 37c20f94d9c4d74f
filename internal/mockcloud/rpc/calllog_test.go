package rpc_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// sendUnsigned sends srv an unsigned call of action, which it answers (and logs) as
// MissingAccessKeyId.
func sendUnsigned(t *testing.T, srv *rpc.Server, action string) {
	t.Helper()
	r := httptest.NewRequestWithContext(t.Context(), http.MethodGet, "/?Action="+action+"&Version="+fakeVersion, nil)
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	if w.Code != http.StatusBadRequest {
		t.Fatalf("%s answered %d, want 400", action, w.Code)
	}
}

// logActions sends n unsigned calls named Action1..Actionn and returns the actions the call log keeps, oldest first, and how many
// records it dropped.
func logActions(t *testing.T, limit, n int) ([]string, int) {
	t.Helper()
	srv := rpc.NewServer(rpc.Config{Products: []rpc.Product{&fakeProduct{}}, CallLogLimit: limit})
	for i := 1; i <= n; i++ {
		sendUnsigned(t, srv, fmt.Sprintf("Action%d", i))
	}
	calls, dropped := srv.CallLog()
	sameCall := func(a, b rpc.CallRecord) bool { return a.RequestId == b.RequestId }
	if !slices.EqualFunc(calls, srv.Calls(), sameCall) {
		t.Errorf("Calls() and CallLog() differ")
	}
	actions := make([]string, len(calls))
	for i, c := range calls {
		actions[i] = c.Action
	}
	return actions, dropped
}

func TestCallLog_limit(t *testing.T) {
	tests := map[string]struct {
		limit, calls int
		want         []string
		wantDropped  int
	}{
		"empty":            {limit: 3, calls: 0, want: []string{}},
		"below the limit":  {limit: 3, calls: 2, want: []string{"Action1", "Action2"}},
		"at the limit":     {limit: 3, calls: 3, want: []string{"Action1", "Action2", "Action3"}},
		"one over":         {limit: 3, calls: 4, want: []string{"Action2", "Action3", "Action4"}, wantDropped: 1},
		"wrapped twice":    {limit: 3, calls: 8, want: []string{"Action6", "Action7", "Action8"}, wantDropped: 5},
		"limit one":        {limit: 1, calls: 5, want: []string{"Action5"}, wantDropped: 4},
		"zero is no limit": {limit: 0, calls: 5, want: []string{"Action1", "Action2", "Action3", "Action4", "Action5"}},
		"negative is zero": {limit: -1, calls: 2, want: []string{"Action1", "Action2"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, dropped := logActions(t, tt.limit, tt.calls)
			if !slices.Equal(got, tt.want) || dropped != tt.wantDropped {
				t.Errorf("log = %v (%d dropped), want %v (%d dropped)", got, dropped, tt.want, tt.wantDropped)
			}
		})
	}
}

// TestCallLog_copy checks that the log handed out is a copy: changing it changes nothing kept.
func TestCallLog_copy(t *testing.T) {
	srv := rpc.NewServer(rpc.Config{Products: []rpc.Product{&fakeProduct{}}, CallLogLimit: 2})
	for range 3 {
		sendUnsigned(t, srv, "A")
	}
	calls := srv.Calls()
	calls[0].Action = "Changed"
	if again := srv.Calls(); again[0].Action != "A" {
		t.Errorf("the kept log changed with the copy: %+v", again[0])
	}
}

// sendUnsignedPost sends srv an unsigned POST call of action with the form body.
func sendUnsignedPost(t *testing.T, srv *rpc.Server, action string, form url.Values) {
	t.Helper()
	form.Set("Action", action)
	form.Set("Version", fakeVersion)
	r := httptest.NewRequestWithContext(t.Context(), http.MethodPost, "/", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	if w.Code != http.StatusBadRequest {
		t.Fatalf("%s answered %d, want 400: %s", action, w.Code, w.Body)
	}
}

// TestCallLog_truncates: long values, long names and many parameters are shortened in the
// log (marked, and the record flagged), short ones are kept whole.
func TestCallLog_truncates(t *testing.T) {
	srv := rpc.NewServer(rpc.Config{Products: []rpc.Product{&fakeProduct{}}})
	// 501,201 bytes; byte 1024 is the second byte of an "é", so the cut falls before it.
	long := "a" + strings.Repeat("é", 600) + strings.Repeat("b", 500_000)
	form := url.Values{"Long": {long}, "Short": {"kept"}, strings.Repeat("N", 5000): {"x"}}
	sendUnsignedPost(t, srv, "Big", form)
	many := url.Values{}
	for i := range 200 {
		many.Set(fmt.Sprintf("P%03d", i), "v")
	}
	sendUnsignedPost(t, srv, "Many", many)
	sendUnsignedPost(t, srv, "Small", url.Values{"A": {"b"}})

	calls := srv.Calls()
	if len(calls) != 3 {
		t.Fatalf("log holds %d records", len(calls))
	}
	big, manyRec, small := calls[0], calls[1], calls[2]
	got := big.Params["Long"]
	wantPrefix := "a" + strings.Repeat("é", rpc.MaxLoggedStringBytes/2-1) + rpc.TruncatedSuffix
	if !big.Truncated || !strings.HasPrefix(got, wantPrefix) || !strings.HasSuffix(got, rpc.TruncatedSuffix+"501201 bytes]") ||
		len(got) > rpc.MaxLoggedStringBytes+40 || !utf8.ValidString(got) {
		t.Errorf("long value logged as %.80q... (%d bytes, truncated %v)", got, len(got), big.Truncated)
	}
	if big.Params["Short"] != "kept" {
		t.Errorf("short value logged as %q", big.Params["Short"])
	}
	for name := range big.Params {
		if len(name) > rpc.MaxLoggedStringBytes+40 {
			t.Errorf("a %d-byte parameter name was logged whole", len(name))
		}
	}
	if !manyRec.Truncated || len(manyRec.Params) != rpc.MaxLoggedParams || manyRec.Params["P000"] != "v" {
		t.Errorf("200 parameters logged as %d (truncated %v)", len(manyRec.Params), manyRec.Truncated)
	}
	if small.Truncated || small.Params["A"] != "b" {
		t.Errorf("a small record was marked or changed: %+v", small)
	}
}

// TestCallLog_byteBudget: the log drops its oldest records to stay within its byte budget,
// counting what it keeps.
func TestCallLog_byteBudget(t *testing.T) {
	const budget = 40_000
	srv := rpc.NewServer(rpc.Config{Products: []rpc.Product{&fakeProduct{}}, CallLogBytes: budget})
	value := strings.Repeat("v", 900_000) // as the flood of issue 12: 0.9 MB a request
	for i := range 120 {
		sendUnsignedPost(t, srv, fmt.Sprintf("Flood%d", i), url.Values{"Value": {value}})
	}
	calls, info := srv.CallLogPage(0, 0)
	if info.Bytes > budget || info.Records != len(calls) || info.Records+info.Dropped != 120 || info.LastSeq != 120 {
		t.Fatalf("log %+v for a budget of %d bytes", info, budget)
	}
	// One record is its strings plus a fixed overhead: about 1.3 kB here.
	if info.Records < 20 {
		t.Errorf("only %d records fit %d bytes", info.Records, budget)
	}
	if calls[len(calls)-1].Action != "Flood119" || calls[len(calls)-1].Seq != 120 {
		t.Errorf("newest record %+v", calls[len(calls)-1])
	}
}

// TestCallLog_page: records are numbered from 1; a page holds the records after since, at
// most limit of them, oldest first, also after the oldest were dropped.
func TestCallLog_page(t *testing.T) {
	srv := rpc.NewServer(rpc.Config{Products: []rpc.Product{&fakeProduct{}}, CallLogLimit: 5})
	for i := 1; i <= 8; i++ {
		sendUnsigned(t, srv, fmt.Sprintf("Action%d", i))
	}
	seqs := func(calls []rpc.CallRecord) []uint64 {
		out := []uint64{}
		for _, c := range calls {
			out = append(out, c.Seq)
		}
		return out
	}
	tests := []struct {
		since uint64
		limit int
		want  []uint64
	}{
		{0, 0, []uint64{4, 5, 6, 7, 8}},
		{0, 2, []uint64{4, 5}},
		{5, 0, []uint64{6, 7, 8}},
		{5, 2, []uint64{6, 7}},
		{8, 0, []uint64{}},
		{100, 3, []uint64{}},
	}
	for _, tt := range tests {
		calls, info := srv.CallLogPage(tt.since, tt.limit)
		if got := seqs(calls); !slices.Equal(got, tt.want) {
			t.Errorf("since=%d limit=%d: %v, want %v", tt.since, tt.limit, got, tt.want)
		}
		if info.LastSeq != 8 || info.Dropped != 3 || info.Records != 5 {
			t.Errorf("info %+v", info)
		}
	}
	if calls, _ := srv.CallLogPage(5, 1); len(calls) != 1 || calls[0].Action != "Action6" {
		t.Errorf("record 6 is %+v", calls)
	}
}
