package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The README's first command runs scripts/demo.sh; this runs the same
// script on the provider under test and a freshly built emulator.
func TestTheDemoImportsReRunsWithoutChangesAndDestroys(t *testing.T) {
	t.Parallel()
	requireTools(t)
	bin := t.TempDir()
	require.NoError(t, os.Symlink(filepath.Join(tools.ProviderDir, providerBin),
		filepath.Join(bin, providerBin)))
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "do-emulator"),
		"./emulator/cmd/do-emulator")
	build.Dir = tools.Root
	out, err := build.CombinedOutput()
	require.NoError(t, err, "building the emulator: %s", out)

	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	demo := exec.CommandContext(ctx, filepath.Join(tools.Root, "scripts", "demo.sh"))
	demo.Env = append(cliEnv(t.TempDir(), false),
		"DEMO_BIN="+bin, "DEMO_WORK="+filepath.Join(t.TempDir(), "demo"))
	out, err = demo.CombinedOutput()
	require.NoError(t, err, "the demo failed:\n%s", out)

	summary := regexp.MustCompile(`demo: image \d+ imported \(available\), a second up ` +
		`changed nothing, destroyed; images left on the emulator: 0`)
	assert.Regexp(t, summary, string(out))
	assert.Contains(t, string(out), "imageId", "the demo prints the stack outputs")
}
