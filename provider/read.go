package provider

import (
	"context"
	"fmt"
	"strconv"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

// Read rebuilds inputs and state from DigitalOcean, for `pulumi refresh` and
// `pulumi import`. An image that is gone, or whose import failed, is
// reported gone so the engine drops it from the stack.
func (c CustomImage) Read(
	ctx context.Context, req infer.ReadRequest[CustomImageArgs, CustomImageState],
) (infer.ReadResponse[CustomImageArgs, CustomImageState], error) {
	id, err := parseImageID(req.ID)
	if err != nil {
		return infer.ReadResponse[CustomImageArgs, CustomImageState]{}, err
	}

	clients, err := infer.GetConfig[*Config](ctx).Clients()
	if err != nil {
		return infer.ReadResponse[CustomImageArgs, CustomImageState]{}, err
	}

	img, _, err := clients.Retrying.Images.GetByID(ctx, id)
	vanished, err := clients.ImageGone(ctx, err)
	if vanished || (err == nil && doclient.IsDeleted(img.Status)) {
		return gone(ctx, id, req.State)
	}
	if err != nil {
		return infer.ReadResponse[CustomImageArgs, CustomImageState]{},
			doclient.Describe(fmt.Sprintf("reading image %d", id), err)
	}

	// On refresh the prior inputs are the program's; on import there are
	// none, and every input comes from the API.
	prior := req.Inputs
	if prior.URL == "" {
		prior.URL = req.State.URL
	}
	state := stateOf(img, prior)
	return infer.ReadResponse[CustomImageArgs, CustomImageState]{
		ID:     strconv.Itoa(id),
		Inputs: state.inputs(),
		State:  state,
	}, nil
}

// gone answers a read of an image DigitalOcean no longer has. A refresh
// drops it from the stack; an import of it fails, rather than adopting an
// image that is not there.
func gone(ctx context.Context, id int, prior CustomImageState) (
	infer.ReadResponse[CustomImageArgs, CustomImageState], error,
) {
	if prior.ImageID == 0 {
		return infer.ReadResponse[CustomImageArgs, CustomImageState]{},
			fmt.Errorf("there is no image %d on DigitalOcean to import", id)
	}
	p.GetLogger(ctx).Warningf("image %d no longer exists on DigitalOcean", id)
	return infer.ReadResponse[CustomImageArgs, CustomImageState]{}, nil
}

// parseImageID reads a Pulumi ID, which is the image id in decimal.
func parseImageID(id string) (int, error) {
	n, err := strconv.Atoi(id)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a DigitalOcean image id: ids are positive whole "+
			"numbers, e.g. 12345", id)
	}
	return n, nil
}
