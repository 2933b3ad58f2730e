package provider_test

import (
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// Field scenario S01: the wait passes through NEW and pending, both shown.
func TestAnImportAndItsTransfersShowStatusAndElapsedTimeOnTheStatusLine(t *testing.T) {
	h := newHarness(t, emulator.Options{ImportDuration: 200 * time.Millisecond,
		TransferDuration: 100 * time.Millisecond}, nil)

	var id string
	shown := logs(t, slog.LevelInfo, func() {
		id, _ = h.create("img", with(base(), "regions", []string{"nyc3", "sfo3"}))
	})

	assert.Regexp(t, `importing image `+id+`: NEW, 0s`, shown)
	assert.Regexp(t, `importing image `+id+`: pending, 0s`, shown)
	assert.Regexp(t, `image `+id+` available after 0s`, shown)
	assert.Regexp(t, `transferring image `+id+` to sfo3: in-progress, 0s`, shown)
	assert.Regexp(t, `image `+id+` transferred to sfo3 after 0s`, shown)
}
