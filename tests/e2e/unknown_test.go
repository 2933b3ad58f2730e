package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chainedProgram puts a second image in every region the first one is in,
// which a preview cannot know before the first one exists.
const chainedProgram = `
name: e2e
runtime: yaml
resources:
  base:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: base-image
      url: https://images.example.test/a.qcow2.gz
      regions: [nyc3, sfo3]
  follower:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: follower-image
      url: https://images.example.test/b.qcow2.gz
      regions: ${base.imageRegions}
`

func TestRegionsFromAnotherResourcesOutputPreviewAndApply(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, chainedProgram)

	s.preview()
	assert.Empty(t, api.Images(), "a preview imports nothing")
	s.up()

	state, ok := s.export().image("follower")
	require.True(t, ok)
	assert.ElementsMatch(t, []any{"nyc3", "sfo3"}, state.Outputs["imageRegions"])
	s.previewNoChanges()
}
