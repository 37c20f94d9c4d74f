package provider_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"terraform-provider-alibabacloud/internal/acctest"
)

// examplesDir is the repository's examples/, from this package's directory.
const examplesDir = "../../examples"

// The Terraform features examples need, beyond what every supported Terraform has.
var (
	// anyTerraform: nothing beyond the lowest supported Terraform.
	anyTerraform = acctest.Feature{Name: "the lowest supported Terraform", Since: acctest.MinimumTerraform}
	// terraformTest: `terraform test` files (.tftest.hcl), which validate checks too.
	terraformTest = acctest.Feature{Name: "terraform test", Since: tfversion.Version1_6_0}
)

// example is what `terraform validate` checks at once: one file of the examples the docs show a
// file at a time (examples/resources/*/resource.tf, import-by-identity.tf, ...), or a whole
// module (a directory whose configuration names its required_providers: examples/demo,
// examples/testing with its tests).
type example struct {
	// path is the file or directory, relative to examples/.
	path string
	// module is true for a directory.
	module bool
	// needs is the Terraform feature the example needs.
	needs acctest.Feature
}

// TestAccExamples_valid: every example under examples/ that the lowest supported Terraform can
// read passes `terraform validate` with the provider (the provider's own validators included: an
// id such as "cenbwp-4c2zaavbvh5fx****", masked as the API pages mask them, fails).
func TestAccExamples_valid(t *testing.T) { testExamples(t, anyTerraform) }

// TestAccExamples_terraformTest: the examples with `terraform test` files pass `terraform
// validate`, their tests included (Terraform 1.6).
func TestAccExamples_terraformTest(t *testing.T) { testExamples(t, terraformTest) }

// TestAccExamples_identityImports: the import blocks by identity pass `terraform validate`
// (Terraform 1.12).
func TestAccExamples_identityImports(t *testing.T) { testExamples(t, acctest.ResourceIdentity) }

// TestAccExamples_listResources: the list blocks pass `terraform validate -query` (Terraform 1.14).
func TestAccExamples_listResources(t *testing.T) { testExamples(t, acctest.ListResources) }

// TestAccExamples_actions: the action examples pass `terraform validate` (Terraform 1.14).
func TestAccExamples_actions(t *testing.T) { testExamples(t, acctest.Actions) }

// testExamples validates every example that needs feature, each with a Terraform working
// directory of its own. It skips t when the Terraform running is older than feature.
func testExamples(t *testing.T, feature acctest.Feature) {
	acctest.NewCLI(t, feature) // skips t unless TF_ACC is set and the Terraform has feature
	var checked int
	for _, ex := range findExamples(t) {
		if ex.needs != feature {
			continue
		}
		checked++
		t.Run(ex.path, func(t *testing.T) {
			cli := acctest.NewCLI(t, feature)
			source := filepath.Join(examplesDir, ex.path)
			if ex.module {
				if err := os.CopyFS(cli.Dir, os.DirFS(source)); err != nil {
					t.Fatal(err)
				}
			} else {
				content, err := os.ReadFile(source)
				if err != nil {
					t.Fatal(err)
				}
				cli.WriteFile(filepath.Base(source), string(content))
				cli.WriteFile("providers.tf", acctest.RequiredProviders)
			}
			cli.MustRun("init", "-input=false", "-backend=false")
			args := []string{"validate"}
			if hasFile(t, cli.Dir, ".tfquery.hcl") {
				args = append(args, "-query")
			}
			cli.MustRun(args...)
		})
	}
	if checked == 0 {
		t.Fatalf("no example needs %s: remove this test, or look at findExamples", feature.Name)
	}
}

// findExamples returns the examples under examples/, with what they need.
func findExamples(t *testing.T) []example {
	t.Helper()
	var examples []example
	err := filepath.WalkDir(examplesDir, func(dir string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		files, err := configFiles(dir)
		if err != nil || len(files) == 0 {
			return err
		}
		rel, err := filepath.Rel(examplesDir, dir)
		if err != nil {
			return err
		}
		contents := map[string]string{}
		for _, f := range files {
			content, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				return err
			}
			contents[f] = string(content)
		}
		if slices.ContainsFunc(files, func(f string) bool { return strings.Contains(contents[f], "required_providers") }) {
			needs := anyTerraform
			if hasFile(t, filepath.Join(dir, "tests"), ".tftest.hcl") {
				needs = terraformTest
			}
			examples = append(examples, example{path: rel, module: true, needs: needs})
			return filepath.SkipDir
		}
		for _, f := range files {
			examples = append(examples, example{path: filepath.Join(rel, f), needs: exampleNeeds(f, contents[f])})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return examples
}

// exampleNeeds returns the Terraform feature the example file name with content needs.
func exampleNeeds(name, content string) acctest.Feature {
	switch {
	case strings.HasSuffix(name, ".tfquery.hcl"):
		return acctest.ListResources
	case strings.Contains(content, "\naction \"") || strings.HasPrefix(content, "action \""):
		return acctest.Actions
	case strings.Contains(content, "import {") && strings.Contains(content, "identity = {"):
		return acctest.ResourceIdentity
	default:
		return anyTerraform
	}
}

// configFiles returns the names of the Terraform configuration files directly in dir.
func configFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".tf") || strings.HasSuffix(e.Name(), ".tfquery.hcl")) {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// hasFile tells whether dir (which may not exist) holds a file whose name ends with suffix.
func hasFile(t *testing.T, dir, suffix string) bool {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return slices.ContainsFunc(entries, func(e os.DirEntry) bool { return strings.HasSuffix(e.Name(), suffix) })
}
