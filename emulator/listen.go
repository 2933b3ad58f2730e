package emulator

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// httpListener is the loopback HTTP server behind Start.
type httpListener struct {
	url string
	srv *http.Server
}

// Start serves a new emulator on Options.Addr (default 127.0.0.1:0, a free
// loopback port) until Close is called.
func Start(opts Options) (*Server, error) {
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("emulator: listen on %s: %w", addr, err)
	}

	s := New(opts)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.listener = &httpListener{url: "http://" + ln.Addr().String(), srv: srv}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(logOrDiscard(opts.Log), "emulator: serve: %v\n", err)
		}
	}()
	return s, nil
}

// URL is the base URL of a started emulator, without a trailing slash, for
// example http://127.0.0.1:41234. It is empty for a Server made by New.
func (s *Server) URL() string {
	if s.listener == nil {
		return ""
	}
	return s.listener.url
}

// Close stops a started emulator, waiting briefly for requests in flight.
func (s *Server) Close() error {
	if s.listener == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.listener.srv.Shutdown(ctx)
}
