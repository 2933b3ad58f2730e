package emulator

import "time"

// maxRequests bounds the request log kept for inspection.
const maxRequests = 10000

// Request is one API request as the emulator saw it. Headers are left out
// on purpose: the Authorization header holds the token.
type Request struct {
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Query  string    `json:"query,omitempty"`
	Body   []byte    `json:"-"`
	Status int       `json:"status"`
	Time   time.Time `json:"time"`
}

// Requests returns the API requests served so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ResetRequests forgets the requests served so far.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

// RequestsTo returns the requests with the given method whose path starts
// with prefix, a shortcut for assertions such as "exactly one POST".
func (s *Server) RequestsTo(method, prefix string) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Method == method && hasPathPrefix(r.Path, prefix) {
			out = append(out, r)
		}
	}
	return out
}
