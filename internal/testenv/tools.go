package testenv

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
	module = "github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image"

	// ProviderName is the Pulumi package name of the provider.
	ProviderName = "digitalocean-custom-image"
	// ProviderBinary is the name of the plugin binary the engine runs.
	ProviderBinary = "pulumi-resource-" + ProviderName
)

// Tools are what tests that drive the real Pulumi CLI need: the CLI and the
// YAML host built by `make tools`, and a provider built for this test run.
type Tools struct {
	Root        string // the repository root
	Dir         string // .tools, whose bin/ holds the CLI
	Bin         string // .tools/bin
	ProviderDir string // the directory holding the freshly built provider

	missing  error // why the CLI cannot be used, if it cannot
	buildErr error // why the provider did not build, if it did not
}

// SetupTools finds the CLI and builds the provider, stamped with version so
// a test can tell it from any other build, into a temporary directory. Call
// it from TestMain and the returned cleanup after the tests. Problems are
// kept and reported by Require, so each test says what is wrong.
func SetupTools(version string) (*Tools, func(), error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, nil, err
	}
	t := &Tools{Root: root, Dir: filepath.Join(root, ".tools")}
	t.Bin = filepath.Join(t.Dir, "bin")
	t.missing = findCLI(t.Bin)

	dir, err := os.MkdirTemp("", "provider-under-test-")
	if err != nil {
		return nil, nil, err
	}
	t.ProviderDir = dir

	// Built afresh on every run, so no test talks to a stale provider.
	// Without the CLI there is nothing to run it with.
	if t.missing == nil {
		t.buildErr = buildProvider(root, dir, version)
	}
	return t, func() { os.RemoveAll(dir) }, nil
}

// Require fails the test when the CLI or the provider is missing, or skips
// it when E2E_SKIP=1 says that is expected.
func (t *Tools) Require(tb testing.TB) {
	tb.Helper()
	if t.missing != nil {
		if os.Getenv("E2E_SKIP") == "1" {
			tb.Skipf("E2E_SKIP=1: %v", t.missing)
		}
		tb.Fatalf("%v (or set E2E_SKIP=1 to skip these tests)", t.missing)
	}
	if t.buildErr != nil {
		tb.Fatalf("building the provider: %v", t.buildErr)
	}
}

// RepoRoot walks up from the working directory to the go.mod.
func RepoRoot() (string, error) {
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
func buildProvider(root, dir, version string) error {
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	cmd := exec.Command(goTool, "build",
		"-ldflags", "-X "+module+"/provider.Version="+version,
		"-o", filepath.Join(dir, ProviderBinary),
		"./provider/cmd/"+ProviderBinary)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%w\n%s", err, out)
	}
	return nil
}

// Main is a TestMain for packages that drive the CLI: it sets *tools up,
// runs the tests, cleans up and exits with their result.
func Main(m *testing.M, version string, tools **Tools) {
	t, cleanup, err := SetupTools(version)
	if err != nil {
		fmt.Fprintln(os.Stderr, "setting up the Pulumi CLI and provider:", err)
		os.Exit(1)
	}
	*tools = t
	code := m.Run()
	cleanup()
	os.Exit(code)
}
