package doclient

import (
	"errors"
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

// allows reports whether a request sent attempt+1 times may be sent again.
func (p RetryPolicy) allows(attempt int) bool {
	return attempt < p.Max
}

// delay is how long to wait before sending again after the attempt that
// failed with err: DigitalOcean's Retry-After when it gave one, otherwise a
// wait that doubles from WaitMin up to WaitMax, as godo's own retries do.
func (p RetryPolicy) delay(err error, attempt int) time.Duration {
	var apiErr *godo.ErrorResponse
	if errors.As(err, &apiErr) && apiErr.Response != nil {
		secs, convErr := strconv.Atoi(apiErr.Response.Header.Get("Retry-After"))
		if convErr == nil && secs >= 0 {
			return time.Duration(secs) * time.Second
		}
	}
	return min(p.WaitMin<<min(attempt, 16), p.WaitMax)
}

func seconds(s float64) time.Duration {
	return time.Duration(s * float64(time.Second))
}
