package emulator

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"time"
)

// maxBody bounds request bodies; the real API's are a few hundred bytes.
const maxBody = 1 << 20

// apiRoutes maps each endpoint of the contract to its handler.
func (s *Server) apiRoutes() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /v2/images", s.listImages)
	m.HandleFunc("POST /v2/images", s.createImage)
	m.HandleFunc("GET /v2/images/{image_id}", s.getImage)
	m.HandleFunc("PUT /v2/images/{image_id}", s.updateImage)
	m.HandleFunc("DELETE /v2/images/{image_id}", s.deleteImage)
	m.HandleFunc("GET /v2/images/{image_id}/actions", s.listImageActions)
	m.HandleFunc("POST /v2/images/{image_id}/actions", s.postImageAction)
	m.HandleFunc("GET /v2/images/{image_id}/actions/{action_id}", s.getImageAction)
	m.HandleFunc("GET /v2/actions/{action_id}", s.getAction)
	m.HandleFunc("GET /v2/tags", s.listTags)
	m.HandleFunc("POST /v2/tags", s.createTag)
	m.HandleFunc("GET /v2/tags/{tag_id}", s.getTag)
	m.HandleFunc("DELETE /v2/tags/{tag_id}", s.deleteTag)
	m.HandleFunc("POST /v2/tags/{tag_id}/resources", s.tagResources)
	m.HandleFunc("DELETE /v2/tags/{tag_id}/resources", s.untagResources)
	m.HandleFunc("GET /v2/regions", s.listRegions)
	return m
}

// serveAPI runs one API request through the steps the real API applies:
// rate-limit headers, authentication, injected faults, then the endpoint.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	started := s.now()
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
	r.Body = io.NopCloser(bytes.NewReader(body))

	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	s.writeRateLimit(rec)
	s.dispatch(rec, r)

	s.record(r, body, rec.status, started)
	s.logLine(r, rec.status)
}

// dispatch picks the answer: 401, an injected fault, or the endpoint's own.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		writeError(w, r, http.StatusUnauthorized, "Unable to authenticate you")
		return
	}

	f, ok := s.takeFault(r)
	if ok && !f.afterProcessing {
		writeFault(w, r, f)
		return
	}

	// Handler only finds the route; ServeHTTP below fills in path values.
	if _, pattern := s.api.Handler(r); pattern == "" {
		writeError(w, r, http.StatusNotFound, "The resource you were accessing could not be found.")
		return
	}
	if !ok {
		s.api.ServeHTTP(w, r)
		return
	}

	// The request takes effect but its answer is lost, as when a proxy
	// times out after the API committed: a blind retry duplicates it.
	s.api.ServeHTTP(httptest.NewRecorder(), r)
	writeFault(w, r, f)
}

// record appends the request to the inspection log, dropping the oldest
// entries so a long demo does not grow without bound.
func (s *Server) record(r *http.Request, body []byte, status int, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.requests = append(s.requests, Request{
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  r.URL.RawQuery,
		Body:   body,
		Status: status,
		Time:   at,
	})
	if len(s.requests) > maxRequests {
		s.requests = append([]Request(nil), s.requests[len(s.requests)-maxRequests:]...)
	}
}
