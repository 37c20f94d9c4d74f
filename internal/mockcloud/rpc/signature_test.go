package rpc_test

import (
	"net/url"
	"testing"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// TestSign checks the published example of Alibaba Cloud's RPC signature documentation
// (ECS DescribeRegions signed with AccessKeyId testid and secret testsecret).
func TestSign(t *testing.T) {
	params := url.Values{
		"Timestamp":        {"2016-02-23T12:46:24Z"},
		"Format":           {"XML"},
		"AccessKeyId":      {"testid"},
		"Action":           {"DescribeRegions"},
		"SignatureMethod":  {"HMAC-SHA1"},
		"SignatureNonce":   {"3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"},
		"Version":          {"2014-05-26"},
		"SignatureVersion": {"1.0"},
		"Signature":        {"ignored"},
	}
	wantToSign := "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML" +
		"%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf" +
		"%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"
	if got := rpc.StringToSign("GET", params); got != wantToSign {
		t.Fatalf("StringToSign:\n got %s\nwant %s", got, wantToSign)
	}
	if got := rpc.Sign(wantToSign, "testsecret"); got != "OLeaidS1JvxuMvnyHOwuJ+uX5qY=" {
		t.Errorf("Sign = %s", got)
	}
}

// TestStringToSign_encoding checks the RFC 3986 rules: space as %20, * as %2A, ~ kept,
// multi-byte characters per byte.
func TestStringToSign_encoding(t *testing.T) {
	got := rpc.StringToSign("POST", url.Values{"K": {"a b*c~é/"}})
	want := "POST&%2F&K%3Da%2520b%252Ac~%25C3%25A9%252F"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
