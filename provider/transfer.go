package provider

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/digitalocean/godo"
	p "github.com/pulumi/pulumi-go-provider"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

const actionErrored = "errored"

// transferResult is how the transfer of an image to one region ended.
type transferResult struct {
	region string
	status string // the action's last status
	err    error
}

// transfer copies an available image to each region, all at once, and waits
// for every action to end. It returns the regions the image reached, and an
// error naming those it did not.
func (c CustomImage) transfer(
	ctx context.Context, client *godo.Client, id int, regions []string,
) ([]string, error) {
	start := time.Now()
	results := make([]transferResult, len(regions))
	var wg sync.WaitGroup
	for i, region := range regions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = c.transferOne(ctx, client, id, region)
		}()
	}
	wg.Wait()

	return summarize(id, results, time.Since(start))
}

// transferOne starts one transfer action and waits for it to end.
func (c CustomImage) transferOne(
	ctx context.Context, client *godo.Client, id int, region string,
) transferResult {
	action, _, err := client.ImageActions.Transfer(ctx, id, &godo.ActionRequest{
		"type": "transfer", "region": region,
	})
	if err != nil {
		return transferResult{region: region, err: doclient.Describe(
			fmt.Sprintf("starting the transfer of image %d to %s", id, region), err)}
	}

	start := time.Now()
	log := p.GetLogger(ctx)
	for delay := c.poll.first; ; delay = c.poll.next(delay) {
		switch {
		case strings.EqualFold(action.Status, godo.ActionCompleted):
			log.InfoStatusf("image %d transferred to %s after %s", id, region,
				time.Since(start).Round(time.Second))
			return transferResult{region: region, status: action.Status}
		case strings.EqualFold(action.Status, actionErrored):
			return transferResult{region: region, status: action.Status, err: fmt.Errorf(
				"DigitalOcean could not transfer image %d to %s (action %d errored)",
				id, region, action.ID)}
		}

		log.InfoStatusf("transferring image %d to %s: %s, %s", id, region,
			action.Status, time.Since(start).Round(time.Second))
		if err := pause(ctx, delay); err != nil {
			return transferResult{region: region, status: action.Status, err: err}
		}

		next, _, err := client.Actions.Get(ctx, action.ID)
		if err != nil {
			if ctx.Err() != nil {
				return transferResult{region: region, status: action.Status, err: ctx.Err()}
			}
			return transferResult{region: region, status: action.Status, err: doclient.Describe(
				fmt.Sprintf("reading transfer action %d of image %d", action.ID, id), err)}
		}
		action = next
	}
}

// summarize reports the regions reached, and one error for the rest: the
// regions whose wait was cut short are named together, since they share the
// deadline.
func summarize(id int, results []transferResult, elapsed time.Duration) ([]string, error) {
	var reached, stopped []string
	var errs []error
	var cause error
	for _, r := range results {
		switch {
		case r.err == nil:
			reached = append(reached, r.region)
		case errors.Is(r.err, context.DeadlineExceeded) || errors.Is(r.err, context.Canceled):
			stopped = append(stopped, r.region)
			cause = r.err
		default:
			errs = append(errs, r.err)
		}
	}

	if len(stopped) > 0 {
		sort.Strings(stopped)
		errs = append(errs, &waitStoppedError{
			what:    fmt.Sprintf("the transfer of image %d to %s", id, strings.Join(stopped, ", ")),
			status:  godo.ActionInProgress,
			elapsed: elapsed,
			cause:   cause,
		})
	}
	return reached, errors.Join(errs...)
}
