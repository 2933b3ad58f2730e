package doclient

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUsualEndpointFormsAllWork(t *testing.T) {
	cases := map[string]string{
		"":                                 "https://api.digitalocean.com/",
		"https://api.digitalocean.com":     "https://api.digitalocean.com/",
		"https://api.digitalocean.com/":    "https://api.digitalocean.com/",
		"https://api.digitalocean.com/v2":  "https://api.digitalocean.com/",
		"api.digitalocean.com":             "https://api.digitalocean.com/",
		"http://127.0.0.1:8085":            "http://127.0.0.1:8085/",
		"http://127.0.0.1:8085/prefix":     "http://127.0.0.1:8085/prefix/",
		"http://127.0.0.1:8085/prefix/v2/": "http://127.0.0.1:8085/prefix/",
		"127.0.0.1:8085":                   "http://127.0.0.1:8085/",
		"localhost:8085/v2":                "http://localhost:8085/",
		"[::1]:8085":                       "http://[::1]:8085/",
		"api.example.test:443":             "https://api.example.test:443/",
	}
	for in, want := range cases {
		got, err := NormalizeEndpoint(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
}

func TestAnEndpointWithAnotherSchemeIsRejected(t *testing.T) {
	_, err := NormalizeEndpoint("ftp://api.digitalocean.com")
	assert.ErrorContains(t, err, "http or https")
}

func TestRetriesOnAPlainClientDoNotPanic(t *testing.T) {
	// godo panics when retries are enabled on a client not built by oauth2.
	c, err := New(Options{Token: "t", Endpoint: "http://127.0.0.1:1", RetryMax: 4,
		RetryWaitMin: 1, RetryWaitMax: 30})
	require.NoError(t, err)
	assert.NotSame(t, c.Retrying, c.Once, "creation must not share the retrying client")
}
