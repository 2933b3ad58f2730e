package provider

import (
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
)

func config(kv map[string]string) property.Map {
	m := map[string]property.Value{}
	for k, v := range kv {
		m[k] = property.New(v)
	}
	return property.NewMap(m)
}

func TestRotatingTheTokenUpdatesTheProviderInPlace(t *testing.T) {
	d := configDiff(config(map[string]string{"token": "old", "version": "0.1.0"}),
		config(map[string]string{"token": "new", "apiEndpoint": "http://x", "version": "0.2.0"}))

	assert.True(t, d.HasChanges)
	assert.Equal(t, map[string]p.PropertyDiff{
		"token":       {Kind: p.Update, InputDiff: true},
		"apiEndpoint": {Kind: p.Add, InputDiff: true},
	}, d.DetailedDiff, "no replacement, and the version is not a change")
}

func TestUnchangedConfigurationIsNoChange(t *testing.T) {
	c := config(map[string]string{"httpRetryMax": "3"})

	assert.False(t, configDiff(c, c).HasChanges)
}
