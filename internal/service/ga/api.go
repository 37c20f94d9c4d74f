package ga

import (
	"encoding/json"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
)

// This file holds the requests and responses of the Ga actions that the SDK's services/ga
// (v1.63.107) does not have, in the SDK's own form (an RpcRequest whose tagged fields
// requests.InitParams turns into parameters), so that conns.Service.Do signs and sends them
// like any other. Each follows its API reference page.

// newGaRequest returns an RPC request of the Ga API (2019-11-20) for action, sent as POST like
// the SDK's own.
func newGaRequest(action string) *requests.RpcRequest {
	req := &requests.RpcRequest{}
	req.InitWithApiInfo("Ga", "2019-11-20", action, "gaplus", "openAPI")
	req.Method = requests.POST
	return req
}

// Resource types of the tag and resource group actions.
const resourceTypeBandwidthPackage = "bandwidthpackage"

// apiTag is one Tag.N of a request.
type apiTag struct {
	Key   string `name:"Key"`
	Value string `name:"Value"`
}

// tagResourcesRequest is TagResources: add or overwrite tags on resources of one type.
type tagResourcesRequest struct {
	*requests.RpcRequest
	ClientToken  string    `position:"Query" name:"ClientToken"`
	ResourceType string    `position:"Query" name:"ResourceType"`
	ResourceID   *[]string `position:"Query" name:"ResourceId" type:"Repeated"`
	Tag          *[]apiTag `position:"Query" name:"Tag" type:"Repeated"`
}

// untagResourcesRequest is UntagResources: remove tags by key.
type untagResourcesRequest struct {
	*requests.RpcRequest
	ClientToken  string    `position:"Query" name:"ClientToken"`
	ResourceType string    `position:"Query" name:"ResourceType"`
	ResourceID   *[]string `position:"Query" name:"ResourceId" type:"Repeated"`
	TagKey       *[]string `position:"Query" name:"TagKey" type:"Repeated"`
}

// listTagResourcesRequest is ListTagResources: the tags of resources, a page at a time.
type listTagResourcesRequest struct {
	*requests.RpcRequest
	ResourceType string    `position:"Query" name:"ResourceType"`
	ResourceID   *[]string `position:"Query" name:"ResourceId" type:"Repeated"`
	NextToken    string    `position:"Query" name:"NextToken"`
}

// listTagResourcesResponse is what ListTagResources answers: one row per tag of a resource,
// and a NextToken while there are more.
type listTagResourcesResponse struct {
	*responses.BaseResponse
	RequestID    string `json:"RequestId"`
	NextToken    string `json:"NextToken"`
	TagResources struct {
		TagResource []struct {
			ResourceID string `json:"ResourceId"`
			TagKey     string `json:"TagKey"`
			TagValue   string `json:"TagValue"`
		} `json:"TagResource"`
	} `json:"TagResources"`
}

// changeResourceGroupRequest is ChangeResourceGroup: move a resource to another resource group.
type changeResourceGroupRequest struct {
	*requests.RpcRequest
	ClientToken        string `position:"Query" name:"ClientToken"`
	ResourceType       string `position:"Query" name:"ResourceType"`
	ResourceID         string `position:"Query" name:"ResourceId"`
	NewResourceGroupID string `position:"Query" name:"NewResourceGroupId"`
}

// describeAutoRenewRequest is DescribeBandwidthPackageAutoRenewAttribute: how a Subscription
// plan renews.
type describeAutoRenewRequest struct {
	*requests.RpcRequest
	InstanceID string `position:"Query" name:"InstanceId"`
}

// describeAutoRenewResponse is what DescribeBandwidthPackageAutoRenewAttribute answers.
type describeAutoRenewResponse struct {
	*responses.BaseResponse
	RequestID         string `json:"RequestId"`
	InstanceID        string `json:"InstanceId"`
	AutoRenew         bool   `json:"AutoRenew"`
	AutoRenewDuration int    `json:"AutoRenewDuration"`
	RenewalStatus     string `json:"RenewalStatus"`
}

// updateAutoRenewRequest is UpdateBandwidthPackagaAutoRenewAttribute (the API's spelling): how
// a Subscription plan renews. RenewalStatus wins over AutoRenew, which is left out.
type updateAutoRenewRequest struct {
	*requests.RpcRequest
	ClientToken       string           `position:"Query" name:"ClientToken"`
	InstanceID        string           `position:"Query" name:"InstanceId"`
	RenewalStatus     string           `position:"Query" name:"RenewalStatus"`
	AutoRenewDuration requests.Integer `position:"Query" name:"AutoRenewDuration"`
}

// Actions of the requests above.
const (
	actionTagResources        = "TagResources"
	actionUntagResources      = "UntagResources"
	actionListTagResources    = "ListTagResources"
	actionChangeResourceGroup = "ChangeResourceGroup"
	actionDescribeAutoRenew   = "DescribeBandwidthPackageAutoRenewAttribute"
	actionUpdateAutoRenew     = "UpdateBandwidthPackagaAutoRenewAttribute"
)

// emptyResponse is the answer of an action that returns nothing but its RequestId.
type emptyResponse struct {
	*responses.BaseResponse
	RequestID string `json:"RequestId"`
}

// newEmptyResponse returns a response for an action that answers only its RequestId.
func newEmptyResponse() *emptyResponse {
	return &emptyResponse{BaseResponse: &responses.BaseResponse{}}
}

// describeExtras are the fields of DescribeBandwidthPackage's answer that the SDK's response
// type does not decode (the API reference lists them). Tags is nil when the answer has no Tags
// field at all, and empty when the plan has no tags.
type describeExtras struct {
	ResourceGroupID string `json:"ResourceGroupId"`
	Tags            *[]struct {
		Key   string `json:"Key"`
		Value string `json:"Value"`
	} `json:"Tags"`
}

// tagMap returns the plan's tags as the answer lists them, and whether it listed them.
func (e describeExtras) tagMap() (map[string]string, bool) {
	if e.Tags == nil {
		return nil, false
	}
	tags := make(map[string]string, len(*e.Tags))
	for _, tag := range *e.Tags {
		tags[tag.Key] = tag.Value
	}
	return tags, true
}

// extrasOf decodes the fields the SDK leaves out from the body of a DescribeBandwidthPackage
// answer; zero values when the body holds none of them.
func extrasOf(bp *gasdk.DescribeBandwidthPackageResponse) describeExtras {
	var extras describeExtras
	if bp.BaseResponse != nil {
		_ = json.Unmarshal(bp.GetHttpContentBytes(), &extras)
	}
	return extras
}
