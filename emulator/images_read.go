package emulator

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// getImage answers GET /v2/images/{image_id}. Custom images have no slug,
// so anything but a number is not found.
func (s *Server) getImage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()

	rec, now, ok := s.imageFromPath(r)
	if !ok {
		notFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"image": s.view(rec, now).wire()})
}

// listImages answers GET /v2/images with the filters of the contract.
func (s *Server) listImages(w http.ResponseWriter, r *http.Request) {
	pg, ok := parsePage(w, r)
	if !ok {
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	var all []imageJSON
	for _, rec := range s.liveImages(now) {
		if s.listed(rec, r) {
			all = append(all, s.view(rec, now).wire())
		}
	}

	items, l := paginate(r, pg, all)
	writeJSON(w, http.StatusOK, map[string]any{
		"images": items,
		"links":  l,
		"meta":   meta{Total: len(all)},
	})
}

// listed applies the list filters. type selects DigitalOcean's public
// distribution or application images, never a custom one; private=true
// keeps the account's own images, which all emulated images are.
func (s *Server) listed(rec *imageRecord, r *http.Request) bool {
	q := r.URL.Query()
	if q.Get("type") != "" {
		return false
	}
	if private, err := strconv.ParseBool(q.Get("private")); err == nil && !private {
		return true
	}
	tag := q.Get("tag_name")
	if tag == "" {
		return true
	}
	return containsFold(rec.tagKeys, tag)
}

// containsFold reports whether keys holds v, ignoring case.
func containsFold(keys []string, v string) bool {
	for _, k := range keys {
		if strings.EqualFold(k, v) {
			return true
		}
	}
	return false
}

// imageFromPath finds the live image named by {image_id}. Caller holds mu.
func (s *Server) imageFromPath(r *http.Request) (*imageRecord, time.Time, bool) {
	now := s.now()
	id, err := strconv.Atoi(r.PathValue("image_id"))
	if err != nil {
		return nil, now, false
	}
	rec, ok := s.liveImage(id, now)
	return rec, now, ok
}
