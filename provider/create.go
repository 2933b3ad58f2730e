package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/digitalocean/godo"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

// Create imports the image into the first region, waits until it is
// available, then transfers it to the other regions.
func (c CustomImage) Create(
	ctx context.Context, req infer.CreateRequest[CustomImageArgs],
) (infer.CreateResponse[CustomImageState], error) {
	args := req.Inputs
	if req.DryRun {
		// A preview shows the image as it would be, and calls nothing.
		return infer.CreateResponse[CustomImageState]{Output: planned(args)}, nil
	}

	clients, err := infer.GetConfig[*Config](ctx).Clients()
	if err != nil {
		return infer.CreateResponse[CustomImageState]{}, err
	}
	ctx, cancel := withDefaultDeadline(ctx)
	defer cancel()

	if err := checkOffered(ctx, clients, args.Regions); err != nil {
		return infer.CreateResponse[CustomImageState]{}, err
	}
	img, err := doclient.CreateImage(ctx, clients, &godo.CustomImageCreateRequest{
		Name:         deref(args.Name),
		Url:          args.URL,
		Region:       args.Regions[0],
		Distribution: spelledForAPI(deref(args.Distribution)),
		Description:  deref(args.Description),
		Tags:         args.Tags,
	})
	if err != nil {
		return infer.CreateResponse[CustomImageState]{}, importError(clients, args, err)
	}

	state, err := c.settle(ctx, clients, img, args)
	hideURL(err, args.URL)
	return c.created(ctx, clients.Retrying, state, err)
}

// importError describes a create DigitalOcean refused. A 404 there can only
// mean the endpoint is wrong, since the images collection always exists.
func importError(clients *doclient.Clients, args CustomImageArgs, err error) error {
	err = doclient.Describe(fmt.Sprintf("importing %s into %s", redacted(args.URL),
		args.Regions[0]), err)
	if doclient.IsNotFound(err) {
		return fmt.Errorf("%w; there are no images at %s: check apiEndpoint (or "+
			"DIGITALOCEAN_API_URL)", err, clients.Once.BaseURL)
	}
	return err
}

// created turns the outcome of an import into the engine's answer. An image
// DigitalOcean gave up on is removed, so nothing is left behind unknown to
// the stack; an image still on its way is kept in the stack, so the next
// `pulumi up` resumes waiting instead of importing a second copy.
func (c CustomImage) created(
	ctx context.Context, client *godo.Client, state CustomImageState, err error,
) (infer.CreateResponse[CustomImageState], error) {
	id := strconv.Itoa(state.ImageID)
	if err == nil {
		return infer.CreateResponse[CustomImageState]{ID: id, Output: state}, nil
	}

	var failed *importFailedError
	if errors.As(err, &failed) {
		removeFailedImport(ctx, client, state.ImageID)
		return infer.CreateResponse[CustomImageState]{}, err
	}

	return infer.CreateResponse[CustomImageState]{ID: id, Output: state.complete()},
		infer.ResourceInitFailedError{Reasons: []string{err.Error()}}
}

// removeFailedImport deletes an image whose import failed. DigitalOcean
// keeps such an image listed as deleted for a while; deleting it at once
// keeps the account tidy. A failure here only earns a warning.
func removeFailedImport(ctx context.Context, client *godo.Client, id int) {
	_, err := client.Images.Delete(context.WithoutCancel(ctx), id)
	if err != nil && !doclient.IsNotFound(err) {
		p.GetLogger(ctx).Warningf("could not remove failed image %d: %s", id,
			doclient.Describe("deleting", err))
	}
}

// settle waits for an image to become available and reach every region the
// program lists, and returns its state however far it got.
func (c CustomImage) settle(
	ctx context.Context, clients *doclient.Clients, img *godo.Image, args CustomImageArgs,
) (CustomImageState, error) {
	client := clients.Retrying
	state := stateOf(img, args)
	if !doclient.IsAvailable(img.Status) {
		ready, err := c.waitForImport(ctx, client, img.ID)
		if err != nil {
			return withStatus(state, err), err
		}
		img = ready
		state = stateOf(img, args)
	}

	missing := missingRegions(img.Regions, args.Regions)
	if len(missing) == 0 {
		return state, nil
	}
	err := c.transfer(ctx, clients, img.ID, missing)

	// Read the image again: its region list is the truth, whatever the
	// transfers reported.
	latest, _, readErr := client.Images.GetByID(context.WithoutCancel(ctx), img.ID)
	if readErr == nil {
		state = stateOf(latest, args)
	}
	return state, err
}

// withStatus records the last status a stopped wait saw, so the stack shows
// how far the import got.
func withStatus(state CustomImageState, err error) CustomImageState {
	var stopped *waitStoppedError
	if errors.As(err, &stopped) && stopped.status != "unknown" {
		state.Status = stopped.status
	}
	return state
}

// planned is the state a preview shows before anything exists: the inputs,
// and outputs the engine shows as known after the update.
func planned(args CustomImageArgs) CustomImageState {
	return CustomImageState{}.withInputs(args)
}
