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
	err    error
}

// transfer copies an available image to each region, all at once, and waits
// for every action to end. A transfer an earlier, cut-short run left running
// is waited on rather than started again. The error names the regions the
// image did not reach.
func (c CustomImage) transfer(
	ctx context.Context, client *godo.Client, id int, regions []string,
) error {
	running, err := doclient.TransfersInProgress(ctx, client, id)
	if err != nil {
		return doclient.Describe(fmt.Sprintf("listing the actions of image %d", id), err)
	}

	start := time.Now()
	results := make([]transferResult, len(regions))
	var wg sync.WaitGroup
	for i, region := range regions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = c.transferOne(ctx, client, id, region, running[region])
		}()
	}
	wg.Wait()

	return summarize(id, results, time.Since(start))
}

// transferOne starts the transfer of an image to one region, unless action
// is one already running, and waits for it to end.
func (c CustomImage) transferOne(
	ctx context.Context, client *godo.Client, id int, region string, action *godo.Action,
) transferResult {
	if action == nil {
		started, _, err := client.ImageActions.Transfer(ctx, id, &godo.ActionRequest{
			"type": "transfer", "region": region,
		})
		if err != nil {
			return transferResult{region: region, err: doclient.Describe(
				fmt.Sprintf("starting the transfer of image %d to %s", id, region), err)}
		}
		action = started
	}
	return c.waitForTransfer(ctx, client, id, region, action)
}

// waitForTransfer polls a transfer action until it completes or errors.
func (c CustomImage) waitForTransfer(
	ctx context.Context, client *godo.Client, id int, region string, action *godo.Action,
) transferResult {
	start := time.Now()
	log := p.GetLogger(ctx)
	for delay := c.poll.first; ; delay = c.poll.next(delay) {
		switch {
		case strings.EqualFold(action.Status, godo.ActionCompleted):
			log.InfoStatusf("image %d transferred to %s after %s", id, region,
				time.Since(start).Round(time.Second))
			return transferResult{region: region}
		case strings.EqualFold(action.Status, actionErrored):
			return transferResult{region: region, err: fmt.Errorf(
				"DigitalOcean could not transfer image %d to %s (action %d errored)",
				id, region, action.ID)}
		}

		log.InfoStatusf("transferring image %d to %s: %s, %s", id, region,
			action.Status, time.Since(start).Round(time.Second))
		if err := pause(ctx, delay); err != nil {
			return transferResult{region: region, err: err}
		}

		next, _, err := client.Actions.Get(ctx, action.ID)
		if err != nil {
			if ctx.Err() != nil {
				return transferResult{region: region, err: ctx.Err()}
			}
			return transferResult{region: region, err: doclient.Describe(
				fmt.Sprintf("reading transfer action %d of image %d", action.ID, id), err)}
		}
		action = next
	}
}

// summarize reports the transfers that did not complete as one error: the
// regions whose wait was cut short are named together, since they share the
// deadline.
func summarize(id int, results []transferResult, elapsed time.Duration) error {
	var stopped []string
	var errs []error
	var cause error
	for _, r := range results {
		switch {
		case r.err == nil: // the region was reached
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
	return errors.Join(errs...)
}
