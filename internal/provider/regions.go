package provider

// DefaultRegion is the region used when neither the region attribute nor an environment
// variable sets one.
const DefaultRegion = "cn-hangzhou"
