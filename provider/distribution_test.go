package provider

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnsetUnknownAndUnknownOSAreOneDistribution(t *testing.T) {
	for _, a := range []string{"", "Unknown", "Unknown OS", "unknown os"} {
		for _, b := range []string{"", "Unknown", "Unknown OS"} {
			assert.True(t, sameDistribution(a, b), "%q and %q", a, b)
		}
	}
}

func TestADistributionOutsideTheListIsStoredAsUnknown(t *testing.T) {
	assert.True(t, sameDistribution("Flatcar", "Unknown OS"))
	assert.False(t, sameDistribution("Ubuntu", "Unknown OS"))
}

func TestRockyLinuxIsAKnownDistribution(t *testing.T) {
	got, ok := knownDistribution("Rocky Linux")
	assert.True(t, ok)
	assert.Equal(t, "Rocky Linux", got)
}

func TestKnownDistributionsCompareWithoutRegardToCase(t *testing.T) {
	assert.True(t, sameDistribution("ubuntu", "Ubuntu"))
	assert.False(t, sameDistribution("Ubuntu", "Debian"))
}
