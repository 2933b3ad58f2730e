package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// taggedProgram is a one-image program with the tags and regions given as
// YAML flow sequences.
func taggedProgram(tags, regions string) string {
	return fmt.Sprintf(`
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: tagged
      url: https://images.example.test/a.qcow2.gz
      regions: %s
      tags: %s
outputs:
  imageRegions: ${img.imageRegions}
`, regions, tags)
}

// Field scenario S09.
func TestTagChangesGoThroughTheTagsAPIInPlace(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, taggedProgram("[a]", "[nyc3]"))
	s.up()
	id := onlyImage(t, api).ID

	for _, tags := range [][]string{{"a", "b"}, {"b"}} {
		s.write(taggedProgram("["+strings.Join(tags, ", ")+"]", "[nyc3]"))
		s.up()

		img := onlyImage(t, api)
		assert.Equal(t, id, img.ID)
		assert.ElementsMatch(t, tags, img.Tags)
	}
	assert.NotEmpty(t, api.RequestsTo("POST", "/v2/tags/b/resources"), "requests: %v",
		requestLog(api))
	assert.NotEmpty(t, api.RequestsTo("DELETE", "/v2/tags/a/resources"), "requests: %v",
		requestLog(api))
	assert.Empty(t, api.RequestsTo("PUT", "/v2/images"), "requests: %v", requestLog(api))

	s.refresh()
	s.previewNoChanges()
}

// Field scenario S05.
func TestAddingARegionTransfersAndDroppingOneReplaces(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, taggedProgram("[]", "[nyc3, sfo3]"))
	s.up()
	img := onlyImage(t, api)
	assert.ElementsMatch(t, []string{"nyc3", "sfo3"}, img.Regions)

	s.write(taggedProgram("[]", "[nyc3, sfo3, ams3]"))
	s.up()
	after := onlyImage(t, api)
	assert.Equal(t, img.ID, after.ID)
	assert.ElementsMatch(t, []string{"nyc3", "sfo3", "ams3"}, after.Regions)
	assert.Len(t, api.RequestsTo("POST", imagePath(img.ID)+"/actions"), 2, "requests: %v",
		requestLog(api))
	s.previewNoChanges()

	s.write(taggedProgram("[]", "[nyc3]"))
	st, ok := stepFor(s.plan(), "img")
	require.True(t, ok)
	assert.Equal(t, "replace", st.Op, "step: %+v", st)
}
