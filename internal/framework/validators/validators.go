// Package validators holds the provider's generic validators, named for the rules they check:
// cross-attribute rules (RequiredWhen, AllowedOnlyWhen) and attribute formats (Region,
// PositiveDuration, Endpoint, ID), and Shorten and Shortened, which keep a user's value short
// in messages. Rules of one resource stay with it, in its <resource>_plan.go.
package validators
