package acctest

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TimePasses moves a mock's clock forward while the provider waits, so that a test need not
// wait in real time for what the cloud makes it wait for (an update cool-down of minutes): once
// the mock has answered a call of Action with Code, the clock advances by By. Start it in a
// step's PreConfig and Check it in the step's checks. Mock only: on a nil *Mock (the real
// cloud, where time passes as it does) Start and Check do nothing.
type TimePasses struct {
	m      *Mock
	action string
	code   string
	by     time.Duration

	stop    chan struct{}
	stopped sync.Once
	done    chan struct{}
	fired   atomic.Bool
}

// TimePassesWhen returns a TimePasses that advances m's clock by d once m answers a call of
// action with code. Mock only.
func (m *Mock) TimePassesWhen(action, code string, d time.Duration) *TimePasses {
	return &TimePasses{m: m, action: action, code: code, by: d}
}

// Start watches the calls the mock answers from now on; use it as a step's PreConfig.
func (w *TimePasses) Start() {
	if w.m == nil {
		return
	}
	w.stop, w.done = make(chan struct{}), make(chan struct{})
	from := len(w.m.Calls())
	go func() {
		defer close(w.done)
		ticker := time.NewTicker(20 * time.Millisecond)
		defer ticker.Stop()
		for {
			if w.answered(from) {
				w.m.Advance(w.by)
				w.fired.Store(true)
				return
			}
			select {
			case <-w.stop:
				if w.answered(from) { // a last look: the answer may have come since
					w.m.Advance(w.by)
					w.fired.Store(true)
				}
				return
			case <-ticker.C:
			}
		}
	}()
}

// answered reports whether the mock answered a call of the action with the code, among the
// calls from the index from on.
func (w *TimePasses) answered(from int) bool {
	calls := w.m.Calls()
	for _, c := range calls[min(from, len(calls)):] {
		if c.Action == w.action && c.Code == w.code {
			return true
		}
	}
	return false
}

// Check stops the watch and fails unless the answer came and the clock advanced.
func (w *TimePasses) Check() resource.TestCheckFunc {
	return func(*terraform.State) error {
		if w.m == nil {
			return nil
		}
		if w.stop == nil {
			return fmt.Errorf("TimePasses.Check without Start")
		}
		w.stopped.Do(func() { close(w.stop) })
		<-w.done
		if !w.fired.Load() {
			return fmt.Errorf("the mock never answered %s with %s, so the clock did not advance by %s", w.action, w.code, w.by)
		}
		return nil
	}
}
