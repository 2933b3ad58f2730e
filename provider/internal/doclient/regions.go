package doclient

import (
	"context"
	"sync"

	"github.com/digitalocean/godo"
)

// regionCache keeps the regions on offer for the life of the provider
// process, a single `pulumi up`: they change far more rarely than that, and
// a stack of many images would otherwise list them once per image.
type regionCache struct {
	mu      sync.Mutex
	offered []string
}

// OfferedRegions returns the slugs of the regions DigitalOcean offers for new
// resources, images included. Only a successful list is kept.
func (c *Clients) OfferedRegions(ctx context.Context) ([]string, error) {
	c.regions.mu.Lock()
	defer c.regions.mu.Unlock()
	if c.regions.offered != nil {
		return c.regions.offered, nil
	}

	offered, err := listOfferedRegions(ctx, c.Retrying)
	if err != nil {
		return nil, err
	}
	c.regions.offered = offered
	return offered, nil
}

func listOfferedRegions(ctx context.Context, c *godo.Client) ([]string, error) {
	offered := []string{}
	opt := &godo.ListOptions{Page: 1, PerPage: 200}
	for {
		regions, resp, err := c.Regions.List(ctx, opt)
		if err != nil {
			return nil, err
		}
		for _, r := range regions {
			if r.Available {
				offered = append(offered, r.Slug)
			}
		}

		if resp == nil || resp.Links == nil || resp.Links.IsLastPage() {
			return offered, nil
		}
		opt.Page++
	}
}
