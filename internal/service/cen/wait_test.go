package cen

import (
	"context"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

func TestWaitTempUpgradeAppliedRidesOutRetryableErrors(t *testing.T) {
	end := testNow.Add(24 * time.Hour)
	fake := newFakeCBN(withWindow(testPackage(100), 500, end))
	fake.FailNext(describeAct,
		resourcetest.APIErrorWithStatus(503, "ServiceUnavailable"),
		resourcetest.APIErrorWithStatus(500, "InternalError"),
	)
	p, err := waitTempUpgradeApplied(context.Background(), fake, tempUpgrade{testID, 500, end.Format(endTimeLayout)}, time.Minute, nil)
	if err != nil || p == nil {
		t.Fatalf("wait: %v", err)
	}
	if got := fake.CallCount(describeAct); got != 3 {
		t.Errorf("%d describe calls, want 2 failed and 1 that shows the upgrade", got)
	}

	// An error the client would not retry ends the wait at once.
	fake.FailNext(describeAct, resourcetest.APIError(errCodeUnauthorized))
	if _, err := waitTempUpgradeApplied(context.Background(), fake, tempUpgrade{testID, 500, end.Format(endTimeLayout)}, time.Minute, nil); !conns.IsErrorCode(err, errCodeUnauthorized) {
		t.Errorf("wait after Unauthorized: %v", err)
	}
}
