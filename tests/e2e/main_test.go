package e2e

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

const (
	module       = "github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image"
	providerName = "digitalocean-custom-image"
	providerBin  = "pulumi-resource-" + providerName

	// buildVersion is stamped into the provider built for these tests, so a
	// test can tell it from any other build.
	buildVersion = "1.2.3-e2e"
)

// tools are what every test needs, found or built once by TestMain.
var tools struct {
	root        string // repository root
	toolsBin    string // .tools/bin, holding pulumi and pulumi-language-yaml
	providerDir string // the directory of the freshly built provider
	missing     error  // why the Pulumi CLI cannot be used, if it cannot
	buildErr    error  // why the provider did not build, if it did not
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	tools.root = root
	tools.toolsBin = filepath.Join(root, ".tools", "bin")
	tools.missing = findCLI(tools.toolsBin)

	dir, err := os.MkdirTemp("", "e2e-provider-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	tools.providerDir = dir

	// The provider is built afresh on every run, so no test uses a stale
	// binary. Without the CLI there is nothing to run it with.
	if tools.missing == nil {
		tools.buildErr = buildProvider(root, dir)
	}
	return m.Run()
}

// requireTools fails the test when the CLI or the provider is missing, or
// skips it when E2E_SKIP=1 says that is expected.
func requireTools(t *testing.T) {
	t.Helper()
	if tools.missing != nil {
		if os.Getenv("E2E_SKIP") == "1" {
			t.Skipf("E2E_SKIP=1: %v", tools.missing)
		}
		t.Fatalf("%v (or set E2E_SKIP=1 to skip these tests)", tools.missing)
	}
	if tools.buildErr != nil {
		t.Fatalf("building the provider: %v", tools.buildErr)
	}
}

// repoRoot walks up from the package directory to the go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test directory")
		}
		dir = parent
	}
}

// findCLI checks for the Pulumi CLI and the YAML language host.
func findCLI(bin string) error {
	for _, name := range []string{"pulumi", "pulumi-language-yaml"} {
		if _, err := os.Stat(filepath.Join(bin, name)); err != nil {
			return fmt.Errorf("%s not found in %s: run `make tools`", name, bin)
		}
	}
	return nil
}

// buildProvider builds the provider plugin into dir.
func buildProvider(root, dir string) error {
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	cmd := exec.Command(goTool, "build",
		"-ldflags", "-X "+module+"/provider.Version="+buildVersion,
		"-o", filepath.Join(dir, providerBin),
		"./provider/cmd/"+providerBin)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%w\n%s", err, out)
	}
	return nil
}
