package ga

import (
	"maps"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

// The arguments and attributes of the official alicloud provider's GA resources
// (aliyun/terraform-provider-alicloud v1.277.0, resource_alicloud_ga_bandwidth_package.go and
// resource_alicloud_ga_bandwidth_package_attachment.go): "argument" (Optional or Required
// there) or "computed" (read only), by name. Every argument is accepted here with the same
// meaning; where a value is refused (duration with PayAsYouGo, say), the plan says what to write,
// and the migration guide lists those rules. duration is a string there and a number here:
// Terraform converts "1" to 1.
var officialResourceAttributes = map[string]map[string]string{
	officialPackageType: {
		"bandwidth": "argument", "type": "argument", "bandwidth_type": "argument", "payment_type": "argument",
		"billing_type": "argument", "ratio": "argument", "cbn_geographic_region_ida": "argument",
		"cbn_geographic_region_idb": "argument", "auto_pay": "argument", "duration": "argument",
		"auto_use_coupon": "argument", "renewal_status": "argument", "auto_renew_duration": "argument",
		"promotion_option_no": "argument", "resource_group_id": "argument", "bandwidth_package_name": "argument",
		"description": "argument", "tags": "argument", "status": "computed", "id": "computed",
	},
	officialAttachmentType: {
		"accelerator_id": "argument", "bandwidth_package_id": "argument", "accelerators": "computed",
		"status": "computed", "id": "computed",
	},
}

// officialTimeouts are the operations of the official resources' timeouts blocks.
var officialTimeouts = []string{"create", "update", "delete"}

// TestOfficialResourceAttributesInStep keeps the list of the official GA resources' attributes
// in step with ours: each argument of theirs is an argument here (Optional or Required), each
// attribute they compute is one here too, and the timeouts blocks have their operations.
func TestOfficialResourceAttributesInStep(t *testing.T) {
	for typeName, newResource := range map[string]func() resource.Resource{
		officialPackageType: NewBandwidthPackageResource, officialAttachmentType: NewBandwidthPackageAttachmentResource,
	} {
		s := resourcetest.Schema(t, newResource())
		attributes := officialResourceAttributes[typeName]
		for _, name := range slices.Sorted(maps.Keys(attributes)) {
			a, ok := s.Attributes[name]
			switch {
			case !ok:
				t.Errorf("%s.%s of the official provider is not an attribute here", typeName, name)
			case attributes[name] == "argument" && !a.IsOptional() && !a.IsRequired():
				t.Errorf("%s.%s is an argument of the official provider but not one here", typeName, name)
			case attributes[name] == "computed" && !a.IsComputed():
				t.Errorf("%s.%s is computed by the official provider but not here", typeName, name)
			}
		}
		block, ok := s.Blocks["timeouts"].(schema.SingleNestedBlock)
		if !ok {
			t.Fatalf("%s: no timeouts block", typeName)
		}
		for _, operation := range officialTimeouts {
			if _, ok := block.Attributes[operation]; !ok {
				t.Errorf("%s: timeouts.%s of the official provider is not taken here", typeName, operation)
			}
		}
	}
}
