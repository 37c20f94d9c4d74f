package mockcloud_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"terraform-provider-alibabacloud/internal/mockcloud"
)

// TestSignedRequestScript checks the mock against an independent client: the Python
// standard-library signer in scripts/signed-request.py, with signature 1.0 and V3.
func TestSignedRequestScript(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 is needed for this test: %v", err)
	}
	_, base := startCloud(t, mockcloud.Options{Seed: demoSeed(t)})
	run := func(secret string, extra ...string) (map[string]any, error) {
		args := append([]string{"../../scripts/signed-request.py", "--endpoint", base,
			"--access-key-id", mockcloud.DefaultAccessKeyID, "--access-key-secret", secret}, extra...)
		out, runErr := exec.CommandContext(t.Context(), python, args...).Output()
		var body map[string]any
		if err := json.Unmarshal(out, &body); err != nil {
			t.Fatalf("script output is not JSON (%v, exit: %v): %s", err, runErr, out)
		}
		return body, runErr
	}

	for _, signature := range []string{"1.0", "v3"} {
		for _, method := range []string{"GET", "POST"} {
			body, err := run(mockcloud.DefaultAccessKeySecret, "--signature", signature, "--method", method,
				"--param", "PageSize=10", "--param", "Name=a b*c~")
			if err != nil {
				t.Fatalf("signature %s, %s with the right secret failed: %v %v", signature, method, err, body)
			}
			if n := packageCount(t, body); n != 1 {
				t.Errorf("signature %s, %s: %d packages, want 1", signature, method, n)
			}
		}

		body, err := run("not-the-secret", "--signature", signature)
		if err == nil {
			t.Fatalf("signature %s: a wrong secret succeeded", signature)
		}
		if body["Code"] != "SignatureDoesNotMatch" {
			t.Errorf("signature %s: wrong secret answered %v", signature, body)
		}
		if msg, _ := body["Message"].(string); strings.Contains(msg, mockcloud.DefaultAccessKeySecret) {
			t.Errorf("signature %s: the message reveals the secret", signature)
		}
	}
}
