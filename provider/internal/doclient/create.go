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
		img, _, err := c.Once.Images.Create(ctx, req)
		if err == nil {
			c.claims.claim(img.ID)
			return img, nil
		}
		if ctx.Err() != nil {
			return adoptAfterCancel(ctx, c, req, sent, err)
		}
		if attempt >= c.RetryMax {
			return nil, err
		}

		switch status := StatusOf(err); {
		case status == http.StatusTooManyRequests:
		case status == 0 || status >= 500:
			found, findErr := adopt(ctx, c, req, sent)
			if findErr != nil {
				return nil, errors.Join(err, findErr)
			}
			if found != nil {
				return found, nil
			}
		default:
			return nil, err
		}

		if err := sleep(ctx, retryDelay(err, attempt)); err != nil {
			return nil, err
		}
	}
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
