package e2e

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheSchemaReportsTheVersionTheProviderWasBuiltWith(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)

	res := s.run("package", "get-schema", filepath.Join(tools.ProviderDir, providerBin))

	var schema struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	require.NoError(t, json.Unmarshal([]byte(res.Stdout), &schema), res.Stdout)
	assert.Equal(t, providerName, schema.Name)
	assert.Equal(t, buildVersion, schema.Version)
}
