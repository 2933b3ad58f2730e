package emulator

import (
	"io"
	"time"
)

// Options configure a Server. The zero value is usable: any non-empty bearer
// token is accepted and imports and transfers finish on the first read.
type Options struct {
	// Token is the only bearer token accepted; empty accepts any non-empty one.
	Token string

	// ImportDuration is the time from create to available, spent half in NEW
	// and half in pending. Zero makes an image available on its first read.
	ImportDuration time.Duration

	// TransferDuration is how long a transfer action stays in-progress.
	TransferDuration time.Duration

	// FailedImageRetention is how long an image whose import failed stays
	// readable with status deleted; zero keeps it until it is deleted.
	FailedImageRetention time.Duration

	// Now replaces the wall clock, for tests that step time by hand.
	Now func() time.Time

	// Addr is the listen address used by Start; default 127.0.0.1:0.
	Addr string

	// Log, when set, receives one line per request: method, path, status.
	// It never sees headers, so the token cannot leak through it.
	Log io.Writer
}

// clock returns the configured clock or the wall clock.
func (o Options) clock() func() time.Time {
	if o.Now != nil {
		return o.Now
	}
	return time.Now
}
