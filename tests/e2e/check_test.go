package e2e

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// urlProgram is a one-image program importing from url.
func urlProgram(url string) string {
	return fmt.Sprintf(`
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      url: %s
      regions: [nyc3]
`, url)
}

// Field scenario S17.
func TestANonHTTPURLFailsPreviewNamingURL(t *testing.T) {
	t.Parallel()
	for _, url := range []string{"file:///tmp/disk.img", "ftp://images.example.test/disk.img"} {
		t.Run(url, func(t *testing.T) {
			t.Parallel()
			api := startAPI(t)
			s := newStack(t, api, urlProgram(url))

			res := s.fail("preview")

			assert.Regexp(t, `error: .*property url .*http or https`, res.Output())
			assert.Empty(t, requestLog(api), "preview must not call DigitalOcean")
		})
	}
}

// Field scenario S12: the warning comes before anything is sent; if the user
// goes ahead anyway, DigitalOcean's own rejection is what they read.
func TestAnXZURLWarnsInPreviewAndFailsUpWithTheAPIsMessage(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, urlProgram("https://images.example.test/fcos.qcow2.xz"))

	res := s.preview()

	assert.Regexp(t, `warning: url ends in \.xz: DigitalOcean does not import`, res.Output())
	assert.Empty(t, requestLog(api), "preview must not call DigitalOcean")

	res = s.fail("up", "--yes", "--skip-preview")

	assert.Regexp(t, `could not import image \d+: Unsupported image type: xz`, res.Output())
	assert.Empty(t, api.Images(), "the rejected image is removed")
	_, inStack := s.export().image("img")
	assert.False(t, inStack)
}
