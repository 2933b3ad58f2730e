package emulator

import "slices"

// unknownDistribution is what the API reads back for a distribution it
// does not know, or none; the contract says "Unknown", the field says this.
const unknownDistribution = "Unknown OS"

// knownDistributions are the values the contract lists; they are stored
// as given.
var knownDistributions = []string{
	"Arch Linux", "CentOS", "CoreOS", "Debian", "Fedora", "Fedora Atomic",
	"FreeBSD", "Gentoo", "openSUSE", "RancherOS", "Rocky Linux", "Ubuntu", "Unknown",
}

// normalDistribution is the distribution as the API stores it.
func normalDistribution(d string) string {
	if slices.Contains(knownDistributions, d) {
		return d
	}
	return unknownDistribution
}
