package contract_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator/contract"
)

// loadSpec loads the contract or skips the test, saying where it looked.
func loadSpec(t *testing.T) *contract.Spec {
	t.Helper()
	spec, err := contract.FindAndLoad()
	if errors.Is(err, contract.ErrSpecNotFound) {
		t.Skipf("contract file not found: %v", err)
	}
	require.NoError(t, err)
	return spec
}

func TestTheContractLoads(t *testing.T) {
	loadSpec(t)
}

func TestAMissingContractIsReportedAsNotFound(t *testing.T) {
	t.Setenv(contract.EnvSpecPath, t.TempDir()+"/absent.json")

	_, err := contract.Find()

	require.ErrorIs(t, err, contract.ErrSpecNotFound)
	require.Contains(t, err.Error(), "absent.json")
}
