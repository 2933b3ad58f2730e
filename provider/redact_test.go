package provider_test

import (
	"net/http"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

func TestASecretURLStaysSecretInTheState(t *testing.T) {
	h := newHarness(t, fast, nil)
	in := inputs(base())
	in = in.Set("url", property.New(presigned).WithSecret(true))
	checked := h.check("img", property.Map{}, in)

	resp, err := h.createChecked("img", checked, 0)

	require.NoError(t, err)
	assert.True(t, resp.Properties.Get("url").Secret(), "url is stored as a secret")
	assert.False(t, resp.Properties.Get("imageId").Secret(), "imageId does not hide behind it")
}
