package e2e

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

// jumpClock is the wall clock plus an offset a test can move forward, so an
// import an hour long can finish the moment the test says so.
type jumpClock struct {
	mu     sync.Mutex
	offset time.Duration
}

func (c *jumpClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

func (c *jumpClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

const shortTimeoutProgram = `
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      url: https://images.example.test/a.qcow2.gz
      regions: [nyc3]
    options:
      customTimeouts:
        create: 2s
outputs:
  imageId: ${img.imageId}
  status: ${img.status}
`

// Field scenario S04.
func TestAnImportPastItsTimeoutIsKeptAndResumedByTheNextUp(t *testing.T) {
	t.Parallel()
	requireTools(t)
	clock := &jumpClock{}
	api := testenv.StartAPI(t, emulator.Options{ImportDuration: time.Hour, Now: clock.Now})
	s := newStack(t, api, shortTimeoutProgram)

	res := s.fail("up", "--yes", "--skip-preview")

	img := onlyImage(t, api)
	assert.Contains(t, res.Output(), "last status NEW")
	state, ok := s.export().image("img")
	require.True(t, ok, "the stack forgot an image DigitalOcean is still importing")
	assert.Equal(t, idString(img.ID), state.ID)
	plan := s.run("preview", "--diff").Stdout
	assert.Regexp(t, `~ regions: \[\s+\+ \[0\]: "nyc3"\s+\]`, plan,
		"the next up shows the region the import has yet to reach, and nothing else")

	clock.Advance(2 * time.Hour)
	s.up()

	assert.Len(t, api.RequestsTo("POST", "/v2/images"), 1, "requests: %v", requestLog(api))
	assert.Equal(t, img.ID, onlyImage(t, api).ID)
	out := s.outputs()
	assert.EqualValues(t, img.ID, out["imageId"])
	assert.Equal(t, "available", out["status"])

	s.destroy()
	assert.Empty(t, api.Images())
}
