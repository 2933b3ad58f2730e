package provider

import "slices"

// missingRegions returns the regions in want the image is not in yet.
func missingRegions(have, want []string) []string {
	var missing []string
	for _, region := range want {
		if !slices.Contains(have, region) {
			missing = append(missing, region)
		}
	}
	return missing
}

// droppedRegions returns the regions the image was asked to be in that the
// program no longer lists. No API removes an image from a region, so any
// dropped region means a new image.
func droppedRegions(old, want []string) []string {
	return missingRegions(want, old)
}
