package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/digitalocean/godo"
	p "github.com/pulumi/pulumi-go-provider"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

const actionErrored = "errored"

// errTransferErrored marks a transfer DigitalOcean gave up on.
var errTransferErrored = errors.New(actionErrored)

// transferResult is how the transfer of an image to one region ended.
type transferResult struct {
	region string
	err    error
}

// transfer copies an available image to each region, all at once, and waits
// for every action to end. Transfers an earlier, cut-short run left running
// are waited on first, so no region is copied twice. The error names the
// regions the image did not reach.
func (c CustomImage) transfer(
	ctx context.Context, clients *doclient.Clients, id int, regions []string,
) error {
	regions, err := c.awaitEarlierTransfers(ctx, clients.Retrying, id, regions)
	if err != nil || len(regions) == 0 {
		return err
	}

	start := time.Now()
	results := atOnce(regions, func(region string) transferResult {
		return c.transferOne(ctx, clients, id, region)
	})
	return summarize(id, results, time.Since(start))
}

// atOnce runs one wait per item concurrently and returns their results in
// the items' order.
func atOnce[T any](items []T, wait func(T) transferResult) []transferResult {
	results := make([]transferResult, len(items))
	var wg sync.WaitGroup
	for i, item := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = wait(item)
		}()
	}
	wg.Wait()
	return results
}

// transferOne starts the transfer of an image to one region and waits for
// it to end. godo would replay a start answered 5xx, which may have started
// the transfer all the same, so the start goes through the client that
// never retries by itself, and such an answer is settled by looking first.
func (c CustomImage) transferOne(
	ctx context.Context, clients *doclient.Clients, id int, region string,
) transferResult {
	for attempt := 0; ; attempt++ {
		action, _, err := clients.Once.ImageActions.Transfer(ctx, id, &godo.ActionRequest{
			"type": "transfer", "region": region,
		})
		if err == nil {
			return c.waitForTransfer(ctx, clients.Retrying, id, region, action)
		}

		result, again := c.afterFailedStart(ctx, clients, id, region, err, attempt)
		if !again {
			return result
		}
		if err := pause(ctx, clients.Retry.Delay(err, attempt)); err != nil {
			return transferResult{region: region, err: err}
		}
	}
}

// afterFailedStart settles a transfer start that failed, and says whether to
// send it again. A 429 was turned away and may be sent again. A 5xx or a
// broken connection may hide a transfer that did start: the transfers
// running are waited on and the image read again before deciding.
func (c CustomImage) afterFailedStart(
	ctx context.Context, clients *doclient.Clients, id int, region string, err error,
	attempt int,
) (transferResult, bool) {
	failed := transferResult{region: region, err: doclient.Describe(
		fmt.Sprintf("starting the transfer of image %d to %s", id, region), err)}

	switch status := doclient.StatusOf(err); {
	case ctx.Err() != nil:
		return transferResult{region: region, err: ctx.Err()}, false
	case status == http.StatusTooManyRequests:
		return failed, clients.Retry.Allows(attempt)
	case status == 0 || status >= 500:
		missing, waitErr := c.awaitEarlierTransfers(ctx, clients.Retrying, id, []string{region})
		switch {
		case waitErr != nil:
			return transferResult{region: region, err: waitErr}, false
		case len(missing) == 0:
			return transferResult{region: region}, false
		}
		return failed, clients.Retry.Allows(attempt)
	default:
		return failed, false
	}
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
				"DigitalOcean could not transfer image %d to %s (action %d %w)",
				id, region, action.ID, errTransferErrored)}
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
