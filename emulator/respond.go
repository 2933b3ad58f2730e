package emulator

import (
	"encoding/json"
	"net/http"
)

// writeJSON answers with a JSON document.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// noContent answers 204 with no body, as DELETE and tagging do.
func noContent(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNoContent)
}

// decodeBody reads a JSON request body into v, answering 400 when it is not
// JSON at all. It reports whether the handler may go on.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		writeError(w, r, http.StatusBadRequest, "request body is not valid JSON: "+err.Error())
		return false
	}
	return true
}
