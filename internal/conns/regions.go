package conns

import "slices"

// Regions are the public Alibaba Cloud region ids the provider accepts.
var Regions = []string{
	"ap-northeast-1", "ap-northeast-2", "ap-south-1",
	"ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
	"cn-beijing", "cn-beijing-finance-1", "cn-chengdu", "cn-fuzhou", "cn-guangzhou", "cn-hangzhou",
	"cn-heyuan", "cn-hongkong", "cn-huhehaote", "cn-nanjing", "cn-north-2-gov-1", "cn-qingdao",
	"cn-shanghai", "cn-shanghai-finance-1", "cn-shenzhen", "cn-shenzhen-finance-1", "cn-wuhan-lr",
	"cn-wulanchabu", "cn-zhangjiakou",
	"eu-central-1", "eu-west-1",
	"me-central-1", "me-east-1",
	"na-south-1",
	"us-east-1", "us-west-1",
}

// IsKnownRegion reports whether region is one of Regions.
func IsKnownRegion(region string) bool { return slices.Contains(Regions, region) }
