package ga

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
)

func TestRestoreFillsDefaults(t *testing.T) {
	p := New(clock.NewStopped(time.Now()), time.Minute)
	err := p.Restore(
		[]BandwidthPackage{{BandwidthPackageId: "gbwp-1", Bandwidth: 10}},
		[]Accelerator{{AcceleratorId: "ga-1", BasicBandwidthPackage: &BasicBandwidthPackage{InstanceId: "gbwp-1"}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, accs := p.Snapshot()
	bp := pkgs[0]
	if bp.RegionId != Region || bp.Type != TypeBasic || bp.BandwidthType != BandwidthBasic ||
		bp.ChargeType != ChargePrepay || bp.State != StateBinded || bp.CreateTime == "" || bp.ExpiredTime == "" ||
		!reflect.DeepEqual(bp.Accelerators, []string{"ga-1"}) {
		t.Errorf("package defaults: %+v", bp)
	}
	acc := accs[0]
	if acc.State != AcceleratorActive || acc.Spec != "1" || acc.DnsName == "" || acc.CreateTime == 0 ||
		acc.BasicBandwidthPackage == nil || acc.BasicBandwidthPackage.Bandwidth != 10 {
		t.Errorf("accelerator defaults: %+v", acc)
	}
}

func TestRestoreRejectsInvalidSeeds(t *testing.T) {
	tests := []struct {
		name string
		pkgs []BandwidthPackage
		accs []Accelerator
		want string
	}{
		{"bandwidth out of range", []BandwidthPackage{{Bandwidth: 1}}, nil, "Bandwidth"},
		{"unknown type", []BandwidthPackage{{Bandwidth: 2, Type: "Huge"}}, nil, "Type"},
		{"region", []BandwidthPackage{{Bandwidth: 2, RegionId: "cn-beijing"}}, nil, "RegionId"},
		{"ratio without PayBY95", []BandwidthPackage{{Bandwidth: 2, ChargeType: ChargePostpay, Ratio: 40}}, nil, "Ratio"},
		{"duplicate package", []BandwidthPackage{{BandwidthPackageId: "a", Bandwidth: 2}, {BandwidthPackageId: "a", Bandwidth: 2}}, nil, "duplicate"},
		{"duplicate accelerator", nil, []Accelerator{{AcceleratorId: "x"}, {AcceleratorId: "x"}}, "duplicate"},
		{"unknown accelerator", []BandwidthPackage{{Bandwidth: 2, Accelerators: []string{"ga-x"}}}, nil, "ga-x"},
		{"unknown plan on accelerator", nil, []Accelerator{{AcceleratorId: "x", BasicBandwidthPackage: &BasicBandwidthPackage{InstanceId: "nope"}}}, "nope"},
		{"two basic plans", []BandwidthPackage{{BandwidthPackageId: "a", Bandwidth: 2, Accelerators: []string{"x"}}, {BandwidthPackageId: "b", Bandwidth: 2, Accelerators: []string{"x"}}}, []Accelerator{{AcceleratorId: "x"}}, "two Basic"},
		{"binded without accelerator", []BandwidthPackage{{Bandwidth: 2, State: StateBinded}}, nil, "binded"},
		{"binding without pending", []BandwidthPackage{{Bandwidth: 2, State: StateBinding}}, nil, "MockPending"},
		{"unknown state", []BandwidthPackage{{Bandwidth: 2, State: "weird"}}, nil, "weird"},
		{"bad accelerator state", nil, []Accelerator{{State: "broken"}}, "broken"},
		{"bad create time", []BandwidthPackage{{Bandwidth: 2, CreateTime: "yesterday"}}, nil, "CreateTime"},
		{"unpaid postpay", []BandwidthPackage{{Bandwidth: 2, ChargeType: ChargePostpay, State: StateInit, MockOrderUnpaid: true}}, nil, "MockOrderUnpaid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := New(clock.NewStopped(time.Now()), time.Minute)
			if err := p.Restore([]BandwidthPackage{{BandwidthPackageId: "keep", Bandwidth: 5}}, nil); err != nil {
				t.Fatal(err)
			}
			err := p.Restore(tt.pkgs, tt.accs)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Restore error = %v, want one mentioning %q", err, tt.want)
			}
			if pkgs, _ := p.Snapshot(); len(pkgs) != 1 || pkgs[0].BandwidthPackageId != "keep" {
				t.Errorf("a refused Restore changed the state: %+v", pkgs)
			}
		})
	}
}

func TestSnapshotRoundTripKeepsPendingWork(t *testing.T) {
	clk := clock.NewStopped(time.Now())
	p := New(clk, time.Minute)
	seedPkgs := []BandwidthPackage{
		{BandwidthPackageId: "gbwp-init", Bandwidth: 10, ChargeType: ChargePostpay, State: StateInit, MockClientToken: "tok"},
		{BandwidthPackageId: "gbwp-unpaid", Bandwidth: 10, State: StateInit, MockOrderUnpaid: true},
	}
	if err := p.Restore(seedPkgs, []Accelerator{{AcceleratorId: "ga-1", State: AcceleratorConfiguring}}); err != nil {
		t.Fatal(err)
	}
	pkgs, accs := p.Snapshot()
	raw, err := json.Marshal(struct {
		P []BandwidthPackage
		A []Accelerator
	}{pkgs, accs})
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		P []BandwidthPackage
		A []Accelerator
	}
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	q := New(clk, time.Minute)
	if err := q.Restore(back.P, back.A); err != nil {
		t.Fatal(err)
	}
	pkgs2, accs2 := q.Snapshot()
	if !reflect.DeepEqual(pkgs, pkgs2) || !reflect.DeepEqual(accs, accs2) {
		t.Fatalf("round trip changed the state:\n%+v\n%+v", pkgs, pkgs2)
	}
	clk.Advance(time.Minute + time.Second)
	pkgs3, accs3 := q.Snapshot()
	if pkgs3[0].State != StateActive || pkgs3[0].MockPending != nil || pkgs3[0].MockClientToken != "tok" {
		t.Errorf("restored create did not finish: %+v", pkgs3[0])
	}
	if pkgs3[1].State != StateInit || !pkgs3[1].MockOrderUnpaid {
		t.Errorf("an unpaid subscription became %s", pkgs3[1].State)
	}
	if accs3[0].State != AcceleratorActive {
		t.Errorf("restored configuring accelerator is %s", accs3[0].State)
	}
}
