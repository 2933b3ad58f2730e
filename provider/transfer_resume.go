package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/digitalocean/godo"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

// awaitEarlierTransfers waits for every transfer of the image still running
// from a run whose wait was cut short, then returns the regions of regions
// the image is not in yet. It waits on them all rather than matching them
// to regions: which region an action names is not settled by DigitalOcean's
// documentation, and the image's own region list is.
func (c CustomImage) awaitEarlierTransfers(
	ctx context.Context, client *godo.Client, id int, regions []string,
) ([]string, error) {
	running, err := doclient.TransfersInProgress(ctx, client, id)
	if err != nil {
		return nil, doclient.Describe(fmt.Sprintf("listing the actions of image %d", id), err)
	}
	if len(running) == 0 {
		return regions, nil
	}

	start := time.Now()
	results := atOnce(running, func(action *godo.Action) transferResult {
		return c.waitForTransfer(ctx, client, id, doclient.RegionOf(action), action)
	})
	if err := summarize(id, unfinished(results), time.Since(start)); err != nil {
		return nil, err
	}

	img, _, err := client.Images.GetByID(ctx, id)
	if err != nil {
		return nil, doclient.Describe(fmt.Sprintf("reading image %d", id), err)
	}
	return missingRegions(img.Regions, regions), nil
}

// unfinished drops the earlier transfers that ended, well or in error: a
// region whose transfer errored is simply transferred again.
func unfinished(results []transferResult) []transferResult {
	var out []transferResult
	for _, r := range results {
		if r.err != nil && !errors.Is(r.err, errTransferErrored) {
			out = append(out, r)
		}
	}
	return out
}
