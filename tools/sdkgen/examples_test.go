package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// skipEnv lets a machine without Node.js and Python packages run the rest of
// the suite; without it, missing packages fail the language tests.
const skipEnv = "SKIP_LANGUAGE_SDK_TESTS"

const (
	npmSDKName = "@digitalocean-custom-image/pulumi"
	pyModule   = "pulumi_digitalocean_custom_image"
)

func TestGoSDKAndExampleBuild(t *testing.T) {
	for _, dir := range []string{"sdk", "examples/go"} {
		dir := filepath.Join(repoRoot, dir)
		// One main package matched by ./... would otherwise be written out.
		runIn(t, dir, "go", "build", "-o", os.DevNull, "./...")
		runIn(t, dir, "go", "vet", "./...")
	}
}

// tests/compat compares the Go SDK's types with pulumi-digitalocean's.
func TestAGoProgramMovesFromPulumiDigitalOceanByChangingItsImport(t *testing.T) {
	runIn(t, filepath.Join(repoRoot, "tests", "compat"), "go", "test", "-count=1", "./...")
}

// tests/compat/typescript compares the npm SDK's types with
// @pulumi/digitalocean's, both as installed in examples/typescript.
func TestATypeScriptProgramMovesFromPulumiDigitalOceanByChangingItsImport(t *testing.T) {
	exampleDir := filepath.Join(repoRoot, "examples", "typescript")
	exampleTSC := filepath.Join(exampleDir, "node_modules", ".bin", "tsc")
	requireInstalled(t, "sdk-nodejs-deps", exampleTSC)

	runIn(t, repoRoot, exampleTSC, "-p", filepath.Join("tests", "compat", "typescript"))
}

func TestTypeScriptExampleTypeChecksAgainstTheLocalSDK(t *testing.T) {
	sdkDir := filepath.Join(repoRoot, "sdk", "nodejs")
	exampleDir := filepath.Join(repoRoot, "examples", "typescript")
	sdkTSC := filepath.Join(sdkDir, "node_modules", ".bin", "tsc")
	exampleTSC := filepath.Join(exampleDir, "node_modules", ".bin", "tsc")
	installed := filepath.Join(exampleDir, "node_modules", filepath.FromSlash(npmSDKName))
	requireInstalled(t, "sdk-nodejs-deps", sdkTSC, exampleTSC, installed)

	// The SDK must build with its own tsc, and the example must have been
	// given what that build produces, not an older copy.
	built := t.TempDir()
	runIn(t, sdkDir, sdkTSC, "--outDir", built)
	requireSame(t, "the npm SDK installed in examples/typescript", "sdk-nodejs-deps",
		compiledFiles(t, built), compiledFiles(t, filepath.Join(installed, "bin")))

	runIn(t, exampleDir, exampleTSC, "--noEmit")
}

func TestPythonExampleRunsAgainstMocks(t *testing.T) {
	exampleDir := filepath.Join(repoRoot, "examples", "python")
	python := filepath.Join(exampleDir, ".venv", "bin", "python")
	requireInstalled(t, "sdk-python-deps", python)

	installedDir := strings.TrimSpace(runIn(t, exampleDir, python, "-c",
		"import "+pyModule+" as m; print(m.__path__[0])"))
	requireSame(t, "the Python SDK installed in examples/python/.venv", "sdk-python-deps",
		pythonFiles(t, filepath.Join(repoRoot, "sdk", "python", pyModule)),
		pythonFiles(t, installedDir))

	mockrun, err := filepath.Abs(filepath.Join("testdata", "mockrun.py"))
	if err != nil {
		t.Fatal(err)
	}
	registered := parseRegistrations(t, runIn(t, exampleDir, python, mockrun, "__main__.py"))

	image := registered["digitalocean-custom-image:index:CustomImage"]
	if image["url"] == nil || image["regions"] == nil {
		t.Errorf("the custom image was registered without url or regions: %v", image)
	}
	droplet := registered["digitalocean:index/droplet:Droplet"]
	if droplet["image"] != "4242" {
		t.Errorf("the droplet boots from %v, want the image id 4242 as a string", droplet["image"])
	}
}

// requireInstalled fails, or skips when skipEnv is set, naming the make
// target that installs what is missing.
func requireInstalled(t *testing.T, target string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			continue
		}
		reason := p + " is missing; `make " + target + "` installs it"
		if os.Getenv(skipEnv) == "1" {
			t.Skip(reason + " (skipped: " + skipEnv + "=1)")
		}
		t.Fatal(reason + " (or set " + skipEnv + "=1 to skip)")
	}
}

func requireSame(t *testing.T, what, target string, want, got map[string][]byte) {
	t.Helper()
	if diff := Diff(want, got); len(diff) > 0 {
		t.Fatalf("%s is stale; `make %s` reinstalls it:\n  %s",
			what, target, strings.Join(diff, "\n  "))
	}
}

// compiledFiles keeps the JavaScript and declarations of a tsc output folder;
// source maps name the folder they were written to, so they always differ.
func compiledFiles(t *testing.T, dir string) map[string][]byte {
	return filesEndingIn(t, dir, ".js", ".d.ts")
}

func pythonFiles(t *testing.T, dir string) map[string][]byte {
	return filesEndingIn(t, dir, ".py", ".pyi")
}

func filesEndingIn(t *testing.T, dir string, suffixes ...string) map[string][]byte {
	t.Helper()
	all, err := readFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string][]byte{}
	for name, content := range all {
		for _, suffix := range suffixes {
			if strings.HasSuffix(name, suffix) {
				kept[name] = content
			}
		}
	}
	return kept
}

// parseRegistrations reads mockrun.py's lines into inputs by resource type.
func parseRegistrations(t *testing.T, output string) map[string]map[string]any {
	t.Helper()
	registered := map[string]map[string]any{}
	lines := bufio.NewScanner(strings.NewReader(output))
	for lines.Scan() {
		var r struct {
			Type   string         `json:"type"`
			Inputs map[string]any `json:"inputs"`
		}
		if err := json.Unmarshal(lines.Bytes(), &r); err != nil {
			t.Fatalf("reading %q: %v", lines.Text(), err)
		}
		registered[r.Type] = r.Inputs
	}
	return registered
}

// runIn runs a command in dir and returns its standard output; a failure
// shows everything the command printed.
func runIn(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	if strings.Contains(name, string(filepath.Separator)) {
		abs, err := filepath.Abs(name)
		if err != nil {
			t.Fatal(err)
		}
		name = abs
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s in %s: %v\n%s%s", name, strings.Join(args, " "), dir, err,
			stdout.String(), stderr.String())
	}
	return stdout.String()
}
