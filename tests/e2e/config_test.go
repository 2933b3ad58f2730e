package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

// withoutEnvToken drops DIGITALOCEAN_TOKEN from the CLI's environment.
func (s *stack) withoutEnvToken() {
	var env []string
	for _, kv := range s.env {
		if !strings.HasPrefix(kv, "DIGITALOCEAN_TOKEN=") {
			env = append(env, kv)
		}
	}
	s.env = env
}

func TestChangingProviderSettingsNeverReplacesImages(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()
	img := onlyImage(t, api)

	s.run("config", "set", providerName+":httpRetryMax", "3")
	if st, ok := stepFor(s.plan(), "img"); ok {
		assert.Equal(t, "same", st.Op, "a retry setting must not change the image")
	}
	s.up()

	// Moving the token from the environment into configuration, as the
	// README suggests, is also no reason to import the image again.
	s.run("config", "set", "--secret", providerName+":token", testenv.Token)
	s.withoutEnvToken()
	s.up()

	assert.Equal(t, img.ID, onlyImage(t, api).ID)
	assert.Len(t, api.RequestsTo("POST", "/v2/images"), 1, "requests: %v", requestLog(api))
	assert.Empty(t, api.RequestsTo("DELETE", "/v2/images/"))

	s.destroy()
	assert.Empty(t, api.Images())
}
