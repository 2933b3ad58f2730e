package emulator

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// Server is the emulated API. It is an http.Handler; Start also serves it on
// a loopback port. All methods are safe for concurrent use.
type Server struct {
	opts Options
	now  func() time.Time
	api  *http.ServeMux
	ctl  *http.ServeMux

	mu        sync.Mutex
	images    map[int]*imageRecord
	imageIDs  []int
	actions   map[int]*actionRecord
	actionIDs []int
	tags      map[string]*tagRecord
	tagKeys   []string
	imports   []importRule
	transfers map[string]TransferBehaviour
	faults    faultState
	requests  []Request
	served    int
	nextImage int
	nextAct   int

	listener *httpListener
	logMu    sync.Mutex
}

// New returns a Server with no images, the fixed region list and no faults.
func New(opts Options) *Server {
	s := &Server{
		opts:      opts,
		now:       opts.clock(),
		images:    map[int]*imageRecord{},
		actions:   map[int]*actionRecord{},
		tags:      map[string]*tagRecord{},
		transfers: map[string]TransferBehaviour{},
		// Realistic-looking ids make a test that confuses an image id with
		// an action id fail instead of passing by coincidence.
		nextImage: 170000001,
		nextAct:   2400000001,
	}
	s.api = s.apiRoutes()
	s.ctl = s.adminRoutes()
	return s
}

// ServeHTTP answers API requests under /v2 and control requests under
// /_emulator/.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Date comes from the clock that stamps created_at, as on the real API,
	// so clients may compare the two.
	w.Header().Set("Date", s.now().UTC().Format(http.TimeFormat))
	if strings.HasPrefix(r.URL.Path, adminPrefix) {
		s.serveLogged(w, r, s.ctl)
		return
	}
	s.serveAPI(w, r)
}

// serveLogged serves a request and writes its log line.
func (s *Server) serveLogged(w http.ResponseWriter, r *http.Request, h http.Handler) {
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	h.ServeHTTP(rec, r)
	s.logLine(r, rec.status)
}

// statusWriter remembers the status code a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the status before passing it on.
func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}
