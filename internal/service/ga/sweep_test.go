package ga_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/service/ga"
)

// The sweeper of make sweep (go test -sweep=REGION): the bandwidth plans acceptance tests left
// in the cloud the environment's credentials reach, with their bindings.
func init() {
	resource.AddTestSweepers("alibabacloud_ga_bandwidth_package", &resource.Sweeper{
		Name: "alibabacloud_ga_bandwidth_package",
		F: func(string) error { // Global Accelerator has one region, cn-hangzhou, whatever the sweep's
			ctx := context.Background()
			client, err := acctest.SweeperClient(ctx)
			if err != nil {
				return err
			}
			return sweepBandwidthPackages(ctx, client, log.Printf)
		},
	})
}

// sweepBandwidthPackages unbinds and deletes every bandwidth plan an acceptance test left
// (named acctest.ResourcePrefix..., or tagged acctest.SweepTagKey = acctest.SweepTagValue),
// through the resources' own Delete, and reports with logf what it did and what it had to
// leave (a Subscription in force cannot be deleted before it expires).
func sweepBandwidthPackages(ctx context.Context, client *conns.Client, logf func(format string, args ...any)) error {
	ids, err := ga.SweepableBandwidthPackages(ctx, client.GA, acctest.ResourcePrefix, acctest.SweepTagKey, acctest.SweepTagValue)
	if err != nil {
		return err
	}
	logf("[INFO] %d GA bandwidth plan(s) left by acceptance tests: %v", len(ids), ids)
	var errs []error
	sweep := func(what string, r fwresource.Resource, attributes map[string]string) bool {
		warnings, err := acctest.SweepWith(ctx, r, client, attributes)
		for _, w := range warnings {
			logf("[WARN] %s: %s", what, w)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", what, err))
		}
		return err == nil
	}
	for _, id := range ids {
		bp, err := ga.FindBandwidthPackageByID(ctx, client.GA, id)
		if conns.IsNotFound(err) {
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		unbound := true
		for _, accelerator := range bp.Accelerators {
			unbound = sweep(fmt.Sprintf("binding of %s to %s", id, accelerator), ga.NewBandwidthPackageAttachmentResource(), map[string]string{
				"id": id + ":" + accelerator, "bandwidth_package_id": id, "accelerator_id": accelerator,
			}) && unbound
		}
		if unbound && sweep("bandwidth plan "+id, ga.NewBandwidthPackageResource(), map[string]string{"id": id}) {
			logf("[INFO] swept bandwidth plan %s (%s)", id, bp.Name)
		}
	}
	return errors.Join(errs...)
}

// TestSweepBandwidthPackages runs the sweeper against a mock holding what tests leave behind
// (a plan named tf-acc- and bound, one unbound, one only tagged for the sweepers, a
// Subscription in force) and what they do not (a plan of someone else): it unbinds and
// deletes the first three, leaves the Subscription with a warning, and the other plan alone.
func TestSweepBandwidthPackages(t *testing.T) {
	const accelerator = "ga-sweep0001"
	payg := func(id, name string) mockga.BandwidthPackage {
		return mockga.BandwidthPackage{BandwidthPackageId: id, Name: name, Bandwidth: 10, Type: "Basic", BandwidthType: "Basic",
			ChargeType: "POSTPAY", BillingType: "PayByTraffic", State: "active"}
	}
	bound := payg("gbwp-sweep-bound", acctest.ResourcePrefix+"bound")
	bound.Accelerators, bound.State = []string{accelerator}, "binded"
	tagged := payg("gbwp-sweep-tagged", "named-otherwise")
	tagged.Tags = []mockga.Tag{{Key: acctest.SweepTagKey, Value: acctest.SweepTagValue}}
	subscription := payg("gbwp-sweep-sub", acctest.ResourcePrefix+"subscription")
	subscription.ChargeType, subscription.BillingType = "PREPAY", ""
	subscription.ExpiredTime = strconv.FormatInt(time.Now().AddDate(0, 1, 0).UnixMilli(), 10)
	m := acctest.NewSeededMock(t, 50*time.Millisecond, mockcloud.State{
		Accelerators:      []mockga.Accelerator{acctest.SeedAccelerator(accelerator)},
		BandwidthPackages: []mockga.BandwidthPackage{bound, payg("gbwp-sweep-free", acctest.ResourcePrefix+"free"), tagged, subscription, payg("gbwp-keep", "production")},
	})
	var logged []string
	err := sweepBandwidthPackages(t.Context(), m.Client(t), func(format string, args ...any) {
		logged = append(logged, fmt.Sprintf(format, args...))
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.GAPackageIDs(); !slices.Equal(slices.Sorted(slices.Values(got)), []string{"gbwp-keep", "gbwp-sweep-sub"}) {
		t.Errorf("the mock holds %v after the sweep, want the other plan and the Subscription", got)
	}
	if n := m.CountCalls("BandwidthPackageRemoveAccelerator"); n != 1 {
		t.Errorf("%d unbindings, want the bound plan's", n)
	}
	if !slices.ContainsFunc(logged, func(l string) bool {
		return strings.Contains(l, "[WARN] bandwidth plan gbwp-sweep-sub") && strings.Contains(l, "cannot be deleted before it expires")
	}) {
		t.Errorf("no warning about the Subscription kept in %q", logged)
	}
}
