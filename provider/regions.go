package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider/internal/doclient"
)

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

// checkOffered fails, naming the property, when DigitalOcean does not offer
// a region the program lists. Check can only see that a slug is well
// formed, since the regions on offer change; without this, a mistyped last
// region would surface only once the import had finished, minutes later.
// A token that may not list regions only loses the early warning.
func checkOffered(ctx context.Context, clients *doclient.Clients, regions []string) error {
	offered, err := clients.OfferedRegions(ctx)
	if err != nil {
		p.GetLogger(ctx).Warningf("regions were not checked before starting: %s",
			doclient.Describe("listing DigitalOcean's regions", err))
		return nil
	}

	for _, region := range regions {
		if !slices.Contains(offered, region) {
			return fmt.Errorf("regions: DigitalOcean offers no region %q now (it offers %s); "+
				"nothing was changed", region, strings.Join(offered, ", "))
		}
	}
	return nil
}
