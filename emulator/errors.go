package emulator

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

// errorBody is DigitalOcean's error document.
type errorBody struct {
	ID        string `json:"id"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
}

// errorIDs are the ids DigitalOcean puts next to each status code.
var errorIDs = map[int]string{
	http.StatusBadRequest:          "bad_request",
	http.StatusUnauthorized:        "unauthorized",
	http.StatusForbidden:           "forbidden",
	http.StatusNotFound:            "not_found",
	http.StatusUnprocessableEntity: "unprocessable_entity",
	http.StatusTooManyRequests:     "too_many_requests",
	http.StatusInternalServerError: "server_error",
	http.StatusServiceUnavailable:  "service_unavailable",
}

// errorID names a status the way DigitalOcean does; unknown 5xx are
// server errors.
func errorID(status int) string {
	if id, ok := errorIDs[status]; ok {
		return id
	}
	if status >= 500 {
		return "server_error"
	}
	return "unprocessable_entity"
}

// requestSeq numbers request ids so that a test can tell answers apart.
var requestSeq atomic.Uint64

// newRequestID returns a UUID-shaped id, as DigitalOcean's are.
func newRequestID() string {
	n := requestSeq.Add(1)
	return fmt.Sprintf("00000000-0000-4000-8000-%012x", n)
}

// writeError answers with a DigitalOcean error body.
func writeError(w http.ResponseWriter, r *http.Request, status int, message string) {
	writeJSON(w, status, errorBody{
		ID:        errorID(status),
		Message:   message,
		RequestID: newRequestID(),
	})
}

// unprocessable answers 422, DigitalOcean's status for a request it
// understood but refuses.
func unprocessable(w http.ResponseWriter, r *http.Request, format string, args ...any) {
	writeError(w, r, http.StatusUnprocessableEntity, fmt.Sprintf(format, args...))
}

// notFound answers 404 with the real API's message.
func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, r, http.StatusNotFound, "The resource you were accessing could not be found.")
}
