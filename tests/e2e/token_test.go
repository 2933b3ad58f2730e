package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

// verbose makes the engine and the provider log everything they would log
// at the highest verbosity, to stderr, where the test can search it.
var verbose = []string{"-v=9", "--logtostderr", "--logflow"}

// Field scenario S15.
func TestATokenFromTheEnvironmentNeverReachesTheStack(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)

	res := s.up(verbose...)
	require.Len(t, api.Images(), 1)

	requireVerbose(t, res, api.Endpoint)
	assert.NotContains(t, res.Output(), testenv.Token, "verbose output shows the token")
	assert.NotContains(t, s.export().Text, testenv.Token)
	assert.Empty(t, s.filesContaining(testenv.Token), "files holding the token")
}

func TestASecretTokenInConfigIsStoredOnlyEncrypted(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram, tokenFromConfigOnly)
	s.run("config", "set", "--secret", providerName+":token", testenv.Token)

	res := s.up(verbose...)
	require.Len(t, api.Images(), 1, "the provider used the token from config")

	requireVerbose(t, res, api.Endpoint)
	assert.NotContains(t, res.Output(), testenv.Token, "verbose output shows the token")
	state := s.export()
	assert.NotContains(t, state.Text, testenv.Token)
	assert.True(t, providerTokenIsSecret(state), "provider state: %+v", state.Resources)
	assert.Empty(t, s.filesContaining(testenv.Token), "files holding the token")
}

const explicitProviderProgram = `
name: e2e
runtime: yaml
config:
  doToken:
    type: string
    secret: true
  doEndpoint:
    type: string
resources:
  do:
    type: pulumi:providers:digitalocean-custom-image
    properties:
      token: ${doToken}
      apiEndpoint: ${doEndpoint}
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      url: https://images.example.test/a.qcow2.gz
      regions: [nyc3]
    options:
      provider: ${do}
`

func TestASecretTokenGivenToAnExplicitProviderIsStoredOnlyEncrypted(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, explicitProviderProgram, tokenFromConfigOnly)
	s.run("config", "set", "--secret", "doToken", testenv.Token)
	s.run("config", "set", "doEndpoint", api.Endpoint)

	res := s.up(verbose...)
	require.Len(t, api.Images(), 1, "the provider used the token from its inputs")

	requireVerbose(t, res, api.Endpoint)
	assert.NotContains(t, res.Output(), testenv.Token, "verbose output shows the token")
	state := s.export()
	assert.NotContains(t, state.Text, testenv.Token)
	assert.True(t, providerTokenIsSecret(state), "provider state: %+v", state.Resources)
	assert.Empty(t, s.filesContaining(testenv.Token), "files holding the token")
}

// providerTokenIsSecret reports whether the provider resource holds a token,
// and only as an encrypted secret.
func providerTokenIsSecret(e exported) bool {
	for _, r := range e.Resources {
		if r.Type != "pulumi:providers:"+providerName {
			continue
		}
		token, ok := r.Inputs["token"].(map[string]any)
		if !ok {
			return false
		}
		_, encrypted := token["ciphertext"]
		return encrypted
	}
	return false
}

// requireVerbose checks that the output is verbose enough to mean something:
// it shows the provider's other settings, such as the API endpoint.
func requireVerbose(t *testing.T, res result, endpoint string) {
	t.Helper()
	require.Contains(t, res.Stderr, endpoint, "the verbose log shows no provider settings")
}

// Field scenario S15.
func TestAPlainTextTokenInConfigIsStoredOnlyEncrypted(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram, tokenFromConfigOnly)
	s.run("config", "set", "--plaintext", providerName+":token", testenv.Token)

	res := s.up(verbose...)
	require.Len(t, api.Images(), 1, "the provider used the token from config")

	requireVerbose(t, res, api.Endpoint)
	assert.NotContains(t, res.Output(), testenv.Token, "verbose output shows the token")
	state := s.export()
	assert.NotContains(t, state.Text, testenv.Token)
	assert.True(t, providerTokenIsSecret(state), "provider state: %+v", state.Resources)
}
