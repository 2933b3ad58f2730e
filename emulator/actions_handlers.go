package emulator

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// postImageAction answers POST /v2/images/{image_id}/actions. Only
// transfers are modelled; convert applies to backups, which custom images
// never are.
func (s *Server) postImageAction(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Type   string `json:"type"`
		Region string `json:"region"`
	}
	if !decodeBody(w, r, &req) {
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	rec, now, ok := s.imageFromPath(r)
	if !ok {
		notFound(w, r)
		return
	}
	if msg := s.transferProblem(rec, req.Type, req.Region, now); msg != "" {
		unprocessable(w, r, "%s", msg)
		return
	}

	a := s.newTransfer(rec.id, req.Region, now)
	rec.transfers = append(rec.transfers, a.id)
	writeJSON(w, http.StatusCreated, map[string]any{"action": a.wire(now)})
}

// transferProblem says why the API would refuse the action, or "".
// Transferring into a region the image is already in, or is already on its
// way to, is refused rather than ignored, so clients that skip those checks
// are caught. Whether the real API refuses the second is unconfirmed; it
// would at best copy the image twice. Caller holds mu.
func (s *Server) transferProblem(rec *imageRecord, kind, region string,
	now time.Time) string {
	switch {
	case kind != "transfer":
		return "action type " + kind + " is not supported for custom images"
	case region == "":
		return "region is required"
	case rec.status(now) != statusAvailable:
		return "image is not available yet; its status is " + rec.status(now)
	}
	if _, ok := findRegion(region); !ok {
		return "region " + region + " is not available"
	}
	if slices.Contains(s.regionsOf(rec, now), region) {
		return "image is already available in " + region
	}
	if s.transferRunning(rec, region, now) {
		return "a transfer of the image to " + region + " is already in progress"
	}
	return ""
}

// transferRunning reports whether a transfer of the image into region is
// still in progress. Caller holds mu.
func (s *Server) transferRunning(rec *imageRecord, region string, now time.Time) bool {
	return slices.ContainsFunc(rec.transfers, func(id int) bool {
		a := s.actions[id]
		return a.region == region && a.status(now) == actionInProgress
	})
}

// listImageActions answers GET /v2/images/{image_id}/actions.
func (s *Server) listImageActions(w http.ResponseWriter, r *http.Request) {
	pg, ok := parsePage(w, r)
	if !ok {
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	rec, now, ok := s.imageFromPath(r)
	if !ok {
		notFound(w, r)
		return
	}
	all := make([]actionJSON, 0, len(rec.transfers))
	for _, id := range rec.transfers {
		all = append(all, s.actions[id].wire(now))
	}
	items, l := paginate(r, pg, all)
	writeJSON(w, http.StatusOK, map[string]any{
		"actions": items,
		"links":   l,
		"meta":    meta{Total: len(all)},
	})
}

// getImageAction answers GET /v2/images/{image_id}/actions/{action_id}.
func (s *Server) getImageAction(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()

	rec, now, ok := s.imageFromPath(r)
	if !ok {
		notFound(w, r)
		return
	}
	a, ok := s.actionFromPath(r)
	if !ok || a.imageID != rec.id {
		notFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"action": a.wire(now)})
}

// getAction answers GET /v2/actions/{action_id}; it still answers after
// the image is deleted, as actions outlive their resources.
func (s *Server) getAction(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()

	a, ok := s.actionFromPath(r)
	if !ok {
		notFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"action": a.wire(s.now())})
}

// actionFromPath finds the action named by {action_id}. Caller holds mu.
func (s *Server) actionFromPath(r *http.Request) (*actionRecord, bool) {
	id, err := strconv.Atoi(r.PathValue("action_id"))
	if err != nil {
		return nil, false
	}
	a, ok := s.actions[id]
	return a, ok
}
