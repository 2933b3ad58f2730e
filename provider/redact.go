package provider

import (
	"errors"
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

// hideURL masks the image URL where DigitalOcean's reason for a failed
// import repeats it, as a download error may: whole, escaped, or just its
// credentials. Call it before the error is wrapped: fmt.Errorf renders the
// message of what it wraps at once.
func hideURL(err error, raw string) {
	var failed *importFailedError
	if raw == "" || !errors.As(err, &failed) {
		return
	}

	msg := failed.message
	msg = strings.ReplaceAll(msg, raw, redacted(raw))
	msg = strings.ReplaceAll(msg, url.QueryEscape(raw), redacted(raw))
	for _, secret := range credentialsOf(raw) {
		msg = strings.ReplaceAll(msg, secret, mask)
	}
	failed.message = msg
}

// credentialsOf returns the parts of a URL that may be a credential: its
// user information and its query string.
func credentialsOf(raw string) []string {
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	var parts []string
	if u.User != nil {
		parts = append(parts, u.User.String())
		if password, ok := u.User.Password(); ok && password != "" {
			parts = append(parts, password)
		}
	}
	if u.RawQuery != "" {
		parts = append(parts, u.RawQuery)
	}
	for _, values := range u.Query() {
		for _, v := range values {
			// Short values are words, not signatures, and masking them
			// would garble the message.
			if len(v) >= 8 {
				parts = append(parts, v)
			}
		}
	}
	return parts
}
