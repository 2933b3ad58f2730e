package languages

import (
	"os"
	"os/exec"
	"testing"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/provider"
)

const (
	providerName = testenv.ProviderName
	providerBin  = testenv.ProviderBinary
)

// tools are the CLI and the provider under test, set up once by TestMain.
var tools *testenv.Tools

func TestMain(m *testing.M) {
	testenv.Main(m, provider.Version, &tools)
}

// requireTools fails the test unless the CLI and the provider are ready.
func requireTools(t *testing.T) {
	t.Helper()
	tools.Require(t)
}

// requireInstalled fails the test, naming the make target that installs
// what is missing, or skips it when SKIP_LANGUAGE_SDK_TESTS=1.
func requireInstalled(t *testing.T, target string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			missing(t, target, p)
		}
	}
}

// requireModule is requireInstalled for a Python module.
func requireModule(t *testing.T, target, python, module string) {
	t.Helper()
	requireInstalled(t, target, python)
	if err := exec.Command(python, "-c", "import "+module).Run(); err != nil {
		missing(t, target, "the Python module "+module)
	}
}

func missing(t *testing.T, target, what string) {
	t.Helper()
	reason := what + " is missing; `make " + target + "` installs it"
	if os.Getenv("SKIP_LANGUAGE_SDK_TESTS") == "1" {
		t.Skip(reason + " (skipped: SKIP_LANGUAGE_SDK_TESTS=1)")
	}
	t.Fatal(reason + " (or set SKIP_LANGUAGE_SDK_TESTS=1 to skip)")
}
