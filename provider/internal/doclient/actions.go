package doclient

import (
	"context"
	"fmt"
	"strings"

	"github.com/digitalocean/godo"
)

// TransfersInProgress returns the image's transfer actions still running. A
// wait cut short by a deadline or a cancel leaves them running; resuming
// means waiting on them, not starting a second copy. godo has no call for
// GET /v2/images/{id}/actions, so the request is built here.
func TransfersInProgress(ctx context.Context, c *godo.Client, id int) (
	[]*godo.Action, error,
) {
	var running []*godo.Action
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
				running = append(running, &root.Actions[i])
			}
		}
		// An empty page ends the list too, whatever its links say.
		if len(root.Actions) == 0 || root.Links == nil || root.Links.IsLastPage() {
			return running, nil
		}
	}
}

func isRunningTransfer(a godo.Action) bool {
	return strings.EqualFold(a.Type, "transfer") &&
		strings.EqualFold(a.Status, godo.ActionInProgress)
}

// RegionOf names the region an action reports, for messages.
func RegionOf(a *godo.Action) string {
	switch {
	case a.RegionSlug != "":
		return a.RegionSlug
	case a.Region != nil && a.Region.Slug != "":
		return a.Region.Slug
	default:
		return fmt.Sprintf("the region of action %d", a.ID)
	}
}
