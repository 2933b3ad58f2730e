package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestARenameOutOfBandIsUndoneByTheNextUp(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()
	img := onlyImage(t, api)

	require.NoError(t, api.RenameImage(img.ID, "renamed-by-hand"))
	s.refresh()
	st, ok := stepFor(s.plan(), "img")
	require.True(t, ok)
	assert.Equal(t, "update", st.Op, "step: %+v", st)
	assert.Equal(t, []string{"name"}, st.DiffReasons)

	s.up()
	assert.Equal(t, "e2e-image", onlyImage(t, api).Name)
	s.previewNoChanges()
}

const noDescriptionProgram = `
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: e2e-image
      url: https://images.example.test/a.qcow2.gz
      regions: [nyc3]
      distribution: Ubuntu
      tags: [e2e, yaml]
`

func TestRemovingTheDescriptionClearsIt(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()
	id := onlyImage(t, api).ID

	s.write(noDescriptionProgram)
	s.up()

	img := onlyImage(t, api)
	assert.Equal(t, id, img.ID)
	assert.Empty(t, img.Description)
	s.refresh()
	s.previewNoChanges()
}
