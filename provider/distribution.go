package provider

import (
	"strconv"
	"strings"
)

// quotedList writes values as "a", "b", "c", so that names with spaces,
// such as Fedora Atomic, read as one value.
func quotedList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = strconv.Quote(v)
	}
	return strings.Join(quoted, ", ")
}

// knownDistributions is the list in DigitalOcean's API contract.
var knownDistributions = []string{
	"Arch Linux", "CentOS", "CoreOS", "Debian", "Fedora", "Fedora Atomic",
	"FreeBSD", "Gentoo", "openSUSE", "RancherOS", "Rocky Linux", "Ubuntu",
	"Unknown",
}

// unknownDistribution is what every distribution outside the list becomes.
const unknownDistribution = "Unknown"

// canonicalDistribution returns the value DigitalOcean ends up holding for d.
// The API stores anything outside its list, and an unset value, as unknown,
// and reads that back as "Unknown OS" or sometimes "Unknown"; comparing
// canonical values is what lets a plan converge.
func canonicalDistribution(d string) string {
	known, ok := knownDistribution(d)
	if !ok {
		return unknownDistribution
	}
	return known
}

// spelledForAPI returns d as DigitalOcean's list spells it, since the API
// stores "ubuntu" as unknown; a value outside the list goes as written.
func spelledForAPI(d string) string {
	if known, ok := knownDistribution(d); ok {
		return known
	}
	return d
}

// sameDistribution reports whether two distributions end up as one value.
func sameDistribution(a, b string) bool {
	return canonicalDistribution(a) == canonicalDistribution(b)
}

// knownDistribution returns the contract's spelling of d, and whether d is in
// the contract's list at all.
func knownDistribution(d string) (string, bool) {
	for _, known := range knownDistributions {
		if strings.EqualFold(d, known) {
			return known, true
		}
	}
	return "", false
}
