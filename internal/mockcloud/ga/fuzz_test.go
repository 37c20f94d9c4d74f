package ga

import (
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"

	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// FuzzHandle calls any action with any parameters on a product holding a plan bound to ga-1
// (with an acceleration region) and an idle one; in the parameters {bound}, {idle} and
// {ipset} stand for their ids. Every answer must be well-formed (mocktest.CheckProductAnswer:
// bad input is a 4xx API error, never a panic or a 500), and once the operations under way
// have completed every List action must still answer.
func FuzzHandle(f *testing.F) {
	actions := slices.Sorted(maps.Keys(handlers))
	seeds := []struct{ action, params string }{
		{actionCreate, "Bandwidth=10&Type=Basic&BandwidthType=Basic&ChargeType=POSTPAY&ClientToken=t1"},
		{actionCreate, "Bandwidth=10&Type=CrossDomain&Duration=1&PricingCycle=Month&AutoPay=true&CbnGeographicRegionIdA=China-mainland&CbnGeographicRegionIdB=Global"},
		{actionCreate, "Bandwidth=99999999999999999999&Type=Basic&BandwidthType=Advanced&Ratio=-1"},
		{actionDescribe, "BandwidthPackageId={bound}"},
		{actionList, "PageNumber=2&PageSize=1&Tag.1.Key=k&State=binded&BandwidthPackageId={bound}"},
		{actionList, "PageNumber=2147483648&PageSize=0"},
		{actionUpdate, "BandwidthPackageId={bound}&Bandwidth=20&BandwidthType=Enhanced&AutoPay=true"},
		{actionUpdate, "BandwidthPackageId={idle}&Bandwidth=2&Name=n&Description=d"},
		{actionDelete, "BandwidthPackageId={idle}&ClientToken=t2"},
		{actionAddAccelerator, "BandwidthPackageId={idle}&AcceleratorId=ga-2"},
		{actionRemoveAccelerator, "BandwidthPackageId={bound}&AcceleratorId=ga-1"},
		{actionReplace, "BandwidthPackageId={idle}&TargetBandwidthPackageId={bound}&AcceleratorId=ga-1"},
		{actionDescribeAcc, "AcceleratorId=ga-1"},
		{actionListAccelerators, "PageSize=50&Tag.1.Key=a&Tag.1.Value=b"},
		{actionDescribeRegions, ""},
		{actionDescribeAutoRenew, "InstanceId={bound}"},
		{actionUpdateAutoRenew, "InstanceId={bound}&RenewalStatus=AutoRenewal&AutoRenewDuration=13"},
		{actionListTagResources, "ResourceType=bandwidthpackage&ResourceId.1={bound}&NextToken=-1"},
		{actionTagResources, "ResourceType=bandwidthpackage&ResourceId.1={bound}&Tag.1.Key=k&Tag.1.Value=v&Tag.2.Key=k2"},
		{actionTagResources, "ResourceType=bandwidthpackage&ResourceId.1={bound}&Tag.1.Key=k&Tag.01.Key=x"},
		{actionUntagResources, "ResourceType=accelerator&ResourceId.1=ga-1&All=true"},
		{actionChangeRG, "ResourceType=bandwidthpackage&ResourceId={idle}&NewResourceGroupId=rg-2"},
		{actionCreateIpSets, "AcceleratorId=ga-1&AccelerateRegion.1.AccelerateRegionId=cn-beijing&AccelerateRegion.1.Bandwidth=2&AccelerateRegion.1.IpVersion=IPv6"},
		{actionListIpSets, "AcceleratorId=ga-1&PageNumber=1"},
		{actionUpdateIpSets, "IpSets.1.IpSetId={ipset}&IpSets.1.Bandwidth=5&IpSets.2.IpSetId={ipset}&IpSets.2.Bandwidth=6"},
		{actionDeleteIpSets, "IpSetIds.1={ipset}&IpSetIds.2=ips-none"},
		{actionDescribe, "RegionId=cn-beijing&BandwidthPackageId={bound}"},
	}
	for _, s := range seeds {
		f.Add(uint8(slices.Index(actions, s.action)), s.params, true)
	}
	f.Add(uint8(slices.Index(actions, actionUpdate)), "BandwidthPackageId={bound}&Bandwidth=30", false) // ga-1 still configuring
	f.Add(uint8(0), "%zz=&=&Tag.1.Key", true)
	f.Fuzz(func(t *testing.T, actionIndex uint8, rawParams string, settleFirst bool) {
		e := newEnv(t)
		bound, idle := e.createPostpay(), e.createPostpay()
		e.bind(bound, "ga-1")
		out := e.ok(actionCreateIpSets, "AcceleratorId", "ga-1",
			"AccelerateRegion.1.AccelerateRegionId", "cn-hangzhou", "AccelerateRegion.1.Bandwidth", "5")
		ipSet, _ := out["IpSets"].([]any)[0].(map[string]any)["IpSetId"].(string)
		if settleFirst {
			e.settle()
		}

		raw := strings.NewReplacer("{bound}", bound, "{idle}", idle, "{ipset}", ipSet).Replace(rawParams)
		params, _ := url.ParseQuery(raw) // what could be read
		if !params.Has("RegionId") {
			params.Set("RegionId", Region)
		}
		action := actions[int(actionIndex)%len(actions)]
		result, err := e.p.Handle(&rpc.Call{Action: action, Params: params, Now: e.clk.Now(), RequestID: "fuzz"})
		if problem := mocktest.CheckProductAnswer(result, err); problem != nil {
			t.Fatalf("%s %s: %v", action, raw, problem)
		}

		e.settle()
		for _, list := range [][]string{
			{actionList, "PageSize", "100"}, {actionListAccelerators}, {actionListIpSets, "AcceleratorId", "ga-1"},
			{actionListTagResources, "ResourceType", ResourceTypeAccelerator, "ResourceId.1", "ga-1"},
		} {
			if _, err := e.handle(list[0], list[1:]...); err != nil {
				t.Fatalf("after %s %s: %s: %v", action, raw, list[0], err)
			}
		}
	})
}
