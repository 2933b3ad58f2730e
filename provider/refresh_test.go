package provider_test

import (
	"strings"
	"testing"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

func TestRefreshAfterATagAddedByHandKeepsTheProgramsSpelling(t *testing.T) {
	h := newHarness(t, fast, nil)
	// The account already knows the tag as "Web", so the image reads it so.
	other, err := h.api.Seed(emulator.Image{Name: "other", ImportRegion: "nyc3"})
	require.NoError(t, err)
	require.NoError(t, h.api.TagImage(other.ID, "Web"))
	program := with(base(), "tags", []string{"web"})
	s := h.up("img", program)
	require.NoError(t, h.api.TagImage(s.imageID(), "by-hand"))

	s.refresh()

	assert.Equal(t, []string{"web", "by-hand"}, strs(s.state, "tags"))
	diff := s.planned(program)
	assert.Equal(t, p.Update, diff.DetailedDiff["tags"].Kind, "the program removes by-hand")
	s.apply(program)
	img, _ := h.image(s.id)
	assert.ElementsMatch(t, []string{"Web"}, img.Tags)
	assert.False(t, s.planned(program).HasChanges)
}

func TestRefreshDropsAnImageWhoseImportFailedAfterTheStackStoppedWaiting(t *testing.T) {
	h := newHarness(t, emulator.Options{}, nil)
	h.api.OnImport("late-failure", emulator.ImportBehaviour{Duration: 1500 * time.Millisecond,
		FailWith: "decompression failed"})
	in := with(base(), "url", "https://images.example.test/late-failure.img.bz2")
	created, err := h.tryCreate("img", in, time.Second)
	require.Error(t, err, "the create deadline passes while the import is pending")
	require.NotEmpty(t, created.ID, "the stack keeps the image")

	require.Eventually(t, func() bool {
		img, ok := h.image(created.ID)
		return ok && img.Status == "deleted"
	}, 5*time.Second, 20*time.Millisecond)
	resp := h.read("img", created.ID, created.Properties, property.Map{})

	assert.Empty(t, resp.ID, "an image whose import failed is gone")
}

func TestAnImportEndingInAnUnexpectedStatusFailsAtOnceAndKeepsTheImage(t *testing.T) {
	h := newHarness(t, emulator.Options{ImportDuration: 50 * time.Millisecond}, nil)
	h.api.OnImport("retired", emulator.ImportBehaviour{EndRetired: true})

	start := time.Now()
	created, err := h.tryCreate("img", with(base(), "url",
		"https://images.example.test/retired.img"), 0)

	require.Error(t, err)
	assert.Less(t, time.Since(start), 5*time.Second, "no waiting until the deadline")
	require.NotNil(t, created.PartialState)
	assert.Contains(t, strings.Join(created.PartialState.Reasons, "\n"), `status "retired"`)
	assert.NotEmpty(t, created.ID, "the stack keeps the image, so destroy removes it")
	_, ok := h.image(created.ID)
	assert.True(t, ok)
}

// An apiEndpoint with a wrong path answers 404 for every image. Taking that
// for "gone" would forget a live image on refresh, or report it destroyed
// while it stays on the account.
func TestAWrongEndpointPathIsNeverTakenForAGoneImage(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())
	wrong := serverAt(t, h.api.Endpoint+"/v3")

	_, readErr := wrong.Read(p.ReadRequest{ID: s.id, Urn: urn("img"), Properties: s.state,
		Inputs: s.inputs})
	deleteErr := wrong.Delete(p.DeleteRequest{ID: s.id, Urn: urn("img"), Properties: s.state})

	for _, err := range []error{readErr, deleteErr} {
		require.Error(t, err)
		assert.Contains(t, err.Error(), "check apiEndpoint")
	}
	_, ok := h.image(s.id)
	assert.True(t, ok, "the image is still on the account")
	var wrongPath []int
	for _, r := range h.api.Requests() {
		if strings.HasPrefix(r.Path, "/v3/v2/images/") {
			wrongPath = append(wrongPath, r.Status)
		}
	}
	assert.Equal(t, []int{404, 404}, wrongPath, "the read and the delete went to the wrong path")
}

// serverAt serves a provider configured against endpoint.
func serverAt(t *testing.T, endpoint string) integration.Server {
	t.Helper()
	server := newServer(t)
	require.NoError(t, server.Configure(p.ConfigureRequest{Args: property.NewMap(
		map[string]property.Value{
			"apiEndpoint":  property.New(endpoint),
			"token":        property.New(testenv.Token),
			"httpRetryMax": property.New(0.0),
		})}))
	return server
}
