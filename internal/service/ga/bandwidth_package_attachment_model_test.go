package ga

import (
	"testing"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

func TestParseAttachmentID(t *testing.T) {
	p, a, err := parseAttachmentID("gbwp-1:ga-2")
	if err != nil || p != "gbwp-1" || a != "ga-2" {
		t.Errorf("parseAttachmentID = %q, %q, %v", p, a, err)
	}
	if attachmentID(p, a) != "gbwp-1:ga-2" {
		t.Error("attachmentID does not invert parseAttachmentID")
	}
	for _, bad := range []string{"", "gbwp-1", "gbwp-1:", ":ga-2", "a:b:c"} {
		if _, _, err := parseAttachmentID(bad); err == nil {
			t.Errorf("parseAttachmentID(%q) accepted", bad)
		}
	}
}

// TestAttachmentModelMatchesSchema: every attribute of the schema has a model field of its
// type, and every field an attribute.
func TestAttachmentModelMatchesSchema(t *testing.T) {
	resourcetest.ExpectModelMatchesSchema(t, attachmentSchema(t), bandwidthPackageAttachmentModel{})
}
