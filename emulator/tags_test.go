package emulator_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/digitalocean/godo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// imageRef names an image in a tagging request.
func imageRef(id int) []godo.Resource {
	return []godo.Resource{{ID: itoa(id), Type: godo.ImageResourceType}}
}

func TestTagsGivenAtCreateAreCreatedAndAttached(t *testing.T) {
	f := newFixture(t, emulator.Options{})

	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "t", Url: "https://images.example.test/t.img", Region: "nyc3",
		Tags: []string{"base-image", "prod"},
	})

	assert.Equal(t, []string{"base-image", "prod"}, img.Tags)
	assert.Equal(t, []string{"base-image", "prod"}, f.emu.Tags())
	tag, _, err := f.client.Tags.Get(context.Background(), "prod")
	require.NoError(t, err)
	assert.Equal(t, 1, tag.Resources.Count)
	assert.Equal(t, 1, tag.Resources.Images.Count)
}

func TestTagNamesAreCaseInsensitiveAndKeepTheirFirstSpelling(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, emulator.Options{})
	img := f.availableImage("t", "nyc3")

	first, resp, err := f.client.Tags.Create(ctx, &godo.TagCreateRequest{Name: "Prod"})
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	again, resp, err := f.client.Tags.Create(ctx, &godo.TagCreateRequest{Name: "prod"})
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode, "creating an existing tag succeeds")
	assert.Equal(t, first.Name, again.Name)

	_, err = f.client.Tags.TagResources(ctx, "PROD",
		&godo.TagResourcesRequest{Resources: imageRef(img.ID)})
	require.NoError(t, err)

	assert.Equal(t, []string{"Prod"}, f.getImage(img.ID).Tags)
	tagged, _, err := f.client.Images.ListByTag(ctx, "prod", nil)
	require.NoError(t, err)
	require.Len(t, tagged, 1)
	assert.Equal(t, img.ID, tagged[0].ID)
}

func TestUntaggingAndDeletingTagsUpdatesTheImage(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, emulator.Options{})
	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "t", Url: "https://images.example.test/t.img", Region: "nyc3",
		Tags: []string{"a", "b", "c"},
	})

	_, err := f.client.Tags.UntagResources(ctx, "a",
		&godo.UntagResourcesRequest{Resources: imageRef(img.ID)})
	require.NoError(t, err)
	_, err = f.client.Tags.Delete(ctx, "B")
	require.NoError(t, err)

	assert.Equal(t, []string{"c"}, f.getImage(img.ID).Tags)
	assert.Equal(t, []string{"a", "c"}, f.emu.Tags(), "untagging keeps the tag")
}

func TestTaggingNeedsAnExistingTag(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	img := f.availableImage("t", "nyc3")

	_, err := f.client.Tags.TagResources(context.Background(), "missing",
		&godo.TagResourcesRequest{Resources: imageRef(img.ID)})

	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
	assert.Empty(t, f.getImage(img.ID).Tags)
}

func TestTaggingAMissingImageIsNotFound(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, emulator.Options{})
	_, _, err := f.client.Tags.Create(ctx, &godo.TagCreateRequest{Name: "a"})
	require.NoError(t, err)

	_, err = f.client.Tags.TagResources(ctx, "a",
		&godo.TagResourcesRequest{Resources: imageRef(999)})

	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
}

func TestTagNamesBreakingTheRulesAreRefused(t *testing.T) {
	for _, name := range []string{"bad tag!", "spaces here", strings.Repeat("a", 256)} {
		f := newFixture(t, emulator.Options{})

		_, _, err := f.client.Tags.Create(context.Background(), &godo.TagCreateRequest{Name: name})

		assert.Equal(t, http.StatusUnprocessableEntity, apiStatus(t, err))
		if f.checked != nil {
			assert.NotEmpty(t, f.takeViolations(), "the request itself breaks the contract")
		}
	}
}
