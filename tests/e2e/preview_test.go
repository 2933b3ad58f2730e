package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dependentProgram has a second image whose description reads the first
// one's imageId, as a droplet's image would.
const dependentProgram = `
name: e2e
runtime: yaml
resources:
  base:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: base-image
      url: https://images.example.test/a.qcow2.gz
      regions: [nyc3]
      description: first
  follower:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: follower-image
      url: https://images.example.test/b.qcow2.gz
      regions: [nyc3]
      description: built on image ${base.imageId}
`

func TestAPreviewOfAnInPlaceChangeLeavesResourcesUsingImageIDAlone(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, dependentProgram)
	s.up()

	s.write(strings.Replace(dependentProgram, "description: first", "description: second", 1))
	steps := s.plan()

	base, ok := stepFor(steps, "base")
	require.True(t, ok, "steps: %+v", steps)
	assert.Equal(t, "update", base.Op)
	// The preview lists only resources that change.
	follower, planned := stepFor(steps, "follower")
	assert.False(t, planned && follower.Op != "same",
		"imageId is known in the preview, so the follower stays: %+v", follower)
}
