package main

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// The committed schema.json must be what the provider reports; otherwise
// the SDKs generated from it describe a different provider.
func TestTheCommittedSchemaIsUpToDate(t *testing.T) {
	committed, err := os.ReadFile("../../schema.json")
	require.NoError(t, err)
	var meta struct {
		Version string `json:"version"`
	}
	require.NoError(t, json.Unmarshal(committed, &meta))

	fresh, err := Schema(context.Background(), meta.Version)
	require.NoError(t, err)

	require.Equal(t, string(committed), string(fresh),
		"schema.json is stale: run `make schema sdks` and commit the result")
}
