package cbn

import (
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

func (p *Product) tempUpgrade(call *rpc.Call, now time.Time) (any, error) {
	return nil, rpc.ErrUnknownAction
}
