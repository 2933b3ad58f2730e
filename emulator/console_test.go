package emulator_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

func TestAnImageDeletedBehindTheClientsBackIsNotFound(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, emulator.Options{})
	img := f.availableImage("web", "nyc3")

	require.NoError(t, f.emu.DeleteImage(img.ID))

	_, _, err := f.client.Images.GetByID(ctx, img.ID)
	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
	_, err = f.client.Images.Delete(ctx, img.ID)
	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
	assert.ErrorIs(t, f.emu.DeleteImage(img.ID), emulator.ErrImageNotFound)
}

func TestOutOfBandChangesShowOnRead(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	img := f.availableImage("web", "nyc3")

	require.NoError(t, f.emu.AddRegion(img.ID, "ams3"))
	require.NoError(t, f.emu.RenameImage(img.ID, "renamed"))
	require.NoError(t, f.emu.SetDescription(img.ID, "by hand"))
	require.NoError(t, f.emu.SetDistribution(img.ID, "Gentoo"))
	require.NoError(t, f.emu.TagImage(img.ID, "console"))

	got := f.getImage(img.ID)
	assert.Equal(t, []string{"nyc3", "ams3"}, got.Regions)
	assert.Equal(t, "renamed", got.Name)
	assert.Equal(t, "by hand", got.Description)
	assert.Equal(t, "Gentoo", got.Distribution)
	assert.Equal(t, []string{"console"}, got.Tags)
	assert.ErrorIs(t, f.emu.AddRegion(img.ID, "mars1"), emulator.ErrUnknownRegion)
}

func TestASeededImageReadsLikeAnImportedOne(t *testing.T) {
	f := newFixture(t, emulator.Options{})

	seeded, err := f.emu.Seed(emulator.Image{
		ID: 12345, Name: "old", ImportRegion: "nyc3", Regions: []string{"sfo3"},
		Tags: []string{"legacy"}, Description: "imported long ago",
	})
	require.NoError(t, err)

	got := f.getImage(12345)
	assert.Equal(t, "available", got.Status)
	assert.Equal(t, []string{"nyc3", "sfo3"}, got.Regions)
	assert.Equal(t, []string{"legacy"}, got.Tags)
	assert.Equal(t, seeded.Name, got.Name)
	next := f.availableImage("new", "nyc3")
	assert.Greater(t, next.ID, 12345)
}

func TestInspectionSeesWhatTheAPIServed(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	img := f.availableImage("web", "nyc3")

	mine, ok := f.emu.Image(img.ID)
	require.True(t, ok)
	assert.Equal(t, "https://images.example.test/web.qcow2.gz", mine.URL)
	assert.Equal(t, "nyc3", mine.ImportRegion)

	reqs := f.emu.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "POST", reqs[0].Method)
	assert.Equal(t, "/v2/images", reqs[0].Path)
	assert.Equal(t, http.StatusAccepted, reqs[0].Status)
	assert.Contains(t, string(reqs[0].Body), `"region":"nyc3"`)

	f.emu.ResetRequests()
	assert.Empty(t, f.emu.Requests())
}
