package doclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
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
		if err := sleep(ctx, retryDelay(err, attempt)); err != nil {
			return nil, err
		}
	}
}

// createOnce sends the create and settles its outcome while no other create
// of the same name in this process can interfere. It reports whether the
// create may be sent again.
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
	case attempt >= c.RetryMax:
		return nil, false, err
	case status == http.StatusTooManyRequests:
		return nil, true, err
	case status == 0 || status >= 500:
		found, findErr := adopt(ctx, c, req, sent)
		if findErr != nil || found != nil {
			return found, false, joinIf(findErr, err)
		}
		return nil, true, err
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

	found, findErr := adopt(lookup, c, req, sent)
	if findErr != nil || found == nil {
		return nil, errors.Join(err, findErr)
	}
	return found, nil
}

// retryDelay honours Retry-After and otherwise backs off from one second.
func retryDelay(err error, attempt int) time.Duration {
	var apiErr *godo.ErrorResponse
	if errors.As(err, &apiErr) && apiErr.Response != nil {
		secs, convErr := strconv.Atoi(apiErr.Response.Header.Get("Retry-After"))
		if convErr == nil && secs >= 0 {
			return time.Duration(secs) * time.Second
		}
	}
	return time.Second << min(attempt, 5)
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
