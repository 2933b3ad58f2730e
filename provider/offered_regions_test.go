package provider_test

import (
	"net/http"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestARegionDigitalOceanDoesNotOfferFailsBeforeTheImport(t *testing.T) {
	h := newHarness(t, fast, nil)

	_, err := h.tryCreate("img", with(base(), "regions", []string{"nyc3", "xyz9"}), 0)

	require.Error(t, err)
	assert.Contains(t, err.Error(), "regions")
	assert.Contains(t, err.Error(), `"xyz9"`)
	assert.Contains(t, err.Error(), "sfo3", "the error lists the regions on offer")
	assert.Empty(t, h.api.RequestsTo("POST", "/v2/images"), "no import was started")
	assert.Empty(t, h.api.Images())
}

func TestAddingARegionDigitalOceanDoesNotOfferChangesNothing(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())
	news := h.check("img", s.inputs, inputs(with(base(), "regions", []string{"nyc3", "xyz9"},
		"description", "v2")))

	_, err := h.server.Update(p.UpdateRequest{ID: s.id, Urn: urn("img"), State: s.state,
		OldInputs: s.inputs, Inputs: news})

	require.Error(t, err)
	assert.Contains(t, err.Error(), `"xyz9"`)
	assert.Empty(t, h.api.RequestsTo("PUT", "/v2/images/"), "the description is left alone")
	assert.Empty(t, h.api.RequestsTo("POST", "/v2/images/"+s.id+"/actions"))
}

func TestATokenThatMayNotListRegionsStillImports(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.FailNext("GET", "/v2/regions", http.StatusForbidden)

	var id string
	warned := warnings(t, func() { id, _ = h.create("img", base()) })

	assert.Contains(t, warned, "regions were not checked")
	_, ok := h.image(id)
	assert.True(t, ok)
}

func TestRegionsAreListedOnceForManyImages(t *testing.T) {
	h := newHarness(t, fast, nil)

	h.create("a", base())
	h.create("b", with(base(), "regions", []string{"nyc3", "sfo3"}))

	assert.Len(t, h.api.RequestsTo("GET", "/v2/regions"), 1)
}
