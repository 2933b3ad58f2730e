package emulator_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/digitalocean/godo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// retryingClient is a godo client that retries at once; a retry-after of
// 0 keeps the test fast while still going through the header.
func retryingClient(t *testing.T, f *fixture) *godo.Client {
	return newClient(t, f.url, testToken, godo.WithRetryAndBackoffs(godo.RetryConfig{
		RetryMax:     3,
		RetryWaitMin: godo.PtrTo(0.001),
		RetryWaitMax: godo.PtrTo(0.01),
	}))
}

func TestEveryNthRequestIsRateLimitedWithRetryAfter(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	f.emu.FailEvery(3, http.StatusTooManyRequests, 7)

	var statuses []int
	for range 6 {
		_, resp, _ := f.client.Regions.List(context.Background(), nil)
		statuses = append(statuses, resp.StatusCode)
		if resp.StatusCode == http.StatusTooManyRequests {
			assert.Equal(t, "7", resp.Header.Get("Retry-After"))
		}
	}

	assert.Equal(t, []int{200, 200, 429, 200, 200, 429}, statuses)
}

func TestRetriesThroughRateLimitsCreateNoDuplicates(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	f.emu.FailEvery(3, http.StatusTooManyRequests, 0)
	c := retryingClient(t, f)

	for range 20 {
		_, _, err := c.Images.Create(context.Background(), &godo.CustomImageCreateRequest{
			Name: "many", Url: "https://images.example.test/m.img", Region: "nyc3",
		})
		require.NoError(t, err)
	}

	assert.Len(t, f.emu.Images(), 20)
	assert.Len(t, f.emu.RequestsTo("POST", "/v2/images"), 29, "every third try was refused")
}

func TestAFailNextFaultIsAnsweredWithoutEffect(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	f.emu.FailNext("POST", "/v2/images", http.StatusInternalServerError)

	_, _, err := f.client.Images.Create(context.Background(), &godo.CustomImageCreateRequest{
		Name: "x", Url: "https://images.example.test/x.img", Region: "nyc3",
	})

	er := apiError(t, err)
	assert.Equal(t, http.StatusInternalServerError, er.Response.StatusCode)
	assert.Empty(t, f.emu.Images())
}

func TestAFaultAfterProcessingLeavesTheImageBehind(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	f.emu.FailNextAfterProcessing("POST", "/v2/images", http.StatusInternalServerError)
	c := retryingClient(t, f)

	_, _, err := c.Images.Create(context.Background(), &godo.CustomImageCreateRequest{
		Name: "dup", Url: "https://images.example.test/d.img", Region: "nyc3",
	})

	require.NoError(t, err, "the blind retry succeeds")
	assert.Len(t, f.emu.Images(), 2, "and has made a duplicate: the hazard to avoid")
}

func TestAFaultOnlyMatchesItsPath(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	f.emu.FailNext("GET", "/v2/images/1", http.StatusInternalServerError)

	_, _, err := f.client.Images.GetByID(context.Background(), 12)

	assert.Equal(t, http.StatusNotFound, apiStatus(t, err), "/v2/images/12 is another path")
}

func TestAMissingOrWrongTokenIsUnauthorized(t *testing.T) {
	f := newFixture(t, emulator.Options{})

	for _, token := range []string{"", "wrong"} {
		req, err := http.NewRequest(http.MethodGet, f.url+"/v2/regions", nil)
		require.NoError(t, err)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		_ = resp.Body.Close()

		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
		assert.NotEmpty(t, resp.Header.Get("ratelimit-limit"))
	}
	_, _, err := newClient(t, f.url, "wrong").Images.GetByID(context.Background(), 1)
	assert.Contains(t, apiError(t, err).Message, "Unable to authenticate you")
}

func TestWithoutAConfiguredTokenAnyTokenIsAccepted(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = emu.Close() })

	_, _, err = newClient(t, emu.URL(), "whatever").Regions.List(context.Background(), nil)

	assert.NoError(t, err)
}
