package mockcloud_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"testing"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
)

// officialRecording is a copy of shared/recordings/official-alicloud-ga-bandwidth-package.json:
// the requests the official alicloud Terraform provider sent for the create, reads, update and
// delete of a GA bandwidth plan.
const officialRecording = "testdata/official-alicloud-ga-bandwidth-package.json"

// recordedCall is one request of the recording.
type recordedCall struct {
	Action  string            `json:"Action"`
	Version string            `json:"Version"`
	Method  string            `json:"Method"`
	Params  map[string]string `json:"Params"`
}

// loadRecording reads the official provider's recorded calls.
func loadRecording(t *testing.T) []recordedCall {
	t.Helper()
	data, err := os.ReadFile(officialRecording)
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Calls []recordedCall `json:"calls"`
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Calls) == 0 || rec.Calls[0].Action != "CreateBandwidthPackage" {
		t.Fatalf("the recording does not start with a create: %+v", rec.Calls)
	}
	return rec.Calls
}

// replay sends a recorded call, signed by the SDK's signature version 1.0 signer, as form
// parameters of a POST as the official provider did, with the recorded plan id replaced by id.
func replay(t *testing.T, base string, c recordedCall, recordedID, id string) (map[string]any, error) {
	t.Helper()
	client := mocktest.SDKClient(t, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret)
	req := requests.NewCommonRequest()
	req.Method, req.Scheme, req.Domain = c.Method, "http", mocktest.Host(t, base)
	req.Version, req.ApiName = c.Version, c.Action
	for k, v := range c.Params {
		if k == "Format" { // the SDK sets it
			continue
		}
		if v == recordedID && id != "" {
			v = id
		}
		req.FormParams[k] = v
	}
	resp, err := client.ProcessCommonRequest(req)
	if err != nil {
		return nil, err
	}
	var body map[string]any
	if err := json.Unmarshal(resp.GetHttpContentBytes(), &body); err != nil {
		t.Fatalf("%s: answer is not JSON: %s", c.Action, resp.GetHttpContentString())
	}
	return body, nil
}

// TestOfficialProviderRecordingReplays replays the official provider's GA bandwidth plan
// lifecycle: every call is served (no InvalidAction.NotFound), the reads show the create and
// the update, and the read after the delete finds nothing.
func TestOfficialProviderRecordingReplays(t *testing.T) {
	calls := loadRecording(t)
	// The recording buys a pay-as-you-go plan, a feature the account must have.
	seed := &mockcloud.State{Account: &mockcloud.Account{GA: ga.AccountSettings{GaPostpayEnabled: true}}}
	_, base := startCloud(t, mockcloud.Options{Seed: seed})

	recordedID := calls[1].Params["BandwidthPackageId"]
	var id string
	updated := false
	for i, c := range calls {
		body, err := replay(t, base, c, recordedID, id)
		var se *sdkerrors.ServerError
		if errors.As(err, &se) && se.ErrorCode() == "InvalidAction.NotFound" {
			t.Fatalf("call %d %s: the mock does not serve it", i, c.Action)
		}
		last := i == len(calls)-1
		if last {
			if !errors.As(err, &se) || se.ErrorCode() != ga.CodeNotExistBandwidthPackage || se.HttpStatus() != http.StatusBadRequest {
				t.Fatalf("the read after the delete: %v, want 400 %s", err, ga.CodeNotExistBandwidthPackage)
			}
			continue
		}
		if err != nil {
			t.Fatalf("call %d %s: %v", i, c.Action, err)
		}
		switch c.Action {
		case "CreateBandwidthPackage":
			id, _ = body["BandwidthPackageId"].(string)
			if id == "" {
				t.Fatalf("create answered no id: %v", body)
			}
		case "DescribeBandwidthPackage":
			want := map[string]any{"BandwidthPackageId": id, "Bandwidth": 10.0, "BandwidthType": "Basic", "ChargeType": "POSTPAY", "BillingType": "PayByTraffic"}
			if updated {
				want["Bandwidth"], want["BandwidthType"] = 20.0, "Enhanced"
			}
			for k, v := range want {
				if body[k] != v {
					t.Errorf("call %d %s: %s = %v, want %v", i, c.Action, k, body[k], v)
				}
			}
			if _, ok := body["ResourceGroupId"].(string); !ok {
				t.Errorf("call %d %s: no ResourceGroupId in %v", i, c.Action, body)
			}
		case "DescribeBandwidthPackageAutoRenewAttribute":
			if body["InstanceId"] != id || body["RenewalStatus"] != ga.RenewalManual || body["AutoRenew"] != false {
				t.Errorf("call %d %s: %v", i, c.Action, body)
			}
		case "ListTagResources":
			wrapper, _ := body["TagResources"].(map[string]any)
			if rows, ok := wrapper["TagResource"].([]any); !ok || len(rows) != 0 {
				t.Errorf("call %d %s: want TagResources.TagResource empty, got %v", i, c.Action, body)
			}
		case "UpdateBandwidthPackage":
			updated = true
			if body["BandwidthPackage"] != id {
				t.Errorf("call %d %s: %v", i, c.Action, body)
			}
		case "DeleteBandwidthPackage":
			if body["BandwidthPackageId"] != id {
				t.Errorf("call %d %s: %v", i, c.Action, body)
			}
		}
	}
}

// TestOfficialProviderRecordingOnANewAccount replays the recording's create against a mock whose
// account is new: a pay-as-you-go plan is refused as the cloud refuses it by default.
func TestOfficialProviderRecordingOnANewAccount(t *testing.T) {
	calls := loadRecording(t)
	_, base := startCloud(t, mockcloud.Options{})
	_, err := replay(t, base, calls[0], "", "")
	wantErrorCode(t, err, ga.CodePostpayNotEnabled)
}
