package doclient

import (
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/digitalocean/godo"
)

// RetryPolicy is the provider's httpRetry* settings, for the one request
// that godo must not retry by itself: the create of an image.
type RetryPolicy struct {
	Max     int           // how many times a request may be sent again
	WaitMin time.Duration // the first wait between two attempts
	WaitMax time.Duration // the longest wait between two attempts
}

// Allows reports whether a request sent attempt+1 times may be sent again.
func (p RetryPolicy) Allows(attempt int) bool {
	return attempt < p.Max
}

// Delay is how long to wait before sending again after the attempt that
// failed with err: DigitalOcean's Retry-After when it gave one, otherwise a
// wait that doubles from WaitMin up to WaitMax, as godo's own retries do.
func (p RetryPolicy) Delay(err error, attempt int) time.Duration {
	var apiErr *godo.ErrorResponse
	if errors.As(err, &apiErr) && apiErr.Response != nil {
		secs, convErr := strconv.Atoi(apiErr.Response.Header.Get("Retry-After"))
		if convErr == nil && secs >= 0 {
			return time.Duration(secs) * time.Second
		}
	}
	wait := p.WaitMin
	for range attempt {
		if wait > p.WaitMax/2 {
			return p.WaitMax
		}
		wait *= 2
	}
	return min(wait, p.WaitMax)
}

// seconds converts a setting in seconds, holding values too large for a
// Duration at the largest one rather than letting them wrap around.
func seconds(s float64) time.Duration {
	if s >= float64(math.MaxInt64)/float64(time.Second) {
		return math.MaxInt64
	}
	return time.Duration(s * float64(time.Second))
}
