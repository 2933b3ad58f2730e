package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/digitalocean/godo"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

// Update changes an image in place: name, description and distribution with
// one PUT, tags through the tags API, new regions with transfers. It also
// resumes an import whose wait an earlier run cut short.
func (c CustomImage) Update(
	ctx context.Context, req infer.UpdateRequest[CustomImageArgs, CustomImageState],
) (infer.UpdateResponse[CustomImageState], error) {
	old, want := req.State, req.Inputs
	if req.DryRun {
		next := old.withInputs(want)
		return infer.UpdateResponse[CustomImageState]{Output: next.complete()}, nil
	}

	clients, err := infer.GetConfig[*Config](ctx).Clients()
	if err != nil {
		return infer.UpdateResponse[CustomImageState]{}, err
	}
	client := clients.Retrying
	ctx, cancel := withDefaultDeadline(ctx)
	defer cancel()

	img, err := c.ready(ctx, clients, old.ImageID, old.URL)
	var stopped *waitStoppedError
	switch {
	case errors.As(err, &stopped):
		return partlyUpdated(withStatus(old, err), err)
	case err != nil:
		return infer.UpdateResponse[CustomImageState]{}, err
	}

	if missing := missingRegions(img.Regions, want.Regions); len(missing) > 0 {
		if err := checkOffered(ctx, clients, missing); err != nil {
			return infer.UpdateResponse[CustomImageState]{}, err
		}
	}
	img, err = applyChanges(ctx, client, img, old, want)
	if err != nil {
		return infer.UpdateResponse[CustomImageState]{}, err
	}

	state, err := c.settle(ctx, clients, img, want)
	if err != nil {
		return partlyUpdated(state, err)
	}
	return infer.UpdateResponse[CustomImageState]{Output: state}, nil
}

// ready returns the image once it is available, waiting for an import that
// was still running when an earlier run stopped waiting. An image that is
// gone, or whose import failed meanwhile, cannot be updated: the error says
// how to import it again, without the credentials url may carry.
func (c CustomImage) ready(
	ctx context.Context, clients *doclient.Clients, id int, url string,
) (*godo.Image, error) {
	img, _, err := clients.Retrying.Images.GetByID(ctx, id)
	vanished, err := clients.ImageGone(ctx, err)
	if vanished || (err == nil && doclient.IsDeleted(img.Status) && img.ErrorMessage == "") {
		return nil, fmt.Errorf("image %d no longer exists on DigitalOcean: %s", id, reimport)
	}
	if err != nil {
		return nil, doclient.Describe(fmt.Sprintf("reading image %d", id), err)
	}
	if doclient.IsAvailable(img.Status) {
		return img, nil
	}

	img, err = c.waitForImport(ctx, clients.Retrying, id)
	var failed *importFailedError
	if errors.As(err, &failed) {
		hideURL(err, url)
		removeFailedImport(ctx, clients.Retrying, id)
		return nil, fmt.Errorf("%w; the failed image was removed: %s", err, reimport)
	}
	return img, err
}

// reimport tells how to replace an image the stack holds but DigitalOcean
// no longer has.
const reimport = "run `pulumi refresh` to drop it from the stack, and `pulumi up` " +
	"imports it again"

// applyChanges sends the metadata and tag changes, and returns the image as
// they left it.
func applyChanges(
	ctx context.Context, client *godo.Client, img *godo.Image, old CustomImageState,
	want CustomImageArgs,
) (*godo.Image, error) {
	changes := metadataChanges(old.inputs(), want)
	if !changes.Empty() {
		updated, err := doclient.UpdateImage(ctx, client, img.ID, changes)
		if err != nil {
			return nil, doclient.Describe(fmt.Sprintf("updating image %d", img.ID), err)
		}
		img = updated
	}

	if err := syncTags(ctx, client, img.ID, old.Tags, want.Tags); err != nil {
		return nil, err
	}
	img.Tags = want.Tags
	return img, nil
}

// metadataChanges lists the fields PUT must carry: only those that differ,
// so one request does the whole change.
func metadataChanges(old, want CustomImageArgs) doclient.ImageChanges {
	var ch doclient.ImageChanges
	if want.Name != nil && *want.Name != deref(old.Name) {
		ch.Name = want.Name
	}
	if deref(want.Description) != deref(old.Description) {
		desc := deref(want.Description)
		ch.Description = &desc
	}
	if !sameDistribution(deref(want.Distribution), deref(old.Distribution)) {
		dist := canonicalDistribution(deref(want.Distribution))
		ch.Distribution = &dist
	}
	return ch
}

// partlyUpdated records how far an update got when a wait was cut short or
// a transfer failed: the stack keeps what was reached, and the next
// `pulumi up` carries on from there.
func partlyUpdated(
	state CustomImageState, err error,
) (infer.UpdateResponse[CustomImageState], error) {
	return infer.UpdateResponse[CustomImageState]{Output: state.complete()},
		infer.ResourceInitFailedError{Reasons: []string{err.Error()}}
}
