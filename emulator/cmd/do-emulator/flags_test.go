package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheDefaultsSuitADemo(t *testing.T) {
	c := parseFlags(nil)

	assert.Equal(t, "127.0.0.1:8085", c.options.Addr)
	assert.Equal(t, 4*time.Second, c.options.ImportDuration)
	assert.Equal(t, 2*time.Second, c.options.TransferDuration)
	assert.Zero(t, c.failEvery)
}

func TestFlagsReachTheEmulatorOptions(t *testing.T) {
	c := parseFlags([]string{"-addr", "127.0.0.1:0", "-token", "t", "-import-duration", "1s",
		"-fail-every", "3", "-retry-after", "2"})

	assert.Equal(t, "127.0.0.1:0", c.options.Addr)
	assert.Equal(t, "t", c.options.Token)
	assert.Equal(t, time.Second, c.options.ImportDuration)
	assert.Equal(t, 3, c.failEvery)
	assert.Equal(t, 429, c.failStatus)
	assert.Equal(t, 2, c.retryAfter)
}

func TestTheURLFileHoldsTheWholeURL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "url")

	require.NoError(t, writeURLFile(path, "http://127.0.0.1:1234"))

	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:1234\n", string(got))
}
