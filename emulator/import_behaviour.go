package emulator

import (
	"net/url"
	"strings"
	"time"
)

// ImportBehaviour decides how the import of a matching image unfolds.
type ImportBehaviour struct {
	// Duration replaces Options.ImportDuration for the image.
	Duration time.Duration

	// FailWith, when set, ends the import with status deleted and this
	// error_message once the NEW and pending phases are over.
	FailWith string

	// FailFast skips the pending phase: the image reads deleted from its
	// first read on, as DigitalOcean does for files it rejects by type.
	FailFast bool

	// LowercaseNew reports the first status as "new" and skips pending, as
	// the API has been seen to do; clients must compare without case.
	LowercaseNew bool

	// StayPending never finishes the import.
	StayPending bool

	// EndRetired ends the import with status retired instead of available:
	// a status the contract lists that no import in progress has, which a
	// client must not wait on.
	EndRetired bool
}

// importRule applies a behaviour to images whose URL contains a substring.
type importRule struct {
	contains  string
	behaviour ImportBehaviour
}

// unsupportedSuffixes are archive and disc formats DigitalOcean rejects
// as soon as it looks at the file.
var unsupportedSuffixes = []string{".tar.gz", ".tgz", ".xz", ".zip", ".iso"}

// OnImport applies b to every image created later whose URL contains
// urlSubstring. The most recent matching rule wins over older ones and over
// the built-in realism (unsupported formats, "broken" files).
func (s *Server) OnImport(urlSubstring string, b ImportBehaviour) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.imports = append(s.imports, importRule{contains: urlSubstring, behaviour: b})
}

// importBehaviourFor picks the behaviour for an image URL. Caller holds mu.
func (s *Server) importBehaviourFor(rawURL string) ImportBehaviour {
	for i := len(s.imports) - 1; i >= 0; i-- {
		if strings.Contains(rawURL, s.imports[i].contains) {
			return s.imports[i].behaviour
		}
	}
	return builtInBehaviour(rawURL)
}

// builtInBehaviour is how the real API treats URLs without configuration:
// unsupported formats fail at once, a "broken" file fails after pending.
func builtInBehaviour(rawURL string) ImportBehaviour {
	path := strings.ToLower(rawURL)
	if u, err := url.Parse(rawURL); err == nil {
		path = strings.ToLower(u.Path)
	}

	for _, suffix := range unsupportedSuffixes {
		if strings.HasSuffix(path, suffix) {
			return ImportBehaviour{FailWith: unsupportedMessage(suffix), FailFast: true}
		}
	}
	if strings.Contains(path, "broken") {
		return ImportBehaviour{FailWith: "decompression failed"}
	}
	return ImportBehaviour{}
}

// unsupportedMessage words a format rejection the way DigitalOcean does.
func unsupportedMessage(suffix string) string {
	return "Unsupported image type: " + strings.TrimPrefix(suffix, ".") +
		" files cannot be imported. Use a raw, qcow2, vhdx, vdi or vmdk image," +
		" optionally compressed with gzip or bzip2."
}
