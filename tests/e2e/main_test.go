package e2e

import (
	"testing"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

const (
	providerName = testenv.ProviderName
	providerBin  = testenv.ProviderBinary

	// buildVersion is stamped into the provider built for these tests, so a
	// test can tell it from any other build.
	buildVersion = "1.2.3-e2e"
)

// tools are the CLI and the provider under test, set up once by TestMain.
var tools *testenv.Tools

func TestMain(m *testing.M) {
	testenv.Main(m, buildVersion, &tools)
}

// requireTools fails the test unless the CLI and the provider are ready.
func requireTools(t *testing.T) {
	t.Helper()
	tools.Require(t)
}
