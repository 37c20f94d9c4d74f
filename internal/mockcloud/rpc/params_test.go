package rpc_test

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// wantParamError checks that err is the *rpc.Error with code, HTTP 400, and a message naming
// the parameter.
func wantParamError(t *testing.T, err error, code, param string) {
	t.Helper()
	var apiErr *rpc.Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want *rpc.Error %s", err, code)
	}
	if apiErr.Code != code || apiErr.Status != http.StatusBadRequest || !strings.Contains(apiErr.Message, param) {
		t.Errorf("err = %d %s %q, want 400 %s naming %s", apiErr.Status, apiErr.Code, apiErr.Message, code, param)
	}
}

func TestRequired(t *testing.T) {
	params := url.Values{"Name": {"x"}, "Empty": {""}}
	if v, err := rpc.Required(params, "Name"); v != "x" || err != nil {
		t.Errorf("Required(Name) = %q, %v; want x, nil", v, err)
	}
	for _, name := range []string{"Empty", "Absent"} {
		_, err := rpc.Required(params, name)
		wantParamError(t, err, "Missing"+name, name)
	}
}

func TestOptionalInt(t *testing.T) {
	tests := map[string]struct {
		text   string
		want   int
		wantOK bool
		bad    bool
	}{
		"absent":       {text: "", want: 0, wantOK: false},
		"low bound":    {text: "1", want: 1, wantOK: true},
		"high bound":   {text: "50", want: 50, wantOK: true},
		"below":        {text: "0", bad: true},
		"above":        {text: "51", bad: true},
		"fraction":     {text: "2.5", bad: true},
		"text":         {text: "ten", bad: true},
		"overflow":     {text: "99999999999999999999", bad: true},
		"leading plus": {text: "+7", want: 7, wantOK: true},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			params := url.Values{}
			if tt.text != "" {
				params.Set("PageSize", tt.text)
			}
			n, ok, err := rpc.OptionalInt(params, "PageSize", 1, 50)
			if tt.bad {
				wantParamError(t, err, rpc.CodeInvalidParameter, "PageSize")
				return
			}
			if err != nil || n != tt.want || ok != tt.wantOK {
				t.Errorf("OptionalInt(%q) = %d, %v, %v; want %d, %v, nil", tt.text, n, ok, err, tt.want, tt.wantOK)
			}
		})
	}
}

func TestIntParam(t *testing.T) {
	if n, err := rpc.IntParam(url.Values{}, "PageNumber", 1, 1, 100); n != 1 || err != nil {
		t.Errorf("absent: %d, %v; want the default 1, nil", n, err)
	}
	if n, err := rpc.IntParam(url.Values{"PageNumber": {"3"}}, "PageNumber", 1, 1, 100); n != 3 || err != nil {
		t.Errorf("3: %d, %v; want 3, nil", n, err)
	}
	_, err := rpc.IntParam(url.Values{"PageNumber": {"0"}}, "PageNumber", 1, 1, 100)
	wantParamError(t, err, rpc.CodeInvalidParameter, "PageNumber")
	if !strings.Contains(err.Error(), "from 1 to 100") {
		t.Errorf("message %q should give the range", err)
	}
}

func TestRequiredInt(t *testing.T) {
	if n, err := rpc.RequiredInt(url.Values{"Bandwidth": {"20"}}, "Bandwidth", 2, 10000); n != 20 || err != nil {
		t.Errorf("20: %d, %v; want 20, nil", n, err)
	}
	_, err := rpc.RequiredInt(url.Values{}, "Bandwidth", 2, 10000)
	wantParamError(t, err, "MissingBandwidth", "Bandwidth")
	_, err = rpc.RequiredInt(url.Values{"Bandwidth": {"1"}}, "Bandwidth", 2, 10000)
	wantParamError(t, err, rpc.CodeInvalidParameter, "Bandwidth")
}

func TestOptionalBool(t *testing.T) {
	tests := map[string]bool{"": false, "false": false, "False": false, "FALSE": false, "true": true, "True": true, "tRUE": true}
	for text, want := range tests {
		got, err := rpc.OptionalBool(url.Values{"AutoPay": {text}}, "AutoPay")
		if got != want || err != nil {
			t.Errorf("OptionalBool(%q) = %v, %v; want %v, nil", text, got, err, want)
		}
	}
	if got, err := rpc.OptionalBool(url.Values{}, "AutoPay"); got || err != nil {
		t.Errorf("absent: %v, %v; want false, nil", got, err)
	}
	for _, text := range []string{"yes", "1", "0", "on"} {
		_, err := rpc.OptionalBool(url.Values{"AutoPay": {text}}, "AutoPay")
		wantParamError(t, err, rpc.CodeInvalidParameter, "AutoPay")
	}
}

func TestTagParams(t *testing.T) {
	tags, err := rpc.TagParams(url.Values{
		"Tag.2.Key": {"team"}, "Tag.1.Key": {"env"}, "Tag.1.Value": {""}, "Tag.3.Value": {"v"}, "Other": {"x"},
	}, 20)
	if err != nil {
		t.Fatal(err)
	}
	want := []rpc.TagParam{
		{N: 1, Key: "env", Value: "", HasValue: true},
		{N: 2, Key: "team"},
		{N: 3, Value: "v", HasValue: true},
	}
	if len(tags) != len(want) {
		t.Fatalf("TagParams = %+v, want %+v", tags, want)
	}
	for i := range want {
		if tags[i] != want[i] {
			t.Errorf("tag %d = %+v, want %+v", i, tags[i], want[i])
		}
	}

	_, err = rpc.TagParams(url.Values{"Tag.1.Name": {"x"}}, 20)
	wantParamError(t, err, rpc.CodeInvalidParameter, "Tag.1.Name")
	_, err = rpc.TagParams(url.Values{"Tag.21.Key": {"x"}}, 20)
	wantParamError(t, err, rpc.CodeInvalidParameter, "Tag.21.Key")
}
