package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const basicProgram = `
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: e2e-image
      url: https://images.example.test/a.qcow2.gz
      regions: [nyc3]
      description: first
      distribution: Ubuntu
      tags: [e2e, yaml]
outputs:
  imageId: ${img.imageId}
  status: ${img.status}
  imageRegions: ${img.imageRegions}
`

// Field scenario S01.
func TestUpImportsAnAvailableImage(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)

	s.up()

	img := onlyImage(t, api)
	assert.Equal(t, "available", img.Status)
	assert.Equal(t, []string{"nyc3"}, img.Regions)
	assert.Equal(t, "e2e-image", img.Name)
	assert.Equal(t, "first", img.Description)
	assert.Equal(t, "Ubuntu", img.Distribution)
	assert.ElementsMatch(t, []string{"e2e", "yaml"}, img.Tags)
	assert.Len(t, api.RequestsTo("POST", "/v2/images"), 1)

	out := s.outputs()
	assert.EqualValues(t, img.ID, out["imageId"])
	assert.Equal(t, "available", out["status"])
}

func TestASecondPreviewPlansNoChanges(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()

	s.previewNoChanges()
}

const noDistributionProgram = `
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      url: https://images.example.test/a.qcow2.gz
      regions: [nyc3]
`

// Field scenario S07.
func TestAnUnsetDistributionConvergesWithUnknownOS(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, noDistributionProgram)
	s.up()
	require.Equal(t, "Unknown OS", onlyImage(t, api).Distribution)

	s.previewNoChanges()
	s.refresh()
	s.previewNoChanges()
}

const renamedProgram = `
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: e2e-image-renamed
      url: https://images.example.test/a.qcow2.gz
      regions: [nyc3]
      description: second
      distribution: Ubuntu
      tags: [e2e, yaml]
outputs:
  imageId: ${img.imageId}
  status: ${img.status}
`

// Field scenario S06.
func TestChangingNameAndDescriptionUpdatesInPlace(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()
	before := onlyImage(t, api)
	api.ResetRequests()

	s.write(renamedProgram)
	s.up()

	after := onlyImage(t, api)
	assert.Equal(t, before.ID, after.ID)
	assert.Equal(t, "e2e-image-renamed", after.Name)
	assert.Equal(t, "second", after.Description)

	puts := api.RequestsTo("PUT", "/v2/images")
	require.Len(t, puts, 1, "requests: %v", requestLog(api))
	assert.Equal(t, imagePath(before.ID), puts[0].Path)
	assert.Contains(t, string(puts[0].Body), "e2e-image-renamed")
	assert.Contains(t, string(puts[0].Body), "second")
	assert.Equal(t, -1, indexOf(api, "POST", "/v2/images"), "requests: %v", requestLog(api))

	s.refresh()
	s.previewNoChanges()
}

const otherURLProgram = `
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      name: e2e-image
      url: https://images.example.test/b.qcow2.gz
      regions: [nyc3]
      description: first
      distribution: Ubuntu
      tags: [e2e, yaml]
outputs:
  imageId: ${img.imageId}
  status: ${img.status}
`

func TestANewURLReplacesTheImage(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()
	old := onlyImage(t, api)
	api.ResetRequests()

	s.write(otherURLProgram)
	s.up()

	created := indexOf(api, "POST", "/v2/images")
	deleted := indexOf(api, "DELETE", imagePath(old.ID))
	require.NotEqual(t, -1, created, "requests: %v", requestLog(api))
	require.NotEqual(t, -1, deleted, "requests: %v", requestLog(api))
	assert.Less(t, created, deleted, "the new image comes before the old one goes: %v",
		requestLog(api))

	img := onlyImage(t, api)
	assert.NotEqual(t, old.ID, img.ID)
	assert.Equal(t, "https://images.example.test/b.qcow2.gz", img.URL)
	assert.Equal(t, "available", img.Status)
	assert.EqualValues(t, img.ID, s.outputs()["imageId"])
}

func TestDestroyDeletesTheImage(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()
	img := onlyImage(t, api)

	s.destroy()

	assert.Empty(t, api.Images())
	deletes := api.RequestsTo("DELETE", imagePath(img.ID))
	require.Len(t, deletes, 1, "requests: %v", requestLog(api))
	assert.Equal(t, 204, deletes[0].Status)
	_, inStack := s.export().image("img")
	assert.False(t, inStack)
}
