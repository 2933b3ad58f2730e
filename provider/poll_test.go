package provider

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAWaitWithoutCustomTimeoutsEndsAfterSixtyMinutes(t *testing.T) {
	before := time.Now()

	ctx, cancel := withDefaultDeadline(context.Background())
	defer cancel()

	deadline, ok := ctx.Deadline()
	require.True(t, ok, "a deadline is set")
	assert.WithinRange(t, deadline, before.Add(59*time.Minute),
		time.Now().Add(60*time.Minute+time.Second))
}

func TestAWaitKeepsTheDeadlineFromCustomTimeouts(t *testing.T) {
	want := time.Now().Add(2 * time.Minute)
	parent, cancelParent := context.WithDeadline(context.Background(), want)
	defer cancelParent()

	ctx, cancel := withDefaultDeadline(parent)
	defer cancel()

	deadline, ok := ctx.Deadline()
	require.True(t, ok)
	assert.Equal(t, want, deadline)
}

func TestPollsGrowByHalfUpToTheLongestWait(t *testing.T) {
	s := pollSchedule{first: time.Second, max: 4 * time.Second}

	var waits []time.Duration
	for d := time.Duration(0); len(waits) < 6; {
		d = s.next(d)
		waits = append(waits, d)
	}

	assert.Equal(t, []time.Duration{
		time.Second,
		1500 * time.Millisecond,
		2250 * time.Millisecond,
		3375 * time.Millisecond,
		4 * time.Second,
		4 * time.Second,
	}, waits)
}

func TestTheDefaultPollScheduleNeverWaitsLongerThanItsLongestWait(t *testing.T) {
	d := time.Duration(0)
	for range 50 {
		d = defaultPoll.next(d)
		require.LessOrEqual(t, d, defaultPoll.max)
	}
	assert.Equal(t, defaultPoll.max, d, "the schedule settles on the longest wait")
}

func TestAPauseEndsPromptlyWhenTheContextIsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	start := time.Now()

	err := pause(ctx, time.Minute)

	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestAPauseReturnsNothingWhenTheWaitEnds(t *testing.T) {
	assert.NoError(t, pause(context.Background(), time.Millisecond))
}
