// Package resourcetest helps unit-test the provider's resources without Terraform or a mock
// cloud: their schema, plans and states built from models or from attribute values, a recording
// fake of a product's API to hand them (framework's SetAPI), the API's errors as the SDK builds
// them, and a check that a model and its schema agree.
package resourcetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Schema returns r's schema, failing t when r reports an error or the schema is not valid.
func Schema(t testing.TB, r resource.Resource) schema.Schema {
	t.Helper()
	var resp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	if diags := resp.Schema.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatalf("schema implementation: %v", diags)
	}
	return resp.Schema
}

// State returns a state of schema s holding model, a pointer to the resource's model struct or
// nil for a null state (no resource).
func State(t testing.TB, s schema.Schema, model any) tfsdk.State {
	t.Helper()
	st := tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)}
	if model != nil && !reflect.ValueOf(model).IsNil() {
		if diags := st.Set(context.Background(), model); diags.HasError() {
			t.Fatal(diags)
		}
	}
	return st
}

// Plan returns a plan of schema s holding model, as State does.
func Plan(t testing.TB, s schema.Schema, model any) tfsdk.Plan {
	t.Helper()
	return tfsdk.Plan(State(t, s, model))
}

// Get reads a model of type M out of a state.
func Get[M any](t testing.TB, st tfsdk.State) M {
	t.Helper()
	var m M
	if diags := st.Get(context.Background(), &m); diags.HasError() {
		t.Fatal(diags)
	}
	return m
}

// Object builds a raw value of schema s from attribute values: strings, bools, ints, nested
// map[string]any for object attributes and blocks (such as timeouts) and for maps of
// primitives (such as tags), tftypes.UnknownValue for
// unknown; attributes left out are null. It suits requests written as data rather than as a
// model: a configuration, a plan or a state of a few attributes.
func Object(t testing.TB, s schema.Schema, values map[string]any) tftypes.Value {
	t.Helper()
	objType, ok := s.Type().TerraformType(context.Background()).(tftypes.Object)
	if !ok {
		t.Fatal("schema type is not an object")
	}
	return objectOf(t, objType, values)
}

// objectOf builds a value of objType from values, as Object does.
func objectOf(t testing.TB, objType tftypes.Object, values map[string]any) tftypes.Value {
	t.Helper()
	for name := range values {
		if _, ok := objType.AttributeTypes[name]; !ok {
			t.Fatalf("no attribute %q in %s", name, objType)
		}
	}
	attrs := map[string]tftypes.Value{}
	for name, typ := range objType.AttributeTypes {
		v, ok := values[name]
		nested, isMap := v.(map[string]any)
		nestedType, isObject := typ.(tftypes.Object)
		mapType, isMapType := typ.(tftypes.Map)
		switch {
		case !ok || v == nil:
			attrs[name] = tftypes.NewValue(typ, nil)
		case v == tftypes.UnknownValue:
			attrs[name] = tftypes.NewValue(typ, tftypes.UnknownValue)
		case isMap && isObject:
			attrs[name] = objectOf(t, nestedType, nested)
		case isMap && isMapType:
			elements := map[string]tftypes.Value{}
			for k, e := range nested {
				elements[k] = tftypes.NewValue(mapType.ElementType, e)
			}
			attrs[name] = tftypes.NewValue(mapType, elements)
		default:
			if i, isInt := v.(int); isInt {
				v = float64(i)
			}
			attrs[name] = tftypes.NewValue(typ, v)
		}
	}
	return tftypes.NewValue(objType, attrs)
}

// Null is the null raw value of schema s: no resource.
func Null(s schema.Schema) tftypes.Value {
	return tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)
}

// APIErrorWithStatus returns the error the SDK builds for an API answer with the HTTP status
// and code, the message "message of <code>" and the request id REQ-1.
func APIErrorWithStatus(status int, code string) error {
	return sdkerrors.NewServerError(status, fmt.Sprintf(`{"Code":%q,"Message":"message of %s","RequestId":"REQ-1"}`, code, code), "")
}

// APIError is APIErrorWithStatus for HTTP 400, the API's refusals.
func APIError(code string) error { return APIErrorWithStatus(400, code) }

// ExpectModelMatchesSchema fails t unless the model struct (a value or pointer) and the schema
// agree: every attribute and block of the schema has a field with its name as tfsdk tag and its
// value type, and every tagged field has an attribute or block. The framework reports such a
// mismatch only when a request runs; this finds it in every test run.
func ExpectModelMatchesSchema(t testing.TB, s interface{ Type() attr.Type }, model any) {
	t.Helper()
	objType, ok := s.Type().(attr.TypeWithAttributeTypes)
	if !ok {
		t.Fatalf("schema type %T has no attributes", s.Type())
	}
	inSchema := map[string]reflect.Type{}
	for name, typ := range objType.AttributeTypes() {
		inSchema[name] = reflect.TypeOf(typ.ValueType(context.Background()))
	}
	inModel := map[string]reflect.Type{}
	mt := reflect.TypeOf(model)
	if mt.Kind() == reflect.Pointer {
		mt = mt.Elem()
	}
	for i := range mt.NumField() {
		if tag := mt.Field(i).Tag.Get("tfsdk"); tag != "" && tag != "-" {
			inModel[tag] = mt.Field(i).Type
		}
	}
	var problems []string
	for name, want := range inSchema {
		got, ok := inModel[name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("schema attribute %q has no model field", name))
		case got != want:
			problems = append(problems, fmt.Sprintf("attribute %q: model field of type %s, schema value type %s", name, got, want))
		}
	}
	for name := range inModel {
		if _, ok := inSchema[name]; !ok {
			problems = append(problems, fmt.Sprintf("model field tagged %q has no schema attribute", name))
		}
	}
	slices.Sort(problems)
	if len(problems) > 0 {
		t.Errorf("%s does not match its schema:\n  %s", mt.Name(), strings.Join(problems, "\n  "))
	}
}

// ExpectNoDiagnostics fails t when diags hold any error or warning.
func ExpectNoDiagnostics(t testing.TB, diags diag.Diagnostics) {
	t.Helper()
	if len(diags) > 0 {
		t.Errorf("want no diagnostics, got %v", diags)
	}
}

// ExpectError fails t unless diags are exactly one error, whose summary or detail contains each
// of wants.
func ExpectError(t testing.TB, diags diag.Diagnostics, wants ...string) {
	t.Helper()
	expectOne(t, diags, diag.SeverityError, wants)
}

// ExpectWarning fails t unless diags are exactly one warning, whose summary or detail contains
// each of wants.
func ExpectWarning(t testing.TB, diags diag.Diagnostics, wants ...string) {
	t.Helper()
	expectOne(t, diags, diag.SeverityWarning, wants)
}

// expectOne fails t unless diags are exactly one diagnostic of severity containing each of wants.
func expectOne(t testing.TB, diags diag.Diagnostics, severity diag.Severity, wants []string) {
	t.Helper()
	if len(diags) != 1 || diags[0].Severity() != severity {
		t.Errorf("want exactly one %s containing %q, got %v", severity, wants, diags)
		return
	}
	text := diags[0].Summary() + ": " + diags[0].Detail()
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s %q lacks %q", severity, text, want)
		}
	}
}

// Configured returns the resource newResource builds, as its concrete type R, with api and
// region cn-hangzhou as if the provider had configured it (framework's SetAPI).
func Configured[R interface{ SetAPI(API, string) }, API any](t testing.TB, newResource func() resource.Resource, api API) R {
	t.Helper()
	r, ok := newResource().(R)
	if !ok {
		t.Fatalf("the resource is a %T, not the type asked for", newResource())
	}
	r.SetAPI(api, "cn-hangzhou")
	return r
}
