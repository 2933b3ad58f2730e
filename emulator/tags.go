package emulator

import (
	"regexp"
	"slices"
	"strings"
)

// tagNamePattern and maxTagName are the contract's rules for tag names.
var tagNamePattern = regexp.MustCompile(`^[a-zA-Z0-9_\-:]+$`)

const maxTagName = 255

// tagRecord is a stored tag. Lookups ignore case; name keeps the spelling
// the tag was first created with, which the API treats as canonical.
type tagRecord struct {
	name   string
	images []int
}

// tagKey is the case-insensitive identity of a tag name.
func tagKey(name string) string {
	return strings.ToLower(name)
}

// tagNameProblem says why the API would refuse a tag name, or "".
func tagNameProblem(name string) string {
	switch {
	case name == "":
		return "tag name is required"
	case len(name) > maxTagName:
		return "tag name must be at most 255 characters"
	case !tagNamePattern.MatchString(name):
		return "tag name " + name + " may only contain letters, numbers, colons, " +
			"dashes and underscores"
	}
	return ""
}

// ensureTag returns the tag, creating it with this spelling when it does
// not exist yet. Caller holds mu.
func (s *Server) ensureTag(name string) *tagRecord {
	key := tagKey(name)
	if t, ok := s.tags[key]; ok {
		return t
	}
	t := &tagRecord{name: name}
	s.tags[key] = t
	s.tagKeys = append(s.tagKeys, key)
	return t
}

// attachTag tags the image; tagging twice is a no-op. Caller holds mu.
func (s *Server) attachTag(t *tagRecord, rec *imageRecord) {
	key := tagKey(t.name)
	if slices.Contains(rec.tagKeys, key) {
		return
	}
	rec.tagKeys = append(rec.tagKeys, key)
	t.images = append(t.images, rec.id)
}

// detachTag untags the image; untagging twice is a no-op. Caller holds mu.
func (s *Server) detachTag(t *tagRecord, rec *imageRecord) {
	key := tagKey(t.name)
	rec.tagKeys = slices.DeleteFunc(rec.tagKeys, func(k string) bool { return k == key })
	t.images = slices.DeleteFunc(t.images, func(id int) bool { return id == rec.id })
}

// removeTag deletes a tag and untags everything it was on. Caller holds mu.
func (s *Server) removeTag(t *tagRecord) {
	for _, id := range slices.Clone(t.images) {
		if rec, ok := s.images[id]; ok {
			s.detachTag(t, rec)
		}
	}
	key := tagKey(t.name)
	delete(s.tags, key)
	s.tagKeys = slices.DeleteFunc(s.tagKeys, func(k string) bool { return k == key })
}

// tagNames turns an image's tag keys into canonical names. Caller holds mu.
func (s *Server) tagNames(keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if t, ok := s.tags[k]; ok {
			out = append(out, t.name)
		}
	}
	return out
}
