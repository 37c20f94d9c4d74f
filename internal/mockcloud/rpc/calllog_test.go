package rpc_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

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
