package ga

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"terraform-provider-alibabacloud/internal/conns"
)

// tagChanges returns what turns the tags from into to: the keys to remove (UntagResources) and
// the tags to add or overwrite (TagResources), each sorted by key.
func tagChanges(from, to map[string]string) (remove []string, set []apiTag) {
	for _, key := range slices.Sorted(maps.Keys(from)) {
		if _, kept := to[key]; !kept {
			remove = append(remove, key)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(to)) {
		if value, had := from[key]; !had || value != to[key] {
			set = append(set, apiTag{Key: key, Value: to[key]})
		}
	}
	return remove, set
}

// sendTagChanges changes the tags of bandwidth plan id from from to to: UntagResources first,
// so that a resource never holds more than its quota of tags half-way, then TagResources.
// Each call carries a ClientToken of its own.
func sendTagChanges(ctx context.Context, api gaAPI, id string, from, to map[string]string) error {
	remove, set := tagChanges(from, to)
	if len(remove) > 0 {
		req := &untagResourcesRequest{RpcRequest: newGaRequest(actionUntagResources), ClientToken: conns.NewClientToken(),
			ResourceType: resourceTypeBandwidthPackage, ResourceID: &[]string{id}, TagKey: &remove}
		if err := api.Do(ctx, req, newEmptyResponse()); err != nil {
			return fmt.Errorf("removing tags %v: %w", remove, err)
		}
	}
	if len(set) > 0 {
		req := &tagResourcesRequest{RpcRequest: newGaRequest(actionTagResources), ClientToken: conns.NewClientToken(),
			ResourceType: resourceTypeBandwidthPackage, ResourceID: &[]string{id}, Tag: &set}
		if err := api.Do(ctx, req, newEmptyResponse()); err != nil {
			return fmt.Errorf("setting tags: %w", err)
		}
	}
	return nil
}

// sendResourceGroup moves bandwidth plan id to resource group group (ChangeResourceGroup).
func sendResourceGroup(ctx context.Context, api gaAPI, id, group string) error {
	req := &changeResourceGroupRequest{RpcRequest: newGaRequest(actionChangeResourceGroup), ClientToken: conns.NewClientToken(),
		ResourceType: resourceTypeBandwidthPackage, ResourceID: id, NewResourceGroupID: group}
	return api.Do(ctx, req, newEmptyResponse())
}
