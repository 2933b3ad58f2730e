package emulator

// Images returns the images a GET could read now (including failed imports
// that still read back with status deleted), in creation order.
func (s *Server) Images() []Image {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	recs := s.liveImages(now)
	out := make([]Image, 0, len(recs))
	for _, rec := range recs {
		out = append(out, s.view(rec, now))
	}
	return out
}

// Image returns the image with the id as a GET would read it now.
func (s *Server) Image(id int) (Image, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	rec, ok := s.liveImage(id, now)
	if !ok {
		return Image{}, false
	}
	return s.view(rec, now), true
}

// Actions returns every transfer action so far, oldest first.
func (s *Server) Actions() []Action {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	out := make([]Action, 0, len(s.actionIDs))
	for _, id := range s.actionIDs {
		out = append(out, s.actions[id].snapshot(now))
	}
	return out
}

// Tags returns the canonical names of all tags, oldest first.
func (s *Server) Tags() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tagNames(s.tagKeys)
}
