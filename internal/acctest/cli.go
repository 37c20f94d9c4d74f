package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"terraform-provider-alibabacloud/internal/provider"
)

// CLI runs the Terraform CLI of the acceptance tests in a working directory of its own,
// against the provider served in-process (reattached, as terraform-plugin-testing serves it),
// for what terraform-plugin-testing's steps cannot do: `terraform query -generate-config-out`,
// `terraform apply -invoke`, and reading what Terraform prints (an action's progress).
// Configurations name the provider by its registry address (RequiredProviders).
type CLI struct {
	t *testing.T
	// Dir is the working directory.
	Dir string
	// Version is the Terraform version running.
	Version *version.Version
	binary  string
}

// RequiredProviders is the terraform block a CLI configuration starts with.
const RequiredProviders = `
terraform {
  required_providers {
    alibabacloud = {
      source = "` + provider.Address + `"
    }
  }
}
`

// NewCLI returns a CLI for t with the acceptance tests' Terraform (TF_ACC_TERRAFORM_PATH, else
// terraform on PATH). Like a terraform-plugin-testing test case, it skips t unless TF_ACC is
// set, and, like SkipBelow(feature), when that Terraform is older than feature.
func NewCLI(t *testing.T, feature Feature) *CLI {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("Acceptance tests skipped unless env 'TF_ACC' set")
	}
	binary := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if binary == "" {
		found, err := exec.LookPath("terraform")
		if err != nil {
			t.Fatalf("no Terraform: set TF_ACC_TERRAFORM_PATH or put terraform on PATH (%v)", err)
		}
		binary = found
	}
	c := &CLI{t: t, Dir: t.TempDir(), binary: binary}
	// A CLI configuration of its own: nothing of the user's (dev_overrides, plugin caches).
	c.WriteFile(cliConfigFile, "")
	out, err := c.command(context.Background(), nil, "version", "-json").Output()
	if err != nil {
		t.Fatalf("%s version: %v", binary, err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s version -json: %v", binary, err)
	}
	if c.Version, err = version.NewVersion(v.Version); err != nil {
		t.Fatalf("%s version: %v", binary, err)
	}
	var check tfversion.CheckTerraformVersionResponse
	SkipBelow(feature).CheckTerraformVersion(context.Background(), tfversion.CheckTerraformVersionRequest{TerraformVersion: c.Version}, &check)
	if check.Skip != "" {
		t.Skip(check.Skip)
	}
	return c
}

// WriteFile writes content to the file name of the working directory.
func (c *CLI) WriteFile(name, content string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.Dir, name), []byte(content), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// ReadFile returns the content of the file name of the working directory.
func (c *CLI) ReadFile(name string) string {
	c.t.Helper()
	content, err := os.ReadFile(filepath.Join(c.Dir, name))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(content)
}

// Run runs terraform with args in the working directory, with a provider instance of its own
// serving it, and returns what it printed (standard output and error, interleaved) and its
// error. The commands that print diagnostics print them without colors.
func (c *CLI) Run(args ...string) (string, error) {
	c.t.Helper()
	if len(args) > 0 && slices.Contains(uncolored, args[0]) {
		args = append([]string{args[0], "-no-color"}, args[1:]...)
	}
	var out bytes.Buffer
	err := c.run(args, &out, &out)
	c.t.Logf("terraform %s:\n%s", strings.Join(args, " "), out.String())
	return out.String(), err
}

// StdoutOf runs terraform with args as Run does, and returns only what it printed on its
// standard output (`show -json`, `providers schema -json`).
func (c *CLI) StdoutOf(args ...string) (string, error) {
	c.t.Helper()
	var stdout, stderr bytes.Buffer
	if err := c.run(args, &stdout, &stderr); err != nil {
		return stdout.String(), fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}

// run runs terraform with args, writing to stdout and stderr, with a provider instance of its
// own serving it for the command's duration.
func (c *CLI) run(args []string, stdout, stderr io.Writer) error {
	c.t.Helper()
	ctx, cancel := context.WithCancel(c.t.Context())
	reattach, stopped, err := c.serveProvider(ctx)
	if err != nil {
		cancel()
		c.t.Fatalf("serving the provider: %v", err)
	}
	defer func() {
		cancel()
		<-stopped
	}()
	cmd := c.command(ctx, []string{"TF_REATTACH_PROVIDERS=" + reattach}, args...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	return cmd.Run()
}

// cliConfigFile is the CLI configuration file of a CLI's working directory.
const cliConfigFile = "terraform.tfrc"

// uncolored are the commands Run gives -no-color.
var uncolored = []string{"apply", "destroy", "import", "init", "plan", "query", "refresh", "show", "validate"}

// MustRun is Run failing the test when terraform fails.
func (c *CLI) MustRun(args ...string) string {
	c.t.Helper()
	out, err := c.Run(args...)
	if err != nil {
		c.t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// command is terraform with args in the working directory, without colors or prompts, with
// its environment plus env.
func (c *CLI) command(ctx context.Context, env []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, c.binary, args...)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_INPUT=0",
		"TF_CLI_CONFIG_FILE="+filepath.Join(c.Dir, cliConfigFile))
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// serveProvider serves a new provider instance until ctx ends (stopped is closed then) and
// returns the TF_REATTACH_PROVIDERS value that points Terraform at it.
func (c *CLI) serveProvider(ctx context.Context) (reattach string, stopped chan struct{}, err error) {
	configs := make(chan *plugin.ReattachConfig)
	stopped = make(chan struct{})
	served := make(chan error, 1)
	go func() {
		served <- tf6server.Serve(provider.Address,
			func() tfprotov6.ProviderServer { return providerserver.NewProtocol6(provider.New("acctest")())() },
			tf6server.WithDebug(ctx, configs, stopped),
			tf6server.WithGoPluginLogger(hclog.New(&hclog.LoggerOptions{Output: io.Discard})),
			tf6server.WithLoggingSink(c.t),
		)
	}()
	var config *plugin.ReattachConfig
	select {
	case config = <-configs:
	case err := <-served:
		return "", nil, fmt.Errorf("the provider server stopped at once: %w", err)
	}
	value, err := json.Marshal(map[string]any{provider.Address: map[string]any{
		"Protocol":        string(config.Protocol),
		"ProtocolVersion": config.ProtocolVersion,
		"Pid":             config.Pid,
		"Test":            config.Test,
		"Addr":            map[string]string{"Network": config.Addr.Network(), "String": config.Addr.String()},
	}})
	return string(value), stopped, err
}

// planSummary is the line in which terraform plan counts what it would do.
var planSummary = regexp.MustCompile(`Plan: (\d+) to import, (\d+) to add, (\d+) to change, (\d+) to destroy`)

// GenerateAndImport runs `terraform query -generate-config-out` with the list blocks query
// (the working directory's .tf files configure the provider), then plans the configuration it
// generated, which must only import, applies it, and plans again, which must find nothing to
// do. It returns the generated configuration and how many resources it imported.
func (c *CLI) GenerateAndImport(query string) (generated string, imported int) {
	c.t.Helper()
	c.WriteFile("query.tfquery.hcl", query)
	c.MustRun("init", "-input=false")
	c.MustRun("query", "-generate-config-out=generated.tf")
	generated = c.ReadFile("generated.tf")

	out := c.MustRun("plan", "-input=false")
	counts := planSummary.FindStringSubmatch(out)
	if counts == nil {
		c.t.Fatalf("the plan of the generated configuration counts nothing to import:\n%s", out)
	}
	if counts[2] != "0" || counts[3] != "0" || counts[4] != "0" {
		c.t.Fatalf("the plan of the generated configuration does more than import: %s", counts[0])
	}
	imported, _ = strconv.Atoi(counts[1])
	c.MustRun("apply", "-auto-approve", "-input=false")
	if out, err := c.Run("plan", "-input=false", "-detailed-exitcode"); err != nil {
		c.t.Fatalf("after the import, the plan of the generated configuration is not empty (%v):\n%s", err, out)
	}
	return generated, imported
}
