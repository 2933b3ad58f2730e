package provider

import "net/url"

// redacted returns an image URL fit for an error message or a log line.
// Images are often served from pre-signed URLs, whose query string or user
// information is a credential: both are masked, the rest is kept so the
// user can still tell which URL is meant.
func redacted(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(an unparsable URL)"
	}
	if u.User != nil {
		u.User = url.User("xxxxx")
	}
	if u.RawQuery != "" {
		u.RawQuery = "xxxxx"
	}
	u.Fragment = ""
	return u.String()
}
