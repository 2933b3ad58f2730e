package testenv

import (
	"bytes"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// retryAfterSlack absorbs timer and scheduling jitter in checking that a
// retry waited out retry-after.
const retryAfterSlack = 100 * time.Millisecond

// rateLimitedRetry is a request answered 429 and the one that retried it;
// retry is zero when no such request came.
type rateLimitedRetry struct {
	limited, retry emulator.Request
}

// retriesAfterRateLimits pairs each request answered 429 with the next
// request of the same method, path and body. The log does not say which
// caller sent a request, so that next request is the retry only if one
// caller alone sends such requests, one at a time. It holds here: a create's
// body carries its image's own name, and an image is polled only by the
// create that started it. A request every caller sends alike, such as a
// list of regions, could pair with another caller's, and fail wrongly.
func retriesAfterRateLimits(log []emulator.Request) []rateLimitedRetry {
	var out []rateLimitedRetry
	for i, r := range log {
		if r.Status != http.StatusTooManyRequests {
			continue
		}
		pair := rateLimitedRetry{limited: r}
		for _, later := range log[i+1:] {
			if later.Method == r.Method && later.Path == r.Path &&
				bytes.Equal(later.Body, r.Body) {
				pair.retry = later
				break
			}
		}
		out = append(out, pair)
	}
	return out
}

// AssertRetriesWaitedOut checks that the log holds a 429 and that every
// 429 was retried, no sooner than wait, the retry-after it carried.
func AssertRetriesWaitedOut(t *testing.T, log []emulator.Request, wait time.Duration) {
	t.Helper()
	retries := retriesAfterRateLimits(log)
	require.NotEmpty(t, retries, "the emulator did rate-limit")

	shortest, longest := time.Duration(math.MaxInt64), time.Duration(0)
	for _, r := range retries {
		what := r.limited.Method + " " + r.limited.Path
		if !assert.False(t, r.retry.Time.IsZero(), "%s answered 429 was never retried", what) {
			continue
		}
		gap := r.retry.Time.Sub(r.limited.Time)
		shortest, longest = min(shortest, gap), max(longest, gap)
		assert.GreaterOrEqual(t, gap, wait-retryAfterSlack,
			"%s was retried before retry-after: %s", what, wait)
	}
	t.Logf("%d requests answered 429, retried after %s to %s", len(retries),
		shortest.Round(time.Millisecond), longest.Round(time.Millisecond))
}
