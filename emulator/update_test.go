package emulator_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/digitalocean/godo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// itoa formats an id the way paths and tag requests need it.
func itoa(id int) string {
	return strconv.Itoa(id)
}

func TestAnExplicitEmptyDescriptionClearsIt(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, emulator.Options{})
	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "web", Url: "https://images.example.test/w.img", Region: "nyc3",
		Description: "v1", Distribution: "Debian",
	})

	// godo's ImageUpdateRequest drops empty strings, so the clear is built by hand.
	req, err := f.client.NewRequest(ctx, http.MethodPut, "v2/images/"+itoa(img.ID),
		map[string]any{"description": ""})
	require.NoError(t, err)
	_, err = f.client.Do(ctx, req, nil)
	require.NoError(t, err)

	got := f.getImage(img.ID)
	assert.Empty(t, got.Description)
	assert.Equal(t, "web", got.Name, "an absent field stays")
	assert.Equal(t, "Debian", got.Distribution, "an absent field stays")
}

func TestAnUpdateChangesOnlyTheGivenFields(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "web", Url: "https://images.example.test/w.img", Region: "nyc3", Description: "v1",
	})

	got, _, err := f.client.Images.Update(context.Background(), img.ID,
		&godo.ImageUpdateRequest{Name: "web-2"})

	require.NoError(t, err)
	assert.Equal(t, "web-2", got.Name)
	assert.Equal(t, "v1", got.Description)
}

func TestDistributionsOutsideTheListReadBackAsUnknownOS(t *testing.T) {
	cases := map[string]string{
		"":            "Unknown OS",
		"Plan 9":      "Unknown OS",
		"Rocky Linux": "Rocky Linux",
		"Unknown":     "Unknown",
	}
	for given, want := range cases {
		t.Run(given, func(t *testing.T) {
			f := newFixture(t, emulator.Options{})

			img := f.createImage(&godo.CustomImageCreateRequest{
				Name: "d", Url: "https://images.example.test/d.img", Region: "nyc3",
				Distribution: given,
			})

			assert.Equal(t, want, img.Distribution)
			assert.Equal(t, want, f.getImage(img.ID).Distribution)
		})
	}
}

func TestCreateRefusesInvalidRequests(t *testing.T) {
	cases := map[string]godo.CustomImageCreateRequest{
		"no name":        {Url: "https://images.example.test/a.img", Region: "nyc3"},
		"no url":         {Name: "a", Region: "nyc3"},
		"no region":      {Name: "a", Url: "https://images.example.test/a.img"},
		"file url":       {Name: "a", Url: "file:///tmp/disk.img", Region: "nyc3"},
		"ftp url":        {Name: "a", Url: "ftp://images.example.test/a.img", Region: "nyc3"},
		"unknown region": {Name: "a", Url: "https://images.example.test/a.img", Region: "mars1"},
		"bad tag": {Name: "a", Url: "https://images.example.test/a.img", Region: "nyc3",
			Tags: []string{"bad tag!"}},
	}
	for name, req := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, emulator.Options{})

			_, _, err := f.client.Images.Create(context.Background(), &req)

			er := apiError(t, err)
			assert.Equal(t, http.StatusUnprocessableEntity, er.Response.StatusCode)
			assert.NotEmpty(t, er.Message)
			assert.NotEmpty(t, er.RequestID)
			assert.Empty(t, f.emu.Images())
			f.takeViolations() // most of these requests break the contract on purpose
		})
	}
}

func TestADeletedImageIsNotFound(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, emulator.Options{})
	img := f.availableImage("gone", "nyc3")

	resp, err := f.client.Images.Delete(ctx, img.ID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)

	_, _, err = f.client.Images.GetByID(ctx, img.ID)
	er := apiError(t, err)
	assert.Equal(t, http.StatusNotFound, er.Response.StatusCode)
	assert.Contains(t, er.Message, "could not be found")
	_, err = f.client.Images.Delete(ctx, img.ID)
	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
}
