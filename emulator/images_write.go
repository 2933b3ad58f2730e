package emulator

import "net/http"

// updateRequest is the body of PUT /v2/images/{image_id}. Pointers tell an
// absent field (kept) from an explicit empty string (cleared).
type updateRequest struct {
	Name         *string `json:"name"`
	Distribution *string `json:"distribution"`
	Description  *string `json:"description"`
}

// updateImage answers PUT /v2/images/{image_id}.
func (s *Server) updateImage(w http.ResponseWriter, r *http.Request) {
	var req updateRequest
	if !decodeBody(w, r, &req) {
		return
	}
	if req.Name != nil && *req.Name == "" {
		unprocessable(w, r, "name cannot be blank")
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	rec, now, ok := s.imageFromPath(r)
	if !ok {
		notFound(w, r)
		return
	}

	if req.Name != nil {
		rec.name = *req.Name
	}
	if req.Description != nil {
		rec.description = *req.Description
	}
	if req.Distribution != nil {
		rec.distribution = normalDistribution(*req.Distribution)
	}
	writeJSON(w, http.StatusOK, map[string]any{"image": s.view(rec, now).wire()})
}

// deleteImage answers DELETE /v2/images/{image_id}: 204, then 404 on read.
// A failed import (status deleted) is deleted the same way.
func (s *Server) deleteImage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()

	rec, _, ok := s.imageFromPath(r)
	if !ok {
		notFound(w, r)
		return
	}
	s.removeImage(rec.id)
	noContent(w)
}
