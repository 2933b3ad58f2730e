package emulator

import (
	"net/http"
	"strconv"
	"strings"
)

// fault is one injected error answer.
type fault struct {
	method          string
	prefix          string
	status          int
	retryAfter      int
	afterProcessing bool
}

// faultState holds the injected faults: a periodic one and a queue of
// one-shot ones.
type faultState struct {
	every      int
	status     int
	retryAfter int
	seen       int
	next       []fault
}

// FailEvery makes every nth API request (counted from this call) answer
// status without being processed. A 429 carries retry-after: retryAfter
// seconds. n <= 0 turns the periodic fault off.
func (s *Server) FailEvery(n, status, retryAfter int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.every, s.faults.status, s.faults.retryAfter = n, status, retryAfter
	s.faults.seen = 0
}

// FailNext makes the next request with this method, whose path starts with
// pathPrefix (whole segments), answer status without being processed.
// An empty method matches any method. Faults queue up in call order.
func (s *Server) FailNext(method, pathPrefix string, status int) {
	s.queueFault(fault{method: method, prefix: pathPrefix, status: status, retryAfter: 1})
}

// FailNextAfterProcessing is FailNext, except that the request takes effect
// (an image is created, a transfer starts) before the error is answered.
// It models the hazard of retrying a create whose success was lost.
func (s *Server) FailNextAfterProcessing(method, pathPrefix string, status int) {
	s.queueFault(fault{
		method: method, prefix: pathPrefix, status: status,
		retryAfter: 1, afterProcessing: true,
	})
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = faultState{}
}

// queueFault appends a one-shot fault.
func (s *Server) queueFault(f fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.next = append(s.faults.next, f)
}

// takeFault returns the fault this request should suffer, if any, and
// consumes it. One-shot faults win over the periodic one.
func (s *Server) takeFault(r *http.Request) (fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()

	for i, f := range s.faults.next {
		if f.matches(r) {
			s.faults.next = append(s.faults.next[:i:i], s.faults.next[i+1:]...)
			return f, true
		}
	}

	fs := &s.faults
	if fs.every <= 0 {
		return fault{}, false
	}
	fs.seen++
	if fs.seen%fs.every != 0 {
		return fault{}, false
	}
	return fault{status: fs.status, retryAfter: fs.retryAfter}, true
}

// matches reports whether the fault applies to the request.
func (f fault) matches(r *http.Request) bool {
	if f.method != "" && !strings.EqualFold(f.method, r.Method) {
		return false
	}
	return hasPathPrefix(r.URL.Path, f.prefix)
}

// hasPathPrefix matches whole path segments, so /v2/images/1 does not
// match /v2/images/12.
func hasPathPrefix(path, prefix string) bool {
	prefix = strings.TrimSuffix(prefix, "/")
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	rest := path[len(prefix):]
	return rest == "" || rest[0] == '/'
}

// writeFault answers an injected fault with DigitalOcean's wording.
func writeFault(w http.ResponseWriter, r *http.Request, f fault) {
	if f.status == http.StatusTooManyRequests {
		w.Header().Set("retry-after", strconv.Itoa(max(f.retryAfter, 0)))
	}
	writeError(w, r, f.status, faultMessage(f.status))
}

// faultMessage is the message the real API sends with the status.
func faultMessage(status int) string {
	switch status {
	case http.StatusTooManyRequests:
		return "API rate limit exceeded."
	case http.StatusInternalServerError:
		return "Unexpected server-side error"
	case http.StatusUnauthorized:
		return "Unable to authenticate you"
	}
	return http.StatusText(status)
}
