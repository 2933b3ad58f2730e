package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheYAMLExampleImportsAndDestroysItsImage(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	program, err := os.ReadFile(filepath.Join(tools.Root, "examples", "yaml", "Pulumi.yaml"))
	require.NoError(t, err)
	s := newStack(t, api, string(program))

	s.up()
	img := onlyImage(t, api)
	assert.Equal(t, "available", img.Status)
	assert.EqualValues(t, img.ID, s.outputs()["imageId"])
	s.previewNoChanges()

	s.destroy()
	assert.Empty(t, api.Images())
}
