package mockcloud_test

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
)

// serveWithTimeouts serves a new Cloud with short server timeouts on a free port of the
// loopback interface and returns its address.
func serveWithTimeouts(t *testing.T, d time.Duration) string {
	t.Helper()
	cloud, err := mockcloud.New(mockcloud.Options{ReadHeaderTimeout: d, ReadTimeout: d, WriteTimeout: 10 * d, IdleTimeout: d})
	if err != nil {
		t.Fatal(err)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(t.Context(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	server := cloud.NewHTTPServer()
	go func() { _ = server.Serve(ln) }()
	t.Cleanup(func() { _ = server.Close() })
	return ln.Addr().String()
}

// waitClosed reads from conn until the server closes it; it fails the test when the
// connection is still open after a generous bound (the server's timeout is far shorter).
func waitClosed(t *testing.T, conn net.Conn, what string) {
	t.Helper()
	if err := conn.SetReadDeadline(time.Now().Add(20 * time.Second)); err != nil {
		t.Fatal(err)
	}
	_, err := io.Copy(io.Discard, conn)
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		t.Fatalf("%s: the server kept the connection open", what)
	}
}

// TestNewHTTPServer_timeouts: connections that never finish their headers or their body, or
// that stay idle, are closed by the server.
func TestNewHTTPServer_timeouts(t *testing.T) {
	addr := serveWithTimeouts(t, 200*time.Millisecond)
	dial := func() net.Conn {
		t.Helper()
		var d net.Dialer
		conn, err := d.DialContext(t.Context(), "tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = conn.Close() })
		return conn
	}

	silent := dial()
	waitClosed(t, silent, "a connection that sends nothing")

	halfHeaders := dial()
	if _, err := io.WriteString(halfHeaders, "GET /_mock/calls HTTP/1.1\r\nHost: mock\r\n"); err != nil {
		t.Fatal(err)
	}
	waitClosed(t, halfHeaders, "a request whose headers never end")

	noBody := dial()
	if _, err := io.WriteString(noBody, "POST / HTTP/1.1\r\nHost: mock\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Content-Length: 100\r\n\r\nAction=Desc"); err != nil {
		t.Fatal(err)
	}
	waitClosed(t, noBody, "a request whose body never comes")

	idle := dial()
	if _, err := io.WriteString(idle, "GET /_mock/calls HTTP/1.1\r\nHost: mock\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(idle), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /_mock/calls: %d", resp.StatusCode)
	}
	waitClosed(t, idle, "an idle keep-alive connection")
}

// TestNewHTTPServer_longRequestLine: a 2 MB parameter in the query (over the 1 MiB limit) is
// answered with the API's error document, not net/http's plain-text 431.
func TestNewHTTPServer_longRequestLine(t *testing.T) {
	addr := serveWithTimeouts(t, 10*time.Second)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet,
		"http://"+addr+"/?Action=DescribeBandwidthPackage&Version=2019-11-20&BandwidthPackageId="+strings.Repeat("g", 2<<20), nil)
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	status := mocktest.DoJSON(t, req, &body)
	if status != http.StatusRequestHeaderFieldsTooLarge || body["Code"] != "RequestHeaderFieldsTooLarge" || body["RequestId"] == "" {
		t.Errorf("answer %d %v", status, body)
	}
}

func TestNew_negativeTimeout(t *testing.T) {
	if _, err := mockcloud.New(mockcloud.Options{WriteTimeout: -time.Second}); err == nil {
		t.Error("a negative timeout was accepted")
	}
}
