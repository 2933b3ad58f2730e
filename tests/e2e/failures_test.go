package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

// Field scenario S03.
func TestAFailedImportFailsUpWithTheAPIMessageAndLeavesNothingBehind(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, urlProgram("https://images.example.test/broken.img.bz2"))

	res := s.fail("up", "--yes", "--skip-preview")

	posts := api.RequestsTo("POST", "/v2/images")
	require.Len(t, posts, 1, "requests: %v", requestLog(api))
	assert.Regexp(t, `could not import image \d+: decompression failed`, res.Output())
	assert.Empty(t, api.Images(), "the failed image is removed")
	_, inStack := s.export().image("img")
	assert.False(t, inStack)
}

// Field scenario S04.
func TestDestroyRemovesAnImageWhoseImportTimedOut(t *testing.T) {
	t.Parallel()
	requireTools(t)
	api := testenv.StartAPI(t, emulator.Options{ImportDuration: time.Hour})
	s := newStack(t, api, shortTimeoutProgram)
	s.fail("up", "--yes", "--skip-preview")
	img := onlyImage(t, api)

	s.destroy()

	assert.Empty(t, api.Images())
	assert.Len(t, api.RequestsTo("DELETE", imagePath(img.ID)), 1, "requests: %v",
		requestLog(api))
}

const fiveImagesProgram = `
name: e2e
runtime: yaml
resources:
  a:
    type: digitalocean-custom-image:CustomImage
    properties: {url: "https://images.example.test/a.img.gz", regions: [nyc3]}
  b:
    type: digitalocean-custom-image:CustomImage
    properties: {url: "https://images.example.test/b.img.gz", regions: [nyc3]}
  c:
    type: digitalocean-custom-image:CustomImage
    properties: {url: "https://images.example.test/c.img.gz", regions: [nyc3]}
  d:
    type: digitalocean-custom-image:CustomImage
    properties: {url: "https://images.example.test/d.img.gz", regions: [nyc3]}
  e:
    type: digitalocean-custom-image:CustomImage
    properties: {url: "https://images.example.test/e.img.gz", regions: [nyc3]}
`

// Field scenario S14.
func TestRateLimitedRequestsAreRetriedWithoutDuplicateImages(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	api.FailEvery(3, 429, 1)
	s := newStack(t, api, fiveImagesProgram)

	s.up()

	images := api.Images()
	require.Len(t, images, 5, "requests: %v", requestLog(api))
	urls := map[string]bool{}
	for _, img := range images {
		assert.Equal(t, "available", img.Status)
		urls[img.URL] = true
	}
	assert.Len(t, urls, 5, "one image per URL")
	assert.Contains(t, strings.Join(requestLog(api), "\n"), " 429", "no request was limited")
	testenv.AssertRetriesWaitedOut(t, api.Requests(), time.Second)
}
