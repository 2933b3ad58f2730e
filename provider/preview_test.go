package provider_test

import (
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// previewUpdate returns the outputs a `pulumi preview` of the next program
// shows for an in-place change.
func (s *stack) previewUpdate(in map[string]any) property.Map {
	s.h.t.Helper()
	news := s.h.check(s.name, s.inputs, inputs(in))
	resp, err := s.h.server.Update(p.UpdateRequest{ID: s.id, Urn: urn(s.name), State: s.state,
		OldInputs: s.inputs, Inputs: news, DryRun: true})
	require.NoError(s.h.t, err)
	return resp.Properties
}

func TestAPreviewOfAnInPlaceChangeKeepsTheImageIDKnown(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", with(base(), "description", "v1", "tags", []string{"a"}))
	before := len(h.api.Requests())

	planned := s.previewUpdate(with(base(), "description", "v2", "tags", []string{"b"},
		"regions", []string{"nyc3", "sfo3"}))

	// A droplet booted from imageId must not be planned for replacement.
	for _, key := range []string{"imageId", "createdAt", "type", "status", "minDiskSize",
		"sizeGigabytes"} {
		assert.False(t, planned.Get(key).IsComputed(), "%s is known in the preview", key)
		assert.True(t, planned.Get(key).Equals(s.state.Get(key)), "%s is unchanged", key)
	}
	assert.Equal(t, "v2", str(planned, "description"))
	assert.Equal(t, []string{"b"}, strs(planned, "tags"))
	assert.True(t, planned.Get("imageRegions").IsComputed(),
		"a transfer changes the image's regions, unknown until it is done")
	assert.Len(t, h.api.Requests(), before, "a preview calls nothing")
}

func TestAPreviewOfAResumedImportShowsItsStatusAsUnknown(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnImport("stuck", emulator.ImportBehaviour{StayPending: true})
	program := with(base(), "url", "https://images.example.test/stuck.img")
	s := h.upCutShort("img", program)

	// The resumed update records the regions the image reaches, an input
	// change that the status, sizes and image regions depend on while the
	// import is unfinished.
	planned := s.previewUpdate(program)

	assert.True(t, planned.Get("status").IsComputed(), "the resumed wait settles the status")
	assert.False(t, planned.Get("imageId").IsComputed())
}

func TestAPreviewWithRegionsNotKnownYetPlansTheImage(t *testing.T) {
	h := newHarness(t, fast, nil)
	// As when regions come from another resource's output.
	unknown := inputs(base()).Set("regions", property.New(property.Computed))

	checked, err := h.server.Check(p.CheckRequest{Urn: urn("img"), Inputs: unknown,
		RandomSeed: []byte("img")})
	require.NoError(t, err)
	require.Empty(t, checked.Failures)
	assert.True(t, checked.Inputs.Get("regions").IsComputed(), "regions stay unknown")

	planned, err := h.server.Create(p.CreateRequest{Urn: urn("img"),
		Properties: checked.Inputs, DryRun: true})

	require.NoError(t, err)
	assert.True(t, planned.Properties.Get("imageId").IsComputed())
	assert.Empty(t, h.api.Requests(), "a preview calls nothing")
}
