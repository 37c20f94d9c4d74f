package ga

import (
	"net/url"
	"time"
)

// handler runs one action with p.mu held, after pending operations are settled.
type handler func(p *Product, params url.Values, now time.Time) (any, error)

// handlers maps each served action to its implementation.
var handlers = map[string]handler{}
