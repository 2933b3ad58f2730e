package doclient

import (
	"context"
	"fmt"
	"sync"

	"github.com/digitalocean/godo"
)

// endpointCheck remembers that the API answered a request any token that
// manages images can make, so a 404 from it can be believed.
type endpointCheck struct {
	mu        sync.Mutex
	confirmed bool
}

// ImageGone reports whether err is DigitalOcean saying that an image does not
// exist; any other error is returned as it is. A 404 alone proves nothing:
// an apiEndpoint with a wrong path answers 404 for every image, and
// believing it would drop live images from the stack, or report them
// destroyed while they stay on the account. So a 404 counts only once the
// same API has listed the account's images, which needs no scope beyond
// the ones the provider needs anyway.
func (c *Clients) ImageGone(ctx context.Context, err error) (bool, error) {
	if !IsNotFound(err) {
		return false, err
	}
	if probeErr := c.confirmEndpoint(ctx); probeErr != nil {
		return false, fmt.Errorf("the API at %s answered 404 for the image, and %s; "+
			"check apiEndpoint (or DIGITALOCEAN_API_URL)", c.Retrying.BaseURL,
			Describe("listing the account's images", probeErr))
	}
	return true, nil
}

// confirmEndpoint lists one page of one image; only a success is
// remembered, so a passing outage is asked about again next time.
func (c *Clients) confirmEndpoint(ctx context.Context) error {
	c.endpoint.mu.Lock()
	defer c.endpoint.mu.Unlock()
	if c.endpoint.confirmed {
		return nil
	}

	_, _, err := c.Retrying.Images.ListUser(ctx, &godo.ListOptions{PerPage: 1})
	if err != nil {
		return err
	}
	c.endpoint.confirmed = true
	return nil
}
