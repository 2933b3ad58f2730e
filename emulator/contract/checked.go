package contract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// apiPrefix is the part of the URL space the contract describes; anything
// else (such as the emulator's control API) passes unchecked.
const apiPrefix = "/v2/"

// Checked validates the traffic through a handler and keeps what it found.
type Checked struct {
	spec *Spec
	next http.Handler

	mu         sync.Mutex
	violations []string
	tolerated  []string
}

// Wrap returns a handler that serves through h and checks every exchange
// under /v2/ against the contract. A response is held until it has been
// checked, so a test that reads Violations after its call sees the result.
func Wrap(spec *Spec, h http.Handler) (*Checked, http.Handler) {
	c := &Checked{spec: spec, next: h}
	return c, c
}

// Violations lists every mismatch found so far, one line each.
func (c *Checked) Violations() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.violations...)
}

// Tolerated lists the known contract gaps met so far, one line each.
func (c *Checked) Tolerated() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.tolerated...)
}

// Reset forgets the violations and tolerated gaps found so far.
func (c *Checked) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.violations, c.tolerated = nil, nil
}

// ServeHTTP serves the request, checks the exchange, then sends the answer.
func (c *Checked) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, apiPrefix) {
		c.next.ServeHTTP(w, r)
		return
	}

	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec := httptest.NewRecorder()
	c.next.ServeHTTP(rec, r)

	c.check(r, body, rec)
	copyResponse(w, rec)
}

// copyResponse sends a held response on.
func copyResponse(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// check validates one exchange and records what it finds.
func (c *Checked) check(r *http.Request, body []byte, rec *httptest.ResponseRecorder) {
	where := fmt.Sprintf("%s %s -> %d", r.Method, r.URL.Path, rec.Code)
	req := r.Clone(context.Background())

	route, params, err := c.spec.router.FindRoute(req)
	if err != nil {
		c.violate(where, "request: no operation in the contract: %v", err)
		return
	}

	var notes []string
	reqBody := tolerateRequest(route, body, &notes)
	req.Body = io.NopCloser(bytes.NewReader(reqBody))
	in := &openapi3filter.RequestValidationInput{
		Request:    req,
		PathParams: params,
		Route:      route,
		Options:    validationOptions(),
	}
	if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
		c.violate(where, "request: %v", err)
	}

	respBody := tolerateResponse(route, rec.Code, rec.Body.Bytes(), &notes)
	c.checkResponse(where, in, route, rec, respBody)
	c.tolerate(where, notes)
}

// checkResponse validates status, headers and body of one response.
func (c *Checked) checkResponse(where string, in *openapi3filter.RequestValidationInput,
	route *routers.Route, rec *httptest.ResponseRecorder, body []byte) {
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 rec.Code,
		Header:                 rec.Header(),
		Options:                validationOptions(),
	}
	out.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		c.violate(where, "response: %v", err)
	}
	for _, name := range missingHeaders(route, rec.Code, rec.Header()) {
		c.violate(where, "response: header %s is described but missing", name)
	}
}

// validationOptions are shared by request and response checks. The token
// is the emulator's own concern (it answers 401 itself), so the contract's
// bearer security is not re-checked here; undeclared statuses are
// violations, though the contract's "default" response covers most.
func validationOptions() *openapi3filter.Options {
	opts := &openapi3filter.Options{
		AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
		IncludeResponseStatus: true,
		MultiError:            true,
		SkipSettingDefaults:   true,
	}
	opts.WithCustomSchemaErrorFunc(func(err *openapi3.SchemaError) string {
		return "/" + strings.Join(err.JSONPointer(), "/") + ": " + err.Reason
	})
	return opts
}

// missingHeaders lists the headers the contract describes for the status
// that the response lacks. The validator only checks headers that are
// present; DigitalOcean sends these on every answer, so absence counts.
func missingHeaders(route *routers.Route, status int, h http.Header) []string {
	ref := route.Operation.Responses.Status(status)
	if ref == nil {
		ref = route.Operation.Responses.Default()
	}
	if ref == nil || ref.Value == nil {
		return nil
	}
	var missing []string
	for name := range ref.Value.Headers {
		if strings.HasPrefix(strings.ToLower(name), "ratelimit-") && h.Get(name) == "" {
			missing = append(missing, name)
		}
	}
	slices.Sort(missing)
	return missing
}

// violate records one violation.
func (c *Checked) violate(where, format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.violations = append(c.violations, where+": "+fmt.Sprintf(format, args...))
}

// tolerate records the known gaps met by one exchange.
func (c *Checked) tolerate(where string, notes []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range notes {
		c.tolerated = append(c.tolerated, where+": "+n)
	}
}
