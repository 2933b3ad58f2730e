package provider

import (
	"context"
	"fmt"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

// Delete removes the image. An image that is already gone counts as
// removed, so destroying a stack never fails on it.
func (c CustomImage) Delete(
	ctx context.Context, req infer.DeleteRequest[CustomImageState],
) (infer.DeleteResponse, error) {
	id, err := parseImageID(req.ID)
	if err != nil {
		return infer.DeleteResponse{}, err
	}

	clients, err := infer.GetConfig[*Config](ctx).Clients()
	if err != nil {
		return infer.DeleteResponse{}, err
	}

	_, err = clients.Retrying.Images.Delete(ctx, id)
	vanished, err := clients.ImageGone(ctx, err)
	if vanished {
		p.GetLogger(ctx).Warningf("image %d was already gone", id)
		return infer.DeleteResponse{}, nil
	}
	if err != nil {
		return infer.DeleteResponse{}, doclient.Describe(fmt.Sprintf("deleting image %d", id), err)
	}
	return infer.DeleteResponse{}, nil
}
