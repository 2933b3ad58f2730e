package emulator

import (
	"net/http"
	"strconv"
	"time"
)

// hourlyLimit is DigitalOcean's documented request quota per token.
const hourlyLimit = 5000

// writeRateLimit sets the three headers every DigitalOcean response carries.
// The quota only counts down; the emulator never enforces it, FailEvery
// models rate limiting instead.
func (s *Server) writeRateLimit(w http.ResponseWriter) {
	s.mu.Lock()
	s.served++
	remaining := hourlyLimit - s.served%hourlyLimit
	s.mu.Unlock()

	reset := s.now().Add(time.Hour).Truncate(time.Hour).Unix()
	h := w.Header()
	h.Set("ratelimit-limit", strconv.Itoa(hourlyLimit))
	h.Set("ratelimit-remaining", strconv.Itoa(remaining))
	h.Set("ratelimit-reset", strconv.FormatInt(reset, 10))
}
