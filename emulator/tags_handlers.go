package emulator

import (
	"net/http"
	"strconv"
)

// createTag answers POST /v2/tags. Creating a tag that exists (in any
// case) answers 201 with the existing tag, spelled as first created: the
// real API treats tag creation as idempotent, which is what lets clients
// "ensure" a tag before attaching it.
func (s *Server) createTag(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"name"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	if msg := tagNameProblem(req.Name); msg != "" {
		unprocessable(w, r, "%s", msg)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.ensureTag(req.Name)
	writeJSON(w, http.StatusCreated, map[string]any{"tag": s.tagWire(r, t)})
}

// getTag answers GET /v2/tags/{tag_id}.
func (s *Server) getTag(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()

	t, ok := s.tags[tagKey(r.PathValue("tag_id"))]
	if !ok {
		notFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"tag": s.tagWire(r, t)})
}

// listTags answers GET /v2/tags, oldest tag first.
func (s *Server) listTags(w http.ResponseWriter, r *http.Request) {
	pg, ok := parsePage(w, r)
	if !ok {
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	all := make([]tagJSON, 0, len(s.tagKeys))
	for _, k := range s.tagKeys {
		all = append(all, s.tagWire(r, s.tags[k]))
	}
	items, l := paginate(r, pg, all)
	writeJSON(w, http.StatusOK, map[string]any{
		"tags":  items,
		"links": l,
		"meta":  meta{Total: len(all)},
	})
}

// deleteTag answers DELETE /v2/tags/{tag_id}, untagging every image.
func (s *Server) deleteTag(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()

	t, ok := s.tags[tagKey(r.PathValue("tag_id"))]
	if !ok {
		notFound(w, r)
		return
	}
	s.removeTag(t)
	noContent(w)
}

// tagResources answers POST /v2/tags/{tag_id}/resources.
func (s *Server) tagResources(w http.ResponseWriter, r *http.Request) {
	s.changeTagging(w, r, s.attachTag)
}

// untagResources answers DELETE /v2/tags/{tag_id}/resources.
func (s *Server) untagResources(w http.ResponseWriter, r *http.Request) {
	s.changeTagging(w, r, s.detachTag)
}

// resourceRef names one resource in a tagging request; the id is a string
// even for numeric image ids.
type resourceRef struct {
	ID   string `json:"resource_id"`
	Type string `json:"resource_type"`
}

// changeTagging validates every resource first, so a request either
// applies to all of them or to none.
func (s *Server) changeTagging(w http.ResponseWriter, r *http.Request,
	apply func(*tagRecord, *imageRecord)) {
	var req struct {
		Resources []resourceRef `json:"resources"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	if len(req.Resources) == 0 {
		unprocessable(w, r, "resources are required")
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tags[tagKey(r.PathValue("tag_id"))]
	if !ok {
		notFound(w, r)
		return
	}
	images, status, msg := s.resolveResources(req.Resources)
	if status != 0 {
		writeError(w, r, status, msg)
		return
	}
	for _, rec := range images {
		apply(t, rec)
	}
	noContent(w)
}

// resolveResources finds the images a tagging request names. The emulator
// holds only images, so other resource types are refused. Caller holds mu.
func (s *Server) resolveResources(refs []resourceRef) ([]*imageRecord, int, string) {
	now := s.now()
	out := make([]*imageRecord, 0, len(refs))
	for _, ref := range refs {
		if ref.Type != "image" {
			return nil, http.StatusUnprocessableEntity,
				"resource_type " + ref.Type + " is not supported by this emulator"
		}
		id, err := strconv.Atoi(ref.ID)
		if err != nil {
			return nil, http.StatusUnprocessableEntity,
				"resource_id " + ref.ID + " is not a valid image id"
		}
		rec, ok := s.liveImage(id, now)
		if !ok {
			return nil, http.StatusNotFound, "image " + ref.ID + " could not be found"
		}
		out = append(out, rec)
	}
	return out, 0, ""
}
