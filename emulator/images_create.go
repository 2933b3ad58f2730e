package emulator

import (
	"net/http"
	"net/url"
)

// createRequest is the body of POST /v2/images.
type createRequest struct {
	Name         string   `json:"name"`
	URL          string   `json:"url"`
	Region       string   `json:"region"`
	Distribution string   `json:"distribution"`
	Description  string   `json:"description"`
	Tags         []string `json:"tags"`
}

// createImage answers POST /v2/images: 202 with the image in status NEW.
// A file that will fail to import is still accepted here; the failure
// shows later as status deleted, as on the real API.
func (s *Server) createImage(w http.ResponseWriter, r *http.Request) {
	var req createRequest
	if !decodeBody(w, r, &req) {
		return
	}
	if msg := req.problem(); msg != "" {
		unprocessable(w, r, "%s", msg)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	rec := &imageRecord{
		id:           s.nextImage,
		name:         req.Name,
		description:  req.Description,
		distribution: normalDistribution(req.Distribution),
		url:          req.URL,
		importRegion: req.Region,
		createdAt:    now,
		plan:         newImportPlan(s.importBehaviourFor(req.URL), s.opts.ImportDuration),
	}
	s.nextImage++
	s.images[rec.id] = rec
	s.imageIDs = append(s.imageIDs, rec.id)
	for _, tag := range req.Tags {
		s.attachTag(s.ensureTag(tag), rec)
	}

	img := s.view(rec, now)
	img.Status = rec.plan.firstStatus()
	writeJSON(w, http.StatusAccepted, map[string]any{"image": img.wire()})
}

// problem names the first thing the API would refuse in the request.
func (req createRequest) problem() string {
	switch {
	case req.Name == "":
		return "name is required"
	case req.URL == "":
		return "url is required"
	case req.Region == "":
		return "region is required"
	}
	if u, err := url.Parse(req.URL); err != nil || u.Host == "" ||
		(u.Scheme != "http" && u.Scheme != "https") {
		return "url must be an http or https URL"
	}
	if _, ok := findRegion(req.Region); !ok {
		return "region " + req.Region + " is not available"
	}
	for _, tag := range req.Tags {
		if msg := tagNameProblem(tag); msg != "" {
			return msg
		}
	}
	return ""
}
