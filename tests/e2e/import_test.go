package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

const emptyProgram = `
name: e2e
runtime: yaml
`

// adoptedProgram describes the seeded image as it is, plus the URL it
// came from, which DigitalOcean never reports.
const adoptedProgram = `
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: legacy-image
      url: https://images.example.test/legacy.img.gz
      regions: [nyc3, sfo3]
      description: made by hand
      distribution: Debian
      tags: [legacy]
`

// Field scenario S16.
func TestAnImportedImageAdoptsAURLWithoutReplacement(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	seeded, err := api.Seed(emulator.Image{
		Name:         "legacy-image",
		Description:  "made by hand",
		Distribution: "Debian",
		ImportRegion: "nyc3",
		Regions:      []string{"sfo3"},
		Tags:         []string{"legacy"},
	})
	require.NoError(t, err)
	s := newStack(t, api, emptyProgram)

	s.importImage("img", idString(seeded.ID))

	state, ok := s.export().image("img")
	require.True(t, ok)
	assert.Equal(t, idString(seeded.ID), state.ID)
	assert.Equal(t, "legacy-image", state.Inputs["name"])
	assert.ElementsMatch(t, []any{"nyc3", "sfo3"}, state.Inputs["regions"])
	assert.Equal(t, "made by hand", state.Inputs["description"])
	assert.Equal(t, "Debian", state.Inputs["distribution"])
	assert.Equal(t, []any{"legacy"}, state.Inputs["tags"])

	s.write(adoptedProgram)
	st, ok := stepFor(s.plan(), "img")
	require.True(t, ok)
	assert.Equal(t, "update", st.Op, "step: %+v", st)
	assert.Equal(t, []string{"url"}, st.DiffReasons)

	api.ResetRequests()
	s.up()
	assert.Equal(t, seeded.ID, onlyImage(t, api).ID)
	assert.Empty(t, api.RequestsTo("POST", "/v2/images"), "requests: %v", requestLog(api))
	assert.Empty(t, api.RequestsTo("DELETE", "/v2/images"), "requests: %v", requestLog(api))
	s.previewNoChanges()
}

// Field scenarios S13 and S16: the image was transferred to sfo3 by hand
// before the import, and the program only asks for nyc3.
func TestAnImportedImageInMoreRegionsThanTheProgramListsIsNotReplaced(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	seeded, err := api.Seed(emulator.Image{Name: "legacy-image", Description: "made by hand",
		Distribution: "Debian", ImportRegion: "nyc3", Regions: []string{"sfo3"},
		Tags: []string{"legacy"}})
	require.NoError(t, err)
	s := newStack(t, api, emptyProgram)
	s.importImage("img", idString(seeded.ID))

	s.write(strings.Replace(adoptedProgram, "[nyc3, sfo3]", "[nyc3]", 1))
	st, ok := stepFor(s.plan(), "img")
	require.True(t, ok)
	assert.Equal(t, "update", st.Op, "step: %+v", st)

	s.up()
	assert.Equal(t, seeded.ID, onlyImage(t, api).ID)
	state, ok := s.export().image("img")
	require.True(t, ok)
	assert.Equal(t, []any{"nyc3"}, state.Inputs["regions"])
	assert.ElementsMatch(t, []any{"nyc3", "sfo3"}, state.Outputs["imageRegions"])
	s.previewNoChanges()
}
