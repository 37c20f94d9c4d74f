package conns

import "sync"

// Claims records what the resources of one configuration claim for themselves alone while
// Terraform plans or applies it: the one temporary upgrade window of a CEN bandwidth package,
// the one accelerator a GA bandwidth plan is bound to, the one Basic plan of an accelerator.
// Terraform plans every resource of a configuration through one provider instance, configured
// once per plan and once per apply, and each Configure builds a new Client, so a Claims sees
// exactly the resources of one plan (or of one apply), each planned once: a second claim of a
// key is another resource of the same configuration claiming the same thing, which the plan can
// refuse before the apply does half of it.
//
// Terraform does not always configure the provider anew for each plan: terraform test (1.14)
// keeps one instance for the plans and applies of a test file's runs. So a claim belongs to the
// plan in which it was made, told apart by the API calls that change something: no plan sends
// one, every apply between two plans does (see Client.Claims). Such a call forgets every claim
// made before it.
//
// Only plans that keep or create a resource claim (never a destroy), so a resource destroyed
// in the plan that creates its successor does not collide with it. Claims is safe for
// concurrent use, as Terraform plans resources in parallel; a nil *Claims records nothing and
// accepts every claim.
type Claims struct {
	mu   sync.Mutex
	held map[string]string
}

// NewClaims returns an empty registry.
func NewClaims() *Claims {
	return &Claims{held: map[string]string{}}
}

// Changed records that an API call that changes something was sent: Terraform is applying, so
// the claims made so far belong to the plan before it, and are forgotten.
func (c *Claims) Changed() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.held)
}

// Claim records that holder (a description of the claiming resource for messages, such as
// "the binding of gbwp-1 to ga-1") claims key. When another holder claimed key already in this
// plan, it records nothing and returns the earlier holder and false. The same holder may claim
// its key again: with terraform test's kept instance, the apply plans every resource once more
// before anything is changed. (Two resources of one configuration that claim the same key with
// the same description, identical to the last value, then pass the plan; the apply refuses the
// second.)
func (c *Claims) Claim(key, holder string) (earlier string, ok bool) {
	if c == nil {
		return "", true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if earlier, taken := c.held[key]; taken && earlier != holder {
		return earlier, false
	}
	c.held[key] = holder
	return "", true
}

// Holder returns who claimed key in this plan, and whether anyone did.
func (c *Claims) Holder(key string) (string, bool) {
	if c == nil {
		return "", false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	holder, ok := c.held[key]
	return holder, ok
}
