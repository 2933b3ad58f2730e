package provider

import (
	"net/url"
	"strings"
)

// mask stands in for a part of a URL that may be a credential.
const mask = "xxxxx"

// redacted returns an image URL fit for an error message or a log line.
// Images are often served from pre-signed URLs, whose query string or user
// information is a credential: both are masked, the rest is kept so the
// user can still tell which URL is meant.
func redacted(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.Host == "" {
		return redactedText(raw)
	}
	if u.User != nil {
		u.User = url.User(mask)
	}
	if u.RawQuery != "" {
		u.RawQuery = mask
	}
	u.Fragment = ""
	return u.String()
}

// redactedText masks a URL that does not parse into a host and a path, such
// as "ftp:user:pass@host/a.img": everything before the last "@" after the
// scheme, and everything after a "?".
func redactedText(raw string) string {
	text, query, hasQuery := strings.Cut(raw, "?")
	text, _, _ = strings.Cut(text, "#")

	if at := strings.LastIndex(text, "@"); at >= 0 {
		start := 0
		if colon := strings.Index(text, ":"); colon >= 0 && colon < at {
			start = colon + 1
		}
		text = text[:start] + mask + text[at:]
	}
	if hasQuery && query != "" {
		text += "?" + mask
	}
	return text
}
