package emulator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean/godo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// admin calls the control API and returns the status and body.
func admin(t *testing.T, f *fixture, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, f.url+path, strings.NewReader(body))
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(out)
}

func TestTheControlAPISetsImportBehaviour(t *testing.T) {
	f := newFixture(t, emulator.Options{})

	status, _ := admin(t, f, "POST", "/_emulator/behaviours/import",
		`{"url_contains":"slow","duration":"5m","stay_pending":true}`)
	require.Equal(t, http.StatusNoContent, status)
	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "slow", Url: "https://images.example.test/slow.img", Region: "nyc3",
	})
	f.clock.Advance(time.Hour)

	assert.Equal(t, "pending", f.getImage(img.ID).Status)
}

func TestTheControlAPIListsAndDeletesImages(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	img := f.availableImage("web", "nyc3")

	status, body := admin(t, f, "GET", "/_emulator/images", "")
	require.Equal(t, http.StatusOK, status)
	var listed struct{ Images []emulator.Image }
	require.NoError(t, json.Unmarshal([]byte(body), &listed))
	require.Len(t, listed.Images, 1)
	assert.Equal(t, img.ID, listed.Images[0].ID)

	status, _ = admin(t, f, "POST", "/_emulator/images/"+itoa(img.ID)+"/delete", "")
	assert.Equal(t, http.StatusNoContent, status)
	assert.Empty(t, f.emu.Images())
}

func TestTheControlAPIMakesOutOfBandChanges(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	img := f.availableImage("web", "nyc3")
	base := "/_emulator/images/" + itoa(img.ID)

	admin(t, f, "POST", base+"/regions", `{"region":"ams3"}`)
	admin(t, f, "POST", base+"/rename", `{"name":"renamed"}`)
	status, _ := admin(t, f, "POST", base+"/regions", `{"region":"mars1"}`)

	assert.Equal(t, http.StatusUnprocessableEntity, status)
	got := f.getImage(img.ID)
	assert.Equal(t, []string{"nyc3", "ams3"}, got.Regions)
	assert.Equal(t, "renamed", got.Name)
}

func TestTheControlAPIInjectsFaults(t *testing.T) {
	f := newFixture(t, emulator.Options{})

	admin(t, f, "POST", "/_emulator/faults/next",
		`{"method":"GET","path_prefix":"/v2/regions","status":503}`)
	_, _, err := f.client.Regions.List(context.Background(), nil)
	assert.Equal(t, http.StatusServiceUnavailable, apiStatus(t, err))

	admin(t, f, "POST", "/_emulator/faults/every", `{"n":1,"status":429,"retry_after":2}`)
	_, resp, _ := f.client.Regions.List(context.Background(), nil)
	assert.Equal(t, "2", resp.Header.Get("Retry-After"))

	admin(t, f, "DELETE", "/_emulator/faults", "")
	_, _, err = f.client.Regions.List(context.Background(), nil)
	assert.NoError(t, err)
}

func TestNeitherLogsNorRequestRecordsShowTheToken(t *testing.T) {
	var log bytes.Buffer
	emu, err := emulator.Start(emulator.Options{Token: testToken, Log: &log})
	require.NoError(t, err)
	c := newClient(t, emu.URL(), testToken)
	_, _, err = c.Regions.List(context.Background(), nil)
	require.NoError(t, err)

	resp, err := http.Get(emu.URL() + "/_emulator/requests")
	require.NoError(t, err)
	records, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	_ = resp.Body.Close()
	require.NoError(t, emu.Close())

	assert.Contains(t, log.String(), "GET /v2/regions 200")
	assert.NotContains(t, log.String(), testToken)
	assert.Contains(t, string(records), "/v2/regions")
	assert.NotContains(t, string(records), testToken)
}
