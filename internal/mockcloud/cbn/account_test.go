package cbn

import (
	"strings"
	"testing"
	"time"
)

// newStrictFixture is newFixture with the account a new Alibaba Cloud account has, but for
// the temporary upgrade enabled when enabled is true.
func newStrictFixture(t *testing.T, enabled bool, seeds ...Package) *fixture {
	t.Helper()
	f := newFixture(t, time.Minute, seeds...)
	f.p.SetAccount(AccountSettings{CenTempUpgradeEnabled: enabled})
	return f
}

func TestTempUpgradeNotEnabledByDefault(t *testing.T) {
	f := newStrictFixture(t, false, prepay("cenbwp-a", 10))
	err := f.upgrade("cenbwp-a", 50, f.at(4*time.Hour))
	wantCode(t, err, CodeTempUpgradeNotEnabled)
	if !strings.Contains(err.Error(), "account manager") {
		t.Errorf("message does not say how to get the feature: %v", err)
	}
	f.clock.Advance(time.Minute)
	wantWindow(t, f.one("cenbwp-a", true), 10, "", time.Time{})
	// An unknown package is still answered as such.
	wantCode(t, f.upgrade("cenbwp-none", 50, f.at(4*time.Hour)), CodeBandwidthPackageNotFound)
}

func TestStrictSecondOrderDuringWindowRefused(t *testing.T) {
	f := newStrictFixture(t, true, prepay("cenbwp-a", 10))
	end := f.clock.Now().UTC().Truncate(time.Hour).Add(5 * time.Hour) // a whole hour: not rounded
	if err := f.upgrade("cenbwp-a", 50, end); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(time.Minute)
	for _, tt := range []struct {
		name      string
		bandwidth int64
		end       time.Time
	}{
		{"extend", 50, end.Add(2 * time.Hour)},
		{"shorten", 50, end.Add(-time.Hour)},
		{"same", 50, end},
		{"raise", 80, end},
	} {
		err := f.upgrade("cenbwp-a", tt.bandwidth, tt.end)
		wantCode(t, err, CodeOrderParameterIllegal)
		if !strings.Contains(err.Error(), "conflict with an existing order") {
			t.Errorf("%s: message does not name the conflict: %v", tt.name, err)
		}
	}
	wantWindow(t, f.one("cenbwp-a", true), 50, "10", end)
	// Once the window has ended, a new one can be ordered.
	f.clock.Advance(end.Sub(f.clock.Now()))
	if err := f.upgrade("cenbwp-a", 60, f.at(4*time.Hour)); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}

func TestStrictReservationActiveTimeRoundedUpToTheHour(t *testing.T) {
	f := newStrictFixture(t, true, prepay("cenbwp-a", 10))
	ordered := f.clock.Now().UTC().Truncate(time.Hour).Add(4*time.Hour + 20*time.Minute + 52*time.Second)
	if err := f.upgrade("cenbwp-a", 50, ordered); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(time.Minute)
	wholeHour := ordered.Truncate(time.Hour).Add(time.Hour)
	got := f.one("cenbwp-a", true)
	if got.ReservationActiveTime != apiTime(wholeHour) || got.ReservationActiveTime == apiTime(ordered) {
		t.Fatalf("ReservationActiveTime %s, want the whole hour after %s: %s", got.ReservationActiveTime, secondTime(ordered), apiTime(wholeHour))
	}
	f.clock.Advance(ordered.Add(time.Minute).Sub(f.clock.Now()))
	wantWindow(t, f.one("cenbwp-a", true), 50, "10", wholeHour) // still open after EndTime
	f.clock.Advance(wholeHour.Sub(f.clock.Now()))
	wantWindow(t, f.one("cenbwp-a", true), 10, "", time.Time{})

	// The lenient reading echoes EndTime to the minute.
	f.p.SetAccount(AccountSettings{CenTempUpgradeEnabled: true, CenReservationTimeExact: true})
	again := f.at(4 * time.Hour).Add(17 * time.Second)
	if err := f.upgrade("cenbwp-a", 50, again); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(time.Minute)
	wantWindow(t, f.one("cenbwp-a", true), 50, "10", again)
}
