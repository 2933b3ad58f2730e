package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

const slowImportProgram = `
name: e2e
runtime: yaml
resources:
  img:
    type: digitalocean-custom-image:CustomImage
    properties:
      url: https://images.example.test/a.qcow2.gz
      regions: [nyc3]
outputs:
  imageId: ${img.imageId}
  status: ${img.status}
`

// interruptAfterImportStarts runs `pulumi up` and presses Ctrl-C once
// DigitalOcean has accepted the import, as a user who gives up waiting would.
func (s *stack) interruptAfterImportStarts(api *testenv.API) result {
	s.t.Helper()
	cmd := exec.Command(filepath.Join(tools.Bin, "pulumi"),
		"--non-interactive", "--color", "never", "up", "--yes", "--skip-preview")
	cmd.Dir, cmd.Env = s.dir, s.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(s.t, cmd.Start())

	deadline := time.Now().Add(time.Minute)
	for len(api.Images()) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	require.Len(s.t, api.Images(), 1, "the import never started")
	require.NoError(s.t, cmd.Process.Signal(os.Interrupt))

	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		require.Error(s.t, err, "an interrupted up must not report success")
	case <-time.After(time.Minute):
		_ = cmd.Process.Signal(syscall.SIGKILL)
		s.t.Fatalf("pulumi up did not stop within a minute of Ctrl-C\n%s\n%s",
			stdout.String(), stderr.String())
	}
	return result{Stdout: stdout.String(), Stderr: stderr.String()}
}

func TestCtrlCDuringAnImportKeepsTheImageForTheNextUp(t *testing.T) {
	t.Parallel()
	requireTools(t)
	clock := &jumpClock{}
	api := testenv.StartAPI(t, emulator.Options{ImportDuration: time.Hour, Now: clock.Now})
	s := newStack(t, api, slowImportProgram)

	res := s.interruptAfterImportStarts(api)

	img := onlyImage(t, api)
	state, ok := s.export().image("img")
	require.True(t, ok, "the stack forgot the image after Ctrl-C\n%s", res.Output())
	assert.Equal(t, idString(img.ID), state.ID)

	clock.Advance(2 * time.Hour)
	s.up()

	assert.Len(t, api.RequestsTo("POST", "/v2/images"), 1, "requests: %v", requestLog(api))
	assert.Equal(t, "available", s.outputs()["status"])
	s.destroy()
	assert.Empty(t, api.Images())
}
