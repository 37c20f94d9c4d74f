package waiter

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"
)

// BenchmarkWait_lateness measures, on the fake clock, how late Wait notices that an operation
// has completed, and how many polls that costs, for operations of a few lengths. It reports
// custom metrics (ns/op is only the CPU cost of the simulation):
//
//	late-s     mean delay between completion and the poll that sees it, in seconds
//	late-max-s worst delay seen
//	late-%     mean delay as a share of the operation's length
//	polls      mean number of Refresh calls per wait
//
// Completion times are spread over ±25% of the nominal length (a low-discrepancy sequence,
// the same for every b.N), so the figures do not depend on where one completion time happens
// to fall between two polls. The waits have no deadline, so the shortened last interval before
// one (see Wait) does not enter the figures. Besides the defaults it runs a few alternative interval settings,
// for comparison:
//
//	go test -run '^$' -bench Lateness -benchtime 2000x ./internal/waiter
func BenchmarkWait_lateness(b *testing.B) {
	settings := []struct {
		name     string
		min, max time.Duration
	}{
		{"defaults", 0, 0}, // DefaultMinInterval growing by GrowthFactor to DefaultMaxInterval
		{"cap=5s", 0, 5 * time.Second},
		{"cap=30s", 0, 30 * time.Second},
		{"min=1s", time.Second, 0},
	}
	lengths := []time.Duration{time.Second, 10 * time.Second, time.Minute, 5 * time.Minute}
	for _, s := range settings {
		for _, length := range lengths {
			b.Run(fmt.Sprintf("%s/op=%s", s.name, length), func(b *testing.B) {
				var lateSum, lateMax time.Duration
				polls := 0
				for i := range b.N {
					// Golden-ratio sequence: evenly spread fractions in [0, 1).
					frac := math.Mod(float64(i+1)*0.6180339887498949, 1)
					done := time.Duration(float64(length) * (0.75 + 0.5*frac))
					late, n := noticeDelay(b, done, s.min, s.max)
					lateSum += late
					lateMax = max(lateMax, late)
					polls += n
				}
				mean := lateSum.Seconds() / float64(b.N)
				b.ReportMetric(mean, "late-s")
				b.ReportMetric(lateMax.Seconds(), "late-max-s")
				b.ReportMetric(100*mean/length.Seconds(), "late-%")
				b.ReportMetric(float64(polls)/float64(b.N), "polls")
			})
		}
	}
}

// noticeDelay runs one wait for an operation that completes done after the start and returns
// how late the waiter saw it and how many polls it made.
func noticeDelay(b *testing.B, done, minInterval, maxInterval time.Duration) (time.Duration, int) {
	clock := newFakeClock()
	start := clock.Now()
	polls := 0
	_, err := Wait(context.Background(), Conf[int]{
		Pending:     []string{"Pending"},
		Target:      []string{"Done"},
		MinInterval: minInterval,
		MaxInterval: maxInterval,
		Clock:       clock,
		Refresh: func(context.Context) (int, string, error) {
			polls++
			if clock.Now().Sub(start) >= done {
				return polls, "Done", nil
			}
			return polls, "Pending", nil
		},
	})
	if err != nil {
		b.Fatal(err)
	}
	return clock.Now().Sub(start) - done, polls
}
