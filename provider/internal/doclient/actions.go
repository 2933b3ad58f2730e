package doclient

import (
	"context"
	"fmt"
	"strings"

	"github.com/digitalocean/godo"
)

// TransfersInProgress returns the image's transfer actions still running,
// by region. A wait cut short by a deadline or a cancel leaves them running;
// resuming means waiting on them, not starting a second copy. godo has no
// call for GET /v2/images/{id}/actions, so the request is built here.
func TransfersInProgress(ctx context.Context, c *godo.Client, id int) (
	map[string]*godo.Action, error,
) {
	running := map[string]*godo.Action{}
	for page := 1; ; page++ {
		path := fmt.Sprintf("v2/images/%d/actions?page=%d&per_page=200", id, page)
		req, err := c.NewRequest(ctx, "GET", path, nil)
		if err != nil {
			return nil, err
		}
		var root struct {
			Actions []godo.Action `json:"actions"`
			Links   *godo.Links   `json:"links"`
		}
		if _, err := c.Do(ctx, req, &root); err != nil {
			return nil, err
		}

		for i, a := range root.Actions {
			if isRunningTransfer(a) {
				running[regionOf(a)] = &root.Actions[i]
			}
		}
		if root.Links == nil || root.Links.IsLastPage() {
			return running, nil
		}
	}
}

func isRunningTransfer(a godo.Action) bool {
	return strings.EqualFold(a.Type, "transfer") &&
		strings.EqualFold(a.Status, godo.ActionInProgress)
}

func regionOf(a godo.Action) string {
	if a.RegionSlug == "" && a.Region != nil {
		return a.Region.Slug
	}
	return a.RegionSlug
}
