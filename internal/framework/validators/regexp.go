package validators

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Regexp returns a validator that accepts a Go regular expression (RE2 syntax), such as a
// name_regex filter.
func Regexp() validator.String {
	return StringCheck("value must be a regular expression (RE2 syntax)", func(p path.Path, value string) (string, string) {
		if _, err := regexp.Compile(value); err != nil {
			return "Invalid regular expression", p.String() + " = " + Shorten(value) + " is not a regular expression (RE2 " +
				"syntax, as Go reads it): " + err.Error() + ". For a literal name, escape the characters that have a " +
				"meaning, such as . and (."
		}
		return "", ""
	})
}
