package validators

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// IDKind is a kind of Alibaba Cloud resource id: a fixed prefix followed by lower-case letters
// and digits, as the API creates them (gbwp-bp1sgzldyj6b4q7cx).
type IDKind struct {
	// Prefix starts every id of the kind, e.g. "gbwp-".
	Prefix string
	// Name names the kind in messages, e.g. "GA bandwidth plan".
	Name string
	// Example is an id of the kind, for messages.
	Example string
}

// Kinds of ids the provider's resources take.
var (
	IDKindCENBandwidthPackage = IDKind{Prefix: "cenbwp-", Name: "CEN bandwidth package", Example: "cenbwp-3xrxupouolw5ou"}
	IDKindGABandwidthPlan     = IDKind{Prefix: "gbwp-", Name: "GA bandwidth plan", Example: "gbwp-bp1sgzldyj6b4q7cx"}
	IDKindGAAccelerator       = IDKind{Prefix: "ga-", Name: "GA accelerator", Example: "ga-bp1odcab8tmno0hdq"}
	IDKindResourceGroup       = IDKind{Prefix: "rg-", Name: "resource group", Example: "rg-acfmzw2jz2z2kra"}
	idKindCEN                 = IDKind{Prefix: "cen-", Name: "CEN instance"}
)

// knownIDKinds are the kinds an id of another kind is recognized as, for the hint in a message.
// Longer prefixes first: "gbwp-" before "ga-" would not matter, "cenbwp-" before "cen-" does.
var knownIDKinds = []IDKind{IDKindCENBandwidthPackage, IDKindGABandwidthPlan, IDKindGAAccelerator, IDKindResourceGroup, idKindCEN}

// maxIDLength bounds an id: the API's are some 20 to 30 characters long.
const maxIDLength = 64

// idTail is what follows the prefix of an id.
var idTail = regexp.MustCompile(`^[a-z0-9]+$`)

// ID returns a validator that accepts only an id of kind: its prefix, then lower-case letters
// and digits. Its message says what is wrong (another kind's id, white space, upper case) and
// shows an id of the right kind.
func ID(kind IDKind) validator.String { return idValidator{kind} }

// idValidator is the validator ID returns.
type idValidator struct{ kind IDKind }

// Description implements validator.String.
func (v idValidator) Description(context.Context) string {
	return fmt.Sprintf("value must be a %s id: %s followed by lower-case letters and digits", v.kind.Name, v.kind.Prefix)
}

// MarkdownDescription implements validator.String.
func (v idValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString implements validator.String.
func (v idValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := v.kind.problem(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+v.kind.Name+" id",
			fmt.Sprintf("%s = %s %s. Set it to the id of a %s, such as %q (%s followed by lower-case letters and digits).",
				req.Path, Shorten(req.ConfigValue.ValueString()), problem, v.kind.Name, v.kind.Example, v.kind.Prefix))
	}
}

// problem says what is wrong with id as an id of kind, or "" when nothing is.
func (kind IDKind) problem(id string) string {
	trimmed := strings.TrimSpace(id)
	switch {
	case id == "":
		return "is empty"
	case len(id) > maxIDLength:
		return fmt.Sprintf("is %d characters long, and no id is longer than %d", len([]rune(id)), maxIDLength)
	case trimmed != id:
		return "has white space around it"
	case strings.HasPrefix(strings.ToLower(id), kind.Prefix) && strings.ToLower(id) != id && idTail.MatchString(strings.ToLower(id[len(kind.Prefix):])):
		return "has upper-case letters; ids are lower case"
	case strings.HasPrefix(id, kind.Prefix) && idTail.MatchString(id[len(kind.Prefix):]):
		return ""
	}
	for _, other := range knownIDKinds {
		if other.Prefix != kind.Prefix && strings.HasPrefix(strings.ToLower(id), other.Prefix) {
			return "is the id of a " + other.Name + ", not of a " + kind.Name
		}
	}
	if !strings.HasPrefix(id, kind.Prefix) {
		return "does not start with " + kind.Prefix
	}
	for _, r := range id[len(kind.Prefix):] {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return fmt.Sprintf("has the character %q, which no id has", r)
		}
	}
	return "has nothing after " + kind.Prefix
}

// MaxShown is how many characters of a value a message shows (Shorten).
const MaxShown = 64

// Shorten quotes a user-supplied value for a message (as %q does, escaping control and
// invisible characters), cut to MaxShown characters with a note of its full length, so that a
// value of megabytes is never echoed whole.
func Shorten(s string) string {
	runes := []rune(s)
	if len(runes) <= MaxShown {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q... (%d characters)", string(runes[:MaxShown]), len(runes))
}

// Shortened returns inner with the value shortened (Shorten) wherever its messages show it:
// the framework's validators (OneOf, RegexMatches) show the value whole, and a value of
// megabytes would fill the terminal.
func Shortened(inner validator.String) validator.String { return shortened{inner} }

// shortened is the validator Shortened returns.
type shortened struct{ inner validator.String }

// Description implements validator.String.
func (v shortened) Description(ctx context.Context) string { return v.inner.Description(ctx) }

// MarkdownDescription implements validator.String.
func (v shortened) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

// ValidateString implements validator.String.
func (v shortened) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	var inner validator.StringResponse
	v.inner.ValidateString(ctx, req, &inner)
	value := req.ConfigValue.ValueString()
	if len([]rune(value)) <= MaxShown {
		resp.Diagnostics.Append(inner.Diagnostics...)
		return
	}
	short := Shorten(value)
	for _, d := range inner.Diagnostics {
		detail := strings.ReplaceAll(strings.ReplaceAll(d.Detail(), strconv.Quote(value), short), value, short)
		summary := strings.ReplaceAll(d.Summary(), value, short)
		if d.Severity() == diag.SeverityWarning {
			resp.Diagnostics.AddAttributeWarning(req.Path, summary, detail)
		} else {
			resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
		}
	}
}
