package doclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/digitalocean/godo"
)

// IsNotFound reports whether DigitalOcean answered 404 for the request.
func IsNotFound(err error) bool {
	return StatusOf(err) == http.StatusNotFound
}

// StatusOf returns the HTTP status of a DigitalOcean error, or 0 when the
// error did not come from an HTTP answer (a broken connection, a timeout).
func StatusOf(err error) int {
	var apiErr *godo.ErrorResponse
	if errors.As(err, &apiErr) && apiErr.Response != nil {
		return apiErr.Response.StatusCode
	}
	return 0
}

// Describe turns a DigitalOcean error into one line that says what was being
// done, the API's own message and its request id, which DigitalOcean support
// asks for. It never includes request headers, so never the token.
func Describe(action string, err error) error {
	var apiErr *godo.ErrorResponse
	if !errors.As(err, &apiErr) || apiErr.Response == nil {
		if unreachable(err) {
			return fmt.Errorf("%s: no answer from the DigitalOcean API; check apiEndpoint "+
				"(or DIGITALOCEAN_API_URL): %w", action, err)
		}
		return fmt.Errorf("%s: %w", action, err)
	}

	msg := fmt.Sprintf("%s: DigitalOcean answered %d", action, apiErr.Response.StatusCode)
	if apiErr.Message != "" {
		msg += ": " + apiErr.Message
	}
	if apiErr.RequestID != "" {
		msg += fmt.Sprintf(" (request id %s)", apiErr.RequestID)
	}
	if apiErr.Response.StatusCode == http.StatusUnauthorized {
		msg += "; check the token set in digitalocean-custom-image:token" +
			" or DIGITALOCEAN_TOKEN"
	}
	return &apiError{msg: msg, err: err}
}

type apiError struct {
	msg string
	err error
}

func (e *apiError) Error() string { return e.msg }
func (e *apiError) Unwrap() error { return e.err }

// unreachable reports whether a request got no HTTP answer at all, as when
// nothing listens at the endpoint, rather than being cut short by a cancel
// or a deadline.
func unreachable(err error) bool {
	var urlErr *url.Error
	return errors.As(err, &urlErr) &&
		!errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}
