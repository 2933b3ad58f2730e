package contract

import (
	"encoding/json"
	"net/http"
	"slices"

	"github.com/getkin/kin-openapi/routers"
)

// The real API differs from its own contract in a few known ways. Each gap
// is tolerated by rewriting exactly the offending value into the nearest
// value the contract allows, then validating the whole message as usual,
// so everything around a gap is still checked. Gaps that need no rewrite:
//
//   - 422 unprocessable_entity is not listed on any operation; it is
//     checked against the operation's "default" response, which carries
//     DigitalOcean's error body.
//   - status "deleted" on a failed import that still reads back with 200 is
//     already in the status enum; only the lifecycle is undocumented.

// Operation paths whose messages carry image objects.
const (
	imagesPath       = "/v2/images"
	imagePath        = "/v2/images/{image_id}"
	imageActionsPath = "/v2/images/{image_id}/actions"
)

// tolerateRequest rewrites known gaps in a request body.
//
// distribution: the contract's prose says any value is accepted and
// stored as unknown, yet its schema has an enum; clients pass user values
// through (with a warning), so any string there reads as "Unknown".
func tolerateRequest(route *routers.Route, body []byte, notes *[]string) []byte {
	isImageWrite := (route.Path == imagesPath && route.Method == http.MethodPost) ||
		(route.Path == imagePath && route.Method == http.MethodPut)
	if !isImageWrite {
		return body
	}
	var doc map[string]any
	if json.Unmarshal(body, &doc) != nil {
		return body
	}
	d, ok := doc["distribution"].(string)
	if !ok || slices.Contains(contractDistributions, d) {
		return body
	}
	doc["distribution"] = "Unknown"
	*notes = append(*notes, "request distribution "+quote(d)+
		" is outside the enum; the contract says any value is accepted")
	return remarshal(doc, body)
}

// contractDistributions is the contract's distribution enum.
var contractDistributions = []string{
	"Arch Linux", "CentOS", "CoreOS", "Debian", "Fedora", "Fedora Atomic",
	"FreeBSD", "Gentoo", "openSUSE", "RancherOS", "Rocky Linux", "Ubuntu", "Unknown",
}

// tolerateResponse rewrites known gaps in a successful response body.
func tolerateResponse(route *routers.Route, status int, body []byte, notes *[]string) []byte {
	if status < 200 || status > 299 || len(body) == 0 {
		return body
	}
	var doc map[string]any
	if json.Unmarshal(body, &doc) != nil {
		return body
	}

	switch route.Path {
	case imagesPath, imagePath:
		for _, img := range imageObjects(doc) {
			tolerateImage(img, notes)
		}
	case imageActionsPath:
		if route.Method == http.MethodPost {
			return unwrapAction(doc, body, notes)
		}
	}
	return remarshal(doc, body)
}

// imageObjects returns the image objects of a single or list answer.
func imageObjects(doc map[string]any) []map[string]any {
	if img, ok := doc["image"].(map[string]any); ok {
		return []map[string]any{img}
	}
	list, _ := doc["images"].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, v := range list {
		if img, ok := v.(map[string]any); ok {
			out = append(out, img)
		}
	}
	return out
}

// tolerateImage rewrites the two image fields the field reports disagree
// with the contract on:
//
//   - status "new": the API has answered the NEW status in lowercase;
//   - distribution "Unknown OS": what an unknown distribution reads back
//     as, where the contract says "Unknown".
func tolerateImage(img map[string]any, notes *[]string) {
	if img["status"] == "new" {
		img["status"] = "NEW"
		*notes = append(*notes, `image status "new" read as "NEW"`)
	}
	if img["distribution"] == "Unknown OS" {
		img["distribution"] = "Unknown"
		*notes = append(*notes, `image distribution "Unknown OS" read as "Unknown"`)
	}
}

// unwrapAction checks the action inside {"action": ...}. The contract's
// 201 schema for POST /v2/images/{image_id}/actions describes the bare
// action, while its own prose, its example and godo all have it wrapped;
// validating the wrapper against it would check nothing.
func unwrapAction(doc map[string]any, body []byte, notes *[]string) []byte {
	action, ok := doc["action"].(map[string]any)
	if !ok {
		return body
	}
	*notes = append(*notes, `action checked inside its "action" wrapper`)
	return remarshal(action, body)
}

// remarshal encodes v, keeping the original body if that fails.
func remarshal(v any, original []byte) []byte {
	out, err := json.Marshal(v)
	if err != nil {
		return original
	}
	return out
}

// quote wraps a value in double quotes for a note.
func quote(s string) string {
	out, _ := json.Marshal(s)
	return string(out)
}
