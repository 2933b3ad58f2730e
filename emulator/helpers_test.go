package emulator_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/digitalocean/godo"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator/contract"
)

// testToken is the bearer token the test emulators accept.
const testToken = "dop_v1_emulator-test-token"

// clock is a hand-stepped clock shared by a test and its emulator.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

// Now returns the current fake time.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the fake time forward.
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// fixture is one emulator behind the contract checker, with a godo client.
type fixture struct {
	t       *testing.T
	emu     *emulator.Server
	clock   *clock
	url     string
	client  *godo.Client
	checked *contract.Checked
}

// loadSpec loads the contract; FindAndLoad caches it per test binary.
func loadSpec() (*contract.Spec, error) {
	return contract.FindAndLoad()
}

// requireContract skips a test that is about the contract when the
// contract file is absent, saying where it was looked for.
func requireContract(t *testing.T) {
	t.Helper()
	if _, err := loadSpec(); errors.Is(err, contract.ErrSpecNotFound) {
		t.Skipf("contract file not found, skipping contract check: %v", err)
	}
}

// newFixture starts an emulator with a fake clock. When the contract is
// present every exchange is checked, and the test fails on a violation
// unless it takes them over with expectViolations.
func newFixture(t *testing.T, opts emulator.Options) *fixture {
	t.Helper()
	c := &clock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	opts.Token = testToken
	opts.Now = c.Now
	f := &fixture{t: t, emu: emulator.New(opts), clock: c}

	var h http.Handler = f.emu
	s, err := loadSpec()
	switch {
	case errors.Is(err, contract.ErrSpecNotFound):
	case err != nil:
		require.NoError(t, err)
	default:
		f.checked, h = contract.Wrap(s, f.emu)
		t.Cleanup(f.assertNoViolations)
	}

	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	f.url = srv.URL
	f.client = newClient(t, srv.URL, testToken)
	return f
}

// assertNoViolations fails the test on any contract violation left over.
func (f *fixture) assertNoViolations() {
	if f.checked != nil {
		require.Empty(f.t, f.checked.Violations(), "contract violations")
	}
}

// takeViolations returns and clears the violations so far, for tests that
// send a request the contract forbids on purpose.
func (f *fixture) takeViolations() []string {
	if f.checked == nil {
		return nil
	}
	v := f.checked.Violations()
	f.checked.Reset()
	return v
}

// newClient builds a godo client the way the provider must: through
// oauth2 (godo panics with retries on a plain client) and with a trailing
// slash on the base URL.
func newClient(t *testing.T, baseURL, token string, opts ...godo.ClientOpt) *godo.Client {
	t.Helper()
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: token})
	hc := oauth2.NewClient(context.Background(), ts)
	opts = append([]godo.ClientOpt{godo.SetBaseURL(baseURL + "/")}, opts...)
	c, err := godo.New(hc, opts...)
	require.NoError(t, err)
	return c
}

// createImage imports an image and returns the create answer.
func (f *fixture) createImage(req *godo.CustomImageCreateRequest) *godo.Image {
	f.t.Helper()
	img, resp, err := f.client.Images.Create(context.Background(), req)
	require.NoError(f.t, err)
	require.Equal(f.t, http.StatusAccepted, resp.StatusCode)
	return img
}

// getImage reads an image through the API.
func (f *fixture) getImage(id int) *godo.Image {
	f.t.Helper()
	img, _, err := f.client.Images.GetByID(context.Background(), id)
	require.NoError(f.t, err)
	return img
}

// availableImage imports an image and waits out the import.
func (f *fixture) availableImage(name, region string) *godo.Image {
	f.t.Helper()
	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: name, Url: "https://images.example.test/" + name + ".qcow2.gz", Region: region,
	})
	f.clock.Advance(time.Hour)
	got := f.getImage(img.ID)
	require.Equal(f.t, "available", got.Status)
	return got
}

// apiStatus returns the HTTP status of a godo error.
func apiStatus(t *testing.T, err error) int {
	t.Helper()
	var er *godo.ErrorResponse
	require.ErrorAs(t, err, &er)
	return er.Response.StatusCode
}

// apiError returns the godo error response.
func apiError(t *testing.T, err error) *godo.ErrorResponse {
	t.Helper()
	var er *godo.ErrorResponse
	require.ErrorAs(t, err, &er)
	return er
}
