package rpc

import (
	"net/url"
	"strings"
	"testing"
	"unsafe"
)

// within reports whether part's bytes lie inside whole's memory.
func within(part, whole string) bool {
	if part == "" || whole == "" {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(part)))
	w := uintptr(unsafe.Pointer(unsafe.StringData(whole)))
	return p >= w && p < w+uintptr(len(whole))
}

// TestLoggedStringsAreCopies: what the call log and the products keep never shares memory
// with the request it was parsed from, so a short value cannot keep a megabyte body alive.
func TestLoggedStringsAreCopies(t *testing.T) {
	body := "Version=2019-11-20&Name=" + strings.Repeat("x", 100_000)
	params, err := url.ParseQuery(body)
	if err != nil {
		t.Fatal(err)
	}
	version := params.Get("Version")
	if !within(version, body) {
		t.Fatal("url.ParseQuery copied the value: this test no longer shows anything")
	}
	var rec CallRecord
	rec.setShortened("Describe", version, params)
	if within(rec.Version, body) {
		t.Error("the record's Version shares the request body's memory")
	}
	for k, v := range rec.Params {
		if within(v, body) || within(k, body) {
			t.Errorf("the record's %s shares the request body's memory", k)
		}
	}
	for k, vs := range productParams(params) {
		if within(vs[0], body) || within(k, body) {
			t.Errorf("the product's %s shares the request body's memory", k)
		}
	}
}
