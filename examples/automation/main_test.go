package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

// The test sets process-wide environment, which the provider served in
// this process reads, so it cannot run in parallel with another test here.
func TestTheExampleImportsPrintsAndRemovesTheImage(t *testing.T) {
	cliRoot := requireCLI(t)
	api := testenv.StartAPI(t, emulator.Options{
		ImportDuration:   200 * time.Millisecond,
		TransferDuration: 100 * time.Millisecond,
	})
	t.Setenv("DIGITALOCEAN_TOKEN", testenv.Token)
	t.Setenv("PULUMI_HOME", t.TempDir())
	t.Setenv("PULUMI_SKIP_UPDATE_CHECK", "true")
	t.Setenv("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true")
	// No provider plugin may be found anywhere: the one in this process is
	// under test.
	t.Setenv("PULUMI_IGNORE_AMBIENT_PLUGINS", "true")
	state := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	var out bytes.Buffer
	err := run(ctx, options{
		apiURL:     api.Endpoint,
		backend:    "file://" + state,
		pulumiRoot: cliRoot,
		stack:      "dev",
	}, &out)
	require.NoError(t, err, out.String())

	posts := api.RequestsTo("POST", "/v2/images")
	require.Len(t, posts, 1, out.String())
	assert.Contains(t, string(posts[0].Body), flatcarURL)
	id := regexp.MustCompile(`(?m)^  imageId = (\d+)$`).FindStringSubmatch(out.String())
	require.NotNil(t, id, "no imageId in the output:\n%s", out.String())
	assert.Contains(t, out.String(), `  regions = ["nyc3"]`)
	assert.Contains(t, out.String(), `  status = "available"`)

	deletes := api.RequestsTo("DELETE", "/v2/images")
	require.Len(t, deletes, 1, out.String())
	assert.Equal(t, "/v2/images/"+id[1], deletes[0].Path)
	assert.Empty(t, api.Images())
	assert.NoFileExists(t, filepath.Join(state, ".pulumi", "stacks", projectName, "dev.json"),
		"the stack was not removed")
}

// requireCLI returns the folder holding bin/pulumi, failing the test when
// the CLI is missing unless E2E_SKIP=1 says that is expected.
func requireCLI(t *testing.T) string {
	t.Helper()
	// Relative, as users write it: `-pulumi-root .tools`.
	root := filepath.Join("..", "..", ".tools")
	if _, err := os.Stat(filepath.Join(root, "bin", "pulumi")); err != nil {
		if os.Getenv("E2E_SKIP") == "1" {
			t.Skipf("E2E_SKIP=1: the Pulumi CLI is missing: %v", err)
		}
		t.Fatalf("the Pulumi CLI is missing, `make tools` builds it "+
			"(or set E2E_SKIP=1 to skip): %v", err)
	}
	return root
}
