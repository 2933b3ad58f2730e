package emulator

import (
	"errors"
	"net/http"
	"strconv"
	"time"
)

// adminPrefix is where the control API lives. It needs no token: it only
// listens on loopback and exists for tests and demos.
const adminPrefix = "/_emulator/"

// adminRoutes maps the control API, a small mirror of the Go methods.
func (s *Server) adminRoutes() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /_emulator/requests", s.adminRequests)
	m.HandleFunc("DELETE /_emulator/requests", s.adminResetRequests)
	m.HandleFunc("GET /_emulator/images", s.adminImages)
	m.HandleFunc("GET /_emulator/actions", s.adminActions)
	m.HandleFunc("POST /_emulator/images", s.adminSeed)
	m.HandleFunc("POST /_emulator/images/{id}/delete", s.adminImageChange)
	m.HandleFunc("POST /_emulator/images/{id}/rename", s.adminImageChange)
	m.HandleFunc("POST /_emulator/images/{id}/description", s.adminImageChange)
	m.HandleFunc("POST /_emulator/images/{id}/distribution", s.adminImageChange)
	m.HandleFunc("POST /_emulator/images/{id}/regions", s.adminImageChange)
	m.HandleFunc("POST /_emulator/images/{id}/tags", s.adminImageChange)
	m.HandleFunc("POST /_emulator/behaviours/import", s.adminOnImport)
	m.HandleFunc("POST /_emulator/behaviours/transfer", s.adminOnTransfer)
	m.HandleFunc("POST /_emulator/faults/every", s.adminFailEvery)
	m.HandleFunc("POST /_emulator/faults/next", s.adminFailNext)
	m.HandleFunc("DELETE /_emulator/faults", s.adminClearFaults)
	return m
}

// adminRequest is a request as the control API lists it; the body is text
// so that a human can read it.
type adminRequest struct {
	Request
	Body string `json:"body,omitempty"`
}

// adminRequests lists the API requests served so far.
func (s *Server) adminRequests(w http.ResponseWriter, r *http.Request) {
	reqs := s.Requests()
	out := make([]adminRequest, 0, len(reqs))
	for _, req := range reqs {
		out = append(out, adminRequest{Request: req, Body: string(req.Body)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"requests": out})
}

// adminResetRequests forgets the requests served so far.
func (s *Server) adminResetRequests(w http.ResponseWriter, r *http.Request) {
	s.ResetRequests()
	noContent(w)
}

// adminImages lists the images with their import URLs.
func (s *Server) adminImages(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"images": s.Images()})
}

// adminActions lists the transfer actions.
func (s *Server) adminActions(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"actions": s.Actions()})
}

// adminSeed adds an available image: {"name","import_region","regions",...}.
func (s *Server) adminSeed(w http.ResponseWriter, r *http.Request) {
	var img Image
	if !decodeBody(w, r, &img) {
		return
	}
	seeded, err := s.Seed(img)
	if err != nil {
		unprocessable(w, r, "%s", err.Error())
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"image": seeded})
}

// adminChange is the body of the out-of-band image changes; each change
// reads the one field it needs.
type adminChange struct {
	Name         string `json:"name"`
	Description  string `json:"description"`
	Distribution string `json:"distribution"`
	Region       string `json:"region"`
	Tag          string `json:"tag"`
}

// adminImageChange applies the out-of-band change named by the last path
// segment, as a control-panel user would make it.
func (s *Server) adminImageChange(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		notFound(w, r)
		return
	}
	var c adminChange
	if r.ContentLength != 0 && !decodeBody(w, r, &c) {
		return
	}

	err = s.applyChange(id, lastSegment(r.URL.Path), c)
	switch {
	case errors.Is(err, ErrImageNotFound):
		notFound(w, r)
	case err != nil:
		unprocessable(w, r, "%s", err.Error())
	default:
		noContent(w)
	}
}

// applyChange dispatches one out-of-band change.
func (s *Server) applyChange(id int, kind string, c adminChange) error {
	switch kind {
	case "delete":
		return s.DeleteImage(id)
	case "rename":
		return s.RenameImage(id, c.Name)
	case "description":
		return s.SetDescription(id, c.Description)
	case "distribution":
		return s.SetDistribution(id, c.Distribution)
	case "regions":
		return s.AddRegion(id, c.Region)
	}
	return s.TagImage(id, c.Tag)
}

// lastSegment returns what follows the last slash of a path.
func lastSegment(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}

// adminImportRule is the body of POST /_emulator/behaviours/import;
// durations are Go duration strings such as "3s".
type adminImportRule struct {
	URLContains  string `json:"url_contains"`
	Duration     string `json:"duration"`
	FailWith     string `json:"fail_with"`
	FailFast     bool   `json:"fail_fast"`
	LowercaseNew bool   `json:"lowercase_new"`
	StayPending  bool   `json:"stay_pending"`
	EndRetired   bool   `json:"end_retired"`
}

// adminOnImport is OnImport over HTTP.
func (s *Server) adminOnImport(w http.ResponseWriter, r *http.Request) {
	var rule adminImportRule
	if !decodeBody(w, r, &rule) {
		return
	}
	d, ok := parseDuration(w, r, rule.Duration)
	if !ok {
		return
	}
	s.OnImport(rule.URLContains, ImportBehaviour{
		Duration:     d,
		FailWith:     rule.FailWith,
		FailFast:     rule.FailFast,
		LowercaseNew: rule.LowercaseNew,
		StayPending:  rule.StayPending,
		EndRetired:   rule.EndRetired,
	})
	noContent(w)
}

// adminTransferRule is the body of POST /_emulator/behaviours/transfer.
type adminTransferRule struct {
	Region         string `json:"region"`
	Duration       string `json:"duration"`
	Fail           bool   `json:"fail"`
	StayInProgress bool   `json:"stay_in_progress"`
}

// adminOnTransfer is OnTransfer over HTTP.
func (s *Server) adminOnTransfer(w http.ResponseWriter, r *http.Request) {
	var rule adminTransferRule
	if !decodeBody(w, r, &rule) {
		return
	}
	d, ok := parseDuration(w, r, rule.Duration)
	if !ok {
		return
	}
	s.OnTransfer(rule.Region, TransferBehaviour{
		Duration: d, Fail: rule.Fail, StayInProgress: rule.StayInProgress,
	})
	noContent(w)
}

// adminFailEvery is FailEvery over HTTP: {"n":3,"status":429,"retry_after":1}.
func (s *Server) adminFailEvery(w http.ResponseWriter, r *http.Request) {
	var f struct {
		N          int `json:"n"`
		Status     int `json:"status"`
		RetryAfter int `json:"retry_after"`
	}
	if !decodeBody(w, r, &f) {
		return
	}
	s.FailEvery(f.N, f.Status, f.RetryAfter)
	noContent(w)
}

// adminFailNext is FailNext (or FailNextAfterProcessing) over HTTP:
// {"method":"POST","path_prefix":"/v2/images","status":500,"after_processing":true}.
func (s *Server) adminFailNext(w http.ResponseWriter, r *http.Request) {
	var f struct {
		Method          string `json:"method"`
		PathPrefix      string `json:"path_prefix"`
		Status          int    `json:"status"`
		AfterProcessing bool   `json:"after_processing"`
	}
	if !decodeBody(w, r, &f) {
		return
	}
	if f.AfterProcessing {
		s.FailNextAfterProcessing(f.Method, f.PathPrefix, f.Status)
	} else {
		s.FailNext(f.Method, f.PathPrefix, f.Status)
	}
	noContent(w)
}

// adminClearFaults removes every injected fault.
func (s *Server) adminClearFaults(w http.ResponseWriter, r *http.Request) {
	s.ClearFaults()
	noContent(w)
}

// parseDuration reads an optional duration, answering 400 when malformed.
func parseDuration(w http.ResponseWriter, r *http.Request, v string) (time.Duration, bool) {
	if v == "" {
		return 0, true
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		writeError(w, r, http.StatusBadRequest, "duration: "+err.Error())
		return 0, false
	}
	return d, true
}
