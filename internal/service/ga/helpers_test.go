package ga

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

// Actions of the Ga API the fake answers.
const (
	describePackageAct     = "DescribeBandwidthPackage"
	describeAcceleratorAct = "DescribeAccelerator"
	createPackageAct       = "CreateBandwidthPackage"
	updatePackageAct       = "UpdateBandwidthPackage"
	deletePackageAct       = "DeleteBandwidthPackage"
	addAcceleratorAct      = "BandwidthPackageAddAccelerator"
	removeAcceleratorAct   = "BandwidthPackageRemoveAccelerator"
	replacePackageAct      = "ReplaceBandwidthPackage"
	listIPSetsAct          = "ListIpSets"
)

// testAcceleratorID is the accelerator every fake knows, active.
const testAcceleratorID = "ga-unit1"

// fakeGA is a small Global Accelerator behind resourcetest.FakeAPI (FailNext queues errors,
// Calls and CallCount read the log): bandwidth plans and accelerators whose changes take effect
// at once. States queued with showStates are seen first, to play transitional states.
type fakeGA struct {
	*resourcetest.FakeAPI
	packages     map[string]*gasdk.DescribeBandwidthPackageResponse
	accelerators map[string]string
	// shown are states the next describes of an object show, one each, before its own.
	shown map[string][]string
	// holdUpgrades keeps bandwidth and bandwidth_type as they are on update, as an unpaid
	// upgrade order does.
	holdUpgrades bool
	// activation is the state a new paid plan starts in ("active" when empty).
	activation string
	created    int
	// tags, groups and renewals are what the plans hold beside what the SDK's
	// DescribeBandwidthPackageResponse shows, by plan id.
	tags     map[string]map[string]string
	groups   map[string]string
	renewals map[string]describeAutoRenewResponse
	// ipSets are the acceleration regions of the accelerators, by accelerator id (ListIpSets).
	ipSets map[string][]gasdk.IpSetsItem
	// describeTags makes DescribeBandwidthPackage answer the plan's Tags, as the API reference
	// lists them; without it the answer has no Tags field, and tags are only in ListTagResources.
	describeTags bool
}

// newFakeGA returns a fake with the active accelerator testAcceleratorID and the plans given.
func newFakeGA(packages ...*gasdk.DescribeBandwidthPackageResponse) *fakeGA {
	f := &fakeGA{
		FakeAPI:      resourcetest.NewFakeAPI(),
		packages:     map[string]*gasdk.DescribeBandwidthPackageResponse{},
		accelerators: map[string]string{testAcceleratorID: acceleratorStateActive},
		shown:        map[string][]string{},
		tags:         map[string]map[string]string{},
		groups:       map[string]string{},
		renewals:     map[string]describeAutoRenewResponse{},
		ipSets:       map[string][]gasdk.IpSetsItem{},
	}
	for _, p := range packages {
		f.packages[p.BandwidthPackageId] = p
	}
	f.Handle(describePackageAct, f.describePackage)
	f.Handle(describeAcceleratorAct, f.describeAccelerator)
	f.Handle(createPackageAct, f.createPackage)
	f.Handle(updatePackageAct, f.updatePackage)
	f.Handle(deletePackageAct, f.deletePackage)
	f.Handle(addAcceleratorAct, f.bind)
	f.Handle(removeAcceleratorAct, f.bind)
	f.Handle(actionListTagResources, f.listTags)
	f.Handle(actionTagResources, f.tag)
	f.Handle(actionUntagResources, f.untag)
	f.Handle(actionChangeResourceGroup, f.changeGroup)
	f.Handle(actionDescribeAutoRenew, f.describeRenewal)
	f.Handle(actionUpdateAutoRenew, f.updateRenewal)
	f.Handle(listIPSetsAct, f.listIPSets)
	f.Handle(replacePackageAct, f.replace)
	return f
}

// listIPSets answers ListIpSets a page at a time.
func (f *fakeGA) listIPSets(request requests.AcsRequest, response responses.AcsResponse) error {
	req, ok := request.(*gasdk.ListIpSetsRequest)
	out, ok2 := response.(*gasdk.ListIpSetsResponse)
	if !ok || !ok2 {
		return fmt.Errorf("unexpected ListIpSets call %T", request)
	}
	if _, known := f.accelerators[req.AcceleratorId]; !known {
		return resourcetest.APIError(errCodeNotExistAccelerator)
	}
	page, _ := strconv.Atoi(string(req.PageNumber))
	size, _ := strconv.Atoi(string(req.PageSize))
	sets := f.ipSets[req.AcceleratorId]
	out.TotalCount, out.PageNumber, out.PageSize = len(sets), page, size
	if from := (page - 1) * size; from < len(sets) {
		out.IpSets = sets[from:min(from+size, len(sets))]
	}
	return nil
}

// giveRegions gives accelerator acceleratorID one acceleration region of bandwidth Mbps.
func (f *fakeGA) giveRegions(acceleratorID string, bandwidth int) {
	f.ipSets[acceleratorID] = []gasdk.IpSetsItem{{IpSetId: "ips-1", AccelerateRegionId: "cn-hangzhou", Bandwidth: bandwidth}}
}

// replace answers ReplaceBandwidthPackage: the new plan takes the old one's accelerator at once.
func (f *fakeGA) replace(request requests.AcsRequest, _ responses.AcsResponse) error {
	req, _ := request.(*gasdk.ReplaceBandwidthPackageRequest)
	newPlan, err := f.pkg(req.BandwidthPackageId)
	if err != nil {
		return err
	}
	oldPlan, err := f.pkg(req.TargetBandwidthPackageId)
	if err != nil {
		return err
	}
	if len(oldPlan.Accelerators) == 0 || len(newPlan.Accelerators) > 0 {
		return resourcetest.APIError(errCodeStateErrorBandwidthPackage)
	}
	newPlan.Accelerators, newPlan.State = oldPlan.Accelerators, packageStateBinded
	oldPlan.Accelerators, oldPlan.State = []string{}, packageStateActive
	return nil
}

// showStates makes the next describes of object id show states, one each, before its own.
func (f *fakeGA) showStates(id string, states ...string) {
	f.shown[id] = append(f.shown[id], states...)
}

// stateOf is what a describe of id shows: a queued state, else own.
func (f *fakeGA) stateOf(id, own string) string {
	if queued := f.shown[id]; len(queued) > 0 {
		f.shown[id] = queued[1:]
		return queued[0]
	}
	return own
}

// pkg returns the plan a request names, or the API's NotExist error.
func (f *fakeGA) pkg(id string) (*gasdk.DescribeBandwidthPackageResponse, error) {
	if p, ok := f.packages[id]; ok {
		return p, nil
	}
	return nil, resourcetest.APIError(errCodeNotExistBandwidthPackage)
}

func (f *fakeGA) describePackage(request requests.AcsRequest, response responses.AcsResponse) error {
	req, _ := request.(*gasdk.DescribeBandwidthPackageRequest)
	out, _ := response.(*gasdk.DescribeBandwidthPackageResponse)
	p, err := f.pkg(req.BandwidthPackageId)
	if err != nil {
		return err
	}
	// The answer is decoded from JSON as the client decodes the API's, so that the fields the
	// SDK's type lacks (ResourceGroupId) are in its body.
	answer := *p
	answer.Accelerators = slices.Clone(p.Accelerators)
	answer.State = f.stateOf(p.BandwidthPackageId, p.State)
	type tag struct{ Key, Value string }
	var tags *[]tag
	if f.describeTags {
		tags = &[]tag{}
		for _, key := range slices.Sorted(maps.Keys(f.tags[p.BandwidthPackageId])) {
			*tags = append(*tags, tag{key, f.tags[p.BandwidthPackageId][key]})
		}
	}
	return answerJSON(out, struct {
		*gasdk.DescribeBandwidthPackageResponse
		ResourceGroupID string `json:"ResourceGroupId,omitempty"`
		Tags            *[]tag `json:"Tags,omitempty"`
	}{&answer, f.groups[p.BandwidthPackageId], tags})
}

// answerJSON fills response from the JSON of answer, as the client fills it from the API's body.
func answerJSON(response responses.AcsResponse, answer any) error {
	body, err := json.Marshal(answer)
	if err != nil {
		return err
	}
	return responses.Unmarshal(response, &http.Response{StatusCode: http.StatusOK, Header: http.Header{},
		Body: io.NopCloser(bytes.NewReader(body))}, "JSON")
}

// taggedPlan returns the one plan ResourceId.N of a tag call names.
func (f *fakeGA) taggedPlan(ids *[]string) (string, error) {
	if ids == nil || len(*ids) != 1 {
		return "", fmt.Errorf("fake: want one ResourceId, got %v", ids)
	}
	_, err := f.pkg((*ids)[0])
	return (*ids)[0], err
}

func (f *fakeGA) listTags(request requests.AcsRequest, response responses.AcsResponse) error {
	req, _ := request.(*listTagResourcesRequest)
	id, err := f.taggedPlan(req.ResourceID)
	if err != nil {
		return err
	}
	type row struct{ ResourceId, TagKey, TagValue string } //nolint:revive // API field names
	var rows []row
	for _, key := range slices.Sorted(maps.Keys(f.tags[id])) {
		rows = append(rows, row{id, key, f.tags[id][key]})
	}
	return answerJSON(response, map[string]any{"TagResources": map[string]any{"TagResource": rows}})
}

func (f *fakeGA) tag(request requests.AcsRequest, _ responses.AcsResponse) error {
	req, _ := request.(*tagResourcesRequest)
	id, err := f.taggedPlan(req.ResourceID)
	if err != nil {
		return err
	}
	if f.tags[id] == nil {
		f.tags[id] = map[string]string{}
	}
	for _, t := range *req.Tag {
		f.tags[id][t.Key] = t.Value
	}
	return nil
}

func (f *fakeGA) untag(request requests.AcsRequest, _ responses.AcsResponse) error {
	req, _ := request.(*untagResourcesRequest)
	id, err := f.taggedPlan(req.ResourceID)
	if err != nil {
		return err
	}
	for _, key := range *req.TagKey {
		delete(f.tags[id], key)
	}
	return nil
}

func (f *fakeGA) changeGroup(request requests.AcsRequest, _ responses.AcsResponse) error {
	req, _ := request.(*changeResourceGroupRequest)
	if _, err := f.pkg(req.ResourceID); err != nil {
		return err
	}
	f.groups[req.ResourceID] = req.NewResourceGroupID
	return nil
}

func (f *fakeGA) describeRenewal(request requests.AcsRequest, response responses.AcsResponse) error {
	req, _ := request.(*describeAutoRenewRequest)
	if _, err := f.pkg(req.InstanceID); err != nil {
		return err
	}
	renewal, ok := f.renewals[req.InstanceID]
	if !ok {
		renewal = describeAutoRenewResponse{InstanceID: req.InstanceID, RenewalStatus: renewalManual}
	}
	return answerJSON(response, renewal)
}

func (f *fakeGA) updateRenewal(request requests.AcsRequest, _ responses.AcsResponse) error {
	req, _ := request.(*updateAutoRenewRequest)
	if _, err := f.pkg(req.InstanceID); err != nil {
		return err
	}
	renewal := f.renewals[req.InstanceID]
	renewal.InstanceID, renewal.RenewalStatus = req.InstanceID, req.RenewalStatus
	renewal.AutoRenew = req.RenewalStatus == renewalAuto
	if req.AutoRenewDuration != "" {
		renewal.AutoRenewDuration, _ = strconv.Atoi(string(req.AutoRenewDuration))
	}
	f.renewals[req.InstanceID] = renewal
	return nil
}

func (f *fakeGA) describeAccelerator(request requests.AcsRequest, response responses.AcsResponse) error {
	req, _ := request.(*gasdk.DescribeAcceleratorRequest)
	out, _ := response.(*gasdk.DescribeAcceleratorResponse)
	state, ok := f.accelerators[req.AcceleratorId]
	if !ok {
		return resourcetest.APIError(errCodeNotExistAccelerator)
	}
	out.AcceleratorId, out.State = req.AcceleratorId, f.stateOf(req.AcceleratorId, state)
	for _, p := range f.packages {
		if !slices.Contains(p.Accelerators, req.AcceleratorId) {
			continue
		}
		if p.Type == packageTypeCrossDomain {
			out.CrossDomainBandwidthPackage = gasdk.CrossDomainBandwidthPackage{InstanceId: p.BandwidthPackageId, Bandwidth: p.Bandwidth}
		} else {
			out.BasicBandwidthPackage = gasdk.BasicBandwidthPackage{InstanceId: p.BandwidthPackageId, Bandwidth: p.Bandwidth, BandwidthType: p.BandwidthType}
		}
	}
	return nil
}

func (f *fakeGA) createPackage(request requests.AcsRequest, response responses.AcsResponse) error {
	req, _ := request.(*gasdk.CreateBandwidthPackageRequest)
	out, _ := response.(*gasdk.CreateBandwidthPackageResponse)
	f.created++
	p := &gasdk.DescribeBandwidthPackageResponse{
		BandwidthPackageId: fmt.Sprintf("gbwp-unit%d", f.created), Type: req.Type, BandwidthType: req.BandwidthType,
		ChargeType: req.ChargeType, BillingType: req.BillingType, State: packageStateActive, Accelerators: []string{},
		CbnGeographicRegionIdA: req.CbnGeographicRegionIdA, CbnGeographicRegionIdB: req.CbnGeographicRegionIdB,
		CreateTime: strconv.FormatInt(time.Now().UnixMilli(), 10),
	}
	p.Bandwidth, _ = strconv.Atoi(string(req.Bandwidth))
	p.Ratio, _ = strconv.Atoi(string(req.Ratio))
	if f.activation != "" {
		p.State = f.activation
	}
	if req.ChargeType == chargeTypePrepay {
		p.ExpiredTime = strconv.FormatInt(time.Now().AddDate(0, 1, 0).UnixMilli(), 10)
		if req.AutoPay != "true" {
			p.State = packageStateInit
		}
		if req.QueryParams["AutoRenew"] == "true" {
			renewal := describeAutoRenewResponse{InstanceID: p.BandwidthPackageId, AutoRenew: true, RenewalStatus: renewalAuto, AutoRenewDuration: 1}
			if d := req.QueryParams["AutoRenewDuration"]; d != "" {
				renewal.AutoRenewDuration, _ = strconv.Atoi(d)
			}
			f.renewals[p.BandwidthPackageId] = renewal
		}
	}
	f.groups[p.BandwidthPackageId] = cmp.Or(req.QueryParams["ResourceGroupId"], "rg-default")
	for i := 1; req.QueryParams[fmt.Sprintf("Tag.%d.Key", i)] != ""; i++ {
		if f.tags[p.BandwidthPackageId] == nil {
			f.tags[p.BandwidthPackageId] = map[string]string{}
		}
		f.tags[p.BandwidthPackageId][req.QueryParams[fmt.Sprintf("Tag.%d.Key", i)]] = req.QueryParams[fmt.Sprintf("Tag.%d.Value", i)]
	}
	f.packages[p.BandwidthPackageId] = p
	out.BandwidthPackageId, out.OrderId = p.BandwidthPackageId, "order-unit"
	return nil
}

func (f *fakeGA) updatePackage(request requests.AcsRequest, _ responses.AcsResponse) error {
	req, _ := request.(*gasdk.UpdateBandwidthPackageRequest)
	p, err := f.pkg(req.BandwidthPackageId)
	if err != nil {
		return err
	}
	if req.Name != "" {
		p.Name = req.Name
	}
	if description, ok := req.QueryParams["Description"]; ok {
		p.Description = description
	}
	if f.holdUpgrades {
		return nil
	}
	if req.Bandwidth != "" {
		p.Bandwidth, _ = strconv.Atoi(string(req.Bandwidth))
	}
	if req.BandwidthType != "" {
		p.BandwidthType = req.BandwidthType
	}
	return nil
}

func (f *fakeGA) deletePackage(request requests.AcsRequest, _ responses.AcsResponse) error {
	req, _ := request.(*gasdk.DeleteBandwidthPackageRequest)
	if _, err := f.pkg(req.BandwidthPackageId); err != nil {
		return err
	}
	delete(f.packages, req.BandwidthPackageId)
	return nil
}

// bind answers BandwidthPackageAddAccelerator and BandwidthPackageRemoveAccelerator.
func (f *fakeGA) bind(request requests.AcsRequest, _ responses.AcsResponse) error {
	var packageID, acceleratorID string
	switch req := request.(type) {
	case *gasdk.BandwidthPackageAddAcceleratorRequest:
		packageID, acceleratorID = req.BandwidthPackageId, req.AcceleratorId
	case *gasdk.BandwidthPackageRemoveAcceleratorRequest:
		packageID, acceleratorID = req.BandwidthPackageId, req.AcceleratorId
	}
	p, err := f.pkg(packageID)
	if err != nil {
		return err
	}
	if _, ok := f.accelerators[acceleratorID]; !ok {
		return resourcetest.APIError(errCodeNotExistAccelerator)
	}
	p.Accelerators = slices.DeleteFunc(p.Accelerators, func(id string) bool { return id == acceleratorID })
	p.State = packageStateActive
	if request.GetActionName() == addAcceleratorAct {
		p.Accelerators = append(p.Accelerators, acceleratorID)
		p.State = packageStateBinded
	}
	return nil
}

// testPackage is plan gbwp-1 as the API shows it: pay-as-you-go, Basic, 10 Mbps, active,
// unbound.
func testPackage() *gasdk.DescribeBandwidthPackageResponse {
	return &gasdk.DescribeBandwidthPackageResponse{
		BandwidthPackageId: "gbwp-1", Bandwidth: 10, Type: packageTypeBasic, BandwidthType: bandwidthTypeBasic,
		ChargeType: chargeTypePostpay, BillingType: billingTypePayByTraffic, State: packageStateActive,
		Name: "unit", Description: "d", Accelerators: []string{}, CreateTime: "1795525943297",
	}
}

// boundTestPackage is testPackage gbwp-1 bound to testAcceleratorID.
func boundTestPackage() *gasdk.DescribeBandwidthPackageResponse {
	p := testPackage()
	p.Accelerators, p.State = []string{testAcceleratorID}, packageStateBinded
	return p
}

// subscriptionPackage is testPackage gbwp-1 as a paid Subscription that expires in a year.
func subscriptionPackage() *gasdk.DescribeBandwidthPackageResponse {
	p := testPackage()
	p.ChargeType, p.BillingType = chargeTypePrepay, ""
	p.ExpiredTime = strconv.FormatInt(time.Now().AddDate(1, 0, 0).UnixMilli(), 10)
	return p
}

// configured returns the resource newResource builds, as its type R, on api.
func configured[R interface{ SetAPI(gaAPI, string) }](t *testing.T, newResource func() resource.Resource, api gaAPI) R {
	t.Helper()
	return resourcetest.Configured[R](t, newResource, api)
}

// packageSchema returns the bandwidth package resource's schema.
func packageSchema(t *testing.T) schema.Schema {
	t.Helper()
	return resourcetest.Schema(t, NewBandwidthPackageResource())
}

// with copies values and sets the attribute named first to the value second, and so on.
func with(values map[string]any, kv ...any) map[string]any {
	out := maps.Clone(values)
	for i := 0; i < len(kv); i += 2 {
		out[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return out
}

// paygValues are the values of a pay-as-you-go plan in a configuration.
var paygValues = map[string]any{
	"bandwidth": 10, "type": "Basic", "bandwidth_type": "Basic", "payment_type": "PayAsYouGo",
	"billing_type": "PayByTraffic", "bandwidth_package_name": "unit", "description": "d",
}

// planned is a plan for the bandwidth plan resource from configuration values: the computed
// attributes the configuration leaves out are unknown, as Terraform plans them.
func planned(t *testing.T, s schema.Schema, values map[string]any) tfsdk.Plan {
	t.Helper()
	all := map[string]any{}
	for _, computed := range []string{"accelerators", "bandwidth_package_name", "bandwidth_type", "billing_type",
		"cbn_geographic_region_ida", "cbn_geographic_region_idb", "create_time", "description", "expired_time",
		"id", "ratio", "status"} {
		all[computed] = tftypes.UnknownValue
	}
	maps.Copy(all, values)
	return tfsdk.Plan{Schema: s, Raw: resourcetest.Object(t, s, all)}
}

// stateOf is the state the resource saves for p, from the values of a configuration.
func stateOf(t *testing.T, s schema.Schema, p *gasdk.DescribeBandwidthPackageResponse, values map[string]any) tfsdk.State {
	t.Helper()
	var m bandwidthPackageModel
	if diags := (tfsdk.Plan{Schema: s, Raw: resourcetest.Object(t, s, values)}).Get(t.Context(), &m); diags.HasError() {
		t.Fatal(diags)
	}
	if diags := m.flatten(t.Context(), p); diags.HasError() {
		t.Fatal(diags)
	}
	return resourcetest.State(t, s, &m)
}
