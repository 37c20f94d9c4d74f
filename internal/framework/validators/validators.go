// Package validators holds the provider's generic validators, named for the rules they check:
// cross-attribute rules (RequiredWhen, AllowedOnlyWhen) and attribute formats (Region,
// PositiveDuration). Rules of one resource stay with it, in its <resource>_plan.go.
package validators
