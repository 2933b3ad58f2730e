package provider

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"

	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

// Config is the provider configuration, with the names users already know
// from pulumi-digitalocean.
type Config struct {
	Token             *string  `pulumi:"token,optional" provider:"secret"`
	APIEndpoint       *string  `pulumi:"apiEndpoint,optional"`
	HTTPRetryMax      *int     `pulumi:"httpRetryMax,optional"`
	HTTPRetryWaitMin  *float64 `pulumi:"httpRetryWaitMin,optional"`
	HTTPRetryWaitMax  *float64 `pulumi:"httpRetryWaitMax,optional"`
	RequestsPerSecond *float64 `pulumi:"requestsPerSecond,optional"`

	// The clients are built on first use, so that a preview that calls
	// nothing works without a token.
	conn *connection
}

type connection struct {
	once    sync.Once
	clients *doclient.Clients
	err     error
}

var _ infer.CustomConfigure = (*Config)(nil)

// Annotate documents the configuration in the schema.
func (c *Config) Annotate(a infer.Annotator) {
	a.Describe(&c.Token, "The DigitalOcean API token. When unset, DIGITALOCEAN_TOKEN and "+
		"then DIGITALOCEAN_ACCESS_TOKEN are read; a token from the environment is never "+
		"written to state.")
	a.Describe(&c.APIEndpoint, "The DigitalOcean API address. Defaults to "+
		"DIGITALOCEAN_API_URL, then https://api.digitalocean.com.")
	a.Describe(&c.HTTPRetryMax, "How often a failed idempotent request (429, 5xx, broken "+
		"connection) is retried. Defaults to DIGITALOCEAN_HTTP_RETRY_MAX, then 4; 0 turns "+
		"retries off. Image creation is never replayed blindly.")
	a.Describe(&c.HTTPRetryWaitMin, "The shortest wait between retries, in seconds. "+
		"Defaults to DIGITALOCEAN_HTTP_RETRY_WAIT_MIN, then 1.")
	a.Describe(&c.HTTPRetryWaitMax, "The longest wait between retries, in seconds. "+
		"Defaults to DIGITALOCEAN_HTTP_RETRY_WAIT_MAX, then 30.")
	a.Describe(&c.RequestsPerSecond, "The most requests a second the provider sends. "+
		"Defaults to DIGITALOCEAN_REQUESTS_PER_SECOND, then 0, which means no limit.")
}

// Configure checks the settings that do not need the API. Environment
// variables are read here rather than as schema defaults, so that a token
// from the environment never reaches state.
func (c *Config) Configure(ctx context.Context) error {
	c.conn = new(connection)

	opts, err := c.options()
	if err != nil {
		return err
	}
	if _, err := doclient.NormalizeEndpoint(opts.Endpoint); err != nil {
		return err
	}
	return nil
}

// Clients returns the DigitalOcean clients, built once.
func (c *Config) Clients() (*doclient.Clients, error) {
	if c.conn == nil {
		c.conn = new(connection)
	}
	conn := c.conn
	conn.once.Do(func() {
		opts, err := c.options()
		if err != nil {
			conn.err = err
			return
		}
		if opts.Token == "" {
			conn.err = errMissingToken
			return
		}
		conn.clients, conn.err = doclient.New(opts)
	})
	return conn.clients, conn.err
}

var errMissingToken = errors.New("no DigitalOcean token: set it with " +
	"`pulumi config set --secret digitalocean-custom-image:token <token>` " +
	"or the DIGITALOCEAN_TOKEN environment variable")

// options resolves every setting from configuration, then the environment,
// then the default.
func (c *Config) options() (doclient.Options, error) {
	var err error
	o := doclient.Options{
		Token:     firstOf(c.Token, "DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"),
		Endpoint:  firstOf(c.APIEndpoint, "DIGITALOCEAN_API_URL"),
		UserAgent: "pulumi-digitalocean-custom-image/" + Version,
	}
	if o.Endpoint == "" {
		o.Endpoint = doclient.DefaultEndpoint
	}

	o.RetryMax, err = intSetting(c.HTTPRetryMax, "httpRetryMax", "DIGITALOCEAN_HTTP_RETRY_MAX", 4)
	if err != nil {
		return o, err
	}
	o.RetryWaitMin, err = floatSetting(c.HTTPRetryWaitMin, "httpRetryWaitMin",
		"DIGITALOCEAN_HTTP_RETRY_WAIT_MIN", 1)
	if err != nil {
		return o, err
	}
	o.RetryWaitMax, err = floatSetting(c.HTTPRetryWaitMax, "httpRetryWaitMax",
		"DIGITALOCEAN_HTTP_RETRY_WAIT_MAX", 30)
	if err != nil {
		return o, err
	}
	o.RequestsPerSecond, err = floatSetting(c.RequestsPerSecond, "requestsPerSecond",
		"DIGITALOCEAN_REQUESTS_PER_SECOND", 0)
	if err != nil {
		return o, err
	}

	if o.RetryMax < 0 {
		return o, fmt.Errorf("httpRetryMax must be 0 or more, got %d", o.RetryMax)
	}
	if o.RetryWaitMin < 0 || o.RetryWaitMax < o.RetryWaitMin {
		return o, fmt.Errorf("httpRetryWaitMin (%g) and httpRetryWaitMax (%g) must satisfy "+
			"0 <= min <= max", o.RetryWaitMin, o.RetryWaitMax)
	}
	if o.RequestsPerSecond < 0 {
		return o, fmt.Errorf("requestsPerSecond must be 0 or more, got %g", o.RequestsPerSecond)
	}
	return o, nil
}

func firstOf(set *string, env ...string) string {
	if set != nil && *set != "" {
		return *set
	}
	for _, name := range env {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

func intSetting(set *int, key, env string, def int) (int, error) {
	if set != nil {
		return *set, nil
	}
	v := os.Getenv(env)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%s (from %s) must be a whole number, got %q", key, env, v)
	}
	return n, nil
}

func floatSetting(set *float64, key, env string, def float64) (float64, error) {
	if set != nil {
		return *set, nil
	}
	v := os.Getenv(env)
	if v == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, fmt.Errorf("%s (from %s) must be a number, got %q", key, env, v)
	}
	return f, nil
}
