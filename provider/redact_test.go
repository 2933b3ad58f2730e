package provider_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// A pre-signed URL carries its credential in the query or the user part.
const presigned = "https://user:s3cret@images.example.test/a.img.bz2?sig=SIGNATURE123"

func TestARejectedURLIsQuotedWithoutItsCredentials(t *testing.T) {
	h := newHarness(t, fast, nil)

	failures := h.checkFailures(with(base(), "url",
		"ftp://user:s3cret@images.example.test/a.img?sig=SIGNATURE123"))

	require.Contains(t, failures, "url")
	assert.Contains(t, failures["url"], "images.example.test/a.img", "the URL is recognisable")
	assert.NotContains(t, failures["url"], "s3cret")
	assert.NotContains(t, failures["url"], "SIGNATURE123")
}

func TestAFailedImportRequestNamesTheURLWithoutItsCredentials(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.FailNext("POST", "/v2/images", http.StatusUnprocessableEntity)

	_, err := h.tryCreate("img", with(base(), "url", presigned), 0)

	require.Error(t, err)
	assert.Contains(t, err.Error(), "images.example.test/a.img.bz2")
	assert.NotContains(t, err.Error(), "s3cret")
	assert.NotContains(t, err.Error(), "SIGNATURE123")
}

func TestAFailedImportWhoseReasonRepeatsTheURLDoesNotShowItsCredentials(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnImport("SIGNATURE123", emulator.ImportBehaviour{FailWith: reasonQuoting(presigned)})

	_, err := h.tryCreate("img", with(base(), "url", presigned), 0)

	require.Error(t, err)
	assertNoCredentials(t, err)
}

func TestAnImportFailingWhileAnUpdateResumesDoesNotShowTheURLsCredentials(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnImport("SIGNATURE123", emulator.ImportBehaviour{Duration: 2 * time.Second,
		FailWith: reasonQuoting(presigned)})
	s := h.upCutShort("img", with(base(), "url", presigned))

	_, err := s.resume(0)

	require.Error(t, err)
	assertNoCredentials(t, err)
}

// reasonQuoting is a reason for a failed import that repeats the URL in
// every way a download error might.
func reasonQuoting(raw string) string {
	return "could not download " + raw + " (escaped: " + url.QueryEscape(raw) +
		"; signature sig=SIGNATURE123; user user:s3cret): 403 Forbidden"
}

func assertNoCredentials(t *testing.T, err error) {
	t.Helper()
	assert.Contains(t, err.Error(), "403 Forbidden", "DigitalOcean's reason is kept")
	assert.Contains(t, err.Error(), "images.example.test/a.img.bz2", "the URL is recognisable")
	assert.NotContains(t, err.Error(), "s3cret")
	assert.NotContains(t, err.Error(), "SIGNATURE123")
}

func TestASecretInputKeepsItsSecretAndHidesNothingElse(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnImport("stuck", emulator.ImportBehaviour{StayPending: true})
	in := inputs(with(base(), "url", presigned+"&stuck=1"))
	in = in.Set("url", in.Get("url").WithSecret(true))
	in = in.Set("description", property.New("internal build").WithSecret(true))
	checked := h.check("img", property.Map{}, in)

	// A first up cut short, then its resumed wait, also cut short.
	created, err := h.createChecked("img", checked, time.Second)
	require.Error(t, err)
	resumed, err := h.server.Update(p.UpdateRequest{ID: created.ID, Urn: urn("img"),
		State: created.Properties, OldInputs: checked, Inputs: checked, Timeout: 1})
	require.Error(t, err)

	for _, state := range []property.Map{created.Properties, resumed.Properties} {
		assert.True(t, state.Get("url").Secret(), "url is stored as a secret")
		assert.True(t, state.Get("description").Secret(), "description is stored as a secret")
		for _, key := range []string{"imageId", "status", "minDiskSize", "regions",
			"imageRegions"} {
			assert.False(t, state.Get(key).Secret(), "%s does not hide behind a secret", key)
		}
	}
}
