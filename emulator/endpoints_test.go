package emulator_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/digitalocean/godo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// TestEveryEndpointAnswersAsTheContractSays walks every endpoint with godo
// through the contract checker; newFixture fails the test on a violation.
func TestEveryEndpointAnswersAsTheContractSays(t *testing.T) {
	requireContract(t)
	ctx := context.Background()
	f := newFixture(t, emulator.Options{
		ImportDuration: time.Minute, TransferDuration: time.Minute,
	})
	c := f.client

	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "web", Url: "https://images.example.test/web.qcow2.gz", Region: "nyc3",
		Distribution: "Ubuntu", Description: "v1", Tags: []string{"base-image", "prod"},
	})
	for _, step := range []time.Duration{0, 40 * time.Second, 40 * time.Second} {
		f.clock.Advance(step)
		_, _, err := c.Images.GetByID(ctx, img.ID)
		require.NoError(t, err)
	}

	_, _, err := c.Images.List(ctx, &godo.ListOptions{Page: 1, PerPage: 1})
	require.NoError(t, err)
	_, _, err = c.Images.ListUser(ctx, nil)
	require.NoError(t, err)
	_, _, err = c.Images.ListByTag(ctx, "prod", nil)
	require.NoError(t, err)
	_, _, err = c.Images.ListDistribution(ctx, nil)
	require.NoError(t, err)
	_, _, err = c.Images.Update(ctx, img.ID, &godo.ImageUpdateRequest{
		Name: "web-2", Distribution: "Rocky Linux", Description: "v2",
	})
	require.NoError(t, err)

	action, _, err := c.ImageActions.Transfer(ctx, img.ID,
		&godo.ActionRequest{"type": "transfer", "region": "sfo3"})
	require.NoError(t, err)
	_, _, err = c.ImageActions.Get(ctx, img.ID, action.ID)
	require.NoError(t, err)
	f.clock.Advance(time.Minute)
	_, _, err = c.Actions.Get(ctx, action.ID)
	require.NoError(t, err)
	listImageActions(t, f, img.ID)

	_, _, err = c.Tags.Create(ctx, &godo.TagCreateRequest{Name: "team:web"})
	require.NoError(t, err)
	_, err = c.Tags.TagResources(ctx, "team:web", &godo.TagResourcesRequest{
		Resources: []godo.Resource{{ID: itoa(img.ID), Type: godo.ImageResourceType}},
	})
	require.NoError(t, err)
	_, _, err = c.Tags.Get(ctx, "team:web")
	require.NoError(t, err)
	_, _, err = c.Tags.List(ctx, nil)
	require.NoError(t, err)
	_, err = c.Tags.UntagResources(ctx, "team:web", &godo.UntagResourcesRequest{
		Resources: []godo.Resource{{ID: itoa(img.ID), Type: godo.ImageResourceType}},
	})
	require.NoError(t, err)
	_, err = c.Tags.Delete(ctx, "team:web")
	require.NoError(t, err)

	_, _, err = c.Regions.List(ctx, nil)
	require.NoError(t, err)

	_, err = c.Images.Delete(ctx, img.ID)
	require.NoError(t, err)
	_, _, err = c.Images.GetByID(ctx, img.ID)
	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
	_, _, err = c.Tags.Get(ctx, "no-such-tag")
	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
}

func TestErrorAnswersMatchTheContract(t *testing.T) {
	requireContract(t)
	ctx := context.Background()
	f := newFixture(t, emulator.Options{})

	bad := newClient(t, f.url, "wrong-token")
	_, _, err := bad.Regions.List(ctx, nil)
	assert.Equal(t, http.StatusUnauthorized, apiStatus(t, err))

	_, _, err = f.client.Images.Create(ctx, &godo.CustomImageCreateRequest{
		Name: "a", Url: "ftp://images.example.test/a.img", Region: "nyc3",
	})
	assert.Equal(t, http.StatusUnprocessableEntity, apiStatus(t, err))

	f.emu.FailNext("GET", "/v2/regions", http.StatusTooManyRequests)
	_, _, err = f.client.Regions.List(ctx, nil)
	assert.Equal(t, http.StatusTooManyRequests, apiStatus(t, err))

	f.emu.FailNext("GET", "/v2/regions", http.StatusInternalServerError)
	_, _, err = f.client.Regions.List(ctx, nil)
	assert.Equal(t, http.StatusInternalServerError, apiStatus(t, err))

	img := f.availableImage("busy", "nyc3")
	_, _, err = f.client.ImageActions.Transfer(ctx, img.ID,
		&godo.ActionRequest{"type": "transfer", "region": "nyc3"})
	assert.Equal(t, http.StatusUnprocessableEntity, apiStatus(t, err))
}

func TestEveryAnswerCarriesRateLimitHeaders(t *testing.T) {
	f := newFixture(t, emulator.Options{})

	_, resp, err := f.client.Regions.List(context.Background(), nil)

	require.NoError(t, err)
	assert.Equal(t, 5000, resp.Rate.Limit)
	assert.Positive(t, resp.Rate.Remaining)
	assert.True(t, resp.Rate.Reset.After(f.clock.Now()))
}

func TestTheRegionListIsRealistic(t *testing.T) {
	f := newFixture(t, emulator.Options{})

	regions, _, err := f.client.Regions.List(context.Background(), nil)

	require.NoError(t, err)
	var slugs []string
	for _, r := range regions {
		slugs = append(slugs, r.Slug)
		assert.True(t, r.Available)
		assert.Contains(t, r.Features, "image_transfer")
	}
	assert.ElementsMatch(t, []string{"nyc1", "nyc3", "sfo2", "sfo3", "ams3", "sgp1",
		"lon1", "fra1", "tor1", "blr1", "syd1"}, slugs)
}

func TestListsArePaginated(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	for range 25 {
		f.createImage(&godo.CustomImageCreateRequest{
			Name: "n", Url: "https://images.example.test/n.img", Region: "nyc3",
		})
	}

	page2, resp, err := f.client.Images.ListUser(context.Background(),
		&godo.ListOptions{Page: 2, PerPage: 10})

	require.NoError(t, err)
	assert.Len(t, page2, 10)
	assert.Equal(t, 25, resp.Meta.Total)
	assert.NotEmpty(t, resp.Links.Pages.Next)
	assert.NotEmpty(t, resp.Links.Pages.Prev)
	assert.False(t, resp.Links.IsLastPage())
}

// listImageActions calls GET /v2/images/{id}/actions, which godo lacks.
func listImageActions(t *testing.T, f *fixture, imageID int) []godo.Action {
	t.Helper()
	ctx := context.Background()
	req, err := f.client.NewRequest(ctx, http.MethodGet,
		"v2/images/"+itoa(imageID)+"/actions", nil)
	require.NoError(t, err)
	var root struct {
		Actions []godo.Action `json:"actions"`
	}
	_, err = f.client.Do(ctx, req, &root)
	require.NoError(t, err)
	return root.Actions
}
