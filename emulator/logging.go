package emulator

import (
	"fmt"
	"io"
	"net/http"
)

// logLine writes method, path and status only: headers carry the bearer
// token and bodies may carry user data, so neither is ever logged.
func (s *Server) logLine(r *http.Request, status int) {
	if s.opts.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, "%s %s %d\n", r.Method, r.URL.Path, status)
}

// logOrDiscard keeps callers from checking a nil writer.
func logOrDiscard(w io.Writer) io.Writer {
	if w == nil {
		return io.Discard
	}
	return w
}
