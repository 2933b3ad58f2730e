package languages

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

// Every language runs the same scenario: import an image with the first
// description, change it to the second in place, then destroy the image.
// The driver scripts in testdata/ spell these values out too.
const (
	imageURL          = "https://images.example.test/flatcar.bin.bz2"
	firstDescription  = "first"
	secondDescription = "second"
)

// runTimeout bounds one whole scenario, so a hung engine fails its test.
const runTimeout = 3 * time.Minute

// outputs are the stack outputs each program exports.
type outputs struct {
	ImageID     int      `json:"imageId"`
	Status      string   `json:"status"`
	Regions     []string `json:"regions"`
	Description string   `json:"description"`
}

// scenario is what a run reports: the outputs after each update.
type scenario struct {
	Created outputs `json:"created"`
	Updated outputs `json:"updated"`
}

// startAPI starts a contract-checked emulator whose imports take 200ms,
// long enough that the provider has to wait and short enough to keep a
// scenario at seconds.
func startAPI(t *testing.T) *testenv.API {
	t.Helper()
	return testenv.StartAPI(t, emulator.Options{
		ImportDuration:   200 * time.Millisecond,
		TransferDuration: 100 * time.Millisecond,
	})
}

// cliEnv is what every CLI run of a test needs on top of the inherited
// environment: a private file backend and PULUMI_HOME, the CLI and the
// freshly built provider first on PATH, and the emulator's token.
func cliEnv(t *testing.T) map[string]string {
	t.Helper()
	root := t.TempDir()
	backend := filepath.Join(root, "backend")
	require.NoError(t, os.MkdirAll(backend, 0o755))
	return map[string]string{
		"PATH": strings.Join([]string{tools.ProviderDir,
			filepath.Join(tools.Dir, "bin"), os.Getenv("PATH")}, string(os.PathListSeparator)),
		"PULUMI_BACKEND_URL":                          "file://" + backend,
		"PULUMI_HOME":                                 filepath.Join(root, "home"),
		"PULUMI_CONFIG_PASSPHRASE":                    "test",
		"PULUMI_SKIP_UPDATE_CHECK":                    "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"DIGITALOCEAN_TOKEN":                          testenv.Token,
	}
}

// requireScenario checks what the user saw and what the API saw: one
// import, one in-place update of that same image, one delete, nothing left.
func requireScenario(t *testing.T, api *testenv.API, got scenario) {
	t.Helper()
	log := requestLog(api)

	posts := api.RequestsTo("POST", "/v2/images")
	require.Len(t, posts, 1, "one import expected; requests:\n%s", log)
	id := got.Created.ImageID
	require.NotZero(t, id, "imageId output after the first update")
	imagePath := "/v2/images/" + strconv.Itoa(id)

	assert.Equal(t, outputs{ImageID: id, Status: "available", Regions: []string{"nyc3"},
		Description: firstDescription}, got.Created)
	assert.Equal(t, outputs{ImageID: id, Status: "available", Regions: []string{"nyc3"},
		Description: secondDescription}, got.Updated)

	puts := api.RequestsTo("PUT", "/v2/images")
	require.Len(t, puts, 1, "one in-place update expected; requests:\n%s", log)
	assert.Equal(t, imagePath, puts[0].Path)
	assert.Contains(t, string(puts[0].Body), secondDescription)

	deletes := api.RequestsTo("DELETE", "/v2/images")
	require.Len(t, deletes, 1, "one delete expected; requests:\n%s", log)
	assert.Equal(t, imagePath, deletes[0].Path)
	assert.Empty(t, api.Images(), "images left on the emulator after destroy")
}

// requestLog renders the API requests as "METHOD path status" lines.
func requestLog(api *testenv.API) string {
	var lines []string
	for _, r := range api.Requests() {
		lines = append(lines, "  "+r.Method+" "+r.Path+" "+strconv.Itoa(r.Status))
	}
	return strings.Join(lines, "\n")
}
