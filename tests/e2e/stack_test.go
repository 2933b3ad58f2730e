package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

// commandTimeout bounds one CLI run; a hung run fails its test, not the suite.
const commandTimeout = 3 * time.Minute

// stack is one Pulumi project and stack in its own directory, with its own
// file backend and PULUMI_HOME, configured against one emulator.
type stack struct {
	t    *testing.T
	root string // everything the CLI writes: project, backend, PULUMI_HOME
	dir  string // the project
	env  []string
}

// result is what one CLI run printed.
type result struct {
	Stdout, Stderr string
}

// Output is stdout and stderr together, for searching.
func (r result) Output() string { return r.Stdout + "\n" + r.Stderr }

// stackOption changes how newStack sets up the stack.
type stackOption func(*stackSetup)

type stackSetup struct {
	envToken bool
}

// tokenFromConfigOnly leaves DIGITALOCEAN_TOKEN unset, for tests that give
// the provider its token through configuration.
func tokenFromConfigOnly(s *stackSetup) { s.envToken = false }

// newStack writes the program to Pulumi.yaml in a fresh directory, creates
// the stack "dev" and points the provider at the emulator. Unless told
// otherwise, the token comes from DIGITALOCEAN_TOKEN.
func newStack(t *testing.T, api *testenv.API, program string, opts ...stackOption) *stack {
	t.Helper()
	requireTools(t)

	setup := stackSetup{envToken: true}
	for _, opt := range opts {
		opt(&setup)
	}

	root := t.TempDir()
	s := &stack{t: t, root: root, dir: filepath.Join(root, "project")}
	require.NoError(t, os.MkdirAll(s.dir, 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "backend"), 0o755))
	s.env = cliEnv(root, setup.envToken)

	s.write(program)
	s.run("stack", "init", "dev")
	s.run("config", "set", providerName+":apiEndpoint", api.Endpoint)
	return s
}

// cliEnv is the environment of every CLI run: this process's environment
// without Pulumi or DigitalOcean settings, plus a private backend and home.
func cliEnv(root string, envToken bool) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PULUMI_") || strings.HasPrefix(kv, "DIGITALOCEAN_") ||
			strings.HasPrefix(kv, "PATH=") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"PATH="+tools.ProviderDir+string(os.PathListSeparator)+tools.Bin+
			string(os.PathListSeparator)+os.Getenv("PATH"),
		"PULUMI_BACKEND_URL=file://"+filepath.Join(root, "backend"),
		"PULUMI_HOME="+filepath.Join(root, "home"),
		"PULUMI_CONFIG_PASSPHRASE=test",
		"PULUMI_SKIP_UPDATE_CHECK=true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true",
	)
	if envToken {
		env = append(env, "DIGITALOCEAN_TOKEN="+testenv.Token)
	}
	return env
}

// write replaces the program. The provider is named by path, so the engine
// runs the binary built for this test run and no other.
func (s *stack) write(program string) {
	s.t.Helper()
	text := strings.TrimSpace(program) + "\n\nplugins:\n  providers:\n" +
		"    - name: " + providerName + "\n      path: " + tools.ProviderDir + "\n"
	require.NoError(s.t, os.WriteFile(filepath.Join(s.dir, "Pulumi.yaml"), []byte(text), 0o644))
}

// pulumi runs the CLI and returns what it printed and how it ended.
func (s *stack) pulumi(args ...string) (result, error) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()

	argv := append([]string{"--non-interactive", "--color", "never"}, args...)
	cmd := exec.CommandContext(ctx, filepath.Join(tools.Bin, "pulumi"), argv...)
	cmd.Dir = s.dir
	cmd.Env = s.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr

	started := time.Now()
	err := cmd.Run()
	s.t.Logf("pulumi %s (%s)", strings.Join(args, " "),
		time.Since(started).Round(time.Millisecond))
	return result{Stdout: stdout.String(), Stderr: stderr.String()}, err
}

// run runs the CLI and fails the test, with everything it printed, unless
// it succeeds.
func (s *stack) run(args ...string) result {
	s.t.Helper()
	res, err := s.pulumi(args...)
	if err != nil {
		s.t.Fatalf("pulumi %s: %v\n--- stdout\n%s\n--- stderr\n%s",
			strings.Join(args, " "), err, res.Stdout, res.Stderr)
	}
	return res
}

// fail runs the CLI and fails the test unless it fails.
func (s *stack) fail(args ...string) result {
	s.t.Helper()
	res, err := s.pulumi(args...)
	if err == nil {
		s.t.Fatalf("pulumi %s succeeded, expected it to fail\n--- stdout\n%s\n--- stderr\n%s",
			strings.Join(args, " "), res.Stdout, res.Stderr)
	}
	return res
}

func (s *stack) up(extra ...string) result {
	s.t.Helper()
	return s.run(append([]string{"up", "--yes", "--skip-preview"}, extra...)...)
}

func (s *stack) preview(extra ...string) result {
	s.t.Helper()
	return s.run(append([]string{"preview"}, extra...)...)
}

// previewNoChanges fails the test if the preview plans any change.
func (s *stack) previewNoChanges() result {
	s.t.Helper()
	return s.preview("--expect-no-changes", "--diff")
}

func (s *stack) refresh() result {
	s.t.Helper()
	return s.run("refresh", "--yes", "--skip-preview")
}

func (s *stack) destroy() result {
	s.t.Helper()
	return s.run("destroy", "--yes", "--skip-preview")
}

// importImage adopts an existing image under the resource name.
func (s *stack) importImage(name, id string) result {
	s.t.Helper()
	return s.run("import", imageType, name, id, "--yes", "--protect=false",
		"--out", filepath.Join(s.dir, "imported.yaml"))
}

// outputs returns the stack outputs.
func (s *stack) outputs() map[string]any {
	s.t.Helper()
	var out map[string]any
	res := s.run("stack", "output", "--json")
	require.NoError(s.t, json.Unmarshal([]byte(res.Stdout), &out), res.Stdout)
	return out
}

// filesContaining lists the files the CLI wrote (project, backend,
// PULUMI_HOME) that contain text.
func (s *stack) filesContaining(text string) []string {
	s.t.Helper()
	var found []string
	err := filepath.WalkDir(s.root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(text)) {
			found = append(found, path)
		}
		return nil
	})
	require.NoError(s.t, err)
	return found
}
