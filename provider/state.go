package provider

import (
	"slices"

	"github.com/digitalocean/godo"
)

// stateOf describes an image as DigitalOcean reports it. The inputs are
// rebuilt from the API, keeping the program's own spelling wherever the API
// holds an equivalent value, so that a refresh never invents a change.
func stateOf(img *godo.Image, prior CustomImageArgs) CustomImageState {
	state := CustomImageState{
		ImageID:       img.ID,
		Type:          img.Type,
		Slug:          img.Slug,
		Public:        img.Public,
		MinDiskSize:   img.MinDiskSize,
		SizeGigabytes: img.SizeGigaBytes,
		CreatedAt:     img.Created,
		Status:        img.Status,
		ImageRegions:  orEmpty(img.Regions),
	}
	return state.withInputs(argsOf(img, prior))
}

// complete fills the lists the schema requires. State read back from the
// stack decodes an empty list as none, and a state written without them
// could not be read again: every later preview and destroy would fail.
func (s CustomImageState) complete() CustomImageState {
	s.Regions = orEmpty(s.Regions)
	s.ImageRegions = orEmpty(s.ImageRegions)
	return s
}

func argsOf(img *godo.Image, prior CustomImageArgs) CustomImageArgs {
	args := CustomImageArgs{Name: &img.Name, ImageSettings: ImageSettings{
		URL:     prior.URL, // the API never returns the URL an image came from
		Regions: requestedRegions(img.Regions, prior.Regions),
		Tags:    img.Tags,
	}}

	if prior.Description != nil || img.Description != "" {
		args.Description = &img.Description
	}

	args.Distribution = prior.Distribution
	if !sameDistribution(deref(prior.Distribution), img.Distribution) {
		args.Distribution = &img.Distribution
	}

	if sameTags(prior.Tags, img.Tags) {
		args.Tags = prior.Tags
	} else {
		args.Tags = spelledAs(img.Tags, prior.Tags)
	}
	return args
}

// requestedRegions returns the regions the program asked for that the image
// is in, in the program's order. Regions added outside the program are left
// out, so they never look like a region the program dropped. An image the
// program never described (an import) is in every region it has.
func requestedRegions(have, asked []string) []string {
	if asked == nil {
		return orEmpty(have)
	}

	reached := []string{}
	for _, region := range asked {
		if slices.Contains(have, region) {
			reached = append(reached, region)
		}
	}
	return reached
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
