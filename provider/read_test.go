package provider_test

import (
	"strconv"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// Field scenario S10.
func TestRefreshDropsAnImageDeletedBehindTheStacksBack(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())
	require.NoError(t, h.api.DeleteImage(s.imageID()))

	resp := s.refresh()

	assert.Empty(t, resp.ID, "an empty ID tells the engine the image is gone")
}

// Field scenario S10.
func TestDestroyingAVanishedImageSucceeds(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())
	require.NoError(t, h.api.DeleteImage(s.imageID()))

	err := h.server.Delete(p.DeleteRequest{ID: s.id, Urn: urn("img"), Properties: s.state})

	assert.NoError(t, err)
}

func TestDeleteRemovesTheImage(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())

	require.NoError(t, h.server.Delete(p.DeleteRequest{ID: s.id, Urn: urn("img"),
		Properties: s.state}))

	assert.Empty(t, h.api.Images())
}

func TestRefreshReportsARenameDoneByHand(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", with(base(), "name", "v1"))
	require.NoError(t, h.api.RenameImage(s.imageID(), "by-hand"))

	s.refresh()

	assert.Equal(t, "by-hand", str(s.state, "name"))
	diff := s.planned(with(base(), "name", "v1"))
	assert.Equal(t, p.Update, diff.DetailedDiff["name"].Kind, "the program renames it back")
	assert.Equal(t, flatcarURL, str(s.state, "url"), "the URL comes from prior state")
}

// Field scenario S16.
func TestImportAdoptsAnImageByItsNumericID(t *testing.T) {
	h := newHarness(t, fast, nil)
	seeded, err := h.api.Seed(emulator.Image{Name: "legacy", Description: "from the console",
		Distribution: "Debian", ImportRegion: "nyc3", Regions: []string{"sfo3"},
		Tags: []string{"prod"}})
	require.NoError(t, err)
	id := strconv.Itoa(seeded.ID)

	resp := h.read("img", id, property.Map{}, property.Map{})

	require.Equal(t, id, resp.ID)
	in := resp.Inputs
	assert.Equal(t, "legacy", str(in, "name"))
	assert.Equal(t, "from the console", str(in, "description"))
	assert.Equal(t, "Debian", str(in, "distribution"))
	assert.ElementsMatch(t, []string{"nyc3", "sfo3"}, strs(in, "regions"))
	assert.Equal(t, []string{"prod"}, strs(in, "tags"))
	assert.Equal(t, float64(seeded.ID), num(resp.Properties, "imageId"))
}

// Field scenario S16.
func TestAURLAddedAfterAnImportPlansNoReplacement(t *testing.T) {
	h := newHarness(t, fast, nil)
	seeded, err := h.api.Seed(emulator.Image{Name: "legacy", ImportRegion: "nyc3"})
	require.NoError(t, err)
	id := strconv.Itoa(seeded.ID)
	resp := h.read("img", id, property.Map{}, property.Map{})
	s := &stack{h: h, name: "img", id: id, inputs: resp.Inputs, state: resp.Properties}

	diff := s.apply(map[string]any{"name": "legacy", "url": flatcarURL,
		"regions": []string{"nyc3"}})

	assert.False(t, replaces(diff), "diff: %v", diff.DetailedDiff)
	assert.Equal(t, flatcarURL, str(s.state, "url"))
	assert.Empty(t, h.api.RequestsTo("PUT", "/v2/images/"), "recording the URL calls nothing")
}

// Field scenarios S13 and S16.
func TestAProgramListingFewerRegionsThanAnImportedImageHasPlansNoReplacement(t *testing.T) {
	h := newHarness(t, fast, nil)
	seeded, err := h.api.Seed(emulator.Image{Name: "legacy", ImportRegion: "nyc3",
		Regions: []string{"ams3"}})
	require.NoError(t, err)
	id := strconv.Itoa(seeded.ID)
	resp := h.read("img", id, property.Map{}, property.Map{})
	s := &stack{h: h, name: "img", id: id, inputs: resp.Inputs, state: resp.Properties}
	program := map[string]any{"name": "legacy", "url": flatcarURL, "regions": []string{"nyc3"}}

	diff := s.apply(program)

	assert.False(t, replaces(diff), "diff: %v", diff.DetailedDiff)
	assert.Equal(t, []string{"nyc3"}, strs(s.state, "regions"))
	assert.ElementsMatch(t, []string{"nyc3", "ams3"}, strs(s.state, "imageRegions"))
	assert.False(t, s.planned(program).HasChanges, "a second up changes nothing")

	dropped := s.planned(with(program, "regions", []string{"ams3"}))
	assert.True(t, replaces(dropped), "once described, dropping a region it asked for replaces")
}

func TestImportingAnIDThatIsNotANumberSaysWhatAnIDIs(t *testing.T) {
	h := newHarness(t, fast, nil)

	_, err := h.server.Read(p.ReadRequest{ID: "flatcar", Urn: urn("img")})

	assert.ErrorContains(t, err, "not a DigitalOcean image id")
}

func TestUpdatingAnImageDeletedByHandSaysToRefresh(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())
	require.NoError(t, h.api.DeleteImage(s.imageID()))

	news := h.check("img", s.inputs, inputs(with(base(), "description", "v2")))
	_, err := h.server.Update(p.UpdateRequest{ID: s.id, Urn: urn("img"), State: s.state,
		OldInputs: s.inputs, Inputs: news})

	require.Error(t, err)
	assert.Contains(t, err.Error(), "no longer exists")
	assert.Contains(t, err.Error(), "pulumi refresh")
}

func TestImportingAnImageThatDoesNotExistFails(t *testing.T) {
	h := newHarness(t, fast, nil)

	_, err := h.server.Read(p.ReadRequest{ID: "99999", Urn: urn("img")})

	assert.ErrorContains(t, err, "no image 99999")
}

func TestAnIDWithLeadingZerosIsReadAsTheImageID(t *testing.T) {
	h := newHarness(t, fast, nil)
	seeded, err := h.api.Seed(emulator.Image{Name: "legacy", ImportRegion: "nyc3"})
	require.NoError(t, err)

	resp := h.read("img", "0"+strconv.Itoa(seeded.ID), property.Map{}, property.Map{})

	assert.Equal(t, strconv.Itoa(seeded.ID), resp.ID)
}
