package cbn

import "terraform-provider-alibabacloud/internal/mockcloud/rpc"

func (p *Product) describe(call *rpc.Call) (any, error) { return nil, rpc.ErrUnknownAction }
