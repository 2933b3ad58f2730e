package doclient

import (
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/digitalocean/godo"
	"github.com/stretchr/testify/assert"
)

func answered(status int, retryAfter string) error {
	resp := &http.Response{StatusCode: status, Header: http.Header{}}
	if retryAfter != "" {
		resp.Header.Set("Retry-After", retryAfter)
	}
	return &godo.ErrorResponse{Response: resp}
}

func TestTheCreateRetryWaitDoublesFromTheMinimumUpToTheMaximum(t *testing.T) {
	policy := RetryPolicy{Max: 10, WaitMin: time.Second, WaitMax: 5 * time.Second}
	unavailable := answered(http.StatusServiceUnavailable, "")

	var waits []time.Duration
	for attempt := range 5 {
		waits = append(waits, policy.Delay(unavailable, attempt))
	}

	assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second,
		5 * time.Second, 5 * time.Second}, waits)
}

func TestTheCreateRetryWaitHonoursRetryAfterAboveAll(t *testing.T) {
	policy := RetryPolicy{Max: 10, WaitMin: time.Second, WaitMax: 5 * time.Second}

	wait := policy.Delay(answered(http.StatusTooManyRequests, "7"), 0)

	assert.Equal(t, 7*time.Second, wait)
}

func TestTheCreateRetryWaitStaysSaneAtTheEdges(t *testing.T) {
	unavailable := answered(http.StatusServiceUnavailable, "")

	none := RetryPolicy{Max: 3}
	assert.Zero(t, none.Delay(unavailable, 2), "no wait when the settings ask for none")

	huge := RetryPolicy{Max: 100, WaitMin: seconds(2e5), WaitMax: seconds(1e10)}
	for _, attempt := range []int{0, 16, 63, 99} {
		wait := huge.Delay(unavailable, attempt)
		assert.Positive(t, wait, "attempt %d", attempt)
		assert.LessOrEqual(t, wait, huge.WaitMax, "attempt %d", attempt)
	}
	assert.Equal(t, time.Duration(math.MaxInt64), seconds(1e10))
}
