package acctest

// Temporary: keeps the modules every package will use in go.mod while the packages are
// written in parallel. Removed once they import them for real.
import (
	_ "github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	_ "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	_ "github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	_ "github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	_ "github.com/hashicorp/terraform-plugin-log/tflog"
	_ "github.com/hashicorp/terraform-plugin-testing/helper/resource"
)
