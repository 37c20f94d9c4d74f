package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
)

// workloadConfig is the configuration every scenario applies, sized by variables: GA plans
// (pay-as-you-go), the first `bound` of them bound to seeded accelerators, and, when
// cen_package_id is set, a temporary upgrade of the seeded CEN package.
const workloadConfig = `
terraform {
  required_providers {
    alibabacloud = {
      source = "alibabacloud/alibabacloud"
    }
  }
}

provider "alibabacloud" {
  region = "cn-hangzhou"
}

variable "plans" {
  type = number
}

variable "bound" {
  type    = number
  default = 0
}

variable "bandwidth" {
  type    = number
  default = 10
}

variable "accelerators" {
  type    = list(string)
  default = []
}

variable "cen_package_id" {
  type    = string
  default = ""
}

variable "cen_bandwidth" {
  type    = number
  default = 500
}

variable "cen_end_time" {
  type    = string
  default = ""
}

resource "alibabacloud_ga_bandwidth_package" "plan" {
  count                  = var.plans
  bandwidth              = var.bandwidth
  type                   = "Basic"
  bandwidth_type         = "Basic"
  payment_type           = "PayAsYouGo"
  billing_type           = "PayByTraffic"
  bandwidth_package_name = "chaos-${count.index}"
}

resource "alibabacloud_ga_bandwidth_package_attachment" "bound" {
  count                = var.bound
  bandwidth_package_id = alibabacloud_ga_bandwidth_package.plan[count.index].id
  accelerator_id       = var.accelerators[count.index]
}

resource "alibabacloud_cen_bandwidth_temp_upgrade" "peak" {
  count                    = var.cen_package_id == "" ? 0 : 1
  cen_bandwidth_package_id = var.cen_package_id
  bandwidth                = var.cen_bandwidth
  end_time                 = var.cen_end_time
}
`

// workload sizes one apply of workloadConfig.
type workload struct {
	Plans, Bound int
	Bandwidth    int
	// CEN upgrades the seeded CEN package to CENBandwidth when true.
	CEN          bool
	CENBandwidth int
}

// vars renders the workload as -var flags.
func (w workload) vars(endTime string) []string {
	accelerators := make([]string, w.Bound)
	for i := range accelerators {
		accelerators[i] = fmt.Sprintf("%q", acceleratorID(i))
	}
	out := []string{
		"-var", fmt.Sprintf("plans=%d", w.Plans),
		"-var", fmt.Sprintf("bound=%d", w.Bound),
		"-var", fmt.Sprintf("bandwidth=%d", max(w.Bandwidth, 10)),
		"-var", "accelerators=[" + strings.Join(accelerators, ",") + "]",
	}
	if w.CEN {
		out = append(out, "-var", "cen_package_id="+cenPackageID,
			"-var", fmt.Sprintf("cen_bandwidth=%d", w.CENBandwidth), "-var", "cen_end_time="+endTime)
	}
	return out
}

// workspace is one Terraform working directory against one mock, using one provider binary
// (see withProvider).
type workspace struct {
	dir       string
	terraform string
	env       []string
	// endTime is the CEN upgrade's end, fixed for the workspace so that plans stay empty.
	endTime string
}

// withProvider returns the workspace using the provider binary in providerDir (dev_overrides in
// a CLI config of its own), sharing the directory and so the state.
func (w *workspace) withProvider(providerDir string) (*workspace, error) {
	rc := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n",
		"registry.terraform.io/alibabacloud/alibabacloud", providerDir)
	rcPath := filepath.Join(w.dir, "terraformrc"+strings.ReplaceAll(providerDir, string(filepath.Separator), "_"))
	if err := os.WriteFile(rcPath, []byte(rc), 0o644); err != nil {
		return nil, err
	}
	other := *w
	other.env = append(slices.Clone(w.env), "TF_CLI_CONFIG_FILE="+rcPath)
	return &other, nil
}

// newWorkspace writes workloadConfig into a new directory under root, for terraform to apply
// against c with the provider binary in providerDir (see withProvider).
func newWorkspace(root, name, terraform, providerDir string, c *cloud, extraEnv ...string) (*workspace, error) {
	dir := filepath.Join(root, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(workloadConfig), 0o644); err != nil {
		return nil, err
	}
	env := []string{
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"ALIBABA_CLOUD_ACCESS_KEY_ID=" + accessKeyID,
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + accessKeySecret,
		"ALIBABA_CLOUD_SECURITY_TOKEN=" + securityToken,
		"ALIBABA_CLOUD_ENDPOINT_CBN=" + c.URL,
		"ALIBABA_CLOUD_ENDPOINT_GA=" + c.URL,
		"ALIBABA_CLOUD_ECS_METADATA_DISABLED=true",
		"HOME=" + os.Getenv("HOME"),
		"PATH=" + os.Getenv("PATH"),
		"TMPDIR=" + os.TempDir(),
	}
	w := &workspace{
		dir: dir, terraform: terraform, env: append(env, extraEnv...),
		endTime: time.Now().UTC().Add(24 * time.Hour).Truncate(time.Hour).Format(time.RFC3339),
	}
	return w.withProvider(providerDir)
}

// result is one terraform command's outcome.
type result struct {
	Elapsed time.Duration
	Output  string
	Err     error
}

// run runs terraform with args and returns its outcome.
func (w *workspace) run(ctx context.Context, args ...string) result {
	return w.runWith(ctx, nil, args...)
}

// runWith runs terraform with args; started, when set, gets the process once it has started
// (to signal it).
func (w *workspace) runWith(ctx context.Context, started func(*os.Process), args ...string) result {
	cmd := exec.CommandContext(ctx, w.terraform, append([]string{"-chdir=" + w.dir}, args...)...)
	cmd.Env = w.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	// Its own process group: a signal meant for terraform is not also sent to this program.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start := time.Now()
	err := cmd.Start()
	if err == nil {
		if started != nil {
			started(cmd.Process)
		}
		err = cmd.Wait()
	}
	r := result{Elapsed: time.Since(start), Output: out.String(), Err: err}
	if err != nil {
		r.Err = fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, tail(r.Output, 40))
	}
	return r
}

// apply applies the workload.
func (w *workspace) apply(ctx context.Context, wl workload, extra ...string) result {
	return w.run(ctx, append(append([]string{"apply", "-auto-approve", "-input=false", "-no-color"}, extra...), wl.vars(w.endTime)...)...)
}

// destroy destroys the workload.
func (w *workspace) destroy(ctx context.Context, wl workload, extra ...string) result {
	return w.run(ctx, append(append([]string{"destroy", "-auto-approve", "-input=false", "-no-color"}, extra...), wl.vars(w.endTime)...)...)
}

// planIsEmpty reports whether a plan of the workload (with its refresh) has no change; the
// error is set when the plan failed.
func (w *workspace) planIsEmpty(ctx context.Context, wl workload) (bool, result) {
	r := w.run(ctx, append([]string{"plan", "-detailed-exitcode", "-input=false", "-no-color"}, wl.vars(w.endTime)...)...)
	var exit *exec.ExitError
	if errors.As(r.Err, &exit) && exit.ExitCode() == 2 {
		return false, result{Elapsed: r.Elapsed, Output: r.Output}
	}
	return r.Err == nil, r
}

// stateIDs returns the ids of the GA bandwidth plans in the state, sorted.
func (w *workspace) stateIDs(ctx context.Context) ([]string, error) {
	r := w.run(ctx, "show", "-json")
	if r.Err != nil {
		return nil, r.Err
	}
	var doc struct {
		Values *struct {
			RootModule struct {
				Resources []struct {
					Type   string         `json:"type"`
					Values map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(r.Output), &doc); err != nil {
		return nil, fmt.Errorf("reading terraform show -json: %w", err)
	}
	var ids []string
	if doc.Values != nil {
		for _, res := range doc.Values.RootModule.Resources {
			if res.Type == "alibabacloud_ga_bandwidth_package" {
				id, _ := res.Values["id"].(string)
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// tail returns the last n lines of text.
func tail(text string, n int) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
