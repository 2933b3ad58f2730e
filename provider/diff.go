package provider

import (
	"context"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Diff decides, property by property, what a change costs. Only a new URL,
// or dropping a region the program asked for, needs a new image; everything
// else changes in place. Values are compared the way DigitalOcean stores
// them, so a plan converges: tags as a set without regard to case, the
// unknown distributions as one, regions added outside the program ignored.
// During a preview, inputs that are not known yet arrive empty and are
// planned as in-place updates.
func (c CustomImage) Diff(
	ctx context.Context, req infer.DiffRequest[CustomImageArgs, CustomImageState],
) (infer.DiffResponse, error) {
	old, want := req.State, req.Inputs
	diff := map[string]p.PropertyDiff{}
	update := p.PropertyDiff{Kind: p.Update, InputDiff: true}
	replace := p.PropertyDiff{Kind: p.UpdateReplace, InputDiff: true}

	if want.Name == nil || *want.Name != old.Name {
		diff["name"] = update
	}
	if kind, changed := urlChange(old.URL, want.URL); changed {
		diff["url"] = p.PropertyDiff{Kind: kind, InputDiff: true}
	}
	switch {
	case len(want.Regions) == 0:
		diff["regions"] = update
	case len(droppedRegions(old.Regions, want.Regions)) > 0:
		diff["regions"] = replace
		if adopted(old) {
			// An adopted image's regions came from the API, not from a
			// program; the first program to describe it picks which it wants.
			diff["regions"] = update
		}
	case len(missingRegions(old.Regions, want.Regions)) > 0:
		// Against the regions reached, not the inputs: after a wait was cut
		// short the inputs already list every region, and the plan would
		// show two identical lists.
		diff["regions"] = p.PropertyDiff{Kind: p.Update}
	}
	if deref(want.Description) != deref(old.Description) {
		diff["description"] = update
	}
	if !sameDistribution(deref(want.Distribution), deref(old.Distribution)) {
		diff["distribution"] = update
	}
	if !sameTags(want.Tags, old.Tags) {
		diff["tags"] = update
	}

	return infer.DiffResponse{HasChanges: len(diff) > 0, DetailedDiff: diff}, nil
}

// urlChange compares the URL an image came from with the program's. An
// adopted image has none on record: the API never says where an image came
// from, so the program's URL is recorded in place rather than importing a
// copy.
func urlChange(old, want string) (p.DiffKind, bool) {
	switch {
	case old == want:
		return "", false
	case old == "":
		return p.Update, true
	default:
		return p.UpdateReplace, true
	}
}

// adopted reports whether the image came into the stack by `pulumi import`
// and no program has described it yet: only then is its URL unknown, since
// every image the provider creates is created from one.
func adopted(state CustomImageState) bool {
	return state.URL == ""
}
