package doclient

import (
	"context"
	"fmt"
	"net"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

const token = "gone-test-token"

func clientsFor(t *testing.T, endpoint string) *Clients {
	t.Helper()
	c, err := New(Options{Token: token, Endpoint: endpoint, RetryMax: 1,
		RetryWaitMin: 0.01, RetryWaitMax: 0.01})
	require.NoError(t, err)
	return c
}

func TestA404ForAMissingImageMeansItIsGone(t *testing.T) {
	emu := emulator.New(emulator.Options{Token: token})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	c := clientsFor(t, srv.URL)

	_, _, err := c.Retrying.Images.GetByID(context.Background(), 424242)
	gone, err := c.ImageGone(context.Background(), err)

	require.NoError(t, err)
	assert.True(t, gone)
	// The endpoint is confirmed with a call a token scoped to images may make.
	assert.Len(t, emu.RequestsTo("GET", "/v2/images"), 2, "the read and the list")
	assert.Empty(t, emu.RequestsTo("GET", "/v2/regions"))
}

func TestA404FromAWrongEndpointPathIsNotTakenForAGoneImage(t *testing.T) {
	srv := httptest.NewServer(emulator.New(emulator.Options{Token: token}))
	defer srv.Close()
	c := clientsFor(t, srv.URL+"/v3")

	_, _, err := c.Retrying.Images.GetByID(context.Background(), 424242)
	gone, err := c.ImageGone(context.Background(), err)

	assert.False(t, gone)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "apiEndpoint")
	assert.Contains(t, err.Error(), srv.URL+"/v3/", "the error names the address it used")
}

func TestOtherErrorsPassThroughUnchanged(t *testing.T) {
	c := clientsFor(t, "http://127.0.0.1:1")
	cause := fmt.Errorf("reading image 1: %w", context.DeadlineExceeded)

	gone, err := c.ImageGone(context.Background(), cause)

	assert.False(t, gone)
	assert.Equal(t, cause, err)
}

func TestAnEndpointNobodyListensOnIsNamedInTheError(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close()) // now nothing listens there
	c := clientsFor(t, addr)

	_, _, err = c.Retrying.Images.GetByID(context.Background(), 1)
	described := Describe("reading image 1", err)

	assert.Contains(t, described.Error(), "no answer from the DigitalOcean API")
	assert.Contains(t, described.Error(), "apiEndpoint")
	assert.Contains(t, described.Error(), addr)
}

func TestACancelledRequestIsNotBlamedOnTheEndpoint(t *testing.T) {
	srv := httptest.NewServer(emulator.New(emulator.Options{Token: token}))
	defer srv.Close()
	c := clientsFor(t, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	_, _, err := c.Retrying.Images.GetByID(ctx, 1)
	described := Describe("reading image 1", err)

	assert.NotContains(t, described.Error(), "apiEndpoint")
	assert.ErrorIs(t, described, context.Canceled)
}
