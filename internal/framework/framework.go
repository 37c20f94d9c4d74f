// Package framework holds what the provider's resources, data sources, list resources and
// actions share instead of each writing its own: the product client they hold behind a small
// per-product interface (ResourceWithClient, DataSourceWithClient, ActionWithClient, so that
// unit tests give them a fake), one way to compute an operation's deadline (WithTimeouts,
// Deadline), an Update that needs no call (WithNoOpUpdate), and the registry of what the
// resources of one plan claim (Claims, from conns). The generic validators are in
// internal/framework/validators, the custom attribute types in internal/framework/types.
package framework
