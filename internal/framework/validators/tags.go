package validators

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Limits of Alibaba Cloud tags (TagResources pages): at most MaxTags tags on a resource, a key
// of 1 to MaxTagKeyLength characters, a value of at most MaxTagValueLength.
const (
	MaxTags           = 20
	MaxTagKeyLength   = 64
	MaxTagValueLength = 128
)

// Tags returns a validator of a map of tags by the rules of the TagResources pages: at most
// MaxTags, keys of 1 to MaxTagKeyLength characters and values of at most MaxTagValueLength,
// neither starting with "aliyun" or "acs:" (reserved for the system's tags) nor containing
// "http://" or "https://".
func Tags() validator.Map { return tagsValidator{} }

// tagsValidator is the validator Tags returns.
type tagsValidator struct{}

// Description implements validator.Map.
func (tagsValidator) Description(context.Context) string {
	return fmt.Sprintf("at most %d tags; keys of 1 to %d characters, values of at most %d, neither starting with "+
		"aliyun or acs: nor containing http:// or https://", MaxTags, MaxTagKeyLength, MaxTagValueLength)
}

// MarkdownDescription implements validator.Map.
func (v tagsValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateMap implements validator.Map.
func (tagsValidator) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	elements := req.ConfigValue.Elements()
	if len(elements) > MaxTags {
		resp.Diagnostics.AddAttributeError(req.Path, "Too many tags",
			fmt.Sprintf("%s has %d tags; a resource can have at most %d. Remove %d of them.",
				req.Path, len(elements), MaxTags, len(elements)-MaxTags))
	}
	for _, key := range slices.Sorted(maps.Keys(elements)) {
		problem := tagTextProblem(key, MaxTagKeyLength)
		if key == "" {
			problem = "is empty"
		}
		if problem != "" {
			resp.Diagnostics.AddAttributeError(req.Path.AtMapKey(key), "Invalid tag key",
				fmt.Sprintf("The tag key %s %s. A key has 1 to %d characters, does not start with aliyun or acs: and "+
					"contains no http:// or https://.", Shorten(key), problem, MaxTagKeyLength))
		}
		value, ok := elements[key].(types.String)
		if !ok || value.IsNull() || value.IsUnknown() {
			continue
		}
		if problem := tagTextProblem(value.ValueString(), MaxTagValueLength); problem != "" {
			resp.Diagnostics.AddAttributeError(req.Path.AtMapKey(key), "Invalid tag value",
				fmt.Sprintf("The value of tag %s %s. A value has at most %d characters, does not start with aliyun "+
					"or acs: and contains no http:// or https://.", Shorten(key), problem, MaxTagValueLength))
		}
	}
}

// tagTextProblem says what is wrong with a tag key or value, or "" when nothing is.
func tagTextProblem(s string, maxLength int) string {
	switch {
	case utf8.RuneCountInString(s) > maxLength:
		return fmt.Sprintf("has %d characters, more than %d", utf8.RuneCountInString(s), maxLength)
	case strings.HasPrefix(s, "aliyun") || strings.HasPrefix(s, "acs:"):
		return "starts with aliyun or acs:, which are reserved for the system's tags"
	case strings.Contains(s, "http://") || strings.Contains(s, "https://"):
		return "contains http:// or https://"
	}
	return ""
}
