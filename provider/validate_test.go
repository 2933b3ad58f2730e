package provider

import (
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireFailure asserts exactly one failure, on prop, whose reason says why.
func requireFailure(t *testing.T, failures []p.CheckFailure, prop string, reasonParts ...string) {
	t.Helper()
	require.Len(t, failures, 1, "failures: %v", failures)
	assert.Equal(t, prop, failures[0].Property)
	for _, part := range reasonParts {
		assert.Contains(t, failures[0].Reason, part)
	}
}

// Field scenario S17.
func TestURLsMustBeHTTPOrHTTPS(t *testing.T) {
	for _, url := range []string{"file:///tmp/disk.img", "ftp://images.example.test/a.img",
		"s3://bucket/a.img", "images.example.test/a.img"} {
		requireFailure(t, validateURL(url), "url", "http or https")
	}
	assert.Empty(t, validateURL("https://images.example.test/a.qcow2.gz"))
	assert.Empty(t, validateURL("http://127.0.0.1:8080/a.img"))
}

func TestAnEmptyURLIsRejected(t *testing.T) {
	requireFailure(t, validateURL(""), "url", "http or https")
}

func TestRejectedFormatsAreRecognisedWhateverTheCase(t *testing.T) {
	assert.Equal(t, ".xz", rejectedFormat("https://images.example.test/fcos.qcow2.XZ"))
	assert.Equal(t, ".tar.gz", rejectedFormat("https://images.example.test/disk.tar.gz?x=1"))
	assert.Equal(t, ".iso", rejectedFormat("https://images.example.test/install.iso"))
	assert.Equal(t, ".zip", rejectedFormat("https://images.example.test/disk.zip"))
	assert.Empty(t, rejectedFormat("https://images.example.test/disk.img.bz2"))
	assert.Empty(t, rejectedFormat("https://images.example.test/disk.qcow2.gz"))
}

func TestRegionsMustNotBeEmpty(t *testing.T) {
	requireFailure(t, validateRegions(nil), "regions", "at least one region")
	requireFailure(t, validateRegions([]string{}), "regions", "at least one region")
}

func TestARegionListedTwiceIsRejected(t *testing.T) {
	requireFailure(t, validateRegions([]string{"nyc3", "nyc3"}), "regions", "regions[1]:", "listed twice")
}

func TestRegionSlugsMustBeWellFormed(t *testing.T) {
	for _, slug := range []string{"NYC3", "new york", "nyc", "", "nyc-3", "nyc123"} {
		requireFailure(t, validateRegions([]string{slug}), "regions", "regions[0]:", "not a region slug")
	}
	assert.Empty(t, validateRegions([]string{"nyc3", "sfo3", "ams3", "sgp1"}))
}

func TestTagsMustMatchDigitalOceansPattern(t *testing.T) {
	requireFailure(t, validateTags([]string{"ok", "bad tag!"}), "tags", "tags[1]:", "only letters")
	requireFailure(t, validateTags([]string{strings.Repeat("a", 256)}), "tags", "tags[0]:", "at most 255")
	assert.Empty(t, validateTags([]string{"env:prod", "team_a", "v-1", strings.Repeat("a", 255)}))
}

func TestTagsDifferingOnlyInCaseAreOneTag(t *testing.T) {
	requireFailure(t, validateTags([]string{"Prod", "prod"}), "tags", "tags[1]:", "listed twice")
}

func TestNamesMustNotBeEmptyOrTooLong(t *testing.T) {
	requireFailure(t, validateName(""), "name", "must not be empty")
	requireFailure(t, validateName("   "), "name", "must not be empty")
	requireFailure(t, validateName(strings.Repeat("n", 256)), "name", "at most 255")
	assert.Empty(t, validateName("flatcar-stable"))
}
