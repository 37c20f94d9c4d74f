package ga

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework"
)

// acceleratorsDataSourceModel is the data source's data.
type acceleratorsDataSourceModel struct {
	Accelerators         []acceleratorDataModel `tfsdk:"accelerators"`
	BandwidthBillingType types.String           `tfsdk:"bandwidth_billing_type"`
	IDs                  types.List             `tfsdk:"ids"`
	NameRegex            types.String           `tfsdk:"name_regex"`
	Names                types.List             `tfsdk:"names"`
	Status               types.String           `tfsdk:"status"`
}

// acceleratorDataModel is one accelerator of the data source.
type acceleratorDataModel struct {
	AcceleratorID               string               `tfsdk:"accelerator_id"`
	AcceleratorName             string               `tfsdk:"accelerator_name"`
	BandwidthBillingType        string               `tfsdk:"bandwidth_billing_type"`
	BasicBandwidthPackage       []basicPlanDataModel `tfsdk:"basic_bandwidth_package"`
	CenID                       string               `tfsdk:"cen_id"`
	CreateTime                  string               `tfsdk:"create_time"`
	CrossDomainBandwidthPackage []crossPlanDataModel `tfsdk:"cross_domain_bandwidth_package"`
	DdosID                      string               `tfsdk:"ddos_id"`
	Description                 string               `tfsdk:"description"`
	DNSName                     string               `tfsdk:"dns_name"`
	ExpiredTime                 string               `tfsdk:"expired_time"`
	ID                          string               `tfsdk:"id"`
	PaymentType                 string               `tfsdk:"payment_type"`
	ResourceGroupID             string               `tfsdk:"resource_group_id"`
	SecondDNSName               string               `tfsdk:"second_dns_name"`
	Spec                        string               `tfsdk:"spec"`
	Status                      string               `tfsdk:"status"`
}

// basicPlanDataModel is the Basic plan bound to an accelerator.
type basicPlanDataModel struct {
	Bandwidth     int64  `tfsdk:"bandwidth"`
	BandwidthType string `tfsdk:"bandwidth_type"`
	InstanceID    string `tfsdk:"instance_id"`
}

// crossPlanDataModel is the CrossDomain plan bound to an accelerator.
type crossPlanDataModel struct {
	Bandwidth  int64  `tfsdk:"bandwidth"`
	InstanceID string `tfsdk:"instance_id"`
}

// flatten sets ids, names and accelerators from the accelerators found.
func (m *acceleratorsDataSourceModel) flatten(ctx context.Context, found []*listedAccelerator) diag.Diagnostics {
	ids, names := []string{}, []string{}
	m.Accelerators = []acceleratorDataModel{}
	for _, acc := range found {
		ids, names = append(ids, acc.AcceleratorId), append(names, acc.Name)
		a := acceleratorDataModel{
			AcceleratorID: acc.AcceleratorId, AcceleratorName: acc.Name, BandwidthBillingType: acc.BandwidthBillingType,
			BasicBandwidthPackage: []basicPlanDataModel{}, CenID: acc.CenId, CreateTime: formatMillis(acc.CreateTime),
			CrossDomainBandwidthPackage: []crossPlanDataModel{}, DdosID: acc.DdosId, Description: acc.Description,
			DNSName: acc.DnsName, ExpiredTime: formatMillis(acc.ExpiredTime), ID: acc.AcceleratorId,
			PaymentType: acc.InstanceChargeType, ResourceGroupID: acc.ResourceGroupID, SecondDNSName: acc.SecondDnsName,
			Spec: acc.Spec, Status: acc.State,
		}
		if p := acc.BasicBandwidthPackage; p.InstanceId != "" {
			a.BasicBandwidthPackage = append(a.BasicBandwidthPackage, basicPlanDataModel{
				Bandwidth: int64(p.Bandwidth), BandwidthType: p.BandwidthType, InstanceID: p.InstanceId,
			})
		}
		if p := acc.CrossDomainBandwidthPackage; p.InstanceId != "" {
			a.CrossDomainBandwidthPackage = append(a.CrossDomainBandwidthPackage, crossPlanDataModel{
				Bandwidth: int64(p.Bandwidth), InstanceID: p.InstanceId,
			})
		}
		m.Accelerators = append(m.Accelerators, a)
	}
	return framework.SetFoundIDs(ctx, &m.IDs, &m.Names, ids, names)
}
