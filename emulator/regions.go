package emulator

import (
	"net/http"
	"slices"
)

// region is one datacenter region as the API describes it.
type region struct {
	Name      string   `json:"name"`
	Slug      string   `json:"slug"`
	Features  []string `json:"features"`
	Available bool     `json:"available"`
	Sizes     []string `json:"sizes"`
}

// regionFeatures are what every emulated region offers; image_transfer is
// the one a transfer needs.
var regionFeatures = []string{
	"backups", "ipv6", "metadata", "install_agent", "storage", "image_transfer",
}

// regionSizes is a short, realistic Droplet size list.
var regionSizes = []string{
	"s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-2gb", "s-2vcpu-4gb", "s-4vcpu-8gb",
}

// regions is the fixed region list, in the order the real API lists them.
var regions = []region{
	newRegion("New York 1", "nyc1"),
	newRegion("San Francisco 2", "sfo2"),
	newRegion("Amsterdam 3", "ams3"),
	newRegion("Singapore 1", "sgp1"),
	newRegion("London 1", "lon1"),
	newRegion("New York 3", "nyc3"),
	newRegion("Frankfurt 1", "fra1"),
	newRegion("Toronto 1", "tor1"),
	newRegion("Bangalore 1", "blr1"),
	newRegion("San Francisco 3", "sfo3"),
	newRegion("Sydney 1", "syd1"),
}

// newRegion builds an available region with the shared features and sizes.
func newRegion(name, slug string) region {
	return region{
		Name:      name,
		Slug:      slug,
		Features:  slices.Clone(regionFeatures),
		Available: true,
		Sizes:     slices.Clone(regionSizes),
	}
}

// findRegion returns the region with the slug.
func findRegion(slug string) (region, bool) {
	for _, r := range regions {
		if r.Slug == slug {
			return r, true
		}
	}
	return region{}, false
}

// listRegions answers GET /v2/regions.
func (s *Server) listRegions(w http.ResponseWriter, r *http.Request) {
	pg, ok := parsePage(w, r)
	if !ok {
		return
	}
	items, links := paginate(r, pg, regions)
	writeJSON(w, http.StatusOK, map[string]any{
		"regions": items,
		"links":   links,
		"meta":    meta{Total: len(regions)},
	})
}
