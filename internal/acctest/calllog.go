package acctest

import (
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Everything in this file is mock only: it reads the mock's call log, which the real cloud does
// not show. The checks of a nil *Mock (an Env against the real cloud) check nothing.

// IsMutatingAction reports whether an API action changes something in the cloud. It is the
// mock's own classification, so tests and the mock's state-file saving agree.
func IsMutatingAction(action string) bool { return mockcloud.IsMutatingAction(action) }

// CallLog is a part of the mock's call log, oldest call first.
type CallLog []rpc.CallRecord

// Of returns the calls of action.
func (l CallLog) Of(action string) CallLog {
	var out CallLog
	for _, c := range l {
		if c.Action == action {
			out = append(out, c)
		}
	}
	return out
}

// Answers renders how the mock answered each call: "dropped" (the response was not sent),
// "200", or the HTTP status and error code, e.g. "400 Throttling.User".
func (l CallLog) Answers() []string {
	out := make([]string, len(l))
	for i, c := range l {
		switch {
		case c.Status == 0:
			out[i] = "dropped"
		case c.Code == "":
			out[i] = strconv.Itoa(c.Status)
		default:
			out[i] = fmt.Sprintf("%d %s", c.Status, c.Code)
		}
	}
	return out
}

// Params returns the value of the parameter name in each call.
func (l CallLog) Params(name string) []string {
	out := make([]string, len(l))
	for i, c := range l {
		out[i] = c.Params[name]
	}
	return out
}

// Last returns the last call, and false when there is none.
func (l CallLog) Last() (rpc.CallRecord, bool) {
	if len(l) == 0 {
		return rpc.CallRecord{}, false
	}
	return l[len(l)-1], true
}

// Mutating returns the calls of actions that change something.
func (l CallLog) Mutating() CallLog {
	var out CallLog
	for _, c := range l {
		if IsMutatingAction(c.Action) {
			out = append(out, c)
		}
	}
	return out
}

// Log returns the whole call log. Mock only.
func (m *Mock) Log() CallLog { return m.Calls() }

// Checkpoint marks the current end of the call log; use it as a step's PreConfig. Mock only.
func (m *Mock) Checkpoint() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.checkpoint = len(m.Calls())
}

// CheckpointCheck is Checkpoint as a check, to mark the log at the end of a step. Mock only.
func (m *Mock) CheckpointCheck() resource.TestCheckFunc {
	return func(*terraform.State) error {
		m.Checkpoint()
		return nil
	}
}

// LogSinceCheckpoint returns the calls logged since the last Checkpoint. Mock only.
func (m *Mock) LogSinceCheckpoint() CallLog {
	m.mu.Lock()
	defer m.mu.Unlock()
	calls := m.Calls()
	if m.checkpoint > len(calls) {
		return nil
	}
	return calls[m.checkpoint:]
}

// CountCalls returns how many calls of action the mock has logged. Mock only.
func (m *Mock) CountCalls(action string) int { return len(m.Log().Of(action)) }

// CheckCallCount checks that the mock logged action exactly want times in all. Mock only.
func (m *Mock) CheckCallCount(action string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if m == nil {
			return nil
		}
		if n := m.CountCalls(action); n != want {
			return fmt.Errorf("%s called %d times, want %d", action, n, want)
		}
		return nil
	}
}

// CheckAnswers checks how the mock answered the calls of action, in order, in the whole log
// (see CallLog.Answers for the form of want). Mock only.
func (m *Mock) CheckAnswers(action string, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if m == nil {
			return nil
		}
		return expectAnswers(m.Log(), action, want)
	}
}

// CheckAnswersSinceCheckpoint is CheckAnswers for the calls since the last Checkpoint. Mock only.
func (m *Mock) CheckAnswersSinceCheckpoint(action string, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if m == nil {
			return nil
		}
		return expectAnswers(m.LogSinceCheckpoint(), action, want)
	}
}

// expectAnswers compares the answers to the calls of action in log with want.
func expectAnswers(log CallLog, action string, want []string) error {
	if got := log.Of(action).Answers(); !slices.Equal(got, want) {
		return fmt.Errorf("%s answered %q, want %q", action, got, want)
	}
	return nil
}

// CheckAnswerCount checks that the mock answered want calls, of any action, with the error
// code. Mock only.
func (m *Mock) CheckAnswerCount(code string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if m == nil {
			return nil
		}
		n := 0
		for _, c := range m.Log() {
			if c.Code == code {
				n++
			}
		}
		if n != want {
			return fmt.Errorf("the mock answered %d calls with %s, want %d", n, code, want)
		}
		return nil
	}
}

// CheckNoMutationSinceCheckpoint checks that no mutating call reached the mock since the last
// Checkpoint, whether the mock accepted it or not: a rule enforced at plan must stop the call
// before it is sent. Mock only.
func (m *Mock) CheckNoMutationSinceCheckpoint() resource.TestCheckFunc {
	return func(*terraform.State) error {
		if m == nil {
			return nil
		}
		for _, c := range m.LogSinceCheckpoint().Mutating() {
			return fmt.Errorf("mutating call %s reached the cloud (params %v)", c.Action, c.Params)
		}
		return nil
	}
}

// MutationGuard asserts that refused steps send no mutating call: each refused step marks the
// log, and the next step (of any kind) checks it before it runs. Against the real cloud (no
// mock) it only builds the refused steps.
type MutationGuard struct {
	t      *testing.T
	target Target
	m      *Mock // nil against the real cloud
	armed  bool
}

// MutationGuard returns a guard for the steps of t. The step after the last refused one must
// call Check (the destroy at the end mutates). Mock only; Env.MutationGuard serves either cloud.
func (m *Mock) MutationGuard(t *testing.T) *MutationGuard {
	return &MutationGuard{t: t, target: m, m: m}
}

// Check asserts that no mutating call reached the mock since the last refused step began, if
// one is pending; use it as the PreConfig of the step after refused ones.
func (g *MutationGuard) Check() {
	g.t.Helper()
	if g.armed {
		Check(g.t, g.m.CheckNoMutationSinceCheckpoint())
		g.armed = false
	}
}

// Refused returns step guarded: it checks the steps before it, marks the log, and leaves the
// check of itself to the next step. Its ExpectError is set from pattern (see ExpectError)
// unless empty.
func (g *MutationGuard) Refused(step resource.TestStep, pattern string) resource.TestStep {
	preConfig := step.PreConfig
	step.PreConfig = func() {
		g.Check()
		if preConfig != nil {
			preConfig()
		}
		g.m.Checkpoint()
		g.armed = true
	}
	if pattern != "" {
		step.ExpectError = ExpectError(pattern)
	}
	return step
}

// RefusedConfig is Refused for a step that applies body (with the mock's provider block) and
// must fail with an error matching pattern.
func (g *MutationGuard) RefusedConfig(body, pattern string) resource.TestStep {
	return g.Refused(resource.TestStep{Config: g.target.Config(body)}, pattern)
}

// RefusedPlan is RefusedConfig for a rule the plan must enforce: the step only plans
// (PlanOnly), so a configuration that plans clean and fails only at apply fails the step.
func (g *MutationGuard) RefusedPlan(body, pattern string) resource.TestStep {
	return g.Refused(resource.TestStep{Config: g.target.Config(body), PlanOnly: true}, pattern)
}
