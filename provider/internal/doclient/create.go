package doclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/digitalocean/godo"
)

// CreateImage asks DigitalOcean to import an image, without ever leaving a
// second copy behind. A 429 means the request was turned away, so it is
// safe to send again after Retry-After. A 5xx, a broken connection or a
// cancel may hide an import that did start, so before sending again it
// looks for that import and adopts it.
func CreateImage(
	ctx context.Context, c *Clients, req *godo.CustomImageCreateRequest,
) (*godo.Image, error) {
	sent := time.Now()
	for attempt := 0; ; attempt++ {
		img, retry, err := createOnce(ctx, c, req, sent, attempt)
		if !retry {
			return img, err
		}
		if err := sleep(ctx, c.Retry.Delay(err, attempt)); err != nil {
			return nil, err
		}
	}
}

// createOnce sends the create and settles its outcome while no other create
// of the same name in this process can interfere. It reports whether the
// create may be sent again. An answer that may hide a started import is
// always followed by a look for that import, even when no retry is left:
// otherwise the image would be left on the account, unknown to the stack.
func createOnce(
	ctx context.Context, c *Clients, req *godo.CustomImageCreateRequest, sent time.Time,
	attempt int,
) (img *godo.Image, retry bool, err error) {
	unlock := c.claims.lockName(req.Name)
	defer unlock()

	img, _, err = c.Once.Images.Create(ctx, req)
	switch status := StatusOf(err); {
	case err == nil:
		c.claims.claim(img.ID)
		return img, false, nil
	case ctx.Err() != nil:
		img, err = adoptAfterCancel(ctx, c, req, sent, err)
		return img, false, err
	case status == http.StatusTooManyRequests:
		return nil, c.Retry.Allows(attempt), err
	case status == 0 || status >= 500:
		found, findErr := adopt(ctx, c, req, creationWindow(err, sent))
		if findErr != nil || found != nil {
			return found, false, joinIf(findErr, err)
		}
		return nil, c.Retry.Allows(attempt), err
	default:
		return nil, false, err
	}
}

// joinIf adds cause to err, when there is an err.
func joinIf(err, cause error) error {
	if err == nil {
		return nil
	}
	return errors.Join(cause, err)
}

// adoptAfterCancel looks, once more, for an import that a create cut short
// by the deadline or a cancel may have started, so that it is handed to the
// stack rather than left behind unknown.
func adoptAfterCancel(
	ctx context.Context, c *Clients, req *godo.CustomImageCreateRequest, sent time.Time,
	err error,
) (*godo.Image, error) {
	lookup, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()

	found, findErr := adopt(lookup, c, req, window{from: sent.Add(-clockSkew)})
	if findErr != nil || found == nil {
		return nil, errors.Join(err, findErr)
	}
	return found, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return fmt.Errorf("waiting to retry the import: %w", ctx.Err())
	case <-t.C:
		return nil
	}
}
