package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/digitalocean/godo"
	p "github.com/pulumi/pulumi-go-provider"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

// importFailedError is an import DigitalOcean gave up on: the image reads
// back as deleted, with the reason in error_message.
type importFailedError struct {
	imageID int
	message string
}

func (e *importFailedError) Error() string {
	msg := e.message
	if msg == "" {
		msg = "DigitalOcean gave no reason"
	}
	return fmt.Sprintf("DigitalOcean could not import image %d: %s", e.imageID, msg)
}

// waitStoppedError is a wait cut short by the deadline or a cancel, while
// DigitalOcean was still working.
type waitStoppedError struct {
	what    string // "import of image 42", "transfer of image 42 to sfo3"
	status  string // the last status seen
	elapsed time.Duration
	cause   error
}

func (e *waitStoppedError) Error() string {
	reason := "was cancelled"
	if errors.Is(e.cause, context.DeadlineExceeded) {
		reason = "did not finish before the deadline"
	}
	return fmt.Sprintf("%s %s (last status %s after %s); DigitalOcean is still working "+
		"on it: the next `pulumi up` resumes waiting, and `pulumi destroy` removes it",
		e.what, reason, e.status, e.elapsed.Round(time.Second))
}

func (e *waitStoppedError) Unwrap() error { return e.cause }

// waitForImport polls an image until it is available. It shows progress on
// the engine's status line and stops when ctx ends.
func (c CustomImage) waitForImport(
	ctx context.Context, client *godo.Client, id int,
) (*godo.Image, error) {
	start := time.Now()
	log := p.GetLogger(ctx)
	status := "unknown"

	for delay := time.Duration(0); ; delay = c.poll.next(delay) {
		if err := pause(ctx, delay); err != nil {
			return nil, &waitStoppedError{
				what:    fmt.Sprintf("the import of image %d", id),
				status:  status,
				elapsed: time.Since(start),
				cause:   err,
			}
		}

		img, _, err := client.Images.GetByID(ctx, id)
		if err != nil {
			if ctx.Err() != nil {
				continue // reported as a stopped wait on the next turn
			}
			return nil, doclient.Describe(fmt.Sprintf("reading image %d", id), err)
		}

		status = img.Status
		switch {
		case doclient.IsAvailable(status):
			log.InfoStatusf("image %d available after %s", id,
				time.Since(start).Round(time.Second))
			return img, nil
		case doclient.IsDeleted(status):
			return nil, &importFailedError{imageID: id, message: img.ErrorMessage}
		case !doclient.IsImporting(status):
			// Waiting on a status no import passes through (retired, or one
			// DigitalOcean adds later) would only run out the clock.
			return nil, fmt.Errorf("image %d has status %q, which no import in progress "+
				"has; stopped waiting. It stays in the stack: `pulumi destroy` removes it",
				id, status)
		}
		log.InfoStatusf("importing image %d: %s, %s", id, status,
			time.Since(start).Round(time.Second))
	}
}
