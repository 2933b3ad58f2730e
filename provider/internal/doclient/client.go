// Package doclient builds the godo client the provider talks to DigitalOcean
// with, and turns DigitalOcean's answers into errors a user can act on.
package doclient

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/digitalocean/godo"
	"golang.org/x/oauth2"
)

// DefaultEndpoint is DigitalOcean's public API.
const DefaultEndpoint = "https://api.digitalocean.com"

// Options are the settings a client is built from, already resolved from
// provider configuration and the environment.
type Options struct {
	Token             string
	Endpoint          string
	RetryMax          int
	RetryWaitMin      float64 // seconds
	RetryWaitMax      float64 // seconds
	RequestsPerSecond float64
	UserAgent         string
}

// Clients holds two godo clients over one token. Retrying is for idempotent
// calls only: godo replays a POST that the server may already have carried
// out, so image creation goes through Once, which never retries by itself.
type Clients struct {
	Retrying *godo.Client
	Once     *godo.Client
	// Retry is how a caller that retries by hand, as CreateImage does, may
	// try again.
	Retry RetryPolicy

	claims   claims
	endpoint endpointCheck
	regions  regionCache
}

// New builds the clients. The HTTP client comes from oauth2 because godo
// panics when retries are enabled on a client of any other kind.
func New(o Options) (*Clients, error) {
	base, err := NormalizeEndpoint(o.Endpoint)
	if err != nil {
		return nil, err
	}

	common := []godo.ClientOpt{godo.SetBaseURL(base)}
	if o.UserAgent != "" {
		common = append(common, godo.SetUserAgent(o.UserAgent))
	}
	if o.RequestsPerSecond > 0 {
		common = append(common, godo.SetStaticRateLimit(o.RequestsPerSecond))
	}

	once, err := godo.New(httpClient(o.Token), common...)
	if err != nil {
		return nil, fmt.Errorf("building the DigitalOcean client: %w", err)
	}

	retrying := once
	if o.RetryMax > 0 {
		retry := godo.WithRetryAndBackoffs(godo.RetryConfig{
			RetryMax:     o.RetryMax,
			RetryWaitMin: &o.RetryWaitMin,
			RetryWaitMax: &o.RetryWaitMax,
		})
		opts := append(append([]godo.ClientOpt{}, common...), retry)
		retrying, err = godo.New(httpClient(o.Token), opts...)
		if err != nil {
			return nil, fmt.Errorf("building the DigitalOcean client: %w", err)
		}
	}

	policy := RetryPolicy{
		Max:     o.RetryMax,
		WaitMin: seconds(o.RetryWaitMin),
		WaitMax: seconds(o.RetryWaitMax),
	}
	return &Clients{Retrying: retrying, Once: once, Retry: policy}, nil
}

// httpClient is built on a background context: oauth2 ties the client to
// the context it was made with, and the provider outlives Configure's.
func httpClient(token string) *http.Client {
	src := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: token})
	return oauth2.NewClient(context.Background(), src)
}

// NormalizeEndpoint accepts the forms users write an API address in
// ("api.example.com", "127.0.0.1:8085", "http://127.0.0.1:8080", ".../v2",
// with or without a trailing slash) and returns the base URL godo expects.
// godo drops a path that lacks a trailing slash, and adds "v2/" itself.
func NormalizeEndpoint(endpoint string) (string, error) {
	endpoint = strings.TrimSpace(endpoint)
	if endpoint == "" {
		endpoint = DefaultEndpoint
	}
	if !strings.Contains(endpoint, "://") {
		endpoint = defaultScheme(endpoint) + "://" + endpoint
	}

	u, err := url.Parse(endpoint)
	if err != nil {
		return "", fmt.Errorf("apiEndpoint %q is not a URL: %w", endpoint, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("apiEndpoint %q must use http or https", endpoint)
	}
	if u.Host == "" {
		return "", errors.New("apiEndpoint must name a host, e.g. https://api.digitalocean.com")
	}

	path := strings.TrimSuffix(u.Path, "/")
	path = strings.TrimSuffix(path, "/v2")
	u.Path = path + "/"
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}

// defaultScheme picks the scheme for an address written without one: https,
// except on loopback, where an emulator or a proxy listens in plain http.
func defaultScheme(hostPort string) string {
	host := hostPort
	if i := strings.IndexAny(host, "/"); i >= 0 {
		host = host[:i]
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")

	if host == "localhost" {
		return "http"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return "http"
	}
	return "https"
}
