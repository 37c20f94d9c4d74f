package cen

import (
	"context"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"terraform-provider-alibabacloud/internal/conns"
)

func TestWaitTempUpgradeAppliedRidesOutRetryableErrors(t *testing.T) {
	end := testNow.Add(24 * time.Hour)
	fake := newFakeCBN(withWindow(testPackage(100), 500, end))
	fake.describeErrs = []error{
		sdkerrors.NewServerError(503, `{"Code":"ServiceUnavailable","Message":"busy","RequestId":"REQ-1"}`, ""),
		sdkerrors.NewServerError(500, `{"Code":"InternalError","Message":"oops","RequestId":"REQ-2"}`, ""),
	}
	p, err := waitTempUpgradeApplied(context.Background(), fake, testID, 500, end.Format(endTimeLayout), time.Minute)
	if err != nil || p == nil {
		t.Fatalf("wait: %v", err)
	}
	if got := fake.callCount(describeAct); got != 3 {
		t.Errorf("%d describe calls, want 2 failed and 1 that shows the upgrade", got)
	}

	// An error the client would not retry ends the wait at once.
	fake.describeErrs = []error{apiError(errCodeUnauthorized)}
	if _, err := waitTempUpgradeApplied(context.Background(), fake, testID, 500, end.Format(endTimeLayout), time.Minute); !conns.IsErrorCode(err, errCodeUnauthorized) {
		t.Errorf("wait after Unauthorized: %v", err)
	}
}
