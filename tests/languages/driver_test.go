package languages

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// runDriver runs a Node.js or Python driver script and reads the scenario
// it prints as JSON on its last line of standard output. Its progress, on
// standard error, goes to the test log.
func runDriver(t *testing.T, env map[string]string, dir, name string, args ...string) scenario {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()

	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = os.Environ()
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	// The driver starts provider processes itself. It runs in its own
	// process group, which goes on a timeout and at the end, so that no
	// provider outlives the test even when the driver crashes.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	killGroup := func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.Cancel = killGroup
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, testWriter{t}

	err := cmd.Run()
	if cmd.Process != nil {
		_ = killGroup() // usually nothing is left: ESRCH
	}
	require.NoError(t, err, "%s %s\n--- stdout\n%s", name, strings.Join(args, " "), stdout.String())

	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	var got scenario
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &got), stdout.String())
	return got
}

// runIn runs a build step, failing the test with everything it printed.
func runIn(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// testWriter sends what a command prints to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// remarshal converts loosely typed values, such as stack outputs, into a
// struct through JSON.
func remarshal(from, to any) error {
	data, err := json.Marshal(from)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, to)
}
