package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Field scenario S10.
func TestRefreshForgetsAnImageDeletedOutOfBand(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()
	img := onlyImage(t, api)
	_, inStack := s.export().image("img")
	require.True(t, inStack)

	require.NoError(t, api.DeleteImage(img.ID))
	s.refresh()

	_, inStack = s.export().image("img")
	assert.False(t, inStack, "refresh should drop an image that no longer exists")
	s.destroy()
	assert.Empty(t, api.Images())
}

// Field scenario S13.
func TestARegionAddedOutOfBandIsNoReplacement(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()
	img := onlyImage(t, api)

	require.NoError(t, api.AddRegion(img.ID, "ams3"))
	s.previewNoChanges()
	s.refresh()
	s.previewNoChanges()

	state, ok := s.export().image("img")
	require.True(t, ok)
	assert.ElementsMatch(t, []any{"nyc3", "ams3"}, state.Outputs["imageRegions"])
	assert.Equal(t, []any{"nyc3"}, state.Inputs["regions"])

	// An up with nothing to change refreshes the stack outputs too.
	s.up()
	assert.ElementsMatch(t, []any{"nyc3", "ams3"}, s.outputs()["imageRegions"])
	assert.Equal(t, img.ID, onlyImage(t, api).ID)
}
