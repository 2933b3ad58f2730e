package e2e

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

// quickImports keep every test at a few seconds: the provider polls first
// at once, then after 500ms, so an import of 200ms is seen done on the
// second poll.
var quickImports = emulator.Options{
	ImportDuration:   200 * time.Millisecond,
	TransferDuration: 100 * time.Millisecond,
}

// startAPI starts a contract-checked emulator with quick imports.
func startAPI(t *testing.T) *testenv.API {
	t.Helper()
	requireTools(t)
	return testenv.StartAPI(t, quickImports)
}

// onlyImage returns the one image the emulator holds, failing otherwise.
func onlyImage(t *testing.T, api *testenv.API) emulator.Image {
	t.Helper()
	images := api.Images()
	require.Len(t, images, 1, "images on the emulator: %+v", images)
	return images[0]
}

// requestLog renders the API requests as "METHOD path status" lines.
func requestLog(api *testenv.API) []string {
	var out []string
	for _, r := range api.Requests() {
		out = append(out, r.Method+" "+r.Path+" "+strconv.Itoa(r.Status))
	}
	return out
}

// indexOf returns the position of the first request with the method and
// exact path, or -1.
func indexOf(api *testenv.API, method, path string) int {
	for i, r := range api.Requests() {
		if r.Method == method && r.Path == path {
			return i
		}
	}
	return -1
}

func imagePath(id int) string { return "/v2/images/" + strconv.Itoa(id) }

// idString is an image id as Pulumi spells a resource ID.
func idString(id int) string { return strconv.Itoa(id) }
