package types

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// caseless is a StringSemantics for the tests: values equal but for case are the same.
type caseless struct{}

func (caseless) Name() string          { return "test.Caseless" }
func (caseless) Same(a, b string) bool { return strings.EqualFold(a, b) }

func caselessValue(s string) SemanticString[caseless] {
	return SemanticString[caseless]{StringValue: basetypes.NewStringValue(s)}
}

func TestSemanticStringEquality(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		a, b SemanticString[caseless]
		want bool
	}{
		{caselessValue("PayBY95"), caselessValue("PayBy95"), true},
		{caselessValue("a"), caselessValue("b"), false},
		{SemanticString[caseless]{StringValue: basetypes.NewStringNull()}, caselessValue(""), false},
		{SemanticString[caseless]{StringValue: basetypes.NewStringUnknown()}, SemanticString[caseless]{StringValue: basetypes.NewStringUnknown()}, true},
	} {
		got, diags := tc.a.StringSemanticEquals(ctx, tc.b)
		if diags.HasError() || got != tc.want {
			t.Errorf("%s ~ %s: %t %v, want %t", tc.a, tc.b, got, diags, tc.want)
		}
	}
	if caselessValue("a").Equal(caselessValue("A")) || !caselessValue("a").Equal(caselessValue("a")) {
		t.Error("Equal must compare exactly")
	}
	_, diags := caselessValue("a").StringSemanticEquals(ctx, basetypes.NewStringValue("a"))
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "test.Caseless") {
		t.Errorf("comparing with a plain string: want an error naming the type, got %v", diags)
	}
}

func TestSemanticStringType(t *testing.T) {
	ctx := context.Background()
	typ := SemanticStringType[caseless]{}
	if typ.String() != "test.CaselessType" {
		t.Errorf("String() = %q", typ.String())
	}
	v, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, "x"))
	if err != nil {
		t.Fatal(err)
	}
	sv, ok := v.(SemanticString[caseless])
	if !ok || sv.ValueString() != "x" {
		t.Fatalf("got %#v, want the SemanticString x", v)
	}
	if !sv.Type(ctx).Equal(typ) || typ.Equal(basetypes.StringType{}) || typ.ValueType(ctx).Type(ctx) != typ {
		t.Error("type equality is wrong")
	}
	for _, in := range []tftypes.Value{tftypes.NewValue(tftypes.String, nil), tftypes.NewValue(tftypes.String, tftypes.UnknownValue)} {
		v, err := typ.ValueFromTerraform(ctx, in)
		if err != nil || (!v.IsNull() && !v.IsUnknown()) {
			t.Errorf("%v: got %v, %v", in, v, err)
		}
	}
	if _, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.Number, 1)); err == nil {
		t.Error("a number: want an error")
	}
	fromString, diags := typ.ValueFromString(ctx, basetypes.NewStringValue("y"))
	if got, ok := fromString.(SemanticString[caseless]); diags.HasError() || !ok || !got.Equal(caselessValue("y")) {
		t.Errorf("ValueFromString = %v, %v", fromString, diags)
	}
}
