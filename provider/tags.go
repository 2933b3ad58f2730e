package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/digitalocean/godo"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

// tagDifference returns the tags in a that are not in b. DigitalOcean tags
// ignore case, so "Prod" and "prod" are one tag.
func tagDifference(a, b []string) []string {
	in := map[string]bool{}
	for _, t := range b {
		in[strings.ToLower(t)] = true
	}

	var out []string
	for _, t := range a {
		if !in[strings.ToLower(t)] {
			out = append(out, t)
		}
	}
	return out
}

// sameTags reports whether two tag lists are one set.
func sameTags(a, b []string) bool {
	return len(tagDifference(a, b)) == 0 && len(tagDifference(b, a)) == 0
}

// spelledAs returns the tags the image has, each spelled as the program
// spells it where the program has it too. A tag added by hand then shows as
// the one change, and a tag whose canonical spelling differs does not.
func spelledAs(have, program []string) []string {
	spelling := map[string]string{}
	for _, t := range program {
		spelling[strings.ToLower(t)] = t
	}

	out := make([]string, 0, len(have))
	for _, t := range have {
		if mine, ok := spelling[strings.ToLower(t)]; ok {
			t = mine
		}
		out = append(out, t)
	}
	return out
}

// syncTags attaches and detaches tags until the image carries exactly want.
// Tags change only through the tags API; PUT on the image ignores them.
func syncTags(ctx context.Context, client *godo.Client, id int, have, want []string) error {
	resources := []godo.Resource{{ID: strconv.Itoa(id), Type: godo.ImageResourceType}}

	for _, tag := range tagDifference(want, have) {
		// A tag must exist before anything is attached to it; creating one
		// that exists already is harmless.
		if _, _, err := client.Tags.Create(ctx, &godo.TagCreateRequest{Name: tag}); err != nil {
			return doclient.Describe(fmt.Sprintf("creating tag %q", tag), err)
		}
		req := &godo.TagResourcesRequest{Resources: resources}
		if _, err := client.Tags.TagResources(ctx, tag, req); err != nil {
			return doclient.Describe(fmt.Sprintf("tagging image %d with %q", id, tag), err)
		}
	}

	for _, tag := range tagDifference(have, want) {
		req := &godo.UntagResourcesRequest{Resources: resources}
		_, err := client.Tags.UntagResources(ctx, tag, req)
		if err != nil && !doclient.IsNotFound(err) {
			return doclient.Describe(fmt.Sprintf("removing tag %q from image %d", tag, id), err)
		}
	}
	return nil
}
