package doclient

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/digitalocean/godo"
)

// ImageChanges are the image fields PUT /v2/images/{id} can change. A nil
// field is left alone; a pointer to "" clears it.
type ImageChanges struct {
	Name         *string `json:"name,omitempty"`
	Description  *string `json:"description,omitempty"`
	Distribution *string `json:"distribution,omitempty"`
}

// Empty reports whether there is nothing to send.
func (c ImageChanges) Empty() bool {
	return c.Name == nil && c.Description == nil && c.Distribution == nil
}

// UpdateImage sends one PUT with exactly the changed fields. It builds the
// request itself because godo's ImageUpdateRequest drops empty strings, and
// an explicit "" is how a description is cleared.
func UpdateImage(ctx context.Context, c *godo.Client, id int, ch ImageChanges) (*godo.Image, error) {
	path := "v2/images/" + strconv.Itoa(id)
	req, err := c.NewRequest(ctx, http.MethodPut, path, ch)
	if err != nil {
		return nil, err
	}

	var root struct {
		Image *godo.Image `json:"image"`
	}
	if _, err := c.Do(ctx, req, &root); err != nil {
		return nil, err
	}
	if root.Image == nil {
		return nil, fmt.Errorf("DigitalOcean answered the update of image %d without an image", id)
	}
	return root.Image, nil
}
