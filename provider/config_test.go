package provider

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// providerEnv lists every variable the configuration reads.
var providerEnv = []string{
	"DIGITALOCEAN_TOKEN",
	"DIGITALOCEAN_ACCESS_TOKEN",
	"DIGITALOCEAN_API_URL",
	"DIGITALOCEAN_HTTP_RETRY_MAX",
	"DIGITALOCEAN_HTTP_RETRY_WAIT_MIN",
	"DIGITALOCEAN_HTTP_RETRY_WAIT_MAX",
	"DIGITALOCEAN_REQUESTS_PER_SECOND",
}

// withEnv clears the provider's variables, so the machine running the tests
// cannot leak into them, then sets the given ones. An empty value counts as
// unset.
func withEnv(t *testing.T, env map[string]string) {
	t.Helper()
	for _, name := range providerEnv {
		t.Setenv(name, "")
	}
	for name, v := range env {
		t.Setenv(name, v)
	}
}

func TestTokenComesFromConfigThenEnvironment(t *testing.T) {
	tests := []struct {
		name   string
		config *string
		env    map[string]string
		want   string
	}{
		{
			name:   "config wins over the environment",
			config: ptr("from-config"),
			env: map[string]string{
				"DIGITALOCEAN_TOKEN":        "from-token",
				"DIGITALOCEAN_ACCESS_TOKEN": "from-access-token",
			},
			want: "from-config",
		},
		{
			name:   "an empty config value is unset",
			config: ptr(""),
			env:    map[string]string{"DIGITALOCEAN_TOKEN": "from-token"},
			want:   "from-token",
		},
		{
			name: "DIGITALOCEAN_TOKEN wins over DIGITALOCEAN_ACCESS_TOKEN",
			env: map[string]string{
				"DIGITALOCEAN_TOKEN":        "from-token",
				"DIGITALOCEAN_ACCESS_TOKEN": "from-access-token",
			},
			want: "from-token",
		},
		{
			name: "DIGITALOCEAN_ACCESS_TOKEN alone is read",
			env:  map[string]string{"DIGITALOCEAN_ACCESS_TOKEN": "from-access-token"},
			want: "from-access-token",
		},
		{
			name: "nothing set gives no token",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withEnv(t, tt.env)

			opts, err := (&Config{Token: tt.config}).options()

			require.NoError(t, err)
			assert.Equal(t, tt.want, opts.Token)
		})
	}
}

func TestNoTokenAnywhereFailsTheClientsWithHowToSetIt(t *testing.T) {
	withEnv(t, nil)

	clients, err := (&Config{}).Clients()

	require.ErrorIs(t, err, errMissingToken)
	assert.Nil(t, clients)
	assert.Contains(t, err.Error(),
		"pulumi config set --secret digitalocean-custom-image:token")
	assert.Contains(t, err.Error(), "DIGITALOCEAN_TOKEN")
}

func TestAPIEndpointComesFromConfigThenEnvironmentThenDefault(t *testing.T) {
	tests := []struct {
		name   string
		config *string
		env    string
		want   string
	}{
		{"config wins", ptr("http://127.0.0.1:8080"), "https://env.example",
			"http://127.0.0.1:8080"},
		{"DIGITALOCEAN_API_URL when config is unset", nil, "https://env.example",
			"https://env.example"},
		{"the public API when neither is set", nil, "", "https://api.digitalocean.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withEnv(t, map[string]string{"DIGITALOCEAN_API_URL": tt.env})

			opts, err := (&Config{APIEndpoint: tt.config}).options()

			require.NoError(t, err)
			assert.Equal(t, tt.want, opts.Endpoint)
		})
	}
}

func TestRetryAndRateSettingsDefaultWhenNothingIsSet(t *testing.T) {
	withEnv(t, nil)

	opts, err := (&Config{}).options()

	require.NoError(t, err)
	assert.Equal(t, 4, opts.RetryMax)
	assert.Equal(t, 1.0, opts.RetryWaitMin)
	assert.Equal(t, 30.0, opts.RetryWaitMax)
	assert.Equal(t, 0.0, opts.RequestsPerSecond)
}

func TestRetryAndRateSettingsComeFromTheEnvironment(t *testing.T) {
	withEnv(t, map[string]string{
		"DIGITALOCEAN_HTTP_RETRY_MAX":      "7",
		"DIGITALOCEAN_HTTP_RETRY_WAIT_MIN": "0.5",
		"DIGITALOCEAN_HTTP_RETRY_WAIT_MAX": "12",
		"DIGITALOCEAN_REQUESTS_PER_SECOND": "3.5",
	})

	opts, err := (&Config{}).options()

	require.NoError(t, err)
	assert.Equal(t, 7, opts.RetryMax)
	assert.Equal(t, 0.5, opts.RetryWaitMin)
	assert.Equal(t, 12.0, opts.RetryWaitMax)
	assert.Equal(t, 3.5, opts.RequestsPerSecond)
}

func TestRetryAndRateSettingsFromConfigWinOverTheEnvironment(t *testing.T) {
	withEnv(t, map[string]string{
		"DIGITALOCEAN_HTTP_RETRY_MAX":      "7",
		"DIGITALOCEAN_HTTP_RETRY_WAIT_MIN": "0.5",
		"DIGITALOCEAN_HTTP_RETRY_WAIT_MAX": "12",
		"DIGITALOCEAN_REQUESTS_PER_SECOND": "3.5",
	})
	c := &Config{
		HTTPRetryMax:      ptr(0),
		HTTPRetryWaitMin:  ptr(2.0),
		HTTPRetryWaitMax:  ptr(5.0),
		RequestsPerSecond: ptr(10.0),
	}

	opts, err := c.options()

	require.NoError(t, err)
	assert.Equal(t, 0, opts.RetryMax, "a configured 0 turns retries off")
	assert.Equal(t, 2.0, opts.RetryWaitMin)
	assert.Equal(t, 5.0, opts.RetryWaitMax)
	assert.Equal(t, 10.0, opts.RequestsPerSecond)
}

func TestAMalformedEnvironmentValueNamesTheSettingAndTheVariable(t *testing.T) {
	tests := []struct {
		setting string
		env     string
		value   string
	}{
		{"httpRetryMax", "DIGITALOCEAN_HTTP_RETRY_MAX", "four"},
		{"httpRetryMax", "DIGITALOCEAN_HTTP_RETRY_MAX", "2.5"},
		{"httpRetryWaitMin", "DIGITALOCEAN_HTTP_RETRY_WAIT_MIN", "1s"},
		{"httpRetryWaitMax", "DIGITALOCEAN_HTTP_RETRY_WAIT_MAX", "soon"},
		{"requestsPerSecond", "DIGITALOCEAN_REQUESTS_PER_SECOND", "many"},
	}
	for _, tt := range tests {
		t.Run(tt.env+"="+tt.value, func(t *testing.T) {
			withEnv(t, map[string]string{tt.env: tt.value})

			_, err := (&Config{}).options()

			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.setting)
			assert.Contains(t, err.Error(), tt.env)
			assert.Contains(t, err.Error(), tt.value)
		})
	}
}

func TestOutOfRangeRetryAndRateSettingsNameTheSetting(t *testing.T) {
	tests := []struct {
		name    string
		config  Config
		env     map[string]string
		setting string
	}{
		{"a negative retry count", Config{HTTPRetryMax: ptr(-1)}, nil, "httpRetryMax"},
		{"a negative retry count from the environment", Config{},
			map[string]string{"DIGITALOCEAN_HTTP_RETRY_MAX": "-2"}, "httpRetryMax"},
		{"a negative shortest wait", Config{HTTPRetryWaitMin: ptr(-1.0)}, nil,
			"httpRetryWaitMin"},
		{"a shortest wait above the longest", Config{HTTPRetryWaitMin: ptr(10.0),
			HTTPRetryWaitMax: ptr(5.0)}, nil, "httpRetryWaitMax"},
		{"a shortest wait above the default longest", Config{HTTPRetryWaitMin: ptr(31.0)},
			nil, "httpRetryWaitMin"},
		{"a negative rate", Config{RequestsPerSecond: ptr(-0.5)}, nil, "requestsPerSecond"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withEnv(t, tt.env)

			_, err := tt.config.options()

			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.setting)
		})
	}
}
