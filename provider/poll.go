package provider

import (
	"context"
	"time"
)

// pollSchedule spaces out status requests: quick at first, so a short import
// is noticed quickly, then slower, so a long one stays far from
// DigitalOcean's 250 requests a minute.
type pollSchedule struct {
	first time.Duration
	max   time.Duration
}

var defaultPoll = pollSchedule{first: 500 * time.Millisecond, max: 10 * time.Second}

// defaultWait bounds an import or a transfer when the program sets no
// customTimeouts, as the Terraform provider's 60 minutes do.
const defaultWait = 60 * time.Minute

// next returns the wait after one of d.
func (s pollSchedule) next(d time.Duration) time.Duration {
	if d <= 0 {
		return s.first
	}
	return min(d*3/2, s.max)
}

// withDefaultDeadline bounds ctx by defaultWait unless the engine already
// set a deadline from customTimeouts.
func withDefaultDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, defaultWait)
}

// pause waits for d or until ctx ends, whichever comes first.
func pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
