package validators

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"terraform-provider-alibabacloud/internal/conns"
)

// Region returns a validator that accepts only a known Alibaba Cloud region id (conns.Regions).
func Region() validator.String {
	return StringCheck("value must be a known Alibaba Cloud region id", func(p path.Path, value string) (string, string) {
		if conns.IsKnownRegion(value) {
			return "", ""
		}
		return "Unknown Alibaba Cloud region", UnknownRegionDetail(value, "attribute "+p.String())
	})
}

// UnknownRegionDetail says that region, read from from ("attribute region", "environment
// variable ALICLOUD_REGION"), is not a known region id, and lists the known ones.
func UnknownRegionDetail(region, from string) string {
	return fmt.Sprintf("The region %s (from the %s) is not an Alibaba Cloud region id. Known regions: %s.",
		Shorten(region), from, strings.Join(conns.Regions, ", "))
}

// PositiveDuration returns a validator that accepts a positive Go duration such as 30s or 2m.
func PositiveDuration() validator.String {
	return StringCheck("value must be a positive duration such as 30s or 2m", func(p path.Path, value string) (string, string) {
		if _, err := ParsePositiveDuration(value); err != nil {
			return "Invalid " + p.String(), err.Error() + "."
		}
		return "", ""
	})
}

// ParsePositiveDuration reads a positive Go duration such as 30s or 2m.
func ParsePositiveDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a positive duration such as 30s or 2m", s)
	}
	return d, nil
}

// Endpoint returns a validator that accepts an API endpoint as conns.ParseEndpoint reads it: a
// host, or an http(s) URL of a host, with a valid host and port. An empty string is refused: it
// does not mean the default endpoint. def is the default endpoint, for messages.
func Endpoint(def string) validator.String {
	return StringCheck("value must be a host such as cbn.aliyuncs.com or an http(s) URL such as http://127.0.0.1:8686",
		func(p path.Path, value string) (string, string) {
			return EndpointProblem(value, "attribute "+p.String(), p.String(), def)
		})
}

// EndpointProblem says what is wrong with value as an endpoint, read from from ("attribute
// endpoints.ga", "environment variable ALIBABA_CLOUD_ENDPOINT_GA") for setting (endpoints.ga),
// whose default is def: a summary and a detail, or "" when nothing is.
func EndpointProblem(value, from, setting, def string) (summary, detail string) {
	if strings.TrimSpace(value) == "" {
		return "Empty endpoint", fmt.Sprintf("The %s is empty. An empty endpoint does not mean the default: leave %s "+
			"out for the production endpoint %s, or give a host such as %s or an http(s) URL such as "+
			"http://127.0.0.1:8686. (An empty string usually comes from an empty variable, and calls meant for a "+
			"test endpoint would go to the real cloud.)", from, setting, def, def)
	}
	if _, err := conns.ParseEndpoint(value); err != nil {
		return "Malformed endpoint", fmt.Sprintf("The %s, %s, is not an endpoint: %s. Write a host such as %s or an "+
			"http(s) URL of a host and port (1 to 65535) such as http://127.0.0.1:8686.", from, Shorten(value), err, def)
	}
	return "", ""
}
