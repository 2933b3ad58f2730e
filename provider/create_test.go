package provider_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

const flatcarURL = "https://images.example.test/a.qcow2.gz"

// Field scenario S01.
func TestCreateWaitsThroughNewAndPendingUntilAvailable(t *testing.T) {
	h := newHarness(t, fast, nil)

	id, state := h.create("img", map[string]any{"url": flatcarURL, "regions": []string{"nyc3"}})

	assert.Equal(t, "available", str(state, "status"))
	assert.Equal(t, []string{"nyc3"}, strs(state, "regions"))
	assert.Positive(t, num(state, "minDiskSize"))
	assert.Positive(t, num(state, "sizeGigabytes"))
	assert.Equal(t, id, strconv.Itoa(int(num(state, "imageId"))), "the ID is the image id in decimal")
	img, ok := h.image(id)
	require.True(t, ok)
	assert.Equal(t, "available", img.Status)
	assert.Regexp(t, `^img-[0-9a-f]{7}$`, img.Name, "auto-named like pulumi-digitalocean")
}

// Field scenario S02.
func TestALowercaseNewStatusIsStillAnImportInProgress(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnImport("lower", emulator.ImportBehaviour{LowercaseNew: true,
		Duration: 40 * time.Millisecond})

	_, state := h.create("img", map[string]any{
		"url": "https://images.example.test/lower.img", "regions": []string{"nyc3"}})

	assert.Equal(t, "available", str(state, "status"))
}

// Field scenario S03.
func TestAFailedImportFailsWithTheAPIsMessageAndLeavesNoImage(t *testing.T) {
	h := newHarness(t, fast, nil)

	_, err := h.tryCreate("img", map[string]any{
		"url": "https://images.example.test/broken.img.bz2", "regions": []string{"nyc3"}}, 0)

	require.Error(t, err)
	assert.Contains(t, err.Error(), "decompression failed")
	assert.Regexp(t, `image \d+`, err.Error(), "the error names the image id")
	assert.Empty(t, h.api.Images(), "the failed image is removed, not left behind")
}

// Field scenario S11.
func TestAnUnsupportedFileFailsFastWithTheAPIsMessage(t *testing.T) {
	h := newHarness(t, emulator.Options{ImportDuration: time.Hour}, nil)

	start := time.Now()
	_, err := h.tryCreate("img", map[string]any{
		"url": "https://images.example.test/disk.tar.gz", "regions": []string{"nyc3"}}, 0)

	require.Error(t, err)
	assert.Less(t, time.Since(start), 5*time.Second, "no waiting on a rejected file")
	assert.Contains(t, err.Error(), "Unsupported image type: tar.gz", "the API's own words")
	assert.NotContains(t, err.Error(), "available")
	assert.Empty(t, h.api.Images(), "the rejected image is removed, not left behind")
}

// Field scenario S04.
func TestAnImportPastTheDeadlineKeepsTheImageInTheStack(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnImport("slow", emulator.ImportBehaviour{StayPending: true})

	resp, err := h.tryCreate("img", map[string]any{
		"url": "https://images.example.test/slow.img", "regions": []string{"nyc3"}}, time.Second)

	require.Error(t, err)
	require.NotNil(t, resp.PartialState, "the engine records a partly created image")
	reasons := strings.Join(resp.PartialState.Reasons, "\n")
	assert.Contains(t, reasons, "before the deadline")
	assert.Contains(t, reasons, "last status pending", "the error names the last status")
	require.NotEmpty(t, resp.ID, "the image id stays in the stack")
	_, ok := h.image(resp.ID)
	assert.True(t, ok)
	assert.Len(t, h.api.Images(), 1)
}

func TestPreviewCallsNothing(t *testing.T) {
	h := newHarness(t, fast, nil)

	checked := h.check("img", property.Map{}, inputs(map[string]any{"url": flatcarURL,
		"regions": []string{"nyc3"}}))
	resp, err := h.server.Create(p.CreateRequest{Urn: urn("img"), Properties: checked,
		DryRun: true})

	require.NoError(t, err)
	assert.Equal(t, flatcarURL, str(resp.Properties, "url"))
	assert.Empty(t, h.api.Requests())
}

func TestAListedDistributionWrittenInAnotherCaseIsSentAsDigitalOceanSpellsIt(t *testing.T) {
	h := newHarness(t, fast, nil)

	id, _ := h.create("img", with(base(), "distribution", "rocky linux"))

	img, ok := h.image(id)
	require.True(t, ok)
	assert.Equal(t, "Rocky Linux", img.Distribution, "not stored as Unknown OS")
}
