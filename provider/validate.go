package provider

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
)

// Limits DigitalOcean enforces; breaking one fails Check, before anything
// is created.
const (
	maxNameLength = 255
	maxTagLength  = 255
)

var (
	tagPattern    = regexp.MustCompile(`^[a-zA-Z0-9_\-:]+$`)
	regionPattern = regexp.MustCompile(`^[a-z]{3}[0-9]{1,2}$`)
)

// Image formats DigitalOcean turns away after the upload has started; they
// are worth a warning at preview time rather than a failed import later.
var rejectedSuffixes = []string{".xz", ".zip", ".iso", ".tar.gz", ".tgz"}

func failure(property, format string, a ...any) p.CheckFailure {
	return p.CheckFailure{Property: property, Reason: fmt.Sprintf(format, a...)}
}

func validateName(name string) []p.CheckFailure {
	switch {
	case strings.TrimSpace(name) == "":
		return []p.CheckFailure{failure("name", "name must not be empty; leave it unset "+
			"to get a generated name")}
	case len(name) > maxNameLength:
		return []p.CheckFailure{failure("name", "name must be at most %d characters, got %d",
			maxNameLength, len(name))}
	}
	return nil
}

func validateURL(raw string) []p.CheckFailure {
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return []p.CheckFailure{failure("url", "url must be an http or https URL, got %q",
			redacted(raw))}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return []p.CheckFailure{failure("url", "url must use http or https: DigitalOcean "+
			"downloads the image itself and cannot read %q", redacted(raw))}
	}
	if u.Host == "" {
		return []p.CheckFailure{failure("url", "url must name a host, got %q", redacted(raw))}
	}
	return nil
}

// rejectedFormat returns the suffix of a URL whose format DigitalOcean will
// not import, or "".
func rejectedFormat(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	path := strings.ToLower(u.Path)
	for _, suffix := range rejectedSuffixes {
		if strings.HasSuffix(path, suffix) {
			return suffix
		}
	}
	return ""
}

func validateRegions(regions []string) []p.CheckFailure {
	if len(regions) == 0 {
		return []p.CheckFailure{failure("regions", "regions must list at least one region "+
			"slug, e.g. [nyc3]; the first is where the image is imported")}
	}

	var failures []p.CheckFailure
	seen := map[string]bool{}
	for i, region := range regions {
		if !regionPattern.MatchString(region) {
			failures = append(failures, failure("regions", "regions[%d]: %q is not a region "+
				"slug: slugs are three lowercase letters and a number, e.g. nyc3", i, region))
			continue
		}
		if seen[region] {
			failures = append(failures, failure("regions", "regions[%d]: region %q is listed "+
				"twice; each region may appear once", i, region))
		}
		seen[region] = true
	}
	return failures
}

func validateTags(tags []string) []p.CheckFailure {
	var failures []p.CheckFailure
	seen := map[string]bool{}
	for i, tag := range tags {
		switch {
		case len(tag) > maxTagLength:
			failures = append(failures, failure("tags", "tags[%d]: a tag must be at most %d "+
				"characters, got %d", i, maxTagLength, len(tag)))
		case !tagPattern.MatchString(tag):
			failures = append(failures, failure("tags", "tags[%d]: tag %q may contain only "+
				"letters, digits, '_', '-' and ':'", i, tag))
		case seen[strings.ToLower(tag)]:
			failures = append(failures, failure("tags", "tags[%d]: tag %q is listed twice; "+
				"DigitalOcean tags ignore case", i, tag))
		}
		seen[strings.ToLower(tag)] = true
	}
	return failures
}
