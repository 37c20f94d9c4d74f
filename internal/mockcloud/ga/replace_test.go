package ga

import (
	"net/http"
	"testing"
)

func TestReplaceBandwidthPackage(t *testing.T) {
	e := newEnv(t)
	old := e.createPostpay("Bandwidth", "50")
	e.bind(old, "ga-1")
	e.ok(actionCreateIpSets, "AcceleratorId", "ga-1", "AccelerateRegion.1.AccelerateRegionId", "cn-hangzhou", "AccelerateRegion.1.Bandwidth", "40")
	e.settle()
	small := e.createPostpay("Bandwidth", "30")
	big := e.createPostpay("Bandwidth", "80")
	cross := e.createCrossDomain()

	replace := func(newID, oldID string) []string {
		return []string{"BandwidthPackageId", newID, "TargetBandwidthPackageId", oldID}
	}
	e.fails(http.StatusBadRequest, CodeBandwidthIllegal, actionReplace, replace(small, old)...)
	e.fails(http.StatusBadRequest, CodeInvalidParameter, actionReplace, replace(cross, old)...)
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionReplace, replace(old, big)...) // big is bound to nothing
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionReplace, replace("gbwp-nope", old)...)
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionReplace, replace(big, "gbwp-nope")...)
	e.fails(http.StatusBadRequest, CodeMissingParameter, actionReplace, "BandwidthPackageId", big)
	e.fails(http.StatusBadRequest, CodeInvalidParameter, actionReplace, replace(old, old)...)
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionReplace, append(replace(big, old), "AcceleratorId", "ga-2")...)

	e.ok(actionReplace, append(replace(big, old), "AcceleratorId", "ga-1")...)
	expect(t, "new plan while replacing", e.describe(big), map[string]any{"State": StateBinding})
	expect(t, "old plan while replacing", e.describe(old), map[string]any{"State": StateUnbinding})
	expect(t, "accelerator while replacing", e.accelerator("ga-1"), map[string]any{"State": AcceleratorConfiguring})
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionReplace, replace(small, big)...)
	e.settle()
	expect(t, "new plan", e.describe(big), map[string]any{"State": StateBinded, "Accelerators": []string{"ga-1"}})
	expect(t, "old plan", e.describe(old), map[string]any{"State": StateActive, "Accelerators": []string{}})
	expect(t, "accelerator", e.accelerator("ga-1"), map[string]any{
		"State": AcceleratorActive, "BasicBandwidthPackage": map[string]any{"InstanceId": big, "Bandwidth": 80, "BandwidthType": BandwidthBasic},
	})
	if sets := e.ipSets("ga-1"); len(sets) != 1 || sets[0].Bandwidth != 40 {
		t.Errorf("the acceleration region did not survive the swap: %+v", sets)
	}
}
